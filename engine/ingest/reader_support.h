// Small helpers the readers share: error reporting in one message style, blank-text checks.
#pragma once

#include <string>
#include <string_view>

#include "ogicheck/ingest.h"

namespace ogicheck::ingest {

// Appends an IngestError whose message names the file (and record): "a.jsonl#2: <message>".
inline void AddError(IngestResult* out, const std::string& path, const std::string& record,
                     ErrorCode code, std::string_view message) {
  std::string full = path + record;
  full += ": ";
  full += message;
  out->errors.push_back(IngestError{path, record, Status::Error(code, std::move(full))});
}

// True when `text` holds nothing but ASCII whitespace and the ideographic space U+3000.
inline bool IsBlank(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') continue;
    if (text.substr(i, 3) == "\xE3\x80\x80") {
      i += 2;
      continue;
    }
    return false;
  }
  return true;
}

}  // namespace ogicheck::ingest
