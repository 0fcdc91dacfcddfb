// Canonical dump of rule expressions (for tests and `rules lint`), re2 style.
#include <cstdio>

#include "rules/expr.h"

namespace ogicheck::rules {

bool Selector::IsSingle() const {
  if (items.size() != 1) return false;
  const std::string& s = items[0];
  return s != "*" && !(s.size() > 2 && s.compare(s.size() - 2, 2, ".*") == 0);
}

std::string Selector::Dump() const {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + items[i];
  return out;
}

std::string Expr::Dump() const {
  switch (kind) {
    case ExprKind::kNumber: {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.12g", number);
      return std::string("num{") + buf + "}";
    }
    case ExprKind::kName:
      return "name{" + op + "}";
    case ExprKind::kCell:
    case ExprKind::kSelect:
      return std::string(kind == ExprKind::kCell ? "cell{" : "sel{") + table + "[" + rows.Dump() +
             "][" + cols.Dump() + "]}";
    case ExprKind::kUnary:
    case ExprKind::kBinary:
    case ExprKind::kCall: {
      std::string out = op + "{";
      for (const auto& a : args) out += a->Dump();
      return out + "}";
    }
  }
  return "?";
}

}  // namespace ogicheck::rules
