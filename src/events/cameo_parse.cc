#include "events/cameo_parse.h"

#include <algorithm>
#include <cctype>

namespace seismo::cameo {
namespace {


// Words of a sentence, upper-cased: hyphens, underscores, quotes and
// brackets separate words; commas, semicolons and colons are tokens of
// their own (except inside numbers); a final full stop is dropped unless
// the word is an abbreviation ("U.S.").
std::vector<CodingToken> tokenize(std::string_view s, bool& all_caps, bool treebank_contractions) {
  std::vector<CodingToken> out;
  all_caps = true;
  CodingToken cur;
  bool in_word = false;
  auto finish = [&](size_t end) {
    if (!in_word) return;
    in_word = false;
    std::string& w = cur.word;
    while (!w.empty() && (w.back() == '.' || w.back() == '\'')) {
      if (w.back() == '.' && std::count(w.begin(), w.end(), '.') > 1) break;  // U.S.
      w.pop_back();
    }
    size_t lead = 0;
    while (lead < w.size() && w[lead] == '\'') ++lead;
    w.erase(0, lead);
    cur.end = end;
    if (treebank_contractions && w.size() > 3 && w.ends_with("N'T")) {
      // "DIDN'T" -> "DID" "N'T"
      CodingToken neg = cur;
      neg.word = "N'T";
      neg.begin = end - 3;
      neg.capitalised = false;
      w.resize(w.size() - 3);
      cur.end = end - 3;
      out.push_back(cur);
      out.push_back(neg);
    } else if (!w.empty()) {
      out.push_back(cur);
    }
    cur = CodingToken();
  };
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    // Typographic punctuation in UTF-8: curly quotes, dashes, NBSP.
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      unsigned char d = static_cast<unsigned char>(s[i + 2]);
      if (d == 0x99 || d == 0x98) {  // ’ ‘ : an apostrophe inside a word
        if (in_word) cur.word.push_back('\'');
      } else {
        finish(i);
      }
      i += 3;
      continue;
    }
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      finish(i);
      i += 2;
      continue;
    }
    bool word_char = std::isalnum(c) || c >= 0x80 || c == '\'' || c == '.' || c == '&';
    if (c == ',' && in_word && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1])) &&
        !cur.word.empty() && std::isdigit(static_cast<unsigned char>(cur.word.back()))) {
      word_char = true;  // 50,000
    }
    if (word_char) {
      if (!in_word) {
        in_word = true;
        cur.begin = i;
        cur.capitalised = std::isupper(c) != 0;
      }
      if (std::islower(c)) all_caps = false;
      cur.word.push_back(static_cast<char>(std::toupper(c)));
      ++i;
      continue;
    }
    finish(i);
    if (c == ',' || c == ';' || c == ':') {
      CodingToken comma;
      comma.word = ",";
      comma.begin = i;
      comma.end = i + 1;
      out.push_back(comma);
    }
    ++i;
  }
  finish(s.size());
  return out;
}

int count_words(const std::vector<CodingToken>& t, size_t from, size_t to) {
  int n = 0;
  for (size_t i = from; i < to && i < t.size(); ++i) n += !is_comma(t[i]);
  return n;
}



// Whether an agent's code is already part of an actor's code, read in
// three-letter steps ("GMWGOV" has GOV but not WGO).
bool has_code_part(std::string_view code, std::string_view part) {
  for (size_t p = 0; p + part.size() <= code.size(); p += 3)
    if (code.substr(p, part.size()) == part) return true;
  return false;
}

void apply_agent_code(Occurrence& actor, const std::string& code, bool prefix) {
  for (auto& c : actor.codes) {
    if (has_code_part(c, code)) continue;
    c = prefix ? code + c : c + code;
  }
  actor.agent_code = code;
  actor.agent_prefix = prefix;
}

void attach_agent(Occurrence& actor, const Occurrence& agent, bool former) {
  apply_agent_code(actor, former ? "ELI" : agent.agent_code, agent.agent_prefix);
  actor.agent_before = agent.first < actor.first;
  actor.first = std::min(actor.first, agent.first);
  actor.last = std::max(actor.last, agent.last);
}

Marking mark(const CameoDictionary& dict, const std::vector<CodingToken>& tokens, int day, const CodingOptions& options) {
  Marking m;
  int n = static_cast<int>(tokens.size());
  m.owner.assign(n, -1);
  m.noun.assign(n, false);
  std::vector<SlotGroup> no_groups;
  PhraseMatcher matcher(tokens, no_groups, &dict.synsets());
  std::vector<int> candidates;
  for (int i = 0; i < n; ++i) {
    const std::string& w = tokens[i].word;
    if (m.owner[i] >= 0 || is_comma(tokens[i])) continue;
    if (is_pronoun(w)) {
      Occurrence o;
      o.kind = Occurrence::Kind::kPronoun;
      o.first = o.last = i;
      o.text = w;
      m.owner[i] = static_cast<int>(m.occ.size());
      m.occ.push_back(std::move(o));
      continue;
    }
    // The longest actor or agent phrase starting here; actors win ties.
    int best_words = 0, best_span = 0;
    std::vector<int> best_tokens;
    int best_actor = -1, best_agent = -1;
    auto consider = [&](const Phrase& p, int actor, int agent) {
      PhraseMatch pm;
      if (!matcher.match(p, i, 1, true, i, n - 1, Endings::kNoun, pm)) return;
      for (int t : pm.tokens)
        if (m.owner[t] >= 0) return;
      int span = pm.tokens.back() - i;
      if (pm.words > best_words || (pm.words == best_words && span < best_span)) {
        best_words = pm.words;
        best_span = span;
        best_tokens = pm.tokens;
        best_actor = actor;
        best_agent = agent;
      }
    };
    dict.actors_starting(w, candidates);
    for (int c : candidates) consider(dict.actors()[c].phrase, c, -1);
    dict.agents_starting(w, candidates);
    for (int c : candidates) {
      int before = best_words;
      PhraseMatch pm;
      if (!matcher.match(dict.agents()[c].phrase, i, 1, true, i, n - 1, Endings::kNoun, pm)) continue;
      if (pm.words > before) consider(dict.agents()[c].phrase, -1, c);
    }
    if (best_words == 0) {
      if (dict.is_noun(w) || dict.is_adjective(w)) m.noun[i] = true;
      continue;
    }
    Occurrence o;
    o.first = best_tokens.front();
    o.last = best_tokens.back();
    if (best_actor >= 0) {
      const ActorEntry& a = dict.actors()[best_actor];
      std::string code = a.code_on(day);
      o.text = a.text;
      if (code == "---") {  // a null-coded actor is read as a noun
        for (int t : best_tokens) m.noun[t] = true;
        continue;
      }
      o.discard = code == "###";
      o.complex = code == "+++";
      for (size_t p = 0; p <= code.size();) {  // "ELR/GAL": several actors
        size_t slash = code.find('/', p);
        std::string part = code.substr(p, slash == std::string::npos ? std::string::npos : slash - p);
        if (!part.empty()) o.codes.push_back(part);
        if (slash == std::string::npos) break;
        p = slash + 1;
      }
      o.roots = o.codes;
    } else {
      const AgentEntry& a = dict.agents()[best_agent];
      o.kind = Occurrence::Kind::kAgent;
      o.agent_code = a.code;
      o.agent_prefix = a.prefix;
      o.text = a.text;
    }
    for (int t : best_tokens) m.owner[t] = static_cast<int>(m.occ.size());
    m.occ.push_back(std::move(o));
  }
  // Agents join the actor beside them: "Gondor's president", "Arnor
  // security officials", "the ambassadors of Arnor", "human rights
  // activists in Arnor"; FORMER makes any of them ELI.
  auto actor_at = [&](int t, bool as_first) -> int {
    if (t < 0 || t >= n || m.owner[t] < 0) return -1;
    const Occurrence& o = m.occ[m.owner[t]];
    if (o.kind != Occurrence::Kind::kActor) return -1;
    return (as_first ? o.first : o.last) == t ? m.owner[t] : -1;
  };
  for (auto& agent : m.occ) {
    if (agent.kind != Occurrence::Kind::kAgent) continue;
    bool former = agent.first > 0 && tokens[agent.first - 1].word == "FORMER";
    auto look_left = [&]() {
      int t = agent.first - 1;
      bool former_between = t >= 0 && tokens[t].word == "FORMER";
      if (former_between) --t;
      int a = actor_at(t, false);
      if (a >= 0) former = former || former_between;
      return a;
    };
    auto look_right = [&]() {
      int t = agent.last + 1;
      while (t < n && in_list(tokens[t].word, {"OF", "IN", "FROM", "THE"})) ++t;
      int a = actor_at(t, true);
      if (a >= 0 && m.occ[a].first > 0 && tokens[m.occ[a].first - 1].word == "FORMER") former = true;
      return a;
    };
    int a = agent.agent_prefix ? look_right() : look_left();
    if (a < 0) a = agent.agent_prefix ? look_left() : look_right();
    if (a >= 0) {
      // "former Gondor prosecutors": FORMER before the actor
      if (m.occ[a].first > 0 && tokens[m.occ[a].first - 1].word == "FORMER") former = true;
      attach_agent(m.occ[a], agent, former);
      agent.attached = true;
      agent.attached_to = a;
    } else if (options.convert_agents) {
      std::string code = agent.agent_prefix ? agent.agent_code + "~" : "~" + agent.agent_code;
      agent.kind = Occurrence::Kind::kActor;
      agent.codes = agent.roots = {code};
    }
  }
  return m;
}

// Drops comma-delimited asides by their length in words (TABARI's
// COMMA: settings). Commas between the actors of a list ("Mordor, Rohan,
// Fornost and Bree") do not delimit.
std::vector<CodingToken> drop_comma_clauses(const std::vector<CodingToken>& tokens, const Marking& m,
                                            const CameoDictionary& dict, const CodingOptions& o) {
  int n = static_cast<int>(tokens.size());
  auto actor_ends_at = [&](int t) {
    if (t < 0 || m.owner[t] < 0) return false;
    const Occurrence& occ = m.occ[m.owner[t]];
    return occ.kind != Occurrence::Kind::kAgent && occ.last == t;
  };
  // After a list comma comes one more actor of the list, then another
  // comma, a conjunction, a verb or the end: "Mordor, the awful Fornost,
  // and Gondor welcomed", but not "Dol Amroth, associated with the IMF".
  std::vector<SlotGroup> no_groups;
  PhraseMatcher matcher(tokens, no_groups, &dict.synsets());
  std::vector<int> candidates;
  auto verb_at = [&](int t) {
    dict.verbs_starting(tokens[t].word, candidates);
    PhraseMatch pm;
    for (int c : candidates)
      if (matcher.match(dict.verbs()[c].phrase, t, 1, true, t, n - 1, Endings::kVerb, pm)) return true;
    return false;
  };
  auto list_item_at = [&](int t) {
    if (t < n && is_conjunction(tokens[t].word)) ++t;
    bool determiner = false;
    while (t < n && (is_determiner(tokens[t].word) || dict.is_adjective(tokens[t].word))) determiner |= is_determiner(tokens[t++].word);
    int o = actor_starting_at(m, t);
    // Without a list of adjectives, a word or two after a determiner are
    // read as modifiers ("the awful Fornost").
    for (int u = t; o < 0 && determiner && !dict.has_adjective_list() && u < t + 2 && u < n && m.owner[u] < 0 &&
                    !is_comma(tokens[u]) && !is_conjunction(tokens[u].word);
         ++u)
      o = actor_starting_at(m, u + 1);
    if (o < 0) return false;
    const Occurrence& occ = m.occ[o];
    int after = occ.last + 1;
    return after >= n || is_comma(tokens[after]) || is_conjunction(tokens[after].word) || verb_at(after);
  };
  std::vector<int> commas;
  for (int i = 0; i < n; ++i)
    if (is_comma(tokens[i]) && !(actor_ends_at(i - 1) && list_item_at(i + 1))) commas.push_back(i);
  if (commas.empty()) return tokens;
  std::vector<bool> drop(n, false);
  auto drop_range = [&](int from, int to) {
    for (int i = std::max(from, 0); i < to && i < n; ++i) drop[i] = true;
  };
  // An aside between two commas takes both of them: the comma closing it
  // does not open a clause at the end of the sentence as well.
  std::vector<bool> used(commas.size(), false);
  for (size_t k = 0; k + 1 < commas.size(); ++k) {
    int w = count_words(tokens, commas[k] + 1, commas[k + 1]);
    if (w < o.comma_min || w > o.comma_max) continue;
    drop_range(commas[k], commas[k + 1]);  // the closing comma stays, a barrier between its neighbours
    used[k] = used[k + 1] = true;
    ++k;
  }
  int w = count_words(tokens, 0, commas.front());
  if (!used.front() && w >= o.comma_bmin && w <= o.comma_bmax) drop_range(0, commas.front() + 1);
  w = count_words(tokens, commas.back() + 1, n);
  if (!used.back() && w >= o.comma_emin && w <= o.comma_emax) drop_range(commas.back(), n);
  std::vector<CodingToken> kept;
  for (int i = 0; i < n; ++i)
    if (!drop[i]) kept.push_back(tokens[i]);
  return kept;
}




// The TIME phrase with a discard or complex code the sentence contains
// (TABARI's SET: TIME SHIFT), or null.
const TimePhrase* coded_time_phrase(const CameoDictionary& dict, const std::vector<CodingToken>& tokens) {
  std::vector<SlotGroup> no_groups;
  PhraseMatcher matcher(tokens, no_groups, &dict.synsets());
  const int n = static_cast<int>(tokens.size());
  for (const auto& tp : dict.time_phrases()) {
    if (tp.code != "###" && tp.code != "+++") continue;
    for (int i = 0; i < n; ++i) {
      PhraseMatch pm;
      if (matcher.match(tp.phrase, i, 1, true, i, n - 1, Endings::kNone, pm)) return &tp;
    }
  }
  return nullptr;
}

// Verbs: the longest verb phrase at each word that is not an actor, a
// noun or a pronoun, and not made a noun by a determiner ("the restore")
// or a capital inside the sentence ("To Restore"). `verb_owner` maps
// each token to its verb, -1 for none.
void find_verbs(const CameoDictionary& dict, const std::vector<CodingToken>& tokens, const Marking& m, bool all_caps,
                std::vector<VerbOccurrence>& verbs, std::vector<int>& verb_owner) {
  const int n = static_cast<int>(tokens.size());
  verb_owner.assign(n, -1);
  {
    std::vector<SlotGroup> no_groups;
    PhraseMatcher matcher(tokens, no_groups, &dict.synsets());
    std::vector<int> candidates;
    for (int i = 0; i < n; ++i) {
      const std::string& w = tokens[i].word;
      if (m.owner[i] >= 0 || m.noun[i] || verb_owner[i] >= 0 || is_comma(tokens[i]) || is_determiner(w) ||
          is_conjunction(w))
        continue;
      if (i > 0 && is_determiner(tokens[i - 1].word)) continue;
      if (!all_caps && i > 0 && tokens[i].capitalised) continue;
      dict.verbs_starting(w, candidates);
      VerbOccurrence best;
      int best_words = 0, best_span = 0, best_weight = 0;
      for (int c : candidates) {
        PhraseMatch pm;
        if (!matcher.match(dict.verbs()[c].phrase, i, 1, true, i, n - 1, Endings::kVerb, pm)) continue;
        int span = pm.tokens.back() - i;
        int weight = phrase_weight(dict.verbs()[c].phrase);  // ATTACKED before ATTACK
        if (pm.words > best_words || (pm.words == best_words && span < best_span) ||
            (pm.words == best_words && span == best_span && weight > best_weight)) {
          best_words = pm.words;
          best_span = span;
          best_weight = weight;
          best.entry = c;
          best.first = i;
          best.last = pm.tokens.back();
          best.tokens = pm.tokens;
        }
      }
      if (best.entry < 0) continue;
      for (int t : best.tokens) verb_owner[t] = static_cast<int>(verbs.size());
      verbs.push_back(std::move(best));
    }
  }
}

// The groups a clause role or a pattern slot can take: each actor; each
// compound (actors joined by AND/OR/NOR or list commas, with determiners
// and adjectives between them), whose conjunctions `compound_conj` marks;
// each pronoun standing for an earlier group or, with forwarding, for
// `previous_subject`. Also their slot spans and the widest groups in text
// order; `subject` is the sentence's first actor, for the next sentence.
void build_groups(const CameoDictionary& dict, const CodingOptions& options, const std::vector<int>& verb_owner,
                  const std::vector<std::string>* previous_subject, SentenceParse& parse,
                  std::vector<bool>& compound_conj, std::vector<std::string>& subject) {
  const std::vector<CodingToken>& tokens = parse.tokens;
  Marking& m = parse.marking;
  const int n = static_cast<int>(tokens.size());
  compound_conj.assign(n, false);
  std::vector<Group>& groups = parse.groups;
  std::vector<int> group_of(m.occ.size(), -1);  // the widest group of each occurrence
  std::vector<int> single_of(m.occ.size(), -1);
  for (size_t k = 0; k < m.occ.size(); ++k) {
    const Occurrence& o = m.occ[k];
    if (o.kind != Occurrence::Kind::kActor) continue;
    Group g;
    for (const auto& c : o.codes) g.parties.push_back(Party{c, o.first, o.last});
    g.members = {static_cast<int>(k)};
    single_of[k] = group_of[k] = static_cast<int>(groups.size());
    groups.push_back(std::move(g));
  }
  auto skippable = [&](int t) {
    return t < n && (is_determiner(tokens[t].word) || dict.is_adjective(tokens[t].word) ||
                     tokens[t].word == "NEITHER" || tokens[t].word == "EITHER");
  };
  auto actor_starting = [&](int t) -> int { return actor_starting_at(m, t); };
  for (size_t k = 0; k < m.occ.size(); ++k) {
    if (m.occ[k].kind != Occurrence::Kind::kActor || group_of[k] != single_of[k]) continue;
    std::vector<int> chain{static_cast<int>(k)};
    std::vector<int> links;  // conjunction tokens used
    size_t last_conj_member = 0;
    int t = m.occ[k].last + 1;
    for (;;) {
      while (skippable(t)) ++t;
      int conj = -1;
      bool linked = false;
      if (t < n && is_comma(tokens[t])) {
        linked = true;
        ++t;
        while (skippable(t)) ++t;
      }
      // "awful and evil minister": a conjunction between two adjectives
      // joins the adjectives, not two actors.
      if (t < n && is_conjunction(tokens[t].word) && t > 0 && t + 1 < n && dict.is_adjective(tokens[t - 1].word) &&
          dict.is_adjective(tokens[t + 1].word))
        break;
      if (t < n && is_conjunction(tokens[t].word) && tokens[t].word != "BUT") {
        conj = t;
        linked = true;
        ++t;
        while (skippable(t)) ++t;
      }
      int next = actor_starting(t);
      if (next < 0 && linked && !dict.has_adjective_list() && t > 0 && is_determiner(tokens[t - 1].word)) {
        // Without a list of adjectives, a word or two between a
        // determiner and an actor are read as modifiers ("and the evil
        // awful Gondor").
        for (int u = t; u < t + 2 && u < n && m.owner[u] < 0 && verb_owner[u] < 0 && !is_comma(tokens[u]) &&
                        !is_conjunction(tokens[u].word);
             ++u) {
          if ((next = actor_starting(u + 1)) >= 0) {
            t = u + 1;
            break;
          }
        }
      }
      // Actors side by side, with an adjective between them, count only
      // inside a list already joined by a conjunction ("Calenardhon and
      // the evil Arnor awful Gondor").
      bool adjective_between = tokens[m.occ[chain.back()].last].word.ends_with("'S");  // "Arnor's Elrond"
      for (int a = m.occ[chain.back()].last + 1; a < t; ++a) adjective_between |= dict.is_adjective(tokens[a].word);
      if (next < 0 || (!linked && (last_conj_member == 0 || !adjective_between))) break;
      chain.push_back(next);
      if (conj >= 0) links.push_back(conj);
      if (conj >= 0 || (!linked && last_conj_member > 0)) last_conj_member = chain.size() - 1;
      t = m.occ[next].last + 1;
    }
    if (last_conj_member == 0) continue;
    chain.resize(last_conj_member + 1);
    if (options.agents_over_compounds) {
      // An agent outside the list applies to each of its actors: before
      // the first ("the ambassadors of Arnor, Osgiliath and Gondor") or
      // after the last ("Arnor and Gondor officials").
      const Occurrence& head = m.occ[chain.front()];
      const Occurrence& tail = m.occ[chain.back()];
      const Occurrence* outside = !head.agent_code.empty() && head.agent_before ? &head
                                  : !tail.agent_code.empty() && !tail.agent_before ? &tail
                                                                                   : nullptr;
      if (outside) {
        std::string code = outside->agent_code;
        bool prefix = outside->agent_prefix;
        for (int other : chain)
          if (m.occ[other].agent_code.empty()) apply_agent_code(m.occ[other], code, prefix);
      }
    }
    Group g;
    g.compound = true;
    for (int o : chain) {
      for (const auto& c : m.occ[o].codes) g.parties.push_back(Party{c, m.occ[o].first, m.occ[o].last});
      g.members.push_back(o);
    }
    int gi = static_cast<int>(groups.size());
    groups.push_back(std::move(g));
    for (int o : chain) group_of[o] = gi;
    for (int c : links)
      if (c < m.occ[chain.back()].first) compound_conj[c] = true;
  }

  // Pronouns stand for the sentence's first actor (or compound) before
  // them, or with forwarding for the previous sentence's subject.
  std::vector<std::string> subject_roots;
  for (size_t k = 0; k < m.occ.size(); ++k) {
    if (m.occ[k].kind == Occurrence::Kind::kActor) {
      subject_roots = m.occ[k].roots;
      break;
    }
  }
  for (size_t k = 0; k < m.occ.size(); ++k) {
    Occurrence& p = m.occ[k];
    if (p.kind != Occurrence::Kind::kPronoun) continue;
    int antecedent = -1;
    for (size_t j = 0; j < k; ++j)
      if (group_of[j] >= 0) {
        antecedent = group_of[j];
        break;
      }
    std::vector<std::string> codes;
    if (antecedent >= 0) codes = groups[antecedent].codes();
    else if (options.forward && previous_subject) codes = *previous_subject;
    if (codes.empty()) continue;
    Group g;
    for (const auto& c : codes) g.parties.push_back(Party{c, p.first, p.last});
    g.members = {static_cast<int>(k)};
    single_of[k] = group_of[k] = static_cast<int>(groups.size());
    groups.push_back(std::move(g));
  }
  subject = subject_roots.empty() && previous_subject ? *previous_subject : subject_roots;

  // The groups in text order, and their spans for pattern slots.
  auto group_first = [&](int g) {
    int f = INT_MAX;
    for (int o : groups[g].members) f = std::min(f, m.occ[o].first);
    return f;
  };
  auto group_last = [&](int g) {
    int l = -1;
    for (int o : groups[g].members) l = std::max(l, m.occ[o].last);
    return l;
  };
  std::vector<SlotGroup>& slots = parse.slots;
  for (size_t g = 0; g < groups.size(); ++g) slots.push_back(SlotGroup{group_first(g), group_last(g), groups[g].compound});
  std::vector<int>& top = parse.top;
  for (size_t k = 0; k < m.occ.size(); ++k)
    if (group_of[k] >= 0 && std::find(top.begin(), top.end(), group_of[k]) == top.end()) top.push_back(group_of[k]);
  std::sort(top.begin(), top.end(), [&](int a, int b) { return slots[a].first < slots[b].first; });
}

// Clauses: split at conjunctions that join neither actors, nor listed
// nouns or adjectives, nor the words of a verb phrase. Returns the number
// of those conjunctions (TABARI's CONJ[n] complexity test).
int split_clauses(const SentenceParse& parse, const std::vector<bool>& compound_conj, const std::vector<int>& verb_owner,
                  std::vector<Clause>& clauses) {
  const std::vector<CodingToken>& tokens = parse.tokens;
  const Marking& m = parse.marking;
  const int n = static_cast<int>(tokens.size());
  int conjunctions = 0;
  {
    Clause c;
    for (int i = 0; i < n; ++i) {
      const std::string& w = tokens[i].word;
      if (!is_conjunction(w) || compound_conj[i] || verb_owner[i] >= 0 || m.owner[i] >= 0) continue;
      bool listed_before = i > 0 && m.noun[i - 1];
      bool listed_after = i + 1 < n && m.noun[i + 1];
      if (listed_before && listed_after) continue;
      ++conjunctions;
      c.end = i;
      clauses.push_back(c);
      c = Clause();
      c.begin = i + 1;
      if (i + 1 < n && tokens[i + 1].word == "THEN") c.forwards = false;
    }
    c.end = n;
    clauses.push_back(c);
  }
  return conjunctions;
}

}  // namespace

bool parse_sentence(const CameoDictionary& dict, std::string_view sentence, int day, const CodingOptions& options,
                    const std::vector<std::string>* previous_subject, SentenceParse& parse, SentenceCoding& out) {
  using Outcome = SentenceCoding::Outcome;
  bool all_caps = true;
  std::vector<CodingToken>& tokens = parse.tokens;
  tokens = tokenize(sentence, all_caps, options.treebank_contractions);
  int words = count_words(tokens, 0, tokens.size());
  if (words == 0 || (options.min_words > 0 && words < options.min_words)) {
    out.outcome = Outcome::kTooShort;
    out.reason = std::to_string(words) + " words";
    return false;
  }
  if (options.max_words > 0 && words > options.max_words) {
    out.outcome = Outcome::kComplex;
    out.reason = std::to_string(words) + " words";
    return false;
  }
  if (options.time_shift) {
    if (const TimePhrase* tp = coded_time_phrase(dict, tokens)) {
      out.outcome = tp->code == "###" ? Outcome::kDiscarded : Outcome::kComplex;
      out.reason = "time phrase with code " + tp->code;
      return false;
    }
  }

  if (std::any_of(tokens.begin(), tokens.end(), is_comma)) {
    // Telling list commas from asides needs the actors: a first reading.
    Marking first_pass = mark(dict, tokens, day, options);
    tokens = drop_comma_clauses(tokens, first_pass, dict, options);
  }
  Marking& m = parse.marking;
  m = mark(dict, tokens, day, options);

  for (const auto& o : m.occ) {
    if (o.kind != Occurrence::Kind::kActor) continue;
    if (o.discard) {
      out.outcome = Outcome::kDiscarded;
      out.reason = "discard code on " + o.text;
      return false;
    }
    if (o.complex) {
      out.outcome = Outcome::kComplex;
      out.reason = "complex code on " + o.text;
      return false;
    }
  }

  std::vector<VerbOccurrence>& verbs = parse.verbs;
  std::vector<int> verb_owner;
  find_verbs(dict, tokens, m, all_caps, verbs, verb_owner);

  std::vector<bool> compound_conj;
  build_groups(dict, options, verb_owner, previous_subject, parse, compound_conj, out.subject);

  int conjunctions = split_clauses(parse, compound_conj, verb_owner, parse.clauses);
  if (options.complex_verbs > 0 && static_cast<int>(verbs.size()) >= options.complex_verbs) {
    out.outcome = Outcome::kComplex;
    out.reason = std::to_string(verbs.size()) + " verbs";
    return false;
  }
  if (options.complex_conjunctions > 0 && conjunctions >= options.complex_conjunctions) {
    out.outcome = Outcome::kComplex;
    out.reason = std::to_string(conjunctions) + " conjunctions";
    return false;
  }
  return true;
}

}  // namespace seismo::cameo
