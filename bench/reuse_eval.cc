// reuse_eval: precision and recall of seismo's reuse pairs and passages,
// and how often it tells who copied whom, on a generated corpus whose
// truth it knows. The texts are real: the article bodies seismo extracts
// from the extraction benchmark's pages. Onto them it plants, at outlets
// and dates of its own:
//   duplicates      the same body at a second outlet, a day later;
//   reprints        the body with a new opening sentence and its last
//                   paragraph cut, days later, half of them naming the
//                   original's outlet;
//   rewrites        a near-duplicate: a fifth of the sentences edited
//                   (words replaced), some paragraphs dropped;
//   partial copies  another article that takes one to three paragraphs of
//                   the original, a few words changed in each;
// and every outlet appends its own footer to each of its articles (a
// site's boilerplate, never reuse). Deterministic for a given --seed.
//
// --scale N measures how the incremental update grows instead: N documents
// of scrambled real paragraphs (unique texts that share words, no
// passages) at 500 outlets, each with its outlet's footer, one in ten a
// planted copy of one of the 2,000 documents before it (a duplicate, a
// reprint, or a new article quoting one or two of its paragraphs), stored
// and updated in batches of 1,000; it prints time, memory and store size
// as it goes, then the planted pairs found and the pairs found unplanted.
//
// --paraphrase P rewrites the partial copies harder instead: P words in a
// hundred replaced, P/3 dropped and P/3 inserted (paraphrase-level edits).
//
//   reuse_eval [--articles N] [--seed S] [--dump yes] [--paraphrase P] [--scale N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "common/hash.h"
#include "common/utf8.h"
#include "extract/site_templates.h"
#include "pipeline/document.h"
#include "real_bodies.h"
#include "store/store.h"

using namespace seismo;
using namespace seismo::bench;

namespace {

// A paragraph with about one word in `every` replaced by another word.
std::string edit_words(const std::string& para, std::mt19937_64& rng, int every) {
  static const char* kWords[] = {"reportedly", "officials", "local", "several", "recent", "major", "new", "senior"};
  std::string out;
  size_t p = 0;
  while (p < para.size()) {
    size_t q = para.find(' ', p);
    if (q == std::string::npos) q = para.size();
    std::string w = para.substr(p, q - p);
    if (w.size() > 3 && rng() % static_cast<uint64_t>(every) == 0) w = kWords[rng() % 8];
    out += (out.empty() ? "" : " ") + w;
    p = q + 1;
  }
  return out;
}

// A paragraph rewritten the way a copy editor does: about `percent` in a
// hundred words replaced, a third as many dropped and as many inserted.
std::string paraphrased(const std::string& para, std::mt19937_64& rng, int percent) {
  static const char* kWords[] = {"reportedly", "officials", "local", "several", "recent", "major", "new", "senior",
                                 "also", "then", "still", "widely"};
  std::string out;
  auto add = [&](const std::string& w) { out += (out.empty() ? "" : " ") + w; };
  for (const auto& w : spaced_words(para)) {
    const int roll = static_cast<int>(rng() % 300);
    if (roll < percent) continue;                                                   // dropped
    add(roll < 4 * percent ? kWords[rng() % 12] : w);                               // replaced
    if (static_cast<int>(rng() % 300) < percent) add(kWords[rng() % 12]);  // inserted after
  }
  return out;
}

// Whether at least 80% of the words of `part` are words of `whole`.
bool mostly_within(const std::string& part, const std::string& whole) {
  ReuseWords p = reuse_words(part), w = reuse_words(whole);
  std::set<std::string> words(w.words.begin(), w.words.end());
  size_t common = 0;
  for (const auto& x : p.words) common += words.count(x);
  return common * 10 >= p.words.size() * 8;
}

struct Truth {
  std::string a, b;  // a is the original
  std::string kind;
  // Copied text on b's side (partial copies): what a passage must cover.
  std::vector<std::string> copied;
  bool directed = true;
};

// Each outlet's footer: its own paragraph on every one of its pages (the
// words of a real article no document of the corpus uses otherwise).
std::map<std::string, std::string> footers;

DocumentRecord make(const std::string& body, const std::string& outlet, const std::string& date, int n) {
  DocumentRecord d;
  d.body = body + "\n\n" + footers[outlet];
  d.title = "Article " + std::to_string(n);
  d.source = outlet;
  d.site = outlet + ".example";
  d.published = date;
  d.id = content_id({d.title, "\n", d.body});
  // As the extractor gives them: what the store learns each site's template from.
  for (const auto& para : paragraphs_of(d.body)) d.paragraph_fingerprints.push_back(SiteTemplates::fingerprint(para));
  d.uris = {"https://" + d.site + "/" + std::to_string(n)};
  d.format = "text";
  return d;
}

// --- --scale ---

constexpr size_t kScaleBatch = 1000;
constexpr size_t kScaleOutlets = 500;
constexpr size_t kRecent = 2000;  // a copy's original is one of the documents this close before it
constexpr int kScalePerDay = 1000;

struct ScaleDoc {
  std::string id, body, outlet;
  int day = 0;
};

class ScaleCorpus {
 public:
  ScaleCorpus(const std::vector<RealBody>& bodies, uint64_t seed) : rng_(seed) {
    // Without paragraphs of paths and addresses: a scrambled paragraph
    // keeps "/www/htdocs/wp-includes/wp-db.php" whole, eight words in a
    // row, and every document drawing it would share a passage.
    for (const auto& b : bodies)
      for (auto& para : paragraphs_of(b.body))
        if (spaced_words(para).size() >= 12 && bytes_per_word(para) <= 12 &&
            para.find_first_of("/\\_=@") == std::string::npos)
          paragraphs_.push_back(std::move(para));
  }

  DocumentRecord next(std::vector<Truth>& truth) {
    const size_t n = made_++;
    const std::string outlet = "outlet" + std::to_string(rng_() % kScaleOutlets);
    const int day = static_cast<int>(n / kScalePerDay);
    std::string body;
    Truth t;
    // Each original is copied once, and only an article of its own is one:
    // the truth is then every pair (copies of one text are related too).
    const bool copy = recent_.size() >= 100 && rng_() % 10 == 0;
    std::optional<ScaleDoc> original;
    if (copy) {
      const size_t at = rng_() % recent_.size();
      original = std::move(recent_[at]);
      recent_[at] = std::move(recent_.back());
      recent_.pop_back();
    }
    const ScaleDoc* orig = original ? &*original : nullptr;
    const int kind = static_cast<int>(rng_() % 3);
    std::vector<std::string> ps = orig ? paragraphs_of(orig->body) : std::vector<std::string>{};
    if (orig && !ps.empty()) ps.pop_back();  // its footer
    if (orig && kind == 0) {  // a duplicate: the same text at another outlet
      DocumentRecord d = record(orig->body, outlet, day, n, orig->id);
      truth.push_back({orig->id, orig->id, "duplicate", {}});
      return d;
    }
    if (orig && kind == 1) {  // a reprint: a new opening, the last paragraph cut
      if (ps.size() > 3) ps.pop_back();
      ps.insert(ps.begin(), "Republished with permission.");
      body = join_paragraphs(ps);
      t = {orig->id, "", "reprint", {}};
    } else {
      std::vector<std::string> chosen;
      for (size_t k = 0, m = 4 + rng_() % 3; k < m; ++k)
        chosen.push_back(scrambled(paragraphs_[rng_() % paragraphs_.size()], rng_));
      if (orig) {  // a new article quoting one or two of the original's paragraphs
        t = {orig->id, "", "shared_passage", {}};
        for (size_t k = 0, m = 1 + rng_() % 2; k < m && !ps.empty(); ++k) {
          std::string quoted = edit_words(ps[rng_() % ps.size()], rng_, 25);
          chosen.insert(chosen.begin() + static_cast<std::ptrdiff_t>(1 + k * 2), quoted);
          t.copied.push_back(quoted);
        }
      }
      body = join_paragraphs(chosen);
    }
    body += "\n\n" + footer(outlet);
    DocumentRecord d = record(body, outlet, day, n, "");
    if (orig) {
      t.b = d.id;
      truth.push_back(t);
      return d;
    }
    ScaleDoc kept{d.id, body, outlet, day};
    if (recent_.size() < kRecent) recent_.push_back(std::move(kept));
    else recent_[rng_() % kRecent] = std::move(kept);
    return d;
  }

 private:
  // Each outlet's footer, the same on all its pages: a scrambled real
  // paragraph of its own, so that no two outlets share one.
  const std::string& footer(const std::string& outlet) {
    auto it = footers_.find(outlet);
    if (it != footers_.end()) return it->second;
    std::string f = "This article first appeared on " + outlet + ". " +
                    scrambled(paragraphs_[rng_() % paragraphs_.size()], rng_);
    return footers_.emplace(outlet, std::move(f)).first->second;
  }

  static DocumentRecord record(const std::string& body, const std::string& outlet, int day, size_t n,
                               const std::string& same_as) {
    DocumentRecord d;
    d.body = body;
    d.title = same_as.empty() ? "Article " + std::to_string(n) : "";
    d.source = outlet;
    d.site = outlet + ".example";
    d.published = date_after_2023(day);
    d.id = same_as.empty() ? content_id({d.title, "\n", d.body}) : same_as;
    for (const auto& para : paragraphs_of(d.body)) d.paragraph_fingerprints.push_back(SiteTemplates::fingerprint(para));
    d.uris = {"https://" + d.site + "/" + std::to_string(n)};
    d.format = "text";
    return d;
  }

  std::mt19937_64 rng_;
  std::vector<std::string> paragraphs_;
  std::vector<ScaleDoc> recent_;
  std::map<std::string, std::string> footers_;
  size_t made_ = 0;
};

int run_scale(const std::vector<RealBody>& bodies, size_t n, uint64_t seed, bool dump) {
  const auto dir = std::filesystem::temp_directory_path() / ("seismo-reuse-scale-" + std::to_string(seed));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  ScaleCorpus corpus(bodies, seed);
  std::vector<Truth> truth;
  Database db((dir / "scale.db").string(), Access::kWrite);
  const size_t batches = (n + kScaleBatch - 1) / kScaleBatch;
  std::printf("reuse_eval --scale: %zu documents in batches of %zu, seed %llu\n", n, kScaleBatch,
              static_cast<unsigned long long>(seed));
  std::printf("  %9s %8s %8s %10s %9s %9s %8s %9s\n", "documents", "write s", "reuse s", "docs/s", "pairs", "aligned",
              "RSS MB", "store MB");
  double write_total = 0, reuse_total = 0, peak_rss = 0;
  int64_t pairs = 0, aligned = 0;
  for (size_t k = 0, made = 0; k < batches; ++k) {
    auto t0 = std::chrono::steady_clock::now();
    {
      IngestWriter w(db, {"reuse_eval scale"});
      for (size_t i = 0; i < kScaleBatch && made < n; ++i, ++made) w.add(corpus.next(truth));
      w.finish();
    }
    const double write = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    t0 = std::chrono::steady_clock::now();
    ReuseUpdate u = update_reuse(db, ReuseOptions{});
    const double reuse = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    write_total += write;
    reuse_total += reuse;
    pairs += u.pairs;
    aligned += u.compared;
    peak_rss = std::max(peak_rss, rss_mb());
    // The first batch, at each power of ten, and at each tenth of the run.
    const bool decade = made == 10000 || made == 100000 || made == 1000000;
    if (k == 0 || decade || (k + 1) % std::max<size_t>(1, batches / 10) == 0 || k + 1 == batches) {
      std::printf("  %9zu %8.2f %8.2f %10.0f %9lld %9lld %8.0f %9.0f\n", made, write, reuse,
                  reuse > 0 ? double(u.documents) / reuse : 0.0, static_cast<long long>(pairs),
                  static_cast<long long>(u.compared), rss_mb(), directory_mb(dir));
      std::fflush(stdout);
    }
  }
  std::printf("  total: write %.0f s, update_reuse %.0f s (%.0f documents/s), peak RSS %.0f MB, %lld alignments\n",
              write_total, reuse_total, reuse_total > 0 ? double(n) / reuse_total : 0.0, peak_rss,
              static_cast<long long>(aligned));
  std::set<std::pair<std::string, std::string>> planted;
  for (const auto& t : truth) planted.insert({std::min(t.a, t.b), std::max(t.a, t.b)});
  size_t found_planted = 0, unplanted = 0;
  std::map<std::string, std::pair<size_t, size_t>> by_kind;  // planted kind: (found, all)
  std::set<std::pair<std::string, std::string>> found;
  for (const auto& p : reuse_pairs(db)) {
    auto key = std::make_pair(std::min(p.a, p.b), std::max(p.a, p.b));
    if (planted.count(key)) {
      found.insert(key);
    } else if (++unplanted <= 12 && dump) {
      std::printf("EXTRA\t%s\t%s\t%s\t%.2f\t%.100s\n", reuse_kind_name(p.kind), p.a.substr(0, 8).c_str(),
                  p.b.substr(0, 8).c_str(), p.score, p.passages.empty() ? "" : p.passages[0].text.c_str());
    }
  }
  for (const auto& t : truth) {
    auto& [hit, all] = by_kind[t.kind];
    ++all;
    if (found.count({std::min(t.a, t.b), std::max(t.a, t.b)})) ++hit, ++found_planted;
  }
  std::printf("  planted pairs found: %zu of %zu (%.1f%%);", found_planted, truth.size(),
              truth.empty() ? 0.0 : 100.0 * double(found_planted) / double(truth.size()));
  for (const auto& [kind, c] : by_kind) std::printf(" %s %zu/%zu", kind.c_str(), c.first, c.second);
  std::printf("\n  pairs found that were not planted: %zu (precision %.1f%%)\n", unplanted,
              found.size() + unplanted ? 100.0 * double(found.size()) / double(found.size() + unplanted) : 0.0);
  if (!std::getenv("SEISMO_KEEP_EVAL_DB")) std::filesystem::remove_all(dir);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  int articles = 300;
  uint64_t seed = 1;
  bool dump = false;
  size_t scale = 0;
  int paraphrase = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i];
    if (k == "--paraphrase") paraphrase = std::atoi(argv[i + 1]);
    if (k == "--scale") scale = std::strtoull(argv[i + 1], nullptr, 10);
    if (k == "--articles") articles = std::max(10, std::atoi(argv[i + 1]));
    else if (k == "--seed") seed = std::strtoull(argv[i + 1], nullptr, 10);
    else if (k == "--dump") dump = std::string(argv[i + 1]) == "yes";
  }
  // 1. Real bodies, each long enough to copy from, none related to another.
  const std::string shared = SEISMO_SHARED_DIR;
  if (scale) return run_scale(real_bodies(shared), scale, seed, dump);
  std::vector<std::string> bodies;
  for (auto& b : real_bodies(shared)) bodies.push_back(std::move(b.body));
  std::mt19937_64 rng(seed);
  std::shuffle(bodies.begin(), bodies.end(), rng);
  const size_t originals = std::min((bodies.size() - 20) / 2, static_cast<size_t>(articles));
  if (originals < 10) {
    std::fprintf(stderr, "reuse_eval: too few article bodies under %s/benchmarks/extraction\n", shared.c_str());
    return 1;
  }
  // The last 20 bodies give the outlets their footers.
  for (int k = 0; k < 20; ++k) {
    std::vector<std::string> ps = paragraphs_of(bodies[bodies.size() - 1 - static_cast<size_t>(k)]);
    footers["outlet" + std::to_string(k)] = "Support outlet" + std::to_string(k) + ". " + ps.front();
  }
  // 2. Originals at 20 outlets; the second half of the bodies hosts partial copies.
  std::vector<DocumentRecord> docs;
  std::vector<Truth> truth;
  int n = 0;
  for (size_t i = 0; i < originals; ++i) {
    const std::string outlet = "outlet" + std::to_string(i % 20);
    const int date = static_cast<int>(rng() % 300);
    DocumentRecord orig = make(bodies[i], outlet, date_after_2023(date), n++);
    std::vector<std::string> ps = paragraphs_of(bodies[i]);
    const std::string other = "outlet" + std::to_string((i % 20 + 1 + rng() % 19) % 20);
    switch (i % 4) {
      case 0: {  // duplicate: the same text, a day later, at another outlet
        DocumentRecord dup = orig;
        dup.source = other;
        dup.site = other + ".example";
        dup.published = date_after_2023(date + 1);
        dup.uris = {"https://" + dup.site + "/copy" + std::to_string(n)};
        truth.push_back({orig.id, orig.id, "duplicate", {}});
        docs.push_back(orig);
        docs.push_back(dup);
        break;
      }
      case 1: {  // reprint: a new opening, the last paragraph cut
        std::vector<std::string> rp = ps;
        if (rp.size() > 4) rp.pop_back();
        rp.insert(rp.begin(), "Republished with permission.");
        DocumentRecord r = make(join_paragraphs(rp), other, date_after_2023(date + 1 + static_cast<int>(rng() % 5)), n++);
        if (rng() % 2) r.republished_from = outlet;
        truth.push_back({orig.id, r.id, "reprint", {}});
        docs.push_back(orig);
        docs.push_back(r);
        break;
      }
      case 2: {  // rewrite: a fifth of the words edited in most paragraphs, one dropped
        std::vector<std::string> rw;
        for (size_t k = 0; k < ps.size(); ++k)
          if (k != 1) rw.push_back(edit_words(ps[k], rng, 12));
        DocumentRecord r = make(join_paragraphs(rw), other, date_after_2023(date + 2), n++);
        truth.push_back({orig.id, r.id, "near_duplicate", {}});
        docs.push_back(orig);
        docs.push_back(r);
        break;
      }
      default: {  // partial copy: another article quoting 1-3 paragraphs
        std::vector<std::string> host = paragraphs_of(bodies[originals + i]);
        Truth t{orig.id, "", "shared_passage", {}};
        size_t take = 1 + rng() % 3;
        for (size_t k = 0; k < take && k < ps.size(); ++k) {
          const std::string& source = ps[(k * 2 + 1) % ps.size()];
          std::string copied = paraphrase ? paraphrased(source, rng, paraphrase) : edit_words(source, rng, 25);
          if (copied.size() < 120) continue;
          host.insert(host.begin() + static_cast<std::ptrdiff_t>(std::min(host.size(), 1 + k * 2)), copied);
          // A passage keeps the original's side: a paraphrase is found when
          // it covers most of the original's words.
          t.copied.push_back(paraphrase ? source : copied);
        }
        DocumentRecord r = make(join_paragraphs(host), other, date_after_2023(date + 3), n++);
        t.b = r.id;
        docs.push_back(orig);
        docs.push_back(r);
        if (!t.copied.empty()) truth.push_back(t);
        break;
      }
    }
  }
  // Stored in a random order: who copied whom is read from the pages, not
  // from which was ingested first.
  std::shuffle(docs.begin(), docs.end(), rng);

  std::filesystem::path dir = std::filesystem::temp_directory_path() / ("seismo-reuse-eval-" + std::to_string(seed));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "eval.db").string();
  {
    Database db(path, Access::kWrite);
    IngestWriter w(db, {"reuse_eval"});
    for (auto& d : docs) w.add(DocumentRecord(d));
    w.finish();
  }
  auto t0 = std::chrono::steady_clock::now();
  ReuseUpdate u;
  {
    Database db(path, Access::kWrite);
    u = update_reuse(db, ReuseOptions{});
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  Database db(path, Access::kRead);
  auto found = reuse_pairs(db);
  std::map<std::pair<std::string, std::string>, const StoredReusePair*> by_pair;
  for (const auto& p : found) by_pair[{std::min(p.a, p.b), std::max(p.a, p.b)}] = &p;
  std::map<std::pair<std::string, std::string>, const Truth*> truth_by_pair;
  for (const auto& t : truth) truth_by_pair[{std::min(t.a, t.b), std::max(t.a, t.b)}] = &t;

  size_t tp = 0, directed = 0, direction_right = 0, passages = 0, passages_found = 0, kind_right = 0;
  size_t predicted_passages = 0, predicted_on_truth = 0;
  for (const auto& t : truth) {
    auto it = by_pair.find({std::min(t.a, t.b), std::max(t.a, t.b)});
    if (it == by_pair.end()) {
      if (dump) std::printf("MISSED\t%s\t%s\t%s\n", t.kind.c_str(), t.a.substr(0, 8).c_str(), t.b.substr(0, 8).c_str());
      passages += t.copied.size();
      continue;
    }
    ++tp;
    const StoredReusePair& p = *it->second;
    kind_right += t.kind == reuse_kind_name(p.kind);
    if (t.directed) {
      ++directed;
      // a is the original: the pair's direction must lead from it.
      bool right = (p.a == t.a && p.b == t.b && p.direction == ReuseDirection::kAToB) ||
                   (p.a == t.b && p.b == t.a && p.direction == ReuseDirection::kBToA) ||
                   (p.a == p.b && p.direction == ReuseDirection::kAToB && p.a_seen.published < p.b_seen.published);
      direction_right += right;
      if (!right && dump)
        std::printf("DIRECTION\t%s\t%s\t%s\n", t.kind.c_str(), t.a.substr(0, 8).c_str(), t.b.substr(0, 8).c_str());
    }
    // A copied paragraph is found when a passage's text, on b's side,
    // covers most of it (passages keep a's text: compare on a's words).
    for (const auto& c : t.copied) {
      ++passages;
      bool hit = false;
      for (const auto& sp : p.passages) hit = hit || mostly_within(c, sp.text);
      passages_found += hit;
      if (!hit && dump) std::printf("PASSAGE\t%s\t%.60s\n", t.b.substr(0, 8).c_str(), c.c_str());
    }
    if (t.kind == "shared_passage") {
      predicted_passages += p.passages.size();
      for (const auto& sp : p.passages) {
        bool on = false;
        for (const auto& c : t.copied) on = on || mostly_within(sp.text, c);
        predicted_on_truth += on;
      }
    }
  }
  size_t false_pairs = 0;
  for (const auto& [k, p] : by_pair)
    if (!truth_by_pair.count(k)) {
      ++false_pairs;
      if (dump)
        std::printf("EXTRA\t%s\t%s\t%s\t%.2f\t%.80s\n", reuse_kind_name(p->kind), p->a.substr(0, 8).c_str(),
                    p->b.substr(0, 8).c_str(), p->score, p->passages.empty() ? "" : p->passages[0].text.c_str());
    }
  auto pct = [](size_t a, size_t b) { return b ? 100.0 * static_cast<double>(a) / static_cast<double>(b) : 0.0; };
  std::printf("reuse_eval: %zu documents (%zu originals from %zu real bodies), %zu planted pairs, seed %llu\n", docs.size(),
              originals, bodies.size(), truth.size(), static_cast<unsigned long long>(seed));
  std::printf("  pairs: precision %.1f%%  recall %.1f%%  (kind right %.1f%% of found)\n", pct(tp, tp + false_pairs),
              pct(tp, truth.size()), pct(kind_right, tp));
  std::printf("  passages: found with their text %.1f%% of %zu copied paragraphs; precision %.1f%% of %zu\n",
              pct(passages_found, passages), passages, pct(predicted_on_truth, predicted_passages), predicted_passages);
  std::printf("  direction right: %.1f%% of %zu found pairs\n", pct(direction_right, directed), directed);
  std::printf("  index update: %d documents in %.2f s (%.0f documents/s), %d pairs\n", u.documents, secs,
              secs > 0 ? u.documents / secs : 0.0, u.pairs);
  if (!std::getenv("SEISMO_KEEP_EVAL_DB")) std::filesystem::remove_all(dir);
  return 0;
}
