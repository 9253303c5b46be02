#include "cli/comment_output.h"

#include <fmt/format.h>

#include <cmath>

#include "cli/abuse_words.h"
#include "cli/console.h"
#include "cli/table.h"
#include "common/text.h"
#include "pipeline/document_json.h"

namespace seismo::cli {
namespace {

// The contract's comment object with what makes it traceable on its own:
// its document, its place in the thread and the outlet.
nlohmann::json comment_json(const StoredComment& row) {
  nlohmann::json j = {{"doc_id", row.doc_id},
                      {"ordinal", row.ordinal},
                      {"outlet", row.source.empty() ? nlohmann::json(nullptr) : nlohmann::json(row.source)}};
  j.update(comment_to_json(row.comment));
  if (row.comment.abuse) j["flagged"] = row.comment.abuse->flagged();
  else j["flags"] = nullptr;  // not scored (stored with --no-abuse)
  return j;
}

std::string number(double v) { return fmt::format("{:.2f}", v); }

// The flags at or above 0.5, as letters: Insult, identity Attack, Threat,
// Profanity, Sexual.
std::string flag_letters(const AbuseFlags& f) {
  std::string s;
  s += f.insult >= 0.5 ? 'I' : '.';
  s += f.identity_attack >= 0.5 ? 'A' : '.';
  s += f.threat >= 0.5 ? 'T' : '.';
  s += f.profanity >= 0.5 ? 'P' : '.';
  s += f.sexual >= 0.5 ? 'S' : '.';
  return s;
}

}  // namespace

size_t print_comments(const Database& store, const CommentQuery& query, const std::string& format, long limit) {
  size_t printed = 0;
  // The text gives way to the terminal first, then the words (a long
  // tirade raises dozens); ids and scores never do.
  Table table({{"DOC"}, {"#", true}, {"TOX", true}, {"FLAGS"}, {"AUTHOR"}, {"WORDS", false, true}, {"TEXT", false, true}});
  if (format == "csv") {
    put("doc_id,ordinal,outlet,author,posted,language,depth,parent,toxicity,insult,identity_attack,threat,profanity,"
        "sexual,targets,terms,text\n");
  }
  for_each_comment(store, query, [&](const StoredComment& row) {
    if (limit >= 0 && printed >= static_cast<size_t>(limit)) return;
    const CommentRecord& c = row.comment;
    if (format == "jsonl") {
      put(comment_json(row).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    } else if (format == "csv") {
      std::string targets, terms;
      if (c.abuse) {
        for (const auto& t : c.abuse->targets) targets += (targets.empty() ? "" : "; ") + t;
        for (const auto& r : c.abuse->reasons) terms += (terms.empty() ? "" : "; ") + r.category + ":" + r.term;
      }
      auto flag = [&](double AbuseFlags::*m) { return c.abuse ? number((c.abuse->flags).*m) : std::string(); };
      put(csv_field(row.doc_id) + "," + std::to_string(row.ordinal) + "," + csv_field(row.source) + "," +
          csv_field(c.author) + "," + csv_field(c.posted) + "," + csv_field(c.language) + "," + std::to_string(c.depth) +
          "," + (c.parent < 0 ? "" : std::to_string(c.parent)) + "," + flag(&AbuseFlags::toxicity) + "," +
          flag(&AbuseFlags::insult) + "," + flag(&AbuseFlags::identity_attack) + "," + flag(&AbuseFlags::threat) + "," +
          flag(&AbuseFlags::profanity) + "," + flag(&AbuseFlags::sexual) + "," + csv_field(targets) + "," +
          csv_field(terms) + "," + csv_field(c.text) + "\n");
    } else {
      // Words only for flagged comments: below 0.5 they raised nothing.
      std::string words = c.abuse && c.abuse->flagged() ? abuse_words(c.text, *c.abuse) : "";
      table.add({row.doc_id, std::to_string(row.ordinal + 1), c.abuse ? number(c.abuse->flags.toxicity) : "-",
                 c.abuse ? flag_letters(c.abuse->flags) : "-", c.author.empty() ? "(anonymous)" : c.author,
                 words.empty() ? "-" : words, collapse_whitespace(c.text)});
    }
    ++printed;
  });
  if (format == "table") table.print();
  std::fflush(stdout);
  return printed;
}

}  // namespace seismo::cli
