// HTML charset sniffing and ICU conversion (see html_charset.h).
#include "ingest/html_charset.h"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "text/utf8.h"

namespace ogicheck {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsCharsetChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':' ||
         c == '.';
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

}  // namespace

std::string SniffHtmlMetaCharset(std::string_view bytes) {
  constexpr size_t kWindow = 16 * 1024;  // Chinese portals put long heads before the meta tag
  std::string head(bytes.substr(0, kWindow));
  std::transform(head.begin(), head.end(), head.begin(), Lower);
  size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    const size_t end = std::min(head.find('>', pos), head.size());
    const std::string_view tag = std::string_view(head).substr(pos, end - pos);
    pos = end;
    const size_t cs = tag.find("charset");
    if (cs == std::string_view::npos) continue;
    size_t i = cs + 7;
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\t' || tag[i] == '\n' || tag[i] == '\r'))
      ++i;
    if (i >= tag.size() || tag[i] != '=') continue;
    ++i;
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '"' || tag[i] == '\'')) ++i;
    size_t j = i;
    while (j < tag.size() && IsCharsetChar(tag[j])) ++j;
    if (j > i) return std::string(tag.substr(i, j - i));
  }
  return "";
}

std::string CanonicalCharset(std::string_view declared) {
  std::string name(declared);
  std::transform(name.begin(), name.end(), name.begin(), Lower);
  if (name == "utf-8" || name == "utf8") return "UTF-8";
  if (name == "gb2312" || name == "gbk" || name == "x-gbk" || name == "cp936" ||
      name == "gb_2312-80" || name == "gb18030" || name == "euc-cn" || name == "windows-936") {
    return "GB18030";
  }
  if (name == "big5" || name == "big5-hkscs") return "Big5";
  if (name == "utf-16" || name == "utf-16le") return "UTF-16LE";
  if (name == "utf-16be") return "UTF-16BE";
  // Anything else ICU knows (iso-8859-1, windows-1252, …).
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(name.c_str(), &status));
  if (U_FAILURE(status) || conv == nullptr) return "";
  const char* canonical = ucnv_getName(conv.get(), &status);
  return U_SUCCESS(status) && canonical != nullptr ? std::string(canonical) : "";
}

Status ConvertCharsetToUtf8(std::string_view bytes, const std::string& charset, bool strict,
                            std::string* utf8) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(charset.c_str(), &status));
  if (U_FAILURE(status)) {
    return Status::Error(ErrorCode::kEncoding, "unknown charset " + charset);
  }
  if (strict) {
    ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  }
  // At most one UTF-16 unit per input byte for every converter we use, plus the terminator.
  std::vector<UChar> wide(bytes.size() + 1);
  const int32_t n = ucnv_toUChars(conv.get(), wide.data(), static_cast<int32_t>(wide.size()),
                                  bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) {
    return Status::Error(ErrorCode::kEncoding, "bytes are not valid " + charset);
  }
  int32_t needed = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8WithSub(nullptr, 0, &needed, wide.data(), n, 0xFFFD, nullptr, &status);
  status = U_ZERO_ERROR;
  utf8->assign(static_cast<size_t>(needed), '\0');
  u_strToUTF8WithSub(utf8->data(), needed, &needed, wide.data(), n, 0xFFFD, nullptr, &status);
  if (U_FAILURE(status) && status != U_STRING_NOT_TERMINATED_WARNING) {
    return Status::Error(ErrorCode::kEncoding, "conversion from " + charset + " failed");
  }
  return Status::Ok();
}

Status DecodeHtmlBytes(std::string_view bytes, std::string* utf8, std::string* encoding) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    *encoding = "UTF-8";
    return ConvertCharsetToUtf8(bytes.substr(3), "UTF-8", false, utf8);
  }
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    *encoding = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    return ConvertCharsetToUtf8(bytes.substr(2), *encoding, false, utf8);
  }
  const std::string declared = CanonicalCharset(SniffHtmlMetaCharset(bytes));
  const bool valid_utf8 = utf8::IsValid(bytes);
  if (!declared.empty() && !(declared == "UTF-8" && !valid_utf8)) {
    *encoding = declared;
    return ConvertCharsetToUtf8(bytes, declared, false, utf8);
  }
  if (valid_utf8) {
    *encoding = "UTF-8";
    utf8->assign(bytes);
    return Status::Ok();
  }
  // Undeclared (or wrongly declared) non-UTF-8: the pages we meet are GB2312/GBK.
  if (ConvertCharsetToUtf8(bytes, "GB18030", true, utf8).ok()) {
    *encoding = "GB18030";
    return Status::Ok();
  }
  if (!declared.empty()) {
    *encoding = declared;  // declared UTF-8 with some bad bytes: keep U+FFFD for them
    return ConvertCharsetToUtf8(bytes, declared, false, utf8);
  }
  return Status::Error(ErrorCode::kEncoding,
                       "page is neither UTF-8 nor GB18030 and declares no charset");
}

}  // namespace ogicheck
