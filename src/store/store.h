// Stage: the store. SQLite in WAL mode with a versioned schema; each area's
// tables and queries in their own file. A read command opens a Database
// with Access::kRead and calls the area's queries; an ingest opens it with
// Access::kWrite and writes through one IngestWriter.
//
//   database.h   the connection: open modes, busy waits, migrations, errors
//   writer.h     the write path of an ingest run (batched, one writer)
//   documents.h  documents, sources, URLs
//   search.h     full-text search over articles and comments
//   entities.h   place, actor and date mentions
//   events.h     coded events
//   comments.h   reader comments and abuse summaries
//   templates.h  site templates learned from stored pages
//   reuse.h      sightings, the reuse index and related pairs
//   stories.h    stories across outlets and days, events merged into occurrences
//   integrity.h  the check of the tables and the full-text indexes
#pragma once
#include "store/comments.h"
#include "store/database.h"
#include "store/documents.h"
#include "store/entities.h"
#include "store/events.h"
#include "store/integrity.h"
#include "store/reuse.h"
#include "store/stories.h"
#include "store/search.h"
#include "store/templates.h"
#include "store/writer.h"
