// The crawled-record reader: web pages saved by a crawler as JSON objects with the fields
// 标题 (title), 时间 or 日期 (publication date as shown), 内容 (the page text) and 访问地址 (URL).
// A .json file holds one record or an array of records; a .jsonl/.ndjson file holds one record
// per line, and a bad line costs only that record.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/json_flat_object.h"
#include "ingest/reader.h"
#include "ingest/reader_support.h"
#include "ingest/sniff.h"

namespace ogicheck {
namespace {

using nlohmann::json;

constexpr char kContent[] = "内容";

// What a report takes from a record, whichever parser read it.
struct RecordFields {
  bool has_content = false;  // the record has a 内容 string
  std::string_view content;  // the text of 内容 (in the record or its decoded copy)
  std::string title;
  std::string published;  // 时间, or 日期 where 时间 is missing or empty
  std::string url;
};

// A field as text: strings as they are, other values as JSON, missing or null as "".
std::string FieldText(const json& record, const char* key) {
  const auto it = record.find(key);
  if (it == record.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}

// nlohmann's messages start with "[json.exception.parse_error.101] "; auditors need only the rest.
std::string ParseErrorText(const json::parse_error& e) {
  std::string what = e.what();
  if (!what.empty() && what.front() == '[') {
    const size_t close = what.find("] ");
    if (close != std::string::npos) what.erase(0, close + 2);
  }
  return what;
}

// "#3": the third element of an array, or the record on line 3 of a JSON Lines file.
std::string RecordName(size_t number) {
  std::string name = "#";  // built in two steps: GCC 12 warns falsely on "#" + std::to_string()
  name += std::to_string(number);
  return name;
}

bool Parse(std::string_view text, json* value, std::string* error) {
  try {
    *value = json::parse(text.begin(), text.end());
    return true;
  } catch (const json::parse_error& e) {
    *error = ParseErrorText(e);
    return false;
  }
}

class CrawlRecordReader final : public Reader {
 public:
  const char* name() const override { return "crawl-json"; }

  bool Accepts(std::string_view extension, std::string_view head) const override {
    if (extension == "json" || extension == "jsonl" || extension == "ndjson") return true;
    if (ingest::IsContainerExtension(extension) || ingest::IsTextExtension(extension)) return false;
    // A crawl saved under another name: a JSON object or array naming the content field.
    const std::string_view trimmed = ingest::TrimHead(head);
    return !trimmed.empty() && (trimmed.front() == '{' || trimmed.front() == '[') &&
           head.find("\"内容\"") != std::string_view::npos;
  }

  void Read(std::string_view bytes, const std::string& path, const IngestOptions& /*options*/,
            IngestResult* out) const override {
    std::string utf8;
    std::string encoding;
    const Status status = DecodeToUtf8(bytes, &utf8, &encoding);
    if (!status.ok()) {
      ingest::AddError(out, path, "", status.code(), status.message());
      return;
    }
    try {
      const std::string extension = ingest::LowerExtension(path);
      if (extension == "jsonl" || extension == "ndjson") {
        ReadLines(utf8, path, encoding, out);
      } else {
        ReadDocument(utf8, path, encoding, out);
      }
    } catch (const std::exception& e) {  // nothing may escape a reader
      ingest::AddError(out, path, "", ErrorCode::kFormat,
                       std::string("cannot read JSON: ") + e.what());
    }
  }

 private:
  void ReadDocument(const std::string& utf8, const std::string& path, const std::string& encoding,
                    IngestResult* out) const {
    if (AddFlatRecord(utf8, path, "", encoding, out)) return;
    json doc;
    std::string error;
    if (!Parse(utf8, &doc, &error)) {
      // Crawls are often saved as JSON Lines under a .json name.
      json first;
      std::string ignored;
      const size_t eol = utf8.find('\n');
      if (eol != std::string::npos &&
          Parse(std::string_view(utf8).substr(0, eol), &first, &ignored) && first.is_object()) {
        ReadLines(utf8, path, encoding, out);
        return;
      }
      ingest::AddError(out, path, "", ErrorCode::kFormat, "malformed JSON: " + error);
      return;
    }
    if (!doc.is_array()) {
      AddRecord(doc, path, "", encoding, out);
      return;
    }
    if (doc.empty()) {
      ingest::AddError(out, path, "", ErrorCode::kEmpty, "no records (an empty JSON array)");
      return;
    }
    for (size_t i = 0; i < doc.size(); ++i) {
      AddRecord(doc[i], path, RecordName(i + 1), encoding, out);
    }
  }

  // One record per line; the record name is the 1-based line number. Blank lines are skipped.
  void ReadLines(std::string_view utf8, const std::string& path, const std::string& encoding,
                 IngestResult* out) const {
    size_t line_number = 0;
    size_t records = 0;
    const size_t errors_before = out->errors.size();
    for (size_t start = 0; start < utf8.size();) {
      size_t end = utf8.find('\n', start);
      if (end == std::string_view::npos) end = utf8.size();
      std::string_view line = utf8.substr(start, end - start);
      start = end + 1;
      ++line_number;
      if (ingest::IsBlank(line)) continue;
      ++records;
      const std::string record = RecordName(line_number);
      if (AddFlatRecord(line, path, record, encoding, out)) continue;
      json value;
      std::string error;
      if (!Parse(line, &value, &error)) {
        ingest::AddError(out, path, record, ErrorCode::kFormat, "malformed JSON: " + error);
        continue;
      }
      AddRecord(value, path, record, encoding, out);
    }
    if (records == 0 && out->errors.size() == errors_before) {
      ingest::AddError(out, path, "", ErrorCode::kEmpty, "no records (only blank lines)");
    }
  }

  void AddRecord(const json& record, const std::string& path, const std::string& record_name,
                 const std::string& encoding, IngestResult* out) const {
    if (!record.is_object()) {
      ingest::AddError(out, path, record_name, ErrorCode::kFormat,
                       std::string("not a crawled record (a JSON ") + record.type_name() +
                           ", expected an object)");
      return;
    }
    const auto content = record.find(kContent);
    if (content == record.end()) {
      AddReport(RecordFields{}, path, record_name, encoding, out);  // the missing-内容 error
      return;
    }
    if (!content->is_string()) {
      ingest::AddError(out, path, record_name, ErrorCode::kFormat,
                       std::string("the 内容 (content) field is a JSON ") + content->type_name() +
                           ", not a string");
      return;
    }
    RecordFields fields;
    fields.has_content = true;
    fields.content = content->get_ref<const std::string&>();
    fields.title = FieldText(record, "标题");
    // Some crawls call the publication date 日期 instead of 时间.
    fields.published = FieldText(record, "时间");
    if (fields.published.empty()) fields.published = FieldText(record, "日期");
    fields.url = FieldText(record, "访问地址");
    AddReport(fields, path, record_name, encoding, out);
  }

  // The fast path (json_flat_object.h): a record whose members are all strings. Returns false,
  // having added nothing, for any other text; the caller then parses it with nlohmann.
  bool AddFlatRecord(std::string_view text, const std::string& path, const std::string& record_name,
                     const std::string& encoding, IngestResult* out) const {
    std::vector<ingest::JsonStringField>& members = ThreadMembers();
    if (!ingest::ScanFlatStringObject(text, &members)) return false;
    // The last of repeated keys counts, as in nlohmann's object.
    const ingest::JsonStringField *content = nullptr, *title = nullptr, *time = nullptr,
                                  *date = nullptr, *url = nullptr;
    for (const ingest::JsonStringField& member : members) {
      if (member.key == kContent) content = &member;
      else if (member.key == "标题") title = &member;
      else if (member.key == "时间") time = &member;
      else if (member.key == "日期") date = &member;
      else if (member.key == "访问地址") url = &member;
    }
    const auto decoded = [](const ingest::JsonStringField* member) {
      if (member == nullptr) return std::string();
      return member->escaped ? ingest::UnescapeJson(member->value) : std::string(member->value);
    };
    RecordFields fields;
    std::string unescaped_content;  // only when 内容 has escapes: else it is read in place
    if (content != nullptr) {
      fields.has_content = true;
      fields.content = content->value;
      if (content->escaped) fields.content = unescaped_content = ingest::UnescapeJson(content->value);
    }
    fields.title = decoded(title);
    fields.published = decoded(time);
    if (fields.published.empty()) fields.published = decoded(date);
    fields.url = decoded(url);
    AddReport(fields, path, record_name, encoding, out);
    return true;
  }

  // The scan's member list, kept per thread so that a batch does not allocate it per record.
  static std::vector<ingest::JsonStringField>& ThreadMembers() {
    thread_local std::vector<ingest::JsonStringField> members;
    return members;
  }

  void AddReport(const RecordFields& fields, const std::string& path,
                 const std::string& record_name, const std::string& encoding,
                 IngestResult* out) const {
    if (!fields.has_content) {
      ingest::AddError(out, path, record_name, ErrorCode::kFormat,
                       "record has no 内容 (content) field");
      return;
    }
    if (ingest::IsBlank(fields.content)) {
      ingest::AddError(out, path, record_name, ErrorCode::kEmpty,
                       "the 内容 (content) field is empty");
      return;
    }
    IngestedReport report;
    report.path = path;
    report.record = record_name;
    report.reader = name();
    report.encoding = encoding;
    report.facts.title = fields.title;
    report.facts.published = fields.published;
    report.facts.url = fields.url;
    report.text = SourceText::FromUtf8(fields.content);
    out->reports.push_back(std::move(report));
  }
};

}  // namespace

const Reader* CrawlJsonReader() {
  static const CrawlRecordReader reader;
  return &reader;
}

}  // namespace ogicheck
