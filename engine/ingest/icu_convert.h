// Conversion of legacy and UTF-16/32 bytes to UTF-8 with ICU, counting decoding errors so the
// caller can tell a real encoding from a wrong guess. ICU types stay inside icu_convert.cc.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "ogicheck/status.h"

namespace ogicheck::ingest {

// Converts `bytes` in `charset` (an ICU converter name such as "GB18030" or "UTF-16LE") to
// UTF-8 in *out. Every illegal, truncated or unmapped sequence becomes U+FFFD and is counted
// in *errors. Fails only when ICU itself fails (unknown charset, out of memory).
Status ConvertToUtf8(std::string_view bytes, const char* charset, std::string* out, size_t* errors);

}  // namespace ogicheck::ingest
