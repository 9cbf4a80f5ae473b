// The HTML reports' stylesheet: light colours only (it is printed), CJK fonts first, and a print
// layout for A4: page margins, big sections on new pages, table headers repeated on every page,
// rows and figures kept whole, the plan scaled to the page width.
#include "report/html_page.hpp"

namespace camaudit::report::html {

std::string_view stylesheet() {
    static constexpr std::string_view css = R"css(:root { color-scheme: light; }
* { box-sizing: border-box; }
html {
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
    "Microsoft YaHei", "PingFang SC", "DejaVu Sans", sans-serif;
  font-size: 10.5pt; line-height: 1.5; color: #212121; background: #ffffff;
}
body { margin: 0 auto; max-width: 210mm; padding: 10mm 12mm; }
h1 { font-size: 18pt; margin: 0 0 1mm; }
h2 { font-size: 14pt; margin: 8mm 0 3mm; padding-bottom: 1mm; border-bottom: 2px solid #616161; }
h3 { font-size: 12pt; margin: 6mm 0 2mm; }
h4 { font-size: 10.5pt; margin: 3mm 0 1mm; }
p { margin: 1.5mm 0; }
a { color: #0d47a1; }
.doc-head { border-bottom: 3px double #616161; padding-bottom: 2mm; margin-bottom: 4mm; }
.doc-meta, .muted, .doc-foot { color: #616161; font-size: 9pt; }
.doc-foot { margin-top: 8mm; border-top: 1px solid #bdbdbd; padding-top: 2mm; }
nav.toc h2 { font-size: 12pt; border: none; margin: 4mm 0 1mm; }
nav.toc ol { margin: 0; padding-left: 6mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 9pt; }
caption { text-align: left; font-weight: bold; padding: 1mm 0; }
th, td { border: 1px solid #bdbdbd; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
thead th { background: #eeeeee; font-weight: bold; }
table.findings { table-layout: fixed; }
col.c-no { width: 7%; } col.c-sev { width: 9%; } col.c-rule { width: 19%; }
col.c-cam { width: 8%; } col.c-zone { width: 11%; } col.c-loc { width: 16%; }
table.findings td:nth-child(3), table.findings td:nth-child(5) { overflow-wrap: anywhere; }
thead th { white-space: nowrap; }
tr.group th { background: #f5f5f5; }
tr.zone.mandatory td:first-child { font-weight: bold; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.ok { color: #1b5e20; }
td.bad { color: #b71c1c; font-weight: bold; }
table.facts th { width: 32%; background: #f5f5f5; font-weight: normal; }
tr.law td { border-top: none; background: #fafafa; }
tr.finding td { border-bottom-style: dotted; }
code, .loc { font-family: "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace; font-size: 8.5pt; }
.loc { word-break: break-all; }
.sev { display: inline-block; font-weight: bold; white-space: nowrap; border: 1px solid;
  border-radius: 2px; padding: 0 1mm; }
.sev-error { color: #b71c1c; background: #fdecea; }
.sev-warning { color: #e65100; background: #fff3e0; }
.sev-info { color: #0d47a1; background: #e3f2fd; }
.st { display: inline-block; white-space: nowrap; border: 1px solid; border-radius: 2px; padding: 0 1mm; }
.st-pass { color: #1b5e20; background: #e8f5e9; }
.st-fail { color: #b71c1c; background: #fdecea; font-weight: bold; }
.st-na { color: #616161; background: #f5f5f5; }
.st-attested { color: #0d47a1; background: #e3f2fd; }
.st-not-attested { color: #e65100; background: #fff3e0; }
.counts span { margin-right: 4mm; }
ul.citations { list-style: none; margin: 0; padding: 0; }
ul.citations li { margin: 0.5mm 0 1mm; }
p.penalties { margin: 1mm 0 0; font-weight: bold; }
.cite-label { font-weight: bold; }
.cite-label-alt { color: #616161; }
blockquote.article { margin: 0.5mm 0 0 4mm; padding: 0 0 0 2mm; border-left: 3px solid #9e9e9e;
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Noto Sans CJK SC", serif; }
figure.plan { margin: 0; }
figure.plan svg.plan-svg { display: block; width: 100%; height: auto; border: 1px solid #bdbdbd; }
figure.plan figcaption { font-size: 9pt; color: #616161; margin-top: 1mm; }
ol.evidence, ul.evidence { margin: 0; padding-left: 4mm; }
.tick { white-space: nowrap; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm 10mm; margin-top: 8mm; }
.signatures div { border-bottom: 1px solid #616161; padding-top: 10mm; font-size: 9pt; }
@page { size: A4; margin: 14mm 12mm 16mm 12mm; }
@media print {
  html { font-size: 9.5pt; }
  body { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  .new-page { break-before: page; }
  h1, h2, h3, h4, caption { break-after: avoid; }
  thead { display: table-header-group; }
  tr, tbody.finding, figure.plan, blockquote.article, .signatures { break-inside: avoid; }
  /* The plan is drawn for A4 landscape: it gets a landscape page of its own. */
  section.landscape { page: landscape; }
  figure.plan svg.plan-svg { max-height: 165mm; }
}
@page landscape { size: A4 landscape; margin: 10mm 12mm 14mm 12mm; }
)css";
    return css;
}

}  // namespace camaudit::report::html
