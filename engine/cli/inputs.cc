#include "cli/inputs.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace ogicheck::cli {
namespace {

bool IsReportFile(const std::filesystem::path& p) {
  static const std::set<std::string> kExtensions = {".txt",  ".md",   ".json", ".jsonl", ".ndjson",
                                                    ".html", ".htm",  ".docx", ".pdf"};
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return kExtensions.count(ext) > 0;
}

}  // namespace

std::vector<std::string> ExpandInputs(const std::vector<std::string>& paths,
                                      std::vector<IngestError>* errors) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
           !ec && it != end; it.increment(ec)) {
        // The extension first; is_regular_file takes the type the listing gave (no stat but
        // for a symbolic link, which it follows).
        if (IsReportFile(it->path()) && it->is_regular_file(ec)) found.push_back(it->path().string());
      }
      if (ec) errors->push_back({path, "", Status::Error(ErrorCode::kIo, "cannot list " + path + ": " + ec.message())});
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(path, ec)) {
      files.push_back(path);
    } else {
      errors->push_back({path, "", Status::Error(ErrorCode::kNotFound, "no such file: " + path)});
    }
  }
  return files;
}

}  // namespace ogicheck::cli
