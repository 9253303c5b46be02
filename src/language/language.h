// Stage 3, language and script: which language a text is in (CLD2) and
// which script it is written in (ICU), so that later stages pick the right
// lexicons and Serbian in Cyrillic meets Serbian in Latin.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace seismo {

struct LanguageGuess {
  std::string code = "und";  // ISO 639-1 where there is one ("en", "sr", "sq"), "und" when unknown
  std::string script;        // ISO 15924 of most letters: "Latn", "Cyrl", ...
  int percent = 0;           // share of the text in that language
  bool reliable = false;
};

// How much of a text detect_language() reads: 4 KB (some 600 words) is
// plenty to tell a language; more only costs time. A caller with a long
// text need pass no more than this (and one byte, where it checks for a
// character cut in two).
inline constexpr size_t kLanguageSampleBytes = 4 * 1024;

// `hint` is a declared language ("en-US", "sr"), used as a prior only.
LanguageGuess detect_language(std::string_view text, std::string_view hint = {});

}  // namespace seismo
