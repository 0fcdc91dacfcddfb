// Numbered lists and their defects (see numbering_runs.h).
//
// Levels, outermost first: 一、  （一）  1. / 1、  （1）. A marker resets the lists of the deeper
// levels. A 1 after a short label paragraph ("整改措施：") is a new list, not a restart.
#include "facts/numbering_runs.h"

#include <array>

namespace ogicheck::facts {
namespace {

bool StartsWith(std::string_view s, size_t pos, std::string_view p) {
  return pos + p.size() <= s.size() && s.compare(pos, p.size(), p) == 0;
}

int ChineseDigit(std::string_view s, size_t pos, size_t* len) {
  static const char* const kNums[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  int v = 0;
  size_t p = pos;
  // 一 … 十, 十一 … 十九, 二十 …
  for (int round = 0; round < 3; ++round) {
    int d = 0;
    for (int i = 0; i < 10; ++i)
      if (StartsWith(s, p, kNums[i])) d = i + 1;
    if (!d) break;
    if (d == 10)
      v = (v ? v : 1) * 10;
    else
      v += d;
    p += 3;
  }
  *len = p - pos;
  return v;
}

struct Marker {
  int level = -1;  // 0 一、 1 （一） 2 1. 3 （1）
  int number = 0;
  size_t len = 0;
};

Marker ReadMarker(std::string_view s, size_t pos) {
  Marker m;
  size_t len = 0;
  bool paren = StartsWith(s, pos, "（") || StartsWith(s, pos, "(");
  size_t p = pos + (StartsWith(s, pos, "（") ? 3 : (paren ? 1 : 0));
  int cn = ChineseDigit(s, p, &len);
  if (cn) {
    size_t q = p + len;
    if (paren && (StartsWith(s, q, "）") || StartsWith(s, q, ")"))) {
      m = {1, cn, q + (s[q] == ')' ? 1 : 3) - pos};
    } else if (!paren && StartsWith(s, q, "、")) {
      m = {0, cn, q + 3 - pos};
    }
    return m;
  }
  size_t q = p;
  int v = 0;
  while (q < s.size() && s[q] >= '0' && s[q] <= '9' && q - p < 2) v = v * 10 + (s[q++] - '0');
  if (q == p || v == 0 || v > 30 || (q < s.size() && s[q] >= '0' && s[q] <= '9')) return m;
  if (paren && (StartsWith(s, q, "）") || StartsWith(s, q, ")"))) {
    m = {3, v, q + (s[q] == ')' ? 1 : 3) - pos};
  } else if (!paren &&
             (StartsWith(s, q, "、") || StartsWith(s, q, "．") || (q < s.size() && s[q] == '.'))) {
    m = {2, v, q + (s[q] == '.' ? 1 : 3) - pos};
  }
  return m;
}

// Paragraph starts: after a line break, or after a run of two or more ideographic spaces.
std::vector<std::pair<size_t, size_t>> Paragraphs(std::string_view s) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t b = 0;
  auto push = [&](size_t e) {
    while (b < e && (s[b] == ' ' || s[b] == '\t' || StartsWith(s, b, "　")))
      b += s[b] == ' ' || s[b] == '\t' ? 1 : 3;
    if (e > b) out.push_back({b, e});
  };
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '\n') {
      push(i);
      b = ++i;
    } else if (static_cast<unsigned char>(s[i]) == 0xE3 && StartsWith(s, i, "　　")) {
      push(i);
      while (StartsWith(s, i, "　")) i += 3;
      b = i;
    } else {
      ++i;
    }
  }
  push(s.size());
  return out;
}

// A short paragraph that labels what follows ("整改措施：", "存在问题").
bool IsLabelParagraph(std::string_view p) {
  if (p.size() > 60) return false;
  return p.find("。") == std::string_view::npos;
}

}  // namespace

std::vector<NumberingDefect> FindNumberingDefects(std::string_view text) {
  std::vector<NumberingDefect> out;
  struct LevelState {
    int last = 0;
    std::string marker;
    bool label_since = false;  // an unnumbered label paragraph came after the last item
  };
  std::array<LevelState, 4> st{};
  std::array<std::string, 4> heading{};
  for (auto [b, e] : Paragraphs(text)) {
    std::string_view para = text.substr(b, e - b);
    Marker m = ReadMarker(text, b);
    if (m.level < 0) {
      if (IsLabelParagraph(para))
        for (auto& s : st) s.label_since = true;
      continue;
    }
    LevelState& s = st[m.level];
    std::string marker(text.substr(b, m.len));
    std::string under;
    for (int up = m.level - 1; up >= 0 && under.empty(); --up) under = heading[up];
    if (s.last > 0 && m.number > s.last + 1) {
      out.push_back({NumberingDefectKind::kGap,
                     s.marker,
                     marker,
                     s.last + 1,
                     under,
                     {static_cast<uint32_t>(b), static_cast<uint32_t>(b + m.len)}});
    } else if (m.level >= 2 && s.last > 1 && m.number == 1 && !s.label_since) {
      out.push_back({NumberingDefectKind::kRestart,
                     s.marker,
                     marker,
                     s.last + 1,
                     under,
                     {static_cast<uint32_t>(b), static_cast<uint32_t>(b + m.len)}});
    }
    s.last = m.number;
    s.marker = marker;
    s.label_since = false;
    size_t cut = std::min<size_t>(para.size(), 90);
    // Keep whole UTF-8 characters.
    while (cut > 0 && cut < para.size() && (static_cast<unsigned char>(para[cut]) & 0xC0) == 0x80)
      --cut;
    std::string h(para.substr(0, cut));
    size_t stop = h.find("。");
    heading[m.level] = stop == std::string::npos ? h : h.substr(0, stop);
    for (int d = m.level + 1; d < 4; ++d) {
      st[d] = LevelState{};
      heading[d].clear();
    }
  }
  return out;
}

}  // namespace ogicheck::facts
