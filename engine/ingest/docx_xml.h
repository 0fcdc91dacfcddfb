// DocxXml: a pull reader over one XML part of a DOCX (libxml2's xmlTextReader), set up so that
// hostile XML cannot reach the network or expand entities: no DTD loading, no entity
// substitution, and a document that declares a DTD at all is refused (WordprocessingML never
// has one, so one there is an attack or garbage).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "ogicheck/status.h"

namespace ogicheck {

class DocxXml {
 public:
  enum class Event { kStart, kEnd, kText, kDone, kError };

  // `xml` must outlive the reader; `part` names it in messages ("word/document.xml").
  DocxXml(std::string_view xml, std::string part);
  ~DocxXml();

  // Advances to the next start tag, end tag or text. An empty element (<w:tab/>) gives kStart
  // then kEnd. On kError, status() says why.
  Event Next();

  // For kStart/kEnd: the local name when the element is in a WordprocessingML namespace
  // (transitional or strict), else "" (other namespaces are reported through OtherName()).
  const std::string& name() const { return name_; }
  // The local name whatever the namespace, with a short prefix: "mc:AlternateContent".
  const std::string& other_name() const { return other_name_; }
  // For kText: the text.
  std::string_view text() const { return text_; }
  // For kStart: the attribute w:<local> (or an unqualified one), "" when absent.
  std::string Attr(const char* local) const;
  // For kStart: skips the element's whole subtree; the next event follows its end.
  void SkipSubtree();
  int depth() const;

  const Status& status() const { return status_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string part_;
  std::string name_;
  std::string other_name_;
  std::string text_;
  Status status_;
  bool pending_end_ = false;
};

}  // namespace ogicheck
