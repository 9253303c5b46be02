#include "pipeline/document.h"

#include "common/dates.h"
#include "common/hash.h"
#include "common/text.h"
#include "language/language.h"

namespace seismo {

DocumentRecord process_document(const RawDocument& raw, const Stages& stages) {
  Article a = extract_article(raw, stages.templates);
  DocumentRecord d;
  // One paragraph (a page that is one huge line) is the body as it is:
  // no second copy of it. Paragraphs are not needed once joined.
  d.body = a.paragraphs.size() == 1 ? std::move(a.paragraphs[0]) : join_paragraphs(a.paragraphs);
  std::vector<std::string>().swap(a.paragraphs);
  // Identity is the article, not the page around it: the same story at two
  // URLs, or re-crawled with other ads, is one document. Pages with no
  // article text fall back to their raw bytes.
  // Templates learned from the store may have cleaned the body; the id is
  // the page's own text, so a re-ingest finds the same document.
  if (!a.paragraphs_before_templates.empty()) {
    std::string page_body = join_paragraphs(a.paragraphs_before_templates);
    d.id = content_id({a.title, "\n", page_body}).substr(0, 16);
  } else {
    d.id = (d.body.empty() ? content_id(raw.content) : content_id({a.title, "\n", d.body})).substr(0, 16);
  }
  d.uris.push_back(raw.uri);
  d.source = a.source;
  d.site = a.site;
  d.title = a.title;
  d.authors = a.authors;
  d.published = a.published;
  d.published_from = a.published_from;
  d.published_estimated = a.published_estimated;
  // Language identification reads only the start of the text: a copy of
  // that much of the body, not of all of it.
  LanguageGuess g = detect_language(a.title + "\n" + d.body.substr(0, kLanguageSampleBytes + 1), a.declared_language);
  d.language = g.code;
  d.script = g.script;
  d.republished_from = a.republished_from;
  d.canonical_url = a.canonical_url;
  d.format = raw.format == ContentFormat::kHtml ? "html" : "text";
  d.raw_bytes = raw.raw_bytes;
  d.paragraph_fingerprints = std::move(a.fingerprints);
  for (auto& c : a.comments) {
    CommentRecord r;
    r.author = std::move(c.author);
    r.posted = std::move(c.posted);
    r.language = detect_language(c.text).code;
    r.text = std::move(c.text);
    r.depth = c.depth;
    r.parent = c.parent;
    if (stages.abuse) r.abuse = stages.abuse->score(r.text, r.language);
    d.comments.push_back(std::move(r));
  }
  // Entities and events come from the article body only: never from
  // comments. Events are read from the sentences with the entities in them.
  if (stages.entities && !d.body.empty()) {
    auto published = parse_machine_date(d.published);
    size_t stopped_at = d.body.size();
    d.entities = stages.entities->recognise(d.body, published, d.language, &stopped_at);
    d.entities_truncated = stopped_at < d.body.size();
    if (stages.events) {
      d.events = stages.events->code(d.body, d.entities, published, d.language, stopped_at, &d.events_truncated);
      if (!d.language.empty() && d.language != "en" && d.language != "und")
        d.events_not_coded = "language " + d.language + ": events are coded from English only";
    }
  }
  d.events_coded = stages.entities && stages.events;
  return d;
}

std::string truncation_note(const DocumentRecord& d) {
  std::string note;
  if (d.entities_truncated)
    note = "more than " + std::to_string(kMaxEntityMentions) + " entity mentions: kept the first " +
           std::to_string(d.entities.size()) + ", read no further (entities_truncated)";
  if (d.events_truncated) {
    note += note.empty() ? "" : "; ";
    // Past the entities' cut, past kMaxEvents, or too long to read: the
    // record does not say which, docs/json-output.md lists them.
    note += std::to_string(d.events.size()) + " events, some sentences left uncoded (events_truncated)";
  }
  return note;
}

}  // namespace seismo
