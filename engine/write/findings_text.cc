// The human-readable findings writer: grouped by report, each finding with its location, rule,
// message and evidence (numbers and labels), colours only when asked for (a terminal).
#include <string>

#include "ogicheck/write.h"

namespace ogicheck {
namespace {

struct Palette {
  const char* red = "";
  const char* yellow = "";
  const char* blue = "";
  const char* dim = "";
  const char* bold = "";
  const char* reset = "";
};

Palette MakePalette(bool color) {
  Palette p;
  if (!color) return p;
  p.red = "\x1b[31m";
  p.yellow = "\x1b[33m";
  p.blue = "\x1b[34m";
  p.dim = "\x1b[2m";
  p.bold = "\x1b[1m";
  p.reset = "\x1b[0m";
  return p;
}

std::string FormatValue(const Evidence& e) {
  if (!e.value) return e.raw.empty() ? "（空白）" : e.raw;
  char buf[64];
  double v = *e.value;
  if (v == static_cast<double>(static_cast<long long>(v)))
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
  else
    std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace

std::string WriteFindingsText(const FindingsReport& report, const TextWriteOptions& options) {
  Palette c = MakePalette(options.color);
  std::string out;
  FindingCounts total;
  for (const ReportFindings& r : report.reports) {
    const DocumentSummary& d = r.document;
    out += std::string(c.bold) + r.path + c.reset;
    std::string facts;
    if (!d.title.empty()) facts += d.title;
    if (!d.format.empty()) facts += (facts.empty() ? "" : " · ") + d.format;
    if (d.year) facts += (facts.empty() ? "" : " · ") + std::to_string(d.year) + "年度";
    if (!facts.empty()) out += std::string(" ") + c.dim + "(" + facts + ")" + c.reset;
    out += "\n";
    for (const Finding& f : r.findings) {
      const char* color = f.severity == Severity::kError     ? c.red
                          : f.severity == Severity::kWarning ? c.yellow
                                                             : c.blue;
      std::string where = r.path;
      if (f.location.line) {
        // Appended piece by piece: GCC 12 warns (-Wrestrict, a false positive) on ":" + a
        // temporary at -O3.
        where += ':';
        where += std::to_string(f.location.line);
        where += ':';
        where += std::to_string(f.location.column);
      }
      if (f.location.page) where += " (第" + std::to_string(f.location.page) + "页)";
      // A check that could not run is not a defect of its severity: say so instead.
      if (f.outcome == Outcome::kNotEvaluated) {
        out += "  " + where + ": " + std::string(c.dim) + "not evaluated" + c.reset;
      } else {
        out += "  " + where + ": " + std::string(color) + SeverityName(f.severity) + c.reset;
        if (f.outcome == Outcome::kInconclusive) out += " (inconclusive)";
      }
      out += " [" + f.rule + "] " + f.message + "\n";
      for (const Evidence& e : f.evidence) {
        out += std::string("      ") + c.dim + e.label + " = " + FormatValue(e);
        if (e.page) out += "  (第" + std::to_string(e.page) + "页第" + std::to_string(e.line) + "行)";
        else if (e.line) out += "  (第" + std::to_string(e.line) + "行)";
        out += std::string(c.reset) + "\n";
      }
      if (!f.basis.empty())
        out += std::string("      ") + c.dim + "依据：" + f.basis + c.reset + "\n";
    }
    FindingCounts n = r.Counts();
    if (r.rules_evaluated == 0) {
      // Nothing ran: say so rather than suggest the report is clean.
      out += "  未检查：没有适用于" +
             (d.format.empty() ? std::string("该文件") : d.format + "格式") + "的规则\n";
    } else if (r.findings.empty()) {
      out += "  未发现问题\n";
    }
    if (!r.passed.empty()) {
      // --show-passed: the audit trail of what was checked and held.
      out += "  passed:";
      for (const Finding& p : r.passed) out += " " + p.rule;
      out += "\n";
    }
    out += "  " + std::to_string(n.error) + " error, " + std::to_string(n.warning) + " warning, " +
           std::to_string(n.info) + " info, " + std::to_string(n.not_evaluated) +
           " not evaluated\n\n";
    total.error += n.error;
    total.warning += n.warning;
    total.info += n.info;
    total.not_evaluated += n.not_evaluated;
  }
  for (const InputError& e : report.errors) out += e.path + ": unreadable: " + e.message + "\n";
  out += std::to_string(report.reports.size()) + " report(s): " + std::to_string(total.error) +
         " error, " + std::to_string(total.warning) + " warning, " + std::to_string(total.info) +
         " info, " + std::to_string(total.not_evaluated) + " not evaluated";
  if (!report.errors.empty()) out += ", " + std::to_string(report.errors.size()) + " unreadable";
  out += "\n";
  return out;
}

}  // namespace ogicheck
