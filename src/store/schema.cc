#include "store/schema.h"

namespace seismo {

const std::vector<const char*>& schema_migrations() {
  static const std::vector<const char*> migrations = {
      // 1: documents, their URLs, comments, sources, the ingest log, FTS.
      R"sql(
      CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        site TEXT,
        UNIQUE (name, site)
      );
      CREATE TABLE documents (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        source_id INTEGER REFERENCES sources(id),
        title TEXT,
        authors TEXT NOT NULL DEFAULT '[]',
        published TEXT,
        published_from TEXT,
        published_estimated INTEGER NOT NULL DEFAULT 0,
        language TEXT,
        script TEXT,
        body TEXT NOT NULL,
        republished_from TEXT,
        canonical_url TEXT,
        format TEXT,
        raw_bytes INTEGER,
        ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
      );
      CREATE INDEX documents_published ON documents(published);
      CREATE TABLE document_uris (
        document_id TEXT NOT NULL REFERENCES documents(id),
        uri TEXT NOT NULL,
        UNIQUE (document_id, uri)
      );
      CREATE INDEX document_uris_uri ON document_uris(uri);
      CREATE TABLE comments (
        document_id TEXT NOT NULL REFERENCES documents(id),
        ordinal INTEGER NOT NULL,
        parent INTEGER,
        depth INTEGER NOT NULL DEFAULT 0,
        author TEXT,
        posted TEXT,
        text TEXT NOT NULL,
        language TEXT,
        PRIMARY KEY (document_id, ordinal)
      ) WITHOUT ROWID;
      CREATE TABLE ingest_runs (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        finished_at TEXT,
        inputs TEXT NOT NULL,
        documents_new INTEGER NOT NULL DEFAULT 0,
        documents_known INTEGER NOT NULL DEFAULT 0,
        urls_added INTEGER NOT NULL DEFAULT 0,
        errors INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE ingest_errors (
        run_id INTEGER NOT NULL REFERENCES ingest_runs(id),
        location TEXT NOT NULL,
        message TEXT NOT NULL
      );
      CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, body, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
      );
      )sql",
      // 2: site templates (paragraph fingerprints per site).
      R"sql(
      CREATE TABLE site_pages (site TEXT PRIMARY KEY, pages INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE site_paragraphs (
        site TEXT NOT NULL,
        fingerprint INTEGER NOT NULL,
        pages INTEGER NOT NULL,
        PRIMARY KEY (site, fingerprint)
      ) WITHOUT ROWID;
      )sql",
      // 3: entity mentions in article bodies (places, actors, dates).
      R"sql(
      CREATE TABLE entities (
        document_id TEXT NOT NULL REFERENCES documents(id),
        ordinal INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('place', 'actor', 'date')),
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        name TEXT,
        code TEXT,
        geonameid INTEGER,
        lat REAL,
        lon REAL,
        country TEXT,
        feature_code TEXT,
        confidence REAL,
        date_value TEXT,
        date_precision TEXT,
        PRIMARY KEY (document_id, ordinal)
      ) WITHOUT ROWID;
      CREATE INDEX entities_kind_name ON entities(kind, name);
      CREATE INDEX entities_code ON entities(code);
      )sql",
      // 4: coded events of article bodies, each with its sentence. Documents
      // record that they were coded, so that one without events is not
      // coded again on every ingest.
      R"sql(
      CREATE TABLE events (
        document_id TEXT NOT NULL REFERENCES documents(id),
        ordinal INTEGER NOT NULL,
        sentence TEXT NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        source_text TEXT, source_code TEXT, source_start INTEGER, source_end INTEGER,
        target_text TEXT, target_code TEXT, target_start INTEGER, target_end INTEGER,
        cameo TEXT NOT NULL,
        label TEXT,
        goldstein REAL,
        plover TEXT,
        acled_event_type TEXT,
        acled_sub_event_type TEXT,
        verb TEXT,
        pattern TEXT,
        place_text TEXT, place_start INTEGER, place_end INTEGER, place_name TEXT, geonameid INTEGER,
        lat REAL, lon REAL, country TEXT, feature_code TEXT, place_confidence REAL,
        date_value TEXT,
        date_precision TEXT,
        date_from_publication INTEGER NOT NULL DEFAULT 0,
        attributed_to TEXT,
        modality TEXT NOT NULL,
        confidence REAL,
        PRIMARY KEY (document_id, ordinal)
      ) WITHOUT ROWID;
      CREATE INDEX events_cameo ON events(cameo);
      CREATE INDEX events_date ON events(date_value);
      CREATE TABLE events_coded (document_id TEXT PRIMARY KEY REFERENCES documents(id)) WITHOUT ROWID;
      )sql",
      // 5: abuse flags of comments (NULL: not scored), the words that raised
      // them and the groups attacked, as JSON arrays.
      R"sql(
      ALTER TABLE comments ADD COLUMN toxicity REAL;
      ALTER TABLE comments ADD COLUMN insult REAL;
      ALTER TABLE comments ADD COLUMN identity_attack REAL;
      ALTER TABLE comments ADD COLUMN threat REAL;
      ALTER TABLE comments ADD COLUMN profanity REAL;
      ALTER TABLE comments ADD COLUMN sexual REAL;
      ALTER TABLE comments ADD COLUMN reasons TEXT;
      ALTER TABLE comments ADD COLUMN targets TEXT;
      )sql",
      // 6: search by stems. Titles, bodies and comments are indexed by the
      // "seismo" tokenizer (search_tokenizer.h) through a view that gives
      // each text its language; comments become searchable. A run records
      // its process and state, so a killed run reads as interrupted rather
      // than forever unfinished. Sources without a site are stored with
      // site '' (the look-up used NULL and never found them).
      R"sql(
      UPDATE sources SET site = '' WHERE site IS NULL
        AND NOT EXISTS (SELECT 1 FROM sources o WHERE o.name = sources.name AND o.site = '');
      ALTER TABLE ingest_runs ADD COLUMN status TEXT NOT NULL DEFAULT 'finished';
      ALTER TABLE ingest_runs ADD COLUMN pid INTEGER;
      ALTER TABLE ingest_runs ADD COLUMN host TEXT;
      UPDATE ingest_runs SET status = 'interrupted' WHERE finished_at IS NULL;
      DROP TABLE documents_fts;
      CREATE VIEW documents_search AS
        SELECT rowid, char(2) || coalesce(language, '') || char(3) || coalesce(title, '') AS title,
               char(2) || coalesce(language, '') || char(3) || body AS body FROM documents;
      CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, body, content='documents_search', content_rowid='rowid', tokenize='seismo'
      );
      INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
      CREATE VIRTUAL TABLE comments_fts USING fts5(text, document_id UNINDEXED, ordinal UNINDEXED, tokenize='seismo');
      INSERT INTO comments_fts(text, document_id, ordinal)
        SELECT char(2) || coalesce(language, '') || char(3) || text, document_id, ordinal FROM comments;
      )sql",
      // 7: whether a document's entities or events were cut at the
      // per-document caps (kMaxEntityMentions, kMaxEvents).
      R"sql(
      ALTER TABLE documents ADD COLUMN entities_truncated INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE documents ADD COLUMN events_truncated INTEGER NOT NULL DEFAULT 0;
      )sql",
      // 8: events told as background (historical), and why a document's
      // events were not coded (its language), from the parse-based coder.
      R"sql(
      ALTER TABLE events ADD COLUMN historical INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE documents ADD COLUMN events_not_coded TEXT;
      )sql",
      // 9: how a place mention names its place (demonym, in_organisation)
      // and the divisions the place lies in, as the JSON contract's
      // [{name, geonameid, level}]; NULL in rows written before.
      R"sql(
      ALTER TABLE entities ADD COLUMN role TEXT;
      ALTER TABLE entities ADD COLUMN parents TEXT;
      ALTER TABLE events ADD COLUMN place_parents TEXT;
      )sql",
      // 10: every sighting of a text (its URL, outlet, date and named
      // origin at that URL: one text published by two outlets is one
      // document with two sightings), and the reuse index: each document's
      // MinHash signature, its LSH band keys and a sample of its seed
      // n-grams (by documents.rowid), and the related pairs found, each
      // with its shared passages as JSON. Existing URLs become sightings
      // of their document's outlet and date.
      R"sql(
      CREATE TABLE sightings (
        document_id TEXT NOT NULL REFERENCES documents(id),
        uri TEXT NOT NULL,
        source_id INTEGER REFERENCES sources(id),
        published TEXT,
        republished_from TEXT,
        UNIQUE (document_id, uri)
      );
      INSERT OR IGNORE INTO sightings(document_id, uri, source_id, published, republished_from)
        SELECT u.document_id, u.uri, d.source_id, d.published, d.republished_from
        FROM document_uris u JOIN documents d ON d.id = u.document_id ORDER BY u.rowid;
      CREATE TABLE reuse_indexed (doc INTEGER PRIMARY KEY, signature BLOB NOT NULL);
      CREATE TABLE reuse_bands (key INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (key, doc)) WITHOUT ROWID;
      CREATE TABLE reuse_grams (gram INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (gram, doc)) WITHOUT ROWID;
      CREATE TABLE reuse_pairs (
        a TEXT NOT NULL REFERENCES documents(id),
        b TEXT NOT NULL REFERENCES documents(id),
        kind TEXT NOT NULL CHECK (kind IN ('reprint', 'near_duplicate', 'shared_passage')),
        score REAL NOT NULL,
        direction TEXT CHECK (direction IN ('a->b', 'b->a')),
        passages TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (a, b)
      ) WITHOUT ROWID;
      CREATE INDEX reuse_pairs_b ON reuse_pairs(b);
      CREATE INDEX site_paragraphs_fingerprint ON site_paragraphs(fingerprint);
      )sql",
      // 11: stories and occurrences. Each document is placed once
      // (story_documents, in the order placed; story_id NULL when it had no
      // words to compare),
      // with the terms it was compared by; a story keeps its members' summed
      // terms and its span of days, and story_terms indexes its strongest
      // terms by its last day, to find the stories a new document may join.
      // story_term_df counts the documents each term was met in (for its
      // weight). Each coded event of a placed document reports one
      // occurrence of its story; an occurrence keeps its first report.
      R"sql(
      CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        title TEXT,
        title_document TEXT,
        first_day INTEGER,
        last_day INTEGER,
        documents INTEGER NOT NULL DEFAULT 0,
        terms BLOB NOT NULL
      );
      CREATE TABLE story_documents (
        document_id TEXT PRIMARY KEY REFERENCES documents(id),
        story_id INTEGER REFERENCES stories(id),
        joined_by TEXT NOT NULL CHECK (joined_by IN ('new', 'similarity', 'reuse', 'no_words')),
        score REAL,
        day INTEGER,
        terms BLOB
      );
      CREATE INDEX story_documents_story ON story_documents(story_id);
      CREATE TABLE story_terms (
        term INTEGER NOT NULL,
        story_id INTEGER NOT NULL REFERENCES stories(id),
        day INTEGER,
        PRIMARY KEY (term, story_id)
      ) WITHOUT ROWID;
      CREATE INDEX story_terms_day ON story_terms(term, day);
      CREATE INDEX story_terms_story ON story_terms(story_id);
      CREATE TABLE story_term_df (term INTEGER PRIMARY KEY, df INTEGER NOT NULL);
      CREATE TABLE occurrences (
        id INTEGER PRIMARY KEY,
        story_id INTEGER NOT NULL REFERENCES stories(id),
        family TEXT NOT NULL,
        document_id TEXT NOT NULL,
        ordinal INTEGER NOT NULL,
        reports INTEGER NOT NULL DEFAULT 1
      );
      CREATE INDEX occurrences_story ON occurrences(story_id, family);
      CREATE TABLE event_reports (
        document_id TEXT NOT NULL,
        ordinal INTEGER NOT NULL,
        occurrence_id INTEGER NOT NULL REFERENCES occurrences(id),
        PRIMARY KEY (document_id, ordinal)
      ) WITHOUT ROWID;
      CREATE INDEX event_reports_occurrence ON event_reports(occurrence_id);
      )sql",
  };
  return migrations;
}

}  // namespace seismo
