// rules::ParseYaml (libyaml into yaml-cpp nodes) against yaml-cpp's own parser as the oracle:
// every node of every shipped pack, fixture and schema file has the same type, tag, value and
// mark (line, byte column), so the loaders' results and error positions do not change.
#include "rules/yaml_parse.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "test_paths.h"

namespace fs = std::filesystem;

namespace ogicheck {
namespace {

// Compares two trees; returns the number of nodes compared (0 after the first difference).
size_t SameTree(const YAML::Node& got, const YAML::Node& want, const std::string& where) {
  CAPTURE(where);
  CAPTURE(want.Mark().line);
  CAPTURE(want.Mark().column);
  REQUIRE(got.Type() == want.Type());
  // An empty value ("key:" and nothing) is the one difference: libyaml puts it right after the
  // colon, yaml-cpp at whatever comes next (the next line); checked on its own below.
  if (want.Type() != YAML::NodeType::Null || !want.Scalar().empty()) {
    CHECK(got.Mark().line == want.Mark().line);
    CHECK(got.Mark().column == want.Mark().column);
    CHECK(got.Mark().pos == want.Mark().pos);
  }
  size_t n = 1;
  switch (want.Type()) {
    case YAML::NodeType::Scalar:
      CHECK(got.Scalar() == want.Scalar());
      CHECK(got.Tag() == want.Tag());
      break;
    case YAML::NodeType::Sequence:
      CHECK(got.Tag() == want.Tag());
      REQUIRE(got.size() == want.size());
      for (size_t i = 0; i < want.size(); ++i)
        n += SameTree(got[i], want[i], where + "[" + std::to_string(i) + "]");
      break;
    case YAML::NodeType::Map: {
      CHECK(got.Tag() == want.Tag());
      REQUIRE(got.size() == want.size());
      auto g = got.begin();
      for (auto w = want.begin(); w != want.end(); ++w, ++g) {
        n += SameTree(g->first, w->first, where + ".key");
        n += SameTree(g->second, w->second, where + "." + w->first.Scalar());
      }
      break;
    }
    default:
      break;
  }
  return n;
}

TEST_CASE("yaml parse: every shipped YAML file gives yaml-cpp's tree, tags and marks") {
  size_t files = 0, nodes = 0;
  for (const char* dir : {"rules", "schemas", "examples"}) {
    for (const auto& e : fs::recursive_directory_iterator(testing::SourcePath(dir))) {
      if (e.path().extension() != ".yaml") continue;
      const std::string text = testing::ReadFileOrDie(e.path().string());
      YAML::Node want = YAML::Load(text);
      YAML::Node got;
      rules::YamlSyntaxError err;
      REQUIRE_MESSAGE(rules::ParseYaml(text, &got, &err), e.path().string(), err.message);
      nodes += SameTree(got, want, e.path().string());
      ++files;
    }
  }
  CHECK(files >= 40);
  CHECK(nodes > 9000);
}

TEST_CASE("yaml parse: the YAML features the loaders meet") {
  struct Case {
    const char* text;
  };
  const Case cases[] = {
      {"a: ~\nb: null\nc:\nd: ''\ne: \"~\"\nf: !!str null\n"},  // nulls and non-nulls
      {"- 1\n- [2, 3]\n- {x: 4}\n-\n  - 5\n"},
      {"k: |\n  line one\n  line two\nl: >\n  folded\n  text\n"},
      {"base: &b {x: 1}\nuse: *b\n"},  // alias: the same node
      {"? [a, b]\n: complex key\n"},   // a collection as a key
      {"中文键: '值 ' \n\"引号\": \"双 \\u4e2d\"\n"},
      {"first\n...\n"},
      {""},
      {"# only a comment\n"},
      {"a: 1\n---\nb: 2\n"},  // the first document only, as YAML::Load
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    YAML::Node got;
    rules::YamlSyntaxError err;
    REQUIRE(rules::ParseYaml(c.text, &got, &err));
    SameTree(got, YAML::Load(c.text), "root");
  }
  YAML::Node aliased;
  REQUIRE(rules::ParseYaml("base: &b {x: 1}\nuse: *b\n", &aliased, nullptr));
  CHECK(aliased["use"]["x"].Scalar() == "1");
  CHECK(aliased["use"].is(aliased["base"]));
  YAML::Node empty;
  REQUIRE(rules::ParseYaml("a: 1\nc:\nd: 2\n", &empty, nullptr));
  CHECK(empty["c"].IsNull());
  CHECK(empty["c"].Mark().line == 1);
  CHECK(empty["c"].Mark().column == 2);
}

TEST_CASE("yaml parse: syntax errors have a position and libyaml's description") {
  struct Case {
    const char* text;
    int line, column, byte_column;
    const char* message;
  };
  const Case cases[] = {
      {"a: [1, 2\n", 1, 0, 0, "did not find expected ',' or ']' while parsing a flow sequence"},
      {"键: 'x\n", 1, 0, 0, "found unexpected end of stream while scanning a quoted scalar"},
      {"a: *nope\n", 0, 3, 3, "the referenced anchor is not defined"},
      {"- a\nb: 1\n", 1, 0, 0,
       "did not find expected '-' indicator while parsing a block collection"},
      {"a:\tb: 1\n", 0, 4, 4, "mapping values are not allowed in this context"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    YAML::Node root;
    rules::YamlSyntaxError err;
    CHECK_FALSE(rules::ParseYaml(c.text, &root, &err));
    CHECK(err.message == c.message);
    CHECK(err.line == c.line);
    CHECK(err.column == c.column);
    CHECK(err.byte_column == c.byte_column);
  }
}

}  // namespace
}  // namespace ogicheck
