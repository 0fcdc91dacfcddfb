// The rule fixture runner: each tests/*.test.yaml names a rule, a base fixture document and
// cases that edit it and list the findings the rule must give (an empty list: it stays silent).
#include <algorithm>
#include <filesystem>
#include <set>

#include "ogicheck/evaluate.h"
#include "rules/fixture.h"
#include "rules/fixture_internal.h"
#include "rules/yaml_util.h"

namespace fs = std::filesystem;

namespace ogicheck::rules {
namespace {

// "applications[new_received][total]" -> parts; false if malformed.
bool SplitRef(const std::string& ref, std::string* t, std::string* r, std::string* c) {
  size_t a = ref.find('['), b = ref.find("][", a), e = ref.rfind(']');
  if (a == std::string::npos || b == std::string::npos || e != ref.size() - 1) return false;
  *t = ref.substr(0, a);
  *r = ref.substr(a + 1, b - a - 1);
  *c = ref.substr(b + 2, e - b - 2);
  return true;
}

FixtureTable* FindTable(FixtureSpec* s, const std::string& id) {
  for (auto& t : s->tables)
    if (t.id == id) return &t;
  return nullptr;
}

// Applies a case's edits to the spec; returns "" or what was wrong.
std::string ApplyEdits(const YAML::Node& c, FixtureSpec* s) {
  if (YAML::Node add = c["add_column"]) {  // {table: column}: a column no row has cells in yet
    for (const auto& kv : add) {
      FixtureTable* table = FindTable(s, kv.first.Scalar());
      if (!table) return "no table " + kv.first.Scalar();
      table->columns.push_back(kv.second.Scalar());
    }
  }
  if (YAML::Node set = c["set"]) {
    for (const auto& kv : set) {
      std::string t, r, col;
      if (!SplitRef(kv.first.Scalar(), &t, &r, &col))
        return "bad cell reference " + kv.first.Scalar();
      FixtureTable* table = FindTable(s, t);
      if (!table) return "no table " + t;
      auto ci = std::find(table->columns.begin(), table->columns.end(), col);
      if (ci == table->columns.end()) return "no column " + col;
      size_t idx = ci - table->columns.begin();
      auto row = std::find_if(table->rows.begin(), table->rows.end(),
                              [&](const FixtureRow& x) { return x.id == r; });
      if (row == table->rows.end()) return "no row " + r;
      if (row->cells.size() <= idx) row->cells.resize(table->columns.size());
      row->cells[idx] = kv.second.IsNull() ? "" : kv.second.Scalar();
    }
  }
  if (YAML::Node m = c["meta"]) {
    for (const auto& kv : m) {
      std::string k = kv.first.Scalar(), v = kv.second.IsNull() ? "" : kv.second.Scalar();
      if (k == "published")
        s->published = v;
      else if (k == "agency_kind")
        s->agency_kind = v;
      else if (k == "agency_level")
        s->agency_level = v;
      else if (k == "report_year")
        s->report_year = std::atoi(v.c_str());
      else if (k == "title")
        s->title = v;
      else if (k == "format")
        s->format = v;
      else if (k == "table_format")
        s->table_format = v;
      else if (k == "period_begin")
        s->period_begin = v;
      else if (k == "period_end")
        s->period_end = v;
      else if (k == "kind")
        s->kind = v;
      else
        return "unknown meta field " + k;
    }
  }
  std::vector<std::string> list;
  StringList(c["remove_tables"], &list);
  for (const auto& t : list)
    std::erase_if(s->tables, [&](const FixtureTable& x) { return x.id == t; });
  list.clear();
  StringList(c["remove_rows"], &list);
  for (const auto& ref : list) {
    size_t a = ref.find('[');
    FixtureTable* table = a == std::string::npos ? nullptr : FindTable(s, ref.substr(0, a));
    if (!table) return "bad row reference " + ref;
    std::string r = ref.substr(a + 1, ref.size() - a - 2);
    std::erase_if(table->rows, [&](const FixtureRow& x) { return x.id == r; });
  }
  if (YAML::Node dev = c["deviations"]) {
    for (const auto& kv : dev) {
      FixtureTable* table = FindTable(s, kv.first.Scalar());
      if (!table) return "no table " + kv.first.Scalar();
      StringList(kv.second, &table->deviations);
    }
  }
  auto find_section = [s](const std::string& num) -> FixtureSection* {
    for (auto& sec : s->sections)
      if (sec.heading.rfind(num + "、", 0) == 0) return &sec;
    return nullptr;
  };
  if (YAML::Node st = c["section_text"]) {
    for (const auto& kv : st) {
      FixtureSection* sec = find_section(kv.first.Scalar());
      if (!sec) return "no section " + kv.first.Scalar();
      sec->text = kv.second.Scalar();
    }
  }
  if (YAML::Node sh = c["section_heading"]) {
    for (const auto& kv : sh) {
      FixtureSection* sec = find_section(kv.first.Scalar());
      if (!sec) return "no section " + kv.first.Scalar();
      sec->heading = kv.second.Scalar();
    }
  }
  list.clear();
  StringList(c["remove_sections"], &list);
  for (const auto& num : list)
    std::erase_if(s->sections,
                  [&](const FixtureSection& x) { return x.heading.rfind(num + "、", 0) == 0; });
  if (YAML::Node sw = c["swap_sections"]; sw && sw.IsSequence() && sw.size() == 2) {
    FixtureSection* a = find_section(sw[0].Scalar());
    FixtureSection* b = find_section(sw[1].Scalar());
    if (!a || !b) return "bad swap_sections";
    std::swap(*a, *b);
  }
  return "";
}

std::string Describe(const Finding& f) {
  return std::string(OutcomeName(f.outcome)) + " " + SeverityName(f.severity) +
         " row=" + f.location.row + " col=" + f.location.col +
         " line=" + std::to_string(f.location.line) + ": " + f.message;
}

// Does finding `f` meet expectation `e` (only the fields the expectation gives)?
bool Meets(const Finding& f, const YAML::Node& e) {
  auto want = [&e](const char* k, const std::string& have) {
    return !e[k] || e[k].Scalar() == have;
  };
  if (!want("outcome", OutcomeName(f.outcome)) || !want("severity", SeverityName(f.severity)) ||
      !want("row", f.location.row) || !want("col", f.location.col) ||
      !want("table", f.location.table) || !want("section", f.location.section))
    return false;
  if (e["message"] && f.message.find(e["message"].Scalar()) == std::string::npos) return false;
  if (e["evidence"]) {
    std::vector<std::string> refs;
    StringList(e["evidence"], &refs);
    for (const auto& ref : refs)
      if (std::none_of(f.evidence.begin(), f.evidence.end(),
                       [&](const Evidence& x) { return x.ref == ref; }))
        return false;
  }
  return true;
}

}  // namespace

namespace {
Status RunPackFixturesImpl(const std::string& pack_dir, const RuleSet& rules,
                           std::vector<FixtureCaseResult>* results);
}  // namespace

Status RunPackFixtures(const std::string& pack_dir, const RuleSet& rules,
                       std::vector<FixtureCaseResult>* results) {
  try {
    return RunPackFixturesImpl(pack_dir, rules, results);
  } catch (const std::exception& e) {
    return Status::Error(ErrorCode::kRulePack,
                         pack_dir + ": error: malformed test file: " + e.what());
  }
}

namespace {

Status RunPackFixturesImpl(const std::string& pack_dir, const RuleSet& rules,
                           std::vector<FixtureCaseResult>* results) {
  fs::path tests = fs::path(pack_dir) / "tests";
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(tests, ec))
    if (e.path().string().ends_with(".test.yaml")) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::set<std::string> tested;
  for (const fs::path& p : files) {
    YamlFile tf(p.string());
    if (!tf.ok()) return Status::Error(ErrorCode::kRulePack, tf.error());
    const YAML::Node& root = tf.root();
    std::string rule = root["rule"] ? root["rule"].Scalar() : "";
    std::string base = root["base"] ? root["base"].Scalar() : "";
    if (rule.empty() || base.empty())
      return Status::Error(ErrorCode::kRulePack,
                           tf.ErrorAt(root, "a test file needs 'rule:' and 'base:'"));
    tested.insert(rule);
    YamlFile bf((tests / base).string());
    if (!bf.ok()) return Status::Error(ErrorCode::kRulePack, bf.error());
    FixtureSpec base_spec;
    Status s = FixtureToSpec(bf.root()["document"], bf, &base_spec);
    if (!s.ok()) return s;
    for (const auto& c : root["cases"]) {
      FixtureCaseResult r;
      r.file = p.string();
      r.rule = rule;
      r.name = c["name"] ? c["name"].Scalar() : "?";
      FixtureSpec spec = base_spec;
      r.detail = ApplyEdits(c, &spec);
      if (!r.detail.empty()) {
        results->push_back(r);
        continue;
      }
      Document doc = SpecToDocument(spec, p.string());
      ReportFindings rf = Evaluate(doc, rules);
      std::vector<const Finding*> mine;
      for (const Finding& f : rf.findings)
        if (f.rule == rule ||
            (f.outcome == Outcome::kNotEvaluated && f.message.find(rule) != std::string::npos))
          mine.push_back(&f);
      YAML::Node expect = c["expect"];
      size_t want = expect && expect.IsSequence() ? expect.size() : 0;
      r.ok = mine.size() == want;
      for (size_t i = 0; r.ok && i < want; ++i) r.ok = Meets(*mine[i], expect[i]);
      if (!r.ok) {
        r.detail =
            "expected " + std::to_string(want) + " finding(s), got " + std::to_string(mine.size());
        for (const Finding* f : mine) r.detail += "\n    " + Describe(*f);
      }
      results->push_back(r);
    }
  }
  // Every rule of the pack needs at least one test.
  std::string pack_file = (fs::path(pack_dir) / "pack.yaml").string();
  std::string pack_id;
  for (const PackInfo& p : rules.packs())
    if (fs::equivalent(p.path, pack_file, ec)) pack_id = p.id;
  for (const RuleInfo& ri : rules.rules()) {
    if (ri.pack != pack_id || tested.count(ri.id)) continue;
    FixtureCaseResult r;
    r.rule = ri.id;
    r.name = "(no test)";
    r.detail =
        "rule " + ri.id + " (" + ri.file + ":" + std::to_string(ri.line) + ") has no fixture test";
    results->push_back(r);
  }
  return Status::Ok();
}

}  // namespace

}  // namespace ogicheck::rules
