#include "language/language.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <map>

namespace seismo {
namespace {

std::string dominant_script(std::string_view text) {
  std::map<UScriptCode, int> counts;
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(std::min<size_t>(text.size(), 1 << 20));
  int32_t i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 'A') continue;
    UErrorCode st = U_ZERO_ERROR;
    UScriptCode s = uscript_getScript(c, &st);
    if (U_SUCCESS(st) && s != USCRIPT_COMMON && s != USCRIPT_INHERITED) ++counts[s];
  }
  UScriptCode best = USCRIPT_INVALID_CODE;
  int most = 0;
  for (auto [s, k] : counts) if (k > most) { most = k; best = s; }
  return best == USCRIPT_INVALID_CODE ? std::string() : std::string(uscript_getShortName(best));
}

}  // namespace

LanguageGuess detect_language(std::string_view text, std::string_view hint) {
  LanguageGuess g;
  g.script = dominant_script(text.substr(0, kLanguageSampleBytes));
  if (text.empty()) return g;
  std::string h(hint.substr(0, hint.find_first_of("-_")));
  CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  if (!h.empty()) hints.language_hint = CLD2::GetLanguageFromName(h.c_str());
  CLD2::Language langs[3];
  int percents[3];
  double scores[3];
  int bytes = 0;
  bool reliable = false;
  size_t len = std::min<size_t>(text.size(), kLanguageSampleBytes);
  while (len < text.size() && len > 0 && (static_cast<unsigned char>(text[len]) & 0xC0) == 0x80) --len;
  CLD2::Language top = CLD2::ExtDetectLanguageSummary(text.data(), static_cast<int>(len),
                                                      /*is_plain_text=*/true, &hints, 0, langs, percents, scores,
                                                      nullptr, &bytes, &reliable);
  if (top == CLD2::UNKNOWN_LANGUAGE) return g;
  std::string code = CLD2::LanguageCode(top);
  // CLD2 says "sr-ME" for Montenegrin and "zh-Hant" for traditional
  // Chinese; the contract keeps the primary subtag.
  g.code = code.substr(0, code.find('-'));
  g.percent = percents[0];
  g.reliable = reliable;
  return g;
}

}  // namespace seismo
