// The store: SQLite (WAL, batched transactions, versioned schema with
// migrations, FTS5 over titles and bodies). Documents are identified by
// content hash: re-ingesting changes nothing, and a document seen at a
// second URL gains that URL.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "extract/site_templates.h"
#include "pipeline/document.h"

struct sqlite3;

namespace seismo {

struct DocumentSummary {
  std::string id, published, source, title;
  int comments = 0;
};

struct SearchHit {
  std::string id, title, source, published, snippet;
  double rank = 0;
};

struct IngestRun {
  int64_t id = 0;
  int documents_new = 0;
  int documents_known = 0;   // already stored (same content)
  int urls_added = 0;        // known documents seen at a new URL
  int errors = 0;
};

class Store {
 public:
  // Opens (creating and migrating as needed). Throws std::runtime_error
  // with a one-line message on failure.
  explicit Store(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  int schema_version() const;

  // Ingest runs: documents are written in batches, each batch one
  // transaction; a document is either wholly stored or not at all.
  IngestRun begin_run(const std::vector<std::string>& inputs);
  void add(IngestRun& run, const DocumentRecord& doc);
  void add_error(IngestRun& run, const std::string& where, const std::string& message);
  void finish_run(IngestRun& run);

  std::vector<DocumentSummary> list_documents(int limit = -1) const;
  std::optional<DocumentRecord> get_document(const std::string& id_or_prefix) const;
  void for_each_document(const std::function<void(const DocumentRecord&)>& f) const;
  std::vector<SearchHit> search(const std::string& query, int limit) const;
  int count_documents() const;
  int count_comments() const;

  // Entity mentions with their document, in document order; `kind` is
  // "place", "actor", "date" or empty for all.
  void for_each_entity(const std::string& kind,
                       const std::function<void(const std::string& doc_id, const EntityMention&)>& f) const;
  // What the store knows, with counts: places by resolved place, actors by
  // code and name, most mentioned first.
  struct EntityCount {
    EntityMention entity;  // the first mention's resolution (text: the most frequent surface form)
    int mentions = 0, documents = 0;
  };
  std::vector<EntityCount> count_entities(const std::string& kind, int limit) const;

  // Coded events in event-date order (undated last), filtered in SQL.
  struct EventQuery {
    std::string since, until;  // ISO dates: events whose date overlaps [since, until]; undated events never match
    std::string actor;         // a code prefix of the source or the target ("SRB" matches SRBGOV)
    std::string type;          // a CAMEO code prefix ("14", "145"), or an ACLED event or sub-event type, or a PLOVER type
  };
  struct StoredEvent {
    std::string doc_id;
    size_t ordinal = 0;  // in its document
    std::string published, source, title;  // of its document
    Event event;
  };
  void for_each_event(const EventQuery& query, const std::function<void(const StoredEvent&)>& f) const;
  int count_events() const;

  // Comments with their document, in document order; filtered by document
  // id prefix, by flag (toxicity >= 0.5) and by language.
  struct CommentQuery {
    std::string doc;       // id or a unique prefix; empty: all documents
    bool flagged = false;  // only comments whose toxicity is 0.5 or more
    std::string language;  // ISO 639-1; empty: any
  };
  struct StoredComment {
    std::string doc_id;
    size_t ordinal = 0;
    std::string source, title;  // of its document
    CommentRecord comment;
  };
  void for_each_comment(const CommentQuery& query, const std::function<void(const StoredComment&)>& f) const;
  // Share of abusive comments and the groups most attacked, per outlet or
  // per document (most comments first).
  struct AbuseSummary {
    std::string key, label;  // outlet name, or document id and title
    int comments = 0, scored = 0, flagged = 0;
    std::vector<std::pair<std::string, int>> targets;  // group, comments attacking it; most first
  };
  std::vector<AbuseSummary> abuse_summary(bool by_outlet, int limit) const;

  // Site templates learned from stored documents (see SiteTemplates).
  void load_templates(SiteTemplates& templates) const;

 private:
  void commit_batch();
  void exec(const char* sql) const;
  void insert_new(const DocumentRecord& doc);
  void insert_entities(const DocumentRecord& doc);
  void insert_events(const DocumentRecord& doc);
  void score_comments(const DocumentRecord& doc);
  sqlite3* db_ = nullptr;
  int pending_ = 0;
  struct Prepared;  // the ingest statements, prepared once per store
  std::unique_ptr<Prepared> prepared_;
};

}  // namespace seismo
