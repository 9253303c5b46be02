#include "comments/abuse.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "comments/lexicon.h"
#include "comments/normalise.h"
#include "common/utf8.h"

namespace seismo {
namespace {

// How much less a score counts when the text condemns abuse ("calling
// people 'monkeys' is racist") or quotes it.
constexpr double kDenounced = 0.35;
constexpr double kQuoted = 0.5;
// How far back (in words) a negator still negates: "no particular
// contempt", "not at all ignorant" ("no better than" is a phrase of its own).
constexpr size_t kNegationReach = 3;

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
  Scoring(const CommentText& text, std::vector<Hit> hits) : text_(text), hits_(std::move(hits)) {}

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
      if (t.capitalised && !t.all_caps && !first_of_sentence && !covered(k)) sentences_[text_.sentence[k]].named_person = true;
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
      for (const Hit& a : hits_) {
        if (a.entry->category != LexCategory::kAddressee) continue;
        uint32_t gap = a.first >= id.end ? a.first - id.end : id.first >= a.end ? id.first - a.end : 0;
        if (gap <= 1 && text_.sentence[a.first] == text_.sentence[id.first]) addressed_groups_.insert(id.entry->group);
      }
    }
    for (size_t k = 0; k < sentences_.size(); ++k) score_sentence(sentences_[k]);
    double damp = denounced_ ? kDenounced : 1.0;
    AbuseFlags& f = out_.flags;
    f.insult *= damp;
    f.identity_attack *= damp;
    f.threat *= damp;
    f.toxicity = std::max({f.insult, f.identity_attack, f.threat, f.profanity * 0.85, f.sexual * 0.85});
    std::sort(out_.reasons.begin(), out_.reasons.end(),
              [](const AbuseReason& a, const AbuseReason& b) { return a.start < b.start; });
    return std::move(out_);
  }

 private:
  bool covered(size_t token) const {
    for (const Hit& h : hits_) {
      if (h.first <= token && token < h.end) return true;
    }
    return false;
  }

  bool negated(const Hit& h) const {
    uint32_t sentence = text_.sentence[h.first];
    for (const Hit& n : hits_) {
      if (n.entry->category != LexCategory::kNegator || n.end > h.first) continue;
      if (text_.sentence[n.first] != sentence || h.first - n.end >= kNegationReach) continue;
      // "Aren't Muslims just vermin?": a negator opening a question asks,
      // it does not deny.
      bool opens_question = (n.first == 0 || text_.sentence[n.first - 1] != sentence) &&
                            sentence < text_.question.size() && text_.question[sentence];
      if (!opens_question) return true;
    }
    return false;
  }

  // A slur claimed by its own group: "we queers", "as a dyke myself".
  bool claimed(const Hit& h) const {
    for (const Hit& s : hits_) {
      if (s.entry->category == LexCategory::kSelf && s.end <= h.first && h.first - s.end < 3 &&
          text_.sentence[s.first] == text_.sentence[h.first])
        return true;
    }
    return false;
  }

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
          if (!groups.empty() && !(e.category == LexCategory::kInsult && s.positive)) {
            attack(h, std::min(0.95, w + 0.1), groups);
          }
          if (e.category == LexCategory::kInsult) {
            if (!e.ambiguous || person) raise(f.insult, person ? w : w * 0.8, h, "insult");
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
          bool aimed = person || !groups.empty();
          raise(f.threat, aimed ? w : w * 0.5, h, "threat");
          if (!groups.empty()) attack(h, std::max(0.85, w), groups);
          break;
        }
        case LexCategory::kProfanity: {
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

  bool near_group(const Hit& h, const Sentence& s) const {
    for (const Hit* g : s.hits) {
      if (g->entry->category != LexCategory::kIdentity && g->entry->category != LexCategory::kPronoun) continue;
      uint32_t gap = g->first >= h.end ? g->first - h.end : h.first >= g->end ? h.first - g->end : 0;
      if (gap <= 2) return true;
    }
    return false;
  }

  const CommentText& text_;
  std::vector<Hit> hits_;
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
  // (data/abuse/vendor): cuss-LANG.js and naughty-words-LANG.json.
  if (bundled && options.word_lists) {
    std::error_code ec;
    fs::path vendor = fs::path(default_abuse_lexicon_dir()) / "vendor";
    std::vector<fs::path> lists;
    for (const auto& f : fs::directory_iterator(vendor, ec)) lists.push_back(f.path());
    std::sort(lists.begin(), lists.end());
    for (const auto& p : lists) {
      std::string stem = p.stem().string();
      size_t dash = stem.rfind('-');
      if (dash == std::string::npos) continue;
      std::string language = stem.substr(dash + 1);
      if (p.extension() == ".js") impl->lexicon.load_cuss(p.string(), language, warnings);
      else if (p.extension() == ".json") impl->lexicon.load_word_list(p.string(), language, warnings);
    }
  }
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

AbuseScore AbuseScorer::score(std::string_view text) const {
  const AbuseLexicon& lex = impl_->lexicon;
  CommentText ct = normalise_comment(text, &lex.view());
  std::vector<Hit> hits;
  for (const auto& h : lex.phrases()->scan(ct.match)) hits.push_back(Hit{&lex.entries()[h.id], h.first_token, h.end_token});
  // Of hits on the same words, the longest phrase speaks ("go back to" over
  // "back"); entries of one key all stay (a word may be a slur and an insult).
  std::vector<Hit> kept;
  for (const Hit& h : hits) {
    bool inside_longer = false;
    for (const Hit& o : hits) {
      if (o.first <= h.first && h.end <= o.end && (o.end - o.first) > (h.end - h.first)) inside_longer = true;
    }
    if (!inside_longer) kept.push_back(h);
  }
  std::sort(kept.begin(), kept.end(), [](const Hit& a, const Hit& b) { return a.first < b.first; });
  AbuseScore s = Scoring(ct, std::move(kept)).run();
  to_code_points(text, s);
  return s;
}

}  // namespace seismo
