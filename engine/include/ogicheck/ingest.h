// Ingest: bytes on disk -> SourceText. Knows encodings and containers, nothing about regulations.
//
// A file can yield several reports (a JSON Lines batch of crawled records), and a failure in one
// file or record never stops the others: IngestFile returns what it could read plus one error per
// unreadable part.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ogicheck/source_text.h"
#include "ogicheck/status.h"

namespace ogicheck {

// Facts a container states about the report, before any parsing (e.g. the crawler's fields).
struct ContainerFacts {
  std::string title;      // crawler 标题
  std::string published;  // crawler 时间, as written
  std::string url;        // crawler 访问地址
  // Set by the PDF reader when the file has pages but no text layer (scanned images): the
  // report's text is then empty and a rule should say so rather than report missing sections.
  bool scanned_without_text = false;
  uint32_t pages = 0;               // page count of paged inputs (PDF), 0 otherwise
  std::vector<std::string> notes;   // other remarks about the container (English, for logs)
};

struct IngestedReport {
  std::string path;        // the file on disk
  std::string record;      // "" for a whole file, "#3" for the third line of a JSON Lines file
  std::string reader;      // which reader produced it: "text", "crawl-json", "html", …
  std::string encoding;    // detected source encoding: "UTF-8", "UTF-16LE", "GB18030", …
  ContainerFacts facts;
  SourceText text;

  // path plus record, for messages: "a.jsonl#3".
  std::string DisplayName() const { return path + record; }
};

struct IngestError {
  std::string path;
  std::string record;
  Status status;
};

struct IngestOptions {
  size_t max_file_bytes = 64u << 20;  // larger files are refused with kTooLarge
};

struct IngestResult {
  std::vector<IngestedReport> reports;
  std::vector<IngestError> errors;
};

// Reads one file with the reader its extension and content call for.
IngestResult IngestFile(const std::string& path, const IngestOptions& options = {});

// Asks the kernel to start reading `path` into the page cache, without waiting, so that a batch
// reads the next files from disk while it checks this one. Does nothing when it cannot (no such
// file) or should not (not a regular file: a named pipe is not opened); IngestFile reports those.
void PrefetchFile(const std::string& path);

// Same for bytes already in memory; `name` is used for the extension and in messages.
IngestResult IngestBytes(std::string_view bytes, const std::string& name,
                         const IngestOptions& options = {});

// Decodes `bytes` to UTF-8: BOMs (UTF-8, UTF-16LE/BE), then strict UTF-8, then GB18030.
// Sets *encoding to the name of what was detected. Fails with kEncoding for binary garbage.
Status DecodeToUtf8(std::string_view bytes, std::string* utf8, std::string* encoding);

}  // namespace ogicheck
