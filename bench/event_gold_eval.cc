// seismo's own dictionaries on sentences with gold events written for the
// project (data/gold/events_world.tsv by default; events_en.tsv, the older
// Balkan set, also reads): the share of sentences whose events seismo codes
// exactly (source, target, CAMEO code, as a set; and again with modality),
// at the CAMEO root, and event precision and recall, exactly and at the
// root, for each split (dev, test) and all together, with the countries
// covered and how many gold events name an actor code the actor dictionary
// cannot give at all.
//
//   ./build/bench/event_gold_eval [FILE] [--split dev|test] [--dump]
//                                 [--actors ACTORS] [--petrarch DICTS | --tabari PROJECT | --no-parse]
//   ./build/bench/event_gold_eval --seeds ../shared/seeds [FILE] [--dump | --list]
//
// --split scores (and dumps) one split only; --dump prints every sentence
// whose events are not exact, with the gold and what seismo coded. Each
// sentence is coded with the date in its date column as the article's date
// (2023-05-30 when the file has none), so dated roles resolve as of then.
// A malformed gold line is an error naming the file and line (status 1).
//
// With --seeds the gold (default data/gold/seed_events.tsv) names seed
// sentences by document prefix and number; --list prints every numbered
// body sentence with what seismo codes in it, for writing that gold.
//
// With --petrarch or --tabari the CAMEO pattern coder codes the sentences
// with those dictionaries instead of seismo's own; --no-parse codes with
// seismo's shallow window coder (no syntax model), for comparison.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "common/dates.h"
#include "common/utf8.h"
#include "event_gold.h"
#include "entities/entities.h"
#include "events/events.h"
#include "events/sentences.h"
#include "ingest/ingest.h"
#include "pipeline/document.h"

#ifndef SEISMO_SOURCE_DIR
#define SEISMO_SOURCE_DIR "."
#endif

namespace {

using Triple = std::tuple<std::string, std::string, std::string>;  // source, target, code

std::set<Triple> parse_gold(const std::string& field) {
  std::set<Triple> out;
  if (field == "---") return out;
  std::stringstream ss(field);
  std::string part;
  while (std::getline(ss, part, ';')) {
    std::stringstream ps(part);
    std::string s, t, c;
    if (ps >> s >> t >> c) out.insert({s, t, c});
  }
  return out;
}

std::set<Triple> roots(const std::set<Triple>& in) {
  std::set<Triple> out;
  for (const auto& [s, t, c] : in) out.insert({s, t, c.substr(0, 2)});
  return out;
}

size_t common(const std::set<Triple>& a, const std::set<Triple>& b) {
  size_t n = 0;
  for (const auto& x : a) n += b.count(x);
  return n;
}

}  // namespace

// The seeds' body sentences, numbered per document as split_sentences()
// splits them: "PREFIX\tN" -> sentence.
std::map<std::string, std::vector<std::string>> seed_sentences(const std::string& dir,
                                                               const seismo::EntityRecognizer& entities,
                                                               const seismo::EventCoder& coder,
                                                               std::map<std::string, std::set<Triple>>& coded) {
  std::map<std::string, std::vector<std::string>> out;
  std::error_code ec;
  for (const auto& f : std::filesystem::directory_iterator(dir, ec)) {
    std::string prefix = f.path().filename().string().substr(0, 3);
    seismo::DocumentReader r({f.path().string()}, {}, [](const seismo::IngestError&) {});
    seismo::RawDocument raw;
    if (!r.next(raw)) continue;
    seismo::DocumentRecord d = seismo::process_document(raw, seismo::Stages{nullptr, &entities, &coder, nullptr});
    auto& list = out[prefix];
    std::map<size_t, size_t> ordinal_at;  // sentence start (code points) -> ordinal
    seismo::CodePointCursor cps(d.body);
    for (const auto& span : seismo::split_sentences(d.body)) {
      ordinal_at[cps.at(span.begin)] = list.size();
      list.push_back(d.body.substr(span.begin, span.end - span.begin));
    }
    for (const auto& e : d.events) {
      auto it = ordinal_at.find(e.sentence_start);
      if (it == ordinal_at.end()) continue;
      auto code = [](const std::optional<seismo::EventParticipant>& p) {
        return p && !p->code.empty() ? p->code : std::string("-");
      };
      coded[prefix + "\t" + std::to_string(it->second)].insert({code(e.source), code(e.target), e.action.cameo});
    }
  }
  return out;
}

namespace {

using Quad = std::tuple<std::string, std::string, std::string, std::string>;  // + modality

// Counts for one split.
struct Tally {
  size_t records = 0, exact = 0, exact_modality = 0, exact_root = 0;
  size_t gold_n = 0, got_n = 0, hit = 0, hit_root = 0, hit_same_modality = 0;
  size_t gold_unproducible = 0;  // gold events naming an actor code the dictionary cannot give
  std::set<std::string> countries;
};

std::set<Triple> triples(const std::set<Quad>& q) {
  std::set<Triple> out;
  for (const auto& [s, t, c, m] : q) out.insert({s, t, c});
  return out;
}

std::string show(const std::set<Quad>& s) {
  std::string out;
  for (const auto& [a, b, c, m] : s) out += (out.empty() ? "" : " ; ") + a + " " + b + " " + c + " " + m;
  return out.empty() ? std::string("---") : out;
}

void print_tally(const char* name, const Tally& t) {
  auto share = [](size_t a, size_t b) { return b ? 100.0 * a / b : 0.0; };
  std::printf("%-5s %9zu %9zu %6zu %6zu %6.1f%% %6.1f%% %6.1f%% %6.1f%% %6.1f%% %6.1f%% %6.1f%% %6.1f%% %7zu\n", name,
              t.records, t.countries.size(), t.gold_n, t.got_n, share(t.exact, t.records),
              share(t.exact_modality, t.records), share(t.exact_root, t.records), share(t.hit, t.got_n),
              share(t.hit, t.gold_n), share(t.hit_root, t.got_n), share(t.hit_root, t.gold_n),
              share(t.hit_same_modality, t.hit), t.gold_unproducible);
}

}  // namespace

int main(int argc, char** argv) {
  std::string path = std::string(SEISMO_SOURCE_DIR) + "/data/gold/events_world.tsv";
  std::string actors_path = std::string(SEISMO_SOURCE_DIR) + "/data/actors.txt";
  bool dump = false, list = false, path_given = false;
  std::string seeds_dir, only_split;
  seismo::EntityOptions entity_options;
  seismo::EventOptions event_options;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--dump") {
      dump = true;
    } else if (a == "--petrarch" && i + 1 < argc) {
      entity_options.petrarch.push_back(argv[++i]);
      event_options.petrarch.push_back(argv[i]);
    } else if (a == "--tabari" && i + 1 < argc) {
      event_options.tabari_project = argv[++i];
    } else if (a == "--no-parse") {
      event_options.syntax_model = "none";  // the shallow window coder, for comparison
    } else if (a == "--seeds" && i + 1 < argc) {
      seeds_dir = argv[++i];
    } else if (a == "--list") {
      list = true;
    } else if (a == "--split" && i + 1 < argc) {
      only_split = argv[++i];
      if (only_split != "dev" && only_split != "test") {
        std::fprintf(stderr, "event_gold_eval: --split takes dev or test, not \"%s\"\n", only_split.c_str());
        return 2;
      }
    } else if (a == "--actors" && i + 1 < argc) {
      actors_path = argv[++i];
    } else if (a == "--help" || a == "-h") {
      std::printf(
          "usage: event_gold_eval [FILE] [--split dev|test] [--dump] [--actors ACTORS]\n"
          "                       [--petrarch DICTS | --tabari PROJECT | --no-parse]\n"
          "       event_gold_eval --seeds SEEDS_DIR [FILE] [--dump | --list]\n"
          "Scores seismo's events against a gold file (default data/gold/events_world.tsv).\n");
      return 0;
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "event_gold_eval: unknown option %s (see --help)\n", a.c_str());
      return 2;
    } else {
      path = a;
      path_given = true;
    }
  }
  std::vector<std::string> warnings;
  auto entities = seismo::EntityRecognizer::load(entity_options, warnings);
  auto coder = seismo::EventCoder::load(event_options, warnings);
  for (const auto& w : warnings) std::fprintf(stderr, "event_gold_eval: %s\n", w.c_str());
  if (!entities || !coder) return 1;
  auto published_default = seismo::parse_machine_date("2023-05-30");
  if (!seeds_dir.empty()) {
    // With --seeds, the gold names seed sentences by document and number
    // ("001<TAB>7<TAB>codes"): seismo codes the whole documents, as ingest
    // does, and each named sentence's events are compared.
    std::map<std::string, std::set<Triple>> seed_coded;
    auto seeds = seed_sentences(seeds_dir, *entities, *coder, seed_coded);
    if (!path_given) path = std::string(SEISMO_SOURCE_DIR) + "/data/gold/seed_events.tsv";
    if (list) {  // for writing gold: every body sentence with its number and seismo's events
      for (const auto& [prefix, sentences] : seeds)
        for (size_t k = 0; k < sentences.size(); ++k) {
          std::string key = prefix + "\t" + std::to_string(k);
          std::string events;
          for (const auto& [a, b, c] : seed_coded[key]) events += (events.empty() ? "" : " ; ") + a + " " + b + " " + c;
          std::printf("%s\t%s\t[%s]\n", key.c_str(), sentences[k].c_str(), events.c_str());
        }
      return 0;
    }
    std::ifstream in(path);
    if (!in) {
      std::fprintf(stderr, "event_gold_eval: %s: cannot read\n", path.c_str());
      return 1;
    }
    size_t records = 0, exact = 0, exact_root = 0, gold_n = 0, got_n = 0, hit = 0, hit_root = 0;
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      size_t tab = line.find('\t'), tab2 = tab == std::string::npos ? tab : line.find('\t', tab + 1);
      if (tab2 == std::string::npos) continue;
      std::string key = line.substr(0, tab2);
      std::set<Triple> gold = parse_gold(line.substr(tab2 + 1)), got = seed_coded[key];
      size_t k = std::strtoul(line.c_str() + tab + 1, nullptr, 10);
      const auto& doc = seeds[line.substr(0, tab)];
      std::string sentence = key + " " + (k < doc.size() ? doc[k].substr(0, 100) : std::string("(no such sentence)"));
      ++records;
      exact += got == gold;
      exact_root += roots(got) == roots(gold);
      gold_n += gold.size();
      got_n += got.size();
      hit += common(got, gold);
      hit_root += common(roots(got), roots(gold));
      if (dump && got != gold) {
        auto show3 = [](const std::set<Triple>& s) {
          std::string out;
          for (const auto& [a, b, c] : s) out += (out.empty() ? "" : " ; ") + a + " " + b + " " + c;
          return out.empty() ? std::string("---") : out;
        };
        std::fprintf(stderr, "%s\n  gold %s\n  got  %s\n", sentence.c_str(), show3(gold).c_str(), show3(got).c_str());
      }
    }
    auto share = [](size_t a, size_t b) { return b ? 100.0 * a / b : 0.0; };
    std::printf("event gold (%s): %zu sentences; exact %.1f%% (at the CAMEO root %.1f%%); events: precision %.1f%% "
                "recall %.1f%% (root: %.1f%% / %.1f%%)\n",
                path.c_str(), records, share(exact, records), share(exact_root, records), share(hit, got_n),
                share(hit, gold_n), share(hit_root, got_n), share(hit_root, gold_n));
    return 0;
  }

  std::vector<std::string> errors;
  auto records = seismo::gold::read_gold_file(path, errors);
  for (const auto& e : errors) std::fprintf(stderr, "event_gold_eval: %s\n", e.c_str());
  if (!errors.empty()) return 1;
  std::set<std::string> producible = seismo::gold::producible_actor_codes(actors_path);
  if (producible.empty()) std::fprintf(stderr, "event_gold_eval: %s: no actor codes read\n", actors_path.c_str());
  std::map<std::string, Tally> tallies;  // split ("" when the file has none) -> counts
  Tally all;
  Tally known;  // the sentences whose every gold actor code the dictionary can give
  std::set<std::string> unproducible_codes;
  for (const auto& r : records) {
    if (!only_split.empty() && r.split != only_split) continue;
    std::set<Quad> gold, got;
    size_t unproducible = 0;
    for (const auto& e : r.events) {
      gold.insert({e.source, e.target, e.code, seismo::modality_name(e.modality)});
      bool missing = false;
      for (const auto* a : {&e.source, &e.target})
        if (*a != "-" && !producible.count(*a)) {
          missing = true;
          unproducible_codes.insert(*a);
        }
      unproducible += missing;
    }
    auto published = r.date.empty() ? published_default : seismo::parse_machine_date(r.date);
    auto mentions = entities->recognise(r.sentence, published, "en");
    for (const auto& e : coder->code(r.sentence, mentions, published, "en")) {
      auto code = [](const std::optional<seismo::EventParticipant>& p) {
        return p && !p->code.empty() ? p->code : std::string("-");
      };
      got.insert({code(e.source), code(e.target), e.action.cameo, seismo::modality_name(e.modality)});
    }
    std::set<Triple> gold3 = triples(gold), got3 = triples(got);
    size_t same_modality = 0;
    for (const auto& q : got)
      if (gold.count(q)) ++same_modality;
    std::vector<Tally*> into = {&tallies[r.split], &all};
    if (unproducible == 0) into.push_back(&known);
    for (Tally* t : into) {
      ++t->records;
      if (!r.country.empty()) t->countries.insert(r.country);
      t->exact += got3 == gold3;
      t->exact_modality += got == gold;
      t->exact_root += roots(got3) == roots(gold3);
      t->gold_n += gold3.size();
      t->got_n += got3.size();
      t->hit += common(got3, gold3);
      t->hit_root += common(roots(got3), roots(gold3));
      t->hit_same_modality += same_modality;
      t->gold_unproducible += unproducible;
    }
    if (dump && got != gold)
      std::fprintf(stderr, "[%s %s line %zu] %s\n  gold %s\n  got  %s\n", r.split.empty() ? "-" : r.split.c_str(),
                   r.country.empty() ? "-" : r.country.c_str(), r.line, r.sentence.c_str(), show(gold).c_str(),
                   show(got).c_str());
  }
  if (dump && !unproducible_codes.empty()) {
    std::string codes;
    for (const auto& c : unproducible_codes) codes += (codes.empty() ? "" : " ") + c;
    std::fprintf(stderr, "actor codes in the gold that %s cannot give: %s\n", actors_path.c_str(), codes.c_str());
  }
  auto share = [](size_t a, size_t b) { return b ? 100.0 * a / b : 0.0; };
  // The one-line summary BENCHMARKS.md has always quoted (exact as triples).
  std::printf("event gold (%s): %zu sentences; exact %.1f%% (at the CAMEO root %.1f%%); events: precision %.1f%% "
              "recall %.1f%% (root: %.1f%% / %.1f%%)\n",
              path.c_str(), all.records, share(all.exact, all.records), share(all.exact_root, all.records),
              share(all.hit, all.got_n), share(all.hit, all.gold_n), share(all.hit_root, all.got_n),
              share(all.hit_root, all.gold_n));
  std::printf("%-5s %9s %9s %6s %6s %7s %7s %7s %7s %7s %7s %7s %7s %7s\n", "split", "sentences", "countries", "gold",
              "coded", "exact", "+modal", "root", "P", "R", "P-root", "R-root", "modal", "unprod");
  for (const auto& [split, t] : tallies)
    if (!split.empty()) print_tally(split.c_str(), t);
  print_tally("all", all);
  print_tally("known", known);
  std::printf("exact: events as a set of (source, target, code); +modal: with modality too; root: codes cut to the "
              "CAMEO root; P/R: event precision and recall; modal: share of matched events with the gold modality; "
              "unprod: gold events naming an actor code %s cannot give (%zu distinct codes); known: the sentences "
              "with none\n",
              actors_path.c_str(), unproducible_codes.size());
  return 0;
}
