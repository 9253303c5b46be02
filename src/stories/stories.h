// Stage: stories. Documents about the same development, across outlets and
// days, and the events they tell once per occurrence. The stage compares;
// the store keeps the stories, their terms and occurrences and drives it
// (store/stories.h), so that each new document is placed among the
// stories already stored and nothing is recomputed.
//
// A document joins the story it is most like when the likeness clears a
// threshold: the cosine of their weighted terms (words of the title and
// body, the places and actors named), raised by reuse links (a reprint or
// near-duplicate of a member always joins) and by events both tell, and
// only within a window of days around the story. Two events of one story
// are one occurrence when their action family, actors, place and dates
// agree (same_occurrence).
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "events/events.h"

namespace seismo {

// Every constant of the stage (docs/stories.md explains each).
struct StoryOptions {
  double join = 0.3;            // likeness from which a dated document joins a story
  double join_undated = 0.45;   // ... and one whose day is unknown (no window can rule it out)
  double passage_bonus = 0.2;   // added when the document shares a passage with a member
  double event_bonus = 0.08;    // added for each occurrence of the story the document also tells ...
  int max_event_bonuses = 2;    // ... at most this many times
  int window_days = 3;          // a dated document joins only a story seen within this many days of its date
  int document_terms = 60;      // a document's strongest terms kept
  int story_terms = 150;        // a story's strongest terms kept
  int lookup_terms = 15;        // a document's strongest terms that find candidate stories
  int lede_words = 800;         // body words read (a development is told first)
  int event_window_days = 2;    // two events dated further apart are not one occurrence
  int publication_lag_days = 7; // an event dated by its article happened at most this long before it
};

// Terms as (hash, weight), sorted by hash.
using TermVector = std::vector<std::pair<uint64_t, float>>;

// What the stage reads of a document.
struct StoryText {
  std::string title, body;
  std::string language;               // ISO 639-1, or empty
  std::vector<std::string> entities;  // one key per mention: "place:<geonameid or name>", "actor:<code>"
};

// Raw counts of a document's terms: its title's words (thrice) and its
// first `lede_words` body words, stemmed in its language, without the
// language's function words (stopwords-iso) or numbers; each entity key
// (twice). Counts are damped (1 + log) so a repeated word does not rule.
TermVector story_term_counts(const StoryText& text, const StoryOptions& options);

// The `keep` strongest terms of `counts` weighted by `idf`, scaled to unit length.
TermVector weigh_terms(const TermVector& counts, const std::function<double(uint64_t)>& idf, size_t keep);

// Cosine of two term vectors (any lengths).
double cosine(const TermVector& a, const TermVector& b);

// A story's terms after a new member: the sum of its members' unit
// vectors, cut to the `keep` strongest.
TermVector add_to_centroid(const TermVector& centroid, const TermVector& member, size_t keep);

// Term vectors as stored: packed little-endian (hash, weight) pairs.
std::string pack_terms(const TermVector& v);
TermVector unpack_terms(std::string_view blob);

// Day numbers (days since 1970-01-01) an ISO date or interval spans:
// "2022-12-10" one day, "2022-12" the month, "2022" the year,
// "2022-12-10/2022-12-12" the interval; nullopt when the year is unknown
// ("--11") or the text is no date.
std::optional<std::pair<int, int>> iso_days(std::string_view iso);

// An event as occurrences are matched.
struct OccurrenceKey {
  std::string cameo, source, target;    // codes; empty when unknown
  std::string modality;
  bool historical = false;
  bool has_place = false, place_is_area = false;  // area: a country or first-level division
  uint32_t geonameid = 0;
  double lat = 0, lon = 0;
  std::optional<std::pair<int, int>> days;  // when it can have happened
};
// `published`: the article's ISO date, which an event dated by it
// (date_from_publication) may precede by up to publication_lag_days.
OccurrenceKey occurrence_key(const Event& e, std::string_view published, const StoryOptions& options);

// Whether two events can be one occurrence, and how well they agree: 0
// when they cannot (another act: CAMEO base codes differ, though a bare
// root such as "17" may be any act of its family; another modality or period; actors of
// other countries, places far apart, dates further apart than
// event_window_days), else 1 for the family plus up to one for each of
// the exact code, each actor, the place and the day.
double same_occurrence(const OccurrenceKey& a, const OccurrenceKey& b, const StoryOptions& options);
// The least agreement that merges: the family and one actor at least.
inline constexpr double kSameOccurrence = 2.0;

}  // namespace seismo
