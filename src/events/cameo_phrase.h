// The phrase language of the TABARI and PETRARCH dictionaries, which the
// published CAMEO verb, actor and agent dictionaries are written in, and a
// matcher of its phrases against the words of a sentence. Internal to
// events.
//
// A phrase is a sequence of elements. A blank between two elements lets
// other words come between them; '_' (or '-') joins them, so the second
// must follow at once. A word followed by '_' is closed (the text word must
// be that word, or with a regular ending where the dictionary allows one);
// a word followed by a blank or by '~' is open (any text word beginning
// with it); '=' makes a word exact. '*' is the verb, '$' the source actor,
// '+' the target actor, '%' a compound actor, '^' an actor to step over,
// '&NAME' any phrase of a synset, and "{ A | B C | D_E }" any of the
// alternatives.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace seismo::cameo {

enum class WordForm { kOpen, kClosed, kExact };
// Which regular endings a closed word accepts: actor and agent nouns take
// plural and possessive endings, verbs their inflections, pattern words
// none.
enum class Endings { kNone, kNoun, kVerb };

struct PhraseElement {
  enum class Kind { kWord, kVerb, kSource, kTarget, kCompound, kSkip, kSynset, kChoice };
  Kind kind = Kind::kWord;
  std::string word;  // kWord: upper case; kSynset: the name with its '&'
  WordForm form = WordForm::kOpen;
  bool joined = false;  // the next element must follow at once
  std::vector<std::vector<PhraseElement>> choices;           // kChoice, left to right
  std::vector<std::vector<PhraseElement>> reversed_choices;  // the same read right to left
};
using Phrase = std::vector<PhraseElement>;

// Parses `text`; false with `error` set when braces do not pair or a
// phrase is empty.
bool parse_phrase(std::string_view text, Phrase& out, std::string& error);
// The phrase read right to left (for matching leftwards from a verb).
Phrase reverse_phrase(const Phrase& p);
// How specific a phrase is: the letters of its literal words (a synset
// counts one, alternatives their longest). TABARI tries the longest
// pattern first.
int phrase_weight(const Phrase& p);
// One phrase for each way through its alternatives, at most `limit`:
// patterns are ranked by length once their alternatives are spelt out.
std::vector<Phrase> expand_choices(const Phrase& p, size_t limit = 64);

// Makes every open word closed: PETRARCH's dictionaries mean whole words.
void close_open_words(Phrase& p);

bool word_matches(const PhraseElement& e, std::string_view text_word, Endings endings);

// One word of a sentence as the coder sees it.
struct CodingToken {
  std::string word;           // upper case ("ESTONIA'S")
  size_t begin = 0, end = 0;  // bytes into the sentence
  bool capitalised = false;   // written with a capital first letter
};

// Actors a slot ('$', '+', '%', '^') can take: one actor or a compound,
// covering tokens [first, last].
struct SlotGroup {
  int first = 0, last = 0;
  bool compound = false;
};

struct Synset {
  std::vector<Phrase> phrases, reversed;
};
using SynsetTable = std::unordered_map<std::string, Synset>;

struct PhraseMatch {
  int next = 0;  // the token after the match, in the direction matched
  int source = -1, target = -1, compound = -1;  // slot groups taken
  int words = 0;                               // text words matched by literal elements
  std::vector<int> tokens;                     // tokens matched by literal elements
};

class PhraseMatcher {
 public:
  PhraseMatcher(const std::vector<CodingToken>& tokens, const std::vector<SlotGroup>& groups,
                const SynsetTable* synsets);

  // Matches `p` from token `start` stepping by `dir` (+1 rightwards, -1
  // leftwards, with a phrase reversed by reverse_phrase), never past
  // tokens [lo, hi]. With `anchored` the first element must be at
  // `start`; otherwise any number of words may come first.
  bool match(const Phrase& p, int start, int dir, bool anchored, int lo, int hi, Endings endings,
             PhraseMatch& out) const;

 private:
  bool match_from(const Phrase& p, size_t k, int pos, bool anchored, PhraseMatch& m) const;
  bool match_element(const PhraseElement& e, int pos, PhraseMatch& m, std::vector<PhraseMatch>& ways) const;

  const std::vector<CodingToken>& tokens_;
  const std::vector<SlotGroup>& groups_;
  const SynsetTable* synsets_;
  std::vector<std::vector<int>> starting_, ending_;  // slot groups by first and by last token
  // The matching in progress.
  mutable int dir_ = 1, lo_ = 0, hi_ = 0, depth_ = 0;
  mutable long budget_ = 0;
  mutable Endings endings_ = Endings::kNone;
};

}  // namespace seismo::cameo
