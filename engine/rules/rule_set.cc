// RuleSet: loading packs (pack.yaml + rule files), `extends` and overlays. Parsing the YAML is
// most of the start-up of a check, so the files are parsed in parallel first (rules/parallel.h)
// and then interpreted in order by one thread, which keeps the errors deterministic.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include "ogicheck/rule_pack.h"
#include "rules/compiler.h"
#include "rules/parallel.h"
#include "rules/rule.h"

namespace fs = std::filesystem;

namespace ogicheck {
namespace {

using rules::Pack;
using rules::Rule;
using rules::YamlFile;

Status PackError(const std::string& msg) { return Status::Error(ErrorCode::kRulePack, msg); }

// The parsed YAML files by path: those parsed ahead in parallel, and any other parsed when asked
// for (a rule file named by rule_files in another folder, the base of an `extends`). Used by one
// thread once the parallel parsing is over.
class YamlFiles {
 public:
  const YamlFile& Get(const std::string& path) {
    std::unique_ptr<YamlFile>& slot = files_[path];
    if (!slot) slot = std::make_unique<YamlFile>(path);
    return *slot;
  }
  void Put(const std::string& path, std::unique_ptr<YamlFile> file) {
    if (file) files_[path] = std::move(file);
  }

 private:
  std::map<std::string, std::unique_ptr<YamlFile>> files_;
};

// The rule files beside a pack.yaml: every *.yaml there but pack.yaml, sorted (the default when
// the pack does not list its rule_files).
std::vector<fs::path> RuleFilesBeside(const fs::path& pack_file) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(pack_file.parent_path(), ec))
    if (e.path().extension() == ".yaml" && e.path().filename() != "pack.yaml")
      files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

// The pack.yaml files `path` names: a pack.yaml, a folder holding one, or a folder of pack
// folders (sorted). An error when there is none.
Status PackFiles(const std::string& path, std::vector<fs::path>* pack_files) {
  std::error_code ec;
  fs::path p(path);
  if (fs::is_regular_file(p, ec)) {
    pack_files->push_back(p);
  } else if (fs::is_directory(p, ec)) {
    if (fs::exists(p / "pack.yaml", ec)) {
      pack_files->push_back(p / "pack.yaml");
    } else {
      for (const auto& e : fs::directory_iterator(p, ec))
        if (e.is_directory() && fs::exists(e.path() / "pack.yaml"))
          pack_files->push_back(e.path() / "pack.yaml");
      std::sort(pack_files->begin(), pack_files->end());
      if (pack_files->empty())
        return PackError(path + ": error: no pack.yaml in this folder or its sub-folders");
    }
  } else {
    return PackError(path + ": error: no such rule pack file or folder");
  }
  return Status::Ok();
}

// Loads the pack whose pack.yaml is `file`; `chain` guards against extends cycles.
Status LoadPackFile(const fs::path& file, std::vector<std::string> chain, YamlFiles* yaml,
                    Pack* out) {
  const YamlFile& y = yaml->Get(file.string());
  if (!y.ok()) return PackError(y.error());
  const YAML::Node& root = y.root();
  if (!root.IsMap() || !root["pack"] || !root["pack"].IsMap())
    return PackError(y.ErrorAt(root, "a pack file starts with 'pack: {id: …, version: …}'"));
  YAML::Node head = root["pack"];
  PackInfo& info = out->info;
  info.path = file.string();
  if (!rules::ScalarString(head["id"], &info.id))
    return PackError(y.ErrorAt(head, "pack: missing 'id'"));
  rules::ScalarString(head["version"], &info.version);
  rules::ScalarString(head["title"], &info.title);
  if (!rules::StringList(head["formats"], &info.formats))
    return PackError(y.ErrorAt(head["formats"], "'formats' must be a list of format ids"));
  if (std::find(chain.begin(), chain.end(), info.id) != chain.end())
    return PackError(y.ErrorAt(head, "pack '" + info.id + "' extends itself"));
  chain.push_back(info.id);

  // The base pack first: its parameters and rules, then this pack's on top.
  std::string base;
  if (rules::ScalarString(head["extends"], &base)) {
    fs::path base_file = file.parent_path().parent_path() / base / "pack.yaml";
    Pack parent;
    Status s = LoadPackFile(base_file, chain, yaml, &parent);
    if (!s.ok()) return s;
    out->parameters = parent.parameters;
    out->rules = std::move(parent.rules);
    info.extends = parent.info.extends;
    info.extends.push_back(parent.info.id);
    if (info.formats.empty()) info.formats = parent.info.formats;
  }
  if (YAML::Node p = root["parameters"]) {
    if (!p.IsMap()) return PackError(y.ErrorAt(p, "'parameters' must map names to numbers"));
    for (const auto& kv : p) {
      double v = 0;
      if (!rules::ScalarNumber(kv.second, &v))
        return PackError(
            y.ErrorAt(kv.second, "parameter '" + kv.first.Scalar() + "' must be a number"));
      out->parameters[kv.first.Scalar()] = v;
    }
  }
  if (YAML::Node o = root["overrides"]) {
    if (!o.IsMap())
      return PackError(y.ErrorAt(o, "'overrides' must map rule ids to {severity, enabled}"));
    for (const auto& kv : o) {
      std::string id = kv.first.Scalar();
      auto it = std::find_if(out->rules.begin(), out->rules.end(),
                             [&](const Rule& r) { return r.id == id; });
      if (it == out->rules.end())
        return PackError(y.ErrorAt(kv.first, "override of unknown rule '" + id + "'"));
      if (YAML::Node sev = kv.second["severity"]) {
        if (!ParseSeverity(sev.Scalar(), &it->severity))
          return PackError(y.ErrorAt(sev, "severity must be error, warning or info"));
      }
      if (YAML::Node en = kv.second["enabled"]) it->enabled = en.Scalar() != "false";
      it->pack = info.id;
    }
  }

  // Rule files: those listed, else every *.yaml beside pack.yaml.
  std::vector<fs::path> files;
  if (YAML::Node list = head["rule_files"]) {
    std::vector<std::string> names;
    if (!rules::StringList(list, &names))
      return PackError(y.ErrorAt(list, "'rule_files' must be a list"));
    for (const auto& n : names) files.push_back(file.parent_path() / n);
  } else {
    files = RuleFilesBeside(file);
  }
  std::vector<std::pair<const YamlFile*, YAML::Node>> rule_nodes;
  if (root["rules"]) rule_nodes.push_back({&y, root["rules"]});
  for (const auto& f : files) {
    const YamlFile& rf = yaml->Get(f.string());
    if (!rf.ok()) return PackError(rf.error());
    if (!rf.root().IsMap() || !rf.root()["rules"] || !rf.root()["rules"].IsSequence())
      return PackError(rf.ErrorAt(rf.root(), "a rule file holds 'rules:' followed by a list"));
    rule_nodes.push_back({&rf, rf.root()["rules"]});
  }
  std::set<std::string> ids;
  for (const Rule& r : out->rules) ids.insert(r.id);
  for (const auto& [yf, list] : rule_nodes) {
    for (const auto& node : list) {
      Rule rule;
      rules::RuleCompiler c(*yf, out->parameters);
      if (!c.Compile(node, &rule)) return PackError(c.error());
      if (!ids.insert(rule.id).second)
        return PackError(yf->ErrorAt(node["id"], "rule id '" + rule.id + "' is defined twice"));
      rule.pack = info.id;
      out->rules.push_back(std::move(rule));
    }
  }
  return Status::Ok();
}

// Loads the packs `path` names into *set, as RuleSet::Load describes.
Status LoadInto(const std::string& path, YamlFiles* yaml, rules::CompiledRuleSet* set) {
  std::vector<fs::path> pack_files;
  if (Status s = PackFiles(path, &pack_files); !s.ok()) return s;
  std::vector<Pack> loaded;
  for (const auto& f : pack_files) {
    Pack pack;
    // yaml-cpp throws on some malformed shapes (a subscript on a scalar); no exception leaves here.
    try {
      Status s = LoadPackFile(f, {}, yaml, &pack);
      if (!s.ok()) return s;
    } catch (const std::exception& e) {
      return PackError(f.string() + ": error: malformed pack: " + e.what());
    }
    loaded.push_back(std::move(pack));
  }
  for (auto& pack : loaded) {
    // Same id loaded twice: the later one wins.
    std::erase_if(set->packs, [&](const Pack& q) { return q.info.id == pack.info.id; });
    set->packs.push_back(std::move(pack));
  }
  // A pack that another loaded pack extends is replaced by it (the overlay includes its rules).
  std::set<std::string> extended;
  for (const Pack& q : set->packs)
    for (const auto& e : q.info.extends) extended.insert(e);
  std::erase_if(set->packs, [&](const Pack& q) { return extended.count(q.info.id) > 0; });
  set->infos.clear();
  for (const Pack& q : set->packs) set->infos.push_back(q.info);
  return Status::Ok();
}

}  // namespace

RuleSet::RuleSet() : impl_(std::make_unique<rules::CompiledRuleSet>()) {}
RuleSet::~RuleSet() = default;
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;

Status RuleSet::Load(const std::string& path) { return LoadAll({path}); }

Status RuleSet::LoadAll(const std::vector<std::string>& paths, int threads,
                        const std::function<void()>& alongside) {
  // Parse ahead, in parallel, every YAML file the packs will most likely read: each pack.yaml and
  // the *.yaml beside it. `alongside` goes first: it is the longest task (the report schemas).
  std::vector<std::string> ahead;
  for (const std::string& path : paths) {
    std::vector<fs::path> pack_files;
    if (!PackFiles(path, &pack_files).ok()) continue;  // reported below, in order
    for (const fs::path& f : pack_files) {
      ahead.push_back(f.string());
      for (const fs::path& r : RuleFilesBeside(f)) ahead.push_back(r.string());
    }
  }
  std::vector<std::unique_ptr<YamlFile>> parsed(ahead.size());
  std::vector<std::function<void()>> tasks;
  if (alongside) tasks.push_back(alongside);
  for (size_t i = 0; i < ahead.size(); ++i)
    tasks.push_back([&, i] {
      // YamlFile keeps YAML errors; anything else leaves the slot empty, and the file is parsed
      // again below, where such an exception is reported.
      try {
        parsed[i] = std::make_unique<YamlFile>(ahead[i]);
      } catch (...) {
      }
    });
  rules::RunTasks(tasks, threads);
  YamlFiles yaml;
  for (size_t i = 0; i < ahead.size(); ++i) yaml.Put(ahead[i], std::move(parsed[i]));

  // Interpret them in order, as loading each path in turn would.
  for (const std::string& path : paths)
    if (Status s = LoadInto(path, &yaml, impl_.get()); !s.ok()) return s;
  return Status::Ok();
}

const std::vector<PackInfo>& RuleSet::packs() const { return impl_->infos; }

std::vector<RuleInfo> RuleSet::rules() const {
  std::vector<RuleInfo> out;
  for (const Pack& p : impl_->packs)
    for (const Rule& r : p.rules)
      out.push_back({r.id, r.title, r.severity, r.basis, r.kind_name, r.pack, r.file, r.line});
  return out;
}

size_t RuleSet::size() const {
  size_t n = 0;
  for (const Pack& p : impl_->packs) n += p.rules.size();
  return n;
}

std::string DefaultRulesDir() {
  if (const char* dir = std::getenv("OGICHECK_DATA_DIR")) return std::string(dir) + "/rules";
  return std::string(OGICHECK_DATA_DIR) + "/rules";
}

}  // namespace ogicheck
