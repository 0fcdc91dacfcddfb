// Agency name extraction and classification (see agency.h).
#include "parse/agency.h"

#include <array>

#include "parse/chinese_numerals.h"
#include "text/byte_scan.h"
#include "text/utf8.h"

namespace ogicheck::parse {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}
bool Contains(std::string_view s, std::string_view part) {
  // memmem: find() stops at every byte equal to the part's first, and in CJK text the lead
  // bytes E4..E9 are most bytes.
  return text::FindBytes(s, part) != std::string_view::npos;
}

constexpr std::array<std::string_view, 17> kAgencySuffixes = {
    "人民政府", "政府", "办事处", "委员会", "办公室", "办公厅", "厅", "局", "委",
    "办",       "院",   "署",     "中心",   "部",     "馆",     "处", "所"};
constexpr std::array<std::string_view, 9> kPlaceSuffixes = {
    "自治区", "自治州", "自治县", "省", "市", "县", "区", "旗", "州"};

}  // namespace

std::string RemoveBlanks(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    const CodePoint c = At(s, i);  // inline for ASCII and CJK; utf8::Next for the rest
    i += c.len;
    if (IsBlank(c.cp) || c.cp == U'\n') continue;
    out.append(s.substr(start, i - start));
  }
  return out;
}

bool LooksLikeAgency(std::string_view s) {
  for (std::string_view suffix : kAgencySuffixes)
    if (EndsWith(s, suffix) && s.size() > suffix.size()) return true;
  return false;
}

std::string AgencyFromTitle(std::string_view title_in) {
  const std::string title = RemoveBlanks(title_in);
  // The prefix before the first year: ASCII "2017年" or Chinese "二〇一七年".
  size_t cut = std::string::npos;
  for (size_t i = 0; i < title.size();) {
    CodePoint c = At(title, i);
    if (IsAsciiDigit(c.cp) || c.cp == U'二' || c.cp == U'〇') {
      size_t j = i;
      int digits = 0;
      while (j < title.size()) {
        CodePoint d = At(title, j);
        if (!(IsAsciiDigit(d.cp) || IsChineseDigit(d.cp))) break;
        j += d.len, ++digits;
      }
      if (digits == 4 && At(title, j).cp == U'年') {
        cut = i;
        break;
      }
    }
    i += c.len;
  }
  if (cut == std::string::npos || cut == 0) return "";
  std::string prefix = title.substr(0, cut);
  if (LooksLikeAgency(prefix)) return prefix;
  for (std::string_view place : kPlaceSuffixes)
    if (EndsWith(prefix, place) && prefix.size() > place.size()) return prefix + "人民政府";
  return "";
}

AgencyKind ClassifyAgencyKind(std::string_view a) {
  if (a.empty()) return AgencyKind::kUnknown;
  if (EndsWith(a, "镇人民政府") || EndsWith(a, "乡人民政府") || EndsWith(a, "街道办事处") ||
      EndsWith(a, "镇政府") || EndsWith(a, "乡政府") || EndsWith(a, "镇") || EndsWith(a, "乡") ||
      EndsWith(a, "街道"))
    return AgencyKind::kTownship;
  if (EndsWith(a, "人民政府") || EndsWith(a, "政府")) return AgencyKind::kGovernment;
  for (std::string_view s : {"厅", "局", "委", "委员会", "办", "办公室", "中心", "院", "署", "部"})
    if (EndsWith(a, s)) return AgencyKind::kDepartment;
  return AgencyKind::kOther;
}

AgencyLevel ClassifyAgencyLevel(std::string_view a) {
  if (a.empty()) return AgencyLevel::kUnknown;
  if (ClassifyAgencyKind(a) == AgencyKind::kTownship) return AgencyLevel::kTownship;
  if (StartsWith(a, "国务院") || StartsWith(a, "国家") || StartsWith(a, "中华人民共和国"))
    return AgencyLevel::kNational;
  for (std::string_view m : {"北京市", "天津市", "上海市", "重庆市"}) {
    // A municipality's own government or departments are provincial; its districts are counties.
    if (StartsWith(a, m)) {
      std::string_view rest = a.substr(m.size());
      for (std::string_view c : {"区", "县"})
        if (Contains(rest.substr(0, std::min<size_t>(rest.size(), 15)), c) &&
            !StartsWith(rest, "人民政府"))
          return AgencyLevel::kCounty;
      return AgencyLevel::kProvincial;
    }
  }
  if (StartsWith(a, "省")) return AgencyLevel::kProvincial;
  if (StartsWith(a, "市")) return AgencyLevel::kPrefecture;
  if (StartsWith(a, "县") || StartsWith(a, "区")) return AgencyLevel::kCounty;
  // The place part: up to the first place suffix run, scanning at most the first 12 characters.
  AgencyLevel level = AgencyLevel::kUnknown;
  size_t i = 0;
  int chars = 0;
  while (i < a.size() && chars < 12) {
    bool matched = false;
    for (std::string_view p : {"自治区", "省"}) {
      if (a.compare(i, p.size(), p) == 0) {
        level = AgencyLevel::kProvincial, i += p.size(), matched = true;
        break;
      }
    }
    if (!matched) {
      for (std::string_view p : {"自治州", "市", "盟", "地区"}) {
        if (a.compare(i, p.size(), p) == 0 && i > 0) {
          level = AgencyLevel::kPrefecture, i += p.size(), matched = true;
          break;
        }
      }
    }
    if (!matched) {
      for (std::string_view p : {"自治县", "县", "区", "旗"}) {
        if (a.compare(i, p.size(), p) == 0 && i > 0) {
          level = AgencyLevel::kCounty, i += p.size(), matched = true;
          break;
        }
      }
    }
    if (!matched) i += std::max<uint32_t>(1, At(a, i).len);
    ++chars;
  }
  return level;
}

}  // namespace ogicheck::parse
