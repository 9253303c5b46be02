// seismo reuse [DOC] [--outlets] [--format table|jsonl]: who copied whom.
#include <cstdio>

#include "cli/commands.h"
#include "cli/console.h"
#include "cli/reuse_output.h"
#include "cli/table.h"
#include "store/store.h"

namespace seismo::cli {
namespace {

std::string outlet_or_unknown(const Sighting& s) { return s.outlet.empty() ? "(unknown outlet)" : s.outlet; }

// "SouthFront -> InfoBrics", with the arrow the way the text went.
std::string flow(const StoredReusePair& p) {
  std::string a = outlet_or_unknown(p.a_seen), b = outlet_or_unknown(p.b_seen);
  if (p.direction == ReuseDirection::kAToB) return a + " -> " + b;
  if (p.direction == ReuseDirection::kBToA) return b + " -> " + a;
  return a + " -- " + b;
}

void print_table(const std::vector<StoredReusePair>& pairs, const std::string& focus) {
  Table t({{"KIND"}, {"SCORE", true}, {"FLOW"}, {"A"}, {"B"}, {"PASSAGES", true}, {"FIRST PASSAGE", false, true}});
  for (const auto& p : pairs) {
    std::string a = p.a.substr(0, 8), b = p.a == p.b ? "(same text)" : p.b.substr(0, 8);
    if (!focus.empty() && p.b == focus && p.a != p.b) std::swap(a, b);
    char score[16];
    std::snprintf(score, sizeof score, "%.2f", p.score);
    t.add({reuse_kind_name(p.kind), score, flow(p), a, b, std::to_string(p.passages.size()),
           p.passages.empty() ? "" : p.passages.front().text});
  }
  t.print();
}

}  // namespace

void add_reuse_command(CLI::App& app, GlobalOptions& g) {
  auto* cmd = app.add_subcommand(
      "reuse", "Who copied whom: duplicates, reprints, near-duplicates and shared passages, for one document or all");
  auto doc = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("table");
  auto outlets = std::make_shared<bool>(false);
  cmd->add_option("DOC", *doc, "a document id or unique prefix (default: every pair)");
  cmd->add_option("--format", *format, "table or jsonl")->check(CLI::IsMember({"table", "jsonl"}))->capture_default_str();
  cmd->add_flag("--outlets", *outlets, "who reprints whom: pairs with a known direction, by outlet");
  cmd->callback([&g, doc, format, outlets] {
    Database store(g.db, Access::kRead);
    if (*outlets) {
      auto flows = outlet_flows(store);
      if (*format == "jsonl") {
        for (const auto& f : flows)
          put(nlohmann::json{{"from", f.from}, {"to", f.to}, {"pairs", f.pairs}, {"copies", f.copies}}.dump() + "\n");
      } else {
        Table t({{"FROM"}, {"TO"}, {"PAIRS", true}, {"COPIES", true}});
        for (const auto& f : flows) t.add({f.from, f.to, std::to_string(f.pairs), std::to_string(f.copies)});
        t.print();
      }
      std::fflush(stdout);
      return;
    }
    auto pairs = reuse_pairs(store, *doc);
    if (*format == "jsonl") {
      for (const auto& p : pairs) put(reuse_pair_to_json(p).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
      std::fflush(stdout);
      return;
    }
    if (!doc->empty()) {
      // Where this text came from: each sighting and the origin its page names.
      auto d = get_document(store, *doc);
      for (const auto& s : sightings_of(store, d->id)) {
        put("seen at " + outlet_or_unknown(s) + (s.published.empty() ? "" : " on " + s.published) + ": " + s.url +
            (s.republished_from.empty() ? "" : " (republished from " + s.republished_from + ", as the page says)") + "\n");
      }
      if (pairs.empty()) put("no other stored document shares its text\n");
    }
    if (!pairs.empty()) print_table(pairs, doc->empty() ? std::string() : get_document(store, *doc)->id);
    std::fflush(stdout);
  });
}

}  // namespace seismo::cli
