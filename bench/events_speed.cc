// Event coding end to end, from stored documents to stored events, on one
// core: issue #4's speed figure (sentences/s per core) and peak memory.
//
//   ./build/bench/events_speed DIR [--repeat N] [--petrarch DICTS | --tabari PROJECT]
//
// With --petrarch or --tabari the CAMEO pattern coder codes the events,
// with those dictionaries (PETRARCH's actors also feed the entities).
// The pages of DIR are first ingested into a fresh store with their
// entities but no events (not timed). Each timed pass then reads every
// stored document back, codes its events from its body and stored entities,
// and stores them (one transaction per batch, as ingest does); between
// passes the events are deleted again. Reported: the median pass.
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "common/dates.h"
#include "events/sentences.h"
#include "ingest/ingest.h"
#include "pipeline/document.h"
#include "store/store.h"

namespace {

long peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: events_speed DIR [--repeat N] [--petrarch DICTS | --tabari PROJECT]\n");
    return 2;
  }
  int repeat = 5;
  seismo::EntityOptions entity_options;
  seismo::EventOptions event_options;
  for (int i = 2; i + 1 < argc; ++i) {
    std::string a = argv[i];
    if (a == "--repeat") repeat = std::max(1, std::atoi(argv[i + 1]));
    if (a == "--petrarch") {
      entity_options.petrarch.push_back(argv[i + 1]);
      event_options.petrarch.push_back(argv[i + 1]);
    }
    if (a == "--tabari") event_options.tabari_project = argv[i + 1];
  }
  std::vector<std::string> warnings;
  auto entities = seismo::EntityRecognizer::load(entity_options, warnings);
  auto coder = seismo::EventCoder::load(event_options, warnings);
  for (const auto& w : warnings) std::fprintf(stderr, "events_speed: %s\n", w.c_str());
  if (!entities || !coder) return 1;

  auto dir = std::filesystem::temp_directory_path() / ("seismo-events-speed-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string db = (dir / "e.db").string();
  size_t sentences = 0, documents = 0;
  {
    seismo::Database store(db, seismo::Access::kWrite);
    seismo::IngestWriter writer(store, {argv[1]});
    seismo::DocumentReader reader({argv[1]}, {}, [](const seismo::IngestError& e) {
      std::fprintf(stderr, "events_speed: %s: %s\n", e.where.c_str(), e.message.c_str());
    });
    seismo::RawDocument raw;
    seismo::Stages stages;
    stages.entities = entities.get();  // entities stored, events not
    while (reader.next(raw)) {
      seismo::DocumentRecord d = seismo::process_document(raw, stages);
      if (d.language != "en") continue;  // the bundled verb patterns are English
      sentences += seismo::split_sentences(d.body).size();
      ++documents;
      writer.add(std::move(d));
    }
    writer.finish();
  }

  std::vector<double> passes;
  size_t events = 0;
  for (int pass = 0; pass < repeat; ++pass) {
    {
      sqlite3* h = nullptr;
      sqlite3_open(db.c_str(), &h);
      sqlite3_exec(h, "DELETE FROM events; DELETE FROM events_coded;", nullptr, nullptr, nullptr);
      sqlite3_close(h);
    }
    auto t0 = std::chrono::steady_clock::now();
    seismo::Database store(db, seismo::Access::kWrite);
    seismo::IngestWriter writer(store, {"events_speed"});
    events = 0;
    std::vector<seismo::DocumentRecord> docs;
    seismo::for_each_document(store, [&](const seismo::DocumentRecord& stored) { docs.push_back(stored); });
    for (auto& d : docs) {
      d.events = coder->code(d.body, d.entities, seismo::parse_machine_date(d.published), d.language);
      d.events_coded = true;
      events += d.events.size();
      writer.add(std::move(d));
    }
    writer.finish();
    passes.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(passes.begin(), passes.end());
  double median = passes[passes.size() / 2];
  std::printf("events_speed: %zu documents, %zu sentences, %zu events; median of %d passes %.3f s = %.0f sentences/s "
              "on one core (stored documents to stored events); peak RSS %ld MB\n",
              documents, sentences, events, repeat, median, median > 0 ? sentences / median : 0.0, peak_rss_mb());
  std::filesystem::remove_all(dir);
  return 0;
}
