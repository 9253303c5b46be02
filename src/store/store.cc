#include "store/store.h"

#include <sqlite3.h>

#include <nlohmann/json.hpp>
#include <algorithm>
#include <stdexcept>

#include "store/schema.h"

namespace seismo {
namespace {

constexpr int kBatch = 256;

// A prepared statement that finalizes itself.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &s_, nullptr) != SQLITE_OK)
      throw std::runtime_error(std::string("database: ") + sqlite3_errmsg(db));
  }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt& bind(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& bind_or_null(int i, const std::string& v) {
    if (v.empty()) sqlite3_bind_null(s_, i);
    else bind(i, v);
    return *this;
  }
  Stmt& bind_null(int i) {
    sqlite3_bind_null(s_, i);
    return *this;
  }
  bool is_null(int col) const { return sqlite3_column_type(s_, col) == SQLITE_NULL; }
  Stmt& bind_real(int i, double v) {
    sqlite3_bind_double(s_, i, v);
    return *this;
  }
  Stmt& bind(int i, int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  bool step() {
    int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) throw std::runtime_error(std::string("database: ") + sqlite3_errmsg(db_));
    return false;
  }
  void run() {
    step();
    reset();
  }
  void reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  std::string text(int col) const {
    auto* t = sqlite3_column_text(s_, col);
    return t ? std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(s_, col)) : std::string();
  }
  int64_t integer(int col) const { return sqlite3_column_int64(s_, col); }
  double real(int col) const { return sqlite3_column_double(s_, col); }

 private:
  sqlite3* db_;
  sqlite3_stmt* s_ = nullptr;
};

std::vector<std::string> parse_string_array(const std::string& s) {
  std::vector<std::string> out;
  auto j = nlohmann::json::parse(s, nullptr, false);
  if (j.is_array()) for (const auto& x : j) if (x.is_string()) out.push_back(x.get<std::string>());
  return out;
}

// `s` with LIKE's wildcards escaped (ESCAPE '\\'), for id-prefix look-ups.
std::string like_escaped(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

// Binds an abuse score to the eight columns from `col`: the six flags, the
// reasons and the targets (JSON arrays).
void bind_abuse(Stmt& s, int col, const AbuseScore& a) {
  const AbuseFlags& f = a.flags;
  s.bind_real(col, f.toxicity).bind_real(col + 1, f.insult).bind_real(col + 2, f.identity_attack);
  s.bind_real(col + 3, f.threat).bind_real(col + 4, f.profanity).bind_real(col + 5, f.sexual);
  nlohmann::json reasons = nlohmann::json::array();
  for (const auto& r : a.reasons) reasons.push_back({r.start, r.end, r.category, r.term});
  s.bind(col + 6, reasons.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  s.bind(col + 7, nlohmann::json(a.targets).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// The abuse score in columns toxicity ... targets from `col`, when scored.
std::optional<AbuseScore> read_abuse(const Stmt& s, int col) {
  if (s.is_null(col)) return std::nullopt;
  AbuseScore a;
  a.flags = AbuseFlags{s.real(col), s.real(col + 1), s.real(col + 2), s.real(col + 3), s.real(col + 4), s.real(col + 5)};
  auto reasons = nlohmann::json::parse(s.text(col + 6), nullptr, false);
  if (reasons.is_array()) {
    for (const auto& r : reasons) {
      if (r.is_array() && r.size() == 4 && r[0].is_number() && r[1].is_number() && r[2].is_string() && r[3].is_string())
        a.reasons.push_back(AbuseReason{r[0].get<size_t>(), r[1].get<size_t>(), r[2].get<std::string>(), r[3].get<std::string>()});
    }
  }
  a.targets = parse_string_array(s.text(col + 7));
  return a;
}

}  // namespace

struct Store::Prepared {
  explicit Prepared(sqlite3* db)
      : exists(db, "SELECT 1 FROM documents WHERE id = ?"),
        add_uri(db, "INSERT OR IGNORE INTO document_uris(document_id, uri) VALUES (?, ?)"),
        add_source(db, "INSERT OR IGNORE INTO sources(name, site) VALUES (?, ?)"),
        get_source(db, "SELECT id FROM sources WHERE name = ? AND site IS ?"),
        add_document(db,
                     "INSERT INTO documents(id, source_id, title, authors, published, published_from,"
                     " published_estimated, language, script, body, republished_from, canonical_url, format, raw_bytes)"
                     " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        add_fts(db, "INSERT INTO documents_fts(rowid, title, body) VALUES (?, ?, ?)"),
        add_comment(db,
                    "INSERT INTO comments(document_id, ordinal, parent, depth, author, posted, text, language,"
                    " toxicity, insult, identity_attack, threat, profanity, sexual, reasons, targets)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        comments_unscored(db, "SELECT 1 FROM comments WHERE document_id = ? AND toxicity IS NULL LIMIT 1"),
        score_comment(db,
                      "UPDATE comments SET toxicity = ?, insult = ?, identity_attack = ?, threat = ?, profanity = ?,"
                      " sexual = ?, reasons = ?, targets = ? WHERE document_id = ? AND ordinal = ? AND toxicity IS NULL"),
        count_page(db, "INSERT INTO site_pages(site, pages) VALUES (?, 1) ON CONFLICT(site) DO UPDATE SET pages = pages + 1"),
        count_paragraph(db,
                        "INSERT INTO site_paragraphs(site, fingerprint, pages) VALUES (?, ?, 1)"
                        " ON CONFLICT(site, fingerprint) DO UPDATE SET pages = pages + 1"),
        has_entities(db, "SELECT 1 FROM entities WHERE document_id = ? LIMIT 1"),
        add_entity(db,
                   "INSERT INTO entities(document_id, ordinal, kind, text, start, \"end\", name, code, geonameid, lat, lon,"
                   " country, feature_code, confidence, date_value, date_precision)"
                   " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        events_coded(db, "SELECT 1 FROM events_coded WHERE document_id = ?"),
        mark_coded(db, "INSERT OR IGNORE INTO events_coded(document_id) VALUES (?)"),
        add_event(db,
                  "INSERT INTO events(document_id, ordinal, sentence, sentence_start, sentence_end,"
                  " source_text, source_code, source_start, source_end, target_text, target_code, target_start, target_end,"
                  " cameo, label, goldstein, plover, acled_event_type, acled_sub_event_type, verb, pattern,"
                  " place_text, place_start, place_end, place_name, geonameid, lat, lon, country, feature_code,"
                  " place_confidence, date_value, date_precision, date_from_publication, attributed_to, modality, confidence)"
                  " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)") {}
  Stmt exists, add_uri, add_source, get_source, add_document, add_fts, add_comment, count_page, count_paragraph,
      has_entities, add_entity, events_coded, mark_coded, add_event, comments_unscored, score_comment;
};

Store::Store(const std::string& path) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : "cannot open";
    sqlite3_close(db_);
    db_ = nullptr;
    throw std::runtime_error(path + ": " + msg);
  }
  sqlite3_busy_timeout(db_, 5000);
  try {
    exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
    int version = schema_version();
    const auto& migrations = schema_migrations();
    if (version > static_cast<int>(migrations.size()))
      throw std::runtime_error("database schema version " + std::to_string(version) +
                               " is newer than this seismo understands (" + std::to_string(migrations.size()) + ")");
    for (size_t v = static_cast<size_t>(version); v < migrations.size(); ++v) {
      exec("BEGIN IMMEDIATE");
      try {
        exec(migrations[v]);
        exec(("PRAGMA user_version=" + std::to_string(v + 1)).c_str());
        exec("COMMIT");
      } catch (...) {
        exec("ROLLBACK");
        throw;
      }
    }
    prepared_ = std::make_unique<Prepared>(db_);
  } catch (const std::runtime_error& e) {
    prepared_.reset();
    sqlite3_close(db_);
    db_ = nullptr;
    throw std::runtime_error(path + ": " + e.what());
  }
}

Store::~Store() {
  prepared_.reset();  // statements are finalized before the connection closes
  if (db_) {
    if (pending_ > 0) sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close(db_);
  }
}

void Store::exec(const char* sql) const {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    throw std::runtime_error("database: " + msg);
  }
}

int Store::schema_version() const {
  Stmt s(db_, "PRAGMA user_version");
  return s.step() ? static_cast<int>(s.integer(0)) : 0;
}

IngestRun Store::begin_run(const std::vector<std::string>& inputs) {
  nlohmann::json j = inputs;
  Stmt s(db_, "INSERT INTO ingest_runs(inputs) VALUES (?)");
  s.bind(1, j.dump()).run();
  IngestRun run;
  run.id = sqlite3_last_insert_rowid(db_);
  return run;
}

void Store::commit_batch() {
  if (pending_ > 0) {
    exec("COMMIT");
    pending_ = 0;
  }
}

void Store::add(IngestRun& run, const DocumentRecord& d) {
  if (pending_ == 0) exec("BEGIN IMMEDIATE");
  ++pending_;
  Prepared& q = *prepared_;
  // One savepoint per document: it is stored whole or not at all.
  exec("SAVEPOINT doc");
  try {
    q.exists.bind(1, d.id);
    bool known = q.exists.step();
    q.exists.reset();
    if (known) {
      int added = 0;
      for (const auto& u : d.uris) {
        q.add_uri.bind(1, d.id).bind(2, u).run();
        added += sqlite3_changes(db_);
      }
      if (added) ++run.urls_added;
      else ++run.documents_known;
      // A document stored before entities were recognised gains them once;
      // one that has them keeps them (re-ingesting changes nothing).
      if (!d.entities.empty()) {
        q.has_entities.bind(1, d.id);
        bool has = q.has_entities.step();
        q.has_entities.reset();
        if (!has) insert_entities(d);
      }
      // Comments stored before they were scored gain their scores once.
      if (!d.comments.empty() && d.comments.front().abuse) {
        q.comments_unscored.bind(1, d.id);
        bool unscored = q.comments_unscored.step();
        q.comments_unscored.reset();
        if (unscored) score_comments(d);
      }
      // Likewise events: coded once, by the first ingest that codes them.
      if (d.events_coded) {
        q.events_coded.bind(1, d.id);
        bool coded = q.events_coded.step();
        q.events_coded.reset();
        if (!coded) insert_events(d);
      }
    } else {
      insert_new(d);
      ++run.documents_new;
    }
    exec("RELEASE doc");
  } catch (...) {
    for (Stmt* st : {&q.exists, &q.add_uri, &q.add_source, &q.get_source, &q.add_document, &q.add_fts, &q.add_comment,
                     &q.count_page, &q.count_paragraph, &q.has_entities, &q.add_entity, &q.events_coded, &q.mark_coded,
                     &q.add_event, &q.comments_unscored, &q.score_comment})
      st->reset();
    exec("ROLLBACK TO doc");
    exec("RELEASE doc");
    throw;
  }
  if (pending_ >= kBatch) commit_batch();
}

void Store::insert_new(const DocumentRecord& d) {
  Prepared& q = *prepared_;
  int64_t source_id = 0;
  if (!d.source.empty()) {
    q.add_source.bind(1, d.source).bind(2, d.site).run();
    q.get_source.bind(1, d.source).bind_or_null(2, d.site);
    if (q.get_source.step()) source_id = q.get_source.integer(0);
    q.get_source.reset();
  }
  Stmt& doc = q.add_document;
  doc.bind(1, d.id);
  if (source_id) doc.bind(2, source_id);
  doc.bind_or_null(3, d.title).bind(4, nlohmann::json(d.authors).dump()).bind_or_null(5, d.published);
  doc.bind_or_null(6, d.published_from).bind(7, int64_t(d.published_estimated)).bind_or_null(8, d.language);
  doc.bind_or_null(9, d.script).bind(10, d.body).bind_or_null(11, d.republished_from);
  doc.bind_or_null(12, d.canonical_url).bind(13, d.format).bind(14, int64_t(d.raw_bytes));
  doc.run();
  q.add_fts.bind(1, sqlite3_last_insert_rowid(db_)).bind(2, d.title).bind(3, d.body).run();
  for (const auto& u : d.uris) q.add_uri.bind(1, d.id).bind(2, u).run();
  for (size_t k = 0; k < d.comments.size(); ++k) {
    const auto& c = d.comments[k];
    Stmt& com = q.add_comment;
    com.bind(1, d.id).bind(2, int64_t(k));
    if (c.parent >= 0) com.bind(3, int64_t(c.parent));
    else com.bind_null(3);
    com.bind(4, int64_t(c.depth)).bind_or_null(5, c.author).bind_or_null(6, c.posted).bind(7, c.text);
    com.bind_or_null(8, c.language);
    if (c.abuse) bind_abuse(com, 9, *c.abuse);
    com.run();
  }
  insert_entities(d);
  if (d.events_coded) insert_events(d);
  if (!d.site.empty() && !d.paragraph_fingerprints.empty()) {
    q.count_page.bind(1, d.site).run();
    std::vector<uint64_t> fps = d.paragraph_fingerprints;
    std::sort(fps.begin(), fps.end());
    fps.erase(std::unique(fps.begin(), fps.end()), fps.end());
    for (uint64_t f : fps) q.count_paragraph.bind(1, d.site).bind(2, static_cast<int64_t>(f)).run();
  }
}

void Store::insert_entities(const DocumentRecord& d) {
  Stmt& s = prepared_->add_entity;
  for (size_t k = 0; k < d.entities.size(); ++k) {
    const EntityMention& m = d.entities[k];
    s.bind(1, d.id).bind(2, int64_t(k));
    s.bind(3, std::string(entity_kind_name(m.kind)));
    s.bind(4, m.text).bind(5, int64_t(m.start)).bind(6, int64_t(m.end));
    if (m.place) {
      s.bind(7, m.place->name);
      if (m.place->geonameid) s.bind(9, int64_t(m.place->geonameid));
      s.bind_real(10, m.place->lat).bind_real(11, m.place->lon).bind_or_null(12, m.place->country);
      s.bind_or_null(13, m.place->feature_code).bind_real(14, m.place->confidence);
    }
    if (m.actor) s.bind(7, m.actor->name).bind(8, m.actor->code);
    if (m.date) {
      s.bind(15, m.date->value);
      s.bind(16, std::string(date_precision_name(m.date->precision)));
    }
    s.run();
  }
  // Rare (a dump of a document), so not a prepared statement.
  if (d.entities_truncated) Stmt(db_, "UPDATE documents SET entities_truncated = 1 WHERE id = ?").bind(1, d.id).run();
}

void Store::score_comments(const DocumentRecord& d) {
  Stmt& s = prepared_->score_comment;
  for (size_t k = 0; k < d.comments.size(); ++k) {
    if (!d.comments[k].abuse) continue;
    bind_abuse(s, 1, *d.comments[k].abuse);
    s.bind(9, d.id).bind(10, int64_t(k)).run();
  }
}

void Store::insert_events(const DocumentRecord& d) {
  Stmt& s = prepared_->add_event;
  auto participant = [&](int col, const std::optional<EventParticipant>& p) {
    if (!p) return;
    s.bind(col, p->text).bind_or_null(col + 1, p->code).bind(col + 2, int64_t(p->start)).bind(col + 3, int64_t(p->end));
  };
  for (size_t k = 0; k < d.events.size(); ++k) {
    const Event& e = d.events[k];
    s.bind(1, d.id).bind(2, int64_t(k)).bind(3, e.sentence).bind(4, int64_t(e.sentence_start));
    s.bind(5, int64_t(e.sentence_end));
    participant(6, e.source);
    participant(10, e.target);
    const ActionCode& a = e.action;
    s.bind(14, a.cameo).bind_or_null(15, a.label).bind_real(16, a.goldstein).bind_or_null(17, a.plover);
    s.bind_or_null(18, a.acled_event_type).bind_or_null(19, a.acled_sub_event_type);
    s.bind_or_null(20, e.verb).bind_or_null(21, e.pattern);
    if (e.place && e.place->place) {
      const ResolvedPlace& p = *e.place->place;
      s.bind(22, e.place->text).bind(23, int64_t(e.place->start)).bind(24, int64_t(e.place->end)).bind(25, p.name);
      if (p.geonameid) s.bind(26, int64_t(p.geonameid));
      s.bind_real(27, p.lat).bind_real(28, p.lon).bind_or_null(29, p.country).bind_or_null(30, p.feature_code);
      s.bind_real(31, p.confidence);
    }
    if (e.date) s.bind(32, e.date->value).bind(33, std::string(date_precision_name(e.date->precision)));
    s.bind(34, int64_t(e.date_from_publication)).bind_or_null(35, e.attributed_to);
    s.bind(36, std::string(modality_name(e.modality))).bind_real(37, e.confidence);
    s.run();
  }
  prepared_->mark_coded.bind(1, d.id).run();
  if (d.events_truncated) Stmt(db_, "UPDATE documents SET events_truncated = 1 WHERE id = ?").bind(1, d.id).run();
}

void Store::add_error(IngestRun& run, const std::string& where, const std::string& message) {
  ++run.errors;
  Stmt s(db_, "INSERT INTO ingest_errors(run_id, location, message) VALUES (?, ?, ?)");
  s.bind(1, run.id).bind(2, where).bind(3, message).run();
}

void Store::finish_run(IngestRun& run) {
  commit_batch();
  Stmt s(db_,
         "UPDATE ingest_runs SET finished_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), documents_new = ?,"
         " documents_known = ?, urls_added = ?, errors = ? WHERE id = ?");
  s.bind(1, int64_t(run.documents_new)).bind(2, int64_t(run.documents_known)).bind(3, int64_t(run.urls_added));
  s.bind(4, int64_t(run.errors)).bind(5, run.id).run();
}

std::vector<DocumentSummary> Store::list_documents(int limit) const {
  Stmt s(db_,
         "SELECT d.id, d.published, s.name, d.title, (SELECT count(*) FROM comments c WHERE c.document_id = d.id)"
         " FROM documents d LEFT JOIN sources s ON s.id = d.source_id"
         " ORDER BY d.published IS NULL, d.published, d.rowid LIMIT ?");
  s.bind(1, int64_t(limit));
  std::vector<DocumentSummary> out;
  while (s.step()) out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), static_cast<int>(s.integer(4))});
  return out;
}

namespace {

// An entity from columns kind, text, start, end, name, code, geonameid,
// lat, lon, country, feature_code, confidence, date_value, date_precision
// starting at `col`.
EntityMention read_entity(const Stmt& e, int col) {
  EntityMention m;
  EntityKind kind = parse_entity_kind(e.text(col));
  m.text = e.text(col + 1);
  m.start = static_cast<size_t>(e.integer(col + 2));
  m.end = static_cast<size_t>(e.integer(col + 3));
  if (kind == EntityKind::kPlace) {
    m.kind = EntityKind::kPlace;
    m.place = ResolvedPlace{e.text(col + 4), static_cast<uint32_t>(e.integer(col + 6)), e.real(col + 7), e.real(col + 8),
                            e.text(col + 9), e.text(col + 10), e.real(col + 11)};
  } else if (kind == EntityKind::kActor) {
    m.kind = EntityKind::kActor;
    m.actor = ActorRef{e.text(col + 4), e.text(col + 5)};
  } else {
    m.kind = EntityKind::kDate;
    std::string p = e.text(col + 13);
    m.date = DateRef{e.text(col + 12), parse_date_precision(p)};
  }
  return m;
}

constexpr const char* kEventColumns =
    "e.sentence, e.sentence_start, e.sentence_end, e.source_text, e.source_code, e.source_start, e.source_end,"
    " e.target_text, e.target_code, e.target_start, e.target_end, e.cameo, e.label, e.goldstein, e.plover,"
    " e.acled_event_type, e.acled_sub_event_type, e.verb, e.pattern, e.place_text, e.place_start, e.place_end,"
    " e.place_name, e.geonameid, e.lat, e.lon, e.country, e.feature_code, e.place_confidence, e.date_value,"
    " e.date_precision, e.date_from_publication, e.attributed_to, e.modality, e.confidence";

// An event from kEventColumns starting at `col`.
Event read_event(const Stmt& s, int col) {
  Event e;
  e.sentence = s.text(col);
  e.sentence_start = static_cast<size_t>(s.integer(col + 1));
  e.sentence_end = static_cast<size_t>(s.integer(col + 2));
  auto participant = [&](int c) -> std::optional<EventParticipant> {
    if (s.is_null(c)) return std::nullopt;
    return EventParticipant{s.text(c), s.text(c + 1), static_cast<size_t>(s.integer(c + 2)),
                            static_cast<size_t>(s.integer(c + 3))};
  };
  e.source = participant(col + 3);
  e.target = participant(col + 7);
  e.action = ActionCode{s.text(col + 11), s.text(col + 12), s.real(col + 13), s.text(col + 14), s.text(col + 15),
                        s.text(col + 16)};
  e.verb = s.text(col + 17);
  e.pattern = s.text(col + 18);
  if (!s.is_null(col + 19)) {
    EntityMention m;
    m.kind = EntityKind::kPlace;
    m.text = s.text(col + 19);
    m.start = static_cast<size_t>(s.integer(col + 20));
    m.end = static_cast<size_t>(s.integer(col + 21));
    m.place = ResolvedPlace{s.text(col + 22), static_cast<uint32_t>(s.integer(col + 23)), s.real(col + 24),
                            s.real(col + 25), s.text(col + 26), s.text(col + 27), s.real(col + 28)};
    e.place = std::move(m);
  }
  if (!s.is_null(col + 29)) e.date = DateRef{s.text(col + 29), parse_date_precision(s.text(col + 30))};
  e.date_from_publication = s.integer(col + 31) != 0;
  e.attributed_to = s.text(col + 32);
  e.modality = parse_modality(s.text(col + 33));
  e.confidence = s.real(col + 34);
  return e;
}

DocumentRecord read_record(sqlite3* db, Stmt& s) {
  DocumentRecord d;
  d.id = s.text(0);
  d.source = s.text(1);
  d.site = s.text(2);
  d.title = s.text(3);
  d.authors = parse_string_array(s.text(4));
  d.published = s.text(5);
  d.published_from = s.text(6);
  d.published_estimated = s.integer(7) != 0;
  d.language = s.text(8);
  d.script = s.text(9);
  d.body = s.text(10);
  d.republished_from = s.text(11);
  d.canonical_url = s.text(12);
  d.format = s.text(13);
  d.raw_bytes = static_cast<size_t>(s.integer(14));
  d.entities_truncated = s.integer(15) != 0;
  d.events_truncated = s.integer(16) != 0;
  Stmt u(db, "SELECT uri FROM document_uris WHERE document_id = ? ORDER BY rowid");
  u.bind(1, d.id);
  while (u.step()) d.uris.push_back(u.text(0));
  Stmt c(db,
         "SELECT author, posted, text, language, depth, parent, toxicity, insult, identity_attack, threat, profanity,"
         " sexual, reasons, targets FROM comments WHERE document_id = ? ORDER BY ordinal");
  c.bind(1, d.id);
  while (c.step()) {
    CommentRecord r{c.text(0), c.text(1), c.text(2), c.text(3), static_cast<int>(c.integer(4)), -1, read_abuse(c, 6)};
    if (!c.is_null(5)) r.parent = static_cast<int>(c.integer(5));
    d.comments.push_back(std::move(r));
  }
  Stmt e(db,
         "SELECT kind, text, start, \"end\", name, code, geonameid, lat, lon, country, feature_code, confidence,"
         " date_value, date_precision FROM entities WHERE document_id = ? ORDER BY ordinal");
  e.bind(1, d.id);
  while (e.step()) d.entities.push_back(read_entity(e, 0));
  Stmt coded(db, "SELECT 1 FROM events_coded WHERE document_id = ?");
  coded.bind(1, d.id);
  d.events_coded = coded.step();
  Stmt ev(db, (std::string("SELECT ") + kEventColumns + " FROM events e WHERE e.document_id = ? ORDER BY e.ordinal").c_str());
  ev.bind(1, d.id);
  while (ev.step()) d.events.push_back(read_event(ev, 0));
  return d;
}

constexpr const char* kSelectDocument =
    "SELECT d.id, s.name, s.site, d.title, d.authors, d.published, d.published_from, d.published_estimated,"
    " d.language, d.script, d.body, d.republished_from, d.canonical_url, d.format, d.raw_bytes,"
    " d.entities_truncated, d.events_truncated"
    " FROM documents d LEFT JOIN sources s ON s.id = d.source_id";

}  // namespace

std::optional<DocumentRecord> Store::get_document(const std::string& id_or_prefix) const {
  Stmt s(db_, (std::string(kSelectDocument) + " WHERE d.id LIKE ? || '%' ESCAPE '\\' LIMIT 2").c_str());
  s.bind(1, like_escaped(id_or_prefix));
  if (!s.step()) return std::nullopt;
  DocumentRecord d = read_record(db_, s);
  if (s.step()) throw std::runtime_error("id prefix '" + id_or_prefix + "' matches more than one document");
  return d;
}

void Store::for_each_document(const std::function<void(const DocumentRecord&)>& f) const {
  Stmt s(db_, (std::string(kSelectDocument) + " ORDER BY d.published IS NULL, d.published, d.rowid").c_str());
  while (s.step()) f(read_record(db_, s));
}

void Store::for_each_entity(const std::string& kind,
                            const std::function<void(const std::string&, const EntityMention&)>& f) const {
  Stmt s(db_,
         "SELECT e.document_id, e.kind, e.text, e.start, e.\"end\", e.name, e.code, e.geonameid, e.lat, e.lon, e.country,"
         " e.feature_code, e.confidence, e.date_value, e.date_precision FROM entities e JOIN documents d ON d.id = e.document_id"
         " WHERE ?1 = '' OR e.kind = ?1 ORDER BY d.published IS NULL, d.published, d.rowid, e.ordinal");
  s.bind(1, kind);
  while (s.step()) f(s.text(0), read_entity(s, 1));
}

std::vector<Store::EntityCount> Store::count_entities(const std::string& kind, int limit) const {
  // Places group by what they resolved to (both "Mitrovica" and
  // "Mitrovicë" count for one town); actors by code and name.
  Stmt s(db_,
         "SELECT kind, (SELECT text FROM entities x WHERE x.kind = e.kind AND x.name IS e.name AND x.code IS e.code"
         "   AND x.geonameid IS e.geonameid GROUP BY text ORDER BY count(*) DESC LIMIT 1),"
         " 0, 0, name, code, geonameid, lat, lon, country, feature_code, max(confidence), NULL, NULL,"
         " count(*), count(DISTINCT document_id)"
         " FROM entities e WHERE kind = ?1 GROUP BY name, code, geonameid, lat, lon ORDER BY count(*) DESC, name LIMIT ?2");
  s.bind(1, kind).bind(2, int64_t(limit));
  std::vector<EntityCount> out;
  while (s.step()) out.push_back(EntityCount{read_entity(s, 0), static_cast<int>(s.integer(14)), static_cast<int>(s.integer(15))});
  return out;
}

void Store::for_each_event(const EventQuery& q, const std::function<void(const StoredEvent&)>& f) const {
  // Dates compare as ISO text: a month or year overlaps `since` when its
  // padded end ("2022-12-99") is not before it, and `until` when its start
  // is not after it; an interval ("2022-12-10/2022-12-12") by its ends.
  std::string sql = std::string("SELECT e.document_id, e.ordinal, d.published, s.name, d.title, ") + kEventColumns +
                    " FROM events e JOIN documents d ON d.id = e.document_id LEFT JOIN sources s ON s.id = d.source_id"
                    " WHERE (?1 = '' OR (e.date_value GLOB '[0-9]*' AND"
                    "   (CASE WHEN instr(e.date_value, '/') > 0 THEN substr(e.date_value, instr(e.date_value, '/') + 1)"
                    "    ELSE e.date_value END) || '-99-99' >= ?1))"
                    " AND (?2 = '' OR (e.date_value GLOB '[0-9]*' AND substr(e.date_value, 1, 10) <= ?2))"
                    " AND (?3 = '' OR e.source_code LIKE ?3 || '%' OR e.target_code LIKE ?3 || '%')"
                    " AND (?4 = '' OR (?4 GLOB '[0-9]*' AND e.cameo LIKE ?4 || '%')"
                    "   OR lower(e.acled_event_type) = lower(?4) OR lower(e.acled_sub_event_type) = lower(?4)"
                    "   OR lower(e.plover) = lower(?4))"
                    " ORDER BY e.date_value IS NULL, substr(e.date_value, 1, 10), d.published, d.rowid, e.ordinal";
  Stmt s(db_, sql.c_str());
  s.bind(1, q.since).bind(2, q.until).bind(3, q.actor).bind(4, q.type);
  while (s.step()) {
    StoredEvent row;
    row.doc_id = s.text(0);
    row.ordinal = static_cast<size_t>(s.integer(1));
    row.published = s.text(2);
    row.source = s.text(3);
    row.title = s.text(4);
    row.event = read_event(s, 5);
    f(row);
  }
}

void Store::for_each_comment(const CommentQuery& q, const std::function<void(const StoredComment&)>& f) const {
  Stmt s(db_,
         "SELECT c.document_id, c.ordinal, src.name, d.title, c.author, c.posted, c.text, c.language, c.depth, c.parent,"
         " c.toxicity, c.insult, c.identity_attack, c.threat, c.profanity, c.sexual, c.reasons, c.targets"
         " FROM comments c JOIN documents d ON d.id = c.document_id LEFT JOIN sources src ON src.id = d.source_id"
         " WHERE (?1 = '' OR c.document_id LIKE ?1 || '%' ESCAPE '\\') AND (?2 = 0 OR c.toxicity >= 0.5)"
         " AND (?3 = '' OR c.language = ?3)"
         " ORDER BY d.published IS NULL, d.published, d.rowid, c.ordinal");
  s.bind(1, like_escaped(q.doc)).bind(2, int64_t(q.flagged)).bind(3, q.language);
  while (s.step()) {
    StoredComment row;
    row.doc_id = s.text(0);
    row.ordinal = static_cast<size_t>(s.integer(1));
    row.source = s.text(2);
    row.title = s.text(3);
    row.comment = CommentRecord{s.text(4), s.text(5), s.text(6), s.text(7), static_cast<int>(s.integer(8)), -1,
                                read_abuse(s, 10)};
    if (!s.is_null(9)) row.comment.parent = static_cast<int>(s.integer(9));
    f(row);
  }
}

std::vector<Store::AbuseSummary> Store::abuse_summary(bool by_outlet, int limit) const {
  std::string key = by_outlet ? "coalesce(src.name, '')" : "d.id";
  std::string label = by_outlet ? "coalesce(src.name, '')" : "coalesce(d.title, '')";
  Stmt s(db_, ("SELECT " + key + ", " + label + ", count(*), count(c.toxicity), sum(c.toxicity >= 0.5)"
               " FROM comments c JOIN documents d ON d.id = c.document_id LEFT JOIN sources src ON src.id = d.source_id"
               " GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ?")
                  .c_str());
  s.bind(1, int64_t(limit));
  std::vector<AbuseSummary> out;
  while (s.step()) {
    out.push_back(AbuseSummary{s.text(0), s.text(1), static_cast<int>(s.integer(2)), static_cast<int>(s.integer(3)),
                               static_cast<int>(s.integer(4)), {}});
  }
  Stmt t(db_, ("SELECT t.value, count(*) FROM comments c JOIN documents d ON d.id = c.document_id"
               " LEFT JOIN sources src ON src.id = d.source_id, json_each(c.targets) t"
               " WHERE c.identity_attack >= 0.5 AND " + key + " = ? GROUP BY t.value ORDER BY count(*) DESC, t.value LIMIT 5")
                  .c_str());
  for (auto& row : out) {
    t.bind(1, row.key);
    while (t.step()) row.targets.emplace_back(t.text(0), static_cast<int>(t.integer(1)));
    t.reset();
  }
  return out;
}

int Store::count_events() const {
  Stmt s(db_, "SELECT count(*) FROM events");
  return s.step() ? static_cast<int>(s.integer(0)) : 0;
}

std::vector<SearchHit> Store::search(const std::string& query, int limit) const {
  auto run = [&](const std::string& q) {
    Stmt s(db_,
           "SELECT d.id, d.title, s.name, d.published, snippet(documents_fts, 1, '[', ']', '…', 14),"
           " bm25(documents_fts, 5.0, 1.0) AS r FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
           " LEFT JOIN sources s ON s.id = d.source_id WHERE documents_fts MATCH ? ORDER BY r LIMIT ?");
    s.bind(1, q).bind(2, int64_t(limit));
    std::vector<SearchHit> out;
    while (s.step()) out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.real(5)});
    return out;
  };
  try {
    return run(query);
  } catch (const std::runtime_error&) {
    // Not valid FTS5 syntax: search for the words as they are.
    std::string quoted;
    std::string word;
    auto flush = [&] {
      if (word.empty()) return;
      std::string esc;
      for (char c : word) { if (c == '"') esc += "\"\""; else esc += c; }
      quoted += (quoted.empty() ? "" : " ") + ("\"" + esc + "\"");
      word.clear();
    };
    for (char c : query) {
      if (c == ' ') flush();
      else word.push_back(c);
    }
    flush();
    if (quoted.empty()) return {};
    return run(quoted);
  }
}

int Store::count_documents() const {
  Stmt s(db_, "SELECT count(*) FROM documents");
  return s.step() ? static_cast<int>(s.integer(0)) : 0;
}

int Store::count_comments() const {
  Stmt s(db_, "SELECT count(*) FROM comments");
  return s.step() ? static_cast<int>(s.integer(0)) : 0;
}

void Store::load_templates(SiteTemplates& templates) const {
  Stmt pages(db_, "SELECT site, pages FROM site_pages");
  while (pages.step()) templates.site(pages.text(0)).pages = static_cast<int>(pages.integer(1));
  // Only paragraphs seen more than once can ever be template text.
  Stmt paras(db_, "SELECT site, fingerprint, pages FROM site_paragraphs WHERE pages > 1");
  while (paras.step()) {
    templates.site(paras.text(0)).paragraphs[static_cast<uint64_t>(paras.integer(1))] = static_cast<int>(paras.integer(2));
  }
}

}  // namespace seismo
