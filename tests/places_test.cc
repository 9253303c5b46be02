// Place recognition and resolution on a small, hand-built world: second-
// level divisions, region abbreviations, demonyms, names inside
// organisations' names, datelines, everyday words, country points from
// outlines, and the ranker's fit. Each rule on sentences written for it.
#include <gtest/gtest.h>

#include <cmath>

#include "common/match_text.h"
#include "entities/gazetteer.h"
#include "entities/gazetteer_divisions.h"
#include "entities/place_ranker.h"
#include "entities/places.h"
#include "test_files.h"

namespace seismo {
namespace {

using testing::TempDir;

// A GeoNames row: id, name, lat, lon, feature code, country, admin1, admin2, population.
std::string town(const std::string& id, const std::string& name, double lat, double lon, const std::string& fcode,
                 const std::string& cc, const std::string& a1, const std::string& a2, int population) {
  return id + "\t" + name + "\t" + name + "\t\t" + std::to_string(lat) + "\t" + std::to_string(lon) + "\tP\t" + fcode +
         "\t" + cc + "\t\t" + a1 + "\t" + a2 + "\t\t\t" + std::to_string(population) + "\t\t0\tAmerica/New_York\t2020-01-01\n";
}

struct Found {
  std::string text, name, country, feature_code;
  PlaceRole role;
  double lat, lon;
  std::vector<std::string> parents;
};

class SmallWorld : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string geo = town("10", "Anderson", 34.50, -82.65, "PPLA2", "US", "SC", "007", 27000) +
                      town("11", "Clinton", 36.10, -84.13, "PPLA2", "US", "TN", "001", 10000) +
                      town("12", "Oak Ridge", 36.01, -84.27, "PPL", "US", "TN", "001", 29000) +
                      town("13", "Fairfield", 41.14, -73.26, "PPL", "US", "CT", "001", 60000) +
                      town("14", "Fairfield", 39.35, -84.56, "PPL", "US", "OH", "017", 42000) +
                      town("15", "Hopkinton", 42.23, -71.52, "PPL", "US", "MA", "017", 15000) +
                      town("16", "Stamford", 41.05, -73.54, "PPL", "US", "CT", "001", 130000) +
                      town("17", "Hudson", 42.25, -73.79, "PPL", "US", "NY", "021", 6000) +
                      town("18", "Canadian", 35.91, -100.38, "PPLA2", "US", "TX", "211", 2600) +
                      town("19", "Vice", -5.42, -80.78, "PPLA3", "PE", "20", "", 3000) +
                      town("20", "Republic", 37.12, -93.48, "PPL", "US", "MO", "077", 15000) +
                      town("21", "Tbilisi", 41.69, 44.83, "PPLC", "GE", "TB", "", 1100000) +
                      town("22", "Marshal", 37.0, -90.0, "PPL", "US", "MO", "", 20000) +
                      town("23", "The Bridge", 40.0, -80.0, "PPL", "US", "OH", "", 20000) +
                      town("24", "New York", 40.71, -74.01, "PPL", "US", "NY", "061", 8000000) +
                      town("25", "Ohio", 41.0, -90.0, "PPL", "US", "IL", "", 3000000) +
                      town("27", "Washington", 38.90, -77.04, "PPLC", "US", "DC", "001", 700000) +
                      town("28", "Olympia", 47.04, -122.90, "PPLA", "US", "WA", "067", 50000) +
                      // A Georgian town that GeoNames also lists as "Canada" (an alternate name).
                      "26\tKanadi\tKanadi\tCanada\t41.7\t44.8\tP\tPPLA\tGE\t\tTB\t\t\t\t300000\t\t0\tAsia/Tbilisi\t2020-01-01\n";
    // Towns upstate, 42-45°N, 79-73°W: the state's extent.
    for (int i = 0; i < 10; ++i)
      geo += town(std::to_string(30 + i), "Upstate " + std::to_string(i), 42 + 3.0 * i / 9, -79 + 6.0 * i / 9, "PPL", "US",
                  "NY", "", 2000);
    std::string countries = R"([
      {"name": {"common": "United States", "official": "United States of America"}, "cca2": "US", "ccn3": "840",
       "latlng": [38, -97], "demonyms": {"eng": {"m": "American", "f": "American"}}, "capital": ["Washington"]},
      {"name": {"common": "Canada", "official": "Canada"}, "cca2": "CA", "ccn3": "124", "latlng": [60, -95],
       "demonyms": {"eng": {"m": "Canadian", "f": "Canadian"}}, "capital": ["Ottawa"]},
      {"name": {"common": "Georgia", "official": "Georgia"}, "cca2": "GE", "ccn3": "268", "latlng": [42, 43.5],
       "demonyms": {"eng": {"m": "Georgian", "f": "Georgian"}}, "capital": ["Tbilisi"]}])";
    std::string states = R"([
      {"name": "Tennessee", "country_code": "US", "type": "state", "latitude": "35.5", "longitude": "-86.6"},
      {"name": "South Carolina", "country_code": "US", "type": "state", "latitude": "33.8", "longitude": "-81.2"},
      {"name": "Connecticut", "country_code": "US", "type": "state", "latitude": "41.6", "longitude": "-72.7"},
      {"name": "Ohio", "country_code": "US", "type": "state", "latitude": "40.4", "longitude": "-82.9"},
      {"name": "Massachusetts", "country_code": "US", "type": "state", "latitude": "42.4", "longitude": "-71.4"},
      {"name": "New York", "country_code": "US", "type": "state", "latitude": "40.71", "longitude": "-74.01"},
      {"name": "Washington", "country_code": "US", "type": "state", "latitude": "47.4", "longitude": "-120.5"}])";
    std::string admin1 = R"([{"code": "US.TN", "name": "Tennessee"}, {"code": "US.SC", "name": "South Carolina"},
      {"code": "US.CT", "name": "Connecticut"}, {"code": "US.OH", "name": "Ohio"}, {"code": "US.MA", "name": "Massachusetts"},
      {"code": "US.NY", "name": "New York"}, {"code": "US.WA", "name": "Washington"}, {"code": "NOTACODE", "name": "Nowhere"}])";
    std::string admin2 = R"([{"code": "US.TN.001", "name": "Anderson County"}, {"code": "US.SC.007", "name": "Anderson County"},
      {"code": "US.CT.001", "name": "Fairfield County"}, {"code": "US.OH.017", "name": "Butler County"}, {"name": "no code"}])";
    // One square country from 100°W to 90°W, 30°N to 40°N.
    // And a small island under the same code after it (Natural Earth files
    // some dependencies under their sovereign's): the larger outline wins.
    std::string shapes = R"({"type": "Topology", "arcs": [[[-100, 30], [-90, 30], [-90, 40], [-100, 40], [-100, 30]],
      [[-80, 10], [-79, 10], [-79, 11], [-80, 11], [-80, 10]]],
      "objects": {"countries": {"type": "GeometryCollection", "geometries": [{"type": "Polygon", "id": "840", "arcs": [[0]]},
        {"type": "Polygon", "id": "840", "arcs": [[1]]}]}}})";
    GazetteerSources s;
    s.geonames = dir_.write("cities.txt", geo);
    s.countries = dir_.write("countries.json", countries);
    s.regions = dir_.path("regions");
    dir_.write("regions/United_States-US/states.json", states);
    s.divisions = dir_.path("divisions");
    dir_.write("divisions/admin1.json", admin1);
    dir_.write("divisions/admin2.json", admin2);
    s.abbreviations = dir_.write("abbreviations.tsv", "# test\nUS\tConnecticut\tConn.,CT\nUS\tOhio\tOH\nUS\tAtlantis\tAtl.\nbad line\n");
    s.common_words = dir_.write("words.json", R"([{"word": "vice", "count": 950}, {"word": "Hudson", "count": 40}])");
    s.country_shapes = dir_.write("shapes.json", shapes);
    std::string err;
    ASSERT_TRUE(Gazetteer::build(s, dir_.path("g.idx"), [this](const std::string& m) { warnings_.push_back(m); }, &err))
        << err;
    gz_ = Gazetteer::open(dir_.path("g.idx"), &err);
    ASSERT_TRUE(gz_) << err;
  }

  std::vector<Found> places(const std::string& text) {
    PlaceResolver r(*gz_);
    MatchText t = make_match_text(text);
    std::vector<Found> out;
    for (const auto& p : r.resolve(text, t)) {
      Found f;
      f.text = text.substr(t.tokens[p.first_token].begin, t.tokens[p.end_token - 1].end - t.tokens[p.first_token].begin);
      f.name = std::string(gz_->display_name(*p.place));
      f.country = std::string(p.place->country, 2);
      f.feature_code = p.place->feature_code;
      f.role = p.role;
      f.lat = p.place->lat;
      f.lon = p.place->lon;
      for (const PlaceRecord* q : gz_->parents(*p.place)) f.parents.push_back(std::string(gz_->display_name(*q)));
      out.push_back(std::move(f));
    }
    return out;
  }
  const Found* find(const std::vector<Found>& fs, const std::string& text) {
    for (const auto& f : fs)
      if (f.text == text) return &f;
    return nullptr;
  }
  bool has_warning(const std::string& part) const {
    for (const auto& w : warnings_)
      if (w.find(part) != std::string::npos) return true;
    return false;
  }

  TempDir dir_;
  std::vector<std::string> warnings_;
  std::unique_ptr<Gazetteer> gz_;
};

TEST_F(SmallWorld, MalformedDivisionsAndAbbreviationsAreNamedAndTheRestBuilt) {
  EXPECT_TRUE(has_warning("admin1.json: entry 8: malformed admin code 'NOTACODE'"));
  EXPECT_TRUE(has_warning("admin2.json: entry 5: no code or name"));
  EXPECT_TRUE(has_warning("abbreviations.tsv:4: no region 'Atlantis' in US"));
  EXPECT_TRUE(has_warning("abbreviations.tsv:5: expected country code, region name and abbreviations"));
  auto fs = places("He was held in Anderson County near Oak Ridge.");
  EXPECT_TRUE(find(fs, "Anderson County")) << "the divisions around the bad entries were built";
}

TEST_F(SmallWorld, ACountyIsAPlaceAtItsTownsAndTheirParent) {
  auto fs = places("He was held in Anderson County near Oak Ridge.");
  const Found* county = find(fs, "Anderson County");
  ASSERT_TRUE(county) << "the county, not the town of Anderson";
  EXPECT_EQ(county->feature_code, "ADM2");
  EXPECT_NEAR(county->lat, (36.10 + 36.01) / 2, 0.01) << "the mean of its towns";
  EXPECT_NEAR(county->lon, (-84.13 - 84.27) / 2, 0.01);
  EXPECT_EQ(county->parents, (std::vector<std::string>{"United States", "Tennessee"}));
  const Found* town = find(fs, "Oak Ridge");
  ASSERT_TRUE(town);
  EXPECT_EQ(town->parents, (std::vector<std::string>{"United States", "Tennessee", "Anderson County"}));
  EXPECT_FALSE(find(places("Ms. Anderson said so."), "Anderson")) << "a county only under its full name";
}

TEST(RegionPoints, TheMiddleOfTheTownsExtentIgnoresOutliersAndTheAntimeridian) {
  // Fifty towns spread evenly over 40-44°N and 79-73°W, and one far island.
  std::vector<std::pair<double, double>> towns;
  for (int i = 0; i < 50; ++i) towns.emplace_back(40 + 4.0 * i / 49, -79 + 6.0 * (i % 10) / 9);
  towns.emplace_back(20, -150);
  auto [lat, lon] = middle_of_extent(towns);
  EXPECT_NEAR(lat, 42, 0.2) << "the island is trimmed away";
  EXPECT_NEAR(lon, -76, 0.2);
  // Towns on both sides of 180°: the middle is near 180, not near 0.
  auto [fiji_lat, fiji_lon] = middle_of_extent({{-17, 179.5}, {-17, -179.5}, {-16, 179.8}, {-18, -179.8}});
  EXPECT_NEAR(fiji_lat, -17, 0.6);
  EXPECT_GT(std::fabs(fiji_lon), 179);
  EXPECT_EQ(middle_of_extent({}), (std::pair<double, double>{0, 0}));
}

TEST_F(SmallWorld, RegionsAndCountiesCountThePeopleOfTheirTowns) {
  auto population_of = [&](const std::string& text, const std::string& name) -> int64_t {
    PlaceResolver r(*gz_);
    MatchText t = make_match_text(text);
    for (const auto& p : r.resolve(text, t))
      if (gz_->display_name(*p.place) == name) return p.place->population;
    return -1;
  };
  EXPECT_EQ(population_of("Snow fell in Tennessee.", "Tennessee"), 10000 + 29000) << "Clinton and Oak Ridge";
  EXPECT_EQ(population_of("Snow fell in Anderson County, Tennessee.", "Anderson County"), 10000 + 29000);
  EXPECT_EQ(population_of("Snow fell in Connecticut.", "Connecticut"), 60000 + 130000) << "Fairfield and Stamford";
}

TEST_F(SmallWorld, ARegionPlacedAtItsNamesakeTownMovesToItsTowns) {
  auto fs = places("Snow fell across New York and Connecticut.");
  const Found* state = find(fs, "New York");
  ASSERT_TRUE(state);
  EXPECT_EQ(state->feature_code, "ADM1");
  // The source put the state at Manhattan; the middle of its towns'
  // extent (40.7-45°N, 79-73°W) is upstate.
  EXPECT_GT(state->lat, 42.0);
  EXPECT_LT(state->lon, -75.0);
  ASSERT_TRUE(find(fs, "Connecticut"));
  EXPECT_NEAR(find(fs, "Connecticut")->lat, 41.6, 0.01) << "a region at a point of its own keeps it";
}

TEST_F(SmallWorld, ACountrysOwnNameIsNoTownThatBearsItAsAnAlternate) {
  // Tbilisi says the text is about Georgia, where a town is also called
  // "Canada" in some list: the country's own name still means the country.
  auto fs = places("Officials from Tbilisi and Canada met in Tbilisi.");
  ASSERT_TRUE(find(fs, "Canada"));
  EXPECT_EQ(find(fs, "Canada")->country, "CA");
  EXPECT_EQ(find(fs, "Canada")->feature_code, "PCLI");
  EXPECT_TRUE(find(places("They drove to Kanadi."), "Kanadi")) << "the town under its own name";
}

TEST_F(SmallWorld, ACapitalIsItsNameBeforeARegionOfItsCountry) {
  // A ranker that prefers regions would take the state; the capital's
  // name is the capital all the same, the state only before "state" or
  // after "Town,".
  PlaceRankerWeights regions_first;
  regions_first.w[kIsRegion] = 5;
  PlaceResolver r(*gz_, regions_first);
  auto code_of = [&](const std::string& text, const std::string& name) -> std::string {
    MatchText t = make_match_text(text);
    for (const auto& p : r.resolve(text, t))
      if (text.substr(t.tokens[p.first_token].begin, t.tokens[p.end_token - 1].end - t.tokens[p.first_token].begin) == name)
        return p.place->feature_code;
    return "none";
  };
  EXPECT_EQ(code_of("Officials in Washington said so.", "Washington"), "PPLC");
  EXPECT_EQ(code_of("Officials in Washington state said so.", "Washington"), "ADM1") << "before the region's noun";
  EXPECT_EQ(code_of("Officials in Olympia, Washington said so.", "Washington"), "ADM1") << "the region after 'Town,'";
}

TEST_F(SmallWorld, ASurnameIsAPlaceWhereTheTextPutsItWhereOnlyPlacesGo) {
  EXPECT_FALSE(find(places("Senator Bob Hopkinton spoke. Hopkinton said more."), "Hopkinton"))
      << "a surname once is a surname throughout";
  auto fs = places("Senator Bob Hopkinton spoke. Burglaries in Hopkinton rose.");
  ASSERT_TRUE(find(fs, "Hopkinton")) << "'in Hopkinton' is the town";
  EXPECT_EQ(find(fs, "Hopkinton")->country, "US");
}

TEST_F(SmallWorld, ANameBeforeARegionsNounIsTheRegion) {
  // A ranker that reads population only takes the large town named Ohio
  // (in Illinois, for the test) over the state of two small towns;
  // "state" after the name settles it whatever the ranker says.
  PlaceRankerWeights by_population;
  by_population.w[kLogPopulation] = 1;
  PlaceResolver r(*gz_, by_population);
  auto feature_code = [&](const std::string& text) -> std::string {
    MatchText t = make_match_text(text);
    for (const auto& p : r.resolve(text, t)) return p.place->feature_code;
    return "none";
  };
  ASSERT_EQ(feature_code("Prices rose in Ohio last year."), "PPL") << "the premise: alone, the town";
  EXPECT_EQ(feature_code("Prices rose in Ohio state last year."), "ADM1");
  EXPECT_EQ(feature_code("Prices rose in Ohio State last year."), "ADM1");
}

TEST_F(SmallWorld, NamesListedBeforeCountiesAreCounties) {
  auto fs = places("Storms hit Fairfield and Butler counties on Monday.");
  ASSERT_TRUE(find(fs, "Fairfield"));
  EXPECT_EQ(find(fs, "Fairfield")->feature_code, "ADM2") << "Fairfield County, not a town of Fairfield";
  ASSERT_TRUE(find(fs, "Butler"));
  EXPECT_EQ(find(fs, "Butler")->name, "Butler County");
  EXPECT_FALSE(find(places("The bridge fell on Monday."), "The bridge")) << "only a function word is capitalised";
  auto board = places("The Butler County Transportation Improvement Board met.");
  ASSERT_TRUE(find(board, "Butler County")) << "a county opening a name";
  EXPECT_EQ(find(board, "Butler County")->role, PlaceRole::kInOrganisation);
  EXPECT_TRUE(find(places("They met at The Bridge on Monday."), "The Bridge"));
}

TEST_F(SmallWorld, TownAndRegionResolveAsAUnit) {
  auto fs = places("FAIRFIELD, Conn. -- Officials said the school will reopen.");
  const Found* f = find(fs, "FAIRFIELD");
  ASSERT_TRUE(f) << "a dateline";
  EXPECT_NEAR(f->lat, 41.14, 0.01) << "Fairfield, Connecticut, not Ohio, the larger elsewhere";
  ASSERT_TRUE(find(fs, "Conn"));
  EXPECT_EQ(find(fs, "Conn")->name, "Connecticut");
  auto butler = places("Officials of Butler County met in Fairfield on Monday.");
  ASSERT_TRUE(find(butler, "Fairfield"));
  EXPECT_NEAR(find(butler, "Fairfield")->lat, 39.35, 0.01) << "the Fairfield in the county the text names";
  auto conn = places("They moved to Stamford, Conn and back.");
  ASSERT_TRUE(find(conn, "Conn")) << "an abbreviation without its full stop, after 'Town,'";
  auto ohio = places("They moved to Fairfield, OH, last year.");
  ASSERT_TRUE(find(ohio, "Fairfield"));
  EXPECT_NEAR(find(ohio, "Fairfield")->lat, 39.35, 0.01);
  EXPECT_FALSE(find(places("Conn. Smith and OH Jones met."), "Conn")) << "an abbreviation alone names nothing";
  EXPECT_TRUE(find(places("Conn. man arrested."), "Conn")) << "long, with its full stop, before a lower-case word";
  EXPECT_TRUE(find(places("Horses across regional CONN were tested."), "CONN")) << "long, in capitals";
  EXPECT_FALSE(find(places("They met in Ohio. Conn. Smith spoke."), "Conn")) << "before a capital it may be a name";
  EXPECT_TRUE(find(places("Western Conn. farmers met."), "Conn")) << "after a direction word";
  EXPECT_TRUE(find(places("Senator Lieberman, I-Conn., spoke."), "Conn")) << "after a party letter";
  EXPECT_FALSE(find(places("Gen. Stamford spoke."), "Stamford")) << "after an abbreviated title";
}

TEST_F(SmallWorld, NationalityWordsAreDemonymMentionsOfTheirCountry) {
  auto fs = places("Georgian forces attacked. Americans and Canadian officials watched.");
  const Found* g = find(fs, "Georgian");
  ASSERT_TRUE(g);
  EXPECT_EQ(g->country, "GE");
  EXPECT_EQ(g->role, PlaceRole::kDemonym);
  ASSERT_TRUE(find(fs, "Americans")) << "the people too";
  EXPECT_EQ(find(fs, "Americans")->role, PlaceRole::kDemonym);
  const Found* c = find(fs, "Canadian");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->country, "CA") << "not the town of Canadian, Texas";
  auto camps = places("Shells fell on Georgian villages and into Georgian camps.");
  ASSERT_TRUE(find(camps, "Georgian")) << "no town is called so: the demonym, even after a preposition";
  EXPECT_EQ(find(camps, "Georgian")->role, PlaceRole::kDemonym);
  auto town = places("The storm hit farms near Canadian and Amarillo.");
  ASSERT_TRUE(find(town, "Canadian"));
  EXPECT_EQ(find(town, "Canadian")->role, PlaceRole::kPlain) << "after a preposition of place it is the town";
}

TEST_F(SmallWorld, NamesOpeningAnOrganisationsAreMentionsInsideIt) {
  auto fs = places("The Hopkinton Police Department said Stamford Mayor David Martin agreed.");
  const Found* h = find(fs, "Hopkinton");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->role, PlaceRole::kInOrganisation);
  const Found* s = find(fs, "Stamford");
  ASSERT_TRUE(s) << "a place before a title and a person";
  EXPECT_EQ(s->role, PlaceRole::kPlain);
}

TEST_F(SmallWorld, EverydayWordsAndHeadsOfNamesAreNotTowns) {
  EXPECT_FALSE(find(places("The council and Vice Mayor Cathy Boring voted no."), "Vice"));
  EXPECT_TRUE(find(places("The road to Vice was closed."), "Vice")) << "after a preposition of place";
  EXPECT_FALSE(find(places("The president of the self-proclaimed Republic of Vyosa Osmani spoke."), "Republic"));
  auto dateline = places("HUDSON -- Officials said the bridge will reopen.");
  ASSERT_TRUE(find(dateline, "HUDSON")) << "a dateline";
  EXPECT_EQ(find(dateline, "HUDSON")->role, PlaceRole::kPlain) << "a dash ends the name: no 'Hudson Officials'";
  EXPECT_FALSE(find(places("The crowd met Marshal Tito's envoy."), "Marshal")) << "a title is no town";
  EXPECT_TRUE(find(places("The crowd met in Marshal on Friday."), "Marshal"));
}

TEST_F(SmallWorld, CountsAndOfficesBeforeANameAreNoGivenName) {
  EXPECT_TRUE(find(places("Eight Stamford officers were hurt."), "Stamford"));
  EXPECT_TRUE(find(places("The Acting Stamford Attorney resigned."), "Stamford"));
  // A capital at a sentence start strikes no town from the whole text.
  auto fs = places("Another Stamford business closed. Shops in Stamford struggle.");
  int n = 0;
  for (const auto& f : fs) n += f.text == "Stamford";
  EXPECT_EQ(n, 1) << "the second, at least, is the town";
  auto games = places("The Tennessee Senior Olympics open today.");
  ASSERT_TRUE(find(games, "Tennessee")) << "a state opening a name";
  EXPECT_EQ(find(games, "Tennessee")->role, PlaceRole::kInOrganisation);
}

TEST_F(SmallWorld, AHyphenJoinsTwoPlacesNotAGivenNameAndASurname) {
  auto fs = places("The Fairfield-Hudson game ended late.");
  EXPECT_TRUE(find(fs, "Fairfield"));
  EXPECT_TRUE(find(fs, "Hudson"));
  EXPECT_FALSE(find(places("Officials said Stamford Smith won."), "Stamford")) << "before a surname it is a given name";
  EXPECT_TRUE(find(places("The Fairfield- Hudson corridor opened."), "Hudson")) << "a hyphen with a space after it";
  auto bank = places("He thanked United Bank Stamford Market. Shops in Stamford struggle.");
  ASSERT_TRUE(find(bank, "Stamford")) << "a bank's name makes no surname of the town";
  EXPECT_EQ(find(bank, "Stamford")->role, PlaceRole::kInOrganisation);
}

TEST_F(SmallWorld, CountryPointsComeFromTheirOutline) {
  auto fs = places("He flew to the United States.");
  const Found* us = find(fs, "United States");
  ASSERT_TRUE(us);
  EXPECT_NEAR(us->lon, -95, 0.01) << "the square's centre, not world-countries' 38, -97";
  EXPECT_NEAR(us->lat, 35, 0.3);
  auto canada = places("He flew to Canada.");
  const Found* ca = find(canada, "Canada");
  ASSERT_TRUE(ca);
  EXPECT_NEAR(ca->lat, 60, 0.01) << "no outline: world-countries' point stays";
}

TEST(PlaceRanker, FitMovesFreeWeightsTowardsTheAnswersAndKeepsFixedOnes) {
  // Two candidates per case: the answer is always the one with feature
  // kRegionNamed; kLogPopulation misleads (the other is larger).
  std::vector<RankingCase> cases;
  for (int i = 0; i < 20; ++i) {
    RankingCase c;
    PlaceFeatures a{}, b{};
    a[kRegionNamed] = 1;
    a[kLogPopulation] = 3;
    b[kLogPopulation] = 4 + (i % 3);
    a[kContainerRegion] = 1;
    c.candidates = {b, a};
    c.answer = 1;
    cases.push_back(c);
  }
  PlaceRankerWeights prior;
  prior.w[kLogPopulation] = 1;
  prior.w[kContainerRegion] = 8;
  auto fitted = fit_place_ranker(cases, prior, {kContainerRegion}, 0.001, 300);
  EXPECT_GT(fitted.w[kRegionNamed], 0.1) << "from 0, towards the feature that tells the answers";
  EXPECT_EQ(fitted.w[kContainerRegion], 8) << "fixed";
  EXPECT_EQ(fitted.w[kIsCapital], 0) << "a feature no case uses keeps its prior";
  auto again = fit_place_ranker(cases, prior, {kContainerRegion}, 0.001, 300);
  EXPECT_EQ(fitted.w, again.w) << "deterministic";
  for (const auto& c : cases) EXPECT_GT(fitted.score(c.candidates[1]), fitted.score(c.candidates[0]));
}

TEST_F(SmallWorld, TownRegionPairsAreRankingCasesWithoutTheirClue) {
  PlaceResolver r(*gz_);
  std::string text = "Officials in Fairfield, Conn., met. Fairfield has a new school.";
  auto cases = r.ranking_cases(text, make_match_text(text));
  ASSERT_EQ(cases.size(), 1u);
  ASSERT_EQ(cases[0].candidates.size(), 2u);
  for (const auto& f : cases[0].candidates) EXPECT_EQ(f[kContainerRegion], 0) << "the clue is hidden";
}

}  // namespace
}  // namespace seismo
