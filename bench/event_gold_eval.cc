// seismo's own dictionaries on sentences with gold codes written for the
// project (data/gold/events_en.tsv): the share of sentences whose events
// seismo codes exactly (source, target, CAMEO code, as a set), and event
// precision and recall, exactly and at the CAMEO root.
//
//   ./build/bench/event_gold_eval [FILE] [--dump] [--petrarch DICTS | --tabari PROJECT]
//   ./build/bench/event_gold_eval --seeds ../shared/seeds [FILE] [--dump | --list]
//
// With --seeds the gold (default data/gold/seed_events.tsv) names seed
// sentences by document prefix and number; --list prints every numbered
// body sentence with what seismo codes in it, for writing that gold.
//
// With --petrarch or --tabari the CAMEO pattern coder codes the sentences
// with those dictionaries instead of seismo's own.
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

int main(int argc, char** argv) {
  std::string path = std::string(SEISMO_SOURCE_DIR) + "/data/gold/events_en.tsv";
  bool dump = false, list = false;
  std::string seeds_dir;
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
    } else if (a == "--seeds" && i + 1 < argc) {
      seeds_dir = argv[++i];
    } else if (a == "--list") {
      list = true;
    } else {
      path = a;
    }
  }
  std::vector<std::string> warnings;
  auto entities = seismo::EntityRecognizer::load(entity_options, warnings);
  auto coder = seismo::EventCoder::load(event_options, warnings);
  for (const auto& w : warnings) std::fprintf(stderr, "event_gold_eval: %s\n", w.c_str());
  if (!entities || !coder) return 1;
  // With --seeds, the gold names seed sentences by document and number
  // ("001<TAB>7<TAB>codes"): seismo codes the whole documents, as ingest
  // does, and each named sentence's events are compared.
  std::map<std::string, std::set<Triple>> seed_coded;
  std::map<std::string, std::vector<std::string>> seeds;
  if (!seeds_dir.empty()) {
    seeds = seed_sentences(seeds_dir, *entities, *coder, seed_coded);
    if (path == std::string(SEISMO_SOURCE_DIR) + "/data/gold/events_en.tsv")
      path = std::string(SEISMO_SOURCE_DIR) + "/data/gold/seed_events.tsv";
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
  }
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "event_gold_eval: %s: cannot read\n", path.c_str());
    return 1;
  }
  auto published = seismo::parse_machine_date("2023-05-30");
  size_t records = 0, exact = 0, exact_root = 0, gold_n = 0, got_n = 0, hit = 0, hit_root = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    std::string sentence = line.substr(0, tab);
    std::set<Triple> gold, got;
    if (!seeds_dir.empty()) {
      size_t tab2 = line.find('\t', tab + 1);
      if (tab2 == std::string::npos) continue;
      std::string key = line.substr(0, tab2);
      gold = parse_gold(line.substr(tab2 + 1));
      got = seed_coded[key];
      size_t k = std::strtoul(line.c_str() + tab + 1, nullptr, 10);
      const auto& doc = seeds[line.substr(0, tab)];
      sentence = key + " " + (k < doc.size() ? doc[k].substr(0, 100) : std::string("(no such sentence)"));
    } else {
      gold = parse_gold(line.substr(tab + 1));
      auto mentions = entities->recognise(sentence, published, "en");
      for (const auto& e : coder->code(sentence, mentions, published, "en")) {
        auto code = [](const std::optional<seismo::EventParticipant>& p) {
          return p && !p->code.empty() ? p->code : std::string("-");
        };
        got.insert({code(e.source), code(e.target), e.action.cameo});
      }
    }
    ++records;
    exact += got == gold;
    exact_root += roots(got) == roots(gold);
    gold_n += gold.size();
    got_n += got.size();
    hit += common(got, gold);
    hit_root += common(roots(got), roots(gold));
    if (dump && got != gold) {
      auto show = [](const std::set<Triple>& s) {
        std::string out;
        for (const auto& [a, b, c] : s) out += (out.empty() ? "" : " ; ") + a + " " + b + " " + c;
        return out.empty() ? std::string("---") : out;
      };
      std::fprintf(stderr, "%s\n  gold %s\n  got  %s\n", sentence.c_str(), show(gold).c_str(), show(got).c_str());
    }
  }
  auto share = [](size_t a, size_t b) { return b ? 100.0 * a / b : 0.0; };
  std::printf("event gold (%s): %zu sentences; exact %.1f%% (at the CAMEO root %.1f%%); events: precision %.1f%% "
              "recall %.1f%% (root: %.1f%% / %.1f%%)\n",
              path.c_str(), records, share(exact, records), share(exact_root, records), share(hit, got_n),
              share(hit, gold_n), share(hit_root, got_n), share(hit_root, gold_n));
  return 0;
}
