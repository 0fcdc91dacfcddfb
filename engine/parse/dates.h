// Dates in report text: 2018年3月8日, 2018 年 3 月 8 日 (PDF spacing), 2018-03-29, 2018/3/29,
// 2018.03.29, 二〇一八年三月八日; and the statistical period (统计期限自…起至…止 and variants).
#pragma once

#include <optional>
#include <string_view>

#include "ogicheck/document.h"

namespace ogicheck::parse {

struct DateMatch {
  Date date;
  size_t begin = 0;
  size_t end = 0;
};

// A full date (year, month, day) starting exactly at `pos`. Blanks and line breaks may sit
// between the parts (PDF text). With `default_year` > 0 a date without its year ("12月31日") is
// accepted and takes that year.
std::optional<DateMatch> ParseDateAt(std::string_view text, size_t pos, size_t limit,
                                     int default_year = 0);

// The first full date anywhere in [begin, limit).
std::optional<DateMatch> FindDate(std::string_view text, size_t begin, size_t limit);

// Parses a whole field such as the crawler's 时间 ("2014年01月07日", "2016-05-26 10:00").
std::optional<Date> ParseDateField(std::string_view field);

struct PeriodMatch {
  Date begin;
  Date end;
  Span span;
};

// The statistical period: a date after 统计/期限/时限/自/涵盖, then 起/至/到/—, then a second date
// (whose year may be left out: "2021年1月1日至12月31日").
std::optional<PeriodMatch> FindPeriod(std::string_view text);

// The first "YYYY年" year (1990–2099) in `s`, 0 if none.
int FindYear(std::string_view s);

}  // namespace ogicheck::parse
