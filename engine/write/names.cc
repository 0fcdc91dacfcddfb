// Stable lower-case names of the model's enums, shared by every writer.
#include "ogicheck/document_json.h"

namespace ogicheck {

const char* AgencyKindName(AgencyKind kind) {
  switch (kind) {
    case AgencyKind::kGovernment: return "government";
    case AgencyKind::kDepartment: return "department";
    case AgencyKind::kTownship: return "township";
    case AgencyKind::kOther: return "other";
    case AgencyKind::kUnknown: break;
  }
  return "unknown";
}

const char* AgencyLevelName(AgencyLevel level) {
  switch (level) {
    case AgencyLevel::kNational: return "national";
    case AgencyLevel::kProvincial: return "provincial";
    case AgencyLevel::kPrefecture: return "prefecture";
    case AgencyLevel::kCounty: return "county";
    case AgencyLevel::kTownship: return "township";
    case AgencyLevel::kUnknown: break;
  }
  return "unknown";
}

const char* DocumentKindName(DocumentKind kind) {
  return kind == DocumentKind::kAnnualReport ? "annual_report" : "other";
}

const char* NumberingStyleName(NumberingStyle style) {
  switch (style) {
    case NumberingStyle::kChineseComma: return "chinese_comma";
    case NumberingStyle::kChineseParen: return "chinese_paren";
    case NumberingStyle::kArabicDot: return "arabic_dot";
    case NumberingStyle::kArabicParen: return "arabic_paren";
    case NumberingStyle::kOrdinalShi: return "ordinal_shi";
    case NumberingStyle::kNone: break;
  }
  return "none";
}

const char* CellSemanticName(CellSemantic semantic) {
  switch (semantic) {
    case CellSemantic::kNumber: return "number";
    case CellSemantic::kZero: return "zero";
    case CellSemantic::kBlank: return "blank";
    case CellSemantic::kDash: return "dash";
    case CellSemantic::kText: return "text";
  }
  return "blank";
}

const char* CellMatchName(CellMatch match) {
  switch (match) {
    case CellMatch::kExact: return "exact";
    case CellMatch::kNormalised: return "normalised";
    case CellMatch::kVariant: return "variant";
    case CellMatch::kRecovered: return "recovered";
  }
  return "exact";
}

}  // namespace ogicheck
