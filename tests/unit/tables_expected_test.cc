// The peers' hand-checked values (corpus/peers/*.expected.json) against the extracted tables.
// Every numeric value under table_2 / table_3* / table_4* is mapped to cells (a *_sum to the sum
// of a group's rows) and compared; a value the mapping does not know fails the test, so no value
// of those files goes unchecked.
#include <doctest/doctest.h>

#include <map>

#include "tables_test_util.h"

namespace ogicheck::testing {
namespace {

struct Target {
  const char* table;
  const char* row;  // a row id, or a group prefix ending in '.' for sums
  const char* col;
};

// Flattened expected.json key (section name dropped) -> cell.
const std::map<std::string, Target>& Mapping() {
  static const std::map<std::string, Target> m = {
      {"regulations.made", {"art20_1", "regulations", "issued"}},
      {"regulations.repealed", {"art20_1", "regulations", "repealed"}},
      {"regulations.valid", {"art20_1", "regulations", "in_force"}},
      {"normativeDocuments.made", {"art20_1", "normative_docs", "issued"}},
      {"normativeDocuments.repealed", {"art20_1", "normative_docs", "repealed"}},
      {"normativeDocuments.valid", {"art20_1", "normative_docs", "in_force"}},
      {"licensing", {"art20_5", "licensing", "decisions"}},
      {"licensing.processed", {"art20_5", "licensing", "decisions"}},
      {"punishment", {"art20_6", "penalty", "decisions"}},
      {"punishment.processed", {"art20_6", "penalty", "decisions"}},
      {"coercion", {"art20_6", "compulsion", "decisions"}},
      {"coercion.processed", {"art20_6", "compulsion", "decisions"}},
      {"fees_wanyuan", {"art20_8", "fees", "amount"}},
      {"fees.amount", {"art20_8", "fees", "amount"}},
      {"newReceived", {"applications", "new_received", "total"}},
      {"carriedOver", {"applications", "carried_over", "total"}},
      {"granted", {"applications", "disclosed", "total"}},
      {"partialGrant", {"applications", "partly_disclosed", "total"}},
      {"denied_sum", {"applications", "withheld.", "total"}},
      {"denied.stateSecret", {"applications", "withheld.state_secret", "total"}},
      {"denied.processInfo", {"applications", "withheld.process_info", "total"}},
      {"denied.enforcementCase", {"applications", "withheld.enforcement_file", "total"}},
      {"unableToProvide_sum", {"applications", "unavailable.", "total"}},
      {"unableToProvide.noInfo", {"applications", "unavailable.not_held", "total"}},
      {"unableToProvide.needCreation", {"applications", "unavailable.needs_creation", "total"}},
      {"unableToProvide.unclear", {"applications", "unavailable.unclear", "total"}},
      {"notProcessed_sum", {"applications", "not_processed.", "total"}},
      {"notProcessed.complaint", {"applications", "not_processed.petition", "total"}},
      {"other.overdueCorrection", {"applications", "other_handling.no_correction", "total"}},
      {"other.overdueFee", {"applications", "other_handling.no_fee", "total"}},
      {"other.otherReasons", {"applications", "other_handling.other", "total"}},
      {"other_single_row", {"applications", "other_handling", "total"}},
      {"totalProcessed", {"applications", "results_total", "total"}},
      {"carriedForward", {"applications", "carried_forward", "total"}},
      {"naturalPerson.newReceived", {"applications", "new_received", "natural_person"}},
      {"total.newReceived", {"applications", "new_received", "total"}},
      {"naturalPerson.results.granted", {"applications", "disclosed", "natural_person"}},
      {"total.results.granted", {"applications", "disclosed", "total"}},
      {"naturalPerson.results.denied.stateSecret",
       {"applications", "withheld.state_secret", "natural_person"}},
      {"naturalPerson.results.other.otherReasons",
       {"applications", "other_handling.other", "natural_person"}},
      {"total.results.totalProcessed", {"applications", "results_total", "total"}},
      {"total.results.carriedForward", {"applications", "carried_forward", "total"}},
  };
  return m;
}

const char* kReviewRows[][2] = {{"review", "review"},
                                {"litigationDirect", "direct_suit"},
                                {"litigationPostReview", "after_review"}};
const char* kReviewCols[][2] = {{"maintain", "upheld"},
                                {"correct", "corrected"},
                                {"other", "other"},
                                {"unfinished", "pending"},
                                {"total", "total"}};

void Flatten(const nlohmann::json& j, const std::string& prefix,
             std::map<std::string, double>* out) {
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string key = prefix.empty() ? it.key() : prefix + "." + it.key();
    if (it->is_object())
      Flatten(*it, key, out);
    else if (it->is_number())
      (*out)[key] = it->get<double>();
  }
}

std::optional<double> Value(const TableExtraction& ex, const Target& t) {
  for (const Table& table : ex.tables) {
    if (table.id != t.table) continue;
    const std::string row = t.row;
    if (row.back() != '.') {
      const TableCell* c = table.Cell(row, t.col);
      return c ? c->value : std::nullopt;
    }
    double sum = 0;
    for (const TableCell& c : table.cells)
      if (c.row.rfind(row, 0) == 0 && c.col == t.col) {
        if (!c.value) return std::nullopt;
        sum += *c.value;
      }
    return sum;
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("tables: the peers' expected.json values match the extraction") {
  struct Case {
    const char* expected;
    const char* input;
    size_t values;  // numeric values the file holds under its table sections
  } cases[] = {
      {"corpus/peers/kirogovcompare__hzq2023_working.expected.json",
       "corpus/peers/kirogovcompare__hzq2023_working.pdftotext.txt", 39},
      {"corpus/peers/kirogovcompare__hzq2024_working.expected.json",
       "corpus/peers/kirogovcompare__hzq2024_working.pdftotext.txt", 35},
      {"corpus/peers/govnianbao__szfgs2024.expected.json",
       "corpus/peers/govnianbao__szfgs2024.pdftotext.txt", 37},
      {"corpus/peers/kirogovcompare__filingHtmlImport-hangzhou-style-fixture.expected.json",
       "golden:hangzhou-style-fixture.tsv.txt", 25},
      // The published forms themselves, through their readers (issue 6).
      {"corpus/peers/kirogovcompare__filingHtmlImport-hangzhou-style-fixture.expected.json",
       "corpus/peers/kirogovcompare__filingHtmlImport-hangzhou-style-fixture.html", 25},
      {"corpus/peers/kirogovcompare__filingHtmlImport-hangzhou-style-fixture.expected.json",
       "corpus/derived/hangzhou-style-fixture.docx", 25},
      {"corpus/peers/kirogovcompare__hzq2023_working.expected.json",
       "corpus/peers/kirogovcompare__hzq2023_working.pdf", 39},
      {"corpus/peers/kirogovcompare__hzq2024_working.expected.json",
       "corpus/peers/kirogovcompare__hzq2024_working.pdf", 35},
      {"corpus/peers/govnianbao__szfgs2024.expected.json",
       "corpus/peers/govnianbao__szfgs2024.pdf", 37},
  };
  for (const Case& c : cases) {
    const std::string expected_file = c.expected;
    CAPTURE(expected_file);
    const auto j = nlohmann::json::parse(ReadFileOrDie(SharedPath(c.expected)));
    const std::string in = c.input;
    const SourceText text = LoadCorpusText(in.rfind("golden:", 0) == 0
                                               ? SourcePath(Cat({"tests/golden/tables/", in.substr(7)}))
                                               : SharedPath(in));
    const TableExtraction ex = ExtractTables(text, *ShippedSchemas().Find("ogi-2021"));
    size_t checked = 0;
    for (auto it = j.begin(); it != j.end(); ++it) {
      const std::string section = it.key();
      if (section.rfind("table_", 0) != 0) continue;
      std::map<std::string, double> flat;
      Flatten(*it, "", &flat);
      for (const auto& [key, want] : flat) {
        CAPTURE(key);
        std::optional<Target> target;
        if (section.rfind("table_4", 0) == 0) {
          for (const auto& r : kReviewRows)
            for (const auto& col : kReviewCols)
              if (key == std::string(r[0]) + "." + col[0])
                target = Target{"review_litigation", r[1], col[1]};
        } else if (Mapping().count(key)) {
          target = Mapping().at(key);
        }
        REQUIRE_MESSAGE(target.has_value(), "no mapping for " << section << "." << key);
        const std::optional<double> got = Value(ex, *target);
        REQUIRE(got.has_value());
        CHECK(*got == doctest::Approx(want));
        ++checked;
      }
    }
    CHECK(checked == c.values);
  }
}

}  // namespace ogicheck::testing
