#include "store/reuse.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <optional>
#include <unordered_map>

#include <tbb/parallel_for.h>

#include "common/utf8.h"
#include "extract/site_templates.h"
#include "store/documents.h"
#include "store/statement.h"

namespace seismo {
namespace {

// One seed n-gram in this many is kept in the index (those whose hash is
// a multiple of it, so two documents sample the same ones): a passage of
// the minimum length has about eight seeds, so two or more are sampled
// almost always, at a quarter of the index's size.
constexpr uint64_t kGramSampling = 4;
// At most this many stored documents are compared with a new one, the
// most related first: 10,000 copies of one page cost linear time.
constexpr size_t kMaxCandidates = 25;
// Documents indexed per write transaction: each inserts ~100 index rows at
// random places, so a larger transaction dirties fewer pages per document;
// 500 holds the write lock well under a second.
constexpr int kBatch = 500;

struct Stored {
  int64_t rowid = 0;
  std::string id, body, outlet, published, republished_from;
  std::vector<uint64_t> signature;
  std::optional<TextSpans> templates;  // its site-template paragraphs, once read
};

// A paragraph on at least this many pages of one site is that site's
// standing text (a footer, a widget, a disclaimer): never reuse, wherever
// it is met.
constexpr int kTemplatePages = 3;

std::vector<uint64_t> unpack(const std::string& blob) {
  std::vector<uint64_t> v(blob.size() / sizeof(uint64_t));
  if (!v.empty()) std::memcpy(v.data(), blob.data(), v.size() * sizeof(uint64_t));
  return v;
}

const char* direction_name(ReuseDirection d) {
  return d == ReuseDirection::kAToB ? "a->b" : d == ReuseDirection::kBToA ? "b->a" : nullptr;
}

ReuseDirection parse_direction(const std::string& s) {
  return s == "a->b" ? ReuseDirection::kAToB : s == "b->a" ? ReuseDirection::kBToA : ReuseDirection::kUnknown;
}

// Words of `w` that start inside [from, to): one side's length of a passage.
size_t words_within(const ReuseWords& w, uint32_t from, uint32_t to) {
  auto lo = std::lower_bound(w.starts.begin(), w.starts.end(), from);
  auto hi = std::lower_bound(w.starts.begin(), w.starts.end(), to);
  return static_cast<size_t>(hi - lo);
}

// The byte where code point `cp` of `body` starts (its size past the end).
size_t byte_of(const std::string& body, uint32_t cp) {
  size_t b = 0;
  for (uint32_t n = 0; b < body.size(); ++b) {
    if ((static_cast<unsigned char>(body[b]) & 0xC0) == 0x80) continue;  // a continuation byte
    if (n++ == cp) return b;
  }
  return body.size();
}

// The text between two code-point offsets of `body`.
std::string slice(const std::string& body, uint32_t from, uint32_t to) {
  size_t b = byte_of(body, from), e = byte_of(body, to);
  return e > b ? body.substr(b, e - b) : std::string();
}

class Indexer {
 public:
  Indexer(const Database& db, const ReuseOptions& o)
      : db_(db),
        o_(o),
        load_(db, "SELECT d.id, d.body, coalesce(s.name, ''), coalesce(d.published, ''), coalesce(d.republished_from, ''),"
                  " r.signature FROM documents d LEFT JOIN sources s ON s.id = d.source_id"
                  " LEFT JOIN reuse_indexed r ON r.doc = d.rowid WHERE d.rowid = ?"),
        indexed_(db, "SELECT 1 FROM reuse_indexed WHERE doc = ?"),
        template_pages_(db, "SELECT max(pages) FROM site_paragraphs WHERE fingerprint = ?"),
        band_docs_(db, "SELECT doc FROM reuse_bands WHERE key = ?"),
        gram_docs_(db, "SELECT doc FROM reuse_grams WHERE gram = ? LIMIT ?"),
        add_indexed_(db, "INSERT OR REPLACE INTO reuse_indexed(doc, signature) VALUES (?, ?)"),
        add_band_(db, "INSERT OR IGNORE INTO reuse_bands(key, doc) VALUES (?, ?)"),
        add_gram_(db, "INSERT OR IGNORE INTO reuse_grams(gram, doc) VALUES (?, ?)"),
        add_pair_(db, "INSERT OR REPLACE INTO reuse_pairs(a, b, kind, score, direction, passages) VALUES (?, ?, ?, ?, ?, ?)") {}

  // Compares one document with those indexed before it, stores what it
  // finds, then indexes it. Returns the pairs found, or -1 when too short.
  int index(int64_t rowid) {
    // Another ingest may have indexed it since the list was read: this
    // runs inside a write transaction, so what it sees now is settled.
    indexed_.bind(1, rowid);
    bool done = indexed_.step();
    indexed_.reset();
    if (done) return 0;
    // Emptied only here, between documents: the references words_of()
    // gives stay valid while one document is compared.
    if (words_cache_.size() >= 512) words_cache_.clear();
    Stored d = load(rowid);
    ReuseWords words = reuse_words(d.body);
    // Its site's standing text (a footer on every page) is never reuse: in
    // its signature it would make two short pages of one site near
    // duplicates, and in the index each page a candidate of the others.
    d.templates = template_spans(d);
    const TextSpans& templates = *d.templates;
    std::vector<uint64_t> sig = minhash_signature(templates.empty() ? words : words_outside(words, templates), o_);
    d.signature = sig;
    if (sig.empty()) {
      add_indexed_.bind(1, rowid).bind_blob(2, "", 0).run();
      return -1;
    }
    // Candidates: documents sharing a band (near-duplicates) or a sampled
    // seed n-gram that is no common phrase (shared passages).
    std::unordered_map<int64_t, int> related;
    const auto keys = lsh_band_keys(sig, o_);
    for (uint64_t k : keys) {
      band_docs_.bind(1, static_cast<int64_t>(k));
      while (band_docs_.step()) related[band_docs_.integer(0)] += 1000;
      band_docs_.reset();
    }
    std::vector<uint64_t> sampled;
    for (uint64_t g : seed_grams(words, o_, templates))
      if (g % kGramSampling == 0) sampled.push_back(g);
    for (uint64_t g : sampled) {
      std::vector<int64_t> docs;
      gram_docs_.bind(1, static_cast<int64_t>(g)).bind(2, int64_t(o_.max_gram_documents + 1));
      while (gram_docs_.step()) docs.push_back(gram_docs_.integer(0));
      gram_docs_.reset();
      if (docs.size() > static_cast<size_t>(o_.max_gram_documents)) continue;  // a common phrase
      for (int64_t doc : docs) related[doc] += 1;
    }
    related.erase(rowid);
    std::vector<std::pair<int64_t, int>> ranked(related.begin(), related.end());
    std::sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
      return x.second != y.second ? x.second > y.second : x.first < y.first;
    });
    if (ranked.size() > kMaxCandidates) ranked.resize(kMaxCandidates);

    // Read the candidates (one connection, one thread), align them on all
    // cores (pure work on words), store what they share (one thread).
    struct Comparison {
      Stored a, b;  // a stored before b: pairs are keyed older document first
      const ReuseWords *aw = nullptr, *bw = nullptr;
      double jaccard = 0;
      bool related = false;
      std::vector<SharedPassage> passages;
    };
    std::vector<Comparison> cs;
    cs.reserve(ranked.size());
    for (const auto& [other, strength] : ranked) {
      Comparison c;
      Stored o = load(other);
      if (o.id.empty() || o.signature.empty()) continue;
      if (other < rowid) {
        c.a = std::move(o);
        c.b = d;
      } else {
        c.a = d;
        c.b = std::move(o);
      }
      cs.push_back(std::move(c));
    }
    for (auto& c : cs) {
      c.aw = c.a.rowid == rowid ? &words : &words_of(c.a);
      c.bw = c.b.rowid == rowid ? &words : &words_of(c.b);
    }
    compared_ += static_cast<int64_t>(cs.size());
    tbb::parallel_for(size_t(0), cs.size(), [&](size_t i) { analyse(cs[i]); });
    int found = 0;
    for (auto& c : cs)
      if (c.related) found += store_pair(c.a, c.b, *c.aw, *c.bw, c.jaccard, std::move(c.passages));

    std::string blob(reinterpret_cast<const char*>(sig.data()), sig.size() * sizeof(uint64_t));
    add_indexed_.bind(1, rowid).bind_blob(2, blob.data(), blob.size()).run();
    for (uint64_t k : keys) add_band_.bind(1, static_cast<int64_t>(k)).bind(2, rowid).run();
    for (uint64_t g : sampled) add_gram_.bind(1, static_cast<int64_t>(g)).bind(2, rowid).run();
    return found;
  }

  int64_t compared() const { return compared_; }

 private:
  Stored load(int64_t rowid) {
    Stored s;
    s.rowid = rowid;
    load_.bind(1, rowid);
    if (load_.step()) {
      s.id = load_.text(0);
      s.body = load_.text(1);
      s.outlet = load_.text(2);
      s.published = load_.text(3);
      s.republished_from = load_.text(4);
      s.signature = unpack(load_.blob(5));
    }
    load_.reset();
    return s;
  }

  // What two documents share, from their words alone: safe on any thread.
  template <typename Comparison>
  void analyse(Comparison& c) const {
    c.jaccard = estimated_jaccard(c.a.signature, c.b.signature);
    const bool near = c.jaccard >= o_.near_duplicate;
    // A site repeating its own text (its footer, its widget's chrome, its
    // standing paragraphs) is its template, not reuse; a new version of
    // its own page is a near-duplicate still.
    if (!near && !c.a.outlet.empty() && c.a.outlet == c.b.outlet) return;
    ReuseOptions o = o_;
    if (c.jaccard >= o_.reprint) o.max_aligned_words = 0;  // the whole text: its seeds say where
    c.passages = shared_passages(*c.aw, *c.bw, o);
    c.related = near || !c.passages.empty();
  }

  // `a` was stored before `b` (a smaller rowid); `passages` as analyse()
  // found them. Drops what a site repeats; returns 1 when a pair is stored.
  int store_pair(const Stored& a, const Stored& b, const ReuseWords& aw, const ReuseWords& bw, double jaccard,
                 std::vector<SharedPassage> passages) {
    const bool near = jaccard >= o_.near_duplicate;
    // The new document's were read when it was indexed; a candidate's only here, for the few pairs kept.
    const TextSpans a_templates = a.templates ? *a.templates : template_spans(a);
    const TextSpans b_templates = b.templates ? *b.templates : template_spans(b);
    // A passage needs a passage's length of text outside them on both
    // sides: an alignment that ran on into a footer is not made longer by it.
    const size_t least = static_cast<size_t>(std::max(1, o_.min_passage_words));
    std::erase_if(passages, [&](const SharedPassage& p) {
      return text_words(aw, p.a_start, p.a_end, a_templates) < least ||
             text_words(bw, p.b_start, p.b_end, b_templates) < least;
    });
    if (!near && passages.empty()) return 0;
    ReuseSide sa{a.id, a.outlet, a.published, a.republished_from, 0}, sb{b.id, b.outlet, b.published, b.republished_from, 0};
    nlohmann::json js = nlohmann::json::array();
    size_t shared_b = 0;
    for (const auto& p : passages) {
      sa.passage_words += words_within(aw, p.a_start, p.a_end);
      size_t wb = words_within(bw, p.b_start, p.b_end);
      sb.passage_words += wb;
      shared_b += wb;
      js.push_back({{"a_start", p.a_start}, {"a_end", p.a_end}, {"b_start", p.b_start}, {"b_end", p.b_end},
                    {"words", p.words}, {"similarity", std::round(p.similarity * 1000) / 1000},
                    {"text", slice(a.body, p.a_start, p.a_end)}});
    }
    ReuseKind kind = ReuseKind::kSharedPassage;
    double score;
    if (near) {
      kind = jaccard >= o_.reprint ? ReuseKind::kReprint : ReuseKind::kNearDuplicate;
      score = jaccard;
    } else {
      const size_t shorter = std::max<size_t>(1, std::min(aw.words.size(), bw.words.size()));
      score = std::min(1.0, static_cast<double>(shared_b) / static_cast<double>(shorter));
    }
    ReuseDirection dir = reuse_direction(sa, sb);
    add_pair_.bind(1, a.id).bind(2, b.id).bind(3, std::string(reuse_kind_name(kind)));
    add_pair_.bind_real(4, std::round(score * 1000) / 1000);
    if (const char* d = direction_name(dir)) add_pair_.bind(5, std::string(d));
    else add_pair_.bind_null(5);
    add_pair_.bind(6, js.dump()).run();
    return 1;
  }

  // A document's words, kept for the next documents that meet it: copies
  // of one text are compared with the same few originals again and again.
  const ReuseWords& words_of(const Stored& d) {
    auto it = words_cache_.find(d.rowid);
    if (it != words_cache_.end()) return it->second;
    return words_cache_.emplace(d.rowid, reuse_words(d.body)).first->second;
  }

  // The code-point spans of the paragraphs of `d` that a site repeats on
  // kTemplatePages of its pages or more (the site templates the store
  // learns): its own, or the origin's footer a copy carried along.
  TextSpans template_spans(const Stored& d) {
    TextSpans out;
    uint32_t cp = 0;
    size_t p = 0;
    while (p < d.body.size()) {
      size_t q = d.body.find('\n', p);
      if (q == std::string::npos) q = d.body.size();
      std::string_view para(d.body.data() + p, q - p);
      const uint32_t len = static_cast<uint32_t>(code_point_count(para));
      if (!para.empty()) {
        template_pages_.bind(1, static_cast<int64_t>(SiteTemplates::fingerprint(para)));
        if (template_pages_.step() && template_pages_.integer(0) >= kTemplatePages) out.emplace_back(cp, cp + len);
        template_pages_.reset();
      }
      cp += len + 1;
      p = q + 1;
    }
    return out;
  }

  // Words of `w` that start in [from, to) and in none of the spans (its
  // own text, not a template's).
  static size_t text_words(const ReuseWords& w, uint32_t from, uint32_t to, const TextSpans& spans) {
    size_t n = 0;
    for (auto it = std::lower_bound(w.starts.begin(), w.starts.end(), from); it != w.starts.end() && *it < to; ++it)
      n += !inside_spans(*it, spans);
    return n;
  }

  std::unordered_map<int64_t, ReuseWords> words_cache_;
  int64_t compared_ = 0;
  const Database& db_;
  const ReuseOptions& o_;
  Stmt load_, indexed_, template_pages_, band_docs_, gram_docs_, add_indexed_, add_band_, add_gram_, add_pair_;
};

Sighting read_sighting(const Stmt& s, int col) {
  return Sighting{s.text(col), s.text(col + 1), s.text(col + 2), s.text(col + 3)};
}

std::vector<StoredPassage> parse_passages(const std::string& text) {
  std::vector<StoredPassage> out;
  nlohmann::json js = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!js.is_array()) return out;
  for (const auto& p : js) {
    if (!p.is_object()) continue;
    StoredPassage sp;
    sp.a_start = p.value("a_start", 0);
    sp.a_end = p.value("a_end", 0);
    sp.b_start = p.value("b_start", 0);
    sp.b_end = p.value("b_end", 0);
    sp.words = p.value("words", 0);
    sp.similarity = p.value("similarity", 0.0);
    sp.text = p.value("text", std::string());
    out.push_back(std::move(sp));
  }
  return out;
}

// A document's first sighting (its outlet, URL, date and named origin).
constexpr const char* kFirstSighting =
    "(SELECT coalesce(so.name, '') || char(31) || g.uri || char(31) || coalesce(g.published, '') || char(31) ||"
    " coalesce(g.republished_from, '') FROM sightings g LEFT JOIN sources so ON so.id = g.source_id"
    " WHERE g.document_id = %s ORDER BY g.rowid LIMIT 1)";

Sighting split_sighting(const std::string& s) {
  Sighting out;
  std::string* parts[] = {&out.outlet, &out.url, &out.published, &out.republished_from};
  size_t k = 0;
  for (char c : s) {
    if (c == '\x1f') {
      if (++k == 4) break;
      continue;
    }
    *parts[k] += c;
  }
  return out;
}

}  // namespace

ReuseUpdate update_reuse(const Database& db, const ReuseOptions& options, const std::function<void(int, int)>& progress) {
  ReuseUpdate u;
  std::vector<int64_t> pending;
  {
    // Documents are indexed in the order stored, every one of them (an
    // empty body too), and never removed: the indexed ones are the first
    // of the store, and what is left lies past the last of them. Reading
    // from there keeps a batch's cost off the size of the store.
    Stmt s(db, "SELECT d.rowid FROM documents d WHERE d.rowid > (SELECT coalesce(max(doc), 0) FROM reuse_indexed)"
               " ORDER BY d.rowid");
    while (s.step()) pending.push_back(s.integer(0));
  }
  Indexer indexer(db, options);
  for (size_t from = 0; from < pending.size(); from += kBatch) {
    WriteTransaction tx(db);
    for (size_t i = from; i < std::min(pending.size(), from + kBatch); ++i) {
      int found = indexer.index(pending[i]);
      if (found < 0) ++u.skipped;
      else u.pairs += found;
      ++u.documents;
      if (progress) progress(static_cast<int>(i + 1), static_cast<int>(pending.size()));
    }
    tx.commit();
  }
  u.compared = indexer.compared();
  return u;
}

std::vector<Sighting> sightings_of(const Database& db, const std::string& document_id) {
  Stmt s(db, "SELECT coalesce(so.name, ''), g.uri, coalesce(g.published, ''), coalesce(g.republished_from, '')"
             " FROM sightings g LEFT JOIN sources so ON so.id = g.source_id WHERE g.document_id = ? ORDER BY g.rowid");
  s.bind(1, document_id);
  std::vector<Sighting> out;
  while (s.step()) out.push_back(read_sighting(s, 0));
  return out;
}

std::vector<StoredReusePair> reuse_pairs(const Database& db, const std::string& document) {
  const std::string id = document.empty() ? std::string() : resolve_document_id(db, document);
  std::vector<StoredReusePair> out;
  char a_first[1024], b_first[1024];
  std::snprintf(a_first, sizeof a_first, kFirstSighting, "p.a");
  std::snprintf(b_first, sizeof b_first, kFirstSighting, "p.b");
  Stmt s(db, std::string("SELECT p.a, p.b, p.kind, p.score, coalesce(p.direction, ''), p.passages, ") + a_first + ", " +
                 b_first + " FROM reuse_pairs p WHERE ?1 = '' OR p.a = ?1 OR p.b = ?1");
  s.bind(1, id);
  while (s.step()) {
    StoredReusePair p;
    p.a = s.text(0);
    p.b = s.text(1);
    p.kind = parse_reuse_kind(s.text(2)).value_or(ReuseKind::kSharedPassage);
    p.score = s.real(3);
    p.direction = parse_direction(s.text(4));
    p.passages = parse_passages(s.text(5));
    p.a_seen = split_sighting(s.text(6));
    p.b_seen = split_sighting(s.text(7));
    out.push_back(std::move(p));
  }
  // Duplicates: one text sighted at outlets other than its first one's.
  Stmt d(db, "SELECT g.document_id, coalesce(so.name, ''), g.uri, coalesce(g.published, ''),"
             " coalesce(g.republished_from, ''), g.source_id FROM sightings g LEFT JOIN sources so ON so.id = g.source_id"
             " WHERE (?1 = '' OR g.document_id = ?1) AND g.document_id IN (SELECT document_id FROM sightings"
             " GROUP BY document_id HAVING count(DISTINCT coalesce(source_id, -1)) > 1) ORDER BY g.document_id, g.rowid");
  d.bind(1, id);
  std::string current;
  Sighting first;
  std::vector<int64_t> paired_sources;
  while (d.step()) {
    Sighting g = read_sighting(d, 1);
    int64_t source = d.is_null(5) ? -1 : d.integer(5);
    if (d.text(0) != current) {
      current = d.text(0);
      first = g;
      paired_sources.assign(1, source);
      continue;
    }
    if (std::find(paired_sources.begin(), paired_sources.end(), source) != paired_sources.end()) continue;
    paired_sources.push_back(source);
    StoredReusePair p;
    p.a = p.b = current;
    p.kind = ReuseKind::kDuplicate;
    p.score = 1;
    p.a_seen = first;
    p.b_seen = g;
    p.direction = reuse_direction(ReuseSide{current, first.outlet, first.published, first.republished_from, 0},
                                  ReuseSide{current, g.outlet, g.published, g.republished_from, 0});
    out.push_back(std::move(p));
  }
  std::stable_sort(out.begin(), out.end(), [](const StoredReusePair& x, const StoredReusePair& y) {
    return x.kind != y.kind ? x.kind < y.kind : x.score > y.score;
  });
  return out;
}

std::vector<OutletFlow> outlet_flows(const Database& db) {
  std::map<std::pair<std::string, std::string>, OutletFlow> flows;
  for (const auto& p : reuse_pairs(db)) {
    if (p.direction == ReuseDirection::kUnknown) continue;
    const Sighting& from = p.direction == ReuseDirection::kAToB ? p.a_seen : p.b_seen;
    const Sighting& to = p.direction == ReuseDirection::kAToB ? p.b_seen : p.a_seen;
    std::string f = from.outlet.empty() ? "(unknown)" : from.outlet, t = to.outlet.empty() ? "(unknown)" : to.outlet;
    OutletFlow& o = flows[{f, t}];
    o.from = f;
    o.to = t;
    ++o.pairs;
    if (p.kind == ReuseKind::kDuplicate || p.kind == ReuseKind::kReprint) ++o.copies;
  }
  std::vector<OutletFlow> out;
  for (auto& [k, v] : flows) out.push_back(v);
  std::sort(out.begin(), out.end(), [](const OutletFlow& x, const OutletFlow& y) { return x.pairs > y.pairs; });
  return out;
}

}  // namespace seismo
