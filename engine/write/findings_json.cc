// The findings JSON writer (contract: ARCHITECTURE.md "Findings JSON", schemas/findings.schema.json).
#include <nlohmann/json.hpp>

#include <utility>

#include "ogicheck/write.h"
#include "write/findings_json_parts.h"

namespace ogicheck {
namespace write {
namespace {

ordered_json FindingJson(const Finding& f) {
  ordered_json j;
  j["rule"] = f.rule;
  j["severity"] = SeverityName(f.severity);
  j["outcome"] = OutcomeName(f.outcome);
  j["message"] = f.message;
  j["basis"] = f.basis;
  ordered_json loc;
  loc["line"] = f.location.line ? ordered_json(f.location.line) : ordered_json(nullptr);
  loc["column"] = f.location.column ? ordered_json(f.location.column) : ordered_json(nullptr);
  if (f.location.page) loc["page"] = f.location.page;
  if (!f.location.element.empty()) loc["element"] = f.location.element;
  auto opt = [](const std::string& s) {
    return s.empty() ? ordered_json(nullptr) : ordered_json(s);
  };
  loc["section"] = opt(f.location.section);
  loc["table"] = opt(f.location.table);
  loc["row"] = opt(f.location.row);
  loc["col"] = opt(f.location.col);
  j["location"] = std::move(loc);
  ordered_json ev = ordered_json::array();
  for (const Evidence& e : f.evidence) {
    ordered_json x;
    x["ref"] = e.ref;
    x["label"] = e.label;
    x["value"] = e.value ? ordered_json(*e.value) : ordered_json(nullptr);
    // An integer value prints as 67, not 67.0.
    if (e.value && *e.value == static_cast<double>(static_cast<long long>(*e.value)))
      x["value"] = static_cast<long long>(*e.value);
    x["raw"] = e.raw;
    x["line"] = e.line ? ordered_json(e.line) : ordered_json(nullptr);
    if (e.page) x["page"] = e.page;
    ev.push_back(std::move(x));
  }
  j["evidence"] = std::move(ev);
  j["fingerprint"] = f.fingerprint;
  return j;
}

}  // namespace

ordered_json ReportJson(const ReportFindings& r) {
  ordered_json jr;
  jr["path"] = r.path;
  const DocumentSummary& d = r.document;
  jr["document"] = {{"title", d.title},
                    {"agency", d.agency},
                    {"year", d.year ? ordered_json(d.year) : ordered_json(nullptr)},
                    {"format", d.format.empty() ? ordered_json(nullptr) : ordered_json(d.format)},
                    {"published", d.published.empty() ? ordered_json(nullptr) : ordered_json(d.published)},
                    {"kind", d.kind}};
  ordered_json fs = ordered_json::array();
  for (const Finding& f : r.findings) fs.push_back(FindingJson(f));
  jr["findings"] = std::move(fs);
  if (!r.passed.empty()) {
    ordered_json ps = ordered_json::array();
    for (const Finding& f : r.passed) ps.push_back({{"rule", f.rule}, {"fingerprint", f.fingerprint}});
    jr["passed"] = std::move(ps);
  }
  jr["rules_evaluated"] = r.rules_evaluated;
  FindingCounts c = r.Counts();
  jr["summary"] = {{"error", c.error}, {"warning", c.warning}, {"info", c.info},
                   {"not_evaluated", c.not_evaluated}};
  return jr;
}

ordered_json ToolJson(const std::string& tool_version) {
  return {{"name", "ogicheck"}, {"version", tool_version}};
}

ordered_json PacksJson(const std::vector<PackSummary>& packs) {
  ordered_json out = ordered_json::array();
  for (const PackSummary& p : packs) out.push_back({{"id", p.id}, {"version", p.version}});
  return out;
}

ordered_json ErrorsJson(const std::vector<InputError>& errors) {
  ordered_json out = ordered_json::array();
  for (const InputError& e : errors) out.push_back({{"path", e.path}, {"message", e.message}});
  return out;
}

ordered_json SummaryJson(size_t reports, const FindingCounts& total, size_t unreadable) {
  return {{"reports", reports},          {"error", total.error},
          {"warning", total.warning},    {"info", total.info},
          {"not_evaluated", total.not_evaluated}, {"unreadable", unreadable}};
}

void AddCounts(const FindingCounts& c, FindingCounts* total) {
  total->error += c.error;
  total->warning += c.warning;
  total->info += c.info;
  total->not_evaluated += c.not_evaluated;
}

}  // namespace write

std::string WriteFindingsJson(const FindingsReport& report) {
  using namespace write;
  ordered_json root;
  root["tool"] = ToolJson(report.tool_version);
  root["packs"] = PacksJson(report.packs);
  ordered_json reports = ordered_json::array();
  FindingCounts total;
  for (const ReportFindings& r : report.reports) {
    AddCounts(r.Counts(), &total);
    reports.push_back(ReportJson(r));
  }
  root["reports"] = std::move(reports);
  root["errors"] = ErrorsJson(report.errors);
  root["summary"] = SummaryJson(report.reports.size(), total, report.errors.size());
  // A path (or any text) that is not valid UTF-8, such as a GBK file name unpacked on Linux,
  // gets U+FFFD for its bad bytes instead of an exception that would end the run.
  return root.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace ogicheck
