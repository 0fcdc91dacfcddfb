// Findings: what evaluating rule packs against a report produces, and what every writer prints.
// Field names follow the "Findings JSON" contract in ARCHITECTURE.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ogicheck {

enum class Severity { kInfo = 0, kWarning = 1, kError = 2 };
enum class Outcome { kFail, kNotEvaluated, kInconclusive, kPass };

const char* SeverityName(Severity s);  // "error" | "warning" | "info"
const char* OutcomeName(Outcome o);    // "fail" | "not_evaluated" | "inconclusive" | "pass"
// Parses "error" / "warning" / "info"; false for anything else.
bool ParseSeverity(const std::string& text, Severity* out);

// One operand a finding rests on: a table cell, a prose number, a heading or a metadata fact.
struct Evidence {
  std::string ref;              // "applications.new_received.total", "prose", "meta.published"
  std::string label;            // "一、本年新收政府信息公开申请数量·总计"
  std::optional<double> value;  // empty for a blank cell or a text fact
  std::string raw;              // as printed ("", "—", "2024-02-03")
  uint32_t line = 0;            // 0 when not known (blank cells, crawler facts)
  uint32_t page = 0;            // PDF page, 0 when the input has no pages
};

struct FindingLocation {
  uint32_t line = 0;
  uint32_t column = 0;
  std::string section;  // "三"
  std::string table;    // "applications"
  std::string row;
  std::string col;
  uint32_t page = 0;      // PDF page, 0 when the input has no pages
  std::string element;    // HTML/DOCX element path, e.g. "body/table[2]/tr[5]/td[3]"
};

struct Finding {
  std::string rule;
  std::string title;  // the rule's title (shown in text output)
  Severity severity = Severity::kInfo;
  Outcome outcome = Outcome::kFail;
  std::string message;  // Chinese, with the numbers
  std::string basis;
  FindingLocation location;
  std::vector<Evidence> evidence;
  std::string fingerprint;  // 16 hex digits; stable across re-runs and line moves
};

struct DocumentSummary {
  std::string title;
  std::string agency;
  int year = 0;
  std::string format;
  std::string published;  // "2022-01-28" or "" when unknown
  std::string kind;       // "annual_report" | "other"
};

struct FindingCounts {
  int error = 0;
  int warning = 0;
  int info = 0;
  int not_evaluated = 0;
};

struct ReportFindings {
  std::string path;  // display name (path plus JSON Lines record)
  DocumentSummary document;
  std::vector<Finding> findings;  // failing, not_evaluated and inconclusive outcomes
  std::vector<Finding> passed;    // only with EvaluateOptions::show_passed
  int rules_evaluated = 0;        // rules that applied to the report (0: no pack for its format)
  FindingCounts Counts() const;
};

struct PackSummary {
  std::string id;
  std::string version;
};

struct InputError {
  std::string path;
  std::string message;
};

// Everything one `ogicheck check` run produced.
struct FindingsReport {
  std::string tool_version;
  std::vector<PackSummary> packs;
  std::vector<ReportFindings> reports;
  std::vector<InputError> errors;  // inputs that could not be read
};

}  // namespace ogicheck
