// Fields of the prose_arith, stat_sum and document_kind check kinds (see check_kinds_prose.h).
#include "rules/check_kinds_prose.h"

namespace ogicheck::rules {

bool LoadProseArith(const YAML::Node& c, RuleCompiler* rc, Rule* r) {
  if (!rc->String(c, "facts", true, &r->facts) || !rc->Strings(c, "within", false, &r->within))
    return false;
  if (r->facts != "breakdown" && r->facts != "percentage")
    return rc->Fail(c["facts"], "'facts' is breakdown or percentage");
  return true;
}

bool LoadStatSum(const YAML::Node& c, RuleCompiler* rc, Rule* r) {
  if (!rc->String(c, "group", false, &r->stat_group) ||
      !rc->String(c, "total", true, &r->stat_total) ||
      !rc->Strings(c, "parts", true, &r->stat_parts))
    return false;
  if (r->stat_parts.empty()) return rc->Fail(c["parts"], "'parts' lists at least one row label");
  return true;
}

bool LoadDocumentKind(const YAML::Node&, RuleCompiler*, Rule*) { return true; }

CheckKindInfo DescribeProseArith() {
  return {"prose_arith",
          "Arithmetic stated in the prose holds: a total equals the sum of its breakdown "
          "(其中…), a percentage matches its part and base. Approximate figures (余, 多, 约) are "
          "never compared; parts short of the total fail only when the list reads as complete; "
          "parts exceeding it fail with a note that the categories may overlap.",
          {{"facts", "breakdown | percentage"},
           {"within", "section ids to look in; default the whole report"}},
          {{"fail", "（the rule's message, with {detail}）"}}};
}

CheckKindInfo DescribeStatSum() {
  return {
      "stat_sum",
      "In the appended 2014 statistics table (国办发〔2014〕32号), the total row equals the sum "
      "of the part rows. Rows are found by label (start of the label after its numbering; "
      "'|' separates alternatives) under a group (一、…九、).",
      {{"group", "optional: fragment of the top-level group label (行政复议)"},
       {"total", "label of the total row"},
       {"parts", "labels of the part rows"}},
      {{"fail", "（the rule's message, with {detail}）"}}};
}

CheckKindInfo DescribeDocumentKind() {
  return {"document_kind",
          "The document is not an annual report (a work plan, a notice …). For such a document "
          "this is the only finding: the first document_kind rule of the loaded packs is run and "
          "no other rule.",
          {},
          {{"fail", "（the rule's message, with {detail}: why it is not an annual report）"}}};
}

bool LoadNumbering(const YAML::Node& c, RuleCompiler* rc, Rule* r) {
  if (!rc->String(c, "defect", true, &r->facts)) return false;
  if (r->facts != "gap" && r->facts != "restart")
    return rc->Fail(c["defect"], "'defect' is gap or restart");
  return true;
}

CheckKindInfo DescribeNumbering() {
  return {
      "numbering",
      "Numbered lists at paragraph starts (一、 （一） 1. （1）) run without gaps, and a sub-list "
      "does not start again at 1 without a new heading or label above it.",
      {{"defect", "gap (1、2、3、4、6) | restart (1…5 then 1 again under the same heading)"}},
      {{"fail", "（the rule's message, with {detail}）"}}};
}

bool LoadTopic(const YAML::Node& c, RuleCompiler* rc, Rule* r) {
  return rc->Regex(c, "pattern", true, &r->pattern);
}

CheckKindInfo DescribeTopic() {
  return {"topic",
          "A content the regulation requires is mentioned somewhere in the report, headings or "
          "text (narrative reports word their parts freely). A document that is only the 2014 "
          "statistics table (published as its own page) is not judged.",
          {{"pattern", "RE2 regular expression: any wording of the topic"}},
          {{"missing", "（the rule's message）"}}};
}

}  // namespace ogicheck::rules
