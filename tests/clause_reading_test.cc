// The clause reading of the parse-based coder on hand-made parses, so
// that what it concludes from a tree is tested apart from how well the
// bundled model parses.
#include <gtest/gtest.h>

#include <sstream>

#include "events/action_dictionary.h"
#include "events/cameo_refine.h"
#include "events/clause_coder.h"
#include "events/clause_reading.h"
#include "events/parse_tree.h"

namespace seismo {
namespace {

// "form/lemma/UPOS/XPOS/head/deprel" per word, space separated.
struct Parsed {
  SentenceInput in;
  std::vector<SyntaxToken> words;
  explicit Parsed(const std::string& spec) {
    std::istringstream s(spec);
    std::string item;
    size_t offset = 0;
    while (s >> item) {
      SyntaxToken t;
      std::vector<std::string> f;
      std::istringstream fs(item);
      for (std::string x; std::getline(fs, x, '/');) f.push_back(x);
      if (f.size() != 6) ADD_FAILURE() << "bad word spec " << item;
      f.resize(6);
      t.form = f[0];
      t.lemma = f[1];
      t.upos = f[2];
      t.xpos = f[3];
      t.head = std::stoi(f[4]);
      t.deprel = f[5];
      t.begin = offset;
      t.end = offset + t.form.size();
      offset = t.end + 1;
      words.push_back(t);
    }
  }
  ParseTree tree() const { return ParseTree(in, words); }
};

int find(const ParseTree& t, const std::string& form) {
  for (size_t i = 0; i < t.size(); ++i)
    if (t.word(static_cast<int>(i)).form == form) return static_cast<int>(i);
  return -1;
}

TEST(ClauseReading, FailureAndNegationDeny) {
  Parsed p("Serbia/Serbia/PROPN/NNP/2/nsubj failed/fail/VERB/VBD/0/root to/to/PART/TO/4/mark "
           "reach/reach/VERB/VB/2/xcomp a/a/DET/DT/6/det deal/deal/NOUN/NN/4/obj");
  ParseTree t = p.tree();
  EXPECT_EQ(clause_modality(t, find(t, "reach")), Modality::kDenied);
  Parsed q("KFOR/KFOR/PROPN/NNP/4/nsubj can/can/AUX/MD/4/aux not/not/PART/RB/4/advmod protect/protect/VERB/VB/0/root "
           "Serbs/Serb/PROPN/NNPS/4/obj");
  ParseTree u = q.tree();
  EXPECT_EQ(clause_modality(u, find(u, "protect")), Modality::kDenied);
  Parsed r("Police/police/NOUN/NNS/2/nsubj arrested/arrest/VERB/VBD/0/root no/no/DET/DT/4/det one/one/NOUN/NN/2/obj");
  ParseTree v = r.tree();
  EXPECT_EQ(clause_modality(v, find(v, "arrested")), Modality::kDenied);
}

TEST(ClauseReading, IntentPurposeAndConditions) {
  Parsed p("Belgrade/Belgrade/PROPN/NNP/3/nsubj is/be/AUX/VBZ/3/aux preparing/prepare/VERB/VBG/0/root to/to/PART/TO/5/mark "
           "send/send/VERB/VB/3/xcomp troops/troop/NOUN/NNS/5/obj to/to/PART/TO/8/mark protect/protect/VERB/VB/5/advcl "
           "Serbs/Serb/PROPN/NNPS/8/obj");
  ParseTree t = p.tree();
  EXPECT_EQ(clause_modality(t, find(t, "send")), Modality::kPlanned);
  EXPECT_EQ(clause_modality(t, find(t, "protect")), Modality::kPlanned);
  EXPECT_EQ(clause_modality(t, find(t, "preparing")), Modality::kAsserted);
  Parsed q("If/if/SCONJ/IN/3/mark Serbia/Serbia/PROPN/NNP/3/nsubj attacks/attack/VERB/VBZ/6/advcl ,/,/PUNCT/,/3/punct "
           "NATO/NATO/PROPN/NNP/6/nsubj respond/respond/VERB/VB/0/root will/will/AUX/MD/6/aux");
  ParseTree u = q.tree();
  EXPECT_EQ(clause_modality(u, find(u, "attacks")), Modality::kHypothetical);
  EXPECT_EQ(clause_modality(u, find(u, "respond")), Modality::kPlanned);
  Parsed r("Vučić/Vučić/PROPN/NNP/2/nsubj said/say/VERB/VBD/0/root he/he/PRON/PRP/5/nsubj would/would/AUX/MD/5/aux "
           "meet/meet/VERB/VB/2/ccomp Kurti/Kurti/PROPN/NNP/5/obj");
  ParseTree v = r.tree();
  EXPECT_EQ(clause_modality(v, find(v, "meet")), Modality::kPlanned) << "reported future, not a condition";
  Parsed w("NATO/NATO/PROPN/NNP/3/nsubj would/would/AUX/MD/3/aux meet/meet/VERB/VB/0/root Serbia/Serbia/PROPN/NNP/3/obj");
  ParseTree x = w.tree();
  EXPECT_EQ(clause_modality(x, find(x, "meet")), Modality::kHypothetical);
  Parsed y("NATO/NATO/PROPN/NNP/2/nsubj threatened/threaten/VERB/VBD/0/root to/to/PART/TO/4/mark "
           "cut/cut/VERB/VB/2/xcomp ties/tie/NOUN/NNS/4/obj");
  ParseTree z = y.tree();
  EXPECT_EQ(clause_modality(z, find(z, "cut")), Modality::kThreatened);
  Parsed d("Serbia/Serbia/PROPN/NNP/2/nsubj denied/deny/VERB/VBD/0/root it/it/PRON/PRP/5/nsubj had/have/AUX/VBD/5/aux "
           "attacked/attack/VERB/VBN/2/ccomp KFOR/KFOR/PROPN/NNP/5/obj");
  ParseTree e = d.tree();
  EXPECT_EQ(clause_modality(e, find(e, "attacked")), Modality::kDenied);
}

TEST(ClauseReading, BackgroundClauses) {
  Parsed p("The/the/DET/DT/2/det army/army/NOUN/NN/4/nsubj had/have/AUX/VBD/4/aux shelled/shell/VERB/VBN/0/root "
           "the/the/DET/DT/6/det town/town/NOUN/NN/4/obj");
  ParseTree t = p.tree();
  EXPECT_TRUE(background_clause(t, find(t, "shelled")));
  Parsed q("Serbs/Serb/PROPN/NNPS/2/nsubj protested/protest/VERB/VBD/0/root since/since/SCONJ/IN/5/mark "
           "NATO/NATO/PROPN/NNP/5/nsubj bombed/bomb/VERB/VBD/2/advcl Serbia/Serbia/PROPN/NNP/5/obj");
  ParseTree u = q.tree();
  EXPECT_TRUE(background_clause(u, find(u, "bombed")));
  EXPECT_FALSE(background_clause(u, find(u, "protested")));
  Parsed r("Police/police/NOUN/NNS/2/nsubj have/have/AUX/VBP/3/aux arrested/arrest/VERB/VBN/0/root two/two/NUM/CD/5/nummod "
           "Serbs/Serb/PROPN/NNPS/3/obj");
  ParseTree v = r.tree();
  EXPECT_FALSE(background_clause(v, find(v, "arrested"))) << "the present perfect is news";
}

TEST(ClauseReading, YearsAfterPrepositionsOfTime) {
  Parsed p("In/in/ADP/IN/2/case 1999/1999/NUM/CD/6/obl ,/,/PUNCT/,/2/punct NATO/NATO/PROPN/NNP/5/nsubj "
           "after/after/SCONJ/IN/5/mark attacked/attack/VERB/VBD/6/advcl withdrew/withdraw/VERB/VBD/0/root");
  ParseTree t = p.tree();
  auto d = clause_date(t, p.in, find(t, "attacked"));
  ASSERT_TRUE(d.has_value()) << "a time clause is dated by the clause it modifies";
  EXPECT_EQ(d->value, "1999");
  EXPECT_EQ(d->precision, DatePrecision::kYear);
  Parsed q("Serbia/Serbia/PROPN/NNP/2/nsubj signed/sign/VERB/VBD/0/root the/the/DET/DT/5/det 2020/2020/NUM/CD/5/nummod "
           "agreement/agreement/NOUN/NN/2/obj");
  ParseTree u = q.tree();
  EXPECT_FALSE(clause_date(u, q.in, find(u, "signed")).has_value()) << "a year naming a thing is not a time phrase";
}

TEST(ClauseReading, TheSpeakerOfAReportedClause) {
  Parsed p("Petković/Petković/PROPN/NNP/2/nsubj said/say/VERB/VBD/0/root that/that/SCONJ/IN/5/mark "
           "police/police/NOUN/NNS/5/nsubj detained/detain/VERB/VBD/2/ccomp Serbs/Serb/PROPN/NNPS/5/obj");
  ParseTree t = p.tree();
  EXPECT_EQ(clause_speaker(t, find(t, "detained")), find(t, "Petković"));
  EXPECT_EQ(clause_speaker(t, find(t, "said")), -1);
  Parsed q("Serbs/Serb/PROPN/NNPS/2/nsubj blocked/block/VERB/VBD/0/root roads/road/NOUN/NNS/2/obj ,/,/PUNCT/,/6/punct "
           "local/local/ADJ/JJ/6/amod media/media/NOUN/NNS/7/nsubj reported/report/VERB/VBD/2/parataxis");
  ParseTree u = q.tree();
  EXPECT_EQ(clause_speaker(u, find(u, "blocked")), find(u, "media"));
  Parsed r("The/the/DET/DT/2/det ministry/ministry/NOUN/NN/0/root ,/,/PUNCT/,/5/punct which/which/PRON/WDT/5/nsubj "
           "said/say/VERB/VBD/2/acl:relcl police/police/NOUN/NNS/7/nsubj detained/detain/VERB/VBD/5/ccomp");
  ParseTree v = r.tree();
  EXPECT_EQ(clause_speaker(v, find(v, "detained")), find(v, "ministry")) << "never the relative pronoun";
  Parsed w("Police/police/NOUN/NNS/2/nsubj detained/detain/VERB/VBD/0/root Serbs/Serb/PROPN/NNPS/2/obj "
           "according/accord/VERB/VBG/6/case to/to/ADP/IN/4/fixed Petković/Petković/PROPN/NNP/2/obl");
  ParseTree x = w.tree();
  EXPECT_EQ(clause_speaker(x, find(x, "detained")), find(x, "Petković"));
}

TEST(ClauseReading, ABrokenTreeIsReadWithoutLooping) {
  // A cycle and a head out of range, as a parser that failed might leave.
  Parsed p("a/a/DET/DT/2/det b/b/VERB/VBD/3/obj c/c/VERB/VBD/2/xcomp d/d/NOUN/NN/99/obj");
  ParseTree t = p.tree();
  for (int i = 0; i < static_cast<int>(t.size()); ++i) {
    (void)clause_modality(t, i);
    (void)background_clause(t, i);
    (void)clause_speaker(t, i);
    (void)clause_date(t, p.in, i);
  }
  EXPECT_EQ(t.head(3), -1);
  EXPECT_EQ(t.rel(3), "root") << "a word cut from its head is a root, whatever the parser called it";
}

// The coder walks up from words whose heads the parser got wrong: a
// conjunct or a modifier with no head any more must not be read as one.
TEST(ClauseReading, TheCoderReadsABrokenTree) {
  ActionDictionary actions;
  std::vector<std::string> warnings;
  ASSERT_TRUE(actions.load(default_action_dictionary_path(), warnings));
  ActorWords words;
  for (const char* spec : {"police/police/NOUN/NNS/2/nsubj detained/detain/VERB/VBN/99/conj Serbs/Serb/PROPN/NNPS/2/obj",
                           "Serbs/Serb/PROPN/NNPS/2/nsubj blocked/block/VERB/VBN/7/amod roads/road/NOUN/NNS/2/obj",
                           "a/a/DET/DT/2/det b/b/VERB/VBD/3/conj c/c/VERB/VBD/2/conj"}) {
    Parsed p(spec);
    ParseTree t = p.tree();
    Discourse discourse;
    (void)code_parsed_sentence(p.in, t, actions, words, discourse);
  }
}

TEST(CameoRefine, AnnouncedAndThreatenedActsHaveTheirOwnCodes) {
  EXPECT_EQ(intent_code("040", Modality::kPlanned), "036");
  EXPECT_EQ(intent_code("045", Modality::kPlanned), "039");
  EXPECT_EQ(intent_code("062", Modality::kPlanned), "0312");
  EXPECT_EQ(intent_code("0841", Modality::kPlanned), "0353");
  EXPECT_EQ(intent_code("162", Modality::kPlanned), "162") << "CAMEO has no intent to cut aid";
  EXPECT_EQ(intent_code("057", Modality::kPlanned), "057");
  EXPECT_EQ(intent_code("190", Modality::kThreatened), "1384");
  EXPECT_EQ(intent_code("163", Modality::kThreatened), "1312");
  EXPECT_EQ(intent_code("173", Modality::kThreatened), "137");
  EXPECT_EQ(intent_code("040", Modality::kAsserted), "040");
  EXPECT_EQ(intent_code("190", Modality::kDenied), "190");
}

TEST(CameoRefine, AppealsAndDemandsTakeTheKindOfTheirAct) {
  EXPECT_EQ(appeal_code("072"), "0232");
  EXPECT_EQ(appeal_code("087"), "0256");
  EXPECT_EQ(appeal_code("040"), "026");
  EXPECT_EQ(appeal_code("190"), "020");
  EXPECT_EQ(demand_code("0841"), "1053");
  EXPECT_EQ(demand_code("0871"), "107");
  EXPECT_EQ(demand_code("087"), "1056");
  EXPECT_EQ(demand_code("046"), "108");
  EXPECT_EQ(demand_code("190"), "100");
}

TEST(CameoRefine, ArmedForcesUseMilitaryForce) {
  EXPECT_EQ(armed_force_code("1823", "ISRMIL", "israeli aircraft killed five militants "), "195");
  EXPECT_EQ(armed_force_code("180", "RUSMIL", "troops shelled the town "), "194");
  EXPECT_EQ(armed_force_code("1823", "INDMIL", "forces shot dead three men "), "193");
  EXPECT_EQ(armed_force_code("180", "AFGREB", "taliban attacked a checkpoint "), "190");
  EXPECT_EQ(armed_force_code("183", "AFGREB", "a suicide bomber blew himself up "), "183") << "a rebel bombing stays unconventional";
  EXPECT_EQ(armed_force_code("181", "SYRMIL", "troops abducted two men "), "181");
  EXPECT_EQ(armed_force_code("1823", "SRBCOP", "police killed a man "), "1823") << "police are not an armed force";
  EXPECT_EQ(armed_force_code("1823", "IGONAT", "nato jets "), "1823") << "no role, no refinement";
}

}  // namespace
}  // namespace seismo
