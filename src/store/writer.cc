#include "store/writer.h"

#include <signal.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "store/rows.h"
#include "store/search_tokenizer.h"

namespace seismo {
namespace {

std::string host_name() {
  char buf[256] = {};
  if (gethostname(buf, sizeof buf - 1) != 0) return "";
  return buf;
}

bool process_alive(int64_t pid) {
  if (pid <= 0 || pid == getpid()) return false;
  return kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

// Errors a single document can cause (too big, a constraint); any other
// failure is the store's.
bool is_document_error(int code) {
  return code == SQLITE_TOOBIG || code == SQLITE_CONSTRAINT || code == SQLITE_MISMATCH || code == SQLITE_RANGE;
}

size_t text_bytes(const DocumentRecord& d) {
  size_t n = d.body.size() + d.title.size();
  for (const auto& c : d.comments) n += c.text.size();
  return n;
}

}  // namespace

struct IngestWriter::Statements {
  explicit Statements(const Database& db)
      : exists(db, "SELECT source_id IS NULL FROM documents WHERE id = ?"),
        add_uri(db, "INSERT OR IGNORE INTO document_uris(document_id, uri) VALUES (?, ?)"),
        add_sighting(db,
                     "INSERT OR IGNORE INTO sightings(document_id, uri, source_id, published, republished_from)"
                     " VALUES (?, ?, (SELECT id FROM sources WHERE name = ? AND site = ?), ?, ?)"),
        add_source(db, "INSERT OR IGNORE INTO sources(name, site) VALUES (?, ?)"),
        get_source(db, "SELECT id FROM sources WHERE name = ? AND site = ?"),
        set_source(db, "UPDATE documents SET source_id = ? WHERE id = ? AND source_id IS NULL"),
        add_document(db,
                     "INSERT INTO documents(id, source_id, title, authors, published, published_from,"
                     " published_estimated, language, script, body, republished_from, canonical_url, format, raw_bytes)"
                     " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING rowid"),
        add_fts(db, "INSERT INTO documents_fts(rowid, title, body) VALUES (?, ?, ?)"),
        add_comment(db,
                    "INSERT INTO comments(document_id, ordinal, parent, depth, author, posted, text, language,"
                    " toxicity, insult, identity_attack, threat, profanity, sexual, reasons, targets)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        add_comment_fts(db, "INSERT INTO comments_fts(text, document_id, ordinal) VALUES (?, ?, ?)"),
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
                   " country, feature_code, confidence, date_value, date_precision, role, parents)"
                   " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        events_coded(db, "SELECT 1 FROM events_coded WHERE document_id = ?"),
        mark_coded(db, "INSERT OR IGNORE INTO events_coded(document_id) VALUES (?)"),
        add_event(db,
                  "INSERT INTO events(document_id, ordinal, sentence, sentence_start, sentence_end,"
                  " source_text, source_code, source_start, source_end, target_text, target_code, target_start, target_end,"
                  " cameo, label, goldstein, plover, acled_event_type, acled_sub_event_type, verb, pattern,"
                  " place_text, place_start, place_end, place_name, geonameid, lat, lon, country, feature_code,"
                  " place_confidence, date_value, date_precision, date_from_publication, attributed_to, modality, confidence,"
                  " historical, place_parents)"
                  " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        add_error(db, "INSERT INTO ingest_errors(run_id, location, message) VALUES (?, ?, ?)"),
        update_run(db,
                   "UPDATE ingest_runs SET documents_new = ?, documents_known = ?, urls_added = ?, errors = ?, status = ?,"
                   " finished_at = CASE WHEN ?5 = 'running' THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%SZ', 'now') END"
                   " WHERE id = ?") {}

  // After a failed document every statement is reset, so that none holds
  // a half-stepped state into the next one.
  void reset_all() {
    for (Stmt* s : {&exists, &add_uri, &add_sighting, &add_source, &get_source, &set_source, &add_document, &add_fts, &add_comment,
                    &add_comment_fts, &comments_unscored, &score_comment, &count_page, &count_paragraph, &has_entities,
                    &add_entity, &events_coded, &mark_coded, &add_event, &add_error, &update_run})
      s->reset();
  }

  Stmt exists, add_uri, add_sighting, add_source, get_source, set_source, add_document, add_fts, add_comment, add_comment_fts,
      comments_unscored, score_comment, count_page, count_paragraph, has_entities, add_entity, events_coded, mark_coded,
      add_event, add_error, update_run;
};

IngestWriter::IngestWriter(const Database& db, const std::vector<std::string>& inputs, WriterOptions options)
    : db_(db), options_(options) {
  if (db.access() != Access::kWrite) throw StoreError(db.path() + ": opened read-only; an ingest needs to write it");
  std::string host = host_name();
  WriteTransaction t(db_);
  {
    // A run left 'running' by a process of this host that no longer exists
    // was killed: say so instead of leaving it unfinished forever.
    Stmt stale(db_, "SELECT id, pid FROM ingest_runs WHERE status = 'running' AND host = ?");
    stale.bind(1, host);
    std::vector<int64_t> dead;
    while (stale.step())
      if (!process_alive(stale.integer(1))) dead.push_back(stale.integer(0));
    Stmt mark(db_, "UPDATE ingest_runs SET status = 'interrupted' WHERE id = ?");
    for (int64_t id : dead) mark.bind(1, id).run();
  }
  Stmt s(db_, "INSERT INTO ingest_runs(inputs, status, pid, host) VALUES (?, 'running', ?, ?) RETURNING id");
  s.bind(1, string_array_json(inputs)).bind(2, int64_t(getpid())).bind(3, host);
  if (s.step()) run_.id = s.integer(0);
  s.reset();
  t.commit();
  q_ = std::make_unique<Statements>(db_);
}

IngestWriter::~IngestWriter() {
  if (finished_) return;
  // Best effort: the documents already committed stay; the run says it failed.
  try {
    q_.reset();
    Stmt s(db_, "UPDATE ingest_runs SET status = 'failed', finished_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?");
    s.bind(1, run_.id).run();
  } catch (...) {
  }
}

void IngestWriter::add_error(const std::string& where, const std::string& message, bool warning) {
  std::lock_guard<std::mutex> lock(errors_mutex_);
  errors_.push_back({where, message, warning});
}

void IngestWriter::add(DocumentRecord&& doc) {
  if (pending_.empty()) oldest_ = std::chrono::steady_clock::now();
  pending_bytes_ += text_bytes(doc);
  pending_.push_back(std::move(doc));
  if (pending_.size() >= options_.batch_documents || pending_bytes_ >= options_.batch_bytes ||
      std::chrono::steady_clock::now() - oldest_ >= options_.batch_age)
    flush();
}

void IngestWriter::finish() {
  flush();
  WriteTransaction t(db_);
  update_run_row("finished");
  t.commit();
  finished_ = true;
}

void IngestWriter::update_run_row(const char* status) {
  q_->update_run.bind(1, int64_t(run_.documents_new)).bind(2, int64_t(run_.documents_known));
  q_->update_run.bind(3, int64_t(run_.urls_added)).bind(4, int64_t(run_.errors)).bind(5, std::string(status));
  q_->update_run.bind(6, run_.id).run();
}

void IngestWriter::flush() {
  std::vector<QueuedError> errors;
  {
    std::lock_guard<std::mutex> lock(errors_mutex_);
    errors.swap(errors_);
  }
  if (pending_.empty() && errors.empty()) return;
  IngestRun before = run_;
  try {
    WriteTransaction t(db_);
    for (const auto& e : errors) {
      q_->add_error.bind(1, run_.id).bind(2, e.where).bind(3, e.message).run();
      if (!e.warning) ++run_.errors;
    }
    for (const auto& d : pending_) write_document(d);
    update_run_row("running");
    t.commit();
  } catch (const StoreError& e) {
    // The whole batch is lost with the transaction: say how much of the
    // run is not in the store, and that running it again stores it.
    q_->reset_all();
    int stored = before.documents_new + before.documents_known;
    run_ = before;
    throw StoreError(std::string(e.what()) + "; " + std::to_string(pending_.size()) +
                         " documents of this batch were not stored (" + std::to_string(stored) +
                         " of the run were); running the same ingest again stores the rest",
                     e.code());
  }
  pending_.clear();
  pending_bytes_ = 0;
}

void IngestWriter::write_document(const DocumentRecord& d) {
  Statements& q = *q_;
  db_.exec("SAVEPOINT doc");
  try {
    q.exists.bind(1, d.id);
    bool known = q.exists.step();
    bool lacks_source = known && q.exists.integer(0) != 0;
    q.exists.reset();
    if (known) {
      int added = 0;
      for (const auto& u : d.uris) {
        q.add_uri.bind(1, d.id).bind(2, u).run();
        added += sqlite3_changes(db_.handle());
      }
      add_sightings(d);
      if (added) ++run_.urls_added;
      else ++run_.documents_known;
      // What a document stored by an older seismo lacks, it gains once;
      // what it has, it keeps (re-ingesting changes nothing).
      if (lacks_source && !d.source.empty()) {
        q.add_source.bind(1, d.source).bind(2, d.site).run();
        q.get_source.bind(1, d.source).bind(2, d.site);
        if (q.get_source.step()) {
          int64_t source_id = q.get_source.integer(0);
          q.get_source.reset();
          q.set_source.bind(1, source_id).bind(2, d.id).run();
        }
        q.get_source.reset();
      }
      if (!d.entities.empty()) {
        q.has_entities.bind(1, d.id);
        bool has = q.has_entities.step();
        q.has_entities.reset();
        if (!has) insert_entities(d);
      }
      if (!d.comments.empty() && d.comments.front().abuse) {
        q.comments_unscored.bind(1, d.id);
        bool unscored = q.comments_unscored.step();
        q.comments_unscored.reset();
        if (unscored) score_comments(d);
      }
      if (d.events_coded) {
        q.events_coded.bind(1, d.id);
        bool coded = q.events_coded.step();
        q.events_coded.reset();
        if (!coded) insert_events(d);
      }
    } else {
      insert_new(d);
      ++run_.documents_new;
    }
    db_.exec("RELEASE doc");
  } catch (const StoreError& e) {
    q.reset_all();
    // A full disk, an I/O error, a lock or a read-only file are the
    // store's, not the document's: the batch fails (SQLite may already have
    // ended the transaction itself) and the caller must know.
    if (sqlite3_get_autocommit(db_.handle()) || !is_document_error(e.code())) throw;
    db_.exec("ROLLBACK TO doc");
    db_.exec("RELEASE doc");
    std::string where = d.uris.empty() ? d.id : d.uris.front();
    q.add_error.bind(1, run_.id).bind(2, where).bind(3, std::string("not stored: ") + e.what()).run();
    ++run_.errors;
    if (on_refused) on_refused(where, std::string("not stored: ") + e.what());
  }
}

// Each URL the page was read at is a sighting of its text, with this
// page's outlet, date and named origin: the same body at a second outlet
// keeps that outlet (reuse reads it as a duplicate pair).
void IngestWriter::add_sightings(const DocumentRecord& d) {
  Statements& q = *q_;
  if (!d.source.empty()) q.add_source.bind(1, d.source).bind(2, d.site).run();
  for (const auto& u : d.uris) {
    q.add_sighting.bind(1, d.id).bind(2, u).bind(3, d.source).bind(4, d.site);
    q.add_sighting.bind_or_null(5, d.published).bind_or_null(6, d.republished_from).run();
  }
}

void IngestWriter::insert_new(const DocumentRecord& d) {
  Statements& q = *q_;
  int64_t source_id = 0;
  if (!d.source.empty()) {
    // Site '' (never NULL) for an outlet known by name only, as flat-text
    // pages are: UNIQUE treats NULLs as distinct and `site = NULL` finds
    // nothing.
    q.add_source.bind(1, d.source).bind(2, d.site).run();
    q.get_source.bind(1, d.source).bind(2, d.site);
    if (q.get_source.step()) source_id = q.get_source.integer(0);
    q.get_source.reset();
  }
  Stmt& doc = q.add_document;
  doc.bind(1, d.id);
  if (source_id) doc.bind(2, source_id);
  doc.bind_or_null(3, d.title).bind(4, string_array_json(d.authors)).bind_or_null(5, d.published);
  doc.bind_or_null(6, d.published_from).bind(7, int64_t(d.published_estimated)).bind_or_null(8, d.language);
  doc.bind_or_null(9, d.script).bind(10, d.body).bind_or_null(11, d.republished_from);
  doc.bind_or_null(12, d.canonical_url).bind(13, d.format).bind(14, int64_t(d.raw_bytes));
  // The row's own rowid, from the statement that made it: the index entry
  // can never be given another row's id.
  if (!doc.step()) throw db_.error("storing " + d.id);
  int64_t rowid = doc.integer(0);
  doc.reset();
  q.add_fts.bind(1, rowid).bind(2, search_text(d.language, d.title)).bind(3, search_text(d.language, d.body)).run();
  for (const auto& u : d.uris) q.add_uri.bind(1, d.id).bind(2, u).run();
  add_sightings(d);
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
    q.add_comment_fts.bind(1, search_text(c.language, c.text)).bind(2, d.id).bind(3, int64_t(k)).run();
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

void IngestWriter::insert_entities(const DocumentRecord& d) {
  Stmt& s = q_->add_entity;
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
      s.bind_or_null(17, m.place->role).bind(18, place_parents_json(m.place->parents));
    }
    if (m.actor) s.bind(7, m.actor->name).bind(8, m.actor->code);
    if (m.date) {
      s.bind(15, m.date->value);
      s.bind(16, std::string(date_precision_name(m.date->precision)));
    }
    s.run();
  }
  // Rare (a dump posing as a page), so not a prepared statement.
  if (d.entities_truncated) Stmt(db_, "UPDATE documents SET entities_truncated = 1 WHERE id = ?").bind(1, d.id).run();
}

void IngestWriter::score_comments(const DocumentRecord& d) {
  Stmt& s = q_->score_comment;
  for (size_t k = 0; k < d.comments.size(); ++k) {
    if (!d.comments[k].abuse) continue;
    bind_abuse(s, 1, *d.comments[k].abuse);
    s.bind(9, d.id).bind(10, int64_t(k)).run();
  }
}

void IngestWriter::insert_events(const DocumentRecord& d) {
  Stmt& s = q_->add_event;
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
      s.bind(39, place_parents_json(p.parents));
    }
    if (e.date) s.bind(32, e.date->value).bind(33, std::string(date_precision_name(e.date->precision)));
    s.bind(34, int64_t(e.date_from_publication)).bind_or_null(35, e.attributed_to);
    s.bind(36, std::string(modality_name(e.modality))).bind_real(37, e.confidence).bind(38, int64_t(e.historical));
    s.run();
  }
  q_->mark_coded.bind(1, d.id).run();
  if (d.events_truncated) Stmt(db_, "UPDATE documents SET events_truncated = 1 WHERE id = ?").bind(1, d.id).run();
  if (!d.events_not_coded.empty())
    Stmt(db_, "UPDATE documents SET events_not_coded = ? WHERE id = ?").bind(1, d.events_not_coded).bind(2, d.id).run();
}

}  // namespace seismo
