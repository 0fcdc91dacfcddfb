// The crawled-record reader: single records, arrays, JSON Lines, bad records, the real corpus.
#include <doctest/doctest.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ogicheck/ingest.h"
#include "test_paths.h"

namespace {

using ogicheck::ErrorCode;
using ogicheck::IngestBytes;
using ogicheck::IngestFile;
using ogicheck::IngestResult;
using ogicheck::SourceText;
using ogicheck::testing::ReadFileOrDie;
using ogicheck::testing::SharedPath;

std::string Record(const std::string& title, const std::string& content) {
  return R"({"标题":")" + title + R"(","时间":"2022-01-28","内容":")" + content +
         R"(","访问地址":"http://example.gov.cn/)" + title + R"("})";
}

}  // namespace

// nlohmann counts columns in bytes: the line ends after byte 25, so the error is at "column 26".
TEST_CASE("JSON Lines: a malformed line costs only its own record") {
  const std::string jsonl = Record("甲", "第一份报告") + "\n" + R"({"标题":"乙","内容":)" + "\n" +
                            Record("丙", "第三份报告") + "\n";
  const IngestResult result = IngestBytes(jsonl, "batch.jsonl");
  REQUIRE(result.reports.size() == 2);
  CHECK(result.reports[0].record == "#1");
  CHECK(result.reports[0].DisplayName() == "batch.jsonl#1");
  CHECK(result.reports[0].facts.title == "甲");
  CHECK(result.reports[0].facts.published == "2022-01-28");
  CHECK(result.reports[0].facts.url == "http://example.gov.cn/甲");
  CHECK(result.reports[0].text.text() == "第一份报告");
  CHECK(result.reports[0].reader == "crawl-json");
  CHECK(result.reports[0].encoding == "UTF-8");
  CHECK(result.reports[1].record == "#3");
  CHECK(result.reports[1].facts.title == "丙");
  CHECK(result.reports[1].text.text() == "第三份报告");
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].path == "batch.jsonl");
  CHECK(result.errors[0].record == "#2");
  CHECK(result.errors[0].status.code() == ErrorCode::kFormat);
  CHECK(result.errors[0].status.message() ==
        "batch.jsonl#2: malformed JSON: parse error at line 1, column 26: syntax error while "
        "parsing value - unexpected end of input; expected '[', '{', or a literal");
}

TEST_CASE("JSON Lines: blank lines are skipped but counted, CR LF line ends are fine") {
  const std::string jsonl = "\r\n" + Record("甲", "一") + "\r\n\r\n" + Record("乙", "二");
  const IngestResult result = IngestBytes(jsonl, "batch.ndjson");
  CHECK(result.errors.empty());
  REQUIRE(result.reports.size() == 2);
  CHECK(result.reports[0].record == "#2");
  CHECK(result.reports[1].record == "#4");
  CHECK(result.reports[1].text.text() == "二");
}

TEST_CASE("Crawled records: bad records are kFormat or kEmpty errors naming file and record") {
  struct Case {
    const char* name;
    std::string bytes;
    const char* record;
    ErrorCode code;
    const char* message;
  };
  const Case cases[] = {
      {"a.jsonl", R"({"标题":"x"})", "#1", ErrorCode::kFormat,
       "a.jsonl#1: record has no 内容 (content) field"},
      {"a.jsonl", R"({"内容":12})", "#1", ErrorCode::kFormat,
       "a.jsonl#1: the 内容 (content) field is a JSON number, not a string"},
      {"a.jsonl", R"(["内容"])", "#1", ErrorCode::kFormat,
       "a.jsonl#1: not a crawled record (a JSON array, expected an object)"},
      {"a.json", R"({"内容":" \n "})", "", ErrorCode::kEmpty,
       "a.json: the 内容 (content) field is empty"},
      {"a.json", R"({"标题":"x")", "", ErrorCode::kFormat,
       "a.json: malformed JSON: parse error at line 1, column 14: syntax error while parsing "
       "object - unexpected end of input; expected '}'"},
      {"a.json", "[]", "", ErrorCode::kEmpty, "a.json: no records (an empty JSON array)"},
      {"a.jsonl", "\n\n", "", ErrorCode::kEmpty, "a.jsonl: no records (only blank lines)"},
      {"a.json", std::string("{\"\0\x01\x02\x03\x04\x05\x06\":1}", 13), "", ErrorCode::kEncoding,
       "a.json: binary data, not text (7 control bytes in 13 bytes)"},
  };
  for (const Case& c : cases) {
    const std::string message = c.message;
    CAPTURE(message);
    const IngestResult result = IngestBytes(c.bytes, c.name);
    CHECK(result.reports.empty());
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].path == c.name);
    CHECK(result.errors[0].record == c.record);
    CHECK(result.errors[0].status.code() == c.code);
    CHECK(result.errors[0].status.message() == message);
  }
}

TEST_CASE("Crawled records: a JSON array gives one report per record; JSON Lines under .json") {
  std::string array = "[";
  array += Record("甲", "一") + ",\n" + Record("乙", "二") + "]";
  const IngestResult from_array = IngestBytes(array, "crawl.json");
  CHECK(from_array.errors.empty());
  REQUIRE(from_array.reports.size() == 2);
  CHECK(from_array.reports[0].record == "#1");
  CHECK(from_array.reports[1].record == "#2");
  CHECK(from_array.reports[1].facts.title == "乙");

  const std::string lines = Record("甲", "一") + "\n" + Record("乙", "二") + "\n";
  const IngestResult from_lines = IngestBytes(lines, "crawl.json");
  CHECK(from_lines.errors.empty());
  REQUIRE(from_lines.reports.size() == 2);
  CHECK(from_lines.reports[1].record == "#2");
  CHECK(from_lines.reports[1].text.text() == "二");
}

TEST_CASE("Crawled records: 日期 stands in for 时间; other field types are printed as JSON") {
  const IngestResult result =
      IngestBytes(R"({"标题":2021,"日期":"2022-02-09 11:23:07","内容":"正文"})", "rst.json");
  REQUIRE(result.reports.size() == 1);
  CHECK(result.reports[0].facts.title == "2021");
  CHECK(result.reports[0].facts.published == "2022-02-09 11:23:07");
  CHECK(result.reports[0].facts.url == "");
  CHECK(result.reports[0].record == "");
}

TEST_CASE("Crawled records: a GB18030 JSON file is decoded first, full-width digits normalised") {
  const std::string utf8 = Record("河北省科技厅２０２１年报告", "共收到申请１７件。");
  UErrorCode err = U_ZERO_ERROR;
  char gb[512];
  const int32_t size = ucnv_convert("GB18030", "UTF-8", gb, sizeof gb, utf8.data(),
                                    static_cast<int32_t>(utf8.size()), &err);
  REQUIRE(U_SUCCESS(err));
  const IngestResult result = IngestBytes(std::string(gb, size), "gbk.json");
  CHECK(result.errors.empty());
  REQUIRE(result.reports.size() == 1);
  CHECK(result.reports[0].encoding == "GB18030");
  CHECK(result.reports[0].facts.title == "河北省科技厅２０２１年报告");  // facts stay as written
  CHECK(result.reports[0].text.text() == "共收到申请17件。");
}

TEST_CASE("Every real crawled record reads as one report with the crawler's facts") {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(SharedPath("corpus/real"))) {
    if (entry.path().extension() == ".json") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() == 34);
  for (const std::string& path : files) {
    CAPTURE(path);
    const auto record = nlohmann::json::parse(ReadFileOrDie(path));
    const std::string content = record.at("内容").get<std::string>();
    const std::string date = record.contains("时间") ? record.at("时间").get<std::string>()
                                                     : record.at("日期").get<std::string>();
    const IngestResult result = IngestFile(path);
    CHECK(result.errors.empty());
    REQUIRE(result.reports.size() == 1);
    const auto& report = result.reports[0];
    CHECK(report.path == path);
    CHECK(report.record == "");
    CHECK(report.reader == "crawl-json");
    CHECK(report.encoding == "UTF-8");
    CHECK(report.facts.title == record.at("标题").get<std::string>());
    CHECK(report.facts.published == date);
    CHECK(report.facts.url == record.at("访问地址").get<std::string>());
    // The first 40 code points of 内容, normalised, begin the text; so does the whole of it.
    size_t cut = 0;
    for (int n = 0; n < 40 && cut < content.size(); ++n) {
      do ++cut;
      while (cut < content.size() && (static_cast<unsigned char>(content[cut]) & 0xC0) == 0x80);
    }
    const std::string head = SourceText::FromUtf8(content.substr(0, cut)).text();
    REQUIRE(head.size() > 20);
    CHECK(report.text.text().substr(0, head.size()) == head);
    CHECK(report.text.text() == SourceText::FromUtf8(content).text());
  }
}

TEST_CASE("Real crawled records, checked by hand") {
  // 2021_hebei-rst-empty: the page body is only the site footer.
  IngestResult result = IngestFile(SharedPath("corpus/real/2021_hebei-rst-empty_2021.json"));
  REQUIRE(result.reports.size() == 1);
  CHECK(result.reports[0].facts.title ==
        "河北省人力资源和社会保障厅2021年政府信息公开工作年度报告");
  CHECK(result.reports[0].facts.published == "2022-02-09 11:23:07");
  CHECK(result.reports[0].text.text() == "更多信息请关注官方微信“河北人社”");

  // 2015_hebei-kjt: the crawler's title lacks the year.
  result = IngestFile(SharedPath("corpus/real/2015_hebei-kjt_2008.json"));
  REQUIRE(result.reports.size() == 1);
  CHECK(result.reports[0].facts.title == "信息公开年报");
}
