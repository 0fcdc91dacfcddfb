// Names of severities and outcomes, and finding counts (shared by every writer).
#include "ogicheck/findings.h"

namespace ogicheck {

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "info";
  }
  return "info";
}

const char* OutcomeName(Outcome o) {
  switch (o) {
    case Outcome::kFail:
      return "fail";
    case Outcome::kNotEvaluated:
      return "not_evaluated";
    case Outcome::kInconclusive:
      return "inconclusive";
    case Outcome::kPass:
      return "pass";
  }
  return "fail";
}

bool ParseSeverity(const std::string& text, Severity* out) {
  if (text == "error")
    *out = Severity::kError;
  else if (text == "warning")
    *out = Severity::kWarning;
  else if (text == "info")
    *out = Severity::kInfo;
  else
    return false;
  return true;
}

FindingCounts ReportFindings::Counts() const {
  // not_evaluated outcomes are counted apart: they say a check could not run, not that it failed.
  FindingCounts c;
  for (const Finding& f : findings) {
    if (f.outcome == Outcome::kNotEvaluated) {
      ++c.not_evaluated;
      continue;
    }
    if (f.severity == Severity::kError)
      ++c.error;
    else if (f.severity == Severity::kWarning)
      ++c.warning;
    else
      ++c.info;
  }
  return c;
}

}  // namespace ogicheck
