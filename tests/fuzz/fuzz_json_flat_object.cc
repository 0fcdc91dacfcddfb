// libFuzzer target: the crawled-record fast path (ingest/json_flat_object.h) against nlohmann.
// The input is decoded as the reader decodes it; whatever the scanner accepts, nlohmann must
// parse to an object with the same string members (the last of repeated keys counting).
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "ingest/json_flat_object.h"
#include "ogicheck/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string utf8, encoding;
  if (!ogicheck::DecodeToUtf8(ogicheck::fuzz::AsView(data, size), &utf8, &encoding).ok()) return 0;
  std::vector<ogicheck::ingest::JsonStringField> fields;
  if (!ogicheck::ingest::ScanFlatStringObject(utf8, &fields)) return 0;
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(utf8);
  } catch (const nlohmann::json::parse_error&) {
    std::abort();  // the scanner accepted what nlohmann rejects
  }
  std::map<std::string, std::string> scanned;
  for (const auto& f : fields)
    scanned[std::string(f.key)] = f.escaped ? ogicheck::ingest::UnescapeJson(f.value) : std::string(f.value);
  if (!doc.is_object() || doc.size() != scanned.size()) std::abort();
  for (const auto& [key, value] : scanned) {
    const auto it = doc.find(key);
    if (it == doc.end() || !it->is_string() || it->get<std::string>() != value) std::abort();
  }
  return 0;
}
