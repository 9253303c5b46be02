// seismo docs | show ID | search QUERY: reading what the store holds.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <cstdio>
#include <vector>

#include "cli/abuse_words.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "cli/query_options.h"
#include "cli/table.h"
#include "common/dates.h"
#include "common/text.h"
#include "pipeline/document_json.h"
#include "store/store.h"

namespace seismo::cli {
namespace {

void print_docs(const GlobalOptions& g, const DocumentQuery& query) {
  Database store(g.db, Access::kRead);
  auto docs = list_documents(store, query);
  // The id comes first, whole: scripts take it with `cut -d' ' -f1`.
  Table table({{"ID"}, {"DATE"}, {"SOURCE"}, {"COMMENTS", true}, {"TITLE", false, true}});
  for (const auto& d : docs) {
    table.add({d.id, d.published.empty() ? "-" : d.published.substr(0, 10), d.source.empty() ? "-" : d.source,
               std::to_string(d.comments), d.title.empty() ? "(no title)" : d.title});
  }
  table.print();
  std::fflush(stdout);
  if (!g.quiet) std::fprintf(stderr, "%zu document%s\n", docs.size(), docs.size() == 1 ? "" : "s");
}

// "insult 0.80, identity attack 0.85 (albanians)": the flags at 0.5 or more.
std::string abuse_label(const AbuseScore& a) {
  const AbuseFlags& f = a.flags;
  std::string out;
  auto add = [&](const char* name, double v) {
    if (v >= 0.5) out += (out.empty() ? "" : ", ") + fmt::format("{} {:.2f}", name, v);
  };
  add("insult", f.insult);
  add("identity attack", f.identity_attack);
  add("threat", f.threat);
  add("profanity", f.profanity);
  add("sexual", f.sexual);
  if (out.empty()) out = fmt::format("toxicity {:.2f}", f.toxicity);
  if (!a.targets.empty()) {
    std::string t;
    for (const auto& g : a.targets) t += (t.empty() ? "" : ", ") + g;
    out += " (" + t + ")";
  }
  return out;
}

// ": majmune (majmun~, insult)": what raised a flag, as the comment wrote it.
std::string flagged_words(const CommentRecord& c) {
  std::string words = abuse_words(c.text, *c.abuse);
  return words.empty() ? "" : ": " + words;
}

// How many comments are flagged, and the groups most attacked.
void print_abuse_summary(const DocumentRecord& d) {
  int scored = 0, flagged = 0;
  std::map<std::string, int> targets;
  for (const auto& c : d.comments) {
    if (!c.abuse) continue;
    ++scored;
    if (!c.abuse->flagged()) continue;
    ++flagged;
    for (const auto& t : c.abuse->targets) ++targets[t];
  }
  if (!scored) return;
  fmt::print("abuse: {} of {} flagged ({:.0f}%)", flagged, scored, 100.0 * flagged / scored);
  std::vector<std::pair<int, std::string>> top;
  for (const auto& [g, n] : targets) top.emplace_back(-n, g);
  std::sort(top.begin(), top.end());
  std::string t;
  for (size_t k = 0; k < top.size() && k < 5; ++k) t += (t.empty() ? "" : ", ") + top[k].second + " " + std::to_string(-top[k].first);
  if (!t.empty()) fmt::print("; identity attacks on {}", t);
  fmt::print("\n");
}

// The body with "[E1]" after each sentence an event was coded from
// (offsets count code points, as the events' do).
std::string body_with_event_marks(const DocumentRecord& d) {
  std::vector<std::pair<size_t, size_t>> marks;  // sentence end, event number
  for (size_t k = 0; k < d.events.size(); ++k) marks.emplace_back(d.events[k].sentence_end, k + 1);
  std::sort(marks.begin(), marks.end());
  std::string out;
  size_t cps = 0, next = 0;
  auto flush_marks = [&] {
    std::string label;
    while (next < marks.size() && marks[next].first <= cps) {
      label += (label.empty() ? "" : ",") + std::string("E") + std::to_string(marks[next].second);
      ++next;
    }
    if (!label.empty()) out += " [" + label + "]";
  };
  for (size_t i = 0; i < d.body.size(); ++i) {
    if ((static_cast<unsigned char>(d.body[i]) & 0xC0) != 0x80) {
      flush_marks();
      ++cps;
    }
    out.push_back(d.body[i]);
  }
  flush_marks();
  return out;
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
  fmt::print("\n{}\n", body_with_event_marks(d));
  if (!d.events.empty()) {
    fmt::print("\n--- {} event{} ---\n", d.events.size(), d.events.size() == 1 ? "" : "s");
    for (size_t k = 0; k < d.events.size(); ++k) {
      const Event& e = d.events[k];
      auto who = [](const std::optional<EventParticipant>& p) {
        if (!p) return std::string("-");
        return p->code.empty() ? p->text : p->code + " (" + p->text + ")";
      };
      fmt::print("[E{}] {}  {} {}: {} -> {}", k + 1, e.date ? e.date->value : "undated", e.action.cameo, e.action.label,
                 who(e.source), who(e.target));
      if (e.place && e.place->place) fmt::print("  at {}", e.place->text);
      if (e.modality != Modality::kAsserted) fmt::print("  [{}]", modality_name(e.modality));
      if (!e.attributed_to.empty()) fmt::print("  according to {}", e.attributed_to);
      fmt::print("\n");
    }
  }
  if (!d.comments.empty()) {
    fmt::print("\n--- {} comment{} ---\n", d.comments.size(), d.comments.size() == 1 ? "" : "s");
    print_abuse_summary(d);
    for (size_t k = 0; k < d.comments.size(); ++k) {
      const auto& c = d.comments[k];
      std::string indent(2 * static_cast<size_t>(c.depth), ' ');
      fmt::print("\n{}[{}] {}{}{}{}\n", indent, k + 1, c.author.empty() ? "(anonymous)" : c.author,
                 c.posted.empty() ? "" : "  " + c.posted, c.language.empty() || c.language == "und" ? "" : "  [" + c.language + "]",
                 c.abuse && c.abuse->flagged() ? "  FLAGGED " + abuse_label(*c.abuse) + flagged_words(c) : "");
      for (auto line : split_lines(c.text)) fmt::print("{}  {}\n", indent, line);
    }
  }
}

}  // namespace

void add_browse_commands(CLI::App& app, GlobalOptions& g) {
  auto* docs = app.add_subcommand("docs", "List stored documents: id, date, source, comments, title (newest first)");
  auto dq = std::make_shared<DocumentQuery>();
  auto sort = std::make_shared<std::string>("newest");
  docs->add_option("-n,--limit", dq->limit, "at most this many");
  docs->add_option("--sort", *sort, "newest, oldest, title, source or comments")
      ->check(CLI::IsMember({"newest", "date", "oldest", "title", "source", "comments"}))
      ->capture_default_str();
  docs->add_option("--since", dq->since, "published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")->check(date_option());
  docs->add_option("--until", dq->until, "published on or before this date")->check(date_option());
  docs->callback([&g, dq, sort] {
    DocumentQuery q = *dq;
    q.until = until_bound(q.until);
    const std::string& o = *sort;
    q.order = o == "oldest" ? DocumentOrder::kOldest
              : o == "title" ? DocumentOrder::kTitle
              : o == "source" ? DocumentOrder::kSource
              : o == "comments" ? DocumentOrder::kComments
                                : DocumentOrder::kNewest;
    print_docs(g, q);
  });

  auto* show = app.add_subcommand("show", "Show one document: metadata, article text and comments");
  auto id = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  show->add_option("id", *id, "document id (a unique prefix is enough)")->required();
  show->add_flag("--json", *json, "print the JSON record instead");
  show->callback([&g, id, json] {
    Database store(g.db, Access::kRead);
    auto d = get_document(store, *id);
    if (!d) {
      print_error(*id, "no such document");
      exit_status = 1;
      return;
    }
    if (*json) fmt::print("{}\n", document_to_ordered_json(*d).dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
    else print_document(*d);
  });

  auto* search = app.add_subcommand("search", "Full-text search of articles and comments (stemmed, diacritics folded), best first");
  auto query = std::make_shared<std::vector<std::string>>();
  auto n = std::make_shared<int>(20);
  auto scope = std::make_shared<std::string>("articles");
  search->add_option("query", *query, "words, \"a phrase\", or FTS5 syntax (OR, NOT, prefix*)")->required();
  search->add_option("-n,--limit", *n, "at most this many hits")->capture_default_str();
  search->add_option("--in", *scope, "articles, comments or all")
      ->check(CLI::IsMember({"articles", "comments", "all"}))
      ->capture_default_str();
  search->callback([&g, query, n, scope] {
    Database store(g.db, Access::kRead);
    SearchQuery q;
    for (const auto& w : *query) q.text += (q.text.empty() ? "" : " ") + w;
    q.limit = *n;
    q.scope = *scope == "comments" ? SearchScope::kComments : *scope == "all" ? SearchScope::kAll : SearchScope::kArticles;
    std::vector<SearchHit> hits;
    try {
      hits = seismo::search(store, q);
    } catch (const std::invalid_argument& e) {
      throw CLI::ValidationError(e.what());
    }
    // Titles and snippets give way to the terminal, and a commenter's long
    // name after "comment N"; the id and the date never do.
    Table table({{"ID"}, {"DATE"}, {"SOURCE"}, {"IN", false, true}, {"TITLE", false, true}, {"SNIPPET", false, true}});
    for (const auto& h : hits) {
      std::string where = h.comment >= 0 ? fmt::format("comment {} by {}", h.comment + 1,
                                                       h.author.empty() ? "(anonymous)" : h.author)
                                         : "article";
      table.add({h.id, h.published.empty() ? "-" : h.published.substr(0, 10), h.source.empty() ? "-" : h.source, where,
                 h.title.empty() ? "(no title)" : h.title, collapse_whitespace(h.snippet)});
    }
    if (!hits.empty()) table.print();
    std::fflush(stdout);
    if (hits.empty()) {
      if (!g.quiet) std::fprintf(stderr, "no match\n");
      exit_status = 1;
    }
  });
}

}  // namespace seismo::cli
