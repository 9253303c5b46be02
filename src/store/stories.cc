#include "store/stories.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "common/dates.h"
#include "common/match_text.h"
#include "common/utf8.h"
#include "reuse/reuse.h"
#include "store/documents.h"
#include "store/rows.h"
#include "store/statement.h"

namespace seismo {
namespace {

// Documents placed per write transaction: each updates its terms'
// document frequencies and its story's index rows, at random places of
// their B-trees, so a larger transaction dirties fewer pages per document.
constexpr int kBatch = 500;
// A story is found by this many of its strongest terms (story_terms).
constexpr size_t kIndexedTerms = 20;
// Stories looked up per term of a new document, the most recent first, and
// stories compared with it at most: a term every story has costs a bound.
constexpr int kStoriesPerTerm = 200;
constexpr size_t kMaxCandidates = 30;
// Occurrences of one action family in a story that a new event is
// compared with, the newest first.
constexpr int kMaxOccurrences = 300;
// A story's title when none of its documents has one: the opening of the
// first, cut at a word to this many code points.
constexpr size_t kTitleFromBody = 100;

std::string iso_of_day(int day) { return civil_from_days(day).iso(); }

int today() {
  using namespace std::chrono;
  return static_cast<int>(duration_cast<days>(system_clock::now().time_since_epoch()).count());
}

// The opening words of a body, for a document without a title.
std::string opening(const std::string& body) {
  std::string first = body.substr(0, body.find('\n'));
  CodePointCursor cp(first);
  if (cp.at(first.size()) <= kTitleFromBody) return first;
  size_t cut = 0;
  for (size_t b = 0; b < first.size(); ++b) {
    if ((static_cast<unsigned char>(first[b]) & 0xC0) == 0x80) continue;
    if (cp.at(b) > kTitleFromBody) break;
    if (first[b] == ' ') cut = b;
  }
  return first.substr(0, cut ? cut : first.size()) + "…";
}

struct Doc {
  std::string id, title, body, language, published;
  std::optional<int> day;
  bool day_inferred = false;
};

struct Report {
  std::string doc;
  int64_t ordinal = 0;
  OccurrenceKey key;
};

// Places documents one at a time, inside the caller's transaction.
class Placer {
 public:
  // The count of placed documents (what term weights divide by) is read
  // once per update and kept; another ingest placing pages meanwhile makes
  // it low by those, which moves weights by a hair.
  Placer(const Database& db, const StoryOptions& o) : db_(db), o_(o) {
    // Rows are only ever added, so the last rowid is their count, read
    // without a scan.
    Stmt n(db, "SELECT coalesce(max(rowid), 0) FROM story_documents");
    placed_ = n.step() ? n.integer(0) : 0;
  }

  void place(const std::string& id, StoryUpdate& u) {
    reports_.clear();
    Doc d = load(id);
    StoryText text{d.title, d.body, d.language, entity_keys(id)};
    TermVector counts = story_term_counts(text, o_);
    ++placed_;
    if (counts.empty()) {
      Stmt s(db_, "INSERT INTO story_documents(document_id, joined_by, day) VALUES (?, 'no_words', ?)");
      s.bind(1, id);
      d.day ? s.bind(2, int64_t(*d.day)) : s.bind_null(2);
      s.run();
      ++u.skipped;
      return;
    }
    std::unordered_map<uint64_t, int64_t> df = count_terms(counts);
    const double n = static_cast<double>(placed_);
    TermVector terms = weigh_terms(
        counts, [&](uint64_t t) { return std::log(1 + n / static_cast<double>(std::max<int64_t>(1, df[t]))); },
        static_cast<size_t>(o_.document_terms));
    std::vector<Report> events = events_of(d);

    // The candidates: stories of the documents it is related to, and those
    // sharing its strongest terms.
    std::map<int64_t, ReuseKind> linked = linked_stories(id);
    std::vector<int64_t> candidates = stories_sharing(terms, d.day);
    for (const auto& [story, kind] : linked)
      if (std::find(candidates.begin(), candidates.end(), story) == candidates.end()) candidates.push_back(story);

    // An undated document must be more alike: no window can rule a story
    // out for it. (A dated one meeting an undated story keeps the dated
    // threshold: asking more split the seeds' December pages, whose first
    // page has no date.)
    const double needed = d.day ? o_.join : o_.join_undated;
    int64_t best = 0;
    double best_score = 0;
    std::string joined_by = "similarity";
    const double most_bonus = o_.event_bonus * o_.max_event_bonuses;
    for (int64_t story : candidates) {
      Stmt s(db_, "SELECT terms, first_day, last_day FROM stories WHERE id = ?");
      s.bind(1, story);
      if (!s.step()) continue;
      auto link = linked.find(story);
      bool copy = link != linked.end() && link->second != ReuseKind::kSharedPassage;
      if (!copy && d.day && !s.is_null(1)) {
        // A development is told within days; a copy is the same text whenever it runs.
        if (*d.day < s.integer(1) - o_.window_days || *d.day > s.integer(2) + o_.window_days) continue;
      }
      double score = cosine(terms, unpack_terms(s.blob(0)));
      if (link != linked.end()) score += copy ? 1.0 : o_.passage_bonus;
      if (score + most_bonus >= needed) score += o_.event_bonus * std::min(shared_occurrences(story, events), o_.max_event_bonuses);
      if (score > best_score || (score == best_score && story < best)) {
        best_score = score;
        best = story;
        joined_by = copy || (link != linked.end() && score - o_.passage_bonus < needed) ? "reuse" : "similarity";
      }
    }
    int64_t story = 0;
    if (best && best_score >= needed) {
      story = best;
      join(story, d, terms, joined_by, best_score);
    } else {
      story = open(d, terms);
      ++u.stories;
    }
    u.merged += attach_events(story, d, events);
    ++u.documents;
  }

 private:
  Doc load(const std::string& id) {
    Stmt s(db_, "SELECT coalesce(title, ''), body, coalesce(language, ''), coalesce(published, '') FROM documents WHERE id = ?");
    s.bind(1, id);
    Doc d;
    d.id = id;
    if (!s.step()) return d;
    d.title = s.text(0);
    d.body = s.text(1);
    d.language = s.text(2);
    d.published = s.text(3).substr(0, 10);
    if (auto days = iso_days(d.published)) d.day = days->first;
    if (!d.day) {
      // An undated page is placed by the latest day it names (not after
      // today): a report is written soon after what it tells.
      Stmt m(db_, "SELECT date_value FROM entities WHERE document_id = ? AND kind = 'date' AND date_precision = 'day'");
      m.bind(1, id);
      const int now = today();
      while (m.step()) {
        auto days = iso_days(m.text(0));
        if (days && days->first <= now && (!d.day || days->first > *d.day)) d.day = days->first;
      }
      d.day_inferred = d.day.has_value();
    }
    return d;
  }

  std::vector<std::string> entity_keys(const std::string& id) {
    Stmt s(db_, "SELECT kind, coalesce(name, text), coalesce(code, ''), geonameid FROM entities"
                " WHERE document_id = ? AND kind IN ('place', 'actor') ORDER BY ordinal");
    s.bind(1, id);
    std::vector<std::string> keys;
    while (s.step()) {
      if (s.text(0) == "place") keys.push_back("place:" + (s.is_null(3) ? match_key(s.text(1)) : std::to_string(s.integer(3))));
      else keys.push_back("actor:" + (s.text(2).empty() ? match_key(s.text(1)) : s.text(2)));
    }
    return keys;
  }

  // Counts the document in each of its terms' document frequencies; gives them.
  std::unordered_map<uint64_t, int64_t> count_terms(const TermVector& counts) {
    std::unordered_map<uint64_t, int64_t> df;
    Stmt s(db_, "INSERT INTO story_term_df(term, df) VALUES (?, 1) ON CONFLICT(term) DO UPDATE SET df = df + 1 RETURNING df");
    for (const auto& [term, _] : counts) {
      s.bind(1, static_cast<int64_t>(term));
      df[term] = s.step() ? s.integer(0) : 1;
      while (s.step()) {
      }
      s.reset();
    }
    return df;
  }

  std::vector<Report> events_of(const Doc& d) {
    Stmt s(db_, std::string("SELECT e.ordinal, ") + kEventColumns + " FROM events e WHERE e.document_id = ? ORDER BY e.ordinal");
    s.bind(1, d.id);
    std::string published = d.day ? iso_of_day(*d.day) : "";
    std::vector<Report> out;
    while (s.step()) out.push_back({d.id, s.integer(0), occurrence_key(read_event(s, 1), published, o_)});
    return out;
  }

  std::map<int64_t, ReuseKind> linked_stories(const std::string& id) {
    Stmt s(db_, "SELECT m.story_id, p.kind FROM reuse_pairs p JOIN story_documents m"
                " ON m.document_id = CASE WHEN p.a = ?1 THEN p.b ELSE p.a END"
                " WHERE (p.a = ?1 OR p.b = ?1) AND m.story_id IS NOT NULL");
    s.bind(1, id);
    std::map<int64_t, ReuseKind> out;
    while (s.step()) {
      ReuseKind k = parse_reuse_kind(s.text(1)).value_or(ReuseKind::kSharedPassage);
      auto [it, fresh] = out.emplace(s.integer(0), k);
      if (!fresh && k < it->second) it->second = k;  // the closest link counts
    }
    return out;
  }

  // Stories indexed under the document's strongest terms, near its day when
  // it has one, those sharing the most terms first.
  std::vector<int64_t> stories_sharing(const TermVector& terms, const std::optional<int>& day) {
    TermVector strongest = terms;
    std::sort(strongest.begin(), strongest.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
    if (strongest.size() > static_cast<size_t>(o_.lookup_terms)) strongest.resize(static_cast<size_t>(o_.lookup_terms));
    // Each query is one range of the (term, day) index that LIMIT ends:
    // written as "day IS NULL OR day BETWEEN", SQLite read every row of the
    // term, so a common term cost time in proportion to the stories stored.
    Stmt dated(db_, "SELECT story_id FROM story_terms WHERE term = ?1 AND day BETWEEN ?2 AND ?3 ORDER BY day LIMIT ?4");
    Stmt undated(db_, "SELECT story_id FROM story_terms WHERE term = ?1 AND day IS NULL LIMIT ?2");
    Stmt any(db_, "SELECT story_id FROM story_terms WHERE term = ?1 ORDER BY day DESC LIMIT ?2");
    std::unordered_map<int64_t, int> hits;
    auto count = [&](Stmt& s) {
      while (s.step()) ++hits[s.integer(0)];
      s.reset();
    };
    for (const auto& [term, _] : strongest) {
      const auto t = static_cast<int64_t>(term);
      if (day) {
        // A story's index rows carry its last day; one that began long
        // before may still be seen then. The nearest to the document's day
        // come first, so an old page ingested late finds its own stories,
        // not the newest; undated stories are met whatever the day.
        dated.bind(1, t).bind(2, int64_t(*day - o_.window_days)).bind(3, int64_t(*day + 366)).bind(4, int64_t(kStoriesPerTerm));
        count(dated);
        undated.bind(1, t).bind(2, int64_t(kStoriesPerTerm));
        count(undated);
      } else {
        any.bind(1, t).bind(2, int64_t(kStoriesPerTerm));
        count(any);
      }
    }
    std::vector<std::pair<int, int64_t>> ranked;
    for (const auto& [story, n] : hits) ranked.emplace_back(-n, story);
    std::sort(ranked.begin(), ranked.end());
    std::vector<int64_t> out;
    for (size_t i = 0; i < ranked.size() && i < kMaxCandidates; ++i) out.push_back(ranked[i].second);
    return out;
  }

  // The reports of a story's occurrences of one action family, newest
  // occurrence first, those of `doc` left out.
  std::vector<std::pair<int64_t, Report>> reports_of(int64_t story, const std::string& family, const std::string& doc) {
    auto key = std::make_pair(story, family);
    if (auto it = reports_.find(key); it != reports_.end()) return it->second;
    Stmt s(db_, std::string("SELECT o.id, r.document_id, r.ordinal, coalesce(substr(d.published, 1, 10), ''), ") +
                    kEventColumns +
                    " FROM (SELECT id FROM occurrences WHERE story_id = ?1 AND family = ?2 ORDER BY id DESC LIMIT ?3) o"
                    " JOIN event_reports r ON r.occurrence_id = o.id"
                    " JOIN events e ON e.document_id = r.document_id AND e.ordinal = r.ordinal"
                    " JOIN documents d ON d.id = r.document_id WHERE r.document_id != ?4");
    s.bind(1, story).bind(2, family).bind(3, int64_t(kMaxOccurrences)).bind(4, doc);
    std::vector<std::pair<int64_t, Report>> out;
    while (s.step()) {
      std::string published = s.text(3);
      if (published.empty()) {
        Stmt day(db_, "SELECT day FROM story_documents WHERE document_id = ?");
        day.bind(1, s.text(1));
        if (day.step() && !day.is_null(0)) published = iso_of_day(static_cast<int>(day.integer(0)));
      }
      out.push_back({s.integer(0), {s.text(1), s.integer(2), occurrence_key(read_event(s, 4), published, o_)}});
    }
    reports_[key] = out;
    return out;
  }

  // The occurrence of `story` an event of another document best matches, or 0.
  int64_t matching_occurrence(int64_t story, const Report& e, const std::set<int64_t>& taken) {
    std::string family = e.key.cameo.substr(0, 2);
    int64_t best = 0;
    double best_score = 0;
    for (const auto& [occurrence, r] : reports_of(story, family, e.doc)) {
      if (taken.count(occurrence)) continue;
      double score = same_occurrence(e.key, r.key, o_);
      if (score >= kSameOccurrence && score > best_score) {
        best_score = score;
        best = occurrence;
      }
    }
    return best;
  }

  int shared_occurrences(int64_t story, const std::vector<Report>& events) {
    std::set<int64_t> taken;
    int n = 0;
    for (const auto& e : events) {
      if (int64_t occurrence = matching_occurrence(story, e, taken)) {
        taken.insert(occurrence);
        ++n;
      }
    }
    return n;
  }

  // Each event reports the occurrence it matches, at most one event of a
  // document per occurrence, or opens one. Returns how many matched.
  int attach_events(int64_t story, const Doc& d, const std::vector<Report>& events) {
    std::set<int64_t> taken;
    int merged = 0;
    Stmt report(db_, "INSERT OR IGNORE INTO event_reports(document_id, ordinal, occurrence_id) VALUES (?, ?, ?)");
    for (const auto& e : events) {
      if (e.key.cameo.size() < 2) continue;
      int64_t occurrence = matching_occurrence(story, e, taken);
      if (occurrence) {
        taken.insert(occurrence);
        ++merged;
        Stmt up(db_, "UPDATE occurrences SET reports = reports + 1 WHERE id = ?");
        up.bind(1, occurrence);
        up.run();
        // The first report is the earliest published one.
        if (d.day && !d.day_inferred) {
          Stmt first(db_, "UPDATE occurrences SET document_id = ?1, ordinal = ?2 WHERE id = ?3 AND EXISTS ("
                          "SELECT 1 FROM documents x WHERE x.id = occurrences.document_id"
                          " AND (x.published IS NULL OR substr(x.published, 1, 10) > ?4))");
          first.bind(1, d.id).bind(2, e.ordinal).bind(3, occurrence).bind(4, iso_of_day(*d.day));
          first.run();
        }
      } else {
        Stmt open(db_, "INSERT INTO occurrences(story_id, family, document_id, ordinal) VALUES (?, ?, ?, ?)");
        open.bind(1, story).bind(2, e.key.cameo.substr(0, 2)).bind(3, d.id).bind(4, e.ordinal);
        open.run();
        occurrence = sqlite3_last_insert_rowid(db_.handle());
      }
      report.bind(1, d.id).bind(2, e.ordinal).bind(3, occurrence);
      report.run();
    }
    return merged;
  }

  std::string title_of(const Doc& d) { return d.title.empty() ? opening(d.body) : d.title; }

  void member(const Doc& d, int64_t story, const char* joined_by, double score, const TermVector& terms) {
    Stmt s(db_, "INSERT INTO story_documents(document_id, story_id, joined_by, score, day, terms) VALUES (?, ?, ?, ?, ?, ?)");
    std::string blob = pack_terms(terms);
    s.bind(1, d.id).bind(2, story).bind(3, std::string(joined_by)).bind_real(4, score);
    d.day ? s.bind(5, int64_t(*d.day)) : s.bind_null(5);
    s.bind_blob(6, blob.data(), blob.size());
    s.run();
  }

  void index(int64_t story, const TermVector& centroid, const std::optional<int64_t>& last_day) {
    Stmt del(db_, "DELETE FROM story_terms WHERE story_id = ?");
    del.bind(1, story);
    del.run();
    TermVector strongest = centroid;
    std::sort(strongest.begin(), strongest.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
    if (strongest.size() > kIndexedTerms) strongest.resize(kIndexedTerms);
    Stmt ins(db_, "INSERT INTO story_terms(term, story_id, day) VALUES (?, ?, ?)");
    for (const auto& [term, _] : strongest) {
      ins.bind(1, static_cast<int64_t>(term)).bind(2, story);
      last_day ? ins.bind(3, *last_day) : ins.bind_null(3);
      ins.run();
    }
  }

  int64_t open(const Doc& d, const TermVector& terms) {
    Stmt s(db_, "INSERT INTO stories(title, title_document, first_day, last_day, documents, terms) VALUES (?, ?, ?, ?, 1, ?)");
    std::string blob = pack_terms(terms);
    s.bind(1, title_of(d)).bind(2, d.id);
    d.day ? s.bind(3, int64_t(*d.day)).bind(4, int64_t(*d.day)) : s.bind_null(3).bind_null(4);
    s.bind_blob(5, blob.data(), blob.size());
    s.run();
    int64_t story = sqlite3_last_insert_rowid(db_.handle());
    member(d, story, "new", 1.0, terms);
    index(story, terms, d.day ? std::optional<int64_t>(*d.day) : std::nullopt);
    return story;
  }

  void join(int64_t story, const Doc& d, const TermVector& terms, const std::string& joined_by, double score) {
    Stmt s(db_, "SELECT s.terms, s.first_day, s.last_day, s.title_document, m.terms, coalesce(t.title, '')"
                " FROM stories s LEFT JOIN story_documents m ON m.document_id = s.title_document"
                " LEFT JOIN documents t ON t.id = s.title_document WHERE s.id = ?");
    s.bind(1, story);
    if (!s.step()) return;
    TermVector centroid = add_to_centroid(unpack_terms(s.blob(0)), terms, static_cast<size_t>(o_.story_terms));
    std::optional<int64_t> first = s.is_null(1) ? std::nullopt : std::optional<int64_t>(s.integer(1));
    std::optional<int64_t> last = s.is_null(2) ? std::nullopt : std::optional<int64_t>(s.integer(2));
    if (d.day) {
      first = first ? std::min<int64_t>(*first, *d.day) : *d.day;
      last = last ? std::max<int64_t>(*last, *d.day) : *d.day;
    }
    // The title is the one of the member closest to what the story is
    // about (its summed terms), a real title before a body's opening.
    std::string title_doc = s.text(3);
    bool had_title = !s.text(5).empty();
    bool has_title = !d.title.empty();
    bool take = has_title && !had_title;
    if (has_title == had_title) take = cosine(terms, centroid) > cosine(unpack_terms(s.blob(4)), centroid) + 1e-9;
    std::string blob = pack_terms(centroid);
    Stmt up(db_, "UPDATE stories SET terms = ?1, first_day = ?2, last_day = ?3, documents = documents + 1,"
                 " title = CASE WHEN ?4 THEN ?5 ELSE title END, title_document = CASE WHEN ?4 THEN ?6 ELSE title_document END"
                 " WHERE id = ?7");
    up.bind_blob(1, blob.data(), blob.size());
    first ? up.bind(2, *first) : up.bind_null(2);
    last ? up.bind(3, *last) : up.bind_null(3);
    up.bind(4, int64_t(take ? 1 : 0)).bind(5, title_of(d)).bind(6, d.id).bind(7, story);
    up.run();
    member(d, story, joined_by.c_str(), score, terms);
    index(story, centroid, last);
  }

  const Database& db_;
  const StoryOptions& o_;
  int64_t placed_ = 0;
  std::map<std::pair<int64_t, std::string>, std::vector<std::pair<int64_t, Report>>> reports_;  // this document's look-ups
};

StorySummary read_summary(const Stmt& s) {
  StorySummary x;
  x.id = s.integer(0);
  x.title = s.text(1);
  if (!s.is_null(2)) x.first_seen = iso_of_day(static_cast<int>(s.integer(2)));
  if (!s.is_null(3)) x.last_seen = iso_of_day(static_cast<int>(s.integer(3)));
  x.documents = static_cast<int>(s.integer(4));
  x.outlets = static_cast<int>(s.integer(5));
  x.events = static_cast<int>(s.integer(6));
  x.reports = static_cast<int>(s.integer(7));
  return x;
}

constexpr const char* kSummarySelect =
    "SELECT s.id, coalesce(s.title, ''), s.first_day, s.last_day, s.documents,"
    " (SELECT count(DISTINCT g.source_id) FROM story_documents m JOIN sightings g ON g.document_id = m.document_id"
    "  WHERE m.story_id = s.id),"
    " (SELECT count(*) FROM occurrences o WHERE o.story_id = s.id),"
    " (SELECT coalesce(sum(o.reports), 0) FROM occurrences o WHERE o.story_id = s.id)"
    " FROM stories s";

}  // namespace

StoryUpdate update_stories(const Database& db, const StoryOptions& options, const std::function<void(int, int)>& progress) {
  StoryUpdate u;
  // What is left is read once, in the order stored (one scan of documents,
  // not one per transaction); each transaction skips what another ingest
  // placed meanwhile.
  std::vector<std::string> pending;
  {
    // Documents are placed in the order stored and never removed: what is
    // left lies past the last one placed, and reading from there keeps a
    // batch's cost off the size of the store.
    Stmt s(db, "SELECT d.id FROM documents d WHERE d.rowid > coalesce((SELECT x.rowid FROM story_documents m"
               " JOIN documents x ON x.id = m.document_id ORDER BY m.rowid DESC LIMIT 1), 0) ORDER BY d.rowid");
    while (s.step()) pending.push_back(s.text(0));
  }
  Placer placer(db, options);
  for (size_t from = 0; from < pending.size(); from += kBatch) {
    WriteTransaction tx(db);
    Stmt placed(db, "SELECT 1 FROM story_documents WHERE document_id = ?");
    for (size_t i = from; i < std::min(pending.size(), from + kBatch); ++i) {
      placed.bind(1, pending[i]);
      bool done = placed.step();
      placed.reset();
      if (!done) placer.place(pending[i], u);
      if (progress) progress(static_cast<int>(i + 1), static_cast<int>(pending.size()));
    }
    tx.commit();
  }
  return u;
}

std::vector<StorySummary> list_stories(const Database& db, const StoryQuery& q) {
  auto since = iso_days(q.since), until = iso_days(q.until);
  Stmt s(db, std::string(kSummarySelect) +
                 " WHERE s.documents >= ?1 AND (?2 IS NULL OR s.last_day >= ?2) AND (?3 IS NULL OR s.first_day <= ?3)"
                 " ORDER BY s.last_day IS NULL, s.last_day DESC, s.documents DESC, s.id LIMIT ?4");
  s.bind(1, int64_t(q.min_documents));
  since ? s.bind(2, int64_t(since->first)) : s.bind_null(2);
  until ? s.bind(3, int64_t(until->second)) : s.bind_null(3);
  s.bind(4, int64_t(q.limit));
  std::vector<StorySummary> out;
  while (s.step()) out.push_back(read_summary(s));
  return out;
}

std::optional<StoryDetail> get_story(const Database& db, int64_t id) {
  Stmt s(db, std::string(kSummarySelect) + " WHERE s.id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  StoryDetail d;
  d.summary = read_summary(s);
  Stmt m(db, "SELECT m.document_id, coalesce(x.title, ''), coalesce(so.name, ''), coalesce(x.published, ''), m.joined_by,"
             " coalesce(m.score, 0) FROM story_documents m JOIN documents x ON x.id = m.document_id"
             " LEFT JOIN sources so ON so.id = x.source_id WHERE m.story_id = ? ORDER BY m.rowid");
  m.bind(1, id);
  while (m.step())
    d.documents.push_back({m.text(0), m.text(1), m.text(2), m.text(3).substr(0, 10), m.text(4), m.real(5)});
  Stmt e(db, "SELECT document_id, ordinal FROM occurrences WHERE story_id = ? ORDER BY id");
  e.bind(1, id);
  while (e.step()) d.events.emplace_back(e.text(0), static_cast<size_t>(e.integer(1)));
  return d;
}

std::optional<int64_t> story_of(const Database& db, const std::string& document) {
  Stmt s(db, "SELECT story_id FROM story_documents WHERE document_id = ? AND story_id IS NOT NULL");
  s.bind(1, resolve_document_id(db, document));
  if (!s.step()) return std::nullopt;
  return s.integer(0);
}

}  // namespace seismo
