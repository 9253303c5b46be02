// story_eval: how well seismo's stories gather the reports of one
// development and keep the rest apart, on a generated corpus whose truth
// it knows, and how long placing documents takes as a store grows. The
// texts are real: the article bodies seismo extracts from the extraction
// benchmark's pages (real_bodies.h). From them it makes:
//   developments    an article's paragraphs cut into 2-3 consecutive parts,
//                   each a report at another outlet, 0-2 days after the
//                   previous one; the first keeps the article's title, the
//                   others have none. They share no passage: only their
//                   words (and the window of days) can gather them;
//   later reports   for one development in five, one more part 40 days or
//                   more after the rest: the same topic, another
//                   development, which the window must keep out;
//   singles         every other body, alone, on a day of the same range.
// The corpus is placed twice: stored at once in a random order, then in
// five chronological ingests with an update after each (as `seismo
// ingest` runs day after day). Pairwise and B-cubed precision and recall
// of "same story" are against the developments. The documents carry no
// entities or events (the pipeline runs without recognizers), so what is
// measured is the terms, the window and the reuse links.
//
// --scale N times the incremental update instead: N documents made
// directly (no pipeline) from the bodies' paragraphs, in developments of
// 1-5 documents on advancing days, stored 1,000 at a time with the reuse
// and story updates after each batch; the time per batch should stay flat.
//
//   story_eval [--developments N] [--seed S] [--dump yes] [--scale N]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "common/hash.h"
#include "pipeline/document.h"
#include "real_bodies.h"
#include "store/store.h"

using namespace seismo;
using namespace seismo::bench;

namespace {

constexpr int kOutlets = 20;
// Developments begin within kDays days of 2023-01-01; a later report comes
// kLateDays to kLateDays + 29 days after its development's last (far
// outside the window of days, StoryOptions::window_days).
constexpr int kDays = 300;
constexpr int kLateDays = 40;
// What the first words of a document are shown with (--dump).
constexpr size_t kShown = 70;

// A generated document and what it is known to be.
struct Doc {
  DocumentRecord record;
  int day = 0;          // days after 2023-01-01
  int development = 0;  // the truth: documents of one development are one story
  int follows = -1;     // a later report: the development whose topic it takes up
};

DocumentRecord make_record(const std::string& title, const std::string& body, const std::string& language,
                           const std::string& outlet, int day, size_t n) {
  DocumentRecord d;
  d.title = title;
  d.body = body;
  d.language = language;
  d.source = outlet;
  d.site = outlet + ".example";
  d.published = date_after_2023(day);
  d.id = content_id({d.title, "\n", d.body});
  d.uris = {"https://" + d.site + "/" + std::to_string(n)};
  d.format = "text";
  return d;
}

// Paragraphs cut into `parts` consecutive runs of (nearly) equal length.
std::vector<std::vector<std::string>> cut(const std::vector<std::string>& ps, size_t parts) {
  std::vector<std::vector<std::string>> out(parts);
  for (size_t i = 0; i < ps.size(); ++i) out[i * parts / ps.size()].push_back(ps[i]);
  return out;
}

// A body alone, on a day of the whole range.
Doc single(const RealBody& b, int development, std::mt19937_64& rng, size_t n) {
  Doc d;
  d.day = static_cast<int>(rng() % (kDays + kLateDays));
  d.development = development;
  d.record = make_record(b.title, b.body, b.language, "outlet" + std::to_string(rng() % kOutlets), d.day, n);
  return d;
}

// A body cut into the reports of one development, each at another outlet
// and 0-2 days after the previous; with `later`, one more part 40 days or
// more after them, the development numbered next. Only the first report
// has a title (the article's), so that none copies another's words.
std::vector<Doc> development(const RealBody& b, int development, bool later, std::mt19937_64& rng, size_t n) {
  std::vector<std::string> ps = paragraphs_of(b.body);
  const size_t reports = ps.size() >= 6 && rng() % 2 ? 3 : 2;
  const auto parts = cut(ps, reports + (later ? 1 : 0));
  const int outlet = static_cast<int>(rng() % kOutlets);
  int day = static_cast<int>(rng() % kDays);
  std::vector<Doc> out;
  for (size_t k = 0; k < parts.size(); ++k) {
    Doc d;
    d.development = development;
    if (k == reports) {
      day += kLateDays + static_cast<int>(rng() % 30);
      d.development = development + 1;
      d.follows = development;
    } else if (k > 0) {
      day += static_cast<int>(rng() % 3);
    }
    d.day = day;
    d.record = make_record(k == 0 ? b.title : "", join_paragraphs(parts[k]), b.language,
                           "outlet" + std::to_string((outlet + static_cast<int>(k)) % kOutlets), day, n + k);
    out.push_back(std::move(d));
  }
  return out;
}

// The corpus of the default mode: the first `developments` bodies cut into
// reports (one in five with a later report), the others singles, in a
// random order.
std::vector<Doc> make_corpus(const std::vector<RealBody>& bodies, size_t developments, std::mt19937_64& rng) {
  std::vector<Doc> docs;
  int truth = 0;  // the next development's number
  for (size_t i = 0; i < bodies.size(); ++i) {
    if (i >= developments) {
      docs.push_back(single(bodies[i], truth++, rng, docs.size()));
      continue;
    }
    const bool later = i % 5 == 0;
    for (Doc& d : development(bodies[i], truth, later, rng, docs.size())) docs.push_back(std::move(d));
    truth += later ? 2 : 1;
  }
  // Stored in a random order: a crawl does not meet pages by their date.
  std::shuffle(docs.begin(), docs.end(), rng);
  return docs;
}

// Where the stage put a document.
struct Placement {
  int64_t story = 0;  // 0: in no story (no words to compare)
  double score = 0;   // the likeness it joined with (1 for the document that opened the story)
  std::string joined_by;
};

struct Placing {
  std::map<std::string, Placement> by_document;
  std::map<int64_t, StorySummary> stories;
  double reuse_seconds = 0, story_seconds = 0;
  int reuse_pairs = 0;  // none planted: text a body repeats, or two share, met once bodies are cut
};

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Stores `docs` as one ingest and runs the reuse and story updates after it.
void ingest(const Database& db, const std::vector<const Doc*>& docs, Placing& out) {
  {
    IngestWriter w(db, {"story_eval"});
    for (const Doc* d : docs) w.add(DocumentRecord(d->record));
    w.finish();
  }
  auto t0 = std::chrono::steady_clock::now();
  out.reuse_pairs += update_reuse(db, ReuseOptions{}).pairs;
  out.reuse_seconds += seconds_since(t0);
  t0 = std::chrono::steady_clock::now();
  update_stories(db, StoryOptions{});
  out.story_seconds += seconds_since(t0);
}

// Every story and where each document went, as the store tells them.
void read_placements(const Database& db, Placing& out) {
  for (const StorySummary& s : list_stories(db, StoryQuery{})) {
    out.stories[s.id] = s;
    if (auto detail = get_story(db, s.id))
      for (const StoryMember& m : detail->documents) out.by_document[m.id] = {s.id, m.score, m.joined_by};
  }
}

// The corpus stored in `batches` ingests, each the next stretch of days
// (in the corpus's random order within it), in a fresh temporary store.
Placing place(const std::vector<Doc>& docs, size_t batches, const std::filesystem::path& dir) {
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::vector<size_t> by_day(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) by_day[i] = i;
  std::stable_sort(by_day.begin(), by_day.end(), [&](size_t a, size_t b) { return docs[a].day < docs[b].day; });
  std::vector<size_t> batch_of(docs.size());
  for (size_t rank = 0; rank < by_day.size(); ++rank) batch_of[by_day[rank]] = rank * batches / docs.size();
  Placing out;
  Database db((dir / "eval.db").string(), Access::kWrite);
  for (size_t k = 0; k < batches; ++k) {
    std::vector<const Doc*> batch;
    for (size_t i = 0; i < docs.size(); ++i)
      if (batch_of[i] == k) batch.push_back(&docs[i]);
    ingest(db, batch, out);
  }
  read_placements(db, out);
  return out;
}

// A document's story, or a story of its own when it is in none.
int64_t story_of_doc(const Placing& p, const Doc& d, size_t index) {
  auto it = p.by_document.find(d.record.id);
  return it != p.by_document.end() && it->second.story ? it->second.story : -1 - static_cast<int64_t>(index);
}

struct Scores {
  double pair_precision = 0, pair_recall = 0, bcubed_precision = 0, bcubed_recall = 0;
  size_t true_pairs = 0, found_pairs = 0, right_pairs = 0;
  size_t stories = 0, developments = 0;
  size_t by_reuse = 0;                 // documents that joined by a reuse link (text a body repeats)
  size_t whole = 0, told = 0;          // developments of 2+ reports, and those gathered in one story
  size_t later = 0, later_merged = 0;  // later reports, and those put in their topic's earlier story
};

double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

size_t pairs_of(size_t n) { return n * (n - 1) / 2; }

Scores score(const std::vector<Doc>& docs, const Placing& p) {
  Scores s;
  std::map<int64_t, size_t> story_size;
  std::map<int, size_t> development_size;
  std::map<std::pair<int64_t, int>, size_t> both;  // documents of a story and a development
  std::map<int, std::set<int64_t>> stories_of_development;
  for (size_t i = 0; i < docs.size(); ++i) {
    int64_t story = story_of_doc(p, docs[i], i);
    ++story_size[story];
    ++development_size[docs[i].development];
    ++both[{story, docs[i].development}];
    stories_of_development[docs[i].development].insert(story);
  }
  for (const auto& [_, n] : story_size) s.found_pairs += pairs_of(n);
  for (const auto& [_, n] : development_size) s.true_pairs += pairs_of(n);
  for (const auto& [_, n] : both) s.right_pairs += pairs_of(n);
  s.pair_precision = s.found_pairs ? double(s.right_pairs) / double(s.found_pairs) : 1;
  s.pair_recall = s.true_pairs ? double(s.right_pairs) / double(s.true_pairs) : 1;
  // B-cubed: each document's share of its story that is its development,
  // and of its development that is in its story.
  for (size_t i = 0; i < docs.size(); ++i) {
    int64_t story = story_of_doc(p, docs[i], i);
    double common = double(both[{story, docs[i].development}]);
    s.bcubed_precision += common / double(story_size[story]);
    s.bcubed_recall += common / double(development_size[docs[i].development]);
    if (docs[i].follows >= 0) {
      ++s.later;
      s.later_merged += stories_of_development[docs[i].follows].count(story);
    }
  }
  s.bcubed_precision /= double(docs.size());
  s.bcubed_recall /= double(docs.size());
  s.stories = story_size.size();
  for (const auto& [_, m] : p.by_document) s.by_reuse += m.joined_by == "reuse";
  s.developments = development_size.size();
  for (const auto& [development, n] : development_size)
    if (n > 1) {
      ++s.told;
      s.whole += stories_of_development[development].size() == 1;
    }
  return s;
}

void print_scores(const char* how, const Scores& s, const Placing& p, size_t documents) {
  auto pct = [](double x) { return 100.0 * x; };
  std::printf("  %s\n", how);
  std::printf("    pairs: precision %.1f%%  recall %.1f%%  F1 %.1f%%  (%zu of %zu found pairs right, %zu true)\n",
              pct(s.pair_precision), pct(s.pair_recall), pct(f1(s.pair_precision, s.pair_recall)), s.right_pairs,
              s.found_pairs, s.true_pairs);
  std::printf("    B-cubed: precision %.1f%%  recall %.1f%%  F1 %.1f%%\n", pct(s.bcubed_precision), pct(s.bcubed_recall),
              pct(f1(s.bcubed_precision, s.bcubed_recall)));
  std::printf("    stories: %zu for %zu developments; %.1f%% of the %zu developments of 2+ reports in one story;"
              " %zu documents joined by reuse\n",
              s.stories, s.developments, s.told ? 100.0 * double(s.whole) / double(s.told) : 0.0, s.told, s.by_reuse);
  std::printf("    later reports merged into their topic's earlier story: %zu of %zu\n", s.later_merged, s.later);
  std::printf("    update_reuse %.2f s (%d pairs), update_stories %.2f s (%.0f documents/s)\n", p.reuse_seconds,
              p.reuse_pairs, p.story_seconds, p.story_seconds > 0 ? double(documents) / p.story_seconds : 0.0);
}

// What a document is shown by: its title, else its first words.
std::string shown(const Doc& d) {
  std::string s = d.record.title.empty() ? "| " + d.record.body : d.record.title;
  if (s.size() > kShown) {
    size_t cut_at = s.rfind(' ', kShown);
    s = s.substr(0, cut_at == std::string::npos ? kShown : cut_at) + "…";
  }
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}

void print_member(const Doc& d, const Placing& p) {
  auto it = p.by_document.find(d.record.id);
  Placement m = it == p.by_document.end() ? Placement{} : it->second;
  std::printf("      dev %-4d %s  story %-4lld %-10s %.3f  %s\n", d.development, date_after_2023(d.day).c_str(),
              static_cast<long long>(m.story), m.joined_by.c_str(), m.score, shown(d).c_str());
}

// Each document's terms as the stage weighs them, but with document
// frequencies over the whole corpus (the stage has only those placed
// before): how alike two reports are, whatever order they came in.
std::vector<TermVector> corpus_terms(const std::vector<Doc>& docs) {
  const StoryOptions o;
  std::vector<TermVector> counts;
  std::map<uint64_t, int> df;
  for (const Doc& d : docs) {
    counts.push_back(story_term_counts({d.record.title, d.record.body, d.record.language, {}}, o));
    for (const auto& [term, _] : counts.back()) ++df[term];
  }
  const double n = static_cast<double>(docs.size());
  std::vector<TermVector> out;
  for (const TermVector& c : counts)
    out.push_back(weigh_terms(c, [&](uint64_t t) { return std::log(1 + n / df[t]); },
                              static_cast<size_t>(o.document_terms)));
  return out;
}

// The share of same-development pairs alike enough to join (`join`): what
// the stage could gather at best by the words alone.
double alike_share(const std::vector<Doc>& docs, const std::vector<TermVector>& terms) {
  std::map<int, std::vector<size_t>> by_development;
  for (size_t i = 0; i < docs.size(); ++i) by_development[docs[i].development].push_back(i);
  size_t pairs = 0, alike = 0;
  for (const auto& [_, members] : by_development)
    for (size_t a = 0; a < members.size(); ++a)
      for (size_t b = a + 1; b < members.size(); ++b) {
        ++pairs;
        alike += cosine(terms[members[a]], terms[members[b]]) >= StoryOptions{}.join;
      }
  return pairs ? double(alike) / double(pairs) : 0;
}

// The cosines of every two of `members` (terms: corpus_terms).
void print_cosines(const std::vector<const Doc*>& members, const std::vector<Doc>& docs,
                   const std::vector<TermVector>& terms) {
  std::printf("      cosines:");
  for (size_t a = 0; a < members.size(); ++a)
    for (size_t b = a + 1; b < members.size(); ++b)
      std::printf(" %zu-%zu %.3f", a + 1, b + 1,
                  cosine(terms[static_cast<size_t>(members[a] - docs.data())],
                         terms[static_cast<size_t>(members[b] - docs.data())]));
  std::printf("\n");
}

// A few stories that gather two developments, and a few developments
// spread over two stories, with each document's join and likeness (the
// score it joined with; 1 for the one that opened the story) and how
// alike they are.
void dump(const std::vector<Doc>& docs, const Placing& p, const std::vector<TermVector>& terms) {
  constexpr size_t kShownCases = 8;
  std::map<int64_t, std::vector<const Doc*>> by_story;
  std::map<int, std::vector<const Doc*>> by_development;
  for (size_t i = 0; i < docs.size(); ++i) {
    by_story[story_of_doc(p, docs[i], i)].push_back(&docs[i]);
    by_development[docs[i].development].push_back(&docs[i]);
  }
  size_t shown_cases = 0;
  std::printf("  false merges (stories of two or more developments):\n");
  for (const auto& [story, members] : by_story) {
    std::set<int> developments;
    for (const Doc* d : members) developments.insert(d->development);
    if (developments.size() < 2 || shown_cases++ >= kShownCases) continue;
    const StorySummary& s = p.stories.at(story);
    std::printf("    story %lld, %s to %s:\n", static_cast<long long>(story), s.first_seen.c_str(), s.last_seen.c_str());
    for (const Doc* d : members) print_member(*d, p);
    print_cosines(members, docs, terms);
  }
  shown_cases = 0;
  std::printf("  missed pairs (developments over two or more stories):\n");
  for (const auto& [development, members] : by_development) {
    std::set<int64_t> stories;
    for (const Doc* d : members) stories.insert(story_of_doc(p, *d, static_cast<size_t>(d - docs.data())));
    if (stories.size() < 2 || shown_cases++ >= kShownCases) continue;
    std::printf("    development %d:\n", development);
    for (const Doc* d : members) print_member(*d, p);
    print_cosines(members, docs, terms);
  }
}

// --- --scale: the time of the incremental update as the store grows ---

constexpr size_t kScaleBatch = 1000;
constexpr int kDocumentsPerDay = 100;
constexpr size_t kScrambledWords = 12;

// Makes the documents of --scale in order: developments of 1-5 documents,
// each a few scrambled paragraphs of one body (what makes them one story)
// and one of another, on days that advance kDocumentsPerDay a day. One
// report in ten after a development's first is a reprint of the first, so
// that the reuse links the stage follows are there too.
class ScaleCorpus {
 public:
  // Only paragraphs of enough words to scramble (text written without
  // spaces, as Chinese, would stay verbatim), of bodies with three or more.
  ScaleCorpus(const std::vector<RealBody>& bodies, uint64_t seed) : bodies_(bodies), rng_(seed) {
    for (size_t i = 0; i < bodies.size(); ++i) {
      std::vector<std::string> kept;
      for (auto& para : paragraphs_of(bodies[i].body))
        if (spaced_words(para).size() >= kScrambledWords) kept.push_back(std::move(para));
      if (kept.size() < 3) continue;
      usable_.push_back(i);
      paragraphs_.push_back(std::move(kept));
    }
  }

  DocumentRecord next() {
    if (left_ == 0) {
      body_ = rng_() % usable_.size();
      left_ = 1 + static_cast<int>(rng_() % 5);
      day_ = static_cast<int>(made_ / kDocumentsPerDay);
      first_.clear();
    }
    --left_;
    const RealBody& b = bodies_[usable_[body_]];
    const std::string outlet = "outlet" + std::to_string(rng_() % 500);
    const int day = day_ + static_cast<int>(rng_() % 3);
    std::string body;
    if (!first_.empty() && rng_() % 10 == 0) {
      body = "Republished with permission.\n\n" + first_;
    } else {
      const auto& ps = paragraphs_[body_];
      std::vector<std::string> chosen;
      for (size_t k = 0, n = 3 + rng_() % 3; k < n; ++k) chosen.push_back(scrambled(ps[rng_() % ps.size()], rng_));
      const auto& other = paragraphs_[rng_() % paragraphs_.size()];
      chosen.push_back(scrambled(other[rng_() % other.size()], rng_));
      body = join_paragraphs(chosen);
    }
    DocumentRecord d = make_record(first_.empty() ? b.title : "", body, b.language, outlet, day, made_++);
    if (first_.empty()) first_ = body;
    return d;
  }

 private:
  const std::vector<RealBody>& bodies_;
  std::vector<size_t> usable_;                        // the bodies drawn from ...
  std::vector<std::vector<std::string>> paragraphs_;  // ... and their paragraphs
  std::mt19937_64 rng_;
  size_t made_ = 0, body_ = 0;
  int left_ = 0, day_ = 0;
  std::string first_;  // the body of the development's first document
};

int run_scale(const std::vector<RealBody>& bodies, size_t n, uint64_t seed, const std::filesystem::path& dir) {
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  ScaleCorpus corpus(bodies, seed);
  Database db((dir / "scale.db").string(), Access::kWrite);
  const size_t batches = (n + kScaleBatch - 1) / kScaleBatch;
  // Every batch when there are few, else every tenth (and the last).
  const size_t every = batches <= 20 ? 1 : 10;
  std::vector<double> story_times;
  double write_total = 0, reuse_total = 0, story_total = 0;
  int stories = 0, pairs = 0;
  std::printf("story_eval --scale: %zu documents in batches of %zu, %d a day, seed %llu\n", n, kScaleBatch,
              kDocumentsPerDay, static_cast<unsigned long long>(seed));
  std::printf("  %6s %9s %8s %8s %8s %9s %8s %8s %8s %8s\n", "batch", "documents", "write s", "reuse s", "stories s",
              "stories", "pairs", "aligned", "RSS MB", "store MB");
  for (size_t k = 0, made = 0; k < batches; ++k) {
    auto t0 = std::chrono::steady_clock::now();
    {
      IngestWriter w(db, {"story_eval scale"});
      for (size_t i = 0; i < kScaleBatch && made < n; ++i, ++made) w.add(corpus.next());
      w.finish();
    }
    const double write = seconds_since(t0);
    t0 = std::chrono::steady_clock::now();
    const ReuseUpdate ru = update_reuse(db, ReuseOptions{});
    pairs += ru.pairs;
    const double reuse = seconds_since(t0);
    t0 = std::chrono::steady_clock::now();
    stories += update_stories(db, StoryOptions{}).stories;
    const double story = seconds_since(t0);
    write_total += write;
    reuse_total += reuse;
    story_total += story;
    story_times.push_back(story);
    if ((k + 1) % every == 0 || k + 1 == batches || k == 0)
      std::printf("  %6zu %9zu %8.2f %8.2f %9.2f %8d %8d %8lld %8.0f %8.0f\n", k + 1, made, write, reuse, story, stories,
                  pairs, static_cast<long long>(ru.compared), rss_mb(), directory_mb(dir));
    std::fflush(stdout);  // a long run is watched as it goes
  }
  // Flat: the first and the last tenth of the batches take about as long.
  const size_t tenth = std::max<size_t>(1, batches / 10);
  auto mean = [&](size_t from) {
    double s = 0;
    for (size_t i = from; i < from + tenth; ++i) s += story_times[i];
    return s / double(tenth);
  };
  std::printf("  total: write %.1f s, update_reuse %.1f s, update_stories %.1f s (%.0f documents/s); %d stories, %d pairs\n",
              write_total, reuse_total, story_total, story_total > 0 ? double(n) / story_total : 0.0, stories, pairs);
  std::printf("  update_stories per batch: first %zu batches %.2f s, last %zu %.2f s\n", tenth, mean(0), tenth,
              mean(batches - tenth));
  // A story that kept growing (each member extends its window) would make
  // later batches slower and its members no longer one development.
  StoryQuery large;
  large.min_documents = 10;
  int largest = 0;
  auto big = list_stories(db, large);
  for (const auto& st : big) largest = std::max(largest, st.documents);
  std::printf("  stories of 10+ documents: %zu; the largest %d\n", big.size(), largest);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  size_t developments = 200, scale = 0;
  uint64_t seed = 1;
  bool dump_cases = false;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i];
    if (k == "--developments") developments = static_cast<size_t>(std::max(10, std::atoi(argv[i + 1])));
    else if (k == "--seed") seed = std::strtoull(argv[i + 1], nullptr, 10);
    else if (k == "--dump") dump_cases = std::string(argv[i + 1]) == "yes";
    else if (k == "--scale") scale = std::strtoull(argv[i + 1], nullptr, 10);
  }
  const std::string shared = SEISMO_SHARED_DIR;
  std::vector<RealBody> bodies = real_bodies(shared);
  if (bodies.size() < 40) {
    std::fprintf(stderr, "story_eval: too few article bodies under %s/benchmarks/extraction\n", shared.c_str());
    return 1;
  }
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("seismo-story-eval-" + std::to_string(seed));
  int status = 0;
  if (scale) {
    status = run_scale(bodies, scale, seed, dir);
  } else {
    std::mt19937_64 rng(seed);
    std::shuffle(bodies.begin(), bodies.end(), rng);
    // At least half of the bodies stay singles.
    developments = std::min(developments, bodies.size() / 2);
    std::vector<Doc> docs = make_corpus(bodies, developments, rng);
    std::printf("story_eval: %zu documents (%zu developments, %zu singles, from %zu real bodies), seed %llu\n",
                docs.size(), developments, bodies.size() - developments, bodies.size(),
                static_cast<unsigned long long>(seed));
    const std::vector<TermVector> terms = corpus_terms(docs);
    std::printf("  same-development pairs alike enough to join (cosine >= %.2f, document frequencies of the whole corpus): "
                "%.1f%%\n", StoryOptions{}.join, 100.0 * alike_share(docs, terms));
    Placing at_once = place(docs, 1, dir / "at-once");
    print_scores("stored at once, in a random order:", score(docs, at_once), at_once, docs.size());
    if (dump_cases) dump(docs, at_once, terms);
    Placing daily = place(docs, 5, dir / "incremental");
    print_scores("stored in 5 chronological ingests, updated after each:", score(docs, daily), daily, docs.size());
  }
  if (!std::getenv("SEISMO_KEEP_EVAL_DB")) std::filesystem::remove_all(dir);
  return status;
}
