// What kind of file a name and its first bytes suggest; shared by IngestBytes and the readers'
// Accepts().
#pragma once

#include <string>
#include <string_view>

namespace ogicheck::ingest {

// How many leading bytes IngestBytes hands to Reader::Accepts.
inline constexpr size_t kHeadBytes = 4096;

// The lowercase extension of the last component of `path`, without the dot: "report.TXT" ->
// "txt", "a.tar.gz" -> "gz", "README" -> "", ".profile" -> "".
std::string LowerExtension(std::string_view path);

// Extensions that name plain text (txt, text, md, markdown): the text reader takes these
// whatever their content looks like.
bool IsTextExtension(std::string_view extension);

// Extensions of containers that a dedicated reader owns (or that no reader can read), so the
// plain-text reader must not claim them even when their first bytes happen to look like text.
bool IsContainerExtension(std::string_view extension);

// True when `head` (the first bytes of a file, possibly cut inside a character) decodes as text.
bool LooksLikeText(std::string_view head);

// `head` without a UTF-8 BOM and leading ASCII whitespace.
std::string_view TrimHead(std::string_view head);

}  // namespace ogicheck::ingest
