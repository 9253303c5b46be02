// Actors, countries and agents seismo codes, with their names, loaded from
// the project's own format (data/actors.txt, documented in
// docs/dictionaries.md) and from the PETRARCH and TABARI dictionary
// formats, then compiled into one automaton. Internal to entities.
#pragma once
#include <climits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/phrase_set.h"

namespace seismo {

struct ActorRole {
  std::string code;
  int from = INT_MIN, to = INT_MAX;  // days since 1970-01-01, inclusive
  std::string note;
};

struct ActorEntry {
  std::string name;
  std::vector<ActorRole> roles;
  // The code valid on `day` (days since 1970-01-01); without a day, or when
  // no role covers it, the role nearest in time (the latest when open).
  const ActorRole* role_at(std::optional<int> day) const;
};

struct CountryEntry {
  std::string cameo;  // "SRB", "KSV"
  std::string iso2;   // "RS", "XK"
  std::string name;
  std::vector<std::string> languages;  // ISO 639-3 official languages ("sqi", "srp"), where known
};

struct AgentEntry {
  std::string code;  // "COP", "MIL"
  std::string name;  // "police"
  // A title ("prime minister", "general"): a personal name may follow it,
  // and belongs to the composed actor ("Israeli Prime Minister Ehud Barak").
  bool title = false;
};

class ActorDictionary {
 public:
  enum class Kind { kActor, kCountry, kAgent };
  struct Phrase {
    Kind kind;
    uint32_t index;  // into actors(), countries() or agents()
    // Written in capitals in the dictionary ("WHO", "AU", "ICC"): an
    // acronym, met only in capitals ("Who said" is no organisation).
    bool acronym = false;
  };

  // Each returns false when the file cannot be read; malformed lines go
  // to `warnings` ("FILE:LINE: what is wrong") and are skipped.
  // With `countries_only`, only the @country lines: the code of each
  // country, which metonyms ("Belgrade asked") need whatever actor
  // dictionaries are in use.
  bool load_seismo(const std::string& path, std::vector<std::string>& warnings, bool countries_only = false);
  // PETRARCH (.txt) and TABARI (.actors, .agents) dictionaries share one
  // syntax: NAME_WITH_UNDERSCORES [CODE DATES], +SYNONYM lines, indented
  // [CODE DATES] lines, [~CODE] agents.
  bool load_cameo(const std::string& path, std::vector<std::string>& warnings);
  // Builds the automaton; call once after loading.
  bool compile(std::string* error);

  const PhraseSet* phrases() const { return phrases_.get(); }
  const std::vector<Phrase>& phrase_targets(uint32_t id) const { return targets_[id]; }
  // Every phrase as its match key (match_key()), in the order added; the
  // same index as phrase_targets() before compile().
  const std::vector<std::string>& phrase_keys() const { return keys_; }
  const std::vector<ActorEntry>& actors() const { return actors_; }
  const std::vector<CountryEntry>& countries() const { return countries_; }
  const std::vector<AgentEntry>& agents() const { return agents_; }
  const CountryEntry* country_by_iso2(std::string_view iso2) const;

 private:
  // `written_case`: the dictionary's capitals mean something (seismo's
  // format: "WHO" is an acronym); PETRARCH and TABARI write every name in
  // capitals.
  void add_phrase(std::string_view text, Kind kind, uint32_t index, bool written_case = true);

  std::vector<ActorEntry> actors_;
  std::vector<CountryEntry> countries_;
  std::vector<AgentEntry> agents_;
  std::vector<std::string> keys_;
  std::vector<std::vector<Phrase>> targets_;
  std::unique_ptr<PhraseSet> phrases_;
};

}  // namespace seismo
