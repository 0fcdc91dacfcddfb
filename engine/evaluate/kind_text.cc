// Text kinds: a pattern that must (not) occur, and numbers stated in the prose checked against
// table values. Patterns are RE2 (linear time), compiled on first use (rules/pattern.h).
#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "evaluate/kinds.h"

namespace ogicheck::eval {

int ChineseNumber(const std::string& s) {
  static const std::pair<const char*, int> kDigits[] = {{"一", 1}, {"二", 2}, {"三", 3}, {"四", 4},
                                                        {"五", 5}, {"六", 6}, {"七", 7}, {"八", 8},
                                                        {"九", 9}, {"十", 10}};
  int total = 0, cur = 0;
  for (size_t i = 0; i < s.size(); i += 3) {
    std::string ch = s.substr(i, 3);
    int d = 0;
    for (const auto& [c, v] : kDigits)
      if (ch == c) d = v;
    if (d == 0) return 0;
    if (d == 10) {
      total += (cur ? cur : 1) * 10;
      cur = 0;
    } else {
      cur = d;
    }
  }
  return total + cur;
}

bool SectionRange(const Document& doc, const std::string& id, Span* out) {
  if (id.empty()) {
    *out = {0, static_cast<uint32_t>(doc.text().text().size())};
    return true;
  }
  int n = ChineseNumber(id);
  for (const Section& s : doc.sections) {
    if (s.number != n ||
        (s.style != NumberingStyle::kChineseComma && s.style != NumberingStyle::kNone))
      continue;
    // The body only: a heading's own words must not satisfy a pattern about the content.
    *out = {s.heading_span.end, std::max(s.body_span.end, s.heading_span.end)};
    return true;
  }
  return false;
}

namespace {

re2::StringPiece ToPiece(std::string_view s) { return re2::StringPiece(s.data(), s.size()); }

// Parses "1,234", "33.9", "一百二十", "两千" (what a capture group holds). False if not a number.
bool ParseNumberText(const std::string& s, double* out) {
  if (s.empty()) return false;
  std::string digits;
  bool ascii = true;
  for (char c : s) {
    if (c == ',') continue;
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.') ascii = false;
    digits += c;
  }
  if (ascii) {
    *out = std::strtod(digits.c_str(), nullptr);
    return true;
  }
  static const std::pair<const char*, int> kDigits[] = {{"零", 0}, {"〇", 0}, {"一", 1}, {"二", 2},
                                                        {"两", 2}, {"三", 3}, {"四", 4}, {"五", 5},
                                                        {"六", 6}, {"七", 7}, {"八", 8}, {"九", 9}};
  static const std::pair<const char*, int> kUnits[] = {
      {"十", 10}, {"百", 100}, {"千", 1000}, {"万", 10000}};
  double total = 0, section = 0, cur = 0;
  for (size_t i = 0; i < s.size(); i += 3) {
    std::string ch = s.substr(i, 3);
    bool matched = false;
    for (const auto& [c, v] : kDigits)
      if (ch == c) cur = v, matched = true;
    for (const auto& [c, v] : kUnits) {
      if (ch != c) continue;
      matched = true;
      if (v == 10000) {
        total += (section + cur) * v;
        section = cur = 0;
      } else {
        section += (cur == 0 ? 1 : cur) * v;
        cur = 0;
      }
    }
    if (!matched) return false;
  }
  *out = total + section + cur;
  return true;
}

// The sentence around [b, e): from the previous 。；！？ to the next one, within the paragraph
// (the parser joins hard-wrapped PDF lines into paragraphs; without paragraphs, within the line),
// and at most ~40 characters each way.
Span SentenceAround(const Document& doc, uint32_t b, uint32_t e) {
  const std::string& text = doc.text().text();
  constexpr uint32_t kReach = 120;  // bytes: about 40 Chinese characters
  uint32_t start = b > kReach ? b - kReach : 0;
  uint32_t end = std::min<uint32_t>(static_cast<uint32_t>(text.size()), e + kReach);
  bool in_paragraph = false;
  // Paragraphs are in text order and do not overlap: the one holding b is the last one that
  // starts at or before it.
  auto para = std::upper_bound(doc.paragraphs.begin(), doc.paragraphs.end(), b,
                               [](uint32_t off, const Paragraph& p) { return off < p.span.begin; });
  if (para != doc.paragraphs.begin()) {
    const Paragraph& p = *std::prev(para);
    if (p.span.begin <= b && b < p.span.end) {
      start = std::max(start, p.span.begin);
      end = std::min(end, std::max(p.span.end, e));
      in_paragraph = true;
    }
  }
  std::vector<const char*> stops = {"。", "；", "！", "？"};
  if (!in_paragraph) stops.push_back("\n");
  // Only stops inside [start, end) can move the bounds, so only that window is searched (a
  // search of the whole text per match was the evaluator's largest cost on long reports).
  const std::string_view all(text);
  for (const char* stop : stops) {
    const size_t len = std::strlen(stop);
    const size_t lo = start >= len ? start - len + 1 : 0;
    if (b >= 1 && b - 1 >= lo) {
      std::string_view before = all.substr(lo, std::min(all.size(), b - 1 + len) - lo);
      size_t p = before.rfind(stop, b - 1 - lo);
      if (p != std::string_view::npos && p + lo + len > start && p + lo < b)
        start = static_cast<uint32_t>(p + lo + len);
    }
    std::string_view after = all.substr(0, std::min(all.size(), end + len - 1));
    size_t q = after.find(stop, e);
    if (q != std::string_view::npos && q < end) end = static_cast<uint32_t>(q);
  }
  while (start < b && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) ++start;
  while (end > e && end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
    --end;
  return {start, std::max(end, e)};
}

std::string Clip(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "…";
}

}  // namespace

std::vector<Span> WithinRanges(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out) {
  std::vector<Span> ranges;
  if (rule.within.empty()) {
    Span all;
    SectionRange(env.doc, "", &all);
    ranges.push_back(all);
  }
  for (const std::string& id : rule.within) {
    Span s;
    if (SectionRange(env.doc, id, &s))
      ranges.push_back(s);
    else
      out->missing.insert("section:" + id);
  }
  return ranges;
}

std::vector<Span> WithoutTables(const Document& doc, std::vector<Span> ranges) {
  for (const Table& t : doc.tables) {
    std::vector<Span> cut;
    for (Span r : ranges) {
      if (t.span.end <= r.begin || t.span.begin >= r.end) {
        cut.push_back(r);
        continue;
      }
      if (t.span.begin > r.begin) cut.push_back({r.begin, t.span.begin});
      if (t.span.end < r.end) cut.push_back({t.span.end, r.end});
    }
    ranges = std::move(cut);
  }
  return ranges;
}

void EvalTextPattern(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out) {
  EvalContext ctx(env, rule);
  if (!OnlyIf(ctx, out)) return;
  std::vector<Span> ranges = WithinRanges(env, rule, out);
  if (!out->missing.empty()) return;
  const std::string& text = env.doc.text().text();
  bool found = false;
  Span hit;
  for (Span r : ranges) {
    // A pattern that matches nowhere in the text needs no scan (ranges stay for the location).
    if (!MayMatch(env, rule.pattern.get())) break;
    std::string_view rest(text.data() + r.begin, r.end - r.begin);
    re2::StringPiece whole;
    re2::StringPiece piece(rest.data(), rest.size());
    size_t pos = 0;
    while (pos <= rest.size() &&
           rule.pattern->re().Match(piece, pos, rest.size(), RE2::UNANCHORED, &whole, 1)) {
      uint32_t b = r.begin + static_cast<uint32_t>(whole.data() - rest.data());
      uint32_t e = b + static_cast<uint32_t>(whole.size());
      Span sentence = SentenceAround(env.doc, b, e);
      pos = e - r.begin + (whole.empty() ? 1 : 0);
      // Qualifiers come before what they qualify ("区政府办收到…", "其中，…"): exclude looks at the
      // sentence up to the end of the match, not at the breakdown that follows it.
      if (rule.exclude &&
          RE2::PartialMatch(ToPiece(env.doc.text().Slice({sentence.begin, e})), rule.exclude->re()))
        continue;
      found = true;
      hit = {b, e};
      break;
    }
    if (found) break;
  }
  if (found != rule.fire_when_found) return AddPass(ctx, out, "");
  Finding f = MakeFinding(rule, Outcome::kFail);
  if (found) {
    Span sentence = SentenceAround(env.doc, hit.begin, hit.end);
    ctx.strings["match"] = std::string(env.doc.text().Slice(hit));
    Evidence ev;
    ev.ref = "prose";
    ev.label = Clip(env.doc.text().Slice(sentence), 180);
    ev.raw = ctx.strings["match"];
    SetEvidencePos(env.doc, hit.begin, &ev);
    ctx.evidence.push_back(ev);
    SetLocationFromSpan(env.doc, hit, &f.location);
  } else if (!ranges.empty() && !rule.within.empty()) {
    SetLocationFromSpan(env.doc, ranges.front(), &f.location);
  }
  if (!rule.within.empty()) f.location.section = rule.within.front();
  // Evidence of the guard's cells (e.g. the pending cases behind a "均获维持" claim).
  if (rule.only_if) {
    EvalContext probe(env, rule);
    EvalExpr(*rule.only_if, probe);
    for (auto& ev : probe.evidence) ctx.evidence.push_back(ev);
  }
  f.message = RenderMessage(ctx);
  f.evidence = ctx.evidence;
  f.fingerprint = Fingerprint(f, ctx.strings["match"]);
  out->findings.push_back(std::move(f));
}

void EvalProseNumber(const ReportEnv& env, const rules::Rule& rule, RuleOutput* out) {
  {
    EvalContext guard(env, rule);
    if (!OnlyIf(guard, out)) return;
  }
  std::vector<Span> ranges = WithinRanges(env, rule, out);
  if (!out->missing.empty()) return;
  if (!MayMatch(env, rule.pattern.get())) return;  // it matches nowhere in the text
  // Numbers stated in the prose: a table's label followed by its cell is not a statement.
  ranges = WithoutTables(env.doc, std::move(ranges));
  const std::string& text = env.doc.text().text();
  const std::vector<ProseHit> hits = env.prose_matches
                                         ? env.prose_matches->For(rule, ranges)
                                         : ScanAlone(rule.pattern->re(), text, ranges);
  for (const ProseHit& hit : hits) {
    // The first group that took part in the match holds the number (patterns may offer
    // alternatives such as "收到N件" | "N件申请").
    if (!hit.has_number) continue;
    const std::string_view whole = env.doc.text().Slice(hit.whole);
    const std::string_view num = env.doc.text().Slice(hit.number);
    const uint32_t b = hit.whole.begin, e = hit.whole.end, nb = hit.number.begin;
    Span sentence = SentenceAround(env.doc, b, e);
    std::string_view sentence_text = env.doc.text().Slice(sentence);
    if (rule.exclude &&
        RE2::PartialMatch(ToPiece(env.doc.text().Slice({sentence.begin, e})), rule.exclude->re()))
      continue;
    double found = 0;
    if (!ParseNumberText(std::string(num), &found)) continue;
    // Approximate figures (120余件, 近百件) cannot be compared.
    std::string_view after = std::string_view(text).substr(nb + num.size(), 3);
    if (after == "余" || after == "多") continue;
    EvalContext ctx(env, rule);
    for (const auto& [name, ex] : rule.values) ctx.values[name] = EvalExpr(*ex, ctx);
    std::vector<double> expected;
    bool ok = false;
    for (const auto& ex : rule.expect) {
      double v = EvalExpr(*ex, ctx);
      expected.push_back(v);
      ok |= std::fabs(v - found) <= ToleranceFor(ctx, 0, ctx.cells.size());
    }
    if (!ctx.missing.empty()) {
      out->missing.insert(ctx.missing.begin(), ctx.missing.end());
      return;
    }
    Evidence ev;
    ev.ref = "prose";
    ev.label = Clip(sentence_text, 180);
    ev.value = found;
    ev.raw = std::string(num);
    SetEvidencePos(env.doc, nb, &ev);
    ctx.evidence.insert(ctx.evidence.begin(), ev);
    std::string binding = std::string(whole);
    if (ok) {
      AddPass(ctx, out, binding);
      continue;
    }
    bool unsure = ctx.ambiguous || ctx.text_cell ||
                  (rule.ambiguous && RE2::PartialMatch(ToPiece(sentence_text), rule.ambiguous->re()));
    Finding f = MakeFinding(rule, unsure ? Outcome::kInconclusive : Outcome::kFail);
    ctx.values["found"] = found;
    std::string list;
    for (double v : expected) list += (list.empty() ? "" : "或") + FormatNumber(v);
    ctx.strings["expected_values"] = list;
    ctx.strings["match"] = std::string(whole);
    f.message = RenderMessage(ctx);
    if (unsure) f.message += "（表述可能另有口径，需人工核实）";
    f.evidence = ctx.evidence;
    SetLocationFromSpan(env.doc, {nb, static_cast<uint32_t>(nb + num.size())}, &f.location);
    if (!rule.within.empty()) f.location.section = rule.within.front();
    f.fingerprint = Fingerprint(f, binding);
    out->findings.push_back(std::move(f));
  }
}

}  // namespace ogicheck::eval
