// Fixture documents: YAML -> Document with a synthesised text (so spans and lines are real).
#include <filesystem>

#include "rules/fixture.h"
#include "rules/fixture_internal.h"
#include "rules/yaml_util.h"

namespace ogicheck::rules {
namespace {

AgencyKind ParseKind(const std::string& s) {
  if (s == "government") return AgencyKind::kGovernment;
  if (s == "department") return AgencyKind::kDepartment;
  if (s == "township") return AgencyKind::kTownship;
  if (s == "other") return AgencyKind::kOther;
  return AgencyKind::kUnknown;
}

AgencyLevel ParseLevel(const std::string& s) {
  if (s == "national") return AgencyLevel::kNational;
  if (s == "provincial") return AgencyLevel::kProvincial;
  if (s == "prefecture") return AgencyLevel::kPrefecture;
  if (s == "county") return AgencyLevel::kCounty;
  if (s == "township") return AgencyLevel::kTownship;
  return AgencyLevel::kUnknown;
}

bool ParseDate(const std::string& s, Date* d) {
  return std::sscanf(s.c_str(), "%d-%d-%d", &d->year, &d->month, &d->day) == 3 && d->valid();
}

int HeadingNumber(const std::string& heading, std::string* numbering, std::string* title) {
  static const char* kNums[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  for (int i = 0; i < 10; ++i) {
    std::string prefix = std::string(kNums[i]) + "、";
    if (heading.rfind(prefix, 0) == 0) {
      *numbering = prefix;
      *title = heading.substr(prefix.size());
      return i + 1;
    }
  }
  *numbering = "";
  *title = heading;
  return 0;
}

}  // namespace

Status FixtureToSpec(const YAML::Node& d, const YamlFile& file, FixtureSpec* spec) {
  auto str = [&](const char* k) { return d[k] && d[k].IsScalar() ? d[k].Scalar() : std::string(); };
  spec->format = str("format");
  spec->table_format = d["table_format"] ? str("table_format") : spec->format;
  spec->title = str("title");
  spec->agency = str("agency");
  spec->agency_kind = str("agency_kind");
  spec->agency_level = str("agency_level");
  spec->report_year = d["report_year"] ? std::atoi(str("report_year").c_str()) : 0;
  spec->published = str("published");
  spec->kind = str("kind");
  if (YAML::Node p = d["period"]; p && p.IsSequence() && p.size() == 2) {
    spec->period_begin = p[0].Scalar();
    spec->period_end = p[1].Scalar();
  }
  if (YAML::Node ss = d["sections"]) {
    for (const auto& s : ss) {
      FixtureSection sec;
      sec.heading = s["heading"] ? s["heading"].Scalar() : "";
      sec.text = s["text"] ? s["text"].Scalar() : "";
      spec->sections.push_back(sec);
    }
  }
  if (YAML::Node ts = d["tables"]) {
    for (const auto& kv : ts) {
      FixtureTable t;
      t.id = kv.first.Scalar();
      if (!StringList(kv.second["columns"], &t.columns))
        return Status::Error(ErrorCode::kRulePack,
                             file.ErrorAt(kv.second, "columns must be a list"));
      StringList(kv.second["deviations"], &t.deviations);
      if (kv.second["section"]) t.section = kv.second["section"].Scalar();
      for (const auto& row : kv.second["rows"]) {
        FixtureRow r;
        r.id = row.first.Scalar();
        YAML::Node cells = row.second;
        if (cells.IsMap()) {
          r.label = cells["label"] ? cells["label"].Scalar() : "";
          cells = cells["cells"];
        }
        if (cells && cells.IsSequence())
          for (const auto& c : cells) r.cells.push_back(c.IsNull() ? "" : c.Scalar());
        if (r.cells.size() > t.columns.size())
          return Status::Error(
              ErrorCode::kRulePack,
              file.ErrorAt(row.first, "row " + r.id + " has more cells than columns"));
        t.rows.push_back(r);
      }
      spec->tables.push_back(t);
    }
  }
  return Status::Ok();
}

namespace {

void FillCell(const std::string& raw, TableCell* c) {
  c->raw = raw;
  std::string v = raw;
  if (!v.empty() && v.back() == '?') {  // "5?" marks an ambiguous split in fixtures
    c->ambiguous = true;
    v.pop_back();
    c->raw = v;
  }
  if (v.empty()) {
    c->semantic = CellSemantic::kBlank;
    return;
  }
  if (v == "—" || v == "-" || v == "/" || v == "无") {
    c->semantic = CellSemantic::kDash;
    return;
  }
  char* end = nullptr;
  double d = std::strtod(v.c_str(), &end);
  if (end == v.c_str() + v.size()) {
    c->value = d;
    c->semantic = d == 0 ? CellSemantic::kZero : CellSemantic::kNumber;
  } else {
    c->semantic = CellSemantic::kText;
  }
}

std::string SectionOfTable(const FixtureTable& t) {
  if (!t.section.empty()) return t.section;
  if (t.id == "applications") return "三";
  if (t.id == "review_litigation") return "四";
  return "二";
}

}  // namespace

Document SpecToDocument(const FixtureSpec& spec, const std::string& path) {
  Document doc;
  doc.format = spec.format;
  doc.table_format = spec.table_format;
  Metadata& m = doc.meta;
  m.agency = spec.agency;
  m.agency_kind = ParseKind(spec.agency_kind);
  m.agency_level = ParseLevel(spec.agency_level);
  m.report_year = spec.report_year;
  m.kind = spec.kind == "other" ? DocumentKind::kOther : DocumentKind::kAnnualReport;
  if (m.kind == DocumentKind::kOther) m.kind_reason = "fixture";
  Date d;
  if (ParseDate(spec.period_begin, &d)) m.period_begin = d;
  if (ParseDate(spec.period_end, &d)) m.period_end = d;

  // Every piece is normalised before it is appended, so that spans index the normalised text
  // (normalisation changes byte lengths: （ becomes "(").
  auto norm = [](const std::string& s) { return NormaliseWidth(s); };
  std::string text;
  auto append_line = [&text, &norm](const std::string& raw_line) {
    std::string line = norm(raw_line);
    uint32_t b = static_cast<uint32_t>(text.size());
    text += line + "\n";
    return Span{b, static_cast<uint32_t>(b + line.size())};
  };
  m.title = spec.title;
  if (!spec.title.empty()) m.title_span = append_line(spec.title);
  std::vector<Table> tables;
  auto emit_table = [&](const FixtureTable& ft) {
    Table t;
    t.id = ft.id;
    t.columns = ft.columns;
    t.deviations = ft.deviations;
    uint32_t begin = static_cast<uint32_t>(text.size());
    for (const FixtureRow& r : ft.rows) {
      TableRow row;
      row.id = r.id;
      row.label = r.label.empty() ? r.id : r.label;
      uint32_t line_begin = static_cast<uint32_t>(text.size());
      text += norm(row.label);
      row.span = {line_begin, static_cast<uint32_t>(text.size())};
      for (size_t i = 0; i < r.cells.size(); ++i) {
        TableCell c;
        c.row = r.id;
        c.col = ft.columns[i];
        FillCell(r.cells[i], &c);
        text += "\t";
        uint32_t cb = static_cast<uint32_t>(text.size());
        text += norm(c.raw);
        if (!c.raw.empty()) c.span = {cb, static_cast<uint32_t>(text.size())};
        t.cells.push_back(c);
      }
      text += "\n";
      t.rows.push_back(row);
    }
    t.span = {begin, static_cast<uint32_t>(text.size())};
    tables.push_back(std::move(t));
  };
  std::vector<bool> emitted(spec.tables.size(), false);
  for (const FixtureSection& s : spec.sections) {
    Section sec;
    sec.level = 1;
    sec.number = HeadingNumber(s.heading, &sec.numbering, &sec.title);
    sec.style = sec.number ? NumberingStyle::kChineseComma : NumberingStyle::kNone;
    sec.heading_span = append_line(s.heading);
    uint32_t body_begin = static_cast<uint32_t>(text.size());
    if (!s.text.empty()) {
      std::string body = norm(s.text);
      if (body.back() != '\n') body += "\n";
      text += body;
    }
    for (size_t i = 0; i < spec.tables.size(); ++i) {
      std::string numbering = SectionOfTable(spec.tables[i]) + "、";
      if (!emitted[i] && sec.numbering == numbering) {
        emit_table(spec.tables[i]);
        emitted[i] = true;
      }
    }
    sec.body_span = {body_begin, static_cast<uint32_t>(text.size())};
    doc.sections.push_back(sec);
  }
  for (size_t i = 0; i < spec.tables.size(); ++i)
    if (!emitted[i]) emit_table(spec.tables[i]);
  if (!spec.published.empty() && ParseDate(spec.published, &d)) {
    SourcedDate sd;
    sd.date = d;
    sd.source = "published_line";
    sd.span = append_line("发布日期：" + spec.published);
    m.published = sd;
  }
  doc.tables = std::move(tables);
  doc.source.path = path;
  doc.source.reader = "fixture";
  doc.source.encoding = "UTF-8";
  doc.source.text = SourceText::FromUtf8(text);
  return doc;
}

Status LoadFixtureDocument(const std::string& path, Document* doc) try {
  YamlFile file(path);
  if (!file.ok()) return Status::Error(ErrorCode::kRulePack, file.error());
  YAML::Node d = file.root()["document"];
  if (!d || !d.IsMap())
    return Status::Error(ErrorCode::kRulePack, file.ErrorAt(file.root(), "missing 'document:'"));
  FixtureSpec spec;
  Status s = FixtureToSpec(d, file, &spec);
  if (!s.ok()) return s;
  *doc = SpecToDocument(spec, path);
  return Status::Ok();
} catch (const std::exception& e) {
  return Status::Error(ErrorCode::kRulePack, path + ": error: malformed fixture: " + e.what());
}

}  // namespace ogicheck::rules
