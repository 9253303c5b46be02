#include "common/utf8.h"

#include <unicode/utf8.h>

#include <climits>
#include <cstring>

namespace seismo {

bool is_valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  if (s.size() > INT32_MAX) return is_valid_utf8(s.substr(0, INT32_MAX / 2)) && is_valid_utf8(s.substr(INT32_MAX / 2));
  int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    // Eight ASCII bytes at a time: most of a web page is ASCII.
    if (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if ((w & 0x8080808080808080ULL) == 0) { i += 8; continue; }
    }
    if (p[i] < 0x80) { ++i; continue; }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

std::string repair_utf8(std::string_view s, size_t* replaced) {
  std::string out;
  out.reserve(s.size());
  size_t bad = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  // ICU offsets are int32_t: walk in windows so giant inputs stay correct.
  size_t base = 0;
  while (base < s.size()) {
    int32_t n = static_cast<int32_t>(std::min<size_t>(s.size() - base, 1u << 30));
    int32_t i = 0;
    while (i < n) {
      int32_t start = i;
      if (p[base + i] < 0x80) { out.push_back(static_cast<char>(p[base + i])); ++i; continue; }
      UChar32 c;
      U8_NEXT(p + base, i, n, c);
      if (c < 0) {
        out.append("\xEF\xBF\xBD");
        ++bad;
      } else {
        out.append(reinterpret_cast<const char*>(p + base + start), i - start);
      }
    }
    base += n;
  }
  if (replaced) *replaced = bad;
  return out;
}

size_t code_point_count(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string_view code_point_slice(std::string_view s, size_t start, size_t end) {
  // Byte offset of the code point numbered `cp`: a code point starts at
  // each byte that is not a continuation byte.
  auto byte_of = [&](size_t cp, size_t from_byte, size_t from_cp) {
    size_t i = from_byte;
    for (size_t n = from_cp; i < s.size(); ++i) {
      if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
      if (n++ == cp) return i;
    }
    return s.size();
  };
  size_t b = byte_of(start, 0, 0);
  if (end <= start) return s.substr(b, 0);
  return s.substr(b, byte_of(end, b, start) - b);
}

double binary_byte_ratio(std::string_view s) {
  if (s.empty()) return 0.0;
  size_t sample = std::min<size_t>(s.size(), 16 * 1024);
  size_t bad = 0;
  for (size_t i = 0; i < sample; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++bad;
  }
  return static_cast<double>(bad) / static_cast<double>(sample);
}

size_t CodePointCursor::at(size_t byte) {
  if (byte < byte_) byte_ = cps_ = 0;
  for (; byte_ < byte && byte_ < text_.size(); ++byte_)
    if ((static_cast<unsigned char>(text_[byte_]) & 0xC0) != 0x80) ++cps_;
  return cps_;
}

}  // namespace seismo
