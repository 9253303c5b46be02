// Stage: entities. Who, where and when in an article body: places resolved
// against the gazetteer, actors coded with CAMEO-style codes, dates
// resolved against the article's own date. Offsets count code points.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/dates.h"

namespace seismo {

enum class EntityKind { kPlace, kActor, kDate };

struct MatchText;
struct DateMention;
struct ActorSpan;

// A division a place lies in: its country (level 0), first-level region
// (1: state, province) or second-level division (2: county, district).
struct PlaceParent {
  std::string name;
  uint32_t geonameid = 0;  // 0: none known (null in JSON)
  int level = 0;
  std::string feature_code;
};

struct ResolvedPlace {
  std::string name;
  uint32_t geonameid = 0;  // 0: a curated place with no GeoNames id (null in JSON)
  double lat = 0, lon = 0;
  std::string country;       // ISO 3166 alpha-2
  std::string feature_code;  // GeoNames feature code (PPLA, PCLI, PSTB...)
  double confidence = 0;
  // Empty for an ordinary mention; "demonym" for a nationality word or
  // people ("Georgian forces", "Palestinians"), "in_organisation" for a
  // name opening an organisation's ("Hopkinton Police Department"),
  // "metonym" for a country or capital standing for its government
  // ("Egypt seeks", "Belgrade asked": the actor mention beside it says
  // who acts). Users
  // who want only places named as places drop these; the event coder never
  // locates an event by them.
  std::string role;
  std::vector<PlaceParent> parents;  // widest first; not the place itself
};

struct ActorRef {
  std::string name;  // canonical name from the dictionary ("Aleksandar Vučić", "Government of Serbia")
  std::string code;  // CAMEO-style code valid at the article's date ("SRBGOV")
};

struct DateRef {
  std::string value;  // "2022-12-10", "2022-12", "2022", or "--12-10" when the year cannot be known
  DatePrecision precision = DatePrecision::kDay;
};

// The names the JSON contract and the store use: "place"/"actor"/"date",
// "day"/"month"/"year"; parse_* accept exactly those.
const char* entity_kind_name(EntityKind kind);
const char* date_precision_name(DatePrecision precision);
EntityKind parse_entity_kind(std::string_view name);
DatePrecision parse_date_precision(std::string_view name);

struct EntityMention {
  EntityKind kind = EntityKind::kPlace;
  size_t start = 0, end = 0;  // code points into the text
  std::string text;
  std::optional<ResolvedPlace> place;
  std::optional<ActorRef> actor;
  std::optional<DateRef> date;
  // A country or capital named where it may stand for its state: the
  // government the event coder reads it as when it is the subject or the
  // object of a coded verb ("China praised Serbia"). Not part of the JSON
  // contract.
  std::optional<ActorRef> government;
};

// Bounds on one document's mentions. A real article, even a long report,
// names a few hundred places, actors and dates; a body with more is a dump,
// a list or a concatenation of pages, and every mention costs a row in the
// store and a JSON object. recognise() keeps the first kMaxEntityMentions
// in text order and reads no further.
inline constexpr size_t kMaxEntityMentions = 5000;
// Text is recognised in windows of at most this many bytes, cut at a line
// or sentence end, so the working set (a token and a key byte per byte of
// text, the automaton's hits, the spans) is bounded whatever the length of
// the body. Resolution context (one sense per name, the countries a text
// talks about) is the window's: a body shorter than this is one window.
inline constexpr size_t kEntityWindowBytes = size_t{1} << 20;

struct EntityOptions {
  std::string gazetteer;                  // index file; empty: default_gazetteer_path()
  std::vector<std::string> dictionaries;  // seismo-format actor files; empty: the bundled ones
  std::vector<std::string> petrarch;      // PETRARCH actor/agent dictionaries (files or directories)
  std::vector<std::string> tabari;        // TABARI .actors / .agents files
};

class EntityRecognizer {
 public:
  // Loads what it can. Each problem (a missing gazetteer, a malformed
  // dictionary line with its file and line number) is one entry of
  // `warnings`; the recognizer still works with what loaded.
  static std::unique_ptr<EntityRecognizer> load(const EntityOptions& options, std::vector<std::string>& warnings);
  ~EntityRecognizer();

  bool has_gazetteer() const;
  // Mentions in text order. `published` anchors relative dates and chooses
  // each actor's role; a text without a publication day takes the roles
  // valid on the latest date it names itself (see role_day()); `language`
  // (ISO 639-1, may be empty) lets place names be found in their inflected
  // forms in Serbian, Croatian, Bosnian and Albanian ("u Zvečanu",
  // "në Mitrovicë"). At most kMaxEntityMentions: when the text has more,
  // `stopped_at` (if given) receives the byte offset of the first mention
  // left out, and text from there on was not read; otherwise text.size().
  std::vector<EntityMention> recognise(std::string_view text, const std::optional<CalendarDate>& published,
                                       std::string_view language = {}, size_t* stopped_at = nullptr) const;

 private:
  struct Impl;
  struct Found;  // a mention with byte offsets into its window, before its text and code points
  explicit EntityRecognizer(std::unique_ptr<Impl> impl);
  void recognise_window(std::string_view window, const MatchText& t, const std::vector<ActorSpan>& actor_spans,
                        std::vector<DateMention> dates, std::optional<int> role_day, std::string_view language,
                        std::vector<Found>& found) const;
  std::unique_ptr<Impl> impl_;
};

// The day whose roles an article's actors are coded with, in days since
// 1970-01-01: its publication day; without one, the latest date the text
// names (a month or year named counts as its last day, and none after the
// publication month or year when that is known); with neither, none (each
// actor's latest role).
std::optional<int> role_day(std::string_view text, const std::optional<CalendarDate>& published);

// The bundled actor dictionaries, in the order they load (the first to give
// a name keeps it): the hand-written data/actors.txt (the Western Balkans,
// agents and titles), data/actors_world.txt, actors_igo.txt,
// actors_groups.txt, actors_people.txt, then the countries of the world
// generated at build time (actors_countries.txt), all beside the gazetteer
// in the build tree. $SEISMO_ACTORS, when set, is the one file instead.
std::vector<std::string> default_actor_dictionary_paths();

}  // namespace seismo
