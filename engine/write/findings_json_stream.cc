// FindingsJsonStream: the findings JSON written report by report, byte for byte what
// WriteFindingsJson prints for the same reports (its dump(2) layout, re-indented by depth).
#include <ostream>

#include "ogicheck/write.h"
#include "write/findings_json_parts.h"

namespace ogicheck {
namespace {

// `json` printed with an indent of 2, as it prints when nested `depth` levels deep.
std::string Nested(const write::ordered_json& json, int depth) {
  // Bad UTF-8 (a GBK file name unpacked on Linux) becomes U+FFFD, as in WriteFindingsJson.
  const std::string s = json.dump(2, ' ', false, write::ordered_json::error_handler_t::replace);
  const std::string pad(2 * depth, ' ');
  std::string out;
  out.reserve(s.size() + s.size() / 4);
  // Line by line: a character at a time was a sizeable part of writing a batch's JSON.
  size_t from = 0;
  for (size_t nl = s.find('\n'); nl != std::string::npos; nl = s.find('\n', from)) {
    out.append(s, from, nl + 1 - from);
    out += pad;
    from = nl + 1;
  }
  out.append(s, from, std::string::npos);
  return out;
}

}  // namespace

FindingsJsonStream::FindingsJsonStream(std::ostream* out, const std::string& tool_version,
                                       const std::vector<PackSummary>& packs)
    : out_(out) {
  *out_ << "{\n  \"tool\": " << Nested(write::ToolJson(tool_version), 1) << ",\n  \"packs\": "
        << Nested(write::PacksJson(packs), 1) << ",\n  \"reports\": [";
}

FindingsJsonStream::Prepared FindingsJsonStream::Prepare(const ReportFindings& report) {
  return {Nested(write::ReportJson(report), 2), report.Counts()};
}

void FindingsJsonStream::Add(Prepared&& prepared) {
  write::AddCounts(prepared.counts, &total_);
  *out_ << (reports_ == 0 ? "\n    " : ",\n    ") << prepared.json;
  ++reports_;
}

void FindingsJsonStream::Finish(const std::vector<InputError>& errors) {
  *out_ << (reports_ == 0 ? "]" : "\n  ]") << ",\n  \"errors\": " << Nested(write::ErrorsJson(errors), 1)
        << ",\n  \"summary\": " << Nested(write::SummaryJson(reports_, total_, errors.size()), 1)
        << "\n}\n";
}

}  // namespace ogicheck
