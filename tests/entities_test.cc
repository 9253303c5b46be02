// The entities stage on small, hand-built gazetteers and dictionaries, so
// each rule is tested on its own: matching keys, the automaton, index
// build and load, resolution rules, actor roles and composition, dates.
#include <gtest/gtest.h>

#include "common/match_text.h"
#include "common/phrase_set.h"
#include "common/utf8.h"
#include "entities/actor_dictionary.h"
#include "entities/actors.h"
#include "entities/date_mentions.h"
#include "entities/entities.h"
#include "entities/gazetteer.h"
#include "entities/places.h"
#include "test_files.h"

namespace seismo {
namespace {

using testing::TempDir;

TEST(MatchText, FoldsJoinsAndKeepsOffsets) {
  std::string s = "Kosovo-Mitrovica's mayor, ZVEČAN and Лепосавић.";
  MatchText m = make_match_text(s);
  EXPECT_EQ(m.key, " kosovo mitrovica s mayor # zvecan and leposavic ");
  ASSERT_EQ(m.tokens.size(), 7u);
  EXPECT_EQ(s.substr(m.tokens[5].begin, m.tokens[5].end - m.tokens[5].begin), "and");
  EXPECT_EQ(s.substr(m.tokens[6].begin, m.tokens[6].end - m.tokens[6].begin), "Лепосавић");
  EXPECT_TRUE(m.tokens[0].capitalised);
  EXPECT_FALSE(m.tokens[3].capitalised);
  EXPECT_TRUE(m.tokens[4].all_caps);
  EXPECT_TRUE(m.tokens[6].capitalised) << "Cyrillic capitals count";
}

TEST(MatchText, KeysMeetAcrossSpellings) {
  EXPECT_EQ(match_key("Leposavich"), match_key("Leposavić"));
  EXPECT_EQ(match_key("Mitrovicë"), match_key("MITROVICË"));
  EXPECT_EQ(match_key("Косовска Митровица"), "kosovska mitrovica");
  EXPECT_EQ(match_key("Zveçan"), "zvecan");
  EXPECT_EQ(match_key("St. Louis"), "st # louis") << "a full stop is a barrier on both sides alike";
  EXPECT_EQ(match_key("  ,  "), "");
  // A soft hyphen or zero-width joiner inside a word leaves it one word; at
  // its edge it joins nothing.
  EXPECT_EQ(match_key("zusam\u00ADmen\u00ADf\u00FCh\u00ADren Lag\u00ADrein"), "zusammenfuhren lagrein");
  EXPECT_EQ(match_key("Mitro\u00ADvica\u00AD Zve\u00ADčan"), "mitrovica zvecan");
  MatchText m = make_match_text("Ko\u00ADsovo");
  ASSERT_EQ(m.tokens.size(), 1u);
  EXPECT_EQ(m.tokens[0].end, 8u) << "the token spans the soft hyphen's two bytes";
}

TEST(PhraseSet, FindsWholeTokenPhrasesAndSurvivesSerialisation) {
  std::string err;
  auto set = PhraseSet::compile({"kosovska mitrovica", "mitrovica", "", "zvecan"}, &err);
  ASSERT_TRUE(set) << err;
  MatchText t = make_match_text("From Kosovska Mitrovica to Zvečan, not Mitrovicaville.");
  auto hits = set->scan(t);
  std::vector<std::tuple<uint32_t, uint32_t, uint32_t>> got;
  for (auto h : hits) got.emplace_back(h.id, h.first_token, h.end_token);
  std::sort(got.begin(), got.end());
  std::vector<std::tuple<uint32_t, uint32_t, uint32_t>> want{{0, 1, 3}, {1, 2, 3}, {3, 4, 5}};
  EXPECT_EQ(got, want);
  auto again = PhraseSet::deserialize(set->serialize(), &err);
  ASSERT_TRUE(again) << err;
  EXPECT_EQ(again->scan(t).size(), hits.size());
  EXPECT_FALSE(PhraseSet::deserialize("xx", &err));
}

// A GeoNames file in the standard 19 columns.
std::string geonames_row(const std::string& id, const std::string& name, const std::string& alts, double lat,
                         double lon, const std::string& fcode, const std::string& cc, int population) {
  return id + "\t" + name + "\t" + name + "\t" + alts + "\t" + std::to_string(lat) + "\t" + std::to_string(lon) +
         "\tP\t" + fcode + "\t" + cc + "\t\t01\t\t\t\t" + std::to_string(population) + "\t\t0\tEurope/Belgrade\t2020-01-01\n";
}

class SmallGazetteer : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string geo = geonames_row("1", "Mitrovicë", "Mitrovica,Kosovska Mitrovica", 42.883, 20.867, "PPLA", "XK", 107045) +
                      geonames_row("2", "Sremska Mitrovica", "Mitrovica", 44.976, 19.612, "PPLA2", "RS", 39084) +
                      geonames_row("3", "Zvečan", "Zvecan", 42.907, 20.840, "PPLA2", "XK", 17000) +
                      geonames_row("4", "Belgrade", "Beograd", 44.804, 20.465, "PPLC", "RS", 1273651) +
                      geonames_row("5", "Rama", "", 43.8, 17.6, "PPL", "BA", 3000) +
                      geonames_row("6", "Most", "", 50.50, 13.64, "PPL", "CZ", 67905) +
                      geonames_row("7", "Novi Sad", "", 45.25, 19.84, "PPLA", "RS", 250000) +
                      "this line is not GeoNames\n";
    std::string supplement =
        "# comment\n"
        "\tJarinje\tJarinje\tJarinje crossing\t43.156\t20.745\tS\tPSTB\tXK\t\t\t\t\t\t0\t\t\t\t\tapproximate, test\n"
        "\tNo Note\tNo Note\t\t43\t20\tS\tPSTB\tXK\t\t\t\t\t\t0\t\t\t\t\t\n"
        "1\t\t\tKosovo-Mitrovica\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\tan alias\n";
    std::string countries = R"([
      {"name": {"common": "Kosovo", "official": "Republic of Kosovo"}, "cca2": "XK", "latlng": [42.67, 21.17],
       "demonyms": {"eng": {"m": "Kosovar", "f": "Kosovar"}}, "capital": ["Pristina"]},
      {"name": {"common": "Serbia", "official": "Republic of Serbia"}, "cca2": "RS", "latlng": [44.0, 21.0],
       "demonyms": {"eng": {"m": "Serbian", "f": "Serbian"}}, "capital": ["Belgrade"]}])";
    GazetteerSources s;
    s.geonames = dir_.write("cities.txt", geo);
    s.supplement = dir_.write("places.tsv", supplement);
    s.countries = dir_.write("countries.json", countries);
    path_ = dir_.path("g.idx");
    warnings_.clear();
    std::string err;
    ASSERT_TRUE(Gazetteer::build(s, path_, [this](const std::string& m) { warnings_.push_back(m); }, &err)) << err;
    gz_ = Gazetteer::open(path_, &err);
    ASSERT_TRUE(gz_) << err;
  }

  std::vector<std::pair<std::string, uint32_t>> resolve(const std::string& text, std::string_view language = {}) {
    PlaceResolver r(*gz_);
    MatchText t = make_match_text(text);
    std::vector<std::pair<std::string, uint32_t>> out;
    for (const auto& p : r.resolve(text, t, language))
      out.emplace_back(text.substr(t.tokens[p.first_token].begin, t.tokens[p.end_token - 1].end - t.tokens[p.first_token].begin),
                       p.metonym ? 999999 : p.place->geonameid);
    return out;
  }

  std::vector<std::string> warnings_;
  TempDir dir_;
  std::string path_;
  std::unique_ptr<Gazetteer> gz_;
};

TEST_F(SmallGazetteer, BuildReportsBadLinesAndKeepsTheRest) {
  ASSERT_EQ(warnings_.size(), 2u);
  EXPECT_NE(warnings_[0].find("cities.txt:8: expected GeoNames' 19"), std::string::npos) << warnings_[0];
  EXPECT_NE(warnings_[1].find("places.tsv:3: expected 20"), std::string::npos) << warnings_[1];
  EXPECT_EQ(gz_->place_count(), 7u + 2u + 1u);  // towns, countries, Jarinje
  ASSERT_TRUE(gz_->country("XK"));
  EXPECT_EQ(gz_->display_name(*gz_->country("RS")), "Serbia");
}

TEST_F(SmallGazetteer, OpenRefusesWhatIsNotAnIndex) {
  std::string err;
  EXPECT_FALSE(Gazetteer::open(dir_.write("junk.idx", std::string(5000, 'x')), &err));
  EXPECT_NE(err.find("not a seismo gazetteer"), std::string::npos) << err;
  EXPECT_FALSE(Gazetteer::open(dir_.path("missing.idx"), &err));
  std::string bytes;
  {
    std::ifstream in(path_, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  EXPECT_FALSE(Gazetteer::open(dir_.write("cut.idx", bytes.substr(0, bytes.size() / 2)), &err)) << "truncated index";
}

TEST_F(SmallGazetteer, ContextChoosesAmongHomonyms) {
  // Kosovo context and a neighbour town: Mitrovica is Mitrovicë.
  auto r = resolve("Serbs protested in Mitrovica and Zvečan, in the north of Kosovo.");
  ASSERT_GE(r.size(), 2u);
  EXPECT_EQ(r[0], (std::pair<std::string, uint32_t>{"Mitrovica", 1}));
  // Vojvodina context: the same name is Sremska Mitrovica.
  r = resolve("Farmers from Novi Sad drove to Mitrovica, in Serbia's north, on Monday.");
  bool sremska = false;
  for (auto& [text, id] : r) if (text == "Mitrovica") sremska = id == 2;
  EXPECT_TRUE(sremska);
  // A longer name wins over the name inside it, and the alias row applies.
  r = resolve("They met in Sremska Mitrovica, then in Kosovo-Mitrovica.");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].second, 2u);
  EXPECT_EQ(r[1], (std::pair<std::string, uint32_t>{"Kosovo-Mitrovica", 1}));
}

TEST_F(SmallGazetteer, PeopleAndCommonWordsAreNotPlaces) {
  auto r = resolve("Prime Minister Edi Rama met the press. Rama said most of it. Most people agreed.");
  EXPECT_TRUE(r.empty()) << r.size() << " " << (r.empty() ? "" : r[0].first);
  // A small place's one-word name, with nothing else supporting it, is a
  // place only where the sentence says so.
  EXPECT_TRUE(resolve("Rama said the talks failed.").empty());
  EXPECT_TRUE(resolve("According to Rama, it failed.").empty());
  r = resolve("The farm in Rama burned.");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].second, 5u);
  r = resolve("The crossing at Jarinje was closed.");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].second, 0u) << "curated places have no GeoNames id";
}

TEST_F(SmallGazetteer, InflectedFormsInSerbianAndAlbanian) {
  using Found = std::vector<std::pair<std::string, uint32_t>>;
  std::string sr = "Protest u Kosovskoj Mitrovici i Zvečanu.";
  EXPECT_EQ(resolve(sr, "sr"), (Found{{"Kosovskoj Mitrovici", 1}, {"Zvečanu", 3}}));
  EXPECT_TRUE(resolve(sr, "en").empty()) << "English is not declined";
  EXPECT_EQ(resolve("Protesta para komunës së Zveçanit.", "sq"), (Found{{"Zveçanit", 3}}));
  // A guessed base form needs support: "Rami" is not taken for a village Rama.
  EXPECT_TRUE(resolve("Razgovarao je sa Rami.", "sr").empty());
}

TEST_F(SmallGazetteer, CapitalsThatActAreMetonyms) {
  auto r = resolve("Belgrade formally asked NATO to act. Protests were held in Belgrade.");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].second, 999999u) << "Belgrade asked: the government";
  EXPECT_EQ(r[1].second, 4u) << "in Belgrade: the city";
}

TEST(ActorDictionary, SeismoFormatRolesByDateAndBadLines) {
  TempDir dir;
  std::string path = dir.write("actors.txt",
                               "@country SRB RS | Serbia; Serbian\n"
                               "@country KSV XK | Kosovo\n"
                               "@agent COP | police; policemen\n"
                               "@country SRB | missing iso\n"
                               "Albin Kurti | Kurti\n"
                               "  KSVOPP ..2021-03-21 # opposition\n"
                               "  KSVGOV 2021-03-22.. # Prime Minister\n"
                               "  KSVGOV 2021-13-01..\n"
                               "Nobody | Nobody Else\n");
  std::vector<std::string> warnings;
  ActorDictionary d;
  ASSERT_TRUE(d.load_seismo(path, warnings));
  ASSERT_EQ(warnings.size(), 3u);
  EXPECT_NE(warnings[0].find("actors.txt:4:"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[1].find("actors.txt:8: bad date range"), std::string::npos) << warnings[1];
  EXPECT_NE(warnings[2].find("'Nobody' has no code"), std::string::npos) << warnings[2];
  std::string err;
  ASSERT_TRUE(d.compile(&err)) << err;
  auto code_on = [&](const std::string& text, int y, int m, int day) {
    MatchText t = make_match_text(text);
    auto found = find_actor_mentions(t, d, days_from_civil(y, m, day));
    return found.empty() ? std::string() : found.front().code;
  };
  EXPECT_EQ(code_on("Kurti said no.", 2020, 7, 1), "KSVOPP");
  EXPECT_EQ(code_on("Kurti said no.", 2022, 12, 10), "KSVGOV");
  EXPECT_EQ(code_on("Serbian policemen came.", 2022, 12, 10), "SRBCOP");
  EXPECT_EQ(code_on("Kosovo's special police came.", 2022, 12, 10), "KSVCOP");
  EXPECT_EQ(code_on("The police came.", 2022, 12, 10), "") << "an agent alone says too little";
  EXPECT_EQ(code_on("Serbia, police said.", 2022, 12, 10), "") << "no composition across punctuation";
}

TEST(ActorDictionary, LoadsPetrarchAndTabariFormats) {
  TempDir dir;
  std::string path = dir.write("x.actors.txt",
                               "# comment\n"
                               "ROBERT_KOCHARYAN_  # note\n"
                               "\t[ARMGOV 980204-080409]\n"
                               "\t[ARMELI]\n"
                               "+KOCHARYAN_\n"
                               "KOSOVO [KSV] # World Bank code\n"
                               "+KOSOVAR\n"
                               "POLICE_ [~COP]\n"
                               "<NOUN>\nBEES\n</NOUN>\n"
                               "ALBRIGHT  [USAGOV 991201-010114] [---] ;ems\n"
                               "\t[BADCODE 99x]\n");
  std::vector<std::string> warnings;
  ActorDictionary d;
  ASSERT_TRUE(d.load_cameo(path, warnings));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find(":13: bad date"), std::string::npos) << warnings[0];
  std::string err;
  ASSERT_TRUE(d.compile(&err));
  MatchText t = make_match_text("Kocharyan met Kosovar police and Albright.");
  auto found = find_actor_mentions(t, d, days_from_civil(2000, 1, 1));
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].code, "ARMGOV");
  EXPECT_EQ(found[1].code, "KSVCOP") << "a bare country code composes with an agent";
  EXPECT_EQ(found[2].code, "USAGOV");
}

TEST(DateMentions, ResolvedAgainstThePublicationDate) {
  std::string text = "On December 10 police detained him. Since the summer, and back in November, "
                     "talks failed; on Monday they met, yesterday too, 2 years ago it began, 13.12.2022. last month.";
  CalendarDate pub;
  pub.year = 2022;
  pub.month = 12;
  pub.day = 13;  // a Tuesday
  MatchText t = make_match_text(text);
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& d : find_date_mentions(text, t, pub))
    got.emplace_back(text.substr(d.begin, d.end - d.begin), d.ref.value);
  std::vector<std::pair<std::string, std::string>> want{
      {"December 10", "2022-12-10"}, {"the summer", "2022-06"}, {"back in November", "2022-11"},
      {"on Monday", "2022-12-12"},   {"yesterday", "2022-12-12"},      {"2 years ago", "2020"},
      {"13.12.2022", "2022-12-13"},  {"last month", "2022-11"}};
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(got[i].second, want[i].second) << got[i].first;
    EXPECT_TRUE(got[i].first.find(want[i].first) != std::string::npos) << got[i].first;
  }
  // Ranges of days, with or without the year: ISO 8601 intervals.
  std::string ranges = "Talks on December 10–12 failed; the summit of 3-5 May 2023 too.";
  MatchText rt = make_match_text(ranges);
  auto rd = find_date_mentions(ranges, rt, pub);
  ASSERT_EQ(rd.size(), 2u);
  EXPECT_EQ(rd[0].ref.value, "2022-12-10/2022-12-12");
  EXPECT_EQ(ranges.substr(rd[0].begin, rd[0].end - rd[0].begin), "December 10–12");
  EXPECT_EQ(rd[1].ref.value, "2023-05-03/2023-05-05");
  EXPECT_EQ(ranges.substr(rd[1].begin, rd[1].end - rd[1].begin), "3-5 May 2023");
  // Without a publication date, no year is guessed.
  auto undated = find_date_mentions("On December 10 they met, on Monday.", make_match_text("On December 10 they met, on Monday."), std::nullopt);
  ASSERT_EQ(undated.size(), 1u);
  EXPECT_EQ(undated[0].ref.value, "--12-10");
}

TEST(EntityRecognizer, MissingGazetteerIsOneWarningAndStillCodesActors) {
  TempDir dir;
  EntityOptions o;
  o.gazetteer = dir.path("none.idx");
  o.dictionaries = {dir.write("a.txt", "NATO | North Atlantic Treaty Organization\n  IGONAT\n")};
  std::vector<std::string> warnings;
  auto r = EntityRecognizer::load(o, warnings);
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->has_gazetteer());
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("places will not be resolved"), std::string::npos);
  auto m = r->recognise("Ça va: NATO said.", std::nullopt);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].start, 7u) << "offsets count code points, not bytes";
  EXPECT_EQ(m[0].end, 11u);
  EXPECT_EQ(m[0].actor->code, "IGONAT");
}

// A recognizer that knows one actor, NATO, and no places: each mention of
// it in a generated text is one mention found.
std::unique_ptr<EntityRecognizer> nato_only(TempDir& dir) {
  EntityOptions o;
  o.gazetteer = dir.path("none.idx");
  o.dictionaries = {dir.write("a.txt", "NATO | North Atlantic Treaty Organization\n  IGONAT\n")};
  std::vector<std::string> warnings;
  return EntityRecognizer::load(o, warnings);
}

TEST(EntityRecognizer, MentionsAreCappedAndTheCutIsReported) {
  TempDir dir;
  auto r = nato_only(dir);
  ASSERT_TRUE(r);
  // "Ça " first: offsets count code points, the cut is in bytes.
  std::string text = "Ça ";
  const std::string sentence = "NATO said so. ";
  for (size_t i = 0; i < kMaxEntityMentions + 100; ++i) text += sentence;
  size_t stopped_at = 0;
  auto m = r->recognise(text, std::nullopt, {}, &stopped_at);
  ASSERT_EQ(m.size(), kMaxEntityMentions);
  const size_t first_left_out = 4 + kMaxEntityMentions * sentence.size();  // "Ça " is 4 bytes
  EXPECT_EQ(stopped_at, first_left_out);
  EXPECT_EQ(text.substr(stopped_at, 4), "NATO");
  EXPECT_EQ(m.back().start, 3 + (kMaxEntityMentions - 1) * sentence.size());
  EXPECT_EQ(m.back().text, "NATO");
  // Under the cap: nothing left out, and the cut is the end of the text.
  std::string few = text.substr(0, 4 + 10 * sentence.size());
  EXPECT_EQ(r->recognise(few, std::nullopt, {}, &stopped_at).size(), 10u);
  EXPECT_EQ(stopped_at, few.size());
}

TEST(EntityRecognizer, WindowsOfAHugeTextLoseNoMentionAndKeepOffsets) {
  TempDir dir;
  auto r = nato_only(dir);
  ASSERT_TRUE(r);
  // Three texts of 2.25 windows: with sentence ends, with spaces only (no
  // sentence end to cut at), and with neither (one 'word' of two-byte
  // letters); a mention every ~50 KB, some straddling where a window may end.
  for (int layout = 0; layout < 3; ++layout) {
    const std::string filler = layout == 0 ? "The weather was mild there. " : layout == 1 ? "the weather was mild " : "éééééé";
    std::string text;
    size_t want = 0;
    while (text.size() < kEntityWindowBytes * 9 / 4) {
      while (text.size() % (50 * 1024) > 100) text += filler;
      text += layout == 2 ? " NATO " : "NATO said ";
      text += filler;
      ++want;
    }
    size_t stopped_at = 0;
    auto m = r->recognise(text, std::nullopt, {}, &stopped_at);
    EXPECT_EQ(m.size(), want) << "layout " << layout;
    EXPECT_EQ(stopped_at, text.size());
    CodePointCursor cps(text);
    size_t from = 0;
    for (const auto& e : m) {
      size_t at = text.find("NATO", from);
      ASSERT_NE(at, std::string::npos);
      EXPECT_EQ(e.start, cps.at(at)) << "layout " << layout;
      EXPECT_EQ(e.end, e.start + 4);
      from = at + 4;
    }
  }
}

}  // namespace
}  // namespace seismo
