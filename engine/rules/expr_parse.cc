// Lexer and recursive-descent parser of the rule expression language.
// Grammar (lowest precedence first):
//   or   := and ('or' and)*          and := not ('and' not)*        not := 'not' not | cmp
//   cmp  := add (('=='|'='|'!='|'<'|'<='|'>'|'>='|'≠'|'≤'|'≥') add)?
//   add  := mul (('+'|'-') mul)*     mul := unary (('*'|'/'|'×'|'÷') unary)*
//   unary:= '-' unary | primary
//   primary := NUMBER | NAME | '$'NAME | NAME '(' args ')' | NAME '[' sel ']' '[' sel ']' | '(' or
//   ')' sel  := item (',' item)*         item := '*' | '$'NAME | ID ('.*')?
#include <cctype>
#include <cstdlib>
#include <set>

#include "rules/expr.h"

namespace ogicheck::rules {
namespace {

enum class Tok { kEnd, kNumber, kName, kVar, kOp, kError };

struct Token {
  Tok type = Tok::kEnd;
  std::string text;  // canonical operator text for kOp
  double number = 0;
  uint32_t offset = 0;
};

const std::set<std::string>& Functions() {
  static const std::set<std::string> f = {"sum", "abs", "min", "max", "count", "exists"};
  return f;
}

bool IsIdStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool IsIdChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

class Lexer {
 public:
  explicit Lexer(std::string_view s) : s_(s) {}

  Token Next() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    Token t;
    t.offset = static_cast<uint32_t>(pos_);
    if (pos_ >= s_.size()) return t;
    char c = s_[pos_];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      size_t b = pos_;
      while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
      if (pos_ + 1 < s_.size() && s_[pos_] == '.' &&
          std::isdigit(static_cast<unsigned char>(s_[pos_ + 1]))) {
        ++pos_;
        while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
      }
      t.type = Tok::kNumber;
      t.text = std::string(s_.substr(b, pos_ - b));
      t.number = std::strtod(t.text.c_str(), nullptr);
      return t;
    }
    if (IsIdStart(c) || c == '$') {
      size_t b = pos_;
      if (c == '$') ++pos_;
      // Dotted ids (meta.report_year, withheld.state_secret); a trailing ".*" stays for the
      // selector parser.
      while (pos_ < s_.size() && (IsIdChar(s_[pos_]) || (s_[pos_] == '.' && pos_ + 1 < s_.size() &&
                                                         IsIdStart(s_[pos_ + 1]))))
        ++pos_;
      t.text = std::string(s_.substr(b, pos_ - b));
      t.type = c == '$' ? Tok::kVar : Tok::kName;
      if (t.type == Tok::kVar && t.text.size() == 1) t.type = Tok::kError;
      return t;
    }
    // Operators; a few Unicode spellings are accepted because auditors type them.
    static const std::pair<std::string_view, std::string_view> kOps[] = {
        {"==", "=="}, {"!=", "!="}, {"<=", "<="}, {">=", ">="}, {"≠", "!="}, {"≤", "<="},
        {"≥", ">="},  {"×", "*"},   {"÷", "/"},   {"=", "=="},  {"<", "<"},  {">", ">"},
        {"+", "+"},   {"-", "-"},   {"*", "*"},   {"/", "/"},   {"(", "("},  {")", ")"},
        {"[", "["},   {"]", "]"},   {",", ","},   {".*", ".*"},
    };
    for (const auto& [spelled, canon] : kOps) {
      if (s_.substr(pos_, spelled.size()) == spelled) {
        pos_ += spelled.size();
        t.type = Tok::kOp;
        t.text = std::string(canon);
        return t;
      }
    }
    t.type = Tok::kError;
    t.text = std::string(1, c);
    return t;
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;
};

class Parser {
 public:
  explicit Parser(std::string_view s) : lex_(s) { Advance(); }

  ParseResult Run() {
    ParseResult r;
    auto e = Or();
    if (e && tok_.type != Tok::kEnd) Fail("unexpected '" + tok_.text + "' after the expression");
    if (!error_.empty()) {
      r.error = error_;
      r.error_offset = error_offset_;
      return r;
    }
    r.expr = std::move(e);
    return r;
  }

 private:
  using P = std::unique_ptr<Expr>;

  // Nesting (parentheses, calls, not, unary minus) is bounded so that no pack can overflow the
  // stack of the parser or of the code that walks the tree (fuzzer finding).
  static constexpr int kMaxDepth = 64;
  struct Nest {
    explicit Nest(Parser* p) : parser(p) { ++parser->depth_; }
    ~Nest() { --parser->depth_; }
    Parser* parser;
  };
  int depth_ = 0;

  void Advance() {
    tok_ = lex_.Next();
    if (tok_.type == Tok::kError) Fail("unexpected character '" + tok_.text + "'");
  }
  bool IsOp(const char* op) const { return tok_.type == Tok::kOp && tok_.text == op; }
  bool IsWord(const char* w) const { return tok_.type == Tok::kName && tok_.text == w; }
  P Fail(const std::string& msg) { return FailAt(tok_.offset, msg); }
  P FailAt(uint32_t offset, const std::string& msg) {
    if (error_.empty()) {
      error_ = msg;
      error_offset_ = offset;
    }
    return nullptr;
  }
  static P Node(ExprKind k, std::string op, uint32_t offset) {
    auto e = std::make_unique<Expr>();
    e->kind = k;
    e->op = std::move(op);
    if (k == ExprKind::kUnary || k == ExprKind::kBinary || k == ExprKind::kCall) e->code = OpOf(e->op);
    e->offset = offset;
    return e;
  }
  static P Binary(std::string op, P a, P b, uint32_t offset) {
    auto e = Node(ExprKind::kBinary, std::move(op), offset);
    e->args.push_back(std::move(a));
    e->args.push_back(std::move(b));
    return e;
  }

  P Or() {
    Nest nest(this);
    if (depth_ > kMaxDepth) return Fail("the expression is nested too deeply");
    P left = And();
    while (left && IsWord("or")) {
      uint32_t at = tok_.offset;
      Advance();
      P right = And();
      if (!right) return nullptr;
      left = Binary("or", std::move(left), std::move(right), at);
    }
    return left;
  }
  P And() {
    P left = Not();
    while (left && IsWord("and")) {
      uint32_t at = tok_.offset;
      Advance();
      P right = Not();
      if (!right) return nullptr;
      left = Binary("and", std::move(left), std::move(right), at);
    }
    return left;
  }
  P Not() {
    Nest nest(this);
    if (depth_ > kMaxDepth) return Fail("the expression is nested too deeply");
    if (IsWord("not")) {
      uint32_t at = tok_.offset;
      Advance();
      P inner = Not();
      if (!inner) return nullptr;
      P e = Node(ExprKind::kUnary, "not", at);
      e->args.push_back(std::move(inner));
      return e;
    }
    return Cmp();
  }
  P Cmp() {
    P left = Add();
    if (!left) return nullptr;
    static const std::pair<const char*, const char*> kCmp[] = {
        {"==", "eq"}, {"!=", "ne"}, {"<", "lt"}, {"<=", "le"}, {">", "gt"}, {">=", "ge"}};
    for (const auto& [op, name] : kCmp) {
      if (IsOp(op)) {
        uint32_t at = tok_.offset;
        Advance();
        P right = Add();
        if (!right) return Fail("expected a value after '" + std::string(op) + "'");
        P e = Binary(name, std::move(left), std::move(right), at);
        for (const auto& [op2, name2] : kCmp) {
          (void)name2;
          if (IsOp(op2)) return Fail("comparisons cannot be chained; use 'and'");
        }
        return e;
      }
    }
    return left;
  }
  P Add() {
    P left = Mul();
    while (left && (IsOp("+") || IsOp("-"))) {
      std::string op = IsOp("+") ? "add" : "sub";
      uint32_t at = tok_.offset;
      Advance();
      P right = Mul();
      if (!right)
        return Fail("expected a value after '" + std::string(op == "add" ? "+" : "-") + "'");
      left = Binary(op, std::move(left), std::move(right), at);
    }
    return left;
  }
  P Mul() {
    P left = Unary();
    while (left && (IsOp("*") || IsOp("/"))) {
      std::string op = IsOp("*") ? "mul" : "div";
      uint32_t at = tok_.offset;
      Advance();
      P right = Unary();
      if (!right)
        return Fail("expected a value after '" + std::string(op == "mul" ? "*" : "/") + "'");
      left = Binary(op, std::move(left), std::move(right), at);
    }
    return left;
  }
  P Unary() {
    Nest nest(this);
    if (depth_ > kMaxDepth) return Fail("the expression is nested too deeply");
    if (IsOp("-")) {
      uint32_t at = tok_.offset;
      Advance();
      P inner = Unary();
      if (!inner) return nullptr;
      P e = Node(ExprKind::kUnary, "neg", at);
      e->args.push_back(std::move(inner));
      return e;
    }
    return Primary();
  }
  bool ParseSelector(Selector* sel, const char* what) {
    if (!IsOp("[")) {
      Fail(std::string("expected '[' before the ") + what);
      return false;
    }
    Advance();
    while (true) {
      if (IsOp("*")) {
        sel->items.push_back("*");
        Advance();
      } else if (tok_.type == Tok::kName || tok_.type == Tok::kVar) {
        std::string item = tok_.text;
        Advance();
        if (IsOp(".*")) {
          item += ".*";
          Advance();
        }
        sel->items.push_back(item);
      } else {
        Fail(std::string("expected an id, '*' or '$row'/'$col' in the ") + what);
        return false;
      }
      if (IsOp(",")) {
        Advance();
        continue;
      }
      if (IsOp("]")) {
        Advance();
        return true;
      }
      Fail(std::string("expected ',' or ']' in the ") + what);
      return false;
    }
  }
  P Primary() {
    uint32_t at = tok_.offset;
    if (tok_.type == Tok::kNumber) {
      P e = Node(ExprKind::kNumber, "", at);
      e->number = tok_.number;
      Advance();
      return e;
    }
    if (IsOp("(")) {
      Advance();
      P inner = Or();
      if (!inner) return nullptr;
      if (!IsOp(")")) return Fail("expected ')'");
      Advance();
      return inner;
    }
    if (tok_.type == Tok::kVar) {
      P e = Node(ExprKind::kName, tok_.text, at);
      Advance();
      return e;
    }
    if (tok_.type == Tok::kName) {
      std::string name = tok_.text;
      if (name == "and" || name == "or" || name == "not")
        return Fail("expected a value before '" + name + "'");
      Advance();
      if (IsOp("(")) {
        if (!Functions().count(name))
          return FailAt(
              at, "unknown function '" + name + "' (known: sum, abs, min, max, count, exists)");
        P e = Node(ExprKind::kCall, name, at);
        Advance();
        if (!IsOp(")")) {
          while (true) {
            P arg = Or();
            if (!arg) return nullptr;
            e->args.push_back(std::move(arg));
            if (IsOp(",")) {
              Advance();
              continue;
            }
            break;
          }
        }
        if (!IsOp(")")) return Fail("expected ',' or ')' in the arguments of " + name);
        Advance();
        if (e->args.empty()) return FailAt(at, name + "() needs at least one argument");
        if ((name == "abs" || name == "exists") && e->args.size() != 1)
          return FailAt(at, name + "() takes one argument");
        return e;
      }
      if (IsOp("[")) {
        P e = Node(ExprKind::kCell, "", at);
        e->table = name;
        if (!ParseSelector(&e->rows, "row selector")) return nullptr;
        if (!ParseSelector(&e->cols, "column selector")) return nullptr;
        if (!e->rows.IsSingle() || !e->cols.IsSingle()) e->kind = ExprKind::kSelect;
        return e;
      }
      return Node(ExprKind::kName, name, at);
    }
    if (tok_.type == Tok::kEnd) return Fail("expected a value, found the end of the expression");
    return Fail("expected a value, found '" + tok_.text + "'");
  }

  Lexer lex_;
  Token tok_;
  std::string error_;
  uint32_t error_offset_ = 0;
};

}  // namespace

Op OpOf(std::string_view name) {
  static constexpr std::pair<std::string_view, Op> kOps[] = {
      {"neg", Op::kNeg},   {"not", Op::kNot},       {"add", Op::kAdd}, {"sub", Op::kSub},
      {"mul", Op::kMul},   {"div", Op::kDiv},       {"eq", Op::kEq},   {"ne", Op::kNe},
      {"lt", Op::kLt},     {"le", Op::kLe},         {"gt", Op::kGt},   {"ge", Op::kGe},
      {"and", Op::kAnd},   {"or", Op::kOr},         {"sum", Op::kSum}, {"abs", Op::kAbs},
      {"min", Op::kMin},   {"max", Op::kMax},       {"count", Op::kCount},
      {"exists", Op::kExists}};
  for (const auto& [text, op] : kOps)
    if (text == name) return op;
  return Op::kOther;
}

ParseResult ParseExpr(std::string_view source) {
  // Real expressions are a few hundred bytes; the bound keeps chains like 1+1+…+1 (a tree as deep
  // as it is long) small enough for the recursive walkers.
  constexpr size_t kMaxSource = 8192;
  if (source.size() > kMaxSource) {
    ParseResult r;
    r.error = "the expression is longer than " + std::to_string(kMaxSource) + " bytes";
    return r;
  }
  return Parser(source).Run();
}

}  // namespace ogicheck::rules
