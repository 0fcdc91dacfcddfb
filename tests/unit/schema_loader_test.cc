// Report schema loading: the shipped schemas (structure, fixed ids, cell types, year ranges) and
// the errors a broken schema gets (file:line:column: message).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "ogicheck/report_schema.h"
#include "test_paths.h"

namespace ogicheck::testing {
namespace {

size_t DataRows(const SchemaTable& t) {
  size_t n = 0;
  for (const SchemaRow& r : t.rows) n += !r.is_group_header;
  return n;
}

}  // namespace

TEST_CASE("schema: the shipped schemas load from DefaultSchemaDir") {
  SchemaSet set;
  Status st = set.LoadDirectory(DefaultSchemaDir());
  REQUIRE_MESSAGE(st.ok(), st.message());
  REQUIRE(set.all().size() == 3);
  CHECK(set.all()[0].id == "ogi-2008");
  CHECK(set.all()[1].id == "ogi-2019");
  CHECK(set.all()[2].id == "ogi-2021");

  struct YearCase {
    int year;
    const char* id;
  } years[] = {{2008, "ogi-2008"}, {2018, "ogi-2008"}, {2019, "ogi-2019"},
               {2020, "ogi-2019"}, {2021, "ogi-2021"}, {2035, "ogi-2021"}};
  for (const YearCase& y : years) {
    CAPTURE(y.year);
    REQUIRE(set.ForYear(y.year));
    CHECK(set.ForYear(y.year)->id == y.id);
  }
  CHECK(set.ForYear(2007) == nullptr);

  const ReportSchema& s08 = *set.Find("ogi-2008");
  CHECK(s08.tables.empty());
  CHECK(s08.sections.size() == 6);
  CHECK(s08.sections[2].title == "政府信息公开的收费及减免情况");

  const ReportSchema& s19 = *set.Find("ogi-2019");
  const ReportSchema& s21 = *set.Find("ogi-2021");
  CHECK(s19.sections.size() == 6);
  CHECK(s21.sections[3].variants.front() == "因政府信息公开工作被申请行政复议、提起行政诉讼情况");
  CHECK(DataRows(*s19.FindTable("applications")) == 23);
  CHECK(DataRows(*s21.FindTable("applications")) == 25);
  CHECK(s19.FindTable("art20_9") != nullptr);
  CHECK(s21.FindTable("art20_9") == nullptr);
  CHECK(s19.detection_keys.size() == 6);
  CHECK(s21.detection_keys.front() == "本年制发件数");
}

// Later stages keep what they derive from a SchemaSet (normalised titles) by its serial: it must
// differ between sets and change with every load, or a new set would be read with old titles.
TEST_CASE("schema: the serial differs between sets and changes with each load") {
  SchemaSet empty;
  CHECK(empty.serial() == 0);
  SchemaSet a, b;
  REQUIRE(a.LoadFile(DefaultSchemaDir() + "/ogi-2019.yaml").ok());
  REQUIRE(b.LoadFile(DefaultSchemaDir() + "/ogi-2019.yaml").ok());
  CHECK(a.serial() != 0);
  CHECK(a.serial() != b.serial());
  const uint64_t before = a.serial();
  REQUIRE(a.LoadFile(DefaultSchemaDir() + "/ogi-2021.yaml").ok());
  CHECK(a.serial() != before);
  CHECK(a.serial() != b.serial());
}

TEST_CASE("schema: rows, variants and cell types of the fixed ids") {
  SchemaSet set;
  REQUIRE(set.LoadDirectory(SourcePath("schemas")).ok());
  const ReportSchema& s19 = *set.Find("ogi-2019");
  const ReportSchema& s21 = *set.Find("ogi-2021");

  CHECK(s19.FindTable("art20_5")->FindColumn("change")->type == "signed_count");
  CHECK(s19.FindTable("art20_9")->FindColumn("amount")->type == "amount");
  CHECK(s19.FindTable("art20_9")->FindColumn("amount")->unit == "");
  CHECK(s21.FindTable("art20_8")->FindColumn("amount")->unit == "万元");
  CHECK(s21.FindTable("art20_8")->FindColumn("amount")->label == "本年收费金额（单位：万元）");
  CHECK(s21.FindTable("art20_1")->FindRow("normative_docs")->label == "行政规范性文件");
  CHECK(s19.FindTable("art20_1")->FindRow("normative_docs")->label == "规范性文件");

  const SchemaTable& app21 = *s21.FindTable("applications");
  CHECK(app21.FindColumn("legal_person_subtotal")->optional);
  CHECK(app21.sum_total == "total");
  CHECK(app21.sum_parts.size() == 6);
  const SchemaRow& other = *app21.FindRow("other_handling");
  CHECK(other.is_group_header);
  CHECK(other.cells_deviation == "other_handling_single_row");
  CHECK(app21.FindRow("other_handling.no_fee")->group == "other_handling");
  CHECK(!s19.FindTable("applications")->FindRow("other_handling")->is_group_header);
  const auto& law = app21.FindRow("withheld.law_prohibited")->variants;
  CHECK(std::find(law.begin(), law.end(), std::string("2.其他法律行政止公开")) != law.end());
  CHECK(app21.FindRow("partly_disclosed")->label ==
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）");

  const SchemaTable& rl = *s21.FindTable("review_litigation");
  CHECK(rl.layout == "blocks");
  CHECK(rl.rows.size() == 3);
  CHECK(rl.columns.size() == 5);
}

TEST_CASE("schema: broken schemas are rejected with file:line:column") {
  const std::string dir = std::filesystem::temp_directory_path() / "ogicheck_schema_test";
  std::filesystem::create_directories(dir);
  const std::string head =
      "id: ogi-2099\nname: n\nbasis: b\nfirst_year: 2099\nlast_year: 0\ndetection_keys: []\n"
      "sections:\n  - {id: 一, title: 总体情况}\n";
  struct ErrorCase {
    std::string yaml;
    std::string message;  // expected after "<path>:"
  } cases[] = {
      {head + "tables: []\nextra: 1\n", "10:1: unknown key 'extra' in report schema"},
      {"name: n\n", "1:1: missing required key 'id'"},
      {head + "tables:\n  - id: t\n    section: 二\n    title: x\n    columns: [{id: a, label: A, "
              "type: money}]\n"
              "    rows: [{id: r, label: R}]\n",
       "13:39: column type must be count, signed_count or amount, not 'money'"},
      {head + "tables:\n  - id: t\n    section: 二\n    title: x\n    columns: [{id: a, label: A, "
              "type: count}]\n"
              "    rows: [{id: r, label: R}, {id: r, label: S}]\n",
       "14:36: duplicate row id 'r'"},
      {head + "tables:\n  - id: t\n    section: 二\n    title: x\n    columns: [{id: a, label: A, "
              "type: count}]\n"
              "    rows: [{id: r, label: R, group: g}]\n",
       "14:37: group 'g' is not a group header listed before this row"},
      {head + "tables:\n  - id: t\n    section: 二\n    title: x\n    columns: [{id: a, label: A, "
              "type: count, varients: [B]}]\n"
              "    rows: [{id: r, label: R}]\n",
       "13:46: unknown key 'varients' in column"},
      {head + "first: [\n", "10:1: "},  // a YAML syntax error carries yaml-cpp's mark
      {"id: ogi-2099\nname: n\nbasis: b\nfirst_year: twenty\nlast_year: 0\ndetection_keys: "
       "[]\nsections: []\ntables: []\n",
       "4:13: 'first_year' must be a non-negative integer"},
  };
  int n = 0;
  for (const ErrorCase& c : cases) {
    const std::string path = dir + "/bad" + std::to_string(n++) + ".yaml";
    std::ofstream(path) << c.yaml;
    SchemaSet set;
    Status st = set.LoadFile(path);
    CAPTURE(c.yaml);
    CHECK(!st.ok());
    CHECK(st.code() == ErrorCode::kSchema);
    CHECK(st.message().substr(0, path.size() + 1) == path + ":");
    CHECK(st.message().substr(path.size() + 1, c.message.size()) == c.message);
    CHECK(set.all().empty());
  }
  SchemaSet set;
  CHECK(set.LoadFile(dir + "/missing.yaml").code() == ErrorCode::kNotFound);
  CHECK(set.LoadDirectory(dir + "/nope").code() == ErrorCode::kNotFound);
  std::filesystem::remove_all(dir);
}

}  // namespace ogicheck::testing
