// RuleSet::LoadAll: the packs' YAML files are parsed on several threads, yet the result and the
// error reported are those of loading one file after the other, whatever the timing.
#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include "ogicheck/rule_pack.h"
#include "test_paths.h"

namespace fs = std::filesystem;

namespace ogicheck {
namespace {

struct PackFolder {
  fs::path root;
  PackFolder() {
    root = fs::temp_directory_path() / ("ogicheck_parallel_" + std::to_string(::getpid()));
    fs::create_directories(root);
  }
  ~PackFolder() { fs::remove_all(root); }
  // A pack `id` whose rule file holds one assert rule with expression `expr`.
  void Add(const std::string& id, const std::string& expr) {
    fs::create_directories(root / id);
    std::ofstream(root / id / "pack.yaml")
        << "pack: {id: " << id << ", version: \"1\", formats: [ogi-2021]}\n";
    std::ofstream(root / id / "rules.yaml")
        << "rules:\n  - id: " << id << ".R\n    title: t\n    severity: error\n    basis: b\n"
        << "    message: m\n    check: {kind: assert, expr: '" << expr << "'}\n";
  }
};

// The message from the pack folder's name on (the temporary root differs per run).
std::string FromPack(const std::string& msg, const std::string& pack) {
  size_t at = msg.find("/" + pack + "/");
  return at == std::string::npos ? msg : msg.substr(at + 1);
}

TEST_CASE("rules: parallel loading reports the first error in pack order, every time") {
  PackFolder f;
  f.Add("a-good", "1 > 0");
  f.Add("b-bad", "1 >");
  f.Add("c-bad", "nope > 0");
  f.Add("d-good", "2 > 0");
  for (int round = 0; round < 20; ++round) {
    for (int threads : {1, 2, 4}) {
      CAPTURE(threads);
      RuleSet rules;
      std::atomic<int> alongside{0};
      Status st = rules.LoadAll({f.root.string()}, threads, [&] { ++alongside; });
      REQUIRE_FALSE(st.ok());
      CHECK(FromPack(st.message(), "b-bad") ==
            "b-bad/rules.yaml:7:37: error: expected a value, found the end of the expression\n"
            "    check: {kind: assert, expr: '1 >'}\n"
            "                                    ^ near here");
      CHECK(alongside == 1);  // runs once, even when a pack is broken
      CHECK(rules.packs().empty());
    }
  }
}

TEST_CASE("rules: LoadAll of several paths equals Load of each in turn") {
  PackFolder f;
  f.Add("a", "1 > 0");
  f.Add("b", "2 > 0");
  RuleSet one_by_one;
  REQUIRE(one_by_one.Load(testing::SourcePath("rules")).ok());
  REQUIRE(one_by_one.Load((f.root / "b").string()).ok());
  REQUIRE(one_by_one.Load((f.root / "a").string()).ok());
  RuleSet together;
  REQUIRE(
      together
          .LoadAll({testing::SourcePath("rules"), (f.root / "b").string(), (f.root / "a").string()},
                   4)
          .ok());
  std::vector<RuleInfo> x = one_by_one.rules(), y = together.rules();
  REQUIRE(x.size() == 102);
  REQUIRE(y.size() == x.size());
  for (size_t i = 0; i < x.size(); ++i) {
    CHECK(x[i].id == y[i].id);
    CHECK(x[i].file == y[i].file);
    CHECK(x[i].line == y[i].line);
    CHECK(x[i].pack == y[i].pack);
  }
  std::vector<std::string> ids;
  for (const PackInfo& p : together.packs()) ids.push_back(p.id);
  CHECK(ids == std::vector<std::string>{"ogi-2008", "ogi-2019", "ogi-2021", "b", "a"});

  // A broken path after good ones: the good ones stay loaded, as with Load one by one.
  f.Add("c", "1 >");
  RuleSet partial;
  Status st = partial.LoadAll({(f.root / "a").string(), (f.root / "c").string()}, 2);
  REQUIRE_FALSE(st.ok());
  CHECK(FromPack(st.message(), "c") ==
        "c/rules.yaml:7:37: error: expected a value, found the end of the expression\n"
        "    check: {kind: assert, expr: '1 >'}\n"
        "                                    ^ near here");
  REQUIRE(partial.packs().size() == 1);
  CHECK(partial.packs()[0].id == "a");
}

}  // namespace
}  // namespace ogicheck
