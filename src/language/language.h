// Stage 3, language and script: which language a text is in (CLD2) and
// which script it is written in (ICU), so that later stages pick the right
// lexicons and Serbian in Cyrillic meets Serbian in Latin.
#pragma once
#include <string>
#include <string_view>

namespace seismo {

struct LanguageGuess {
  std::string code = "und";  // ISO 639-1 where there is one ("en", "sr", "sq"), "und" when unknown
  std::string script;        // ISO 15924 of most letters: "Latn", "Cyrl", ...
  int percent = 0;           // share of the text in that language
  bool reliable = false;
};

// `hint` is a declared language ("en-US", "sr"), used as a prior only.
LanguageGuess detect_language(std::string_view text, std::string_view hint = {});

}  // namespace seismo
