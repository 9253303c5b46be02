#include "events/events.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstring>
#include <set>
#include <unordered_map>
#include <fstream>

#include "common/data_files.h"
#include "common/match_text.h"
#include "common/text.h"
#include "common/utf8.h"
#include "entities/actor_dictionary.h"
#include "entities/gazetteer.h"
#include "events/action_dictionary.h"
#include "events/cameo_coder.h"
#include "events/clause_coder.h"
#include "events/parse_tree.h"
#include "events/sentence_coder.h"
#include "events/sentences.h"
#include "events/stem.h"

namespace seismo {

const char* modality_name(Modality m) {
  switch (m) {
    case Modality::kAsserted: return "asserted";
    case Modality::kPlanned: return "planned";
    case Modality::kThreatened: return "threatened";
    case Modality::kRequested: return "requested";
    case Modality::kDenied: return "denied";
    case Modality::kHypothetical: return "hypothetical";
  }
  return "asserted";
}

Modality parse_modality(std::string_view name) {
  for (Modality m : {Modality::kPlanned, Modality::kThreatened, Modality::kRequested, Modality::kDenied,
                     Modality::kHypothetical}) {
    if (name == modality_name(m)) return m;
  }
  return Modality::kAsserted;
}

// An inflected form WordNet lists ("retook" -> "retake"), and whether it is
// a noun too ("shot"), when it is a verb only before a particle or a result.
struct VerbForm {
  std::string lemma;
  bool also_noun = false;
};

struct EventCoder::Impl {
  ActionDictionary actions;
  std::unique_ptr<cameo::CameoDictionary> cameo;  // set when coding with TABARI/PETRARCH dictionaries
  std::unique_ptr<cameo::CameoCoder> cameo_coder;
  std::unique_ptr<SyntaxModel> syntax;  // null: the shallow coder
  ActorWords actor_words;               // of the bundled actor dictionary, for the parse-based coder
  // Inflected verb forms and their lemmas (tools/verb_forms.sh), for the tagger.
  std::unordered_map<std::string, VerbForm> verb_forms;
};

EventCoder::EventCoder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EventCoder::~EventCoder() = default;

std::unique_ptr<EventCoder> EventCoder::load(const EventOptions& options, std::vector<std::string>& warnings) {
  auto impl = std::make_unique<Impl>();
  std::vector<std::string> files = options.dictionaries;
  if (files.empty()) files.push_back(default_action_dictionary_path());
  for (const auto& f : files) impl->actions.load(f, warnings);
  // PETRARCH actor files without a verb dictionary serve the entities
  // stage only; events are then coded with seismo's own dictionaries.
  bool petrarch_verbs = !options.petrarch.empty() && !cameo::CameoDictionary::petrarch_verb_files(options.petrarch).empty();
  if (!options.tabari_project.empty() || petrarch_verbs) {
    impl->cameo = std::make_unique<cameo::CameoDictionary>();
    bool ok = !options.tabari_project.empty() ? impl->cameo->load_tabari_project(options.tabari_project, warnings)
                                              : impl->cameo->load_petrarch(options.petrarch, warnings);
    if (!ok) {
      warnings.push_back("no CAMEO verb dictionary loaded: events are not coded");
      return nullptr;
    }
  }
  if (impl->cameo) {
    // Documents are stories: a pronoun opening a sentence may stand for
    // the previous sentence's subject.
    impl->cameo->options().forward = true;
    // A "sentence" of hundreds of words is a list or a page without
    // punctuation, not a sentence TABARI's rules can read.
    if (impl->cameo->options().max_words == 0) impl->cameo->options().max_words = 150;
    impl->cameo_coder = std::make_unique<cameo::CameoCoder>(*impl->cameo);
    return std::unique_ptr<EventCoder>(new EventCoder(std::move(impl)));
  }
  if (impl->actions.pattern_count() == 0) {
    warnings.push_back("no action patterns loaded: events are not coded");
    return nullptr;
  }
  if (options.syntax_model != "none") {
    std::string path = options.syntax_model.empty() ? default_syntax_model_path() : options.syntax_model;
    std::string error;
    impl->syntax = SyntaxModel::load(path, error);
    if (!impl->syntax) warnings.push_back(error + "; events are coded without a parse");
  }
  if (impl->syntax) {
    // The actor dictionary's agent words, folded as the parse's words are.
    ActorDictionary actors;
    std::vector<std::string> ignored;  // the entities stage reports the dictionary's own problems
    for (const auto& f : default_actor_dictionary_paths()) actors.load_seismo(f, ignored);
    const auto& keys = actors.phrase_keys();
    for (uint32_t k = 0; k < keys.size(); ++k) {
      for (const auto& p : actors.phrase_targets(k)) {
        if (p.kind == ActorDictionary::Kind::kAgent && !p.acronym)
          impl->actor_words.agents.emplace(keys[k], actors.agents()[p.index].code);
      }
    }
    for (const CountryEntry& c : actors.countries()) {
      impl->actor_words.cameo_of_iso2.emplace(c.iso2, c.cameo);
      impl->actor_words.countries.insert(c.cameo);
    }
    // Generated at build time; without it the tagger is only unhinted.
    std::ifstream forms(find_data_file("verb_forms.txt"));
    for (std::string line; std::getline(forms, line);) {
      size_t space = line.find(' ');
      if (line.empty() || line[0] == '#' || space == std::string::npos) continue;
      size_t second = line.find(' ', space + 1);
      std::string lemma = line.substr(space + 1, second == std::string::npos ? std::string::npos : second - space - 1);
      impl->verb_forms.emplace(line.substr(0, space), VerbForm{std::move(lemma), second != std::string::npos});
    }
  }
  return std::unique_ptr<EventCoder>(new EventCoder(std::move(impl)));
}

bool EventCoder::parses() const { return impl_->syntax != nullptr; }

size_t EventCoder::pattern_count() const {
  if (impl_->cameo) {  // each verb, and each pattern once (a verb's forms share its patterns)
    std::set<const void*> lists;
    size_t n = 0;
    for (const auto& v : impl_->cameo->verbs()) {
      ++n;
      if (lists.insert(v.patterns.get()).second) n += v.patterns->size();
    }
    return n;
  }
  return impl_->actions.pattern_count();
}

namespace {

// The sentence's tokens (stemmed) and the entity mentions inside it.
// `next_mention` walks `entities` (in text order) along with the sentences,
// and `cps` turns byte offsets into the code points mentions count in.
SentenceInput read_sentence(std::string_view body, SentenceSpan span, const std::vector<EntityMention>& entities,
                            size_t& next_mention, CodePointCursor& cps) {
  SentenceInput in;
  in.body = body;
  in.begin = span.begin;
  in.end = span.end;
  in.cp_begin = cps.at(span.begin);
  MatchText mt = make_match_text(body.substr(span.begin, span.end - span.begin));
  in.tokens.reserve(mt.tokens.size());
  std::vector<std::pair<size_t, size_t>> token_cps;  // code points of each token
  token_cps.reserve(mt.tokens.size());
  for (size_t i = 0; i < mt.tokens.size(); ++i) {
    SentenceToken t;
    t.begin = span.begin + mt.tokens[i].begin;
    t.end = span.begin + mt.tokens[i].end;
    t.key = std::string(mt.key_of(i));
    t.stem = english_stem(t.key);
    t.capitalised = mt.tokens[i].capitalised;
    t.barrier_before = i > 0 && mt.barrier_before(i);
    size_t cp_begin = cps.at(t.begin);
    token_cps.emplace_back(cp_begin, cps.at(t.end));
    in.tokens.push_back(std::move(t));
  }
  in.cp_end = cps.at(span.end);
  while (next_mention < entities.size() && entities[next_mention].start < in.cp_begin) ++next_mention;
  for (size_t k = next_mention; k < entities.size() && entities[k].start < in.cp_end; ++k) {
    const EntityMention& e = entities[k];
    if (e.end > in.cp_end) continue;  // crosses the sentence end
    // A nationality word or a name inside an organisation's is no place an
    // act happened in, nor an actor of its own (the actor stage has them).
    if (e.place && !e.place->role.empty()) continue;
    // The tokens wholly inside the mention: a run of the sentence's tokens
    // (they are in order), found by bisection, not by a scan of the
    // sentence per mention.
    auto it = std::partition_point(token_cps.begin(), token_cps.end(),
                                   [&](const std::pair<size_t, size_t>& c) { return c.first < e.start; });
    size_t first = SIZE_MAX, last = 0;
    for (size_t i = static_cast<size_t>(it - token_cps.begin()); i < token_cps.size() && token_cps[i].second <= e.end; ++i) {
      first = std::min(first, i);
      last = i + 1;
    }
    if (first == SIZE_MAX) continue;
    int index = static_cast<int>(in.mentions.size());
    in.mentions.push_back(&e);
    in.mention_tokens.emplace_back(first, last);
    for (size_t i = first; i < last; ++i) {
      if (in.tokens[i].mention < 0) in.tokens[i].mention = index;
    }
  }
  return in;
}

// The words the parser reads. The entities stage has already found the
// names: "British Prime Minister Tony Blair" or "Kosovo police" is one
// word to the parser — its last word, the phrase's head — so the parser,
// trained on web text with few long names, parses the clause around the
// name rather than the name. A capitalised name is never tagged a verb
// (a sentence-initial "Belgrade" was). Dates stay words: the coder reads
// their prepositions.
std::vector<SyntaxToken> parser_words(const SentenceInput& in, std::vector<SyntaxToken> words,
                                      const std::unordered_map<std::string, VerbForm>& verb_forms) {
  std::vector<SyntaxToken> out;
  out.reserve(words.size());
  size_t k = 0;
  int open = -1;  // the mention the last word kept belongs to
  bool hyphen = false;  // the last word was a hyphen glued to a name
  for (size_t i = 0; i < words.size(); ++i) {
    SyntaxToken& w = words[i];
    while (k < in.tokens.size() && in.tokens[k].end <= w.begin) ++k;
    int m = k < in.tokens.size() && in.tokens[k].begin < w.end ? in.tokens[k].mention : -1;
    if (m >= 0 && in.mentions[m]->kind == EntityKind::kDate) m = -1;
    // "Tsai Ing-wen", "Rostov-on-Don" where the name ends at the hyphen: the
    // glued rest is the name's too, or the parser meets a stray "- wen".
    bool glued = open >= 0 && m < 0 && !out.empty() && w.begin == out.back().end;
    if (glued && (w.form == "-" || hyphen)) {
      hyphen = w.form == "-";
      out.back().end = w.end;
      continue;
    }
    hyphen = false;
    if (m < 0 && !verb_forms.empty()) {
      // "shot dead", "shot down": a result or a particle after a form that
      // is a noun too makes it the verb. The tagger keeps the lemma given.
      auto f = verb_forms.find(ascii_lower(w.form));
      if (f != verb_forms.end() &&
          (!f->second.also_noun || (i + 1 < words.size() && one_of(ascii_lower(words[i + 1].form), {"dead", "down"})))) {
        w.verb_form = true;
        w.lemma = f->second.lemma;
      }
    }
    if (m >= 0 && m == open && !out.empty()) {
      out.back().form = std::move(w.form);  // the name's last word stands for it
      out.back().end = w.end;
      continue;
    }
    open = m;
    if (m >= 0) {
      unsigned char first = w.form.empty() ? 0 : static_cast<unsigned char>(w.form[0]);
      w.in_name = (first >= 'A' && first <= 'Z') || first >= 0x80;
    }
    out.push_back(std::move(w));
  }
  // A name of several words takes its last word's case: "Kosovo police" is
  // a common noun, the parser reads it as "police". A proper name ("Tony
  // Blair", "Kim Jong Un", "KFOR", "Serbs") is read as a name the model
  // knows well, of the same kind and number: the tagger, trained on web
  // text, took "Un" for a conjunction and a sentence-initial "Leader" for
  // a verb. The words' offsets still name the mention.
  for (size_t i = 0; i < out.size(); ++i) {
    SyntaxToken& w = out[i];
    if (!w.in_name || w.form.empty()) continue;
    unsigned char first = static_cast<unsigned char>(w.form[0]);
    w.in_name = (first >= 'A' && first <= 'Z') || first >= 0x80;
    if (!w.in_name) {
      // "Kenyan police clashed" opening the sentence: "Police clashed", as
      // a sentence starts; a lower-case first word reads as an imperative.
      if (i == 0 && first >= 'a' && first <= 'z') w.form[0] = static_cast<char>(first - 'a' + 'A');
      continue;
    }
    k = 0;
    while (k < in.tokens.size() && in.tokens[k].end <= w.begin) ++k;
    int m = k < in.tokens.size() ? in.tokens[k].mention : -1;
    bool place = m >= 0 && in.mentions[m]->kind == EntityKind::kPlace;
    // "Serbs", "Albanians", "Kurds" are plural; "Hamas", "Cyprus", "Laos" are not.
    char before_s = w.form.size() > 3 ? w.form[w.form.size() - 2] : 's';
    bool plural = w.form.size() > 3 && w.form.back() == 's' && !std::strchr("aiosuAIOSU", before_s);
    w.form = place ? "London" : plural ? "Americans" : "Smith";
  }
  return out;
}

// Whether a sentence can carry an event the parse-based coder would find:
// it names an actor or a state, an agent ("protesters", "troops") the
// parse may give a country, or has a pronoun that may stand for one. Most
// sentences of an article do none of these, and parsing is most of the
// coder's time.
bool worth_parsing(const SentenceInput& in, const ActorWords& words, const ActionDictionary& actions) {
  // And a word that may be the head of a pattern, in any form the
  // dictionary lists ("held", "fought"): without one, nothing can be coded.
  bool verb = false;
  for (const SentenceToken& t : in.tokens) {
    if (actions.patterns_for_head(t.stem)) {
      verb = true;
      break;
    }
  }
  if (!verb) return false;
  for (const EntityMention* m : in.mentions) {
    if (m->kind == EntityKind::kActor || m->government) return true;
    if (names_a_state(*m)) return true;
  }
  for (const SentenceToken& t : in.tokens) {
    if (t.key == "they" || t.key == "he" || t.key == "she" || t.key == "we") return true;
    if (words.agents.count(t.key)) return true;
  }
  return false;
}

}  // namespace

namespace {

// The code's labels and mappings from seismo's action file; a code the
// file lacks (a dictionary's own refinement, "0871") takes those of its
// nearest parent code, keeping its own number.
ActionCode action_for(const ActionDictionary& actions, const std::string& cameo) {
  for (size_t len = cameo.size(); len >= 2; --len) {
    if (const ActionCode* c = actions.code(cameo.substr(0, len))) {
      ActionCode out = *c;
      out.cameo = cameo;
      return out;
    }
  }
  ActionCode out;
  out.cameo = cameo;
  return out;
}

}  // namespace

std::vector<Event> EventCoder::code(std::string_view body, const std::vector<EntityMention>& entities,
                                    const std::optional<CalendarDate>& published, std::string_view language,
                                    size_t stopped_at, bool* truncated) const {
  std::vector<Event> out;
  if (truncated) *truncated = false;
  if (!language.empty() && language != "en") return out;
  // Only the text the entities stage read is split: its last sentence may
  // run on past where it stopped, so it goes too.
  std::vector<SentenceSpan> sentences;
  if (stopped_at < body.size()) {
    sentences = split_sentences(body.substr(0, stopped_at));
    if (!sentences.empty()) sentences.pop_back();
    if (truncated) *truncated = true;
  } else {
    sentences = split_sentences(body);
  }
  CodePointCursor cps(body);
  size_t next_mention = 0;
  int day = published ? days_from_civil(published->year, std::max(published->month, 1), std::max(published->day, 1)) : INT_MIN;
  std::vector<std::string> previous_subject;
  Discourse discourse;
  for (SentenceSpan span : sentences) {
    if (out.size() >= kMaxEvents) {
      out.resize(kMaxEvents);
      if (truncated) *truncated = true;
      break;
    }
    if (span.end - span.begin > kMaxSentenceBytes) {
      if (truncated) *truncated = true;
      previous_subject.clear();  // as the CAMEO coder leaves it after a sentence too long to read
      ++discourse.sentences_since;  // nor may a pronoun reach back over it
      continue;
    }
    if (!impl_->cameo_coder) {
      SentenceInput in = read_sentence(body, span, entities, next_mention, cps);
      in.published = published;
      if (!impl_->syntax) {
        for (Event& e : code_sentence(in, impl_->actions)) out.push_back(std::move(e));
      } else if (worth_parsing(in, impl_->actor_words, impl_->actions)) {
        std::vector<SyntaxToken> words =
            parser_words(in, tokenize_english(body.substr(span.begin, span.end - span.begin), span.begin),
                         impl_->verb_forms);
        impl_->syntax->annotate(words);
        mark_states(in, impl_->actor_words);
        ParseTree tree(in, words);
        for (Event& e : code_parsed_sentence(in, tree, impl_->actions, impl_->actor_words, discourse)) out.push_back(std::move(e));
      } else {
        ++discourse.sentences_since;
      }
      continue;
    }
    std::string_view text = body.substr(span.begin, span.end - span.begin);
    cameo::SentenceCoding coding = impl_->cameo_coder->code(text, day, impl_->cameo->options(), &previous_subject);
    previous_subject = coding.subject;
    if (coding.events.empty()) continue;  // most sentences: no need to read them for circumstances
    SentenceInput in = read_sentence(body, span, entities, next_mention, cps);
    in.published = published;
    std::string said_by = sentence_attribution(in);
    CodePointCursor sentence_cps(text);  // participants are found in any order: count within the sentence
    for (const cameo::CameoEvent& c : coding.events) {
      size_t head = 0;
      while (head + 1 < in.tokens.size() && in.tokens[head].begin < span.begin + c.verb_begin) ++head;
      Event e;
      describe_event(in, head, 0, said_by, e);
      auto participant = [&](const std::string& code, const std::string& name, size_t begin, size_t end) {
        EventParticipant p;
        p.code = code;
        p.text = name;
        if (begin != std::string::npos) {
          p.start = in.cp_begin + sentence_cps.at(begin);
          p.end = in.cp_begin + sentence_cps.at(end);
        }
        return p;
      };
      e.source = participant(c.source, c.source_text, c.source_begin, c.source_end);
      e.target = participant(c.target, c.target_text, c.target_begin, c.target_end);
      e.action = action_for(impl_->actions, c.code);
      e.verb = std::string(text.substr(c.verb_begin, c.verb_end - c.verb_begin));
      e.pattern = c.pattern.empty() ? c.verb : c.verb + ": " + c.pattern;
      e.confidence = c.pattern.empty() ? 0.55 : 0.7;
      out.push_back(std::move(e));
    }
  }
  if (out.size() > kMaxEvents) {  // the last sentence coded went past the cap
    out.resize(kMaxEvents);
    if (truncated) *truncated = true;
  }
  return out;
}

std::string default_action_dictionary_path() { return find_data_file("actions.txt"); }

std::vector<ActionCode> action_codes(const std::vector<std::string>& files, std::vector<std::string>& warnings) {
  ActionDictionary actions;
  if (files.empty()) actions.load(default_action_dictionary_path(), warnings);
  for (const auto& f : files) actions.load(f, warnings);
  std::vector<ActionCode> out;
  for (const auto& [cameo, code] : actions.codes()) out.push_back(code);
  std::sort(out.begin(), out.end(), [](const ActionCode& a, const ActionCode& b) { return a.cameo < b.cameo; });
  return out;
}

}  // namespace seismo
