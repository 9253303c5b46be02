// The comments stage: normalisation of disguised spellings, the lexicon
// format, and the scorer's reading of targets, negation, threats, quotes and
// condemnation. The bundled lexicons are the ones the build copies.
#include <gtest/gtest.h>

#include <set>

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

// Text of an unknown language (every lexicon), or of `language`.
AbuseFlags flags(const std::string& text, const std::string& language = "") {
  return scorer().score(text, language).flags;
}

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
    AbuseScore s = scorer().score(text, "");
    EXPECT_FALSE(s.flagged()) << text;
    EXPECT_TRUE(s.targets.empty()) << text;
  }
}

TEST(Comments, AnAttackNamesTheGroupAttacked) {
  AbuseScore s = scorer().score("Muslims are vermin.", "");
  EXPECT_GE(s.flags.identity_attack, 0.5);
  ASSERT_EQ(s.targets.size(), 1u);
  EXPECT_EQ(s.targets[0], "muslims");
  // Through "they", in the next sentence.
  AbuseScore t = scorer().score("I have met many immigrants. They are all parasites.", "");
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
  EXPECT_TRUE(scorer().score("Calling Albanians 'monkeys' is racist.", "").targets.empty()) << "named, not attacked";
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
    EXPECT_FALSE(scorer().score(text, "").flagged()) << text;
  }
}

TEST(Comments, ReasonsPointAtTheWordsInCodePoints) {
  std::string text = "Ђура, ти си мајмун!";
  AbuseScore s = scorer().score(text, "");
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
  EXPECT_TRUE(lex.view("").is_word("dolts"));
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
  ASSERT_TRUE(lex.load_cuss(cuss, "en", warnings));
  ASSERT_TRUE(lex.load_word_list(list, "en", warnings));
  EXPECT_FALSE(lex.load_word_list(bad, "en", warnings));
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

// Each entry knows its language: text identified as another language meets
// only the exact words marked international, never their inflections or
// typos, and is never read as a mistyped word of another lexicon.
TEST(Comments, TextOfAnotherLanguageMeetsOnlyInternationalWords) {
  testing::TempDir dir;
  std::string path = dir.write("mine.txt",
                               "@language en\n"
                               "insult | dolt~; blockhead | 0.9\n"
                               "profanity | frack~ | 0.9\n"
                               "international | frack\n"
                               "international | grumble\n");  // no such entry
  AbuseOptions opts;
  opts.lexicons = {path};
  std::vector<std::string> warnings;
  auto own = AbuseScorer::load(opts, warnings);
  ASSERT_TRUE(own);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("mine.txt:5: international"), std::string::npos) << warnings[0];
  EXPECT_GE(own->score("du dolt", "en").flags.insult, 0.5);
  EXPECT_GE(own->score("du dolt", "").flags.insult, 0.5) << "an unknown language meets every lexicon";
  EXPECT_GE(own->score("du dolt", "en-GB").flags.insult, 0.5) << "the region is not the language";
  EXPECT_TRUE(own->score("du dolt", "de").reasons.empty()) << "not international";
  EXPECT_GE(own->score("so ein frack", "de").flags.profanity, 0.5) << "international, exact";
  EXPECT_TRUE(own->score("so ein fracking Tag", "de").reasons.empty()) << "an English inflection in German";
  EXPECT_GE(own->score("you blokchead", "en").flags.insult, 0.5) << "a typo in English text";
  EXPECT_TRUE(own->score("du blokchead", "de").reasons.empty()) << "no typo reading in German text";
  EXPECT_TRUE(own->score("du blokchead", "it").reasons.empty()) << "nor in a language of no lexicon here";
  EXPECT_FALSE(own->covers("de"));
  EXPECT_TRUE(own->covers("en-US"));
}

TEST(Comments, BundledListsStayInTheirLanguage) {
  // German words one letter from English list words ("damnit", "flange",
  // "reefer"), Italian "ho" (I have) and English "ho".
  for (const char* text : {"Es dauert lange, damit es klappt.", "Daher die Karte."}) {
    EXPECT_TRUE(scorer().score(text, "de").reasons.empty()) << text;
  }
  EXPECT_TRUE(scorer().score("Ho fame.", "it").reasons.empty());
  EXPECT_GE(flags("You stupid ho.", "en").toxicity, 0.5);
  EXPECT_GE(flags("Die Serben sind Nazis.", "sr").toxicity, 0.0);
  // Serbian, Croatian and Bosnian share one lexicon.
  for (const char* lang : {"sr", "hr", "bs"}) EXPECT_GE(flags("Ti si majmun.", lang).insult, 0.5) << lang;
  // Disguised international words are still read in any language.
  EXPECT_GE(flags("So ein f*ck.", "de").profanity, 0.5);
}

// A word that is itself an ordinary word of the lexicon's language (a
// frequent word of the subtitle corpus) is never read as a typo.
TEST(Comments, OrdinaryWordsAreNeverTypos) {
  for (const char* text : {"Please refer to the report.", "What are they doing there?",
                           "Here's the batch they piped in."}) {
    AbuseScore s = scorer().score(text, "en");
    EXPECT_TRUE(s.reasons.empty()) << text << ": " << (s.reasons.empty() ? "" : s.reasons[0].term);
  }
  // Typos that are no words still read.
  EXPECT_GE(flags("Muslms are vermin.", "en").identity_attack, 0.5);
  EXPECT_GE(flags("All wmoen are scum.", "en").identity_attack, 0.5);
  // Without the frequency list "refer" would be "reefer" mistyped.
  AbuseOptions no_list;
  no_list.common_words = false;
  std::vector<std::string> warnings;
  auto plain = AbuseScorer::load(no_list, warnings);
  ASSERT_TRUE(plain);
  EXPECT_FALSE(plain->score("Please refer to the report.", "en").reasons.empty()) << "the test shows nothing";
}

// A word of the npm lists that is also an ordinary English word (frequent in
// the subtitle corpus) counts only when aimed at someone; a list word made
// of a curated swear word stays a swear word however frequent.
TEST(Comments, OrdinaryWordsOfTheNpmListsCountOnlyWhenAimed) {
  for (const char* text : {"They spit on the agreement.", "Randy said the talks failed.", "the troops went to dix"}) {
    AbuseScore s = scorer().score(text, "en");
    EXPECT_TRUE(s.reasons.empty()) << text << ": " << (s.reasons.empty() ? "" : s.reasons[0].term);
  }
  EXPECT_GE(flags("You sucker.", "en").toxicity, 0.5) << "aimed at the person addressed";
  EXPECT_GE(flags("Typical of a woman to be such a total shithead.", "en").toxicity, 0.5) << "holds 'shit'";

  testing::TempDir dir;
  std::string mine = dir.write("mine.txt", "@language en\nprofanity | shit\n");
  std::string cuss = dir.write("cuss-en.js", "export const cuss = {\n  spit: 2,\n  shithead: 2,\n  gloop: 2,\n};\n");
  std::string freq = dir.write("subtlex-en.json",
                               "[{\"word\": \"spit\", \"count\": 15}, {\"word\": \"Spit\", \"count\": 10},"
                               " {\"word\": \"shithead\", \"count\": 500}, {\"word\": \"gloop\", \"count\": 3}]");
  AbuseLexicon lex;
  std::vector<std::string> warnings;
  ASSERT_TRUE(lex.load(mine, warnings));
  ASSERT_TRUE(lex.load_cuss(cuss, "en", warnings));
  ASSERT_TRUE(lex.load_common_words(freq, "en", 10, warnings));
  EXPECT_EQ(lex.frequency("spit", "en"), 25) << "every spelling together";
  lex.mark_ordinary_words(20);
  std::set<std::string> ordinary;
  for (const auto& e : lex.entries())
    if (e.ordinary) ordinary.insert(e.key);
  EXPECT_EQ(ordinary, std::set<std::string>{"spit"}) << "shithead holds a curated word, gloop is rare";
}

// A capitalised word inside a sentence is a name; the npm lists' entries
// never match one, at the start of a sentence or shouted they still do.
TEST(Comments, NpmListWordsDoNotMatchNames) {
  EXPECT_TRUE(scorer().score("The report by Piker was published.", "en").reasons.empty());
  EXPECT_GE(flags("The report by piker was published.", "en").toxicity, 0.5) << "the test shows nothing";
  EXPECT_GE(flags("It was published. Piker wrote it.", "en").toxicity, 0.5) << "opens a sentence";
  EXPECT_GE(flags("The report by PIKER was published.", "en").toxicity, 0.5) << "shouted";
}

TEST(Comments, ShortWordsAreNeverTypos) {
  testing::TempDir dir;
  std::string path = dir.write("mine.txt", "@language en\ninsult | brute; brutes | 0.9\naddressee | you\n");
  AbuseOptions opts;
  opts.lexicons = {path};
  opts.common_words = false;
  std::vector<std::string> warnings;
  auto own = AbuseScorer::load(opts, warnings);
  ASSERT_TRUE(own);
  EXPECT_GE(own->score("you burte", "en").flags.insult, 0.5) << "five letters: a typo";
  EXPECT_GE(own->score("you brtes", "en").flags.insult, 0.5) << "five letters, one dropped";
  EXPECT_TRUE(own->score("you brte", "en").reasons.empty()) << "four letters";
  EXPECT_TRUE(own->score("you rbut", "en").reasons.empty());
}

// English inflections are the spelling rules' guesses, kept only when
// Snowball's stemmer reads them as forms of the word.
TEST(Comments, EnglishInflectionsAreCheckedWithTheStemmer) {
  testing::TempDir dir;
  std::string path = dir.write("x.txt", "@language en\ninsult | rat~; dog~; kill~; party~; execute~\n");
  AbuseLexicon lex;
  std::vector<std::string> warnings;
  ASSERT_TRUE(lex.load(path, warnings));
  std::set<std::string> keys;
  for (const auto& e : lex.entries()) keys.insert(e.key);
  for (const char* real : {"rat", "rats", "ratted", "ratting", "dogs", "dogged", "killed", "killing", "parties",
                           "executed", "executing"}) {
    EXPECT_TRUE(keys.count(real)) << real;
  }
  for (const char* wrong : {"rated", "rating", "doged", "doging"}) EXPECT_FALSE(keys.count(wrong)) << wrong;
}

// Italian text meets the Italian lexicon only: it has its own disease
// metaphors, words of hatred and announced intentions.
TEST(Comments, ItalianTextReadsTheItalianLexicon) {
  EXPECT_GE(flags("Gli immigrati sono un virus.", "it").identity_attack, 0.5);
  EXPECT_GE(flags("Ho tanto astio per voi musulmani.", "it").identity_attack, 0.5);
  EXPECT_GE(flags("Ho davvero intenzione di ammazzare quel gay.", "it").identity_attack, 0.5);
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
  EXPECT_GE(own->score("you nincompoops", "en").flags.insult, 0.5);
  EXPECT_LT(own->score("you idiot", "en").flags.insult, 0.5) << "the bundled lexicons are not loaded";
  std::vector<std::string> w2;
  opts.lexicons = {dir.path("missing.txt")};
  EXPECT_FALSE(AbuseScorer::load(opts, w2));
  ASSERT_FALSE(w2.empty());
  EXPECT_NE(w2[0].find("missing.txt: cannot read"), std::string::npos);
}

TEST(Comments, LongAndEmptyTextsAreSafe) {
  EXPECT_FALSE(scorer().score("", "").flagged());
  std::string big;
  for (int i = 0; i < 20000; ++i) big += "word idiot, ";
  AbuseScore s = scorer().score(big, "");
  EXPECT_GE(s.flags.insult, 0.5);
}

}  // namespace
}  // namespace seismo
