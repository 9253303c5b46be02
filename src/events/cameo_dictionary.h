// The dictionaries of the TABARI and PETRARCH coders: verbs with their
// patterns, actors with dated codes, agents, synsets, and the noun and
// adjective lists the sparse parse uses, loaded from a TABARI project
// file or a PETRARCH dictionary directory, with a TABARI options file's
// coding settings. Internal to events.
#pragma once
#include <climits>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "events/cameo_phrase.h"

namespace seismo::cameo {

// A verb pattern: the words before the verb (stored right to left, nearest
// the verb first) and after it, and the code it gives.
struct VerbPattern {
  Phrase upper, lower;
  bool upper_joined = false;  // the first upper element must stand right before the verb
  bool lower_joined = false;  // the first lower element must follow the verb at once
  std::string code;           // "064", "032:033", "---", "+++", "###", "023?"
  std::string text;           // as written, for explaining a code
  int weight = 0;             // literal words; the longest pattern is tried first
};

struct VerbEntry {
  Phrase phrase;  // the verb ("BURN DOWN", "CALLED_ON")
  std::string code;
  std::string text;
  std::shared_ptr<std::vector<VerbPattern>> patterns;  // shared by a verb's forms
};

struct DatedCode {
  std::string code;  // "ARN", "ELR/GAL", "---", "###", "+++"
  int from = INT_MIN, to = INT_MAX;  // days since 1970-01-01, inclusive
};

struct ActorEntry {
  Phrase phrase;
  std::string text;
  std::shared_ptr<std::vector<DatedCode>> codes;  // shared by synonyms
  // The code on `day` (days since 1970-01-01, INT_MIN when unknown): the
  // restricted code covering the day, else the unrestricted one.
  std::string code_on(int day) const;
};

struct AgentEntry {
  Phrase phrase;
  std::string text;
  std::string code;     // "GOV"
  bool prefix = false;  // "NGM~": the code goes before the actor's
};

// Settings of a TABARI .options file (and the OPTION: lines of a
// validation file) that change what is coded.
struct CodingOptions {
  enum class Scope { kClause, kSentence, kAll };
  Scope scope = Scope::kClause;
  int complex_verbs = 0, complex_conjunctions = 0;  // 0: no limit
  bool no_actor_prior_is_complex = false;
  int min_words = 0;  // sentences with fewer words are not coded
  int max_words = 0;  // 0: no limit
  // Comma-delimited clauses dropped by length in words: internal, at the
  // end, at the start (bmin > bmax switches the start off).
  int comma_min = 2, comma_max = 10, comma_emin = 2, comma_emax = 10, comma_bmin = 255, comma_bmax = 0;
  bool convert_agents = false;  // an agent with no actor is an actor ("~MIL")
  std::string default_source, default_target;
  bool default_source_prior = false;  // the default source only when no actor precedes the verb
  bool default_target_after = false;  // the default target only when no actor follows the verb
  bool forward = false;               // pronouns may refer to the previous sentence's subject
  // PETRARCH's readings, set when its dictionaries are loaded: contractions
  // are split as the Penn Treebank splits them ("didn't" -> "did n't"), and
  // an agent beside a compound applies to each of its actors ("the
  // ambassadors of Arnor, Osgiliath and Gondor").
  bool treebank_contractions = false;
  bool agents_over_compounds = false;
  bool four_digit_years = false;
  bool time_shift = false;  // TIME phrases apply (here: their discard and complex codes)
};

// Applies one options line ("SET: CODE ALL", "COMPLEX: VERBS[5] CONJ[4]")
// to `options`; false when it is not understood.
bool apply_coding_option(std::string_view line, CodingOptions& options);

// A phrase of the verb dictionary's <TIME> section ("KAN_WA_MA_KAN [###]").
struct TimePhrase {
  Phrase phrase;
  std::string code;  // "-1", "+7", "###", "+++"
};

class CameoDictionary {
 public:
  // TABARI: a .project file naming .actors, .verbs, .agents and .options
  // files. Problems go to `warnings` ("FILE:LINE: what is wrong"); false
  // when no verb could be loaded.
  bool load_tabari_project(const std::string& path, std::vector<std::string>& warnings);
  // PETRARCH: a directory with a verb dictionary (CAMEO.*.txt or
  // *verbs*.txt), actor files and agent files, or those files themselves.
  bool load_petrarch(const std::vector<std::string>& paths, std::vector<std::string>& warnings);
  // The PETRARCH verb dictionaries among `paths` (files, or files in
  // directories): names containing "verb" or starting with "CAMEO.".
  static std::vector<std::string> petrarch_verb_files(const std::vector<std::string>& paths);

  bool load_verbs(const std::string& path, std::vector<std::string>& warnings);
  bool load_actors(const std::string& path, std::vector<std::string>& warnings);
  bool load_agents(const std::string& path, std::vector<std::string>& warnings);
  bool load_discards(const std::string& path, std::vector<std::string>& warnings);
  bool load_options(const std::string& path, std::vector<std::string>& warnings);

  // Sorts patterns and builds the first-word indexes; call after loading.
  void index();

  const std::vector<VerbEntry>& verbs() const { return verbs_; }
  const std::vector<ActorEntry>& actors() const { return actors_; }
  const std::vector<AgentEntry>& agents() const { return agents_; }
  const SynsetTable& synsets() const { return synsets_; }
  const std::vector<TimePhrase>& time_phrases() const { return time_phrases_; }
  const CodingOptions& options() const { return options_; }
  CodingOptions& options() { return options_; }
  bool is_noun(std::string_view word) const;
  bool is_adjective(std::string_view word) const;
  bool has_adjective_list() const { return !adjectives_.empty(); }

  // Entries whose phrase may begin with `word`: an index by first word,
  // looked up under every prefix of it.
  void verbs_starting(std::string_view word, std::vector<int>& out) const { lookup(verb_index_, word, out); }
  void actors_starting(std::string_view word, std::vector<int>& out) const { lookup(actor_index_, word, out); }
  void agents_starting(std::string_view word, std::vector<int>& out) const { lookup(agent_index_, word, out); }

 private:
  using Index = std::unordered_map<std::string, std::vector<int>>;
  static void lookup(const Index& index, std::string_view word, std::vector<int>& out);
  bool word_listed(const std::vector<Phrase>& list, std::string_view word) const;

  std::vector<VerbEntry> verbs_;
  std::vector<ActorEntry> actors_;
  std::vector<AgentEntry> agents_;
  std::vector<Phrase> nouns_, adjectives_;
  SynsetTable synsets_;
  std::vector<TimePhrase> time_phrases_;
  CodingOptions options_;
  Index verb_index_, actor_index_, agent_index_;
};

}  // namespace seismo::cameo
