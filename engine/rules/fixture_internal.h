// The editable form of a fixture document (cases edit it before it becomes a Document).
#pragma once

#include <string>
#include <vector>

#include "ogicheck/document.h"
#include "ogicheck/status.h"
#include "rules/yaml_util.h"

namespace ogicheck::rules {

struct FixtureSection {
  std::string heading;  // "三、收到和处理政府信息公开申请情况"
  std::string text;
};

struct FixtureRow {
  std::string id, label;
  std::vector<std::string> cells;  // as printed; "" blank, "—" dash, "5?" ambiguous 5
};

struct FixtureTable {
  std::string id, section;
  std::vector<std::string> columns;
  std::vector<FixtureRow> rows;
  std::vector<std::string> deviations;
};

struct FixtureSpec {
  std::string format, table_format, title, agency, agency_kind, agency_level, published;
  std::string period_begin, period_end;
  std::string kind;  // "other": not an annual report (default: annual report)
  int report_year = 0;
  std::vector<FixtureSection> sections;
  std::vector<FixtureTable> tables;
};

Status FixtureToSpec(const YAML::Node& d, const YamlFile& file, FixtureSpec* spec);
Document SpecToDocument(const FixtureSpec& spec, const std::string& path);

}  // namespace ogicheck::rules
