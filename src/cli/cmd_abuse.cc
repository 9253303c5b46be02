// seismo abuse PATH...|-: scores texts from elsewhere (one per line, or JSON
// Lines {"id", "text"}) and prints one JSON object per text.
#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/console.h"
#include "language/language.h"
#include "pipeline/document_json.h"

namespace seismo::cli {
namespace {

// Scores each line of `in`; a line that is a JSON object takes its "text"
// (and "id"); any other line is the text itself. Each bad line is reported
// and counted in `errors`.
void score_stream(std::istream& in, const std::string& name, const AbuseScorer& scorer, int& errors) {
  std::string line;
  size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json out;
    std::string text = line;
    if (line[0] == '{') {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j["text"].is_string()) {
        print_error(name + " line " + std::to_string(number), "not a JSON object with a \"text\" string");
        ++errors;
        continue;
      }
      text = j["text"].get<std::string>();
      if (j.contains("id")) out["id"] = j["id"];
    } else {
      out["line"] = number;
    }
    LanguageGuess lang = detect_language(text);
    AbuseScore s = scorer.score(text, lang.code);
    out.update(abuse_to_json(s));
    out["language"] = lang.code == "und" ? nlohmann::json(nullptr) : nlohmann::json(lang.code);
    put(out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  }
}

}  // namespace

void add_abuse_command(CLI::App& app, GlobalOptions&) {
  auto* cmd = app.add_subcommand("abuse", "Score texts for abuse, hate and threats (one per line, or JSON Lines {id, text})");
  auto paths = std::make_shared<std::vector<std::string>>();
  auto opts = std::make_shared<AbuseOptions>();
  auto* given = cmd->add_option("paths", *paths, "files, or - for stdin (the default when it is piped)");
  if (stdin_is_piped()) *paths = {"-"};  // as input_options.cc does for ingest and analyze
  else given->required();
  cmd->add_option("--lexicons", opts->lexicons, "abuse lexicons in seismo's format (files or directories); default: the bundled ones");
  cmd->callback([paths, opts] {
    std::vector<std::string> warnings;
    auto scorer = AbuseScorer::load(*opts, warnings);
    for (const auto& w : warnings) print_error("abuse", w);
    if (!scorer) {
      exit_status = 1;
      return;
    }
    int errors = 0;
    for (const auto& p : *paths) {
      if (p == "-") {
        score_stream(std::cin, "-", *scorer, errors);
        continue;
      }
      std::ifstream in(p);
      if (!in) {
        print_error(p, "cannot open");
        ++errors;
        continue;
      }
      score_stream(in, p, *scorer, errors);
    }
    std::fflush(stdout);
    exit_status = errors > 0 ? 1 : 0;
  });
}

}  // namespace seismo::cli
