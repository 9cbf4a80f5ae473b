#!/usr/bin/env python3
"""Writes a larger IFC model for timing the import: COPIES copies of a model's buildings side by
side, each under its own IfcSite of the one IfcProject (instance numbers offset, GlobalIds made
unique, each site's placement moved SPACING metres east of the previous one).

Usage: bench/gen_ifc_model.py MODEL.ifc COPIES SPACING OUT.ifc
e.g.   bench/gen_ifc_model.py tests/ifc/AC20-FZK-Haus.ifc 2 30 /tmp/fzk-x2.ifc   (5.2 MB)
"""
import re
import sys

model, copies, spacing, out = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
text = open(model, encoding="latin-1").read()
head, rest = text.split("DATA;", 1)
data, tail = rest.split("ENDSEC;", 1)
instances = re.findall(r"#(\d+)\s*=\s*([A-Z0-9_]+)\s*\((.*?)\);\s*(?=#\d+\s*=|$)", data, re.S)
top = max(int(n) for n, _, _ in instances)
project = next(n for n, cls, _ in instances if cls == "IFCPROJECT")
site = next(n for n, cls, _ in instances if cls == "IFCSITE")
ref = re.compile(r"#(\d+)")
lines = []
for k in range(copies):
    offset = k * (top + 10)
    for n, cls, args in instances:
        if k > 0 and cls == "IFCPROJECT":
            continue  # one project: the copies' sites are aggregated into the first
        shifted = ref.sub(
            lambda m: "#" + (m.group(1) if k > 0 and m.group(1) == project
                             else str(int(m.group(1)) + offset)), args)
        if k > 0:  # GlobalIds: the first attribute of rooted entities, 22 characters
            shifted = re.sub(r"^'(.)(.{21})'", lambda m: "'%s%s'" % ("0123456789"[k % 10],
                                                                     m.group(2)), shifted)
        if k > 0 and n == site:
            # Its ObjectPlacement (6th attribute) becomes a placement SPACING·k metres east.
            fields = shifted.split(",")
            base = (copies + 1) * (top + 10) + 4 * k
            fields[5] = "#%d" % base
            shifted = ",".join(fields)
            lines.append("#%d=IFCLOCALPLACEMENT($,#%d);" % (base, base + 1))
            lines.append("#%d=IFCAXIS2PLACEMENT3D(#%d,$,$);" % (base + 1, base + 2))
            lines.append("#%d=IFCCARTESIANPOINT((%r,0.,0.));" % (base + 2, spacing * k))
        lines.append("#%d=%s(%s);" % (int(n) + offset, cls, shifted))
with open(out, "w", encoding="latin-1") as f:
    f.write(head + "DATA;\n" + "\n".join(lines) + "\nENDSEC;" + tail)
