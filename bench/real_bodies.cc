#include "real_bodies.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <unistd.h>

#include "common/dates.h"
#include "common/hash.h"
#include "ingest/ingest.h"
#include "pipeline/document.h"
#include "store/store.h"

namespace seismo::bench {
namespace {

// Every body long enough to copy from, each text once.
std::vector<RealBody> read_bodies(const std::string& shared_dir) {
  std::vector<RealBody> out;
  std::set<std::string> seen;
  for (const char* set : {"zyte", "trafilatura-dev", "htmldate-dev"}) {
    DocumentReader r({shared_dir + "/benchmarks/extraction/" + set + "/html"}, {}, [](const IngestError&) {});
    RawDocument raw;
    while (r.next(raw)) {
      DocumentRecord d = process_document(raw, Stages{});
      auto ps = paragraphs_of(d.body);
      if (ps.size() < 4 || d.body.size() < 1500 || !seen.insert(content_id(d.body)).second) continue;
      out.push_back({d.title, join_paragraphs(ps), d.language});
    }
  }
  return out;
}

// The bodies the reuse stage relates to another: stored alone in a
// temporary store (named by the process, so that evaluations may run side
// by side) and indexed.
std::set<size_t> related_bodies(const std::vector<RealBody>& bodies) {
  namespace fs = std::filesystem;
  fs::path base = fs::temp_directory_path() / ("seismo-real-bodies-" + std::to_string(getpid()));
  fs::remove_all(base);
  fs::create_directories(base);
  const std::string path = (base / "b.db").string();
  std::vector<std::string> ids;
  {
    Database db(path, Access::kWrite);
    IngestWriter w(db, {"real bodies"});
    for (size_t i = 0; i < bodies.size(); ++i) {
      DocumentRecord d;
      d.body = bodies[i].body;
      d.id = content_id(d.body);
      d.uris = {"base:" + std::to_string(i)};
      d.source = "base" + std::to_string(i);
      ids.push_back(d.id);
      w.add(std::move(d));
    }
    w.finish();
    update_reuse(db, ReuseOptions{});
  }
  std::set<std::string> related;
  for (const auto& p : reuse_pairs(Database(path, Access::kRead))) {
    related.insert(p.a);
    related.insert(p.b);
  }
  fs::remove_all(base);
  std::set<size_t> out;
  for (size_t i = 0; i < bodies.size(); ++i)
    if (related.count(ids[i])) out.insert(i);
  return out;
}

}  // namespace

std::vector<RealBody> real_bodies(const std::string& shared_dir) {
  std::vector<RealBody> bodies = read_bodies(shared_dir);
  std::set<size_t> related = related_bodies(bodies);
  std::vector<RealBody> kept;
  for (size_t i = 0; i < bodies.size(); ++i)
    if (!related.count(i)) kept.push_back(std::move(bodies[i]));
  return kept;
}

namespace {

// The pieces of `text` between `separator`s that are longer than `shorter`.
std::vector<std::string> pieces(const std::string& text, char separator, size_t shorter) {
  std::vector<std::string> out;
  size_t p = 0;
  while (p < text.size()) {
    size_t q = text.find(separator, p);
    if (q == std::string::npos) q = text.size();
    if (q - p > shorter) out.push_back(text.substr(p, q - p));
    p = q + 1;
  }
  return out;
}

}  // namespace

std::vector<std::string> paragraphs_of(const std::string& body) { return pieces(body, '\n', 40); }

std::string join_paragraphs(const std::vector<std::string>& paragraphs) {
  std::string s;
  for (const auto& p : paragraphs) s += (s.empty() ? "" : "\n\n") + p;
  return s;
}

std::vector<std::string> spaced_words(const std::string& para) { return pieces(para, ' ', 0); }

std::string scrambled(const std::string& para, std::mt19937_64& rng) {
  // Split at punctuation too: "Insider,pfi,PFI-XAMP" kept whole would stay
  // four words in a row in every document drawing it.
  std::string spaced = para;
  for (char& c : spaced)
    if (c == ',' || c == '-' || c == '.' || c == ';' || c == ':' || c == '/' || c == '(' || c == ')' || c == '"') c = ' ';
  std::vector<std::string> words = spaced_words(spaced);
  std::shuffle(words.begin(), words.end(), rng);
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

double bytes_per_word(const std::string& para) {
  return static_cast<double>(para.size()) / static_cast<double>(std::max<size_t>(1, spaced_words(para).size()));
}

double rss_mb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::strtod(line.c_str() + 6, nullptr) / 1024.0;
  return 0;
}

double directory_mb(const std::filesystem::path& dir) {
  uintmax_t bytes = 0;
  for (const auto& f : std::filesystem::directory_iterator(dir)) bytes += f.file_size();
  return static_cast<double>(bytes) / (1 << 20);
}

std::string date_after_2023(int days) { return civil_from_days(days_from_civil(2023, 1, 1) + days).iso(); }

}  // namespace seismo::bench
