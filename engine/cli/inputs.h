// Turns command-line paths into the list of report files to read.
#pragma once

#include <string>
#include <vector>

#include "ogicheck/ingest.h"

namespace ogicheck::cli {

// Files are taken as given; directories are searched recursively for report files
// (.txt .md .json .jsonl .ndjson .html .htm .docx .pdf), in sorted order. A path that does not
// exist becomes an IngestError ("no such file: …") and the others are still returned.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& paths,
                                      std::vector<IngestError>* errors);

}  // namespace ogicheck::cli
