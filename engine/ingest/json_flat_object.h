// A fast path for reading the usual crawled record: one JSON object whose keys and values are
// all strings. nlohmann::json's lexer reads a byte at a time and builds a DOM of std::map nodes
// and string copies (69 M of 124 M instructions for the crawled records of 200 bench reports);
// this scanner skips whole runs of plain string bytes eight at a time and copies nothing.
// Anything it does not handle (arrays, numbers, nested objects, \u escapes, escaped keys, any
// syntax error) it declines, and the caller parses with nlohmann as before, which also gives the
// error messages. So it accepts a subset of what nlohmann accepts, with the same result.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ogicheck::ingest {

struct JsonStringField {
  std::string_view key;    // as written (a key with an escape is declined)
  std::string_view value;  // as written between the quotes, escapes not yet decoded
  bool escaped = false;    // `value` holds a backslash escape: decode it with UnescapeJson
};

// Reads `text` (well-formed UTF-8, as DecodeToUtf8 returns it) as a JSON object of string
// members, in their order (a repeated key appears twice; nlohmann keeps the last). Returns false,
// with *fields unspecified, when `text` is anything else or a case this scanner leaves to
// nlohmann.
bool ScanFlatStringObject(std::string_view text, std::vector<JsonStringField>* fields);

// Decodes the escapes ScanFlatStringObject accepts (\" \\ \/ \b \f \n \r \t) in a value it
// returned.
std::string UnescapeJson(std::string_view value);

}  // namespace ogicheck::ingest
