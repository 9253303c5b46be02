#include "events/clause_coder.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <initializer_list>

#include "common/utf8.h"
#include "events/cameo_refine.h"
#include "events/clause_reading.h"

namespace seismo {
namespace {

bool hyphen_modifier(const SentenceInput& in, int m) { return is_hyphen_modifier(in, m); }
bool actor_mention(const SentenceInput& in, int m) { return is_actor_mention(in, m); }

// A country or capital that stands for its state when it acts or is acted on.
bool state_mention(const SentenceInput& in, int m) {
  return m >= 0 && static_cast<size_t>(m) < in.state_codes.size() && !in.state_codes[m].empty() &&
         !hyphen_modifier(in, m);
}

EventParticipant participant(const SentenceInput& in, int m) {
  const EntityMention* e = in.mentions[m];
  std::string code = e->actor ? e->actor->code : static_cast<size_t>(m) < in.state_codes.size() ? in.state_codes[m] : "";
  return EventParticipant{e->text, code, e->start, e->end};
}

struct Reading {
  const SentenceInput& in;
  const ParseTree& t;
  const ActorWords& words;
  std::string local_country;  // where the act happened, for agents with no country of their own
};

// A participant made of a phrase of the parse, not of one mention.
EventParticipant composed(const Reading& r, const std::vector<int>& words, std::string code) {
  const SentenceInput& in = r.in;
  size_t b = r.t.word(words.front()).begin, e = r.t.word(words.back()).end;
  auto cp = [&](size_t byte) { return in.cp_begin + code_point_count(in.body.substr(in.begin, byte - in.begin)); };
  return EventParticipant{std::string(in.body.substr(b, e - b)), std::move(code), cp(b), cp(e)};
}

// The agent code of a head noun with its compounds ("security forces",
// "coast guard ships" -> the longest known ending), or empty.
std::string agent_of_phrase(const Reading& r, int head) {
  const ParseTree& t = r.t;
  std::vector<int> words;
  // "President Mohamed Bazoum": a title before a name is a compound or a
  // descriptive modifier of it.
  // "former President Juan Orlando Hernandez": the title may hang on the
  // first name, itself a compound of the last.
  std::vector<int> adjectives;  // in a key only: "a military operation" is no one's
  std::vector<int> todo{head};
  while (!todo.empty() && words.size() < 8) {
    int h = todo.back();
    todo.pop_back();
    for (int c : t.children(h)) {
      // "armed men", "special forces", "a militant network": an adjective on
      // the head itself may be part of the agent's name.
      bool adjective = h == head && t.rel(c) == "amod";
      if (adjective) adjectives.push_back(c);
      if (!(t.rel(c) == "compound" || t.deprel(c) == "nmod:desc" || adjective) || c > head || t.mention(c) >= 0)
        continue;
      words.push_back(c);
      todo.push_back(c);
    }
  }
  std::sort(words.begin(), words.end());
  for (size_t from = 0; from <= words.size(); ++from) {
    std::string key;
    for (size_t k = from; k < words.size(); ++k) key += t.lower(words[k]) + " ";
    for (const std::string* last : {&t.lower(head), &t.lemma(head)}) {
      auto it = r.words.agents.find(key + *last);
      if (it != r.words.agents.end()) return it->second;
    }
  }
  // "a police checkpoint", "an army convoy": the thing is the agent's.
  for (int c : words) {
    if (std::find(adjectives.begin(), adjectives.end(), c) != adjectives.end()) continue;
    auto it = r.words.agents.find(t.lower(c));
    if (it != r.words.agents.end()) return it->second;
  }
  return {};
}

// The country a phrase's modifiers name ("Iranian", "Niger's", "in
// Niger", "Saudi-led"): its three-letter code, or empty.
std::string country_in_phrase(const Reading& r, int head) {
  const ParseTree& t = r.t;
  for (int c : t.children(head)) {
    std::string_view rel = t.rel(c);
    if (!(rel == "amod" || rel == "compound" || t.deprel(c) == "nmod:poss" ||
          (rel == "nmod" && one_of(t.case_of(c), {"of", "in", "from"}))))
      continue;
    int m = t.mention(c);
    if (m < 0 || static_cast<size_t>(m) >= r.in.state_codes.size() || r.in.state_codes[m].empty()) continue;
    // "NATO-backed forces" are someone else's; "Saudi-led forces" are Saudi.
    if (hyphen_modifier(r.in, m)) {
      size_t end = r.in.tokens[r.in.mention_tokens[m].second - 1].end;
      if (r.in.body.compare(end, 4, "-led") != 0) continue;
    }
    const std::string& code = r.in.state_codes[m];
    if (code.size() >= 3) return code.substr(0, 3);
  }
  return {};
}

// The words of the name a noun phrase gives its head: the phrase without
// its clauses and without phrases of other prepositions than "of" ("hundreds
// of protesters after President Lukashenko claimed victory" names no
// Lukashenko among the protesters).
std::vector<int> name_words(const ParseTree& t, int head) {
  std::vector<int> out, todo{head};
  while (!todo.empty() && out.size() < 64) {
    int w = todo.back();
    todo.pop_back();
    out.push_back(w);
    for (int c : t.children(w)) {
      std::string_view rel = t.rel(c);
      if (rel == "acl" || rel == "conj" || rel == "cc" || rel == "punct") continue;
      if ((rel == "nmod" || rel == "obl") && !t.case_of(c).empty() && t.case_of(c) != "of" &&
          t.deprel(c) != "nmod:poss")
        continue;
      todo.push_back(c);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The actors a noun phrase headed by `word` names: the mention of its
// head word ("KFOR", "Serbia"), else of a modifier that says whose it is
// ("the Serbian police", "Kosovo's prime minister", "patrols of KFOR",
// "the prime minister, Albin Kurti"), else a country's agent composed
// across the phrase ("Iranian security forces"). Conjuncts name further
// actors. `mentions` gets the mention of each (-1 when composed).
void phrase_actors(const Reading& r, int word, std::vector<EventParticipant>& out, std::vector<int>& mentions,
                   int depth = 0, bool states = true) {
  const ParseTree& t = r.t;
  const SentenceInput& in = r.in;
  if (word < 0 || depth > 8) return;
  auto add = [&](int m) {
    if (std::find(mentions.begin(), mentions.end(), m) != mentions.end()) return false;
    mentions.push_back(m);
    out.push_back(participant(in, m));
    return true;
  };
  int m = t.mention(word);
  bool found = false;
  if (actor_mention(in, m) || (states && state_mention(in, m))) {
    bool added = add(m);
    found = true;
    // "French and Malian troops": each nationality on an agent is an actor.
    std::string code = added ? out.back().code : std::string();  // a copy: out grows below
    if (code.size() == 6 && in.mentions[m]->actor && r.words.countries.count(code.substr(0, 3))) {
      std::vector<int> adjectives;
      for (int c : t.children(word)) {
        if (t.rel(c) != "amod") continue;
        adjectives.push_back(c);
        for (int d : t.children(c))
          if (t.rel(d) == "conj") adjectives.push_back(d);
      }
      for (int a : adjectives) {
        int am = t.mention(a);
        if (!state_mention(in, am) || in.state_codes[am].compare(0, 3, code, 0, 3) == 0) continue;
        out.push_back(composed(r, {a}, in.state_codes[am].substr(0, 3) + code.substr(3)));
        mentions.push_back(-1);
      }
    }
  }
  // "al-Shabaab fighters", "ASEAN leaders": a group named on its members.
  if (!found) {
    for (int c : t.children(word)) {
      if ((t.rel(c) == "compound" || t.rel(c) == "flat") && actor_mention(in, t.mention(c))) {
        add(t.mention(c));
        found = true;
        break;
      }
    }
  }
  if (!found) {
    if (std::string role = agent_of_phrase(r, word); !role.empty()) {
      std::string country = country_in_phrase(r, word);
      // "Police fired on protesters in Lahore": the police of the place;
      // but "Western leaders", "foreign troops" are nobody's in particular.
      bool bloc = false;
      for (int c : t.children(word)) {
        if (t.rel(c) == "amod" && one_of(t.lower(c), {"western", "foreign", "international", "european", "arab", "african",
                                                  "asian", "allied", "regional", "global", "world", "coalition"}))
          bloc = true;
        // "former President X": no longer in office.
        if (t.rel(c) == "amod" && one_of(t.lower(c), {"former", "ex", "exiled", "ousted", "deposed"}) &&
            (role == "GOV" || role == "MIL" || role == "LEG" || role == "JUD"))
          role = "ELI";
      }
      // "people protesting outside parliament", "people at rallies": people
      // in a protest are protesters.
      if (role == "CVL") {
        for (int c : t.children(word)) {
          bool protesting = t.rel(c) == "acl" && one_of(t.lemma(c), {"protest", "demonstrate", "rally", "march", "riot"});
          bool at_protest = t.rel(c) == "nmod" && one_of(t.case_of(c), {"at", "in", "during"}) &&
                            one_of(t.lemma(c), {"rally", "protest", "demonstration", "march", "sit-in", "vigil", "riot"});
          if (protesting || at_protest) role = "PRO";
        }
      }
      // "the country's de facto leader": the country the act is in.
      int poss = t.child(word, "nmod:poss");
      bool of_the_country = poss >= 0 && (t.lemma(poss) == "country" || t.lemma(poss) == "nation");
      // "Chinese Foreign Ministry spokesman Zhao": an actor named inside
      // the phrase says whose the agent is before the place does.
      bool named_inside = false;
      if (country.empty()) {
        for (int w : name_words(t, word))
          if (w != word && actor_mention(in, t.mention(w))) named_inside = true;
      }
      if (country.empty() && (poss < 0 || of_the_country) && !bloc && !named_inside) country = r.local_country;
      if (!country.empty()) {
        std::vector<int> words = t.phrase_words(word);
        while (!words.empty() && (t.is(words.front(), "DET") || t.is(words.front(), "PUNCT"))) words.erase(words.begin());
        if (!words.empty()) {
          out.push_back(composed(r, words, country + role));
          mentions.push_back(-1);
          found = true;
        }
      }
    }
  }
  if (!found) {
    // Modifiers, closest kinds first: a name composed with the head, whose
    // it is, then an apposition.
    for (std::string_view want : {"compound", "amod", "flat", "nmod:poss", "nmod", "appos"}) {
      auto kind = [&](int c) {
        bool full = want.find(':') != std::string_view::npos;
        if (full ? t.deprel(c) != want : (t.rel(c) != want || t.deprel(c) == "nmod:poss")) return false;
        // An nmod with no preposition is a name the parse left beside its
        // noun ("the separatist group ETA").
        return !(want == "nmod" && t.case_of(c) != "of" && !t.case_of(c).empty() && t.deprel(c) != "nmod:desc");
      };
      // A name among the modifiers before any phrase of them: "the chief
      // of the separatist group ETA" is ETA's, whatever "group" composes to.
      for (int c : t.children(word)) {
        if (!kind(c)) continue;
        int cm = t.mention(c);
        // A bare adjective of nationality on a common noun ("Serbian
        // population") is not the state: only composed actors count there.
        bool ok = actor_mention(in, cm) ||
                  ((want == "nmod:poss" || want == "nmod" || want == "appos") && state_mention(in, cm));
        if (ok) {
          add(cm);
          found = true;
          break;
        }
      }
      if (found) break;
      for (int c : t.children(word)) {
        if (!kind(c)) continue;
        if (want == "appos" || want == "nmod" || want == "compound" || want == "nmod:poss") {
          size_t before = out.size();
          // "the 2020 Washington agreement": a place naming a thing is not
          // its state.
          phrase_actors(r, c, out, mentions, depth + 1, want != "compound");
          if (out.size() > before) {
            out.resize(before + 1);
            mentions.resize(before + 1);
            found = true;
            break;
          }
        }
      }
      if (found) break;
    }
  }
  // Whatever the parse made of a long name, an actor inside the phrase
  // names it ("met South Korean President Moon Jae-in").
  if (!found) {
    for (int w : name_words(t, word)) {
      int cm = t.mention(w);
      if (w != word && actor_mention(in, cm)) {
        add(cm);
        break;
      }
    }
  }
  // "Chinese warships and aircraft": the conjuncts share the first one's country.
  Reading shared = r;
  if (std::string country = country_in_phrase(r, word); !country.empty()) {
    shared.local_country = country;
  } else if (!out.empty() && out.front().code.size() >= 3 && r.words.countries.count(out.front().code.substr(0, 3))) {
    shared.local_country = out.front().code.substr(0, 3);  // "Chinese warships" was one name
  }
  for (int c : t.children(word)) {
    if (t.rel(c) == "conj" && !t.is(c, "VERB")) phrase_actors(shared, c, out, mentions, depth + 1, states);
  }
}

bool active_participle(const ParseTree& t, int i);
int agent_of(const ParseTree& t, int v);

bool passive(const ParseTree& t, int v) {
  bool perfect = false, be = false, pass_subject = false;
  for (int c : t.children(v)) {
    if (t.deprel(c) == "aux:pass") return true;
    if (t.deprel(c) == "nsubj:pass" || t.deprel(c) == "csubj:pass") pass_subject = true;
    if (t.rel(c) == "aux" && t.lemma(c) == "have") perfect = true;
    if (t.rel(c) == "aux" && (t.lemma(c) == "be" || t.lemma(c) == "get")) be = true;
  }
  // "police had fired on demonstrators" parsed with a passive subject: a
  // perfect with no form of "be" is active, whatever the label says.
  if (pass_subject) return !(perfect && !be);
  // "was arrested and charged": a bare participle conjoined to a passive.
  if (t.rel(v) == "conj" && t.word(v).xpos == "VBN" && t.child(v, "aux") < 0 && t.child(v, "nsubj") < 0)
    return passive(t, t.head(v));
  // "the men detained by police": a participle modifying its patient.
  return t.deprel(v) == "acl" && t.word(v).xpos == "VBN" && !active_participle(t, v);
}

// The subject of verb v: its own, or the one it shares — a controlled
// infinitive's controller ("urged Serbia to withdraw": Serbia; "Serbia
// failed to reach": Serbia), a conjunct's first verb's, a relative
// clause's noun, a participle's noun. -1 when none.
int subject_of(const ParseTree& t, int v, int depth = 0) {
  if (v < 0 || depth > 8) return -1;
  for (int c : t.children(v)) {
    if (t.rel(c) == "nsubj" || t.rel(c) == "csubj") return antecedent(t, c);
  }
  // "after the police detained the man" read with "after" as a
  // preposition of "police": a finite verb right after a noun of a
  // subordinator of time is that noun's clause.
  if (v > 0 && one_of(t.word(v).xpos, {"VBD", "VBZ", "VBP"}) && (t.is(v - 1, "NOUN") || t.is(v - 1, "PROPN")) &&
      one_of(t.case_of(v - 1), {"after", "before", "since", "until", "as", "when", "while"}))
    return v - 1;
  std::string_view rel = t.rel(v);
  int gov = t.head(v);
  if (gov < 0) return -1;
  // "the alliance had no plans to send troops": an infinitive on a noun
  // is done by whoever has the plan.
  if (rel == "acl" && t.mark_of(v) == "to" && (t.rel(gov) == "obj" || t.rel(gov) == "nsubj") && t.head(gov) >= 0)
    return t.rel(gov) == "obj" ? subject_of(t, t.head(gov), depth + 1) : -1;
  // "The government and the unions signed an agreement" read with
  // "signed" as a participle on "unions": all the conjuncts act.
  if (rel == "acl" && active_participle(t, v)) {
    while (t.rel(gov) == "conj" && t.head(gov) >= 0 && t.head(gov) < gov) gov = t.head(gov);
    return gov;
  }
  if (t.deprel(v) == "acl:relcl" || rel == "acl") return gov;
  if (rel == "xcomp") {
    int object = t.child(gov, "obj");
    if (object < 0) object = t.child(gov, "iobj");
    return object >= 0 ? object : subject_of(t, gov, depth + 1);
  }
  if (rel == "conj" || rel == "advcl") return subject_of(t, gov, depth + 1);
  return -1;
}

int agent_of(const ParseTree& t, int v) {
  for (int c : t.children(v)) {
    if (t.deprel(c) == "obl:agent" || (t.rel(c) == "obl" && t.case_of(c) == "by")) return c;
  }
  if (t.rel(v) == "conj" && t.word(v).xpos == "VBN" && t.head(v) >= 0) return agent_of(t, t.head(v));
  // "was removed from office by the court" with "by the court" hung on
  // "office": a by-phrase one level down is still the passive's agent.
  for (int c : t.children(v)) {
    if (t.rel(c) != "obl") continue;
    for (int g : t.children(c))
      if (t.rel(g) == "nmod" && t.case_of(g) == "by") return g;
  }
  return -1;
}

// Candidate target words of v, best first: its object, then an oblique
// with a preposition that marks whom an act is aimed at.
bool conjoined_form(const ParseTree& t, int i);

std::vector<int> target_words(const ParseTree& t, int v) {
  std::vector<int> out;
  // "struck targets" read as an adjective of "targets": its noun is its object.
  if (t.rel(v) == "amod" && t.head(v) > v && (active_participle(t, v) || conjoined_form(t, v))) out.push_back(t.head(v));
  for (int c : t.children(v)) if (t.rel(c) == "obj") out.push_back(c);
  for (int c : t.children(v)) if (t.rel(c) == "iobj") out.push_back(c);
  // An oblique with no preposition right after the verb is its object
  // mislabelled ("arrested former President Hernandez"); a bare time word
  // ("on Tuesday" without "on") is not a name and is skipped by its tag.
  for (int c : t.children(v)) {
    if (t.rel(c) == "obl" && c > v && t.case_of(c).empty() && t.is(c, "PROPN") && t.child(c, "case") < 0)
      out.push_back(c);
  }
  for (int c : t.children(v)) {
    if (t.rel(c) == "obl" && t.deprel(c) != "obl:agent" &&
        one_of(t.case_of(c), {"against", "on", "with", "to", "at", "toward", "towards", "for", "from", "into", "upon",
                          "over", "of"}))
      out.push_back(c);
  }
  // "launched an offensive against Kurdish militia", "suspended
  // coordination with Israel": the target of a light verb's noun.
  // Two levels down: "closed a border crossing with Belarus".
  auto nominal_targets = [&](int o, auto&& self, int depth) -> void {
    for (int c : t.children(o)) {
      // An obl under the noun: the tagger read "offensive" as an adjective.
      if (t.rel(c) != "nmod" && t.rel(c) != "obl") continue;
      if (one_of(t.case_of(c), {"against", "with", "on", "to", "at", "into", "toward", "towards", "for", "upon"}))
        out.push_back(c);
      if (depth < 1) self(c, self, depth + 1);
    }
    // "closed a border crossing with Belarus" read with "crossing" as a
    // participle on "border": the noun compound's second word.
    for (int c : t.children(o)) {
      if (depth < 1 && t.rel(c) == "acl" && c == o + 1 && t.word(c).xpos == "VBG") self(c, self, depth + 1);
    }
  };
  for (int o : t.children(v)) {
    if (t.rel(o) == "obj") nominal_targets(o, nominal_targets, 0);
  }
  return out;
}

// "Chinese troops opened fire", tagged as a participle and hung on
// "troops": a participle with no auxiliary and no agent, taking an object
// right away, is the active past of its clause. A passive participle
// cannot take a direct object.
bool active_participle(const ParseTree& t, int i) {
  if (!t.is(i, "VERB") || t.word(i).xpos != "VBN") return false;
  std::string_view rel = t.rel(i);
  if (rel != "acl" && rel != "amod" && rel != "root") return false;
  for (int c : t.children(i)) {
    std::string_view r = t.rel(c);
    if (r == "aux" || t.deprel(c) == "obl:agent" || (r == "obl" && t.case_of(c) == "by")) return false;
  }
  // "NATO-backed government": the second half of a compound adjective.
  if (i > 0 && t.lower(i - 1) == "-") return false;
  // "the jailed opposition leader", "his detained son": a determiner or a
  // possessive before it makes it an adjective inside the noun phrase.
  if (rel == "amod" && t.head(i) > i) {
    for (int c : t.children(t.head(i)))
      if (c < i && (t.rel(c) == "det" || t.deprel(c) == "nmod:poss")) return false;
  }
  // An auxiliary just before it belongs to it whatever the parse says.
  if (i > 0 && (t.is(i - 1, "AUX") || (i > 1 && t.is(i - 2, "AUX") && t.is(i - 1, "ADV")))) return false;
  if (i + 1 >= static_cast<int>(t.size())) return false;
  if (t.lower(i + 1) == "by") return false;
  if (t.child(i, "obj") >= 0) return true;
  int n = i + 1;
  return t.is(n, "DET") || t.is(n, "NUM") || (t.is(n, "PRON") && t.rel(n) == "nmod") || t.is(n, "NOUN") ||
         t.is(n, "PROPN");
}

bool finite(const ParseTree& t, int i) {
  const std::string& x = t.word(i).xpos;
  return t.is(i, "VERB") && (x == "VBD" || x == "VBZ" || x == "VBP" || active_participle(t, i));
}

// "Serbs blocked roads and built barricades" with "built" read as an
// adjective of "barricades": a verb form right after a conjunction that
// follows a finite verb is that verb's conjunct.
bool conjoined_form(const ParseTree& t, int i) {
  if (!t.is(i, "VERB") || t.rel(i) != "amod" || i == 0 || !t.is(i - 1, "CCONJ")) return false;
  for (int k = i - 2; k >= 0; --k)
    if (finite(t, k)) return true;
  return false;
}

bool verbal(const ParseTree& t, int i) {
  if (!t.is(i, "VERB")) return false;
  // A finite form is a clause's verb whatever the parse hung it on.
  if (finite(t, i) || conjoined_form(t, i)) return true;
  std::string_view rel = t.rel(i);
  // "the NATO-backed regime", "a Western-led force": modifiers, not acts.
  if (rel == "amod" || rel == "compound" || rel == "det" || rel == "case" || rel == "mark") return false;
  // "troops deployed under the KFOR mission", "miners striking for pay": a
  // participle that describes its noun tells a state, not an act.
  if (t.deprel(i) == "acl" && (t.word(i).xpos == "VBN" || t.word(i).xpos == "VBG") && !active_participle(t, i))
    return false;
  // "in fighting", "after the shelling": a gerund with a preposition is a noun.
  if (t.word(i).xpos == "VBG" && t.child(i, "case") >= 0) return false;
  // "denied that its troops had fired": the denial is the reported act's
  // modality, not an act of its own.
  if (t.lemma(i) == "deny" && t.child(i, "ccomp") >= 0) return false;
  return true;
}

bool stem_matches(const ParseTree& t, int w, const std::vector<std::string>& alts) {
  return std::find(alts.begin(), alts.end(), t.form_stem(w)) != alts.end() ||
         std::find(alts.begin(), alts.end(), t.stem(w)) != alts.end();
}

struct Match {
  int head = -1;
  const ActionPattern* pattern = nullptr;
  std::vector<int> words;  // the pattern's words, head first
  std::string appeal_for;  // a bare appeal's requested act, from its infinitive
  // Verbs folded into this act (its purpose, its outcome): whom they act on
  // is whom this act is aimed at when it names nobody itself.
  std::vector<int> folded;
};

// The pattern's further words, in order, among the words of the verb's
// clause after it (anywhere in it for a passive: "roadblocks were set up").
std::optional<Match> match_pattern(const ParseTree& t, int v, const ActionPattern& p, const std::vector<int>& scope,
                                   bool any_order) {
  Match m{v, &p, {v}};
  int after = v;
  for (size_t k = 1; k < p.words.size(); ++k) {
    int found = -1;
    for (int w : scope) {
      if (w == v || std::find(m.words.begin(), m.words.end(), w) != m.words.end()) continue;
      if (!any_order && w <= after) continue;
      if (stem_matches(t, w, p.words[k])) {
        found = w;
        break;
      }
    }
    if (found < 0) return std::nullopt;
    m.words.push_back(found);
    after = found;
  }
  return m;
}

std::vector<Match> find_matches(const ParseTree& t, const ActionDictionary& actions) {
  std::vector<Match> out;
  for (int i = 0; i < static_cast<int>(t.size()); ++i) {
    if (!verbal(t, i)) continue;
    const auto* by_lemma = actions.patterns_for_head(t.stem(i));
    const auto* by_form = t.form_stem(i) != t.stem(i) ? actions.patterns_for_head(t.form_stem(i)) : nullptr;
    if (!by_lemma && !by_form) continue;
    std::vector<int> scope = t.clause_words(i, true);
    if (conjoined_form(t, i) || (t.rel(i) == "amod" && active_participle(t, i))) {  // its noun is its object
      for (int w : t.phrase_words(t.head(i)))
        if (w > i) scope.push_back(w);
      std::sort(scope.begin(), scope.end());
    }
    bool any_order = passive(t, i);
    std::optional<Match> best;
    for (const auto* list : {by_lemma, by_form}) {
      if (!list) continue;
      for (const ActionPattern* p : *list) {  // longest first
        if (best && best->words.size() >= p->words.size()) break;
        if (auto m = match_pattern(t, i, *p, scope, any_order)) {
          best = std::move(m);
          break;
        }
      }
    }
    if (best) out.push_back(std::move(*best));
  }
  // A verb that is a further word of another's pattern ("agreed to
  // withdraw") is not an act of its own, nor is an infinitive whose
  // controlling verb is already coded ("threatened to cut ties").
  std::vector<bool> drop(out.size(), false);
  for (size_t a = 0; a < out.size(); ++a) {
    for (size_t b = 0; b < out.size(); ++b) {
      if (a == b) continue;
      const auto& w = out[b].words;
      if (std::find(w.begin() + 1, w.end(), out[a].head) != w.end()) drop[a] = true;
      for (int v = out[a].head; t.rel(v) == "xcomp" && t.head(v) >= 0; v = t.head(v)) {
        if (t.head(v) == out[b].head) drop[a] = true;
      }
      // "sent its forces to occupy the premises", "retreat in order to
      // establish a zone": the purpose belongs to the act it is the
      // purpose of.
      int v = out[a].head;
      std::string_view mark = t.mark_of(v);
      bool purpose = (t.rel(v) == "advcl" || t.rel(v) == "xcomp") && (mark == "to" || mark == "in" || mark == "so");
      bool fold = purpose && t.head(v) == out[b].head;
      // "used water cannon to disperse the protesters", the infinitive
      // read as a modifier of the instrument.
      if (t.rel(v) == "acl" && mark == "to" && t.head(v) >= 0 && t.head(t.head(v)) == out[b].head &&
          (t.rel(t.head(v)) == "obj" || t.rel(t.head(v)) == "obl"))
        fold = true;
      // "attacked a checkpoint, killing four officers": the violence a
      // participle adds to a violent act is that act's outcome, not another act.
      auto violent = [](const std::string& c) { return c.rfind("18", 0) == 0 || c.rfind("19", 0) == 0 || c.rfind("20", 0) == 0; };
      if (t.rel(v) == "advcl" && mark.empty() && t.word(v).xpos == "VBG" && t.head(v) == out[b].head &&
          violent(out[a].pattern->cameo) && violent(out[b].pattern->cameo))
        fold = true;
      if (fold) {
        drop[a] = true;
        // Only an act of the same kind says whom this one hit: "barricaded
        // the crossings to protest the deployment" did not barricade the police.
        const std::string& ca = out[a].pattern->cameo;
        const std::string& cb = out[b].pattern->cameo;
        // Nor is a protest's grievance whom a protest is aimed at. Force
        // and coercion (17-20) are acts on people.
        auto force = [&](const std::string& c) { return violent(c) || c.rfind("17", 0) == 0; };
        if (force(ca) && force(cb)) out[b].folded.push_back(v);
      }
    }
  }
  // "urged Western leaders to supply fighter jets", "demanded that Moscow
  // release the journalist": a bare appeal or demand takes the kind of the
  // act it asks for, and that act is its content, not an act of its own.
  for (size_t a = 0; a < out.size(); ++a) {
    int v = out[a].head;
    if (t.rel(v) != "xcomp" && t.rel(v) != "ccomp") continue;
    for (size_t b = 0; b < out.size(); ++b) {
      const std::string& asking = out[b].pattern->cameo;
      if (b == a || out[b].head != t.head(v) || (asking != "020" && asking != "100")) continue;
      out[b].appeal_for = out[a].pattern->cameo;
      drop[a] = true;
    }
  }
  std::vector<Match> kept;
  for (size_t a = 0; a < out.size(); ++a) if (!drop[a]) kept.push_back(std::move(out[a]));
  return kept;
}

std::string verb_text(const ParseTree& t, const Match& m) {
  std::vector<int> w = m.words;
  std::sort(w.begin(), w.end());
  std::string out;
  for (size_t k = 0; k < w.size(); ++k) {
    if (k > 0) out += w[k] == w[k - 1] + 1 ? " " : " ... ";
    out += t.word(w[k]).form;
  }
  return out;
}

bool subject_pronoun(const ParseTree& t, int w) {
  return w >= 0 && t.is(w, "PRON") && one_of(t.lower(w), {"he", "she", "they", "we", "it"});
}

// When the parse gives a finite verb no subject (a misparse: "Serbs
// blocked roads" read as a noun phrase), the nearest actor before it in
// the same clause is its subject. `previous_verb` receives a finite verb
// the scan stopped at, joined to this one by "and", "then" or "but": the
// verbs share a subject.
int surface_subject(const ParseTree& t, const SentenceInput& in, int v, int& previous_verb) {
  previous_verb = -1;
  bool joined = false;
  for (int k = v - 1; k >= 0; --k) {
    if (finite(t, k)) {
      if (joined) previous_verb = k;
      return -1;
    }
    if (t.is(k, "CCONJ") || t.lower(k) == "then") joined = true;
    if (t.is(k, "PUNCT") && t.lower(k) != "," ) return -1;
    int m = t.mention(k);
    if (actor_mention(in, m) || state_mention(in, m)) return k;
  }
  return -1;
}

// CAMEO's families that say what kind of act they are: an appeal or a
// demand is a request, a threat a threat, an intent a plan, a rejection a
// refusal. Whatever the clause said about it.
Modality family_modality(const std::string& cameo, Modality read) {
  if (read != Modality::kAsserted || cameo.size() < 2) return read;
  std::string_view root(cameo.data(), 2);
  if (root == "02" || root == "10") return Modality::kRequested;
  if (root == "13") return Modality::kThreatened;
  if (root == "03") return Modality::kPlanned;
  if (root == "12") return Modality::kDenied;
  return read;
}

// A country struck or invaded is the country, not its government:
// "attacked Serbia" targets SRB. `mention` is the participant's mention,
// -1 when composed.
EventParticipant target_participant(const SentenceInput& in, EventParticipant p, int mention, const std::string& cameo) {
  if (mention < 0) return p;
  const EntityMention* e = in.mentions[mention];
  bool force = cameo.size() >= 2 && (cameo.compare(0, 2, "18") == 0 || cameo.compare(0, 2, "19") == 0 ||
                                     cameo.compare(0, 2, "20") == 0);
  // A blockade or a closed border (191) is imposed on the state, not
  // fought over its ground.
  if (cameo.compare(0, 3, "191") == 0) force = false;
  if (force && !e->actor && e->government && p.code.size() > 3) p.code = p.code.substr(0, 3);
  return p;
}

std::string phrase_text(const ParseTree& t, int w, std::string_view body) {
  std::vector<int> words = t.phrase_words(w);
  // Leading and trailing punctuation of a phrase is not the speaker's
  // name, nor is the "according to" it came with.
  while (!words.empty() && (t.is(words.front(), "PUNCT") || t.rel(words.front()) == "case" ||
                            t.rel(words.front()) == "fixed"))
    words.erase(words.begin());
  while (!words.empty() && t.is(words.back(), "PUNCT")) words.pop_back();
  return std::string(t.text_of(words, body));
}

// Days since the epoch of a DateRef value ("2022-12-10", "2022-12",
// "1999"; the first of an unknown month or day), INT_MIN for "--12-10".
int days_of(std::string_view value) {
  auto number = [&](size_t at, size_t len) {
    int v = 0;
    if (value.size() < at + len) return -1;
    for (size_t k = at; k < at + len; ++k) {
      if (!std::isdigit(static_cast<unsigned char>(value[k]))) return -1;
      v = v * 10 + (value[k] - '0');
    }
    return v;
  };
  int y = number(0, 4);
  if (y <= 0) return INT_MIN;
  int m = number(5, 2), d = number(8, 2);
  return days_from_civil(y, m > 0 ? m : 1, d > 0 ? d : 1);
}


// The subject of the verb whose complement (or controlled, or adverbial)
// clause `v` is, up the tree: "Saudi Arabia" for "ordered" in "Saudi
// Arabia denied that it had ordered". -1 when none.
int matrix_subject(const ParseTree& t, int v) {
  for (int node = v, steps = 0; node >= 0 && steps < 4; ++steps) {
    std::string_view rel = t.rel(node);
    if (rel != "ccomp" && rel != "xcomp" && rel != "advcl" && rel != "conj") return -1;
    node = t.head(node);
    if (node < 0) return -1;
    int s = t.child(node, "nsubj");
    if (s >= 0 && !t.is(s, "PRON")) return antecedent(t, s);
  }
  return -1;
}

// "must" or "should" on a verb: what someone is told to do.
bool obligation(const ParseTree& t, int v) {
  for (int c : t.children(v)) {
    if (t.rel(c) == "aux" && (t.lower(c) == "must" || t.lower(c) == "should")) return true;
  }
  return false;
}

// Acts two parties do together: consulting, cooperating, agreeing,
// exchanging, fighting.
bool symmetric(const std::string& cameo) {
  for (std::string_view p : {"03", "04", "05", "06", "0841", "087", "19"})
    if (cameo.compare(0, p.size(), p) == 0) return true;
  return false;
}

// A state or its organs (not its rebels, opposition or people): a bare
// country code or one of the state's roles.
bool state_actor(const std::string& code) {
  if (code.size() == 3) return true;
  if (code.size() != 6) return false;
  std::string role = code.substr(3);
  return one_of(role, {"GOV", "MIL", "COP", "SPY", "JUD", "LEG"});
}

// A state's organ or one of its politicians (elites, opposition, parties).
bool domestic_actor(const std::string& code) {
  return state_actor(code) || (code.size() == 6 && one_of(std::string_view(code).substr(3), {"ELI", "OPP", "PTY"}));
}

// The country an act happened in: its place's, else the one country all
// the sentence's places are in. Empty when unknown.
std::string local_country(const SentenceInput& in, const ActorWords& words, int place) {
  std::string iso2;
  if (place >= 0) {
    iso2 = in.mentions[place]->place->country;
  } else {
    // A country or capital that may be an actor ("accused Washington")
    // cannot say alone where the act happened, but disagrees like any place.
    bool located = false;
    for (size_t k = 0; k < in.mentions.size(); ++k) {
      const EntityMention* m = in.mentions[k];
      if (m->kind != EntityKind::kPlace || !m->place) continue;
      if (!iso2.empty() && m->place->country != iso2) return {};
      iso2 = m->place->country;
      located = located || k >= in.state_codes.size() || in.state_codes[k].empty();
    }
    if (!located) return {};
  }
  auto it = words.cameo_of_iso2.find(iso2);
  return it == words.cameo_of_iso2.end() ? std::string() : it->second;
}

}  // namespace

bool names_a_state(const EntityMention& m) {
  if (m.kind != EntityKind::kPlace || !m.place) return false;
  const std::string& f = m.place->feature_code;
  return f.rfind("PCL", 0) == 0 || f == "PPLC";
}

void mark_states(SentenceInput& in, const ActorWords& words) {
  in.state_codes.assign(in.mentions.size(), {});
  for (size_t m = 0; m < in.mentions.size(); ++m) {
    const EntityMention* e = in.mentions[m];
    if (e->government) {
      in.state_codes[m] = e->government->code;
    } else if (names_a_state(*e)) {
      // Wherever the parse puts it, a country or a capital can be the state:
      // "recalled its ambassador to Indonesia".
      {
        auto it = words.cameo_of_iso2.find(e->place->country);
        if (it != words.cameo_of_iso2.end()) in.state_codes[m] = it->second + "GOV";
      }
    }
  }
}

std::vector<Event> code_parsed_sentence(const SentenceInput& in, const ParseTree& t, const ActionDictionary& actions,
                                        const ActorWords& words, Discourse& discourse) {
  Reading r{in, t, words, {}};

  std::vector<Event> events;
  std::optional<EventParticipant> first_source;
  // Each coded verb's sources, for a verb that shares its subject.
  std::vector<std::pair<int, std::vector<EventParticipant>>> sources_of;
  for (const Match& match : find_matches(t, actions)) {
    const ActionCode* code = actions.code(match.pattern->cameo);
    if (!code) continue;
    int v = match.head;
    int speaker = clause_speaker(t, v);
    // Who a pronoun or a possessive in the clause most likely stands for:
    // the speaker, else the subject of the clause this one is the
    // complement of ("Saudi Arabia denied that it had ordered", "the Tamil
    // Tigers denied that their fighters had fired").
    int owner_word = speaker >= 0 ? speaker : matrix_subject(t, v);
    int place = clause_place_mention(t, in, v);
    r.local_country = local_country(in, words, place);
    bool is_passive = passive(t, v);
    int subject = subject_of(t, v);
    int source_word = is_passive ? agent_of(t, v) : subject;
    std::vector<EventParticipant> sources, targets;
    std::vector<int> source_mentions, target_mentions;
    phrase_actors(r, source_word, sources, source_mentions);
    // "Colombia's government and the FARC rebels signed" parsed as two
    // subjects, the second with the conjunction: both act.
    if (!is_passive && source_word >= 0 && t.head(source_word) == v) {
      for (int c : t.children(v))
        if (c > source_word && t.rel(c) == "nsubj" && t.child(c, "cc") >= 0) phrase_actors(r, c, sources, source_mentions);
    }
    if (sources.empty() && subject < 0 && !is_passive && (finite(t, v) || conjoined_form(t, v) || t.rel(v) == "root")) {
      int previous = -1;
      int s = surface_subject(t, in, v, previous);
      if (s >= 0) {
        source_mentions.push_back(t.mention(s));
        sources.push_back(participant(in, t.mention(s)));
      } else if (previous >= 0) {
        for (const auto& [verb, ss] : sources_of)
          if (verb == previous) sources = ss;
      }
    }
    // "Petro said his government would resume talks": the agent of a
    // possessive pronoun is the speaker's, or the subject's above.
    if (sources.empty() && source_word >= 0) {
      int poss = t.child(source_word, "nmod:poss");
      std::string role = agent_of_phrase(r, source_word);
      if (poss >= 0 && t.is(poss, "PRON") && !role.empty()) {
        std::vector<EventParticipant> owner;
        std::vector<int> owner_mentions;
        if (owner_word >= 0) phrase_actors(r, owner_word, owner, owner_mentions);
        if (!owner.empty() && owner.front().code.size() >= 3 && words.countries.count(owner.front().code.substr(0, 3))) {
          sources.push_back(composed(r, {source_word}, owner.front().code.substr(0, 3) + role));
          source_mentions.push_back(-1);
        }
      }
    }
    sources_of.emplace_back(v, sources);
    std::string bare_source_role = sources.empty() && source_word >= 0 ? agent_of_phrase(r, source_word) : "";
    bool from_discourse = false;
    if (sources.empty() && subject_pronoun(t, source_word)) {
      // "NATO said it would send troops": the speaker; "They blocked the
      // road" after a sentence about Serbs: the last actor.
      std::vector<EventParticipant> said;
      std::vector<int> said_mentions;
      if (owner_word >= 0 && owner_word != source_word) phrase_actors(r, owner_word, said, said_mentions);
      if (!said.empty()) {
        sources.push_back(said.front());
      } else if (t.lower(source_word) != "it" && discourse.last_source && discourse.sentences_since <= 1) {
        sources.push_back(*discourse.last_source);
        from_discourse = true;
      }
    }
    // Whom a country acts on, with no country named ("Chad's army killed
    // 300 rebels", "Serbia deployed troops into Kosovo"), is of the acting
    // country; an organisation's, of the place.
    // A place the clause names wins: "Turkish troops launched an offensive
    // against Kurdish militia in northeast Syria".
    if ((place < 0 || r.local_country.empty()) && !sources.empty() && sources.front().code.size() >= 3 &&
        words.countries.count(sources.front().code.substr(0, 3)))
      r.local_country = sources.front().code.substr(0, 3);
    if (is_passive) {
      phrase_actors(r, subject, targets, target_mentions);
      // "Sanctions on Iran were eased": whom the thing acted on is aimed at.
      if (targets.empty() && subject >= 0) {
        for (int c : t.children(subject))
          if (t.rel(c) == "nmod" && one_of(t.case_of(c), {"on", "against", "with", "to", "toward", "towards"}))
            phrase_actors(r, c, targets, target_mentions);
      }
    } else {
      std::vector<int> candidates = target_words(t, v);
      // "beat and detained protesters", "shot and killed": conjoined acts of
      // force with one object share it ("protesting and demanding the
      // withdrawal" do not: a protest has no object).
      bool force = code->cameo.compare(0, 1, "1") == 0 && code->cameo.size() >= 2 && code->cameo[1] >= '7';
      force = force || code->cameo.compare(0, 2, "20") == 0;
      if (t.child(v, "obj") < 0 && force) {
        if (t.rel(v) == "conj" && t.head(v) >= 0 && t.child(t.head(v), "obj") >= 0)
          candidates.push_back(t.child(t.head(v), "obj"));
        for (int c : t.children(v))
          if (t.rel(c) == "conj" && t.is(c, "VERB") && t.child(c, "obj") >= 0) candidates.push_back(t.child(c, "obj"));
      }
      for (int w : candidates) {
        phrase_actors(r, w, targets, target_mentions);
        // "fired 300 drones and missiles at Israel": a country's own forces
        // and weapons are what it acts with, not on.
        for (size_t k = targets.size(); k-- > 0;) {
          const std::string& c = targets[k].code;
          // Rebels attacking "a police checkpoint" of their own country act on it.
          bool own = target_mentions[k] < 0 && !sources.empty() && c.size() == 6 && state_actor(sources.front().code) &&
                     c.compare(0, 3, sources.front().code, 0, 3) == 0 &&
                     (c.compare(3, 3, "MIL") == 0 || c.compare(3, 3, "COP") == 0) && !t.is(w, "PROPN");
          if (own) {
            targets.erase(targets.begin() + k);
            target_mentions.erase(target_mentions.begin() + k);
          }
        }
        if (!targets.empty()) break;
      }
    }
    // "stormed a hotel, killing nine people", "used tear gas to disperse
    // students": the folded outcome or purpose names whom the act hit.
    if (targets.empty() && !is_passive) {
      for (int f : match.folded) {
        for (int w : target_words(t, f)) {
          phrase_actors(r, w, targets, target_mentions);
          if (!targets.empty()) break;
        }
        if (!targets.empty()) break;
      }
    }
    // "X demanded that Iraq allow inspectors", "urged that Serbia
    // withdraw": whom an appeal or a demand is made of is the subject of
    // its content.
    if (targets.empty() && !is_passive &&
        (code->cameo.compare(0, 2, "02") == 0 || code->cameo.compare(0, 2, "10") == 0)) {
      for (int c : t.children(v)) {
        if (t.rel(c) != "ccomp") continue;
        int s = t.child(c, "nsubj");
        if (s >= 0 && !t.is(s, "PRON")) phrase_actors(r, s, targets, target_mentions);
      }
    }
    // "protesters stormed his official residence": an act on a thing of a
    // pronoun's is an act on its owner, the subject of the clause above.
    if (targets.empty() && !is_passive) {
      for (int w : target_words(t, v)) {
        int poss = t.child(w, "nmod:poss");
        if (poss < 0 || !t.is(poss, "PRON") || one_of(t.lower(poss), {"its", "their", "our", "my", "your"})) continue;
        int owner = matrix_subject(t, v);
        if (owner >= 0) phrase_actors(r, owner, targets, target_mentions);
        break;
      }
    }
    // "was removed from office by the Constitutional Court": an
    // institution with no country of its own is the country of whom it acts on.
    // Only for whom a state's own institutions act on: its organs and its
    // politicians ("an American journalist sentenced by a court" says
    // nothing of whose court).
    if (sources.empty() && !bare_source_role.empty() && !targets.empty() && targets.front().code.size() >= 3 &&
        words.countries.count(targets.front().code.substr(0, 3)) && domestic_actor(targets.front().code)) {
      std::vector<int> phrase = t.phrase_words(source_word);
      while (!phrase.empty() && (t.is(phrase.front(), "DET") || t.is(phrase.front(), "ADP"))) phrase.erase(phrase.begin());
      if (!phrase.empty()) {
        sources.push_back(composed(r, phrase, targets.front().code.substr(0, 3) + bare_source_role));
        source_mentions.push_back(-1);
      }
    }
    // Forces deployed or alerted are not whom the act is aimed at.
    for (size_t k = targets.size(); k-- > 0;) {
      const std::string& c = targets[k].code;
      if (target_mentions[k] < 0 && code->cameo.compare(0, 2, "15") == 0 && c.size() == 6 &&
          (c.compare(3, 3, "MIL") == 0 || c.compare(3, 3, "COP") == 0)) {
        targets.erase(targets.begin() + k);
        target_mentions.erase(target_mentions.begin() + k);
      }
    }
    // An actor cannot act on itself here: a listed subject repeated as
    // object is a parse error more often than a reflexive act, and a
    // country's own forces deployed or alerted are not whom it acts on.
    for (size_t k = targets.size(); k-- > 0;) {
      for (const auto& s : sources) {
        if ((s.start == targets[k].start && s.end == targets[k].end) ||
            (target_mentions[k] < 0 && code->cameo.compare(0, 2, "15") == 0 && targets[k].code.size() >= 3 &&
             (targets[k].code.compare(0, 3, s.code, 0, 3) == 0 ||
              targets[k].code.compare(targets[k].code.size() - 3, 3, "MIL") == 0 ||
              targets[k].code.compare(targets[k].code.size() - 3, 3, "COP") == 0)) ||
            (!s.code.empty() && s.code == targets[k].code)) {
          targets.erase(targets.begin() + k);
          target_mentions.erase(target_mentions.begin() + k);
          break;
        }
      }
    }
    if (sources.empty() && targets.empty()) continue;

    // "Stoltenberg emphasized that Pristina must de-escalate": the
    // speaker asks the subject to act.
    std::string appeal;
    if (!match.appeal_for.empty())
      appeal = match.pattern->cameo == "100" ? demand_code(match.appeal_for) : appeal_code(match.appeal_for);
    if (speaker >= 0 && obligation(t, v) && !sources.empty()) {
      std::vector<EventParticipant> by;
      std::vector<int> by_mentions;
      phrase_actors(r, speaker, by, by_mentions);
      if (!by.empty()) {
        targets = {sources.front()};
        target_mentions = {source_mentions.empty() ? -1 : source_mentions.front()};
        sources = {by.front()};
        appeal = appeal_code(code->cameo);
      }
    }

    Event e;
    e.sentence_start = in.cp_begin;
    e.sentence_end = in.cp_end;
    e.sentence = std::string(in.body.substr(in.begin, in.end - in.begin));
    e.action = *code;
    e.verb = verb_text(t, match);
    e.pattern = match.pattern->text;
    e.modality = family_modality(code->cameo, clause_modality(t, v));
    if (!appeal.empty()) {
      if (const ActionCode* c = actions.code(appeal)) e.action = *c;
      e.modality = Modality::kRequested;
    }
    if (place >= 0) e.place = *in.mentions[place];
    bool background = background_clause(t, v);
    if (auto d = clause_date(t, in, v)) {
      e.date = *d;
      // A dated act a year or more before the article is history told as context.
      if (in.published) {
        if (int then = days_of(e.date->value); then != INT_MIN) {
          int now = days_from_civil(in.published->year, std::max(in.published->month, 1),
                                    std::max(in.published->day, 1));
          background = background || now - then > 365;
        }
      }
    } else if (!background && in.published) {
      e.date = DateRef{in.published->iso(), in.published->precision};
      e.date_from_publication = true;
    }
    e.historical = background;
    if (int s = speaker; s >= 0) {
      if (subject_pronoun(t, s) && discourse.last_source && discourse.sentences_since <= 1)
        e.attributed_to = discourse.last_source->text;
      else
        e.attributed_to = phrase_text(t, s, in.body);
    }
    double confidence = 0.5;
    if (!sources.empty() && !sources.front().code.empty()) confidence += 0.2;
    if (!targets.empty() && !targets.front().code.empty()) confidence += 0.1;
    if (match.words.size() > 1) confidence += 0.05;
    if (from_discourse) confidence -= 0.15;
    if (sources.empty()) confidence -= 0.1;
    e.confidence = std::clamp(confidence, 0.05, 0.95);

    // An announced or threatened act has its own CAMEO code where there is one.
    std::string cameo = intent_code(code->cameo, e.modality);
    if (cameo != code->cameo) {
      if (const ActionCode* c = actions.code(cameo)) e.action = *c;
    }
    std::string clause_text;
    for (int w : t.clause_words(v, true)) clause_text += t.lower(w) + " ";

    // One event per actor of a listed subject and per listed target. "X
    // and Y met / signed / clashed", with nobody else: each with the other.
    std::vector<std::optional<EventParticipant>> who(sources.begin(), sources.end());
    if (who.empty()) who.push_back(std::nullopt);
    std::vector<std::optional<EventParticipant>> whom;
    for (size_t k = 0; k < targets.size(); ++k)
      whom.push_back(target_participant(in, targets[k], target_mentions[k], e.action.cameo));
    bool mutual = targets.empty() && sources.size() >= 2 && symmetric(e.action.cameo);
    if (whom.empty()) whom.push_back(std::nullopt);
    for (const auto& s : who) {
      std::vector<std::optional<EventParticipant>> others;
      if (mutual) {
        for (const auto& o : who)
          if (o->start != s->start || o->code != s->code) others.push_back(o);
      }
      for (const auto& o : mutual ? others : whom) {
        Event copy = e;
        copy.source = s;
        copy.target = o;
        if (s) {
          std::string armed = armed_force_code(copy.action.cameo, s->code, clause_text);
          if (armed != copy.action.cameo) {
            if (const ActionCode* c = actions.code(armed)) copy.action = *c;
          }
        }
        if (!first_source && s && !s->code.empty()) first_source = s;
        events.push_back(std::move(copy));
      }
    }
  }
  if (first_source) {
    discourse.last_source = first_source;
    discourse.sentences_since = 0;
  } else {
    ++discourse.sentences_since;
  }
  return events;
}

}  // namespace seismo
