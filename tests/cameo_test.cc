// The CAMEO pattern coder: its phrase language, the TABARI/PETRARCH
// dictionary loaders, the sparse parse's rules, and the two peers'
// validation suites from ../shared.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "events/cameo_coder.h"
#include "events/validation.h"
#include "test_files.h"

namespace seismo::cameo {
namespace {

using Kind = PhraseElement::Kind;

Phrase parse(const std::string& text) {
  Phrase p;
  std::string error;
  EXPECT_TRUE(parse_phrase(text, p, error)) << text << ": " << error;
  return p;
}

TEST(CameoPhrase, ConnectorsMarkClosedAndJoinedWords) {
  Phrase p = parse("SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS");
  ASSERT_EQ(p.size(), 6u);
  EXPECT_EQ(p[0].word, "SUGGESTED");
  EXPECT_EQ(p[0].form, WordForm::kClosed);
  EXPECT_TRUE(p[0].joined);
  EXPECT_EQ(p[1].kind, Kind::kTarget);
  EXPECT_FALSE(p[1].joined);
  EXPECT_EQ(p[2].kind, Kind::kVerb);
  EXPECT_TRUE(p[3].joined);
  ASSERT_EQ(p[4].kind, Kind::kChoice);
  ASSERT_EQ(p[4].choices.size(), 2u);
  EXPECT_EQ(p[4].choices[0][0].form, WordForm::kClosed);
  EXPECT_EQ(p[4].choices[1][0].form, WordForm::kOpen);
  EXPECT_TRUE(p[4].joined);
  EXPECT_EQ(p[5].word, "CONVENTIONS");

  // A trailing '_' before a blank closes the word without joining it.
  Phrase in = parse("IN_ *");
  EXPECT_EQ(in[0].form, WordForm::kClosed);
  EXPECT_FALSE(in[0].joined);
  EXPECT_TRUE(parse("IN_*")[0].joined);
  // '~' keeps a word open; '=' makes it exact; a hyphen joins like '_'.
  Phrase open = parse("REAL~_PLEASANT");
  EXPECT_EQ(open[0].form, WordForm::kOpen);
  EXPECT_TRUE(open[0].joined);
  EXPECT_EQ(parse("MOUSE=")[0].form, WordForm::kExact);
  Phrase hyphen = parse("STONE-GATE");
  ASSERT_EQ(hyphen.size(), 2u);
  EXPECT_TRUE(hyphen[0].joined);

  std::string error;
  EXPECT_FALSE(parse_phrase("* FOR { A | B", p, error));
  EXPECT_NE(error.find("'{'"), std::string::npos);
  EXPECT_FALSE(parse_phrase("* { | B }", p, error));
  EXPECT_TRUE(parse_phrase("* { A { B | C } | D }", p, error));
  EXPECT_FALSE(parse_phrase("* { { { { { A } } } } }", p, error));  // found by fuzz_cameo: memory grew exponentially
  EXPECT_NE(error.find("nested"), std::string::npos);
}

TEST(CameoPhrase, WordFormsAndEndings) {
  PhraseElement open = parse("AVALON")[0];
  EXPECT_TRUE(word_matches(open, "AVALONIAN", Endings::kNoun));
  PhraseElement closed = parse("HARBOUR_")[0];
  EXPECT_TRUE(word_matches(closed, "HARBOURS", Endings::kNoun));
  EXPECT_TRUE(word_matches(closed, "HARBOUR'S", Endings::kNoun));
  EXPECT_FALSE(word_matches(closed, "HARBOURX", Endings::kNoun));
  EXPECT_FALSE(word_matches(closed, "HARBOURS", Endings::kNone));
  PhraseElement verb = parse("DECLARE_")[0];
  for (const char* w : {"DECLARE", "DECLARES", "DECLARED", "DECLARING"}) EXPECT_TRUE(word_matches(verb, w, Endings::kVerb)) << w;
  for (const char* w : {"DECLAREX", "DECLARE'S", "DECLARATION"}) EXPECT_FALSE(word_matches(verb, w, Endings::kVerb)) << w;
  PhraseElement exact = parse("MOUSE=")[0];
  EXPECT_FALSE(word_matches(exact, "MOUSES", Endings::kNoun));
}

TEST(CameoPhrase, AlternativesSpellOutIntoRankedPatterns) {
  auto all = expand_choices(parse("* RESIST { TO THE END | UNTIL DAWN }"));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].size(), 5u);
  EXPECT_EQ(all[1].size(), 4u);
  EXPECT_GT(phrase_weight(parse("* RESISTANCE TO THE INVADING")), phrase_weight(all[0]));
  EXPECT_LT(phrase_weight(parse("* &MONEY")), phrase_weight(parse("* DOLLAR")));
}

// A fictional world for the coder's rules (not any peer's dictionaries).
class CameoCoderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.write("t.actors",
               "<NOUN>\nCATTLE\nHORSES_\n</NOUN>\n<ADJECTIVE>\nGRIM\nNOBLE\n</ADJECTIVE>\n"
               "AVALON [AVA]\nLYONESSE_ [LYO]\nCAMELOT\n+KINGSBRIDGE\n\t[CAM]\n"
               "ORKNEY [ORK <900101] [ORR]\nMERCIA_ [###]\nJESTER_ [+++]\nBORS [---]\nTHE_ISLES [ISA/ISB]\n");
    dir_.write("t.agents", "MINISTER_ [~GOV]\nSOLDIERS_ [~MIL]\nMONKS_ [REL~]\n");
    dir_.write("t.verbs",
               "<SYNSETS>\n&COIN\n+GOLD\n+SILVER_PIECES\n</SYNSETS>\n"
               "PRAISE_ [041]\n- * &COIN [071]\nCONDEMN [122]\nVISIT_ [032:033]\nRAID [190]\n- + WAS * BY $ [195]\n"
               "TALK_ [---]\n- % * [031]\nWHISPER [023?]\nTOURNEY [###]\nFEAST [+++]\nSEND [---]\n- * { ENVOYS | HERALDS } TO [036]\n"
               "- * BROKEN { PATTERN [001]\n");
    dir_.write("t.options", "COMPLEX: VERBS[6] CONJ[5] NOACTPRIOR\n");
    project_ = dir_.write("t.project",
                          "<actorsfile> t.actors\n<verbsfile> t.verbs\n<agentsfile> t.agents\n<optionsfile> t.options\n");
    std::vector<std::string> warnings;
    ASSERT_TRUE(dict_.load_tabari_project(project_, warnings));
    warnings_ = warnings;
    dict_.options().min_words = 0;
  }

  std::vector<std::string> code(const std::string& sentence, int day = 10000) {
    CameoCoder coder(dict_);
    SentenceCoding c = coder.code(sentence, day, dict_.options());
    last_ = c;
    std::vector<std::string> out;
    for (const auto& e : c.events) out.push_back(e.source + "/" + e.target + "/" + e.code);
    std::sort(out.begin(), out.end());
    return out;
  }

  testing::TempDir dir_;
  std::string project_;
  CameoDictionary dict_;
  std::vector<std::string> warnings_;
  SentenceCoding last_;
};

using V = std::vector<std::string>;

TEST_F(CameoCoderTest, ABadPatternIsNamedAndTheRestLoads) {
  ASSERT_EQ(warnings_.size(), 1u);
  EXPECT_NE(warnings_[0].find("t.verbs:"), std::string::npos);
  EXPECT_NE(warnings_[0].find("'{'"), std::string::npos);
  EXPECT_EQ(code("Avalon praised Lyonesse."), V{"AVA/LYO/041"});
}

TEST_F(CameoCoderTest, SourceIsTheFirstActorAndTargetTheFirstAfterTheVerb) {
  EXPECT_EQ(code("Avalon condemned Lyonesse and Camelot on Sunday."), (V{"AVA/CAM/122", "AVA/LYO/122"}));
  EXPECT_EQ(code("Avalon and the grim Camelot condemned Lyonesse."), (V{"AVA/LYO/122", "CAM/LYO/122"}));
  // A conjunction between two adjectives joins them, not two actors.
  EXPECT_EQ(code("Avalon's grim and noble minister Camelot condemned Lyonesse."), V{"AVA/LYO/122"});
  // List commas join a compound; they do not delimit an aside.
  EXPECT_EQ(code("Avalon, the grim Camelot, and Orkney condemned Lyonesse."),
            (V{"AVA/LYO/122", "CAM/LYO/122", "ORR/LYO/122"}));
  // Synonyms share their block's codes; dated codes follow the day.
  EXPECT_EQ(code("Kingsbridge condemned Orkney.", 5000), V{"CAM/ORK/122"});
  EXPECT_EQ(code("Kingsbridge condemned Orkney.", 10000), V{"CAM/ORR/122"});
  // A code naming several actors codes each.
  EXPECT_EQ(code("The Isles condemned Avalon."), (V{"ISA/AVA/122", "ISB/AVA/122"}));
}

TEST_F(CameoCoderTest, PatternsSlotsAndPairedCodes) {
  EXPECT_EQ(code("Avalon praised the gold of Lyonesse."), V{"AVA/LYO/071"});
  EXPECT_EQ(code("Avalon praised silver pieces from Lyonesse."), V{"AVA/LYO/071"});
  EXPECT_EQ(code("Avalon praised silver from Lyonesse."), V{"AVA/LYO/041"});  // SILVER_PIECES needs both words
  EXPECT_EQ(code("Avalon will send heralds to Lyonesse."), V{"AVA/LYO/036"});
  EXPECT_EQ(code("Avalon will send spies to Lyonesse."), V{});  // a null code without its pattern
  EXPECT_EQ(code("Avalon visited Lyonesse."), (V{"AVA/LYO/032", "LYO/AVA/033"}));
  EXPECT_EQ(code("Avalon and Lyonesse talked for hours."), (V{"AVA/LYO/031", "LYO/AVA/031"}));
  // '+ WAS * BY $': the pattern's slots set target and source.
  EXPECT_EQ(code("Camelot was raided by Avalon."), V{"AVA/CAM/195"});
}

TEST_F(CameoCoderTest, AgentsJoinTheActorBesideThem) {
  EXPECT_EQ(code("Avalon's minister condemned Lyonesse soldiers."), V{"AVAGOV/LYOMIL/122"});
  EXPECT_EQ(code("The minister of Avalon condemned monks in Lyonesse."), V{"AVAGOV/RELLYO/122"});
  // An agent far from any actor is no actor.
  EXPECT_EQ(code("Avalon condemned the minister."), V{});
}

TEST_F(CameoCoderTest, ClausesCommasPronounsAndPassives) {
  // A conjunction before a verb shares the subject; before an actor it
  // starts a clause of its own.
  EXPECT_EQ(code("Avalon condemned Lyonesse and praised Camelot."), (V{"AVA/CAM/041", "AVA/LYO/122"}));
  EXPECT_EQ(code("Avalon condemned Lyonesse but Camelot praised Orkney."), (V{"AVA/LYO/122", "CAM/ORR/041"}));
  // A short aside between commas is dropped, with the actors in it.
  EXPECT_EQ(code("Avalon, long a friend of Lyonesse, condemned Camelot."), V{"AVA/CAM/122"});
  // The comma closing an aside stays a barrier: the words after it are
  // not an agent of the actor before the aside.
  EXPECT_EQ(code("Avalon condemned Lyonesse, its old rival in the west, minister said."), V{"AVA/LYO/122"});
  // Pronouns stand for the sentence's first actor.
  EXPECT_EQ(code("Avalon said it would condemn Lyonesse."), V{"AVA/LYO/122"});
  EXPECT_EQ(code("Lyonesse was condemned by Avalon."), V{"AVA/LYO/122"});
  // A weak code ('?') yields to a firm one in the clause.
  EXPECT_EQ(code("Avalon whispered that it condemned Lyonesse."), V{"AVA/LYO/122"});
  EXPECT_EQ(code("Avalon whispered to Lyonesse."), V{"AVA/LYO/023"});
  // Determiners and capitals make a verb a noun.
  EXPECT_EQ(code("Avalon held the raid on Lyonesse."), V{});
}

TEST_F(CameoCoderTest, NullDiscardAndComplexCodes) {
  EXPECT_EQ(code("Bors condemned Lyonesse."), V{});  // a null-coded actor is a noun
  EXPECT_EQ(code("Avalon condemned Mercia and Lyonesse."), V{});
  EXPECT_EQ(last_.outcome, SentenceCoding::Outcome::kDiscarded);
  EXPECT_EQ(code("Avalon condemned the jester of Lyonesse."), V{});
  EXPECT_EQ(last_.outcome, SentenceCoding::Outcome::kComplex);
  EXPECT_EQ(code("Avalon will tourney against Lyonesse."), V{});
  EXPECT_EQ(last_.outcome, SentenceCoding::Outcome::kDiscarded);
  EXPECT_EQ(code("Avalon will feast with Lyonesse."), V{});
  EXPECT_EQ(last_.outcome, SentenceCoding::Outcome::kComplex);
  // NOACTPRIOR: no actor before the verb.
  EXPECT_EQ(code("Condemned by many, Lyonesse praised Avalon."), V{});
  EXPECT_EQ(last_.outcome, SentenceCoding::Outcome::kComplex);
}

TEST_F(CameoCoderTest, BadInputIsCodedOrRefusedWithoutHarm) {
  EXPECT_EQ(code(""), V{});
  EXPECT_EQ(code("\xff\xfe\x00 ,,, ;;; \"\"\" ((("), V{});
  std::string huge;
  for (int i = 0; i < 10000; ++i) huge += i % 7 == 0 ? "Avalon " : "and the grim word ";
  huge += "condemned Lyonesse.";
  code(huge);  // returns, with or without events
  dict_.options().max_words = 200;
  EXPECT_EQ(code(huge), V{});
  EXPECT_EQ(last_.outcome, SentenceCoding::Outcome::kComplex);
}

std::string shared(const std::string& rel) { return std::string(SEISMO_SHARED_DIR) + "/benchmarks/events/" + rel; }

double validation_share(const std::vector<RecordResult>& results, bool standard_only) {
  int exact = 0, total = 0;
  for (const auto& r : results) {
    if (standard_only && !r.record->standard) continue;
    exact += r.exact;
    ++total;
  }
  return total ? static_cast<double>(exact) / total : 0;
}

TEST(CameoValidation, TabariSuiteCodesAlmostEveryStandardRecord) {
  std::string project = shared("tabari/Validate.project");
  if (!std::filesystem::exists(project)) GTEST_SKIP() << "no TABARI suite in ../shared";
  CameoDictionary dict;
  std::vector<std::string> warnings;
  ASSERT_TRUE(dict.load_tabari_project(project, warnings));
  std::vector<ValidationRecord> records;
  ASSERT_TRUE(read_validation_records(project_text_file(project), records));
  auto results = run_validation(dict, records);
  EXPECT_GT(results.size(), 440u);
  // 437 of 444 standard records (98.4%) when this was written; the issue
  // asks 75%. The floor is close enough to notice a few records lost.
  EXPECT_GE(validation_share(results, true), 0.975);
}

TEST(CameoValidation, PetrarchSuiteFromTheRawText) {
  std::string dir = shared("petrarch2");
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "no PETRARCH suite in ../shared";
  CameoDictionary dict;
  std::vector<std::string> warnings;
  ASSERT_TRUE(dict.load_petrarch({dir}, warnings));
  dict.options().four_digit_years = true;
  std::vector<ValidationRecord> records;
  ASSERT_TRUE(read_petrarch_records(petrarch_records_file(dir), records));
  EXPECT_GT(records.size(), 280u);
  auto results = run_validation(dict, records);
  // 233 of 281 (82.9%) when this was written.
  EXPECT_GE(validation_share(results, false), 0.81);
}

}  // namespace
}  // namespace seismo::cameo
