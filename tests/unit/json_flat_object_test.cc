// The crawled-record fast path (ingest/json_flat_object.h) against nlohmann::json: whatever the
// scanner accepts, nlohmann must parse to the same object; what it declines goes to nlohmann.
#include "ingest/json_flat_object.h"

#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace {

using ogicheck::ingest::JsonStringField;
using ogicheck::ingest::ScanFlatStringObject;
using ogicheck::ingest::UnescapeJson;

// Returns whether the scanner accepted `text`; when it did, checks nlohmann's object is the same.
bool AcceptsAsNlohmannDoes(const std::string& text) {
  CAPTURE(text);
  std::vector<JsonStringField> fields;
  if (!ScanFlatStringObject(text, &fields)) return false;
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    FAIL("the scanner accepted what nlohmann rejects: " << e.what());
    return true;
  }
  REQUIRE(doc.is_object());
  std::map<std::string, std::string> scanned;  // the last of repeated keys counts
  for (const JsonStringField& f : fields)
    scanned[std::string(f.key)] = f.escaped ? UnescapeJson(f.value) : std::string(f.value);
  CHECK(doc.size() == scanned.size());
  for (const auto& [key, value] : scanned) {
    CAPTURE(key);
    REQUIRE(doc.contains(key));
    REQUIRE(doc.at(key).is_string());
    CHECK(doc.at(key).get<std::string>() == value);
  }
  return true;
}

}  // namespace

TEST_CASE("The flat-object scanner reads crawled records as nlohmann does") {
  const std::vector<std::string> accepted = {
      R"({"标题":"甲","时间":"2022-01-28","内容":"正文","访问地址":"http://a/"})",
      " \r\n\t{ \"内容\" :\t\"一\\n二\\t\\\"三\\\"\\\\四\\/五\\b\\f\\r\" ,\n\"x\":\"\" }\n ",
      "{}",
      R"({"内容":"一","内容":"二"})",
      R"({"":"empty key"})",
      "{\"a\":\"\x7F\xC3\xA9\xF0\x9F\x98\x80 long enough to take the eight-byte path\"}",
  };
  for (const std::string& text : accepted) CHECK(AcceptsAsNlohmannDoes(text));
  const std::vector<std::string> declined = {
      "",
      "[]",
      R"([{"内容":"x"}])",
      R"({"内容":12})",
      R"({"内容":null})",
      R"({"内容":"\u4e00"})",
      R"({"\u5185\u5bb9":"x"})",
      R"({"内容":"x"} {"内容":"y"})",
      R"({"内容":"x",})",
      R"({"内容":"x")",
      "{\"内容\":\"a\nb\"}",
      "{\"内容\":\"a\x01 b\"}",
      R"({"内容":"\x"})",
      "\xEF\xBB\xBF{\"内容\":\"x\"}",
      "{\"内容\":\"x\"}\f",
      R"({'内容':"x"})",
      R"({"内容":"x" // comment
})",
  };
  for (const std::string& text : declined) {
    CAPTURE(text);
    std::vector<JsonStringField> fields;
    CHECK_FALSE(ScanFlatStringObject(text, &fields));
  }
}

TEST_CASE("The flat-object scanner agrees with nlohmann on random and damaged records") {
  uint32_t seed = 777;
  auto next = [&seed] { return (seed = seed * 1103515245u + 12345u) >> 8; };
  const std::vector<std::string> pieces = {
      "{", "}", "\"", ":", ",", " ", "\n", "\t", "\\", "\\n", "\\\"", "\\u0041", "内容", "标题",
      "a", "1", "null", "[", "]", "\x01", "中文正文，", "abcdefghij", "/", "\r"};
  int accepted = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    if (round % 2 == 0) {
      // A well-formed record, then damaged at a random place half of the time.
      text = "{";
      for (int k = next() % 4; k >= 0; --k) {
        text += "\"" + pieces[12 + next() % 2] + "\":\"";
        for (int m = next() % 6; m > 0; --m) {
          const std::string& p = pieces[next() % pieces.size()];
          if (p != "\"" && p != "\\" && p != "\n" && p != "\x01" && p != "\t" && p != "\r")
            text += p;
        }
        text += k > 0 ? "\"," : "\"";
      }
      text += "}";
      if (next() % 2) {
        // At a character boundary: the scanner's input is well-formed UTF-8.
        size_t at = next() % (text.size() + 1);
        while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
        if (next() % 2)
          text.insert(at, pieces[next() % pieces.size()]);
        else if (at < text.size()) {
          size_t end = at + 1;  // the whole character
          while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
          text.erase(at, end - at);
        }
      }
    } else {
      for (int k = next() % 20; k > 0; --k) text += pieces[next() % pieces.size()];
    }
    CAPTURE(round);
    accepted += AcceptsAsNlohmannDoes(text);
  }
  CHECK(accepted > 500);  // the generator does reach the accepting path (882 times)
}
