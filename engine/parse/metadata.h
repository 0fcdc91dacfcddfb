// Metadata: title, agency, report year, publication and signature dates, statistical period and
// document kind, from the text and the container's facts (the crawler's 标题/时间).
#pragma once

#include <string_view>
#include <vector>

#include "ogicheck/document.h"

namespace ogicheck::parse {

// `first_heading` is the byte offset of the first section heading (text size when none): the
// title and the page's date line are looked for before it. `section_count` counts the sections
// found, for the document kind of a page without a usable title.
Metadata ExtractMetadata(std::string_view text, const std::vector<Paragraph>& paragraphs,
                         const ContainerFacts& facts, size_t first_heading, size_t section_count);

// The report year as ExtractMetadata will read it, before the tables are known (the format, and
// so the table schema, depends on it). Reads the head of the text first, the whole text only when
// the head names no year, so that it costs next to nothing on large inputs.
int ReportYearHint(std::string_view text, const ContainerFacts& facts);

}  // namespace ogicheck::parse
