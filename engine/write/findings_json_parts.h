// The parts of the findings JSON, shared by WriteFindingsJson (whole document) and
// FindingsJsonStream (one report at a time); both must print the same bytes.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ogicheck/findings.h"

namespace ogicheck::write {

using nlohmann::ordered_json;

ordered_json ReportJson(const ReportFindings& r);  // one element of "reports"
ordered_json ToolJson(const std::string& tool_version);
ordered_json PacksJson(const std::vector<PackSummary>& packs);
ordered_json ErrorsJson(const std::vector<InputError>& errors);
ordered_json SummaryJson(size_t reports, const FindingCounts& total, size_t unreadable);
void AddCounts(const FindingCounts& c, FindingCounts* total);

}  // namespace ogicheck::write
