// Stage: reuse. Who copied whom: near-duplicate documents by MinHash over
// word shingles of the clean body with banded LSH, and passages two bodies
// share (quotes, paragraphs, close rewrites) from shared word n-grams
// extended by a local alignment, in the manner of passim. The stage works
// on bodies and their metadata only; the store keeps the signatures, the
// n-gram postings and the pairs (store/reuse.h), so that each new document
// is compared with those already stored and nothing is recomputed.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace seismo {

// Every constant of the stage, documented where they are chosen
// (docs/reuse.md). The defaults are the measured ones (bench/reuse_eval).
struct ReuseOptions {
  int shingle_words = 5;       // words per MinHash shingle
  int signature_size = 128;    // MinHash values per body
  int bands = 32;              // LSH bands of signature_size / bands rows each
  double near_duplicate = 0.5; // estimated Jaccard from which two bodies are near-duplicates
  double reprint = 0.8;        // ... and from which one is a reprint of the other
  int seed_words = 5;          // words per n-gram seed the index finds candidate documents by
  // Words per n-gram seed when two candidate documents are aligned: shorter
  // than the index's, so that a paraphrased paragraph, with few runs of five
  // words intact, still gives seeds enough to align.
  int align_seed_words = 3;
  int min_passage_words = 12;  // a shared passage is at least this long on both sides
  double min_passage_similarity = 0.6;  // aligned words that match, over the longer side
  int max_gap_words = 24;      // seeds further apart on either side start a new passage
  // A region longer than this on either side is not aligned word by word:
  // its seeds give its ends (to within a seed's length). A reprint's whole
  // body costs more to align than it tells.
  int max_aligned_words = 600;
  // An n-gram in more stored documents than this is a common phrase or a
  // template, never a seed ("according to local media").
  int max_gram_documents = 50;
};

// A body as the stage reads it: its words folded (ICU, lower case, no
// diacritics, Cyrillic to Latin) with each word's code-point offsets.
struct ReuseWords {
  std::vector<std::string> words;
  std::vector<uint64_t> ids;           // each word's hash: what alignment and hashing compare
  std::vector<uint32_t> starts, ends;  // code points into the body
};
ReuseWords reuse_words(std::string_view body);
// Code-point spans [first, second) of a body: its site's standing text.
using TextSpans = std::vector<std::pair<uint32_t, uint32_t>>;
// Whether code point `at` lies in one of the spans.
bool inside_spans(uint32_t at, const TextSpans& spans);

// The words of `w` that begin outside every one of the code-point spans
// (a page without its site's standing text, for its signature).
ReuseWords words_outside(const ReuseWords& w, const TextSpans& spans);

// MinHash signature of the body's word shingles (empty when the body has
// fewer words than a shingle).
std::vector<uint64_t> minhash_signature(const ReuseWords& w, const ReuseOptions& o);
// The signature's LSH band keys: one hash per band, the band's index mixed
// in, so keys of different bands never collide by construction.
std::vector<uint64_t> lsh_band_keys(const std::vector<uint64_t>& signature, const ReuseOptions& o);
// The share of equal values of two signatures of the same size.
double estimated_jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

// Hashes of the body's seed n-grams, each once (what the store indexes to
// find the documents a new one may share passages with), without those
// that begin inside one of the `excluded` code-point spans (its site's
// standing text, which is never reuse).
std::vector<uint64_t> seed_grams(const ReuseWords& w, const ReuseOptions& o, const TextSpans& excluded = {});

struct SharedPassage {
  uint32_t a_start = 0, a_end = 0, b_start = 0, b_end = 0;  // code points into each body
  int words = 0;            // aligned words on the shorter side
  double similarity = 0;    // matching aligned words over the longer side's words
};
// Passages `a` and `b` share: runs of common n-grams (align_seed_words
// long) close on both sides, widened and trimmed by a word-level local
// alignment (match +2, mismatch or gap -1). In order of their start in `a`.
std::vector<SharedPassage> shared_passages(const ReuseWords& a, const ReuseWords& b, const ReuseOptions& o);

// What a document's sighting says for telling who was first.
struct ReuseSide {
  std::string id, outlet, published;  // published: ISO date or empty
  std::string republished_from;       // the outlet the page names as the original
  size_t passage_words = 0;           // words of its side of the shared text
};
enum class ReuseDirection { kUnknown, kAToB, kBToA };
// Who copied whom: the page that names the other's outlet as its origin
// copied it; else the earlier publication date was first; else the side
// that carries the longer text of what they share is the original.
ReuseDirection reuse_direction(const ReuseSide& a, const ReuseSide& b);

enum class ReuseKind { kDuplicate, kReprint, kNearDuplicate, kSharedPassage };
const char* reuse_kind_name(ReuseKind k);
std::optional<ReuseKind> parse_reuse_kind(std::string_view name);

}  // namespace seismo
