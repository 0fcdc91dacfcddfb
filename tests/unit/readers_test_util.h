// Helpers for the reader tests: run one reader on bytes and look at the lines it produced.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ingest/reader.h"
#include "ogicheck/ingest.h"

namespace ogicheck::testing {

inline IngestResult RunReader(const Reader* reader, std::string_view bytes, const std::string& path,
                              const IngestOptions& options = {}) {
  IngestResult result;
  reader->Read(bytes, path, options, &result);
  return result;
}

inline std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// Index of the first line equal to `line`, or -1.
inline int FindLine(const std::vector<std::string>& lines, std::string_view line) {
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i] == line) return static_cast<int>(i);
  }
  return -1;
}

// The table lines (those with a TAB) grouped by table: tables are separated by non-table lines.
inline std::vector<std::vector<std::string>> TableBlocks(const std::vector<std::string>& lines) {
  std::vector<std::vector<std::string>> tables;
  bool in_table = false;
  for (const auto& line : lines) {
    const bool row = line.find('\t') != std::string::npos;
    if (row && !in_table) tables.emplace_back();
    if (row) tables.back().push_back(line);
    in_table = row;
  }
  return tables;
}

}  // namespace ogicheck::testing
