// Loaders and self-descriptions of the check kinds for pre-2019 narrative reports and prose
// arithmetic (prose_arith, stat_sum, document_kind, numbering,
// topic); registered in check_kinds.cc.
#pragma once

#include "ogicheck/rule_pack.h"
#include "rules/compiler.h"

namespace ogicheck::rules {

bool LoadProseArith(const YAML::Node& c, RuleCompiler* rc, Rule* r);
bool LoadStatSum(const YAML::Node& c, RuleCompiler* rc, Rule* r);
bool LoadDocumentKind(const YAML::Node& c, RuleCompiler* rc, Rule* r);
CheckKindInfo DescribeProseArith();
CheckKindInfo DescribeStatSum();
CheckKindInfo DescribeDocumentKind();
bool LoadNumbering(const YAML::Node& c, RuleCompiler* rc, Rule* r);
CheckKindInfo DescribeNumbering();
bool LoadTopic(const YAML::Node& c, RuleCompiler* rc, Rule* r);
CheckKindInfo DescribeTopic();

}  // namespace ogicheck::rules
