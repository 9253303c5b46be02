// Steady-state extraction throughput on one core (Google Benchmark): the
// pages of a directory are read and decoded once, then every pass runs
// each page through the per-document pipeline (extract, language, and
// entities when --entities is given) in memory. This is the "pages/s per
// core" figure of issue #2, without process start-up, one-time set-up
// (ICU's transliterator registry, the gazetteer) or disk reads; the
// end-to-end CLI figure is measured separately by scripts/bench.
//
//   ./build/bench/extraction_speed DIR --benchmark_repetitions=11
//       --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "entities/entities.h"
#include "ingest/ingest.h"
#include "pipeline/document.h"

namespace {

std::vector<seismo::RawDocument> load_pages(const std::string& dir) {
  std::vector<seismo::RawDocument> pages;
  seismo::DocumentReader reader({dir}, {}, [](const seismo::IngestError& e) {
    std::fprintf(stderr, "extraction_speed: %s: %s\n", e.where.c_str(), e.message.c_str());
  });
  seismo::RawDocument doc;
  while (reader.next(doc)) pages.push_back(doc);
  return pages;
}

void run_pages(benchmark::State& state, const std::vector<seismo::RawDocument>* pages,
               const seismo::Stages* stages) {
  size_t bytes = 0;
  for (const auto& p : *pages) bytes += p.content.size();
  // One untimed pass: thread-local set-up (transliterators, scratch) is paid
  // once per thread in real runs too.
  for (const auto& p : *pages) benchmark::DoNotOptimize(seismo::process_document(p, *stages));
  for (auto _ : state) {
    for (const auto& p : *pages) benchmark::DoNotOptimize(seismo::process_document(p, *stages));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * pages->size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["pages"] = static_cast<double>(pages->size());
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  bool with_entities = false;
  std::string dir;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--entities") == 0) with_entities = true;
    else dir = argv[i];
  }
  if (dir.empty()) {
    std::fprintf(stderr, "usage: extraction_speed DIR [--entities] [--benchmark_...]\n");
    return 2;
  }
  std::vector<seismo::RawDocument> pages = load_pages(dir);
  if (pages.empty()) {
    std::fprintf(stderr, "extraction_speed: no pages under %s\n", dir.c_str());
    return 1;
  }
  std::unique_ptr<seismo::EntityRecognizer> recognizer;
  seismo::Stages stages;
  if (with_entities) {
    std::vector<std::string> warnings;
    recognizer = seismo::EntityRecognizer::load({}, warnings);
    for (const auto& w : warnings) std::fprintf(stderr, "extraction_speed: %s\n", w.c_str());
    if (!recognizer) return 1;
    stages.entities = recognizer.get();
  }
  benchmark::RegisterBenchmark(with_entities ? "pipeline/extract+language+entities" : "pipeline/extract+language",
                               run_pages, &pages, &stages)
      ->Unit(benchmark::kMillisecond)
      ->MeasureProcessCPUTime()
      ->UseRealTime();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
