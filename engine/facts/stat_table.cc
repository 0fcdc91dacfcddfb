// The appended 2014 statistics table (see stat_table.h).
#include "facts/stat_table.h"

#include <cstdlib>

namespace ogicheck::facts {
namespace {

const char* const kUnits[] = {"条",   "件", "次", "篇", "个", "人", "人次",
                              "万元", "元", "项", "家", "场", "期"};

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string_view Trim(std::string_view s) {
  auto strip_front = [&s] {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
      return s.remove_prefix(1), true;
    if (StartsWith(s, "　")) return s.remove_prefix(3), true;
    return false;
  };
  auto strip_back = [&s] {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
      return s.remove_suffix(1), true;
    if (s.size() >= 3 && s.substr(s.size() - 3) == "　") return s.remove_suffix(3), true;
    return false;
  };
  while (strip_front()) {
  }
  while (strip_back()) {
  }
  return s;
}

bool IsUnit(std::string_view s) {
  for (const char* u : kUnits)
    if (s == u) return true;
  return false;
}

bool IsNumber(std::string_view s) {
  if (s.empty() || s.size() > 12) return false;
  bool digit = false;
  for (char c : s) {
    if (c >= '0' && c <= '9')
      digit = true;
    else if (c != '.' && c != ',')
      return false;
  }
  return digit;
}

// "三、…" (a top-level row or heading of the table).
bool IsTopLevel(std::string_view s) {
  static const char* const kNums[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  for (const char* n : kNums) {
    std::string p = std::string(n) + "、";
    if (StartsWith(s, p)) return true;
  }
  return false;
}

// A line that opens a row label (numbered, or 其中：).
bool OpensLabel(std::string_view s) {
  if (IsTopLevel(s) || StartsWith(s, "（") || StartsWith(s, "(") || StartsWith(s, "其中"))
    return true;
  return !s.empty() && s.front() >= '0' && s.front() <= '9';
}

// The label without its numbering: "（三）申请答复数" -> "申请答复数".
std::string_view StripNumbering(std::string_view s) {
  if (IsTopLevel(s)) return s.substr(6);
  for (const char* open : {"（", "("}) {
    if (!StartsWith(s, open)) continue;
    size_t close = s.find(std::string_view(open) == "（" ? "）" : ")");
    if (close != std::string_view::npos && close <= 12)
      return s.substr(close + (std::string_view(open) == "（" ? 3 : 1));
  }
  size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i > 0 && i < s.size() && (s[i] == '.' || StartsWith(s.substr(i), "、")))
    return s.substr(i + (s[i] == '.' ? 1 : 3));
  if (StartsWith(s, "其中：")) return s.substr(9);
  if (StartsWith(s, "其中:")) return s.substr(7);
  return s;
}

struct Line {
  std::string_view text;
  uint32_t begin;
};

}  // namespace

std::vector<StatRow> FindStatRows(std::string_view text) {
  std::vector<Line> lines;
  size_t b = 0;
  while (b <= text.size()) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    std::string_view raw = text.substr(b, e - b);
    std::string_view t = Trim(raw);
    if (!t.empty()) lines.push_back({t, static_cast<uint32_t>(b + (t.data() - raw.data()))});
    b = e + 1;
  }
  std::vector<StatRow> rows;
  std::vector<std::string_view> pending;
  std::string group;
  auto make_label = [&](std::vector<std::string_view> parts) {
    // The label opens at its last numbered line; earlier pending lines are headings.
    size_t open = 0;
    for (size_t k = 0; k < parts.size(); ++k)
      if (OpensLabel(parts[k])) open = k;
    for (size_t k = 0; k < open; ++k)
      if (IsTopLevel(parts[k])) group = std::string(parts[k]);
    std::string label;
    for (size_t k = open; k < parts.size(); ++k) label += parts[k];
    if (IsTopLevel(label)) group = label;
    return label;
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view t = lines[i].text;
    if (IsUnit(t) && i + 1 < lines.size() && IsNumber(lines[i + 1].text) && !pending.empty()) {
      StatRow r;
      r.label = make_label(pending);
      r.group = group;
      r.unit = std::string(t);
      r.raw = std::string(lines[i + 1].text);
      r.value = std::strtod(r.raw.c_str(), nullptr);
      r.span = {lines[i + 1].begin, static_cast<uint32_t>(lines[i + 1].begin + r.raw.size())};
      rows.push_back(std::move(r));
      pending.clear();
      ++i;
      continue;
    }
    // One-line form: "（三）申请答复数 件 0".
    size_t last_space = t.find_last_of(" \t");
    if (last_space != std::string_view::npos && IsNumber(t.substr(last_space + 1))) {
      std::string_view head = Trim(t.substr(0, last_space));
      size_t unit_space = head.find_last_of(" \t");
      if (unit_space != std::string_view::npos && IsUnit(head.substr(unit_space + 1))) {
        pending.push_back(Trim(head.substr(0, unit_space)));
        StatRow r;
        r.label = make_label(pending);
        r.group = group;
        r.unit = std::string(head.substr(unit_space + 1));
        r.raw = std::string(t.substr(last_space + 1));
        r.value = std::strtod(r.raw.c_str(), nullptr);
        uint32_t nb = static_cast<uint32_t>(lines[i].begin + last_space + 1);
        r.span = {nb, static_cast<uint32_t>(nb + r.raw.size())};
        rows.push_back(std::move(r));
        pending.clear();
        continue;
      }
    }
    if (pending.size() > 6) pending.erase(pending.begin());
    pending.push_back(t);
  }
  if (rows.size() < 8) rows.clear();
  return rows;
}

const StatRow* FindStatRow(const std::vector<StatRow>& rows, const std::string& group,
                           const std::string& label) {
  std::vector<std::string> alts;
  size_t b = 0;
  while (b <= label.size()) {
    size_t e = label.find('|', b);
    if (e == std::string::npos) e = label.size();
    if (e > b) alts.push_back(label.substr(b, e - b));
    b = e + 1;
  }
  // A table printed without its group headings (or under the report's own "六、…" heading)
  // is searched as a whole.
  bool any_group = false;
  for (const StatRow& r : rows)
    any_group |= !group.empty() && r.group.find(group) != std::string::npos;
  for (const StatRow& r : rows) {
    if (any_group && r.group.find(group) == std::string::npos) continue;
    std::string_view l = StripNumbering(r.label);
    for (const std::string& a : alts)
      if (l.substr(0, a.size()) == a) return &r;
  }
  return nullptr;
}

}  // namespace ogicheck::facts
