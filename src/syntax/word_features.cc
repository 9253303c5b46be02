#include "syntax/word_features.h"

#include "syntax/feature_hash.h"

namespace seismo::syntax {

std::string normalise_word(std::string_view form) {
  std::string s(form);
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    else if (c >= '0' && c <= '9') c = '0';
  }
  return s;
}

WordInfo word_info(std::string_view form) {
  WordInfo w;
  w.form = string_hash(form);
  std::string norm = normalise_word(form);
  w.norm = string_hash(norm);
  for (size_t k = 1; k <= 4; ++k)
    w.suffix[k - 1] = string_hash(norm.size() >= k ? std::string_view(norm).substr(norm.size() - k) : "\x01short");
  for (size_t k = 1; k <= 3; ++k)
    w.prefix[k - 1] = string_hash(norm.size() >= k ? std::string_view(norm).substr(0, k) : "\x01short");
  std::string shape;
  char last = 0;
  int run = 0;
  bool all_upper = true, any_letter = false;
  for (size_t i = 0; i < form.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(form[i]);
    char k;
    if (c >= 'A' && c <= 'Z') {
      k = 'X';
      w.flags |= kHasUpper;
      if (i == 0) w.flags |= kInitialUpper;
      any_letter = true;
    } else if (c >= 'a' && c <= 'z') {
      k = 'x';
      all_upper = false;
      any_letter = true;
    } else if (c >= '0' && c <= '9') {
      k = 'd';
      w.flags |= kHasDigit;
    } else if (c >= 0x80) {
      w.flags |= kHasNonAscii;
      if ((c & 0xc0) == 0x80) continue;  // a UTF-8 continuation byte
      k = 'u';
    } else {
      k = static_cast<char>(c);
      if (c == '-') w.flags |= kHasHyphen;
      else w.flags |= kHasPunct;
    }
    run = k == last ? run + 1 : 1;
    last = k;
    if (run <= 2) shape += k;
  }
  if (any_letter && all_upper) w.flags |= kAllUpper;
  w.shape = string_hash(shape);
  return w;
}

}  // namespace seismo::syntax
