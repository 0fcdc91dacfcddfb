// Writers of findings. All writers are fed the same FindingsReport.
#pragma once

#include <string>

#include "ogicheck/findings.h"

namespace ogicheck {

struct TextWriteOptions {
  bool color = false;  // ANSI colours (the CLI turns them on only for a terminal)
};

// Human-readable text, grouped by report.
std::string WriteFindingsText(const FindingsReport& report, const TextWriteOptions& options = {});

// The JSON of the ARCHITECTURE.md contract (schemas/findings.schema.json), pretty-printed.
std::string WriteFindingsJson(const FindingsReport& report);

}  // namespace ogicheck
