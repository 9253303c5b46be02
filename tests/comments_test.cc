// The comments stage: normalisation of disguised spellings, the lexicon
// format, and the scorer's reading of targets, negation, threats, quotes and
// condemnation. The bundled lexicons are the ones the build copies.
#include <gtest/gtest.h>

#include <unicode/unistr.h>

#include "comments/abuse.h"
#include "comments/lexicon.h"
#include "comments/normalise.h"
#include "test_files.h"

namespace seismo {
namespace {

const AbuseScorer& scorer() {
  static std::unique_ptr<AbuseScorer> s = [] {
    std::vector<std::string> warnings;
    auto loaded = AbuseScorer::load({}, warnings);
    for (const auto& w : warnings) ADD_FAILURE() << w;
    return loaded;
  }();
  return *s;
}

AbuseFlags flags(const std::string& text) { return scorer().score(text).flags; }

// The text of [start, end) in code points.
std::string span(const std::string& text, size_t start, size_t end) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  std::string out;
  u.tempSubStringBetween(u.moveIndex32(0, static_cast<int32_t>(start)), u.moveIndex32(0, static_cast<int32_t>(end)))
      .toUTF8String(out);
  return out;
}

TEST(Comments, OneInsultInEveryScriptAndSpelling) {
  for (const char* text : {"You need lessons, majmune!", "Ти си мајмун.", "MAJMUNE, read it", "ti si majmunčina",
                           "You started it, svinjo.", "Ti je budallai i fshatit."}) {
    EXPECT_GE(flags(text).insult, 0.5) << text;
  }
}

TEST(Comments, DisguisedSpellingsAreRead) {
  for (const char* text : {"f*ck you", "what the f**k is this", "this is sh1t", "you a$$hole", "fuuuuuck off",
                           "f u c k off", "you are an idi0t"}) {
    AbuseFlags f = flags(text);
    EXPECT_GE(std::max(f.toxicity, f.profanity), 0.5) << text;
  }
  // A Cyrillic "с" inside a Latin word reads as the Latin letter it imitates.
  EXPECT_GE(flags("you \xD1\x81unt").profanity, 0.5);
}

TEST(Comments, NumbersAndIdentifiersAreNotDecoded) {
  for (const char* text : {"Call 555-0134 after 5 pm.", "The B2B deal was 4x4 and 3d printed.",
                           "Resolution 1244 applies.", "He wrote 5h1 in the form"}) {
    EXPECT_LT(flags(text).toxicity, 0.5) << text;
  }
}

TEST(Comments, IdentityTermsAloneNeverFlag) {
  for (const char* text : {"Serbs and Albanians live in Mitrovica.", "Muslims pray on Fridays.", "Srbi i Albanci.",
                           "Shqiptarët dhe serbët.", "I live with two Muslims.", "Jews, Christians and Muslims met."}) {
    AbuseScore s = scorer().score(text);
    EXPECT_FALSE(s.flagged()) << text;
    EXPECT_TRUE(s.targets.empty()) << text;
  }
}

TEST(Comments, AnAttackNamesTheGroupAttacked) {
  AbuseScore s = scorer().score("Muslims are vermin.");
  EXPECT_GE(s.flags.identity_attack, 0.5);
  ASSERT_EQ(s.targets.size(), 1u);
  EXPECT_EQ(s.targets[0], "muslims");
  // Through "they", in the next sentence.
  AbuseScore t = scorer().score("I have met many immigrants. They are all parasites.");
  EXPECT_GE(t.flags.identity_attack, 0.5);
  ASSERT_EQ(t.targets.size(), 1u);
  EXPECT_EQ(t.targets[0], "immigrants");
}

TEST(Comments, NegationAndQuestions) {
  EXPECT_LT(flags("I don't hate Muslims.").identity_attack, 0.5);
  EXPECT_GE(flags("I hate Muslims.").identity_attack, 0.5);
  EXPECT_LT(flags("Muslims are not vermin.").identity_attack, 0.5);
  // A negator opening a question asks, it does not deny.
  EXPECT_GE(flags("Aren't Muslims just vermin?").identity_attack, 0.5);
  // A good quality denied to a group.
  EXPECT_GE(flags("Immigrants are never trustworthy.").identity_attack, 0.5);
}

TEST(Comments, ThreatsAreWishedNotReported) {
  EXPECT_GE(flags("We will kill them all.").threat, 0.5);
  EXPECT_GE(flags("Kill them all.").threat, 0.5);
  EXPECT_GE(flags("Those people should be shot.").threat, 0.5);
  EXPECT_LT(flags("The Romans massacred them long ago.").threat, 0.5);
  EXPECT_LT(flags("The drought killed the crops.").threat, 0.5);
  EXPECT_LT(flags("I will not hurt anyone.").threat, 0.5);
}

TEST(Comments, CondemningOrQuotingAbuseScoresLowerThanAbuse) {
  double abuse = flags("You Albanians are monkeys.").identity_attack;
  double condemned = flags("Calling Albanians 'monkeys' is racist.").identity_attack;
  double quoted = flags("He wrote \"you are monkeys\" and left.").insult;
  EXPECT_GE(abuse, 0.5);
  EXPECT_LT(condemned, 0.5);
  EXPECT_LT(condemned, abuse);
  EXPECT_LT(quoted, flags("you are monkeys").insult);
  EXPECT_TRUE(scorer().score("Calling Albanians 'monkeys' is racist.").targets.empty()) << "named, not attacked";
}

TEST(Comments, ReclaimedSlurIsNotAnAttack) {
  EXPECT_LT(flags("We queers are proud of who we are.").identity_attack, 0.5);
  EXPECT_LT(flags("As a dyke myself, I love this film.").identity_attack, 0.5);
  EXPECT_GE(flags("Look at that dyke over there.").identity_attack, 0.5);
}

TEST(Comments, OrdinaryDisagreementIsNotFlagged) {
  for (const char* text : {"They play both sides mostly.", "That's right.", "I think you are wrong about the dates.",
                           "It is in accordance with the UN Security Council Resolution number 1244.",
                           "Looks like they chose NATO over Putin."}) {
    EXPECT_FALSE(scorer().score(text).flagged()) << text;
  }
}

TEST(Comments, ReasonsPointAtTheWordsInCodePoints) {
  std::string text = "Ђура, ти си мајмун!";
  AbuseScore s = scorer().score(text);
  ASSERT_FALSE(s.reasons.empty());
  EXPECT_EQ(s.reasons[0].category, "insult");
  EXPECT_EQ(span(text, s.reasons[0].start, s.reasons[0].end), "мајмун");
}

TEST(Comments, LexiconLinesAreCheckedOneByOne) {
  testing::TempDir dir;
  std::string path = dir.write("x.txt",
                               "insult | early\n"               // 1: before @language
                               "@language en\n"                 // 2
                               "insult | dolt~ | 0.8\n"         // 3: fine
                               "rudeness | oaf\n"               // 4: unknown category
                               "insult | lout | 1.5\n"          // 5: weight out of range
                               "insult | boor | 0.5 | sneaky\n" // 6: unknown mark
                               "insult | ***\n");               // 7: no letters
  AbuseLexicon lex;
  std::vector<std::string> warnings;
  ASSERT_TRUE(lex.load(path, warnings));
  ASSERT_EQ(warnings.size(), 5u);
  EXPECT_NE(warnings[0].find("x.txt:1: no @language"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[1].find("x.txt:4: expected CATEGORY"), std::string::npos) << warnings[1];
  EXPECT_NE(warnings[2].find("x.txt:5: weight"), std::string::npos) << warnings[2];
  EXPECT_NE(warnings[3].find("x.txt:6: unknown mark"), std::string::npos) << warnings[3];
  EXPECT_NE(warnings[4].find("x.txt:7: "), std::string::npos) << warnings[4];
  std::string error;
  ASSERT_TRUE(lex.compile(&error)) << error;
  // "dolt~" in English: dolt, dolts, dolted, dolting (the inflections).
  size_t dolts = 0;
  for (const auto& e : lex.entries()) dolts += e.term == "dolt~";
  EXPECT_GE(dolts, 3u);
  EXPECT_TRUE(lex.view().is_word("dolts"));
}

TEST(Comments, NpmWordListsLoadWithTheirRatings) {
  testing::TempDir dir;
  std::string cuss = dir.write("cuss-en.js",
                               "export const cuss = {\n  african: 0,\n  bloody: 1,\n  'damn it': 2,\n  dolt: 2,\n};\n");
  std::string list = dir.write("naughty-words-en.json", "[\"grumbleword\", 7, \"dolt\"]");
  std::string bad = dir.write("naughty-words-xx.json", "{\"not\": \"a list\"}");
  std::string mine = dir.write("mine.txt", "@language en\ninsult | dolt | 0.9\n");
  AbuseLexicon lex;
  std::vector<std::string> warnings;
  ASSERT_TRUE(lex.load(mine, warnings));
  ASSERT_TRUE(lex.load_cuss(cuss, warnings));
  ASSERT_TRUE(lex.load_word_list(list, warnings));
  EXPECT_FALSE(lex.load_word_list(bad, warnings));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("not a JSON array"), std::string::npos);
  auto find = [&](const std::string& key) -> const LexEntry* {
    for (const auto& e : lex.entries())
      if (e.key == key) return &e;
    return nullptr;
  };
  EXPECT_EQ(find("african"), nullptr) << "rated 0: innocent";
  ASSERT_TRUE(find("bloody"));
  EXPECT_TRUE(find("bloody")->ambiguous) << "rated 1";
  ASSERT_TRUE(find("damn it"));
  EXPECT_FALSE(find("damn it")->ambiguous) << "rated 2";
  EXPECT_EQ(find("damn it")->category, LexCategory::kProfanity);
  ASSERT_TRUE(find("grumbleword"));
  ASSERT_TRUE(find("dolt"));
  EXPECT_EQ(find("dolt")->category, LexCategory::kInsult) << "the project's entry wins over the lists";
  size_t dolts = 0;
  for (const auto& e : lex.entries()) dolts += e.key == "dolt";
  EXPECT_EQ(dolts, 1u);
}

TEST(Comments, OwnLexiconReplacesTheBundledOnes) {
  testing::TempDir dir;
  std::string path = dir.write("mine.txt", "@language en\ninsult | nincompoop~ | 0.9\naddressee | you\n");
  std::vector<std::string> warnings;
  AbuseOptions opts;
  opts.lexicons = {path};
  auto own = AbuseScorer::load(opts, warnings);
  ASSERT_TRUE(own);
  EXPECT_TRUE(warnings.empty());
  EXPECT_GE(own->score("you nincompoops").flags.insult, 0.5);
  EXPECT_LT(own->score("you idiot").flags.insult, 0.5) << "the bundled lexicons are not loaded";
  std::vector<std::string> w2;
  opts.lexicons = {dir.path("missing.txt")};
  EXPECT_FALSE(AbuseScorer::load(opts, w2));
  ASSERT_FALSE(w2.empty());
  EXPECT_NE(w2[0].find("missing.txt: cannot read"), std::string::npos);
}

TEST(Comments, LongAndEmptyTextsAreSafe) {
  EXPECT_FALSE(scorer().score("").flagged());
  std::string big;
  for (int i = 0; i < 20000; ++i) big += "word idiot, ";
  AbuseScore s = scorer().score(big);
  EXPECT_GE(s.flags.insult, 0.5);
}

}  // namespace
}  // namespace seismo
