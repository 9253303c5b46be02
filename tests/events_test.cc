// The events stage: sentence splitting, stems, the action dictionary
// format, and the coder's reading of clauses, on sentences written for
// each rule, with the bundled entity and action dictionaries.
#include <cstring>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "common/utf8.h"
#include "entities/entities.h"
#include "events/action_dictionary.h"
#include "events/cameo_refine.h"
#include "events/events.h"
#include "events/sentences.h"
#include "events/stem.h"
#include "pipeline/document.h"
#include "syntax/syntax.h"
#include "pipeline/document_json.h"

namespace seismo {
namespace {

TEST(Sentences, AbbreviationsAndInitialsDoNotEndASentence) {
  std::string text = "The U.S. ambassador met Gen. Mladić in Belgrade. Then he left.\nA new paragraph";
  auto s = split_sentences(text);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(text.substr(s[0].begin, s[0].end - s[0].begin), "The U.S. ambassador met Gen. Mladić in Belgrade.");
  EXPECT_EQ(text.substr(s[1].begin, s[1].end - s[1].begin), "Then he left.");
  EXPECT_EQ(text.substr(s[2].begin, s[2].end - s[2].begin), "A new paragraph");
  EXPECT_TRUE(split_sentences("").empty());
  EXPECT_TRUE(split_sentences(" \n\n ").empty());
}

TEST(Stem, InflectionsMeet) {
  EXPECT_EQ(english_stem("detained"), english_stem("detain"));
  EXPECT_EQ(english_stem("detaining"), english_stem("detains"));
  EXPECT_EQ(english_stem("barricades"), english_stem("barricade"));
}

TEST(ActionDictionary, FormatErrorsNameFileAndLine) {
  std::string path = testing::TempDir() + "/actions_bad.txt";
  {
    std::ofstream f(path);
    f << "# test\n"
         "code 173 | -5.0 | COERCE | Strategic developments | Arrests | Arrest\n"
         "verb 173 | detain ; take into custody\n"
         "code 99999 | 1 | | | | too long\n"
         "code 141 | minus | | | | not a number\n"
         "verb 145 | riot\n"
         "nonsense\n";
  }
  ActionDictionary d;
  std::vector<std::string> warnings;
  ASSERT_TRUE(d.load(path, warnings));
  ASSERT_EQ(warnings.size(), 4u);
  EXPECT_NE(warnings[0].find("actions_bad.txt:4:"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[1].find(":5:"), std::string::npos);
  EXPECT_NE(warnings[2].find(":6: code 145 is used before"), std::string::npos) << warnings[2];
  EXPECT_EQ(d.pattern_count(), 2u);
  ASSERT_NE(d.code("173"), nullptr);
  EXPECT_DOUBLE_EQ(d.code("173")->goldstein, -5.0);
  EXPECT_EQ(d.code("173")->acled_sub_event_type, "Arrests");
  auto* p = d.patterns_for_head(english_stem("take"));
  ASSERT_NE(p, nullptr);
  EXPECT_EQ((*p)[0]->words.size(), 3u);
  std::vector<std::string> w2;
  EXPECT_FALSE(ActionDictionary().load(testing::TempDir() + "/no_such_actions.txt", w2));
  EXPECT_EQ(w2.size(), 1u);
}

TEST(ActionDictionary, BundledOneCoversEveryCameoRoot) {
  ActionDictionary d;
  std::vector<std::string> warnings;
  ASSERT_TRUE(d.load(default_action_dictionary_path(), warnings));
  EXPECT_TRUE(warnings.empty()) << warnings.front();
  for (int root = 1; root <= 20; ++root) {
    char code[3];
    std::snprintf(code, sizeof code, "%02d", root);
    const ActionCode* c = d.code(code);
    ASSERT_NE(c, nullptr) << code;
    EXPECT_FALSE(c->label.empty());
    EXPECT_GE(c->goldstein, -10);
    EXPECT_LE(c->goldstein, 10);
  }
  EXPECT_EQ(d.code("141")->acled_event_type, "Protests");
  EXPECT_EQ(d.code("152")->plover, "MOBILIZE");
}

// ---- The bundled action dictionary against CAMEO's published lists ----
// (read from ../shared at test time, never copied) and the codes its verb
// patterns give.

// "CODE<TAB>VALUE" rows of a CAMEO list; the header row is skipped.
std::vector<std::pair<std::string, std::string>> cameo_list(const std::string& name) {
  std::ifstream in(std::string(SEISMO_SHARED_DIR) + "/benchmarks/events/goldstein/" + name);
  std::vector<std::pair<std::string, std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    auto tab = line.find('\t');
    if (tab == std::string::npos || tab == 0 || !std::isdigit(static_cast<unsigned char>(line[0]))) continue;
    rows.emplace_back(line.substr(0, tab), line.substr(tab + 1));
  }
  return rows;
}

const ActionDictionary& bundled_actions() {
  static const ActionDictionary* d = [] {
    auto* x = new ActionDictionary;
    std::vector<std::string> warnings;
    x->load(default_action_dictionary_path(), warnings);
    return x;
  }();
  return *d;
}

TEST(ActionDictionary, BundledOneHasEveryPublishedCameoCodeAndNoOther) {
  auto codes = cameo_list("CAMEO.eventcodes.txt");
  if (codes.empty()) GTEST_SKIP() << "no CAMEO.eventcodes.txt in ../shared";
  const ActionDictionary& d = bundled_actions();
  std::set<std::string> published;
  for (const auto& [cameo, name] : codes) {
    published.insert(cameo);
    const ActionCode* c = d.code(cameo);
    ASSERT_NE(c, nullptr) << cameo << " (" << name << ") has no code line";
    EXPECT_FALSE(c->label.empty()) << cameo;
  }
  EXPECT_GT(published.size(), 300u);
  for (const auto& [cameo, c] : d.codes()) EXPECT_TRUE(published.count(cameo)) << cameo << " is not a CAMEO code";
}

TEST(ActionDictionary, BundledGoldsteinScoresAreThePublishedOnes) {
  auto scores = cameo_list("CAMEO.goldsteinscale.txt");
  if (scores.empty()) GTEST_SKIP() << "no CAMEO.goldsteinscale.txt in ../shared";
  const ActionDictionary& d = bundled_actions();
  for (const auto& [cameo, score] : scores) {
    const ActionCode* c = d.code(cameo);
    ASSERT_NE(c, nullptr) << cameo;
    EXPECT_DOUBLE_EQ(c->goldstein, std::strtod(score.c_str(), nullptr)) << cameo;
  }
  EXPECT_DOUBLE_EQ(d.code("0874")->goldstein, 10.0);
  EXPECT_DOUBLE_EQ(d.code("1823")->goldstein, -10.0);
}

// PLOVER types are those of the 2021 CAMEO-to-PLOVER table, which maps
// every code from 03 on ("NN: TYPE, ..." lines).
TEST(ActionDictionary, BundledPloverTypesAreTheTablesTypes) {
  std::ifstream in(std::string(SEISMO_SHARED_DIR) + "/benchmarks/events/plover/CAMEO2PLOVER-2021.txt");
  if (!in) GTEST_SKIP() << "no CAMEO2PLOVER-2021.txt in ../shared";
  std::set<std::string> types;
  std::string line;
  while (std::getline(in, line)) {
    auto colon = line.find(':');
    if (colon == std::string::npos || colon < 2 || !std::isdigit(static_cast<unsigned char>(line[0]))) continue;
    size_t b = line.find_first_not_of(' ', colon + 1);
    size_t e = line.find_first_of(", #", b);
    if (b != std::string::npos) types.insert(line.substr(b, e == std::string::npos ? e : e - b));
  }
  EXPECT_TRUE(types.count("MOBILIZE") && types.count("ASSAULT"));
  for (const auto& [cameo, c] : bundled_actions().codes()) {
    if (cameo < "03") {
      EXPECT_EQ(c.plover, "") << cameo << ": the table maps nothing before 03";
    } else {
      EXPECT_TRUE(types.count(c.plover)) << cameo << ": \"" << c.plover << "\" is not a PLOVER type of the table";
    }
  }
}

// Every pattern of the bundled file, reached through its head verbs (the
// heads are read from the file's verb lines; the patterns are the loader's).
std::set<const ActionPattern*> bundled_patterns() {
  std::set<const ActionPattern*> all;
  std::ifstream in(default_action_dictionary_path());
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("verb ", 0) != 0) continue;
    std::string rest = line.substr(line.find('|') + 1);
    size_t start = 0;
    while (start <= rest.size()) {
      size_t end = std::min(rest.find(';', start), rest.size());
      std::string pattern = rest.substr(start, end - start);
      size_t b = pattern.find_first_not_of(' ');
      if (b != std::string::npos) {
        std::string head = pattern.substr(b, pattern.find(' ', b) - b);
        for (size_t s = 0, e; s <= head.size(); s = e + 1) {
          e = std::min(head.find('/', s), head.size());
          if (auto* list = bundled_actions().patterns_for_head(english_stem(head.substr(s, e - s))))
            all.insert(list->begin(), list->end());
        }
      }
      start = end + 1;
    }
  }
  return all;
}

TEST(ActionDictionary, NoPatternIsGivenToTwoCodes) {
  const ActionDictionary& d = bundled_actions();
  auto patterns = bundled_patterns();
  ASSERT_EQ(patterns.size(), d.pattern_count()) << "every pattern is reached through a head of its verb line";
  EXPECT_GT(d.pattern_count(), 800u);
  // Every spelling a pattern accepts ("hold/held talks": "hold talks" and
  // "held talks") names one code.
  std::map<std::vector<std::string>, const ActionPattern*> owner;
  for (const ActionPattern* p : patterns) {
    std::vector<std::vector<std::string>> spellings{{}};
    for (const auto& alternatives : p->words) {
      std::vector<std::vector<std::string>> longer;
      for (const auto& s : spellings)
        for (const auto& a : alternatives) {
          longer.push_back(s);
          longer.back().push_back(a);
        }
      spellings = std::move(longer);
    }
    for (const auto& s : spellings) {
      auto [it, fresh] = owner.emplace(s, p);
      if (!fresh && it->second->cameo != p->cameo)
        ADD_FAILURE() << "\"" << p->text << "\" (" << p->cameo << ") and \"" << it->second->text << "\" ("
                      << it->second->cameo << ") are the same pattern";
    }
  }
}

// The counts the file states at its top are those it holds.
TEST(ActionDictionary, BundledOneStatesItsCoverage) {
  std::ifstream in(default_action_dictionary_path());
  std::string line;
  int codes = -1, with_verbs = -1, patterns = -1;
  while (std::getline(in, line) && codes < 0)
    std::sscanf(line.c_str(), "# Coverage: %d codes, %d codes with verbs, %d patterns.", &codes, &with_verbs,
                &patterns);
  const ActionDictionary& d = bundled_actions();
  std::set<std::string> coded;
  for (const ActionPattern* p : bundled_patterns()) coded.insert(p->cameo);
  EXPECT_EQ(codes, static_cast<int>(d.codes().size()));
  EXPECT_EQ(with_verbs, static_cast<int>(coded.size()));
  EXPECT_EQ(patterns, static_cast<int>(d.pattern_count()));
}

// The code of the longest pattern of `head` whose further words all occur
// among `later` (the words after the verb in its clause), in order.
std::string resolve(const std::string& head, const std::vector<std::string>& later) {
  auto* list = bundled_actions().patterns_for_head(english_stem(head));
  if (!list) return "";
  for (const ActionPattern* p : *list) {
    size_t next = 0;
    bool all = true;
    for (size_t w = 1; w < p->words.size() && all; ++w) {
      const auto& alternatives = p->words[w];
      while (next < later.size() &&
             std::find(alternatives.begin(), alternatives.end(), english_stem(later[next])) == alternatives.end())
        ++next;
      all = next < later.size();
      ++next;
    }
    if (all) return p->cameo;
  }
  return "";
}

TEST(ActionDictionary, HeadsAndTheirObjectsResolveToTheirCodes) {
  struct Case {
    std::string head;
    std::vector<std::string> later;
    std::string cameo;
  };
  const std::vector<Case> cases = {
      {"agreed", {"to", "a", "ceasefire"}, "0871"},   {"reached", {"a", "deal"}, "057"},
      {"signed", {"an", "agreement"}, "057"},         {"struck", {"a", "deal"}, "057"},
      {"put", {"troops", "on", "alert"}, "152"},      {"raised", {"combat", "readiness"}, "152"},
      {"remained", {"on", "high", "alert"}, "150"},   {"set", {"up", "roadblocks"}, "144"},
      {"eased", {"restrictions"}, "081"},             {"eased", {"emergency", "measures"}, "0814"},
      {"lifted", {"the", "curfew"}, "0813"},          {"lifted", {"sanctions"}, "085"},
      {"imposed", {"a", "curfew"}, "1723"},           {"declared", {"a", "state", "of", "emergency"}, "1724"},
      {"called", {"off", "the", "strike"}, "082"},    {"called", {"a", "general", "strike"}, "143"},
      {"opened", {"fire"}, "193"},                    {"shot", {}, "193"},
      {"carried", {"out", "a", "raid"}, "190"},       {"carried", {"out", "airstrikes"}, "195"},
      {"took", {"him", "into", "custody"}, "173"},    {"detained", {}, "173"},
      {"handed", {"over"}, "084"},                    {"pulled", {"out", "its", "troops"}, "087"},
      {"withdrew", {"from", "the", "talks"}, "164"},  {"withdrew", {"its", "ambassador"}, "161"},
      {"withdrew", {}, "087"},                        {"broke", {"off", "relations"}, "161"},
      {"expelled", {"two", "diplomats"}, "174"},      {"recalled", {"its", "ambassador"}, "161"},
      {"stepped", {"down"}, "0831"},                  {"held", {"local", "elections"}, "0834"},
      {"held", {"talks"}, "046"},                     {"cut", {"aid"}, "162"},
      {"sent", {"an", "envoy"}, "042"},               {"sent", {"troops"}, "154"},
      {"shelled", {"villages"}, "194"},               {"bombed", {}, "183"},
      {"kidnapped", {}, "181"},                       {"assassinated", {}, "186"},
      {"killed", {"two", "civilians"}, "1823"},       {"killed", {"hundreds", "of", "civilians"}, "202"},
      {"released", {"the", "hostages"}, "0841"},      {"released", {"a", "statement"}, "010"},
      {"threatened", {"to", "impose", "sanctions"}, "1312"},
      {"urged", {"restraint"}, "027"},                {"demanded", {"the", "release"}, "1053"},
      {"rejected", {"talks"}, "125"},                 {"accused", {"them", "of", "war", "crimes"}, "1124"},
      {"accused", {"him", "of", "corruption"}, "1121"},
      {"investigated", {"war", "crimes"}, "094"},     {"violated", {"the", "ceasefire"}, "196"},
      {"violated", {"the", "law"}, "128"},            {"criticised", {}, "111"},
      {"criticized", {}, "111"},                      {"apologised", {}, "055"},
      {"vetoed", {"the", "resolution"}, "129"},       {"mobilised", {}, "154"},
      {"mobilized", {}, "154"},                       {"boycott", {"the", "election"}, "143"},
      {"stormed", {}, "192"},                         {"besieged", {}, "191"},
      {"evacuated", {}, "073"},                       {"mediated", {}, "045"},
      {"hosted", {"talks"}, "045"},                   {"sentenced", {}, "172"},
      {"clashed", {"with", "police"}, "145"},         {"clashed", {"with", "rebels"}, "190"},
      // A kind of aid names the sub-code, not the parent's plain "aid".
      {"sent", {"humanitarian", "aid"}, "073"},       {"provided", {"financial", "aid"}, "071"},
      {"cut", {"military", "aid"}, "1622"},           {"urged", {"humanitarian", "aid"}, "0233"},
      {"planted", {"a", "roadside", "bomb"}, "1833"}, {"launched", {"missile", "strikes"}, "194"},
      // "in protest" says why, it is no protest called off.
      {"suspended", {"cooperation", "in", "protest"}, "160"},
      // CAMEO tells killings apart by the weapon the clause names.
      {"killed", {"in", "a", "gunfight"}, "193"},     {"killed", {"by", "a", "roadside", "bomb"}, "1833"},
      {"killed", {"in", "an", "airstrike"}, "195"},   {"killed", {"in", "a", "bomb", "blast"}, "183"},
      {"killed", {"in", "shelling"}, "194"},          {"fired", {"on", "the", "village"}, "193"},
      // Force against protesters is repression.
      {"fired", {"on", "demonstrators"}, "175"},      {"opened", {"fire", "on", "protesters"}, "175"},
      // Verb classes by CAMEO root: the construction names the sub-code.
      {"declined", {"to", "say"}, "011"},             {"considering", {"whether"}, "014"},
      {"met", {}, "040"},                             {"held", {"peace", "talks"}, "046"},
      {"welcomed", {"the", "delegation"}, "043"},     {"brokered", {"a", "ceasefire"}, "045"},
      {"mediated", {"between"}, "045"},               {"normalised", {"relations"}, "054"},
      {"established", {"diplomatic", "relations"}, "054"},
      {"agreed", {"to", "normalise", "relations", "under", "a", "deal"}, "054"},
      {"restored", {"relations"}, "050"},             {"gave", {"emergency", "aid"}, "073"},
      {"freed", {"the", "hostages"}, "0841"},         {"convicted", {}, "116"},
      {"sentenced", {"him", "to", "death"}, "172"},   {"barred", {"him", "from", "running"}, "172"},
      {"removed", {"her", "from", "office"}, "172"},  {"ousted", {"the", "government"}, "172"},
      {"stripped", {"him", "of", "citizenship"}, "172"},
      {"ordered", {"the", "ambassador", "to", "leave"}, "174"},
      {"expelled", {"a", "diplomat", "from", "the", "country"}, "174"},
      {"rejected", {"calls", "for", "him", "to", "step", "down"}, "1231"},
      {"rejected", {"the", "offer"}, "120"},          {"seized", {"parts", "of", "the", "city"}, "192"},
      {"retook", {"the", "town"}, "192"},             {"recaptured", {"the", "town"}, "192"},
      {"took", {"the", "town"}, "192"},               {"shot", {"dead", "a", "man"}, "193"},
      {"seized", {"captives"}, "181"},                {"flew", {"sorties"}, "195"},
      {"denied", {"wrongdoing"}, "016"},              {"arrived", {"in", "Beijing"}, "042"},
      {"sold", {"fighter", "jets"}, "072"},           {"took", {"them", "prisoner"}, "173"},
      {"shot", {"dead", "two", "protesters"}, "175"},
      {"convened", {"a", "meeting"}, "040"},         {"clinched", {"a", "deal"}, "057"},
      {"hit", {"out", "at", "Washington"}, "111"},    {"ruled", {"out"}, "120"},
      {"ruled", {"out", "talks"}, "125"},             {"ruled", {"out", "a", "ceasefire"}, "1246"},
      {"hacked", {"him", "to", "death"}, "1823"},     {"launched", {"drones"}, "195"},
      {"waged", {"war"}, "190"},                      {"pounded", {"rebel", "positions"}, "190"},
  };
  for (const auto& c : cases) {
    std::string later;
    for (const auto& w : c.later) later += " " + w;
    EXPECT_EQ(resolve(c.head, c.later), c.cameo) << c.head << later;
  }
}

// A strike by aircraft, drones or missiles is an air strike (195), whoever
// strikes; a strike with no aircraft named, or another 190, stays 190.
TEST(CameoRefine, StrikesByAircraftAreAirStrikes) {
  EXPECT_EQ(armed_force_code("190", "IGONAT", "nato warplanes struck government targets around tripoli "), "195");
  EXPECT_EQ(armed_force_code("190", "ISR", "israeli aircraft struck hamas targets "), "195");
  EXPECT_EQ(armed_force_code("190", "RUSMIL", "striking cities with missiles "), "195");
  EXPECT_EQ(armed_force_code("190", "ISRMIL", "troops struck militant positions "), "190");
  EXPECT_EQ(armed_force_code("190", "ETHMIL", "the army launched an offensive against drone bases "), "190");
}

TEST(ActionDictionary, SpeechAndLightVerbsCodeNothingAlone) {
  // Verbs that frame reported speech are no events.
  // "Deny" too: "denied that its troops were fighting" is a denied fight.
  for (const char* speech : {"say", "said", "tell", "told", "add", "announce", "state", "deny"})
    EXPECT_EQ(resolve(speech, {}), "") << speech;
  // A light verb codes only with its object.
  for (const char* light : {"take", "hold", "put", "set", "make", "give", "carry", "launch", "reach", "call", "open",
                            "break", "pull", "step", "send", "cut", "impose", "lift", "ease", "agree", "remain"}) {
    EXPECT_EQ(resolve(light, {}), "") << light;
    EXPECT_EQ(resolve(light, {"the", "day", "off"}), "") << light << " the day off";
  }
}

class Coder : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::vector<std::string> warnings;
    entities_ = EntityRecognizer::load({}, warnings).release();
    coder_ = EventCoder::load({}, warnings).release();
  }
  static void TearDownTestSuite() {
    delete entities_;
    delete coder_;
  }
  std::vector<Event> code(const std::string& text, const std::string& language = "en") {
    CalendarDate published{2022, 12, 11};
    auto mentions = entities_->recognise(text, published, language);
    return coder_->code(text, mentions, published, language);
  }
  static const EventCoder* coder_;
  static const EntityRecognizer* entities_;
};
const EventCoder* Coder::coder_ = nullptr;
const EntityRecognizer* Coder::entities_ = nullptr;

TEST_F(Coder, SubjectVerbObjectPlaceAndDay) {
  auto e = code("Kosovo police detained a former Serbian policeman at the Jarinje crossing on 10 December.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].action.cameo, "173");
  ASSERT_TRUE(e[0].source && e[0].target);
  EXPECT_EQ(e[0].source->code, "KSVCOP");
  EXPECT_EQ(e[0].target->code, "SRBCOP");
  ASSERT_TRUE(e[0].place.has_value());
  EXPECT_NE(e[0].place->text.find("Jarinje"), std::string::npos);
  ASSERT_TRUE(e[0].date.has_value());
  EXPECT_EQ(e[0].date->value, "2022-12-10");
  EXPECT_FALSE(e[0].date_from_publication);
  EXPECT_EQ(e[0].modality, Modality::kAsserted);
  EXPECT_EQ(e[0].sentence_start, 0u);
}

TEST_F(Coder, PassiveTakesTheAgentAsSource) {
  auto e = code("A former Serbian policeman was detained by Kosovo police.");
  ASSERT_EQ(e.size(), 1u);
  ASSERT_TRUE(e[0].source && e[0].target);
  EXPECT_EQ(e[0].source->code, "KSVCOP");
  EXPECT_EQ(e[0].target->code, "SRBCOP");
  EXPECT_TRUE(e[0].date_from_publication) << "no date in the sentence: the article's";
}

TEST_F(Coder, ACountryAsSubjectOrObjectIsItsState) {
  // Whatever the verb: "praised" is not among the words that make the
  // entity stage read a capital as its government.
  auto e = code("China praised Serbia for its position.");
  ASSERT_EQ(e.size(), 1u);
  ASSERT_TRUE(e[0].source && e[0].target);
  EXPECT_EQ(e[0].source->code, "CHNGOV");
  EXPECT_EQ(e[0].target->code, "SRBGOV");
  // After a locative preposition it stays a place: "in Belgrade" does not
  // condemn.
  for (const auto& x : code("Thousands in Belgrade condemned the decision."))
    EXPECT_FALSE(x.source && x.source->code == "SRBGOV") << x.sentence;
}

TEST_F(Coder, EachActorOfAListedSubjectActs) {
  auto e = code("Germany, France and Italy condemned the attack.");
  std::vector<std::string> sources;
  for (const auto& x : e) sources.push_back(x.source ? x.source->code : "");
  std::sort(sources.begin(), sources.end());
  EXPECT_EQ(sources, (std::vector<std::string>{"DEUGOV", "FRAGOV", "ITAGOV"}));
  // A comma alone does not list: "Kosovo" is not a second subject here.
  auto one = code("After talks with Kosovo, Serbia condemned the attack.");
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].source->code, "SRBGOV");
}

TEST_F(Coder, AHyphenatedModifierIsNotTheActor) {
  // "NATO-backed" describes who closed the crossings; NATO did not.
  for (const auto& x : code("The NATO-backed authorities closed the border crossings.")) {
    EXPECT_FALSE(x.source && x.source->code.rfind("IGONAT", 0) == 0) << x.sentence;
    EXPECT_FALSE(x.target && x.target->code.rfind("IGONAT", 0) == 0) << x.sentence;
  }
  auto e = code("NATO closed the border crossings.");
  ASSERT_FALSE(e.empty());
  ASSERT_TRUE(e[0].source.has_value());
  EXPECT_EQ(e[0].source->code.substr(0, 6), "IGONAT");
}

TEST_F(Coder, APronounAfterTheSpeakerIsTheSpeaker) {
  auto e = code("The Serbs announced they would boycott the election.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].action.cameo, "143");
  ASSERT_TRUE(e[0].source.has_value());
  EXPECT_EQ(e[0].source->code, "SRBETH");
}

TEST_F(Coder, DoubledConsonantsAreVerbForms) {
  auto e = code("Serbia recalled its ambassador.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].action.cameo, "161");
}

TEST_F(Coder, VerbsJoinedByAndShareTheSubject) {
  auto e = code("Serbs blocked roads and built barricades.");
  ASSERT_EQ(e.size(), 2u);
  for (const auto& x : e) {
    EXPECT_EQ(x.action.cameo.substr(0, 2), "14");
    ASSERT_TRUE(x.source.has_value());
    EXPECT_EQ(x.source->code, "SRBETH");
  }
}

TEST_F(Coder, Modality) {
  auto planned = code("Serbia wanted to deploy troops.");
  ASSERT_EQ(planned.size(), 1u);
  EXPECT_EQ(planned[0].modality, Modality::kPlanned);
  auto hypothetical = code("Serbia could deploy troops.");
  ASSERT_EQ(hypothetical.size(), 1u);
  EXPECT_EQ(hypothetical[0].modality, Modality::kHypothetical);
  auto denied = code("NATO did not attack Serbs.");
  ASSERT_EQ(denied.size(), 1u);
  EXPECT_EQ(denied[0].modality, Modality::kDenied);
  auto requested = code("Belgrade asked KFOR to deploy troops.");
  ASSERT_GE(requested.size(), 1u);
  EXPECT_EQ(requested[0].action.cameo.substr(0, 2), "02");
  EXPECT_EQ(requested[0].source->code, "SRBGOV") << "a capital that acts is its government";
}

TEST_F(Coder, Attribution) {
  auto a = code("Kosovo police detained three Serbs, according to Petković.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].attributed_to, "Petković");
  auto b = code("Serbs blocked the road near Zvečan, local media reported.");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].attributed_to, "local media");
  ASSERT_TRUE(b[0].place.has_value());
  EXPECT_NE(b[0].place->text.find("Zve"), std::string::npos);
}

TEST_F(Coder, NounsAndNamesAreNotVerbs) {
  EXPECT_TRUE(code("NATO's deployment in Kosovo angered Serbs.").empty()) << "a noun made from the verb";
  EXPECT_TRUE(code("The arrest of a Serb by Kosovo police angered Belgrade.").empty());
  EXPECT_TRUE(code("Security for Serbs in Kosovo.").empty());
  EXPECT_TRUE(code("The NATO-backed government in Pristina met Serbs.").size() <= 1u);
  for (const auto& e : code("The NATO-backed government in Pristina met Serbs."))
    EXPECT_NE(e.action.cameo.substr(0, 2), "05") << "\"-backed\" is an adjective, not the verb \"back\"";
}

TEST_F(Coder, OffsetsCountCodePoints) {
  std::string text = "Vučić spoke in Zvečan. Then Kosovo police detained a Serb near Leposavić.";
  auto e = code(text);
  ASSERT_EQ(e.size(), 1u);
  size_t sentence = text.find("Then");
  EXPECT_EQ(e[0].sentence_start, code_point_count(text.substr(0, sentence)));
  EXPECT_EQ(e[0].sentence_end, code_point_count(text));
  ASSERT_TRUE(e[0].source.has_value());
  EXPECT_EQ(e[0].source->text, "Kosovo police");
  EXPECT_EQ(e[0].source->start, code_point_count(text.substr(0, text.find("Kosovo police"))));
  EXPECT_EQ(e[0].source->end, e[0].source->start + 13);
}

TEST_F(Coder, NoActorNoEventAndOtherLanguagesAreLeftAlone) {
  EXPECT_TRUE(code("Somebody blocked the road.").empty());
  EXPECT_TRUE(code("Kosovo police detained a Serb.", "sr").empty());
  EXPECT_TRUE(code("").empty());
}

// Text without punctuation is one "sentence" as long as the text: not
// coded (each event would carry all of it, and coding it took seconds per
// megabyte), and the document says sentences went uncoded.
TEST_F(Coder, ASentenceTooLongToReadIsNotCoded) {
  CalendarDate published{2022, 12, 11};
  std::string text = "NATO condemned Serbia";
  bool truncated = true;
  auto mentions = entities_->recognise(text, published, "en");
  EXPECT_EQ(coder_->code(text, mentions, published, "en", std::string_view::npos, &truncated).size(), 1u);
  EXPECT_FALSE(truncated);
  while (text.size() <= kMaxSentenceBytes) text += " and the farmers walked along the river";
  mentions = entities_->recognise(text, published, "en");
  EXPECT_TRUE(coder_->code(text, mentions, published, "en", std::string_view::npos, &truncated).empty());
  EXPECT_TRUE(truncated);
}

// A body of megabytes of coded sentences (a dump, pages run together)
// gives bounded entities and events, each with the note that they were
// cut, and no event from past where recognition stopped.
TEST_F(Coder, AHugeBodyHasBoundedMentionsAndEventsWithANote) {
  const std::vector<std::string> sentences = {
      "Kosovo police detained a former Serbian policeman in Pristina on Monday. ",
      "NATO condemned the attack in Zvecan on 10 December 2022, officials said. ",
      "Belgrade accused Albin Kurti of provoking violence in Mitrovica last week. "};
  RawDocument raw;
  raw.uri = "huge.txt";
  raw.format = ContentFormat::kText;
  for (size_t i = 0; raw.content.size() < 2'000'000; ++i) raw.content += sentences[i % sentences.size()];
  raw.raw_bytes = raw.content.size();
  DocumentRecord d = process_document(raw, Stages{nullptr, entities_, coder_, nullptr});
  ASSERT_GT(d.body.size(), 1'900'000u);
  EXPECT_EQ(d.entities.size(), kMaxEntityMentions);
  EXPECT_TRUE(d.entities_truncated);
  ASSERT_FALSE(d.events.empty());
  EXPECT_LE(d.events.size(), kMaxEvents);
  EXPECT_TRUE(d.events_truncated);
  size_t stopped_at = 0;  // the body is ASCII: bytes are code points
  entities_->recognise(d.body, parse_machine_date(d.published), d.language, &stopped_at);
  ASSERT_LT(stopped_at, d.body.size());
  for (const Event& e : d.events) ASSERT_LE(e.sentence_end, stopped_at) << e.sentence;
  nlohmann::json j = document_to_json(d);
  EXPECT_EQ(j["entities_truncated"], true);
  EXPECT_EQ(j["events_truncated"], true);
  EXPECT_EQ(j["entities"].size(), kMaxEntityMentions);
  std::string note = truncation_note(d);
  EXPECT_NE(note.find("kept the first 5000"), std::string::npos) << note;
  EXPECT_NE(note.find("events_truncated"), std::string::npos) << note;

  // An ordinary article: no note.
  raw.content = sentences[0] + sentences[1];
  d = process_document(raw, Stages{nullptr, entities_, coder_, nullptr});
  EXPECT_FALSE(d.entities.empty());
  EXPECT_FALSE(d.entities_truncated);
  EXPECT_FALSE(d.events_truncated);
  EXPECT_EQ(document_to_json(d)["entities_truncated"], false);
  EXPECT_EQ(truncation_note(d), "");
}


// The failure classes of the shallow coder, each on sentences written for
// these tests: the parse-based coder reads clauses, not a window of words.
bool has_asserted(const std::vector<Event>& events, std::string_view root) {
  for (const auto& e : events)
    if (e.action.cameo.substr(0, root.size()) == root && e.modality == Modality::kAsserted) return true;
  return false;
}

const Event* with_verb(const std::vector<Event>& events, std::string_view verb) {
  for (const auto& e : events)
    if (e.verb.find(verb) != std::string::npos) return &e;
  return nullptr;
}

const Event* first_with_root(const std::vector<Event>& events, std::string_view root) {
  for (const auto& e : events)
    if (e.action.cameo.substr(0, root.size()) == root) return &e;
  return nullptr;
}

// Who acts on whom, on sentences from around the world written for this
// test: each names one class of reading the parse-based coder must get right.
TEST_F(Coder, SourcesAndTargetsAcrossTheWorld) {
  struct Case {
    const char* sentence;
    const char* root;
    const char* source;
    const char* target;
    const char* why;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"Boko Haram fighters attacked a police convoy in Borno state, killing five officers.", "1", "NGAREB",
            "NGACOP", "rebels act on their state's police, which is not their own force"},
           {"Japanese Defence Ministry spokesman Kenji Sato accused Beijing of violating its airspace.", "11", "JPNGOV",
            "CHNGOV", "an actor named inside the subject says whose spokesman it is, not the place in the object"},
           {"Indian troops launched an operation against Naga militants in northern Myanmar.", "19", "INDMIL", "MMRREB",
            "militants at a named place are that place's, not the attacker's"},
           {"Witnesses said Ugandan police had fired on opposition supporters in Kampala.", "", "UGACOP", "UGAPRO",
            "a perfect with no form of 'be' is active"},
           {"The Chilean government and the student unions signed an agreement in Santiago on Monday.", "05", "CHLGOV",
            "CHLLAB", "conjoined subjects both act"},
           {"Peruvian police arrested former President Pedro Castillo at the request of prosecutors.", "17", "PERCOP",
            "PERELI", "the person arrested, not who asked; a former president is an elite"},
           {"Soldiers in Gabon detained President Ali Bongo at his residence on Wednesday.", "17", "GABMIL", "GABGOV",
            "a country's soldiers may detain its own president"},
           {"Armenian police detained dozens of people protesting outside the government building in Yerevan.", "17",
            "ARMCOP", "ARMPRO", "people protesting are protesters"},
           {"Indonesian police detained 200 people at rallies against the new labour law.", "17", "IDNCOP", "IDNPRO",
            "people at rallies are protesters"},
           {"Egyptian police arrested hundreds of demonstrators after President Abdel Fattah al-Sisi spoke in Cairo.", "17",
            "EGYCOP", "EGYPRO", "a name in a time phrase is not the object's"},
           {"Spanish police arrested a senior commander of the Basque separatist group ETA near Bordeaux.", "17", "ESPCOP",
            "ESPREB", "the group named beside its noun, not a group composed with the place"},
           {"Thai Prime Minister Prayut Chan-o-cha was suspended from office by the Constitutional Court on Wednesday.",
            "17", "THAJUD", "THAGOV", "a passive's by-phrase hung on the oblique; a court is of whom it acts on"},
           {"The United States demanded that Belarus free all political prisoners.", "10", "USAGOV", "BLRGOV",
            "a demand is made of the subject of its content"},
           {"Sanctions on Venezuela were eased by the United States on Friday.", "08", "USAGOV", "VENGOV",
            "whom a passive subject is aimed at"},
           {"The Libyan prime minister fled the capital after protesters ransacked his office.", "1", "LBYPRO", "LBYGOV",
            "an act on a thing of his is an act on him"},
           {"Nigerian police arrested three armed men in Lagos on Sunday.", "17", "NGACOP", "NGAREB",
            "an adjective that is part of an agent's name"},
           {"Chilean police used tear gas to disperse students in Santiago on Friday.", "17", "CHLCOP", "CHLEDU",
            "the purpose of an act of force names whom it was used on"},
           {"Turkey closed its border with Syria after the attack.", "191", "TURGOV", "SYRGOV",
            "a closed border is imposed on the state, not fought over its ground"},
           {"Protests began after the Georgian police detained an opposition leader in Tbilisi.", "17", "GEOCOP",
            "GEOOPP", "'after' read as a preposition still opens a clause with its subject"},
           {"Yemeni forces shot dead three gunmen in Aden.", "19", "YEMMIL", "YEMREB",
            "'shot' before 'dead' is the verb, though it is a noun too"},
           {"Ethiopian troops retook the town of Shire from Tigrayan forces.", "192", "ETHMIL", "",
            "an irregular past the tagger has not seen is still a verb, with its lemma"},
       }) {
    auto events = code(c.sentence);
    bool found = false;
    for (const auto& e : events) {
      bool target = *c.target ? e.target && e.target->code == c.target : true;
      found |= e.action.cameo.substr(0, std::strlen(c.root)) == c.root && e.source && e.source->code == c.source &&
               target;
    }
    std::string got;
    for (const auto& e : events)
      got += (e.source ? e.source->code : "-") + " " + (e.target ? e.target->code : "-") + " " + e.action.cameo + "; ";
    EXPECT_TRUE(found) << c.sentence << " (" << c.why << "): got " << got;
  }
}

// A participle inside a noun phrase describes, it does not report an act.
TEST_F(Coder, AParticipleAfterADeterminerIsNoAct) {
  for (const char* s : {"Police in Dhaka fired tear gas at supporters of the jailed opposition leader on Monday.",
                        "Relatives of the detained journalists met Iranian officials in Tehran."}) {
    auto e = code(s);
    ASSERT_FALSE(e.empty()) << s;
    for (const auto& x : e)
      EXPECT_TRUE(x.verb.find("jailed") == std::string::npos && x.verb.find("detained") == std::string::npos)
          << s << ": " << x.verb << " (" << x.action.cameo << ") is not an arrest here";
  }
}

TEST_F(Coder, UsesTheParse) { EXPECT_TRUE(coder_->parses()) << "the bundled syntax model did not load"; }

TEST_F(Coder, NegationAndFailureAreNotTheAct) {
  for (const char* s : {"Serbia and Kosovo failed to reach an agreement on the license plates.",
                        "Kosovo police did not arrest the protesters.", "NATO never attacked the Serbs.",
                        "Belgrade refused to sign the agreement with Pristina.",
                        "KFOR cannot protect the Serbs in the north."}) {
    auto e = code(s);
    for (const auto& x : e) EXPECT_NE(x.modality, Modality::kAsserted) << s << ": " << x.action.cameo;
  }
  auto denied = code("Kosovo police did not arrest the protesters.");
  ASSERT_FALSE(denied.empty());
  EXPECT_EQ(denied[0].modality, Modality::kDenied);
}

TEST_F(Coder, PurposeAndIntentAreNotActs) {
  auto e = code("Serbia is preparing to send its army to protect the Serbs in Kosovo.");
  for (const auto& x : e) EXPECT_NE(x.modality, Modality::kAsserted) << x.action.cameo << " " << x.verb;
  auto purpose = code("NATO deployed troops in order to establish a buffer zone.");
  ASSERT_FALSE(purpose.empty());
  EXPECT_NE(with_verb(purpose, "deployed"), nullptr);
  for (const auto& x : purpose)
    EXPECT_EQ(x.verb.find("establish"), std::string::npos) << "a purpose belongs to the act it is the purpose of";
  auto would = code("Vučić said he would meet Kurti in Brussels.");
  const Event* meet = with_verb(would, "meet");
  ASSERT_NE(meet, nullptr);
  EXPECT_EQ(meet->modality, Modality::kPlanned);
  EXPECT_EQ(meet->action.cameo, "036") << "an announced meeting is CAMEO's intent to meet";
  EXPECT_EQ(meet->source->code, "SRBGOV");
}

TEST_F(Coder, VoiceDecidesWhoActs) {
  auto e = code("Three Serbs were detained by Kosovo police near Zubin Potok.");
  const Event* arrest = first_with_root(e, "17");
  ASSERT_NE(arrest, nullptr);
  ASSERT_TRUE(arrest->source && arrest->target);
  EXPECT_EQ(arrest->source->code, "KSVCOP");
  EXPECT_EQ(arrest->target->code, "SRBETH");
  auto relative = code("The protesters, who were attacked by Kosovo police, blocked the road.");
  for (const auto& x : relative)
    if (x.source && x.source->code == "KSVCOP") {
      EXPECT_EQ(x.action.cameo.substr(0, 2), "18") << "the police attacked; they did not block";
    }
}

TEST_F(Coder, NounsAndParticlesAreNotVerbs) {
  auto e = code("Serbia will gather its special forces police units near the border.");
  for (const auto& x : e) EXPECT_NE(x.action.cameo.substr(0, 2), "17") << "\"forces\" is a noun here";
  auto patrols = code("Patrols of KFOR blocked the road to Zvečan on Sunday.");
  ASSERT_FALSE(patrols.empty());
  for (const auto& x : patrols) {
    ASSERT_TRUE(x.source.has_value()) << x.verb;
    EXPECT_EQ(x.source->code, "IGONATKFR");
    EXPECT_FALSE(x.target && x.target->code == "IGONATKFR");
  }
}

TEST_F(Coder, PastEventsKeepTheirOwnTime) {
  auto dated = code("In 1999, after NATO attacked Serbia, the army withdrew from Kosovo.");
  const Event* attack = with_verb(dated, "attacked");
  ASSERT_NE(attack, nullptr);
  ASSERT_TRUE(attack->date.has_value());
  EXPECT_EQ(attack->date->value.substr(0, 4), "1999");
  EXPECT_FALSE(attack->date_from_publication);
  EXPECT_TRUE(attack->historical);
  auto perfect = code("Kosovo police had arrested two Serbs before the talks began.");
  const Event* arrest = first_with_root(perfect, "17");
  ASSERT_NE(arrest, nullptr);
  EXPECT_TRUE(arrest->historical);
  EXPECT_FALSE(arrest->date_from_publication) << "background has no date of its own, not the article's";
  auto today = code("Kosovo police arrested two Serbs in Zvečan.");
  ASSERT_FALSE(today.empty());
  EXPECT_FALSE(today[0].historical);
  EXPECT_TRUE(today[0].date_from_publication);
}

TEST_F(Coder, PlaceAndAttributionComeFromTheirOwnPhrase) {
  for (const auto& x : code("Serbia and Kosovo signed the 2020 Washington agreement."))
    EXPECT_FALSE(x.place && x.place->text.find("Washington") != std::string::npos) << "a name inside a name";
  for (const auto& x : code("Serbs set up roadblocks in Zvečan to prevent his transfer to Pristina.")) {
    ASSERT_TRUE(x.place.has_value()) << x.verb;
    EXPECT_NE(x.place->text.find("Zve"), std::string::npos) << x.place->text;
  }
  auto quoted = code("Petković said that Kosovo police had detained three Serbs who live in Gračanica.");
  ASSERT_FALSE(quoted.empty());
  EXPECT_EQ(quoted[0].attributed_to, "Petković");
  auto relative = code("Kosovo police, which all communities in Kosovo see as a threat, detained two Serbs, the ministry said.");
  ASSERT_FALSE(relative.empty());
  EXPECT_EQ(relative[0].attributed_to, "the ministry");
}

TEST_F(Coder, ATimePhraseBetweenSubjectAndVerb) {
  auto e = code("The United States on Thursday demanded that Serbia withdraw its troops.");
  ASSERT_FALSE(e.empty());
  EXPECT_EQ(e[0].action.cameo.substr(0, 2), "10");
  ASSERT_TRUE(e[0].source.has_value());
  EXPECT_EQ(e[0].source->code, "USAGOV");
}

// A name the entities stage recognised is never tagged a verb: the web
// text the tagger learned from rarely starts a sentence with a capital.
TEST_F(Coder, RecognisedNamesAreNotVerbs) {
  std::vector<SyntaxToken> words = tokenize_english("Belgrade formally asked NATO to let its troops return.");
  words[0].in_name = true;
  std::string error;
  auto model = SyntaxModel::load(default_syntax_model_path(), error);
  ASSERT_NE(model, nullptr) << error;
  model->annotate(words);
  EXPECT_TRUE(words[0].upos == "PROPN" || words[0].upos == "NOUN") << words[0].upos;
  auto e = code("Belgrade formally asked NATO to let its troops return.");
  const Event* ask = first_with_root(e, "02");
  ASSERT_NE(ask, nullptr);
  ASSERT_TRUE(ask->source && ask->target);
  EXPECT_EQ(ask->source->code, "SRBGOV");
  EXPECT_EQ(ask->target->code, "IGONAT");
}

TEST_F(Coder, PronounsAndPossessivesUnderAComplement) {
  auto e = code("Serbia denied that it had attacked the Serbs in Zvečan.");
  const Event* attack = with_verb(e, "attacked");
  ASSERT_NE(attack, nullptr);
  ASSERT_TRUE(attack->source.has_value());
  EXPECT_EQ(attack->source->code, "SRBGOV") << "\"it\" is who denied";
  EXPECT_EQ(attack->modality, Modality::kDenied);
  auto own = code("Serbia denied that its soldiers had attacked the Serbs in Zvečan.");
  const Event* soldiers = with_verb(own, "attacked");
  ASSERT_NE(soldiers, nullptr);
  ASSERT_TRUE(soldiers->source.has_value());
  EXPECT_EQ(soldiers->source->code, "SRBMIL") << "\"its soldiers\" are Serbia's";
}

TEST_F(Coder, LongNamesAndSharedObjects) {
  auto met = code("North Korean leader Kim Jong Un met South Korean President Moon Jae-in at the border.");
  ASSERT_FALSE(met.empty());
  ASSERT_TRUE(met[0].source && met[0].target);
  EXPECT_EQ(met[0].source->code, "PRKGOV");
  EXPECT_EQ(met[0].target->code, "KORGOV");
  auto both = code("Kosovo police attacked and detained three Serbs in Zvečan.");
  size_t with_target = 0;
  for (const auto& x : both) with_target += x.target && x.target->code == "SRBETH";
  EXPECT_EQ(with_target, 2u) << "both acts of force have the object";
}

// A model that cannot be read is one warning naming it, and seismo codes
// with the shallow coder rather than not at all.
TEST_F(Coder, ABrokenSyntaxModelFallsBackToTheShallowCoder) {
  std::string model = default_syntax_model_path();
  std::ifstream in(model, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_GT(bytes.size(), 1000u);
  std::string truncated = testing::TempDir() + "/truncated.syntax";
  std::ofstream(truncated, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  EventOptions options;
  options.syntax_model = truncated;
  std::vector<std::string> warnings;
  auto coder = EventCoder::load(options, warnings);
  ASSERT_NE(coder, nullptr);
  EXPECT_FALSE(coder->parses());
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("truncated.syntax"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[0].find("without a parse"), std::string::npos) << warnings[0];
  std::string text = "Kosovo police detained a Serb in Zvečan.";
  CalendarDate published{2022, 12, 11};
  auto mentions = entities_->recognise(text, published, "en");
  auto e = coder->code(text, mentions, published, "en");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].action.cameo, "173");
  options.syntax_model = "none";
  warnings.clear();
  EXPECT_FALSE(EventCoder::load(options, warnings)->parses());
  EXPECT_TRUE(warnings.empty());
}

TEST_F(Coder, AWordySentenceAndPunctuationAreCodedWithoutFailing) {
  std::string words = "Kosovo police detained a Serb";
  for (int i = 0; i < 2000; ++i) words += " and more";
  words += ".";
  (void)code(words);  // longer than kMaxSentenceBytes: not coded, not crashed
  std::string long_but_readable = "Kosovo police detained a Serb";
  for (int i = 0; i < 120; ++i) long_but_readable += " and a man";
  long_but_readable += " near Zvečan.";
  EXPECT_FALSE(code(long_but_readable).empty());
  EXPECT_TRUE(code("?!... ,,, ;;; --- !!!").empty());
}

}  // namespace
}  // namespace seismo
