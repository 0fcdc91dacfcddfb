// DocxNumbering (see docx_numbering.h).
#include "ingest/docx_numbering.h"

#include "ingest/docx_xml.h"

namespace ogicheck {
namespace {

const char* const kChineseDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

std::string ChineseCounting(int n) {
  if (n <= 0 || n >= 1000) return std::to_string(n);
  std::string out;
  const int hundreds = n / 100, tens = (n / 10) % 10, ones = n % 10;
  if (hundreds > 0) out += std::string(kChineseDigits[hundreds]) + "百";
  if (tens > 0) {
    if (!(hundreds == 0 && tens == 1)) out += kChineseDigits[tens];  // 十一, not 一十一
    out += "十";
  } else if (hundreds > 0 && ones > 0) {
    out += "零";
  }
  if (ones > 0) out += kChineseDigits[ones];
  return out;
}

std::string Letters(int n, char base) {
  if (n <= 0) return std::to_string(n);
  // Word repeats the letter: a..z, aa..zz, …
  const int repeat = (n - 1) / 26 + 1;
  return std::string(static_cast<size_t>(std::min(repeat, 100)),
                     static_cast<char>(base + (n - 1) % 26));
}

std::string Roman(int n, bool upper) {
  if (n <= 0 || n >= 4000) return std::to_string(n);
  static const std::pair<int, const char*> kParts[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string out;
  for (const auto& [value, text] : kParts) {
    while (n >= value) out += text, n -= value;
  }
  if (upper) {
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

}  // namespace

int ParseIntAttr(const std::string& value, int fallback) {
  if (value.empty() || value.size() > 6) return fallback;
  int n = 0;
  for (char c : value) {
    if (c < '0' || c > '9') return fallback;
    n = n * 10 + (c - '0');
  }
  return n;
}

std::string DocxNumbering::Format(int n, std::string_view format) {
  if (format == "decimal" || format == "decimalFullWidth" || format == "decimalHalfWidth") {
    return std::to_string(n);
  }
  if (format == "decimalZero") {
    std::string out = std::to_string(n);
    if (n >= 0 && n < 10) out.insert(out.begin(), '0');
    return out;
  }
  if (format == "chineseCounting" || format == "chineseCountingThousand" ||
      format == "japaneseCounting" || format == "taiwaneseCounting" ||
      format == "taiwaneseCountingThousand" || format == "ideographDigital") {
    return ChineseCounting(n);
  }
  if (format == "ideographTraditional") {
    static const char* const kStems[] = {"甲", "乙", "丙", "丁", "戊",
                                         "己", "庚", "辛", "壬", "癸"};
    return n >= 1 && n <= 10 ? kStems[n - 1] : std::to_string(n);
  }
  if (format == "lowerLetter") return Letters(n, 'a');
  if (format == "upperLetter") return Letters(n, 'A');
  if (format == "lowerRoman") return Roman(n, false);
  if (format == "upperRoman") return Roman(n, true);
  if (format == "decimalEnclosedCircle" || format == "decimalEnclosedCircleChinese") {
    if (n >= 1 && n <= 20) {
      std::string out;
      const char32_t cp = 0x2460 + static_cast<char32_t>(n - 1);  // ①..⑳
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
      return out;
    }
    return std::to_string(n);
  }
  return "";
}

Status DocxNumbering::Parse(std::string_view numbering_xml) {
  if (numbering_xml.empty()) return Status::Ok();
  DocxXml xml(numbering_xml, "word/numbering.xml");
  Abstract* abstract = nullptr;
  Level* level = nullptr;
  Num* num = nullptr;
  int override_level = -1;
  for (DocxXml::Event e = xml.Next(); e != DocxXml::Event::kDone; e = xml.Next()) {
    if (e == DocxXml::Event::kError) return xml.status();
    const std::string& n = xml.name();
    if (e == DocxXml::Event::kEnd) {
      if (n == "abstractNum") abstract = nullptr;
      if (n == "lvl") level = nullptr;
      if (n == "num") num = nullptr;
      if (n == "lvlOverride") override_level = -1;
      continue;
    }
    if (e != DocxXml::Event::kStart) continue;
    if (n == "abstractNum") {
      abstract = &abstracts_[ParseIntAttr(xml.Attr("abstractNumId"), -1)];
    } else if (n == "lvl" && abstract != nullptr) {
      const int ilvl = ParseIntAttr(xml.Attr("ilvl"), -1);
      level = (ilvl >= 0 && ilvl < 9) ? &abstract->levels[ilvl] : nullptr;
    } else if (n == "lvl" && num != nullptr) {
      xml.SkipSubtree();  // a whole level redefined in an override: rare, not supported
    } else if (level != nullptr && n == "start") {
      level->start = ParseIntAttr(xml.Attr("val"), 1);
    } else if (level != nullptr && n == "numFmt") {
      level->format = xml.Attr("val");
    } else if (level != nullptr && n == "lvlText") {
      level->text = xml.Attr("val");
    } else if (level != nullptr && n == "suff") {
      level->suffix = xml.Attr("val");
    } else if (n == "num") {
      num = &nums_[ParseIntAttr(xml.Attr("numId"), -1)];
    } else if (num != nullptr && n == "abstractNumId") {
      num->abstract_id = ParseIntAttr(xml.Attr("val"), -1);
    } else if (num != nullptr && n == "lvlOverride") {
      override_level = ParseIntAttr(xml.Attr("ilvl"), -1);
    } else if (num != nullptr && override_level >= 0 && n == "startOverride") {
      num->start_overrides[override_level] = ParseIntAttr(xml.Attr("val"), 1);
    }
  }
  return Status::Ok();
}

Status DocxNumbering::ParseStyles(std::string_view styles_xml) {
  if (styles_xml.empty()) return Status::Ok();
  DocxXml xml(styles_xml, "word/styles.xml");
  Style* style = nullptr;
  for (DocxXml::Event e = xml.Next(); e != DocxXml::Event::kDone; e = xml.Next()) {
    if (e == DocxXml::Event::kError) return xml.status();
    const std::string& n = xml.name();
    if (e == DocxXml::Event::kEnd && n == "style") style = nullptr;
    if (e != DocxXml::Event::kStart) continue;
    if (n == "style") {
      style = xml.Attr("type") == "paragraph" ? &styles_[xml.Attr("styleId")] : nullptr;
    } else if (style != nullptr && n == "basedOn") {
      style->based_on = xml.Attr("val");
    } else if (style != nullptr && n == "numId") {
      style->num_id = ParseIntAttr(xml.Attr("val"), -1);
    } else if (style != nullptr && n == "ilvl") {
      style->ilvl = ParseIntAttr(xml.Attr("val"), -1);
    }
  }
  return Status::Ok();
}

bool DocxNumbering::StyleList(const std::string& style_id, int* num_id, int* ilvl) const {
  std::string id = style_id;
  for (int hops = 0; hops < 10 && !id.empty(); ++hops) {  // basedOn chains are short; no loops
    auto it = styles_.find(id);
    if (it == styles_.end()) return false;
    if (it->second.num_id >= 0) {
      *num_id = it->second.num_id;
      if (it->second.ilvl >= 0) *ilvl = it->second.ilvl;
      return true;
    }
    id = it->second.based_on;
  }
  return false;
}

std::string DocxNumbering::Next(int num_id, int ilvl) {
  auto num_it = nums_.find(num_id);
  if (num_id <= 0 || ilvl < 0 || ilvl >= 9 || num_it == nums_.end()) return "";
  Num& num = num_it->second;
  auto abs_it = abstracts_.find(num.abstract_id);
  if (abs_it == abstracts_.end()) return "";
  Abstract& abs = abs_it->second;
  auto level_of = [&](int k) -> const Level* {
    auto it = abs.levels.find(k);
    return it == abs.levels.end() ? nullptr : &it->second;
  };
  const Level* level = level_of(ilvl);
  if (level == nullptr) return "";
  if (!num.overrides_applied) {
    // A w:num with startOverride restarts the shared list where it is first used.
    for (const auto& [k, start] : num.start_overrides) {
      if (k >= 0 && k < 9) abs.counters[k] = start - 1, abs.started[k] = true;
    }
    num.overrides_applied = true;
  }
  if (!abs.started[ilvl]) {
    const Level* l = level_of(ilvl);
    abs.counters[ilvl] = (l != nullptr ? l->start : 1) - 1;
    abs.started[ilvl] = true;
  }
  ++abs.counters[ilvl];
  for (int k = ilvl + 1; k < 9; ++k) abs.started[k] = false;
  if (level->format == "bullet" || level->format == "none") return "";

  std::string label;
  const std::string& text = level->text;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
      const int k = text[i + 1] - '1';
      const Level* lk = level_of(k);
      if (!abs.started[k] && k != ilvl) {
        abs.counters[k] = (lk != nullptr ? lk->start : 1);  // a parent never used shows its start
        abs.started[k] = true;
      }
      const std::string part = Format(abs.counters[k], lk != nullptr ? lk->format : "decimal");
      if (part.empty()) return "";  // a format we cannot render: keep the text as is
      label += part;
      ++i;
    } else {
      label += text[i];
    }
  }
  if (label.empty()) return "";
  const char last = label.back();
  const bool alnum = (last >= '0' && last <= '9') || (last >= 'a' && last <= 'z') ||
                     (last >= 'A' && last <= 'Z') || last == '.' || last == ')';
  if (level->suffix != "nothing" && alnum) label += ' ';
  return label;
}

}  // namespace ogicheck
