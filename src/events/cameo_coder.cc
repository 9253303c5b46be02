#include "events/cameo_coder.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "events/cameo_parse.h"

namespace seismo::cameo {

SentenceCoding CameoCoder::code(std::string_view sentence, int day, const CodingOptions& options,
                                const std::vector<std::string>* previous_subject) const {
  using Outcome = SentenceCoding::Outcome;
  SentenceCoding out;
  SentenceParse parse;
  if (!parse_sentence(dict_, sentence, day, options, previous_subject, parse, out)) return out;
  const std::vector<CodingToken>& tokens = parse.tokens;
  const Marking& m = parse.marking;
  const std::vector<VerbOccurrence>& verbs = parse.verbs;
  const std::vector<Group>& groups = parse.groups;
  const std::vector<SlotGroup>& slots = parse.slots;
  const std::vector<int>& top = parse.top;
  const std::vector<Clause>& clauses = parse.clauses;
  const int n = static_cast<int>(tokens.size());
  PhraseMatcher matcher(tokens, slots, &dict_.synsets());
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  auto words_of = [&](const Party& p, size_t& begin, size_t& end) {
    if (p.first < 0) {
      begin = end = std::string::npos;
      return p.code;  // a default actor
    }
    begin = tokens[p.first].begin;
    end = tokens[p.last].end;
    return std::string(sentence.substr(begin, end - begin));
  };
  auto emit = [&](const std::vector<Party>& sources, const std::vector<Party>& targets, const std::string& code,
                  const VerbOccurrence& v, const std::string& pattern) {
    std::string first_code = code.substr(0, code.find(':'));
    std::string second_code = code.find(':') == std::string::npos ? "" : code.substr(code.find(':') + 1);
    int added = 0;
    auto add = [&](const Party& a, const Party& b, const std::string& c) {
      if (a.code == b.code || !seen.insert({a.code, b.code, c}).second) return;
      CameoEvent e;
      e.source = a.code;
      e.target = b.code;
      e.code = c;
      e.source_text = words_of(a, e.source_begin, e.source_end);
      e.target_text = words_of(b, e.target_begin, e.target_end);
      e.verb_begin = tokens[v.first].begin;
      e.verb_end = tokens[v.first].end;
      e.verb = dict_.verbs()[v.entry].text;
      e.pattern = pattern;
      out.events.push_back(std::move(e));
      ++added;
    };
    for (const auto& s : sources) {
      for (const auto& t : targets) {
        add(s, t, first_code);
        if (!second_code.empty()) add(t, s, second_code);
      }
    }
    return added;
  };
  auto parties_of = [&](int occurrence) {
    std::vector<Party> out;
    for (const auto& c : m.occ[occurrence].codes) out.push_back(Party{c, m.occ[occurrence].first, m.occ[occurrence].last});
    return out;
  };
  auto parties_of_group = [&](int g) { return g >= 0 ? groups[g].parties : std::vector<Party>(); };
  // Whether every actor of group a is also in group b: a pronoun standing
  // for the source is not its target.
  auto covered_by = [&](int a, int b) {
    const auto bs = groups[b].codes();
    for (const auto& x : groups[a].parties)
      if (std::find(bs.begin(), bs.end(), x.code) == bs.end()) return false;
    return true;
  };

  // The first group starting in tokens [from, to), other than `not_this`
  // and groups sharing a code with it.
  auto first_top = [&](int from, int to, int not_this) {
    for (int g : top)
      if (slots[g].first >= from && slots[g].first < to && g != not_this && !(not_this >= 0 && covered_by(g, not_this)))
        return g;
    return -1;
  };
  int subject = -1;  // the source of the clause before
  bool sentence_done = false;
  for (const Clause& clause : clauses) {
    if (sentence_done) break;
    if (!clause.forwards) subject = -1;
    struct Fallback {
      bool set = false;
      std::vector<Party> sources, targets;
      std::string code, pattern;
      VerbOccurrence verb;
    } weak;
    bool clause_coded = false;
    for (const VerbOccurrence& v : verbs) {
      if (v.first < clause.begin || v.first >= clause.end) continue;
      if (clause_coded && options.scope != CodingOptions::Scope::kAll) break;
      const VerbEntry& entry = dict_.verbs()[v.entry];
      std::string code = entry.code;
      std::string pattern_text;
      PhraseMatch up, low;
      for (const VerbPattern& p : *entry.patterns) {
        up = PhraseMatch();
        low = PhraseMatch();
        if (!p.upper.empty() && !matcher.match(p.upper, v.first - 1, -1, p.upper_joined, 0, n - 1, Endings::kNone, up))
          continue;
        if (!p.lower.empty() && !matcher.match(p.lower, v.last + 1, 1, p.lower_joined, 0, n - 1, Endings::kNone, low))
          continue;
        code = p.code;
        pattern_text = p.text;
        break;
      }
      if (pattern_text.empty()) up = low = PhraseMatch();
      code.erase(std::remove(code.begin(), code.end(), '!'), code.end());
      bool is_weak = !code.empty() && code.back() == '?';
      if (is_weak) code.pop_back();
      if (code == "---" || code.empty()) continue;
      if (code == "###") {
        out.events.clear();
        out.outcome = Outcome::kDiscarded;
        out.reason = "discard code on " + entry.text;
        return out;
      }
      if (code == "+++") {
        out.events.clear();
        out.outcome = Outcome::kComplex;
        out.reason = "complex code on " + entry.text;
        return out;
      }
      int compound = up.compound >= 0 ? up.compound : low.compound;
      if (compound >= 0) {  // events between the members of a compound
        const Group& g = groups[compound];
        int added = 0;
        for (int a : g.members)
          for (int b : g.members)
            if (a != b) added += emit(parties_of(a), parties_of(b), code, v, pattern_text);
        if (added > 0) clause_coded = true;
        if (clause_coded && options.scope == CodingOptions::Scope::kSentence) sentence_done = true;
        if (sentence_done) break;
        continue;
      }
      int source = up.source >= 0 ? up.source : low.source;
      int target = up.target >= 0 ? up.target : low.target;
      bool from_pattern = source >= 0 || target >= 0;
      std::vector<Party> default_source, default_target;
      if (source < 0) source = first_top(clause.begin, v.first, target);
      if (source < 0 && subject >= 0 && subject != target) source = subject;
      bool source_after = false;
      if (source < 0) {
        if (!options.default_source.empty() && options.default_source_prior) {
          default_source = {Party{options.default_source}};
        } else if (options.no_actor_prior_is_complex && target < 0) {
          out.events.clear();
          out.outcome = Outcome::kComplex;
          out.reason = "no actor before the verb " + entry.text;
          return out;
        } else {
          source = first_top(v.last + 1, clause.end, target);
          source_after = source >= 0;
        }
      }
      if (!from_pattern && source >= 0 && !source_after && v.first >= 1) {
        // Passive voice: "Eriador was opposed by Osgiliath".
        int b = v.first - 1;
        if (b >= 0 && tokens[b].word.size() > 2 && tokens[b].word.ends_with("LY")) --b;
        if (b >= 0 && in_list(tokens[b].word, {"WAS", "WERE", "IS", "ARE", "BEEN", "BEING", "BE"})) {
          for (int t = v.last + 1; t + 1 < clause.end; ++t) {
            if (tokens[t].word != "BY") continue;
            int by = first_top(t + 1, t + 3, -1);
            if (by >= 0) {
              target = source;
              source = by;
            }
            break;
          }
        }
      }
      if (target < 0) {
        int from = source_after ? slots[source].last + 1 : v.last + 1;
        target = first_top(from, clause.end, source);
        if (target < 0 && source_after && groups[source].compound) {
          // The compound after the verb is both: its first actor the
          // source, the others the targets.
          const Group& g = groups[source];
          default_source = parties_of(g.members.front());
          for (size_t k = 1; k < g.members.size(); ++k)
            for (const auto& p : parties_of(g.members[k])) default_target.push_back(p);
        } else if (target < 0 && options.default_target_after && !options.default_target.empty()) {
          default_target = {Party{options.default_target}};
        } else if (target < 0) {
          // Nothing after the verb: an actor before it, or the other
          // members of a compound source.
          for (int g : top) {
            if (slots[g].first >= v.first || g == source || slots[g].first < clause.begin) continue;
            if (source >= 0 && covered_by(g, source)) continue;
            if (source >= 0 && slots[g].first < slots[source].first) continue;
            target = g;
          }
          if (target < 0 && source >= 0 && groups[source].compound) {
            const Group& g = groups[source];
            default_source = parties_of(g.members.front());
            for (size_t k = 1; k < g.members.size(); ++k)
              for (const auto& p : parties_of(g.members[k])) default_target.push_back(p);
          }
          if (target < 0 && default_target.empty() && !options.default_target.empty())
            default_target = {Party{options.default_target}};
        }
      }
      std::vector<Party> sources = default_source.empty() ? parties_of_group(source) : default_source;
      std::vector<Party> targets = default_target.empty() ? parties_of_group(target) : default_target;
      if (sources.empty() || targets.empty()) continue;
      if (is_weak && options.scope != CodingOptions::Scope::kAll) {
        if (!weak.set) {
          weak.set = true;
          weak.sources = sources;
          weak.targets = targets;
          weak.code = code;
          weak.pattern = pattern_text;
          weak.verb = v;
        }
        continue;
      }
      if (emit(sources, targets, code, v, pattern_text) > 0) {
        clause_coded = true;
        if (source >= 0) subject = source;
        if (options.scope == CodingOptions::Scope::kSentence) {
          sentence_done = true;
          break;
        }
      }
    }
    if (!clause_coded && weak.set) {
      if (emit(weak.sources, weak.targets, weak.code, weak.verb, weak.pattern) > 0 &&
          options.scope == CodingOptions::Scope::kSentence)
        sentence_done = true;
    }
    if (subject < 0) subject = first_top(clause.begin, clause.end, -1);
  }
  out.outcome = out.events.empty() ? Outcome::kNoEvent : Outcome::kCoded;
  if (out.events.empty()) out.reason = verbs.empty() ? "no verb in the dictionary" : "no verb with a source and a target";
  return out;
}

}  // namespace seismo::cameo
