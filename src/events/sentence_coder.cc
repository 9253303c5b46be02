#include "events/sentence_coder.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>

namespace seismo {
namespace {

bool key_in(std::string_view key, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), key) != words.end();
}

struct VerbMatch {
  size_t first = 0, end = 0;  // tokens of the whole pattern; the head verb is `first`
  const ActionPattern* pattern = nullptr;
};

// Tries `p` with its head at token i: each further word must follow within
// three tokens of the previous one, in the same clause (no punctuation).
std::optional<VerbMatch> match_at(const SentenceInput& in, size_t i, const ActionPattern& p) {
  size_t next = i + 1;
  for (size_t w = 1; w < p.words.size(); ++w) {
    bool found = false;
    for (size_t k = next; k < in.tokens.size() && k < next + 4; ++k) {
      if (in.tokens[k].barrier_before) break;
      const auto& alts = p.words[w];
      if (std::find(alts.begin(), alts.end(), in.tokens[k].stem) != alts.end()) {
        next = k + 1;
        found = true;
        break;
      }
    }
    if (!found) return std::nullopt;
  }
  return VerbMatch{i, next, &p};
}

// Whether a word is an inflection of a verb with this stem, not a noun
// derived from it: the stem also finds "deployment" and "security".
bool verb_form(std::string_view key, std::string_view stem) {
  if (key.substr(0, stem.size()) != stem) return true;  // irregular forms listed as such ("built")
  std::string_view rest = key.substr(stem.size());
  // A doubled final consonant: "stopped" (stem "stop"), "recalled" (Snowball
  // stems it "recal").
  if (rest.size() >= 2 && !stem.empty() && rest[0] == stem.back() && rest[0] != 'e' && rest[0] != 's') rest.remove_prefix(1);
  else if (rest.size() >= 2 && rest[0] == rest[1] && rest[0] != 'e' && rest[0] != 's') rest.remove_prefix(1);
  return key_in(rest, {"", "s", "es", "ed", "d", "ing", "e", "ied", "ies", "y", "ying", "ted", "ting", "en", "n"});
}

// A head word is read as a verb unless the sentence shows it is a noun, an
// adjective or a name: capitalised inside the sentence ("Restore"), after a
// determiner ("the arrest"), the second half of a hyphenated compound
// ("NATO-backed", "Western-led", "state-controlled"), or part of an entity
// ("Protest Square").
bool can_be_verb(const SentenceInput& in, size_t i) {
  const SentenceToken& t = in.tokens[i];
  if (t.mention >= 0) return false;
  if (i > 0 && t.capitalised) return false;
  if (t.begin > 0 && t.begin <= in.body.size() && in.body[t.begin - 1] == '-' && i > 0 &&
      in.tokens[i - 1].end == t.begin - 1)
    return false;
  if (!verb_form(t.key, t.stem)) return false;
  if (i > 0 && key_in(in.tokens[i - 1].key, {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her",
                                              "their", "our", "of"}))
    return false;
  return true;
}

std::vector<VerbMatch> find_verbs(const SentenceInput& in, const ActionDictionary& actions) {
  std::vector<VerbMatch> out;
  size_t i = 0;
  while (i < in.tokens.size()) {
    const auto* candidates = can_be_verb(in, i) ? actions.patterns_for_head(in.tokens[i].stem) : nullptr;
    std::optional<VerbMatch> m;
    if (candidates) {
      for (const ActionPattern* p : *candidates) {  // longest first
        if ((m = match_at(in, i, *p))) break;
      }
    }
    if (m) out.push_back(*m);
    ++i;
  }
  return out;
}

bool is_actor(const SentenceInput& in, int mention) { return is_actor_mention(in, mention); }

// Passive voice: "was detained", "were quickly arrested", "has been seized".
bool is_passive(const SentenceInput& in, size_t head) {
  size_t k = head;
  while (k > 0) {
    --k;
    const std::string& key = in.tokens[k].key;
    if (key.size() > 3 && key.substr(key.size() - 2) == "ly") continue;  // adverb
    return key_in(key, {"was", "were", "is", "are", "been", "being", "be", "got", "get", "gets"});
  }
  return false;
}

// Nearest actor mention ending before token `before`, not before `floor`.
int actor_left(const SentenceInput& in, size_t before, size_t floor) {
  for (size_t m = in.mentions.size(); m-- > 0;) {
    if (!is_actor(in, static_cast<int>(m))) continue;
    auto [first, end] = in.mention_tokens[m];
    if (end <= before && first >= floor) return static_cast<int>(m);
  }
  return -1;
}

// First actor mention starting at or after `from` and before `limit`,
// skipping the ones `skip` says are taken.
int actor_right(const SentenceInput& in, size_t from, size_t limit, const std::vector<bool>& skip) {
  for (size_t m = 0; m < in.mentions.size(); ++m) {
    if (!is_actor(in, static_cast<int>(m)) || skip[m]) continue;
    auto [first, end] = in.mention_tokens[m];
    if (first >= from && first < limit) return static_cast<int>(m);
  }
  return -1;
}

// A country or capital that may stand for its state, right before the
// verb (adverbs and auxiliaries between: "Serbia has formally asked") or
// right after it ("praised Serbia", "recognise the Kosovo"): the state
// acting or acted on. -1 when there is none.
bool is_state(const SentenceInput& in, int m) { return m >= 0 && in.mentions[m]->government.has_value(); }

int state_before(const SentenceInput& in, size_t head, size_t floor) {
  size_t k = head;
  while (k > floor) {
    --k;
    const SentenceToken& t = in.tokens[k];
    if (t.mention >= 0) return is_state(in, t.mention) && in.mention_tokens[t.mention].second == k + 1 ? t.mention : -1;
    bool adverb = t.key.size() > 3 && t.key.substr(t.key.size() - 2) == "ly";
    if (!adverb && !key_in(t.key, {"has", "have", "had", "will", "would", "is", "was", "also", "again", "now", "then"}))
      return -1;
  }
  return -1;
}

int state_after(const SentenceInput& in, size_t from, size_t limit) {
  size_t k = from;
  if (k < limit && k < in.tokens.size() && in.tokens[k].key == "the") ++k;
  if (k >= limit || k >= in.tokens.size() || in.tokens[k].barrier_before) return -1;
  int m = in.tokens[k].mention;
  return is_state(in, m) && in.mention_tokens[m].first == k ? m : -1;
}

// Actors or states listed with mention m on its left ("Germany and France
// called", "Germany, France and Italy called"): the link next to m is
// "and" or "or", the ones before it may be commas.
std::vector<int> listed_before(const SentenceInput& in, int m, size_t floor) {
  std::vector<int> out;
  int cur = m;
  for (;;) {
    size_t f = in.mention_tokens[cur].first, k;
    if (f > floor && key_in(in.tokens[f - 1].key, {"and", "or"})) k = f - 1;
    else if (!out.empty() && f > floor && in.tokens[f].barrier_before) k = f;
    else break;
    if (k == 0 || k <= floor) break;
    int prev = in.tokens[k - 1].mention;
    if (prev < 0 || prev == cur || in.mention_tokens[prev].second != k) break;
    if (!is_actor(in, prev) && !is_state(in, prev)) break;
    out.push_back(prev);
    cur = prev;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

// "The Serbs announced they would boycott": a pronoun subject after the
// sentence's speaker stands for that speaker. `taken` marks the speaker's
// mentions.
int speaker_subject(const SentenceInput& in, size_t head, const std::vector<bool>& taken) {
  size_t k = head;
  while (k > 0 && key_in(in.tokens[k - 1].key, {"would", "will", "could", "can", "may", "might", "must", "should",
                                                   "not", "also", "soon", "now"}))
    --k;
  if (k == 0 || !key_in(in.tokens[k - 1].key, {"they", "he", "she", "it", "we"})) return -1;
  for (size_t m = 0; m < in.mentions.size(); ++m)
    if (taken[m] && is_actor(in, static_cast<int>(m)) && in.mention_tokens[m].second < k) return static_cast<int>(m);
  return -1;
}

// The agent of a passive: the actor after "by" shortly after the verb.
int passive_agent(const SentenceInput& in, size_t from, size_t limit) {
  for (size_t k = from; k < limit && k < from + 6; ++k) {
    if (in.tokens[k].key != "by") continue;
    if (k + 1 < in.tokens.size() && is_actor(in, in.tokens[k + 1].mention)) return in.tokens[k + 1].mention;
    if (k + 2 < in.tokens.size() && in.tokens[k + 1].key == "the" && is_actor(in, in.tokens[k + 2].mention))
      return in.tokens[k + 2].mention;
  }
  return -1;
}

Modality modality_before(const SentenceInput& in, size_t head, size_t floor) {
  size_t from = head > floor + 6 ? head - 6 : floor;
  bool planned = false, requested = false, threatened = false, hypothetical = false, denied = false;
  for (size_t k = from; k < head; ++k) {
    const std::string& key = in.tokens[k].key;
    const std::string& stem = in.tokens[k].stem;
    if (key_in(key, {"not", "never", "t", "no", "neither", "nor"}) || stem == "deni") denied = true;
    else if (key_in(key, {"could", "might", "may", "if", "unlikely", "possibly", "perhaps", "whether"}))
      hypothetical = true;
    else if (stem == "threaten" || stem == "warn") threatened = true;
    else if (key_in(stem, {"ask", "urg", "call", "request", "demand", "appeal", "invit"})) requested = true;
    else if (key_in(key, {"will", "would", "shall", "plan", "plans", "planned", "planning", "intend", "intends",
                          "intended", "want", "wants", "wanted", "going", "prepared", "preparing", "about", "aims",
                          "aimed", "seeks", "sought", "expected"}))
      planned = true;
  }
  if (denied) return Modality::kDenied;
  if (hypothetical) return Modality::kHypothetical;
  if (threatened) return Modality::kThreatened;
  if (requested) return Modality::kRequested;
  if (planned) return Modality::kPlanned;
  return Modality::kAsserted;
}

std::string span_text(const SentenceInput& in, size_t first, size_t end) {
  if (first >= end) return {};
  return std::string(in.body.substr(in.tokens[first].begin, in.tokens[end - 1].end - in.tokens[first].begin));
}

// Who the sentence says the facts come from: "according to X", "X said",
// "said X", "X reported". Empty when the sentence speaks for itself.
std::string attribution(const SentenceInput& in, const std::vector<VerbMatch>& verbs, std::vector<bool>& taken) {
  auto in_verb = [&](size_t k) {
    for (const auto& v : verbs) if (k >= v.first && k < v.end) return true;
    return false;
  };
  auto claim_mentions = [&](size_t first, size_t end) {
    for (size_t m = 0; m < in.mentions.size(); ++m) {
      if (in.mention_tokens[m].first >= first && in.mention_tokens[m].second <= end) taken[m] = true;
    }
  };
  const auto& t = in.tokens;
  for (size_t k = 0; k + 1 < t.size(); ++k) {
    if (t[k].key == "according" && t[k + 1].key == "to") {
      size_t end = k + 2;
      while (end < t.size() && !t[end].barrier_before && end < k + 8) ++end;
      claim_mentions(k + 2, end);
      return span_text(in, k + 2, end);
    }
  }
  for (size_t k = 0; k < t.size(); ++k) {
    if (in_verb(k) || !key_in(t[k].stem, {"said", "say", "report", "claim", "announc", "state", "alleg", "confirm"}))
      continue;
    if (t[k].key == "state" || t[k].key == "states") continue;  // the noun is far commoner
    // "..., Petković said." / "Local media reported that ...": the speaker
    // is the few words since the last punctuation, and names someone (a
    // capitalised word, an actor, or a word for a source).
    size_t first = k;
    while (first > 0 && !t[first].barrier_before && k - first < 5) --first;
    if (first < k && (t[first].barrier_before || first == 0) &&
        !key_in(t[first].key, {"where", "which", "who", "that", "when", "as", "if", "while", "and", "but"})) {
      bool names = false;
      for (size_t j = first; j < k && !names; ++j) {
        names = (t[j].capitalised && j > 0) || t[j].mention >= 0 ||
                key_in(t[j].key, {"media", "officials", "official", "sources", "source", "police", "ministry",
                                  "spokesperson", "spokesman", "spokeswoman", "witnesses", "residents", "agency"});
      }
      if (names) {
        claim_mentions(first, k);
        return span_text(in, first, k);
      }
      continue;
    }
    // "..., said Petković."
    size_t end = k + 1;
    while (end < t.size() && t[end].capitalised && !t[end].barrier_before && end < k + 5) ++end;
    if (end > k + 1) {
      claim_mentions(k + 1, end);
      return span_text(in, k + 1, end);
    }
  }
  return {};
}

// The mention nearest the verb at `head` among those `wanted` accepts.
template <typename Wanted>
const EntityMention* nearest_mention(const SentenceInput& in, size_t head, Wanted wanted) {
  const EntityMention* best = nullptr;
  size_t best_distance = SIZE_MAX;
  for (size_t m = 0; m < in.mentions.size(); ++m) {
    if (!wanted(m)) continue;
    size_t first = in.mention_tokens[m].first;
    size_t distance = first > head ? first - head : head - first;
    if (distance < best_distance) {
      best = in.mentions[m];
      best_distance = distance;
    }
  }
  return best;
}

// Whether a locative preposition ("in", "at the", "near") stands just
// before the mention: "in Zvečan", "at the Jarinje crossing".
bool after_locative(const SentenceInput& in, size_t m) {
  size_t first = in.mention_tokens[m].first;
  for (size_t back = 1; back <= 3 && back <= first; ++back) {
    const SentenceToken& t = in.tokens[first - back];
    if (key_in(t.key, {"in", "at", "near", "around", "outside", "inside", "into", "across", "on", "from", "to",
                        "toward", "towards", "through", "along"}))
      return true;
    if (t.barrier_before) return false;
  }
  return false;
}

// Where the action happened: a place named after a locative preposition,
// nearest the verb. A place named otherwise is a topic, not a location.
const EntityMention* event_place(const SentenceInput& in, size_t head) {
  return nearest_mention(in, head, [&](size_t m) {
    return in.mentions[m]->kind == EntityKind::kPlace && in.mentions[m]->place && after_locative(in, m);
  });
}

const EntityMention* event_date(const SentenceInput& in, size_t head) {
  return nearest_mention(in, head,
                         [&](size_t m) { return in.mentions[m]->kind == EntityKind::kDate && in.mentions[m]->date; });
}

EventParticipant participant(const SentenceInput& in, int m) {
  const EntityMention* e = in.mentions[m];
  std::string code = e->actor ? e->actor->code : e->government ? e->government->code : std::string();
  return EventParticipant{e->text, code, e->start, e->end};
}

}  // namespace

bool is_hyphen_modifier(const SentenceInput& in, int mention) {
  size_t end = in.tokens[in.mention_tokens[mention].second - 1].end;
  if (end + 1 >= in.body.size() || in.body[end] != '-' || !std::islower(static_cast<unsigned char>(in.body[end + 1])))
    return false;
  // The word after the hyphen makes an adjective of the name ("-backed",
  // "-led", "-run", "-born"); anything else ("Moon Jae-in") is the name's.
  size_t to = end + 1;
  while (to < in.body.size() && std::isalpha(static_cast<unsigned char>(in.body[to]))) ++to;
  std::string_view word = in.body.substr(end + 1, to - end - 1);
  auto ends = [&](std::string_view s) { return word.size() > s.size() && word.substr(word.size() - s.size()) == s; };
  return ends("ed") || ends("ing") || key_in(word, {"led", "run", "born", "made", "held", "style", "friendly", "majority",
                                                    "era", "wide", "proof", "bound", "built", "sponsored", "fed"});
}

bool is_actor_mention(const SentenceInput& in, int mention) {
  return mention >= 0 && in.mentions[mention]->kind == EntityKind::kActor && !is_hyphen_modifier(in, mention);
}

std::vector<Event> code_sentence(const SentenceInput& in, const ActionDictionary& actions) {
  std::vector<Event> events;
  std::vector<VerbMatch> verbs = find_verbs(in, actions);
  if (verbs.empty()) return events;
  std::vector<bool> taken(in.mentions.size(), false);  // mentions that speak, not act
  std::string said_by = attribution(in, verbs, taken);
  int previous_source = -1;
  for (size_t v = 0; v < verbs.size(); ++v) {
    const VerbMatch& verb = verbs[v];
    const ActionCode* code = actions.code(verb.pattern->cameo);
    if (!code) continue;
    size_t clause_start = v > 0 ? verbs[v - 1].end : 0;
    size_t clause_end = v + 1 < verbs.size() ? verbs[v + 1].first : in.tokens.size();
    bool passive = is_passive(in, verb.first);
    int subject = actor_left(in, verb.first, clause_start);
    bool inherited = false;
    if (subject >= 0 && taken[subject]) subject = -1;
    if (subject < 0) subject = state_before(in, verb.first, clause_start);
    if (subject < 0) subject = speaker_subject(in, verb.first, taken);
    if (subject < 0 && v > 0) {
      // "Serbs blocked roads and built barricades": a verb joined to the
      // previous one by "and" shares its subject.
      for (size_t k = clause_start; k < verb.first; ++k) {
        if (key_in(in.tokens[k].key, {"and", "then", "but", "also"})) {
          subject = previous_source;
          inherited = subject >= 0;
          break;
        }
      }
    }
    int source = subject, target = -1;
    if (passive) {
      target = subject;
      source = passive_agent(in, verb.end, clause_end);
    } else {
      std::vector<bool> skip = taken;
      if (subject >= 0) skip[subject] = true;
      // From just after the head: "took three Serbs into custody".
      target = actor_right(in, verb.first + 1, clause_end, skip);
      if (target < 0) target = state_after(in, verb.end, clause_end);
    }
    if (source < 0 && target < 0) continue;  // no actor: nothing to code
    previous_source = source;

    Event e;
    describe_event(in, verb.first, clause_start, said_by, e);
    if (source >= 0) e.source = participant(in, source);
    if (target >= 0) e.target = participant(in, target);
    e.action = *code;
    e.verb = span_text(in, verb.first, verb.end);
    e.pattern = verb.pattern->text;
    double confidence = 0.35;
    if (e.source && !e.source->code.empty()) confidence += 0.25;
    if (e.target && !e.target->code.empty()) confidence += 0.15;
    if (verb.pattern->words.size() > 1) confidence += 0.1;
    if (!e.date_from_publication && e.date) confidence += 0.05;
    if (inherited) confidence -= 0.1;
    if (passive && !e.source) confidence -= 0.1;
    e.confidence = std::clamp(confidence, 0.05, 0.95);
    // Each actor of a listed subject acts: one event each.
    std::vector<int> listed = (!passive && source >= 0 && source == subject && !inherited)
                                  ? listed_before(in, source, clause_start)
                                  : std::vector<int>();
    for (int other : listed) {
      if (other == target) continue;
      Event co = e;
      co.source = participant(in, other);
      events.push_back(std::move(co));
    }
    events.push_back(std::move(e));
  }
  return events;
}

void describe_event(const SentenceInput& in, size_t head, size_t clause_start, const std::string& attributed_to,
                    Event& e) {
  e.sentence_start = in.cp_begin;
  e.sentence_end = in.cp_end;
  e.sentence = std::string(in.body.substr(in.begin, in.end - in.begin));
  e.attributed_to = attributed_to;
  if (in.tokens.empty()) return;
  if (head >= in.tokens.size()) head = in.tokens.size() - 1;
  if (const EntityMention* place = event_place(in, head)) e.place = *place;
  if (const EntityMention* date = event_date(in, head)) {
    e.date = *date->date;
  } else if (in.published) {
    e.date = DateRef{in.published->iso(), in.published->precision};
    e.date_from_publication = true;
  }
  e.modality = modality_before(in, head, std::min(clause_start, head));
}

std::string sentence_attribution(const SentenceInput& in) {
  std::vector<bool> taken(in.mentions.size(), false);
  return attribution(in, {}, taken);
}

}  // namespace seismo
