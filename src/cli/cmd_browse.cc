// seismo docs | show ID | search QUERY: reading what the store holds.
#include <fmt/format.h>

#include <cstdio>

#include "cli/commands.h"
#include "cli/console.h"
#include "common/text.h"
#include "pipeline/document_json.h"
#include "store/store.h"

namespace seismo::cli {
namespace {

void print_docs(const GlobalOptions& g, int limit) {
  Store store(g.db);
  auto docs = store.list_documents(limit);
  fmt::print("{:<16}  {:<10}  {:<20}  {:>8}  {}\n", "ID", "DATE", "SOURCE", "COMMENTS", "TITLE");
  for (const auto& d : docs) {
    fmt::print("{:<16}  {:<10}  {:<20}  {:>8}  {}\n", d.id, d.published.empty() ? "-" : d.published.substr(0, 10),
               shorten(d.source.empty() ? "-" : d.source, 20), d.comments,
               d.title.empty() ? "(no title)" : shorten(d.title, 70));
  }
  if (!g.quiet) std::fprintf(stderr, "%zu document%s\n", docs.size(), docs.size() == 1 ? "" : "s");
}

void print_document(const DocumentRecord& d) {
  fmt::print("{}\n", d.title.empty() ? "(no title)" : d.title);
  fmt::print("{}\n\n", std::string(std::min<size_t>(72, std::max<size_t>(10, d.title.size())), '='));
  auto field = [](const char* name, const std::string& v) {
    if (!v.empty()) fmt::print("{:<18}{}\n", name, v);
  };
  field("id", d.id);
  field("source", d.source);
  field("site", d.site);
  std::string authors;
  for (const auto& a : d.authors) authors += (authors.empty() ? "" : ", ") + a;
  field("authors", authors);
  field("published", d.published.empty() ? "" : d.published + (d.published_estimated ? " (estimate, from " + d.published_from + ")" : " (from " + d.published_from + ")"));
  field("language", d.language);
  field("republished from", d.republished_from);
  field("canonical url", d.canonical_url);
  for (const auto& u : d.uris) field("seen at", u);
  fmt::print("\n{}\n", d.body);
  if (!d.comments.empty()) {
    fmt::print("\n--- {} comment{} ---\n", d.comments.size(), d.comments.size() == 1 ? "" : "s");
    for (size_t k = 0; k < d.comments.size(); ++k) {
      const auto& c = d.comments[k];
      std::string indent(2 * static_cast<size_t>(c.depth), ' ');
      fmt::print("\n{}[{}] {}{}{}\n", indent, k + 1, c.author.empty() ? "(anonymous)" : c.author,
                 c.posted.empty() ? "" : "  " + c.posted, c.language.empty() || c.language == "und" ? "" : "  [" + c.language + "]");
      for (auto line : split_lines(c.text)) fmt::print("{}  {}\n", indent, line);
    }
  }
}

}  // namespace

void add_browse_commands(CLI::App& app, GlobalOptions& g) {
  auto* docs = app.add_subcommand("docs", "List stored documents: id, date, source, comments, title");
  auto limit = std::make_shared<int>(-1);
  docs->add_option("-n,--limit", *limit, "at most this many");
  docs->callback([&g, limit] { print_docs(g, *limit); });

  auto* show = app.add_subcommand("show", "Show one document: metadata, article text and comments");
  auto id = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  show->add_option("id", *id, "document id (a unique prefix is enough)")->required();
  show->add_flag("--json", *json, "print the JSON record instead");
  show->callback([&g, id, json] {
    Store store(g.db);
    auto d = store.get_document(*id);
    if (!d) {
      print_error(*id, "no such document");
      exit_status = 1;
      return;
    }
    if (*json) fmt::print("{}\n", document_to_json(*d).dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
    else print_document(*d);
  });

  auto* search = app.add_subcommand("search", "Full-text search of titles and bodies (SQLite FTS5), best first");
  auto query = std::make_shared<std::vector<std::string>>();
  auto n = std::make_shared<int>(20);
  search->add_option("query", *query, "words, \"a phrase\", or FTS5 syntax (OR, NOT, prefix*)")->required();
  search->add_option("-n,--limit", *n, "at most this many hits")->capture_default_str();
  search->callback([&g, query, n] {
    Store store(g.db);
    std::string q;
    for (const auto& w : *query) q += (q.empty() ? "" : " ") + w;
    auto hits = store.search(q, *n);
    for (const auto& h : hits) {
      fmt::print("{}  {}  {}  {}\n", h.id, h.published.empty() ? "----------" : h.published.substr(0, 10),
                 shorten(h.source.empty() ? "-" : h.source, 20), h.title.empty() ? "(no title)" : h.title);
      fmt::print("    {}\n", collapse_whitespace(h.snippet));
    }
    if (hits.empty()) {
      if (!g.quiet) std::fprintf(stderr, "no match\n");
      exit_status = 1;
    }
  });
}

}  // namespace seismo::cli
