// UTF-8 validation and repair. Every string that leaves the ingest stage is
// valid UTF-8; these are the only functions that decide what "valid" means.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace seismo {

bool is_valid_utf8(std::string_view s);

// Copies `s`, replacing each ill-formed sequence with U+FFFD. If `replaced`
// is non-null it receives the number of replacements made.
std::string repair_utf8(std::string_view s, size_t* replaced = nullptr);

// Number of Unicode code points (offsets in the JSON contract count these).
size_t code_point_count(std::string_view s);

// The code points [start, end) of `s` (offsets as the JSON contract counts
// them), clamped to its end: the words an offset pair points at.
std::string_view code_point_slice(std::string_view s, size_t start, size_t end);

// Code-point offsets of byte offsets of one text, in one forward sweep:
// each stage's offsets into the JSON contract's body come from this.
// at() is cheap when called with non-decreasing offsets (it restarts from
// the beginning otherwise).
class CodePointCursor {
 public:
  explicit CodePointCursor(std::string_view text) : text_(text) {}
  size_t at(size_t byte);

 private:
  std::string_view text_;
  size_t byte_ = 0, cps_ = 0;
};

// Share of bytes that look like binary data (NUL and C0 controls other than
// tab, CR, LF, FF). Used to refuse files that are not text at all.
double binary_byte_ratio(std::string_view s);

}  // namespace seismo
