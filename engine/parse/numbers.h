// Prose numbers: Arabic (1,234 / 33.9) and Chinese (一百二十) numbers with their unit,
// approximation marker and span, found outside tables.
//
// value is the number as printed; a 万/亿 before the unit stays in the unit ("3.5万元" is 3.5
// with unit 万元, as the tables state amounts in 万元). Approximation: 近/约/逾/超过 before the
// number, 余/多 between number and unit, 以上/左右 after the unit. In wrapped PDF text a number
// that ends its line takes its unit from the start of the next line ("351\n件").
//
// Not counts, so skipped (a design decision: rules want counts, and a date read as a count
// would only produce noise): dates and years (a number followed by 年, 月, 日, 号 or 时 —
// "2023年", "1月1日", "〔2021〕30号", "近3年"), numbers in 〔〕/[] brackets, ordinals after 第,
// phone numbers, times and dashed or dotted dates (digit groups joined by -, : or .), numbers
// glued to ASCII letters (URLs, e-mail), numbers right after 邮编/电话/传真, names such as
// "5·15", digit runs longer than 15 (identifiers), and heading numbering. A Chinese numeral only
// counts when a unit follows ("一个", "两千三百零五件"), so 一是/统一/十九大 are prose; "六部分"
// is not six 部.
#pragma once

#include <string_view>
#include <vector>

#include "ogicheck/document.h"

namespace ogicheck::parse {

// `skip` are spans (sorted by begin) whose numbers are not prose numbers: heading numberings.
std::vector<ProseNumber> FindProseNumbers(std::string_view text,
                                          const std::vector<Paragraph>& paragraphs,
                                          const std::vector<Span>& skip);

}  // namespace ogicheck::parse
