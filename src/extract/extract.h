// Stage 2, extract: one raw page in, one clean article out: title, authors,
// publication date, outlet, body paragraphs, reader comments (separately) and
// provenance. Works on real HTML (a parsed DOM) and on flattened page text
// (line and block layout). Boilerplate (widgets, share prompts, disclaimers,
// teasers, captions, comment-widget chrome) goes into neither body nor
// comments.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "extract/site_templates.h"
#include "ingest/ingest.h"

namespace seismo {

struct Comment {
  std::string author;   // empty when the page shows none
  std::string posted;   // ISO 8601 date or date-time, empty when unknown
  std::string text;
  int depth = 0;        // reply nesting, 0 for top-level
  int parent = -1;      // index of the comment replied to, -1 for none
};

struct Article {
  std::string title;
  std::vector<std::string> authors;
  std::string published;          // ISO 8601 date (or date-time), empty when unknown
  std::string published_from;     // which signal gave it: meta, json-ld, time, url, dateline, text, input, comments
  bool published_estimated = false;
  std::string source;             // outlet name
  std::string site;               // host name without "www."
  std::string canonical_url;
  std::string declared_language;  // <html lang> or content-language, lower case
  std::vector<std::string> paragraphs;
  std::vector<Comment> comments;
  std::string republished_from;   // "Originally published on X" and the like
  // SiteTemplates fingerprints of every paragraph found, before template
  // paragraphs were dropped (what the site's template is learned from).
  std::vector<uint64_t> fingerprints;
  // The paragraphs as the page gave them, kept only when site templates
  // dropped some: the document's identity is computed from these, so what
  // the store has learned may clean a body but never change its id.
  std::vector<std::string> paragraphs_before_templates;
};

// Extracts the article from one raw document. `templates`, when given,
// tells which paragraphs recur across a site's pages (its template).
Article extract_article(const RawDocument& doc, const SiteTemplates* templates = nullptr);

}  // namespace seismo
