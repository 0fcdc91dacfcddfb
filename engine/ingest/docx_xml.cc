// DocxXml over libxml2's xmlTextReader (see docx_xml.h).
#include "ingest/docx_xml.h"

#include <libxml/xmlreader.h>

#include <cstring>
#include <mutex>

namespace ogicheck {
namespace {

constexpr const char* kWordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kWordStrictNs = "http://purl.oclc.org/ooxml/wordprocessingml/main";

const char* Str(const xmlChar* s) { return reinterpret_cast<const char*>(s); }

void CollectError(void* arg, xmlErrorPtr error) {
  auto* message = static_cast<std::string*>(arg);
  if (message->empty() && error != nullptr && error->message != nullptr) {
    *message = error->message;
    while (!message->empty() && (message->back() == '\n' || message->back() == ' ')) {
      message->pop_back();
    }
    if (error->line > 0) *message += " (line " + std::to_string(error->line) + ")";
  }
}

}  // namespace

struct DocxXml::Impl {
  xmlTextReaderPtr reader = nullptr;
  std::string error;
};

DocxXml::DocxXml(std::string_view xml, std::string part)
    : impl_(std::make_unique<Impl>()), part_(std::move(part)) {
  // libxml2 wants its globals set up once before threads use it (the CLI reads files in parallel).
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  // No XML_PARSE_NOENT (entity substitution) and no XML_PARSE_DTDLOAD; NONET forbids fetching.
  impl_->reader = xmlReaderForMemory(xml.data(), static_cast<int>(xml.size()), part_.c_str(),
                                     nullptr, XML_PARSE_NONET | XML_PARSE_COMPACT);
  if (impl_->reader != nullptr) {
    xmlTextReaderSetStructuredErrorHandler(impl_->reader, CollectError, &impl_->error);
  } else {
    status_ = Status::Error(ErrorCode::kFormat, part_ + ": cannot start the XML parser");
  }
}

DocxXml::~DocxXml() {
  if (impl_->reader != nullptr) xmlFreeTextReader(impl_->reader);
}

int DocxXml::depth() const { return xmlTextReaderDepth(impl_->reader); }

DocxXml::Event DocxXml::Next() {
  if (!status_.ok()) return Event::kError;
  if (pending_end_) {  // the end of an empty element
    pending_end_ = false;
    return Event::kEnd;
  }
  xmlTextReaderPtr r = impl_->reader;
  while (true) {
    const int ret = xmlTextReaderRead(r);
    if (ret == 0) return Event::kDone;
    if (ret < 0) {
      status_ =
          Status::Error(ErrorCode::kFormat, part_ + " is not well-formed XML" +
                                                (impl_->error.empty() ? "" : ": " + impl_->error));
      return Event::kError;
    }
    const int type = xmlTextReaderNodeType(r);
    switch (type) {
      case XML_READER_TYPE_DOCUMENT_TYPE:
      case XML_READER_TYPE_ENTITY_REFERENCE:
        status_ = Status::Error(ErrorCode::kFormat,
                                part_ + " declares a DTD or uses entities, which DOCX never does");
        return Event::kError;
      case XML_READER_TYPE_ELEMENT:
      case XML_READER_TYPE_END_ELEMENT: {
        const char* ns = Str(xmlTextReaderConstNamespaceUri(r));
        const char* local = Str(xmlTextReaderConstLocalName(r));
        const char* prefix = Str(xmlTextReaderConstPrefix(r));
        const bool word =
            ns != nullptr && (std::strcmp(ns, kWordNs) == 0 || std::strcmp(ns, kWordStrictNs) == 0);
        name_ = word && local != nullptr ? local : "";
        other_name_ =
            std::string(prefix != nullptr ? prefix : "") + ":" + (local != nullptr ? local : "");
        if (type == XML_READER_TYPE_ELEMENT) {
          pending_end_ = xmlTextReaderIsEmptyElement(r) == 1;
          return Event::kStart;
        }
        return Event::kEnd;
      }
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_CDATA:
      case XML_READER_TYPE_WHITESPACE:
      case XML_READER_TYPE_SIGNIFICANT_WHITESPACE: {
        const char* value = Str(xmlTextReaderConstValue(r));
        text_ = value != nullptr ? value : "";
        return Event::kText;
      }
      default:
        continue;  // comments, processing instructions, XML declaration
    }
  }
}

std::string DocxXml::Attr(const char* local) const {
  xmlTextReaderPtr r = impl_->reader;
  const xmlChar* name = reinterpret_cast<const xmlChar*>(local);
  for (const char* ns : {kWordNs, kWordStrictNs}) {
    xmlChar* v = xmlTextReaderGetAttributeNs(r, name, reinterpret_cast<const xmlChar*>(ns));
    if (v != nullptr) {
      std::string out = Str(v);
      xmlFree(v);
      return out;
    }
  }
  xmlChar* v = xmlTextReaderGetAttribute(r, name);
  if (v == nullptr) return "";
  std::string out = Str(v);
  xmlFree(v);
  return out;
}

void DocxXml::SkipSubtree() {
  if (pending_end_) {
    pending_end_ = false;
    return;
  }
  // xmlTextReaderNext moves past the subtree; the node it lands on is read by the next Next()
  // call only if we step back, so emulate: read until the depth returns.
  const int start_depth = depth();
  while (true) {
    const int ret = xmlTextReaderRead(impl_->reader);
    if (ret <= 0) {
      if (ret < 0) status_ = Status::Error(ErrorCode::kFormat, part_ + " is not well-formed XML");
      return;
    }
    const int type = xmlTextReaderNodeType(impl_->reader);
    if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY_REFERENCE) {
      status_ = Status::Error(ErrorCode::kFormat,
                              part_ + " declares a DTD or uses entities, which DOCX never does");
      return;
    }
    if (type == XML_READER_TYPE_END_ELEMENT && depth() == start_depth) return;
  }
}

}  // namespace ogicheck
