// seismo comments [DOC]: reader comments with their abuse flags, or the
// share of abusive comments per outlet or per document.
#include <fmt/format.h>

#include <cstdio>
#include <vector>

#include "cli/comment_output.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "cli/table.h"

namespace seismo::cli {
namespace {

void print_summary(const Database& store, bool by_outlet, int limit) {
  auto rows = abuse_summary(store, by_outlet, limit);
  // Per document: the id whole and first, as in `docs`; the title gives way
  // to the terminal.
  std::vector<Column> columns;
  if (by_outlet) columns = {{"OUTLET"}};
  else columns = {{"DOCUMENT"}, {"TITLE", false, true}};
  for (const char* h : {"COMMENTS", "FLAGGED", "SHARE"}) columns.push_back({h, true});
  columns.push_back({"GROUPS ATTACKED (comments)"});
  Table table(std::move(columns));
  for (const auto& r : rows) {
    std::vector<std::string> cells;
    if (by_outlet) cells = {r.key.empty() ? "(unknown outlet)" : r.key};
    else cells = {r.key, r.label.empty() ? "(no title)" : r.label};
    std::string targets;
    for (const auto& [g, n] : r.targets) targets += (targets.empty() ? "" : ", ") + g + " (" + std::to_string(n) + ")";
    std::string share = r.scored ? fmt::format("{:.0f}%", 100.0 * r.flagged / r.scored) : "-";
    cells.insert(cells.end(), {std::to_string(r.comments), std::to_string(r.flagged), share, targets.empty() ? "-" : targets});
    table.add(std::move(cells));
  }
  table.print();
}

}  // namespace

void add_comments_command(CLI::App& app, GlobalOptions& g) {
  auto* cmd = app.add_subcommand("comments", "Reader comments with abuse flags (all, one document's, or only flagged ones)");
  struct Args {
    CommentQuery query;
    std::string format = "table", summary;
    long limit = -1;
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("doc", a->query.doc, "a document id (a unique prefix is enough); default: all documents");
  cmd->add_flag("--flagged", a->query.flagged, "only comments flagged as abusive (toxicity 0.5 or more)");
  cmd->add_option("--lang", a->query.language, "only comments in this language (ISO 639-1: en, sr, sq, it...)");
  cmd->add_option("--format", a->format, "table, jsonl or csv")->check(CLI::IsMember({"table", "jsonl", "csv"}))->capture_default_str();
  cmd->add_option("--summary", a->summary, "instead: share of abusive comments and groups attacked, per outlet or document")
      ->check(CLI::IsMember({"outlet", "document"}));
  cmd->add_option("-n,--limit", a->limit, "at most this many");
  cmd->callback([&g, a] {
    Database store(g.db, Access::kRead);
    if (!a->summary.empty()) {
      print_summary(store, a->summary == "outlet", a->limit < 0 ? 1000000 : static_cast<int>(a->limit));
      return;
    }
    size_t n = print_comments(store, a->query, a->format, a->limit);
    if (!g.quiet && a->format == "table") std::fprintf(stderr, "%zu comment%s\n", n, n == 1 ? "" : "s");
    if (n == 0 && !a->query.doc.empty() && !get_document(store, a->query.doc)) {
      print_error(a->query.doc, "no such document");
      exit_status = 1;
    }
  });
}

}  // namespace seismo::cli
