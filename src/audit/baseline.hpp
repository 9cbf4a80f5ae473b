// Baselines: findings accepted on purpose, each with the reason why and an optional expiry,
// matched by fingerprint (site id, check, camera id, zone id), so that they survive edits that
// reorder the site file or relabel its elements. `camaudit check --baseline FILE` hides the
// findings that a live entry matches; `--write-baseline FILE` writes one.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "audit/finding.hpp"
#include "io/yaml_tree.hpp"
#include "model/date.hpp"
#include "model/diagnostics.hpp"

namespace camaudit::audit {

// The reason that --write-baseline writes: an entry still carrying it is refused when read.
inline constexpr std::string_view kReasonPlaceholder = "TODO: say why this finding is accepted";

struct BaselineEntry {
    std::string fingerprint;
    // For people reading the file; matching is by fingerprint only.
    std::string rule, site;
    std::optional<std::string> camera, zone;
    std::string message;
    std::string reason;
    std::optional<Date> expires;  // hides its finding up to and including this day
    SourceLocation loc;           // the entry
    SourceLocation expires_loc;
};

struct Baseline {
    std::string file;
    std::vector<BaselineEntry> entries;
};

// Reads a baseline file; every problem (syntax, unknown or duplicate keys, a missing or
// placeholder reason, a bad date, a duplicate fingerprint) goes to `diag` as
// file:line:column, and then the result is nullopt. `for_update`: the placeholder reason is
// accepted (reading the previous baseline that --write-baseline updates).
std::optional<Baseline> read_baseline(const std::string& path, Diagnostics& diag,
                                      bool for_update = false);
// The same on text in memory; `path` is used for messages.
std::optional<Baseline> parse_baseline(const std::string& path, const std::string& text,
                                       Diagnostics& diag, bool for_update = false);

// Applies a baseline on one day: hides the findings of live entries and remembers which
// entries were used.
class BaselineFilter {
  public:
    BaselineFilter(const Baseline& baseline, const Date& today);

    // Removes the findings that a live (not expired) entry matches; returns how many.
    std::size_t filter(std::vector<Finding>& findings);
    // A warning in `diag` for each expired entry, and for each entry that matched no finding
    // although its site (or, for an entry without `site`, some site) was audited.
    void report(const std::set<std::string>& audited_sites, Diagnostics& diag) const;

  private:
    const Baseline& baseline_;
    Date today_;
    std::map<std::string, std::size_t, std::less<>> index_;  // fingerprint → entry
    std::vector<bool> used_;
    std::vector<bool> expired_match_;  // expired and its finding was there (reported again)
};

// The text of a baseline holding every finding of `findings` (one entry per fingerprint,
// sorted by site, rule, camera and zone), with messages in Chinese if `zh`. Reasons and expiry
// dates are kept from `previous` for the fingerprints it has; the others get the placeholder.
std::string write_baseline(const std::vector<const Finding*>& findings, const Baseline* previous,
                           bool zh);

// "Today" for expiry: $CAMAUDIT_TODAY (YYYY-MM-DD, for tests) if set, else the local date;
// nullopt after an error in `diag` when the variable is malformed.
std::optional<Date> baseline_today(Diagnostics& diag);

// Reads a small YAML file (a baseline, a camaudit.yaml) into a tree, with the checks of the
// site reader (encoding, size, aliases, nesting, one document). `what` names the kind of file
// in messages ("baseline file"). A file with nothing but comments gives a Null node.
std::optional<io::YNode> read_yaml_file(const std::string& path, std::string_view what,
                                        Diagnostics& diag);
std::optional<io::YNode> parse_yaml_text(const std::string& path, const std::string& text,
                                         std::string_view what, Diagnostics& diag);

}  // namespace camaudit::audit
