// Issuing agency: taken from a title ("沈阳市2017年度…" -> 沈阳市人民政府) or a signature line, and
// classified by kind (government / department / township / other) and level.
#pragma once

#include <string>
#include <string_view>

#include "ogicheck/document.h"

namespace ogicheck::parse {

// The agency named before the year in a report title: "市信访局2017年度…" -> "市信访局"; a bare
// place
// ("沈阳市2017年度…", "营口市2020年度…") is that place's 人民政府. "" when the title names none.
std::string AgencyFromTitle(std::string_view title);

// True when `s` (blanks removed) reads as an agency name: it ends with 政府/厅/局/委/办/… .
bool LooksLikeAgency(std::string_view s);

AgencyKind ClassifyAgencyKind(std::string_view agency);
AgencyLevel ClassifyAgencyLevel(std::string_view agency);

// `s` without ASCII blanks and U+3000 (PDF text spaces out "2023 年").
std::string RemoveBlanks(std::string_view s);

}  // namespace ogicheck::parse
