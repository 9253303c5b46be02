// The reuse area of the store: sightings of each text, the reuse index
// (signatures, LSH bands, seed n-grams) and the related pairs with their
// shared passages. `update_reuse` compares each stored document not yet
// indexed with those indexed before it, so an ingest of tomorrow's pages
// extends today's pairs without recomputing them.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "reuse/reuse.h"
#include "store/database.h"

namespace seismo {

struct ReuseUpdate {
  int documents = 0;  // documents indexed by this update
  int pairs = 0;      // related pairs found
  int skipped = 0;    // documents too short to index (fewer words than a shingle), noted, not compared
  int64_t compared = 0;  // stored documents aligned with a new one (at most ReuseOptions' candidates each)
};

// Indexes every stored document the reuse index lacks, oldest first, in
// short write transactions. Needs a writable store. `progress` is called
// after each document with (done, total).
ReuseUpdate update_reuse(const Database& db, const ReuseOptions& options,
                         const std::function<void(int, int)>& progress = nullptr);

struct StoredPassage {
  int a_start = 0, a_end = 0, b_start = 0, b_end = 0;  // code points into each body
  int words = 0;
  double similarity = 0;
  std::string text;  // a's side
};

struct Sighting {
  std::string outlet, url, published, republished_from;
};

struct StoredReusePair {
  std::string a, b;  // document ids; the same id for a duplicate (one text at two outlets)
  ReuseKind kind = ReuseKind::kSharedPassage;
  double score = 0;  // estimated Jaccard, or for passages the shared share of the shorter body
  ReuseDirection direction = ReuseDirection::kUnknown;
  Sighting a_seen, b_seen;  // the sightings paired (a's first and b's first, or the duplicate's two)
  std::vector<StoredPassage> passages;
};

// Pairs that involve `document` (id or unique prefix; every pair when
// empty), duplicates among them, strongest first.
std::vector<StoredReusePair> reuse_pairs(const Database& db, const std::string& document = "");

// Every sighting of a document, first seen first.
std::vector<Sighting> sightings_of(const Database& db, const std::string& document_id);

// Who reprints whom: for each (from, to) outlet pair with a known
// direction, how many related pairs and how many of them are reprints or
// duplicates.
struct OutletFlow {
  std::string from, to;
  int pairs = 0, copies = 0;
};
std::vector<OutletFlow> outlet_flows(const Database& db);

}  // namespace seismo
