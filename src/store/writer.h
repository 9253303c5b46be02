// The store's write path: one ingest run. Every write of a run (documents,
// their comments, entities and events, the errors met, the run's own row)
// goes through one IngestWriter on one thread and one connection.
//
// Documents are buffered and written in short batches, each one
// BEGIN IMMEDIATE ... COMMIT, so the write lock is held only while writing,
// never while pages are being processed: other ingests and readers of the
// same store go on between batches. A batch is written when it holds
// `batch_documents` documents or `batch_bytes` of text, or when its oldest
// document has waited `batch_age`. Each document is written whole or not at
// all (one savepoint each). A document is identified by its content id: a
// re-ingest adds nothing, a known document at a new URL gains the URL, and a
// known document gains once what it lacks (its outlet, entities, events,
// comment scores).
#pragma once
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "pipeline/document.h"
#include "store/database.h"

namespace seismo {

struct IngestRun {
  int64_t id = 0;
  int documents_new = 0;
  int documents_known = 0;  // already stored (same content)
  int urls_added = 0;       // known documents seen at a new URL
  int errors = 0;           // input errors and documents the store refused
};

struct WriterOptions {
  size_t batch_documents = 64;
  size_t batch_bytes = 32u << 20;
  std::chrono::milliseconds batch_age{1000};
};

class IngestWriter {
 public:
  // Records the run (and marks runs of this host whose process is gone as
  // interrupted). `db` must be opened with Access::kWrite.
  IngestWriter(const Database& db, const std::vector<std::string>& inputs, WriterOptions options = {});
  // A run not finished (an exception went past) is recorded as failed.
  ~IngestWriter();
  IngestWriter(const IngestWriter&) = delete;
  IngestWriter& operator=(const IngestWriter&) = delete;

  // Any thread: an input error (or a warning, which the run's error count
  // leaves out), stored with the next batch.
  void add_error(const std::string& where, const std::string& message, bool warning = false);
  // The writer's thread: a processed document, stored with its batch.
  // Throws StoreError when the store fails as a whole (disk full, locked
  // beyond the busy timeout); the message says how many documents of the
  // run were not stored.
  void add(DocumentRecord&& doc);
  // Writes what is pending and records the run as finished.
  void finish();
  const IngestRun& run() const { return run_; }

  // Called on the writer's thread for each document the store refused
  // (where, what is wrong); the rest of the batch is stored.
  std::function<void(const std::string&, const std::string&)> on_refused;

 private:
  struct Statements;
  void flush();
  void write_document(const DocumentRecord& d);
  void insert_new(const DocumentRecord& d);
  void add_sightings(const DocumentRecord& d);
  void insert_entities(const DocumentRecord& d);
  void insert_events(const DocumentRecord& d);
  void score_comments(const DocumentRecord& d);
  void update_run_row(const char* status);

  const Database& db_;
  WriterOptions options_;
  IngestRun run_;
  bool finished_ = false;
  std::unique_ptr<Statements> q_;
  std::vector<DocumentRecord> pending_;
  size_t pending_bytes_ = 0;
  std::chrono::steady_clock::time_point oldest_;
  std::mutex errors_mutex_;
  struct QueuedError {
    std::string where, message;
    bool warning;
  };
  std::vector<QueuedError> errors_;  // queued by any thread
};

}  // namespace seismo
