#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include "reuse/ngrams.h"
#include "reuse/reuse.h"

namespace seismo {
namespace {

using reuse_internal::ngram_hashes;

struct Seed {
  uint32_t a, b;  // word positions where the same n-gram starts
};

// A run of seeds close on both sides: the region an alignment reads.
struct Cluster {
  uint32_t a_first, a_last, b_first, b_last;  // positions of the first and last seed words
  size_t seeds = 0;
};

// An n-gram that repeats within one body ("the Kosovo police said ...")
// says nothing about where it was copied from: at most this many
// occurrences on either side seed a passage.
constexpr size_t kMaxRepeats = 4;

struct Alignment {
  size_t a0, a1, b0, b1;  // words [a0, a1) and [b0, b1)
  int matches = 0;
};

// Smith-Waterman over words: +2 for the same word, -1 for another or a
// gap. The best local alignment is where the copied text begins and ends,
// however the copier edited inside it.
Alignment align(const ReuseWords& a, size_t a0, size_t a1, const ReuseWords& b, size_t b0, size_t b1) {
  const size_t n = a1 - a0, m = b1 - b0;
  std::vector<int> prev(m + 1, 0), cur(m + 1, 0);
  // Each cell's move: 0 stop, 1 diagonal, 2 up (gap in b), 3 left (gap in a).
  std::vector<uint8_t> move((n + 1) * (m + 1), 0);
  int best = 0;
  size_t bi = 0, bj = 0;
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = 0;
    for (size_t j = 1; j <= m; ++j) {
      const bool same = a.ids[a0 + i - 1] == b.ids[b0 + j - 1];
      int d = prev[j - 1] + (same ? 2 : -1), u = prev[j] - 1, l = cur[j - 1] - 1;
      int s = 0;
      uint8_t mv = 0;
      if (d > s) s = d, mv = 1;
      if (u > s) s = u, mv = 2;
      if (l > s) s = l, mv = 3;
      cur[j] = s;
      move[i * (m + 1) + j] = mv;
      if (s > best) best = s, bi = i, bj = j;
    }
    std::swap(prev, cur);
  }
  Alignment out{a0 + bi, a0 + bi, b0 + bj, b0 + bj, 0};
  size_t i = bi, j = bj;
  while (i > 0 && j > 0) {
    uint8_t mv = move[i * (m + 1) + j];
    if (mv == 0) break;
    if (mv == 1) {
      out.matches += a.ids[a0 + i - 1] == b.ids[b0 + j - 1];
      --i, --j;
    } else if (mv == 2) {
      --i;
    } else {
      --j;
    }
  }
  out.a0 = a0 + i;
  out.b0 = b0 + j;
  return out;
}

}  // namespace

std::vector<SharedPassage> shared_passages(const ReuseWords& a, const ReuseWords& b, const ReuseOptions& o) {
  std::vector<SharedPassage> out;
  const auto ga = ngram_hashes(a, o.align_seed_words), gb = ngram_hashes(b, o.align_seed_words);
  if (ga.empty() || gb.empty()) return out;
  std::unordered_map<uint64_t, std::vector<uint32_t>> at;
  at.reserve(ga.size());
  for (size_t i = 0; i < ga.size(); ++i) at[ga[i]].push_back(static_cast<uint32_t>(i));
  std::unordered_map<uint64_t, size_t> in_b;
  for (uint64_t g : gb) ++in_b[g];

  std::vector<Seed> seeds;
  for (size_t j = 0; j < gb.size(); ++j) {
    auto it = at.find(gb[j]);
    if (it == at.end() || it->second.size() > kMaxRepeats || in_b[gb[j]] > kMaxRepeats) continue;
    for (uint32_t i : it->second) seeds.push_back(Seed{i, static_cast<uint32_t>(j)});
  }
  if (seeds.empty()) return out;

  // Seeds in the order of b; each joins the open cluster it is close to on
  // both sides, else opens one. Few clusters are open at once.
  std::sort(seeds.begin(), seeds.end(), [](const Seed& x, const Seed& y) { return x.b != y.b ? x.b < y.b : x.a < y.a; });
  const uint32_t gap = static_cast<uint32_t>(std::max(1, o.max_gap_words));
  std::vector<Cluster> open, done;
  for (const Seed& s : seeds) {
    Cluster* joined = nullptr;
    for (auto& c : open)
      if (s.b <= c.b_last + gap && s.a + gap >= c.a_first && s.a <= c.a_last + gap) {
        joined = &c;
        break;
      }
    if (joined) {
      joined->a_first = std::min(joined->a_first, s.a);
      joined->a_last = std::max(joined->a_last, s.a);
      joined->b_last = std::max(joined->b_last, s.b);
      ++joined->seeds;
    } else {
      open.push_back(Cluster{s.a, s.a, s.b, s.b, 1});
    }
    // Clusters the walk along b has left behind are finished.
    for (size_t k = 0; k < open.size();) {
      if (open[k].b_last + gap < s.b) {
        done.push_back(open[k]);
        open.erase(open.begin() + static_cast<std::ptrdiff_t>(k));
      } else {
        ++k;
      }
    }
  }
  for (auto& c : open) done.push_back(c);

  const size_t n = static_cast<size_t>(std::max(1, o.align_seed_words));
  for (const Cluster& c : done) {
    // The region: the seeds' words and a margin for edited words at the edges.
    size_t a0 = c.a_first > gap ? c.a_first - gap : 0, b0 = c.b_first > gap ? c.b_first - gap : 0;
    size_t a1 = std::min(a.words.size(), c.a_last + n + gap), b1 = std::min(b.words.size(), c.b_last + n + gap);
    Alignment al;
    const size_t most = static_cast<size_t>(std::max(0, o.max_aligned_words));
    if (a1 - a0 > most || b1 - b0 > most) {
      al = Alignment{c.a_first, std::min(a.words.size(), c.a_last + n), c.b_first, std::min(b.words.size(), c.b_last + n),
                     static_cast<int>(std::min(c.a_last + n - c.a_first, c.b_last + n - c.b_first))};
    } else {
      al = align(a, a0, a1, b, b0, b1);
    }
    const size_t la = al.a1 - al.a0, lb = al.b1 - al.b0;
    if (std::min(la, lb) < static_cast<size_t>(std::max(1, o.min_passage_words))) continue;
    const double similarity = static_cast<double>(al.matches) / static_cast<double>(std::max(la, lb));
    if (similarity < o.min_passage_similarity) continue;
    SharedPassage p;
    p.a_start = a.starts[al.a0];
    p.a_end = a.ends[al.a1 - 1];
    p.b_start = b.starts[al.b0];
    p.b_end = b.ends[al.b1 - 1];
    p.words = static_cast<int>(std::min(la, lb));
    p.similarity = similarity;
    out.push_back(p);
  }
  // Two clusters may align to overlapping text: the longer passage stays.
  std::sort(out.begin(), out.end(), [](const SharedPassage& x, const SharedPassage& y) { return x.words > y.words; });
  std::vector<SharedPassage> kept;
  for (const auto& p : out) {
    bool overlaps = false;
    for (const auto& k : kept)
      overlaps = overlaps || (p.a_start < k.a_end && k.a_start < p.a_end) || (p.b_start < k.b_end && k.b_start < p.b_end);
    if (!overlaps) kept.push_back(p);
  }
  std::sort(kept.begin(), kept.end(), [](const SharedPassage& x, const SharedPassage& y) { return x.a_start < y.a_start; });
  return kept;
}

}  // namespace seismo
