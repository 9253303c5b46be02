#include "events/clause_reading.h"

#include <algorithm>
#include <initializer_list>

namespace seismo {
namespace {

// Verbs and adjectives that control an infinitive and say whether its act
// happens: "failed to reach", "plans to meet", "urged Serbia to withdraw".
std::optional<Modality> controller_modality(std::string_view lemma) {
  if (one_of(lemma, {"fail", "refuse", "decline", "reject", "cease", "avoid", "unable", "neglect", "forbid", "prevent",
                 "deny", "stop", "abandon"}))
    return Modality::kDenied;
  if (one_of(lemma, {"threaten", "warn"})) return Modality::kThreatened;
  if (one_of(lemma, {"ask", "urge", "call", "demand", "request", "appeal", "press", "invite", "encourage", "tell",
                 "order", "instruct", "implore", "beg", "exhort", "want"}))
    return lemma == "want" ? Modality::kPlanned : Modality::kRequested;
  if (one_of(lemma, {"could", "able", "likely", "unlikely", "may", "might", "allow", "permit", "possible", "expect",
                 "hope", "seem", "appear", "consider", "mull", "weigh", "free"}))
    return Modality::kHypothetical;
  if (one_of(lemma, {"plan", "intend", "prepare", "aim", "seek", "try", "attempt", "decide", "agree", "promise", "vow",
                 "pledge", "offer", "ready", "set", "go", "wish", "mean", "schedule", "due", "poised", "resolve",
                 "move", "begin", "start", "continue", "need", "have", "determined", "eager", "willing", "struggle",
                 "volunteer", "propose"}))
    // "began to", "continued to" assert; the others look ahead.
    return one_of(lemma, {"begin", "start", "continue", "have", "struggle"}) ? std::nullopt
                                                                        : std::optional<Modality>(Modality::kPlanned);
  return std::nullopt;
}

// Verbs whose complement clause is reported, denied, feared or demanded.
std::optional<Modality> complement_modality(std::string_view lemma) {
  if (one_of(lemma, {"deny", "reject", "dismiss", "refute", "doubt"})) return Modality::kDenied;
  if (one_of(lemma, {"threaten", "warn"})) return Modality::kThreatened;
  if (one_of(lemma, {"demand", "insist", "ask", "urge", "request", "propose", "suggest", "recommend"}))
    return Modality::kRequested;
  if (one_of(lemma, {"hope", "expect", "fear", "believe", "think", "suspect", "predict", "speculate", "worry",
                 "wonder", "assume", "imagine", "estimate", "guess"}))
    return Modality::kHypothetical;
  return std::nullopt;
}

// Nouns an infinitive depends on: "plans to attack", "a bid to seize".
std::optional<Modality> noun_modality(std::string_view lemma) {
  if (one_of(lemma, {"refusal", "failure"})) return Modality::kDenied;
  if (one_of(lemma, {"threat", "ultimatum", "warning"})) return Modality::kThreatened;
  if (one_of(lemma, {"call", "demand", "request", "appeal", "plea", "order"})) return Modality::kRequested;
  if (one_of(lemma, {"plan", "attempt", "bid", "effort", "decision", "offer", "intention", "proposal", "move", "push",
                 "readiness", "pledge", "promise", "drive", "campaign", "mission", "right", "way", "chance"}))
    return Modality::kPlanned;
  return std::nullopt;
}

bool reporting_verb(std::string_view lemma) {
  return one_of(lemma, {"say", "tell", "claim", "announce", "report", "state", "write", "add", "allege", "insist",
                    "confirm", "note", "declare", "explain", "stress", "argue", "assert", "quote", "reveal",
                    "disclose", "acknowledge", "admit", "remark", "comment", "tweet", "post", "recall", "testify",
                    "inform", "emphasize", "emphasise", "underline", "indicate", "reiterate", "mention"});
}

int rank(Modality m) {
  switch (m) {
    case Modality::kAsserted: return 0;
    case Modality::kPlanned: return 1;
    case Modality::kRequested: return 2;
    case Modality::kThreatened: return 3;
    case Modality::kHypothetical: return 4;
    case Modality::kDenied: return 5;
  }
  return 0;
}

void raise(Modality& m, Modality to) {
  if (rank(to) > rank(m)) m = to;
}

bool negated(const ParseTree& t, int w) {
  for (int c : t.children(w)) {
    std::string_view r = t.rel(c);
    const std::string& l = t.lower(c);
    if ((r == "advmod" || r == "neg") && one_of(l, {"not", "n't", "never", "no", "nowhere", "neither", "nor"})) return true;
    // "reached no deal", "no agreement was signed"
    if ((r == "obj" || r == "nsubj") && t.child(c, "det") >= 0 && one_of(t.lower(t.child(c, "det")), {"no"})) return true;
  }
  return false;
}

// The modal auxiliary of w, if any ("would", "could", "will", "must").
std::string_view modal_of(const ParseTree& t, int w) {
  for (int c : t.children(w)) {
    if (t.rel(c) != "aux") continue;
    std::string_view l = t.lower(c);
    if (one_of(l, {"would", "could", "might", "may", "can", "should", "must", "will", "shall", "'ll", "wo", "ca", "'d"}))
      return l;
  }
  return {};
}

}  // namespace

int antecedent(const ParseTree& t, int word) {
  if (word < 0) return word;
  if (t.is(word, "PRON") && one_of(t.lower(word), {"who", "which", "that", "whom", "whose"})) {
    // The pronoun is a dependent of its clause's verb, which hangs from the noun.
    int clause = t.head(word);
    if (clause >= 0 && t.deprel(clause) == "acl:relcl" && t.head(clause) >= 0) return t.head(clause);
  }
  return word;
}

Modality clause_modality(const ParseTree& t, int verb) {
  Modality m = Modality::kAsserted;
  bool reported = false;  // under "said": "would" tells the future, not a condition
  bool conditional_would = false;
  int node = verb;
  for (size_t steps = 0; node >= 0 && steps < t.size(); ++steps) {
    if (negated(t, node)) raise(m, Modality::kDenied);
    std::string_view modal = modal_of(t, node);
    if (one_of(modal, {"would", "'d", "could", "might", "may", "can", "ca", "should", "must"})) {
      if (modal == "would" || modal == "'d") conditional_would = true;
      else raise(m, Modality::kHypothetical);
    } else if (one_of(modal, {"will", "shall", "'ll", "wo"})) {
      raise(m, Modality::kPlanned);
    }
    std::string_view mark = t.mark_of(node);
    if (one_of(mark, {"if", "unless", "whether", "lest"})) raise(m, Modality::kHypothetical);
    std::string_view rel = t.rel(node);
    int gov = t.head(node);
    if (gov < 0) break;
    if (rel == "xcomp") {
      if (auto c = controller_modality(t.lemma(gov))) raise(m, *c);
      // "is going to": the progressive of "go" looks ahead.
      node = gov;
      continue;
    }
    if (rel == "ccomp" || rel == "csubj") {
      if (auto c = complement_modality(t.lemma(gov))) raise(m, *c);
      if (reporting_verb(t.lemma(gov))) reported = true;
      // The speaker's own modality is not the event's ("did not say that"
      // is rare): the walk stops at the verb the clause is reported by.
      break;
    }
    if (rel == "advcl" || rel == "acl") {
      // "to protect", "in order to establish", "so that": purpose; an
      // infinitive on a noun takes the noun's sense ("plans to attack").
      if (mark == "to" || mark == "in" || mark == "order" || mark == "so") {
        if (rel == "acl") {
          auto c = noun_modality(t.lemma(gov));
          raise(m, c ? *c : Modality::kPlanned);
          // "had no plans to send", "not a plan to attack"
          if (negated(t, gov) || (t.child(gov, "det") >= 0 && t.lower(t.child(gov, "det")) == "no") ||
              (t.head(gov) >= 0 && negated(t, t.head(gov))))
            raise(m, Modality::kDenied);
        } else {
          raise(m, Modality::kPlanned);
        }
      }
      break;
    }
    if (rel == "conj") {
      // Conjoined verbs share the first one's auxiliaries unless they have
      // their own: "would meet and discuss".
      if (!modal_of(t, node).empty() || t.child(node, "nsubj") >= 0) break;
      node = gov;
      continue;
    }
    break;
  }
  if (conditional_would) raise(m, reported ? Modality::kPlanned : Modality::kHypothetical);
  return m;
}

bool background_clause(const ParseTree& t, int verb) {
  int node = verb;
  for (size_t steps = 0; node >= 0 && steps < t.size(); ++steps) {
    for (int c : t.children(node)) {
      std::string_view r = t.rel(c);
      // Past perfect: "had attacked", "had been detained".
      if (r == "aux" && t.lemma(c) == "have" && t.word(c).xpos == "VBD" && t.word(node).xpos == "VBN") return true;
      if (r == "mark" && t.lemma(c) == "since") return true;
      if (r == "advmod" && one_of(t.lower(c), {"previously", "formerly", "once"}) && t.child(c, "case") < 0) return true;
      // "at the time", "back then", "in the past"
      if ((r == "obl" || r == "advmod") &&
          ((t.lemma(c) == "time" && t.case_of(c) == "at") || (t.lemma(c) == "past" && t.case_of(c) == "in") ||
           (t.lower(c) == "then" && t.child(c, "advmod") >= 0 && t.lower(t.child(c, "advmod")) == "back")))
        return true;
    }
    // A conjunct or a controlled verb shares its governor's background.
    std::string_view rel = t.rel(node);
    if (rel != "conj" && rel != "xcomp") break;
    node = t.head(node);
  }
  return false;
}

namespace {

void place_scope(const ParseTree& t, int w, bool top, std::vector<int>& out);
// The verb's own phrase, in text order (see place_scope).
std::vector<int> verb_phrase(const ParseTree& t, int verb);

// An adverbial clause of time: "after NATO attacked", "when the police
// detained" (with "when" as its marker or its adverb).
bool time_clause(const ParseTree& t, int node) {
  if (t.rel(node) != "advcl") return false;
  if (one_of(t.mark_of(node), {"after", "before", "when", "as", "while", "until", "once", "since"})) return true;
  for (int c : t.children(node))
    if (t.rel(c) == "advmod" && one_of(t.lower(c), {"when", "while", "whenever"}) && c < node) return true;
  return false;
}

// A year written as a number after a preposition of time: "in 1999",
// "since 2008", "by 2030", "during 1998".
std::optional<DateRef> year_of(const ParseTree& t, int w) {
  const std::string& s = t.lower(w);
  if (!t.is(w, "NUM") || s.size() != 4 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  int year = std::stoi(s);
  if (year < 1800 || year > 2100) return std::nullopt;
  std::string_view c = t.case_of(w);
  if (!one_of(c, {"in", "since", "during", "by", "until", "till", "before", "after", "from", "throughout"}) &&
      t.deprel(w) != "obl:tmod" && t.deprel(w) != "nmod:tmod")
    return std::nullopt;
  return DateRef{s, DatePrecision::kYear};
}

std::optional<DateRef> date_among(const ParseTree& t, const SentenceInput& input, const std::vector<int>& words) {
  for (int w : words) {
    int m = t.mention(w);
    if (m >= 0 && input.mentions[m]->kind == EntityKind::kDate && input.mentions[m]->date) return input.mentions[m]->date;
    if (auto y = year_of(t, w)) return y;
  }
  return std::nullopt;
}

}  // namespace

std::optional<DateRef> clause_date(const ParseTree& t, const SentenceInput& input, int verb) {
  int node = verb;
  for (size_t steps = 0; node >= 0 && steps < t.size(); ++steps) {
    if (auto d = date_among(t, input, t.clause_words(node, false))) return d;
    std::string_view rel = t.rel(node);
    // The day something was said is not the day it happened.
    if (t.head(node) >= 0 && reporting_verb(t.lemma(t.head(node)))) break;
    if (rel == "conj" || rel == "xcomp") {
      node = t.head(node);
      continue;
    }
    // "In 1999, after NATO attacked Serbia, ...": a time clause is dated
    // by the clause it modifies.
    if (time_clause(t, node)) {
      node = t.head(node);
      continue;
    }
    // "on December 10, when the police detained ...": the day the clause
    // is relative to.
    if (t.deprel(node) == "acl:relcl" && t.head(node) >= 0) {
      if (auto d = date_among(t, input, {t.head(node)})) return d;
    }
    break;
  }
  // A misparse may hang "on 10 December" on a word of the object: the
  // verb's whole phrase, its own clauses and subject aside.
  if (auto d = date_among(t, input, verb_phrase(t, verb))) return d;
  // "In 1999, after NATO attacked Serbia, Belgrade was forced to leave":
  // a time phrase opening the sentence, before its first comma, dates
  // every clause that has no date of its own.
  std::vector<int> opening;
  for (int w = 0; w < static_cast<int>(t.size()) && w < 6 && t.lower(w) != ","; ++w) opening.push_back(w);
  if (opening.size() < t.size() && opening.size() < 6 && t.lower(static_cast<int>(opening.size())) == ",")
    return date_among(t, input, opening);
  return std::nullopt;
}

namespace {

bool locative_case(std::string_view c) {
  return one_of(c, {"in", "at", "near", "outside", "inside", "around", "across", "along", "into", "throughout", "within",
                "off", "beyond", "between", "on", "over", "onto", "toward", "towards", "through", "outside_of",
                "nearby", "alongside", "amid", "among"});
}

// "at the request of the United States", "at the invitation of Serbia",
// "on the orders of Moscow": a phrase of circumstance, not of place, whose
// "of" names who asked, not where.
bool circumstance_noun(const ParseTree& t, int head) {
  return one_of(t.lemma(head), {"request", "invitation", "behest", "urging", "initiative", "order", "insistence",
                                "instruction", "instigation", "suggestion", "demand", "call", "direction", "command",
                                "expense", "mercy", "hand", "end", "height", "start", "beginning", "time", "cost",
                                "risk", "level", "side", "part", "suit", "recommendation", "advice"});
}

int place_in_phrase(const ParseTree& t, const SentenceInput& input, int head) {
  for (int w : t.phrase_words(head)) {
    int m = t.mention(w);
    if (m >= 0 && input.mentions[m]->kind == EntityKind::kPlace && input.mentions[m]->place) return m;
  }
  return -1;
}

// The verb's phrase for a place: its dependents and theirs, except its
// own clauses (a complement, an adverbial clause, a conjunct), its
// subject, and relative clauses ("Serbs who live in Gračanica").
void place_scope(const ParseTree& t, int w, bool top, std::vector<int>& out) {
  out.push_back(w);
  for (int c : t.children(w)) {
    std::string_view r = t.rel(c);
    // A nominal "parataxis" is a modifier the parse could not place ("...,
    // at the Jarinje checkpoint"); a verbal one is a clause of its own.
    bool nominal = t.is(c, "NOUN") || t.is(c, "PROPN");
    if (top && (r == "ccomp" || r == "advcl" || (r == "parataxis" && !nominal) || r == "conj" || r == "csubj" ||
                r == "nsubj"))
      continue;
    if (t.deprel(c) == "acl:relcl" || r == "appos") continue;
    place_scope(t, c, false, out);
  }
}

std::vector<int> verb_phrase(const ParseTree& t, int verb) {
  std::vector<int> out;
  place_scope(t, verb, true, out);
  std::sort(out.begin(), out.end());
  return out;
}

// A place named right after a locative preposition ("in Zvečan", "at the
// Jarinje crossing", "near the town of Leposavić"), as written.
bool after_locative(const ParseTree& t, int w) {
  for (int k = w - 1, back = 0; k >= 0 && back < 3; --k, ++back) {
    if (t.is(k, "ADP") || t.is(k, "SCONJ")) return locative_case(t.lower(k));
    if (!t.is(k, "DET") && !t.is(k, "ADJ") && !t.is(k, "NUM")) return false;
  }
  return false;
}

}  // namespace

int clause_place_mention(const ParseTree& t, const SentenceInput& input, int verb) {
  int node = verb;
  for (size_t steps = 0; node >= 0 && steps < t.size(); ++steps) {
    for (int c : t.children(node)) {
      std::string_view r = t.rel(c);
      if (r == "obl" && locative_case(t.case_of(c)) && !circumstance_noun(t, c)) {
        if (int m = place_in_phrase(t, input, c); m >= 0) return m;
      }
      // "shelled Gaza", "entered Zvečan": a place acted on is where it happened.
      if (r == "obj") {
        int m = t.mention(c);
        if (m >= 0 && input.mentions[m]->kind == EntityKind::kPlace && input.mentions[m]->place) return m;
      }
      // "..., entering Zvečan", "while crossing into Kosovo"
      if ((r == "advcl" || r == "xcomp") && one_of(t.lemma(c), {"enter", "reach", "cross", "approach", "arrive"})) {
        for (int g : t.children(c)) {
          if ((t.rel(g) == "obj" || (t.rel(g) == "obl" && locative_case(t.case_of(g))))) {
            if (int m = place_in_phrase(t, input, g); m >= 0) return m;
          }
        }
      }
    }
    std::string_view rel = t.rel(node);
    // "gathered in northern Kosovo, peacefully protesting": a participle
    // of manner or a time clause happened where its clause did.
    bool participle = rel == "advcl" && t.mark_of(node).empty() && t.word(node).xpos == "VBG";
    if (rel != "conj" && rel != "xcomp" && !participle && !time_clause(t, node)) break;
    node = t.head(node);
  }
  // The parse may hang a locative phrase on the wrong word ("at the Jarinje
  // crossing" read as a clause on the object): a place right after a
  // locative preposition in the verb's own phrase still counts.
  for (int w : verb_phrase(t, verb)) {
    int m = t.mention(w);
    if (m < 0 || (w > 0 && t.mention(w - 1) == m)) continue;  // the mention's first word only
    if (input.mentions[m]->kind == EntityKind::kPlace && input.mentions[m]->place && after_locative(t, w)) return m;
  }
  return -1;
}

int clause_speaker_word(const ParseTree& t, int verb);

int clause_speaker(const ParseTree& t, int verb) {
  // A relative pronoun the parse left unattached names nobody.
  int s = clause_speaker_word(t, verb);
  if (s >= 0 && one_of(t.lower(s), {"which", "who", "whom", "that", "what", "whose"})) return -1;
  return s;
}

int clause_speaker_word(const ParseTree& t, int verb) {
  int node = verb;
  for (size_t steps = 0; node >= 0 && steps < t.size(); ++steps) {
    for (int c : t.children(node)) {
      // "The troops, the ministry said, arrived"; "..., he added."; a
      // trailing "local media reported" read as a conjunct.
      if ((t.rel(c) == "parataxis" || (t.rel(c) == "conj" && c > node)) && reporting_verb(t.lemma(c)) &&
          t.child(c, "ccomp") < 0 && t.child(c, "obj") < 0) {
        int s = t.child(c, "nsubj");
        if (s >= 0) return antecedent(t, s);
      }
      // "according to local media"
      if (t.rel(c) == "obl" && t.case_of(c) == "according") return c;
    }
    std::string_view rel = t.rel(node);
    int gov = t.head(node);
    if (gov < 0) break;
    if ((rel == "ccomp" || rel == "parataxis") && reporting_verb(t.lemma(gov))) {
      int s = t.child(gov, "nsubj");
      return s >= 0 ? antecedent(t, s) : -1;  // "it was reported that": nobody named
    }
    node = gov;
  }
  // "according to X" wherever the parse hung it: the whole sentence's source.
  for (size_t w = 0; w < t.size(); ++w) {
    int i = static_cast<int>(w);
    if (t.rel(i) == "case" && t.lower(i) == "according" && t.head(i) >= 0) return t.head(i);
  }
  // "..., local media reported." however it was parsed: a short phrase
  // between the last comma and a closing reporting verb.
  int last = static_cast<int>(t.size()) - 1;
  while (last >= 0 && t.is(last, "PUNCT")) --last;
  if (last > 1 && last != verb && reporting_verb(t.lemma(last))) {
    int noun = -1;
    for (int k = last - 1; k >= 0 && k >= last - 6; --k) {
      if (t.lower(k) == ",") return noun;
      if (noun < 0 && (t.is(k, "NOUN") || t.is(k, "PROPN") || t.is(k, "PRON"))) noun = k;
    }
  }
  return -1;
}

}  // namespace seismo
