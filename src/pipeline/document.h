// The document record every later stage reads and adds to: what extraction
// and language identification made of one page, with its stable id. The
// store persists it; the CLI prints it in the JSON contract
// (docs/json-output.md).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "comments/abuse.h"
#include "entities/entities.h"
#include "events/events.h"
#include "extract/extract.h"
#include "ingest/ingest.h"

namespace seismo {

struct CommentRecord {
  std::string author;
  std::string posted;
  std::string text;
  std::string language;
  int depth = 0;
  int parent = -1;
  std::optional<AbuseScore> abuse;  // when the comments stage scored it
};

struct DocumentRecord {
  std::string id;                  // content hash of title and body: stable across runs and URLs
  std::vector<std::string> uris;   // every place it was seen
  std::string source;
  std::string site;
  std::string title;
  std::vector<std::string> authors;
  std::string published;
  std::string published_from;
  bool published_estimated = false;
  std::string language;
  std::string script;
  std::string body;                // paragraphs separated by blank lines
  std::vector<CommentRecord> comments;
  std::string republished_from;
  std::string canonical_url;
  std::string format;              // "html" or "text"
  size_t raw_bytes = 0;
  std::vector<uint64_t> paragraph_fingerprints;  // for learning site templates; not exported
  std::vector<EntityMention> entities;           // places, actors, dates in the body (offsets into body)
  // The body had more than kMaxEntityMentions: `entities` holds the first
  // ones and recognition stopped there.
  bool entities_truncated = false;
  std::vector<Event> events;                     // coded from the body's sentences, never from comments
  bool events_coded = false;                     // the event coder ran (a document may have no events)
  // Sentences went uncoded: past where recognition stopped, or past
  // kMaxEvents events.
  bool events_truncated = false;
  // Why the event coder left the whole body uncoded ("language sr: events
  // are coded from English only"), or empty.
  std::string events_not_coded;
};

// The stages a document goes through after ingest, and what they need.
// Null members are skipped (no site templates, no entity recognition).
struct Stages {
  const SiteTemplates* templates = nullptr;
  const EntityRecognizer* entities = nullptr;
  const EventCoder* events = nullptr;  // needs entities
  const AbuseScorer* abuse = nullptr;  // scores each comment
};

// Runs extract, language identification and entity recognition on one raw
// document.
DocumentRecord process_document(const RawDocument& raw, const Stages& stages);

// One line saying what the caps left out of `d` (for the CLI to warn
// with), or empty when nothing was.
std::string truncation_note(const DocumentRecord& d);

}  // namespace seismo
