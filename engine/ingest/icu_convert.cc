// ICU-based conversion to UTF-8; see icu_convert.h.
#include "ingest/icu_convert.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>

#include <iterator>
#include <memory>

namespace ogicheck::ingest {
namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

// To-Unicode error callback: writes U+FFFD (ICU's default would write the charset's own
// substitution character, U+001A for GB18030) and counts the error.
void CountingToUCallback(const void* context, UConverterToUnicodeArgs* args,
                         const char* /*code_units*/, int32_t /*length*/,
                         UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close, clone: not an error
  ++*static_cast<size_t*>(const_cast<void*>(context));
  static const UChar kReplacement = 0xFFFD;
  *err = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, err);
}

ConverterPtr Open(const char* name, UErrorCode* err) { return ConverterPtr(ucnv_open(name, err)); }

}  // namespace

Status ConvertToUtf8(std::string_view bytes, const char* charset, std::string* out,
                     size_t* errors) {
  *errors = 0;
  out->clear();
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr source = Open(charset, &err);
  ConverterPtr target = Open("UTF-8", &err);
  if (U_FAILURE(err) || !source || !target) {
    return Status::Error(ErrorCode::kEncoding, std::string("cannot open an ICU converter for ") +
                                                   charset + ": " + u_errorName(err));
  }
  ucnv_setToUCallBack(source.get(), CountingToUCallback, errors, nullptr, nullptr, &err);
  if (U_FAILURE(err)) {
    return Status::Error(ErrorCode::kEncoding,
                         std::string("cannot set up ICU conversion: ") + u_errorName(err));
  }

  // Three UTF-8 bytes per input byte covers everything but a flood of replacement characters;
  // the loop below grows the buffer if needed.
  out->resize(bytes.size() * 3 / 2 + 64);
  char* out_begin = out->data();
  char* out_pos = out_begin;
  const char* in_pos = bytes.data();
  const char* in_end = bytes.data() + bytes.size();
  UChar pivot[4096];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  UBool reset = true;
  for (;;) {
    err = U_ZERO_ERROR;
    ucnv_convertEx(target.get(), source.get(), &out_pos, out_begin + out->size(), &in_pos, in_end,
                   pivot, &pivot_source, &pivot_target, pivot + std::size(pivot), reset,
                   /*flush=*/true, &err);
    reset = false;
    if (err != U_BUFFER_OVERFLOW_ERROR) break;
    const size_t used = out_pos - out_begin;
    out->resize(out->size() * 2);
    out_begin = out->data();
    out_pos = out_begin + used;
  }
  if (U_FAILURE(err)) {
    out->clear();
    return Status::Error(ErrorCode::kEncoding, std::string("ICU failed to convert from ") +
                                                   charset + ": " + u_errorName(err));
  }
  out->resize(out_pos - out_begin);
  return Status::Ok();
}

}  // namespace ogicheck::ingest
