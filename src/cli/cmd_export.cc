// seismo export docs --format jsonl|csv
#include <cstdio>

#include "cli/commands.h"
#include "cli/console.h"
#include "pipeline/document_json.h"
#include "store/store.h"

namespace seismo::cli {
namespace {

std::string csv_field(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else out += c;
  }
  return out + "\"";
}

void put(const std::string& s) {
  std::fwrite(s.data(), 1, s.size(), stdout);
}

}  // namespace

void add_export_command(CLI::App& app, GlobalOptions& g) {
  auto* cmd = app.add_subcommand("export", "Export what the store holds");
  cmd->require_subcommand(1);
  auto* docs = cmd->add_subcommand("docs", "Documents with their comments (docs/json-output.md)");
  auto format = std::make_shared<std::string>("jsonl");
  docs->add_option("--format", *format, "jsonl or csv")->check(CLI::IsMember({"jsonl", "csv"}))->capture_default_str();
  docs->callback([&g, format] {
    Store store(g.db);
    if (*format == "csv") {
      put("id,uri,source,title,authors,published,language,republished_from,comments,body\n");
    }
    store.for_each_document([&](const DocumentRecord& d) {
      if (*format == "jsonl") {
        put(document_to_json(d).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        put("\n");
      } else {
        std::string authors;
        for (const auto& a : d.authors) authors += (authors.empty() ? "" : "; ") + a;
        put(csv_field(d.id) + "," + csv_field(d.uris.empty() ? "" : d.uris.front()) + "," + csv_field(d.source) + "," +
            csv_field(d.title) + "," + csv_field(authors) + "," + csv_field(d.published) + "," + csv_field(d.language) +
            "," + csv_field(d.republished_from) + "," + std::to_string(d.comments.size()) + "," + csv_field(d.body) + "\n");
      }
    });
    std::fflush(stdout);
  });
}

}  // namespace seismo::cli
