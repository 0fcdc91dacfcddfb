// DocxNumbering: the list numbers Word computes at display time (w:numPr -> numbering.xml), so
// that an auto-numbered heading reads "一、总体情况" in our text as it does on screen.
// Handles decimal, Chinese counting, 甲乙丙, letters, roman and circled formats; bullets and
// unknown formats give no label (the paragraph text is kept as is).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ogicheck/status.h"

namespace ogicheck {

class DocxNumbering {
 public:
  // Parses word/numbering.xml. An empty string is a document without lists.
  Status Parse(std::string_view numbering_xml);

  // Parses word/styles.xml for paragraph styles that carry a list (w:pPr/w:numPr), as heading
  // styles often do. An empty string is a document without styles.
  Status ParseStyles(std::string_view styles_xml);

  // The list a paragraph style gives (following w:basedOn), false when none. `*ilvl` is set only
  // when the style states a level.
  bool StyleList(const std::string& style_id, int* num_id, int* ilvl) const;

  // Advances the counters for a paragraph with numId `num_id` at level `ilvl` and returns its
  // label including the separator ("一、", "1. "), or "" when none can be computed.
  std::string Next(int num_id, int ilvl);

  // The number in a given format ("decimal", "chineseCounting", …); "" for unknown formats.
  static std::string Format(int n, std::string_view format);

 private:
  struct Level {
    int start = 1;
    std::string format = "decimal";
    std::string text;  // lvlText, e.g. "%1、" or "%1.%2"
    std::string suffix = "tab";
  };
  struct Abstract {
    std::map<int, Level> levels;
    std::vector<int> counters = std::vector<int>(9, 0);
    std::vector<bool> started = std::vector<bool>(9, false);
  };
  struct Num {
    int abstract_id = -1;
    std::map<int, int> start_overrides;
    bool overrides_applied = false;
  };
  struct Style {
    int num_id = -1;
    int ilvl = -1;
    std::string based_on;
  };
  std::map<std::string, Style> styles_;
  std::map<int, Abstract> abstracts_;
  std::map<int, Num> nums_;
};

// A non-negative integer attribute value ("3"), or `fallback` when absent or malformed.
int ParseIntAttr(const std::string& value, int fallback);

}  // namespace ogicheck
