// The stories stage on its own: dates as day spans, the terms documents are
// compared by, and when two tellings are one occurrence.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "common/dates.h"
#include "common/hash.h"
#include "stories/stories.h"

namespace seismo {
namespace {

TEST(StoryDays, DatesMonthsYearsAndIntervalsSpanTheirDays) {
  int dec10 = days_from_civil(2022, 12, 10);
  EXPECT_EQ(iso_days("2022-12-10"), std::make_pair(dec10, dec10));
  EXPECT_EQ(iso_days("2022-12-10T08:30"), std::make_pair(dec10, dec10));
  EXPECT_EQ(iso_days("2022-12"), std::make_pair(days_from_civil(2022, 12, 1), days_from_civil(2022, 12, 31)));
  EXPECT_EQ(iso_days("2024-02")->second - iso_days("2024-02")->first, 28);  // a leap year
  EXPECT_EQ(iso_days("2022"), std::make_pair(days_from_civil(2022, 1, 1), days_from_civil(2022, 12, 31)));
  EXPECT_EQ(iso_days("2022-12-10/2022-12-12"), std::make_pair(dec10, dec10 + 2));
  EXPECT_FALSE(iso_days("--11"));        // the year unknown
  EXPECT_FALSE(iso_days("2022-13"));
  EXPECT_FALSE(iso_days("2022-02-30"));
  EXPECT_FALSE(iso_days("December"));
  EXPECT_FALSE(iso_days(""));
  EXPECT_FALSE(iso_days("2022-12-12/2022-12-10"));  // backwards
}

TermVector unit(const TermVector& counts) {
  return weigh_terms(counts, [](uint64_t) { return 1.0; }, 1000);
}

bool has_word(const TermVector& v, const std::string& stem) {
  uint64_t h = hash64("w\x1f" + stem);
  return std::any_of(v.begin(), v.end(), [&](const auto& t) { return t.first == h; });
}

TEST(StoryTerms, ContentWordsStemmedWithoutFunctionWordsOrNumbers) {
  StoryOptions o;
  TermVector v = story_term_counts({"", "The police detained the protesters in 2022 at the barricades.", "en", {}}, o);
  EXPECT_TRUE(has_word(v, "polic"));
  EXPECT_TRUE(has_word(v, "detain"));
  EXPECT_TRUE(has_word(v, "barricad"));
  EXPECT_FALSE(has_word(v, "the"));
  EXPECT_FALSE(has_word(v, "2022"));
  EXPECT_FALSE(has_word(v, "at"));
}

TEST(StoryTerms, ScriptsAndCasesGiveTheSameTermsAndTitlesWeighMore) {
  StoryOptions o;
  TermVector latin = story_term_counts({"", "Protest u Kosovskoj Mitrovici", "sr", {}}, o);
  TermVector cyrillic = story_term_counts({"", "ПРОТЕСТ У КОСОВСКОЈ МИТРОВИЦИ", "sr", {}}, o);
  EXPECT_NEAR(cosine(latin, cyrillic), 1.0, 1e-6);
  TermVector in_title = story_term_counts({"Barricades", "Roads closed.", "en", {}}, o);
  TermVector in_body = story_term_counts({"", "Barricades. Roads closed.", "en", {}}, o);
  auto weight = [](const TermVector& v, uint64_t h) {
    for (const auto& t : v)
      if (t.first == h) return t.second;
    return 0.0f;
  };
  uint64_t barricade = hash64(std::string("w\x1f") + "barricad");
  EXPECT_GT(weight(in_title, barricade), 2 * weight(in_body, barricade));
}

TEST(StoryTerms, EntitiesAreTermsOfTheirOwn) {
  StoryOptions o;
  TermVector a = story_term_counts({"", "", "en", {"place:789225", "actor:KSVCOP"}}, o);
  TermVector b = story_term_counts({"", "", "en", {"place:789225"}}, o);
  EXPECT_EQ(a.size(), 2u);
  EXPECT_GT(cosine(a, b), 0.5);
  EXPECT_TRUE(story_term_counts({"", "", "en", {}}, o).empty());
}

TEST(StoryTerms, WeighingKeepsTheStrongestAtUnitLength) {
  TermVector counts = {{1, 1.0f}, {2, 5.0f}, {3, 2.0f}, {4, 0.5f}};
  TermVector v = weigh_terms(counts, [](uint64_t t) { return t == 3 ? 4.0 : 1.0; }, 2);
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].first, 2u);  // sorted by term
  EXPECT_EQ(v[1].first, 3u);  // 2 x 4 beats 1 and 0.5
  EXPECT_NEAR(v[0].second * v[0].second + v[1].second * v[1].second, 1.0, 1e-6);
  EXPECT_NEAR(cosine(v, v), 1.0, 1e-6);
  EXPECT_EQ(cosine(v, TermVector{{9, 1.0f}}), 0.0);
  EXPECT_EQ(cosine(v, {}), 0.0);
}

TEST(StoryTerms, CentroidsSumAndCutAndPackRoundTrips) {
  TermVector c = add_to_centroid(unit({{1, 1}, {2, 1}}), unit({{2, 1}, {3, 1}}), 10);
  ASSERT_EQ(c.size(), 3u);
  EXPECT_NEAR(c[1].second, 2 / std::sqrt(2.0), 1e-6);  // term 2 in both
  TermVector cut = add_to_centroid(c, unit({{2, 1}}), 1);
  ASSERT_EQ(cut.size(), 1u);
  EXPECT_EQ(cut[0].first, 2u);
  EXPECT_EQ(unpack_terms(pack_terms(c)), c);
  EXPECT_TRUE(unpack_terms("short").empty());
}

// An event as the coder gives it, for matching.
Event event(const std::string& cameo, const std::string& source, const std::string& target, const std::string& date,
            bool from_publication = false) {
  Event e;
  e.action.cameo = cameo;
  if (!source.empty()) e.source = EventParticipant{source, source};
  if (!target.empty()) e.target = EventParticipant{target, target};
  if (!date.empty()) e.date = DateRef{date, DatePrecision::kDay};
  e.date_from_publication = from_publication;
  return e;
}

void place(Event& e, uint32_t id, double lat, double lon, const std::string& feature = "PPL") {
  EntityMention m;
  m.place = ResolvedPlace{};
  m.place->geonameid = id;
  m.place->lat = lat;
  m.place->lon = lon;
  m.place->feature_code = feature;
  e.place = m;
}

TEST(Occurrences, TwoOutletsTellingOneDetentionAreOne) {
  StoryOptions o;
  // "On December 10 the regime detained a former policeman" (Pristina's
  // government, dated by the sentence) and "the Albanian police detained
  // the former policeman" (the police, dated by its article a day later).
  OccurrenceKey a = occurrence_key(event("173", "KSVGOV", "SRBCOP", "2022-12-10"), "2022-12-13", o);
  OccurrenceKey b = occurrence_key(event("173", "KSVCOP", "", "2022-12-11", true), "2022-12-11", o);
  EXPECT_GE(same_occurrence(a, b, o), kSameOccurrence);
  EXPECT_EQ(same_occurrence(a, b, o), same_occurrence(b, a, o));
  // A bare root is a less precise telling of the same act.
  OccurrenceKey root = occurrence_key(event("17", "KSVGOV", "SRBCOP", "2022-12-10"), "", o);
  EXPECT_GE(same_occurrence(a, root, o), kSameOccurrence);
}

TEST(Occurrences, AnotherActCountryDayModalityOrTownIsAnotherOccurrence) {
  StoryOptions o;
  OccurrenceKey arrest = occurrence_key(event("173", "KSVCOP", "SRBCVL", "2022-12-10"), "", o);
  // A raid is not an arrest, though both coerce.
  EXPECT_EQ(same_occurrence(arrest, occurrence_key(event("1712", "KSVCOP", "SRBCVL", "2022-12-10"), "", o), o), 0);
  // Serbia's police arresting is not Kosovo's.
  EXPECT_EQ(same_occurrence(arrest, occurrence_key(event("173", "SRBCOP", "SRBCVL", "2022-12-10"), "", o), o), 0);
  // Days apart.
  EXPECT_EQ(same_occurrence(arrest, occurrence_key(event("173", "KSVCOP", "SRBCVL", "2022-12-20"), "", o), o), 0);
  // Denied is not done.
  Event denied = event("173", "KSVCOP", "SRBCVL", "2022-12-10");
  denied.modality = Modality::kDenied;
  EXPECT_EQ(same_occurrence(arrest, occurrence_key(denied, "", o), o), 0);
  // No actor told by both: nothing says it is the same act.
  EXPECT_EQ(same_occurrence(occurrence_key(event("173", "", "SRBCVL", "2022-12-10"), "", o),
                            occurrence_key(event("173", "KSVCOP", "", "2022-12-10"), "", o), o),
            0);
  // Two towns 300 km apart; a country and a town in it do not conflict.
  Event here = event("173", "KSVCOP", "SRBCVL", "2022-12-10"), there = here, country = here;
  place(here, 1, 42.89, 20.87);
  place(there, 2, 44.80, 20.46);
  place(country, 3, 42.6, 20.9, "PCLI");
  EXPECT_EQ(same_occurrence(occurrence_key(here, "", o), occurrence_key(there, "", o), o), 0);
  EXPECT_GE(same_occurrence(occurrence_key(here, "", o), occurrence_key(country, "", o), o), kSameOccurrence);
  EXPECT_GT(same_occurrence(occurrence_key(here, "", o), occurrence_key(here, "", o), o),
            same_occurrence(occurrence_key(here, "", o), occurrence_key(country, "", o), o));
}

TEST(Occurrences, AnEventDatedByItsArticleHappenedShortlyBeforeIt) {
  StoryOptions o;
  OccurrenceKey told = occurrence_key(event("173", "KSVCOP", "", "2022-12-13", true), "2022-12-13", o);
  ASSERT_TRUE(told.days);
  EXPECT_EQ(told.days->second - told.days->first, o.publication_lag_days);
  EXPECT_GE(same_occurrence(told, occurrence_key(event("173", "KSVCOP", "", "2022-12-08"), "", o), o), kSameOccurrence);
  EXPECT_EQ(same_occurrence(told, occurrence_key(event("173", "KSVCOP", "", "2022-11-20"), "", o), o), 0);
  // Undated on both sides: actors and the act decide.
  OccurrenceKey undated = occurrence_key(event("173", "KSVCOP", "", ""), "", o);
  EXPECT_FALSE(undated.days);
  EXPECT_GE(same_occurrence(undated, told, o), kSameOccurrence);
}

}  // namespace
}  // namespace seismo
