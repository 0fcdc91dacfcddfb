// ParseYaml: libyaml's events built into yaml-cpp nodes the way yaml-cpp's NodeBuilder does
// (same node types, non-specific tags "?" / "!", nulls, marks), see yaml_parse.h.
#include "rules/yaml_parse.h"

#include <yaml.h>

#include <map>
#include <vector>

namespace ogicheck::rules {
struct NodeMarkAccess {};
}  // namespace ogicheck::rules

namespace YAML {
// yaml-cpp offers no public way to give a node its mark, nor to create a node in a document's
// memory (only its own parser does both). as_if is a friend template of Node, so this
// specialization may, through detail::node's and memory_holder's public members. One memory per
// document also spares a memory merge per node (the nodes' reference counting cost more than
// libyaml's parsing).
template <>
struct as_if<ogicheck::rules::NodeMarkAccess, void> {
  // A new node of `type` in the memory of `document`, marked at `mark`.
  static Node Create(const Node& document, NodeType::value type, const Mark& mark) {
    detail::node& n = document.m_pMemory->create_node();
    n.set_type(type);
    n.set_mark(mark);
    return Node(n, document.m_pMemory);
  }
  static Node CreateScalar(const Node& document, const std::string& value, const Mark& mark) {
    detail::node& n = document.m_pMemory->create_node();
    n.set_scalar(value);
    n.set_mark(mark);
    return Node(n, document.m_pMemory);
  }
};
}  // namespace YAML

namespace ogicheck::rules {
namespace {

using NodeFactory = YAML::as_if<NodeMarkAccess, void>;

// yaml-cpp's null spellings for a plain scalar without a tag.
bool IsNullString(const std::string& s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

// libyaml counts columns in characters, yaml-cpp in bytes: converts with the lines' offsets.
class Lines {
 public:
  explicit Lines(const std::string& text) : text_(text) {
    starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') starts_.push_back(i + 1);
  }
  YAML::Mark ToMark(const yaml_mark_t& m) const {
    YAML::Mark mark;
    mark.line = static_cast<int>(m.line);
    size_t at = m.line < starts_.size() ? starts_[m.line] : text_.size();
    const size_t begin = at;
    for (size_t cp = 0; cp < m.column && at < text_.size() && text_[at] != '\n'; ++cp) {
      ++at;
      while (at < text_.size() && (static_cast<unsigned char>(text_[at]) & 0xC0) == 0x80) ++at;
    }
    mark.column = static_cast<int>(at - begin);
    mark.pos = static_cast<int>(at);
    return mark;
  }

 private:
  const std::string& text_;
  std::vector<size_t> starts_;
};

// A collection being filled, and for a mapping the key waiting for its value.
struct Frame {
  YAML::Node node;
  bool is_map = false;
  bool has_key = false;
  YAML::Node key;
  bool detached_key = false;  // a collection used as a key: inserted once its value is known
};

class Builder {
 public:
  explicit Builder(const std::string& text) : lines_(text), document_(YAML::NodeType::Null) {}

  // Places a node in its parent: appended to a sequence, or the key or the value of a mapping.
  void Place(const YAML::Node& node) {
    if (stack_.empty()) {
      if (!have_root_) root_.reset(node), have_root_ = true;
      return;
    }
    Frame& parent = stack_.back();
    if (!parent.is_map) {
      parent.node.push_back(node);
    } else if (!parent.has_key) {
      parent.key.reset(node);  // reset rebinds the handle; = would overwrite the previous key
      parent.has_key = true;
    } else {
      parent.node.force_insert(parent.key, node);
      parent.has_key = false;
    }
  }

  void Anchor(const yaml_char_t* anchor, const YAML::Node& node) {
    if (anchor) anchors_[reinterpret_cast<const char*>(anchor)].reset(node);
  }

  YAML::Node Make(YAML::NodeType::value type, const yaml_mark_t& at, const char* tag) {
    YAML::Node n = NodeFactory::Create(document_, type, lines_.ToMark(at));
    if (type != YAML::NodeType::Null) n.SetTag(tag);
    return n;
  }

  bool Event(const yaml_event_t& e) {
    switch (e.type) {
      case YAML_SCALAR_EVENT: {
        const auto& s = e.data.scalar;
        std::string value(reinterpret_cast<const char*>(s.value), s.length);
        const bool plain = s.style == YAML_PLAIN_SCALAR_STYLE;
        std::string tag = s.tag ? reinterpret_cast<const char*>(s.tag) : (plain ? "?" : "!");
        YAML::Node n;  // (reset rebinds a handle; yaml-cpp's = assigns to the node it refers to)
        if (plain && !s.tag && IsNullString(value)) {
          n.reset(Make(YAML::NodeType::Null, e.start_mark, ""));
        } else {
          n.reset(NodeFactory::CreateScalar(document_, value, lines_.ToMark(e.start_mark)));
          n.SetTag(tag);
        }
        Anchor(s.anchor, n);
        Place(n);
        return true;
      }
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: {
        const bool is_map = e.type == YAML_MAPPING_START_EVENT;
        const yaml_char_t* tag = is_map ? e.data.mapping_start.tag : e.data.sequence_start.tag;
        const yaml_char_t* anchor =
            is_map ? e.data.mapping_start.anchor : e.data.sequence_start.anchor;
        YAML::Node n = Make(is_map ? YAML::NodeType::Map : YAML::NodeType::Sequence, e.start_mark,
                            tag ? reinterpret_cast<const char*>(tag) : "?");
        Anchor(anchor, n);
        // Placed before it is filled (so its children join the parent's memory one by one),
        // except as a mapping key, placed when done.
        const bool as_key = !stack_.empty() && stack_.back().is_map && !stack_.back().has_key;
        if (!as_key) Place(n);
        stack_.push_back({n, is_map, false, YAML::Node(), as_key});
        return true;
      }
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: {
        Frame done = std::move(stack_.back());
        stack_.pop_back();
        if (done.detached_key) Place(done.node);
        return true;
      }
      case YAML_ALIAS_EVENT: {
        auto it = anchors_.find(reinterpret_cast<const char*>(e.data.alias.anchor));
        if (it == anchors_.end()) {  // libyaml's parser leaves this to the loader
          bad_alias_ = true;
          bad_alias_mark_ = e.start_mark;
          return false;
        }
        Place(it->second);
        return true;
      }
      case YAML_DOCUMENT_END_EVENT:
        return false;  // the first document only, as YAML::Load
      default:
        return true;
    }
  }

  YAML::Node root() const { return have_root_ ? root_ : YAML::Node(); }
  // An alias to an anchor not defined before it (the only error libyaml's parser does not find).
  bool bad_alias() const { return bad_alias_; }
  const yaml_mark_t& bad_alias_mark() const { return bad_alias_mark_; }

 private:
  Lines lines_;
  YAML::Node document_;  // holds the memory every node of the document is created in
  std::vector<Frame> stack_;
  std::map<std::string, YAML::Node> anchors_;
  YAML::Node root_;
  bool have_root_ = false;
  bool bad_alias_ = false;
  yaml_mark_t bad_alias_mark_{};
};

}  // namespace

bool ParseYaml(const std::string& text, YAML::Node* root, YamlSyntaxError* error) {
  struct Parser {
    yaml_parser_t p;
    bool live = false;
    ~Parser() {
      if (live) yaml_parser_delete(&p);
    }
  } guard;
  try {
    yaml_parser_t& parser = guard.p;
    if (!yaml_parser_initialize(&parser)) {
      if (error) *error = {0, 0, 0, "out of memory"};
      return false;
    }
    guard.live = true;
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
    Builder builder(text);
    bool ok = true;
    for (bool more = true; more;) {
      yaml_event_t event;
      if (!yaml_parser_parse(&parser, &event)) {
        ok = false;
        break;
      }
      more = event.type != YAML_STREAM_END_EVENT && builder.Event(event);
      yaml_event_delete(&event);
    }
    if (builder.bad_alias()) ok = false;
    if (!ok && error) {
      const yaml_mark_t& m = builder.bad_alias() ? builder.bad_alias_mark()
                             : parser.problem    ? parser.problem_mark
                                                 : parser.context_mark;
      std::string message = builder.bad_alias() ? "the referenced anchor is not defined"
                            : parser.problem    ? parser.problem
                                                : "invalid YAML";
      if (!builder.bad_alias() && parser.context) message += std::string(" ") + parser.context;
      error->line = static_cast<int>(m.line);
      error->column = static_cast<int>(m.column);
      error->byte_column = Lines(text).ToMark(m).column;
      error->message = message;
    }
    if (!ok) return false;
    root->reset(builder.root());
    return true;
  } catch (const std::exception& e) {  // yaml-cpp node operations (memory)
    if (error) *error = {0, 0, 0, std::string("cannot build the YAML nodes: ") + e.what()};
    return false;
  }
}

}  // namespace ogicheck::rules
