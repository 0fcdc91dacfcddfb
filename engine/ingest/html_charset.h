// Charset handling for the HTML reader: the BOM, then <meta charset> / http-equiv, then
// detection (strict UTF-8, else GB18030, which covers GB2312 and GBK). Converts with ICU.
// Kept here rather than shared because the HTML rules (the meta prescan) are HTML's own; the
// generic DecodeToUtf8 in ingest.h does the BOM/UTF-8/GB18030 part for plain text.
#pragma once

#include <string>
#include <string_view>

#include "ogicheck/status.h"

namespace ogicheck {

// The charset an HTML page declares in a <meta> tag within its first 16 KB, lowercased
// ("gb2312", "utf-8"), or "" when it declares none.
std::string SniffHtmlMetaCharset(std::string_view bytes);

// Maps a declared charset to the ICU converter to use: GB2312/GBK/CP936 become GB18030 (their
// superset, which is what browsers do), "utf8" becomes UTF-8. Returns "" for an unknown name.
std::string CanonicalCharset(std::string_view declared);

// Decodes an HTML page to UTF-8. Sets *encoding to what was used ("UTF-8", "GB18030", …).
// A BOM wins over the meta tag; a page that declares UTF-8 but is not valid UTF-8 is decoded
// as GB18030 when that succeeds (a common publishing mistake). Fails with kEncoding on binary.
Status DecodeHtmlBytes(std::string_view bytes, std::string* utf8, std::string* encoding);

// Converts `bytes` from `charset` (an ICU converter name) to UTF-8. With `strict`, an
// unmappable or illegal sequence fails instead of becoming U+FFFD.
Status ConvertCharsetToUtf8(std::string_view bytes, const std::string& charset, bool strict,
                            std::string* utf8);

}  // namespace ogicheck
