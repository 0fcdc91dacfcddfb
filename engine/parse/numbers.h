// Prose numbers: Arabic (1,234 / 33.9) and Chinese (一百二十) numbers with their unit,
// approximation marker and span, found outside tables.
//
// Not counts, so skipped (a design decision: rules want counts, and a date read as a count
// would only produce noise): dates and years (a number followed by 年,
// 月, 日, 号 or 时 — "2023年", "1月1日", "〔2021〕30号"), numbers in 〔〕/[] brackets, ordinals
// after 第, phone numbers and dashed or dotted dates (digit groups joined by - or .), numbers glued
// to ASCII letters (URLs, e-mail), numbers right after 邮编/电话/传真, and heading numbering. A
// Chinese numeral only counts when a unit follows ("一个", "两千三百零五件"), so 一是/统一/十九大
// are prose.
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
