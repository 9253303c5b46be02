// Stage: comments. Abuse, hate and threats flagged per reader comment,
// offline and explainably: each flag is a score from 0 to 1, and each score
// comes with the words that raised it. English, Serbian/Croatian/Bosnian in
// both scripts, Albanian and Italian lexicons are bundled; identity terms
// alone never flag, and text that condemns abuse scores lower than abuse.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace seismo {

struct AbuseFlags {
  double toxicity = 0;         // any of the below, the strongest
  double insult = 0;           // abuse aimed at a person
  double identity_attack = 0;  // hate aimed at a group for who they are
  double threat = 0;           // a threat or a call to violence
  double profanity = 0;
  double sexual = 0;
};

struct AbuseReason {
  size_t start = 0, end = 0;  // code points into the text
  std::string category;       // insult, identity_attack, threat, profanity, sexual
  std::string term;           // the lexicon entry that matched, as the lexicon writes it
};

struct AbuseScore {
  AbuseFlags flags;
  std::vector<AbuseReason> reasons;
  std::vector<std::string> targets;  // identity groups attacked ("muslims", "serbs")
  bool flagged() const { return flags.toxicity >= 0.5; }
};

struct AbuseOptions {
  std::vector<std::string> lexicons;  // seismo-format files or directories; empty: the bundled ones
  bool word_lists = true;             // also the npm word lists installed beside the bundled lexicons
  bool common_words = true;           // the word-frequency lists beside them: ordinary words are never typos
};

class AbuseScorer {
 public:
  // Loads the lexicons; each problem is one entry of `warnings` (file and
  // line). Null when nothing could be loaded.
  static std::unique_ptr<AbuseScorer> load(const AbuseOptions& options, std::vector<std::string>& warnings);
  ~AbuseScorer();

  // Scores one comment in `language` (an ISO 639 code as language
  // identification gives it; empty or "und" when unknown). Text of a known
  // language meets only the entries of its own lexicons, and the exact words
  // marked international; words are read as mistyped or disguised lexicon
  // words of that language only. Text of an unknown language meets every
  // lexicon. Thread-safe.
  AbuseScore score(std::string_view text, std::string_view language) const;
  // Whether a lexicon is in `language` (Serbian, Croatian and Bosnian are one).
  bool covers(std::string_view language) const;
  size_t entry_count() const;

 private:
  struct Impl;
  explicit AbuseScorer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace seismo
