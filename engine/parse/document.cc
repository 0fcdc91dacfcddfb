// Small out-of-line members of the Document model.
#include "ogicheck/document.h"

#include <cstdio>

namespace ogicheck {

std::string Date::Iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year % 10000, month % 100, day % 100);
  return buf;
}

}  // namespace ogicheck
