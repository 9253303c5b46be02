#include <gtest/gtest.h>

#include "language/language.h"

namespace seismo {
namespace {

TEST(Language, LanguageAndScript) {
  auto en = detect_language("Several hundred people gathered in front of the municipal building on Monday morning, "
                            "demanding that the police withdraw from the northern towns.");
  EXPECT_EQ(en.code, "en");
  EXPECT_EQ(en.script, "Latn");
  auto sr = detect_language("Неколико стотина грађана окупило се у понедељак испред зграде општине и захтевало "
                            "повлачење полиције из северних општина.");
  EXPECT_EQ(sr.script, "Cyrl");
  EXPECT_NE(sr.code, "en");
  EXPECT_NE(sr.code, "und");
  EXPECT_EQ(detect_language("").code, "und");
}

}  // namespace
}  // namespace seismo
