// Comment abuse flags scored on HateCheck's functional tests, as the
// benchmark defines them (../shared/benchmarks/README.md): a case is
// predicted hateful when its identity_attack flag is 0.5 or more; accuracy
// overall, on hateful and on non-hateful cases, and per functionality.
//
//   ./build/bench/abuse_eval en|it [--half even|odd] [--dump FUNCTIONALITY|all] [--json]
//
// Also reports the scorer's throughput on the cases (comments/s, one core).
// --language CODE scores the cases as text of CODE ("none": unknown)
// instead of the set's own language.
//
//   ./build/bench/abuse_eval pages [DIR] [--dump] [--json]
//
// Runs the pipeline's extraction, language identification and comment
// scoring on a directory of pages (default: the multilingual
// extraction/trafilatura-dev pages) and counts the comments with any flag
// at 0.5 or more, by detected language, and how many of them are in a
// language no lexicon is in. --dump prints each flagged comment with its
// language and the terms that raised it.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "comments/abuse.h"
#include "ingest/ingest.h"
#include "pipeline/document.h"

#ifndef SEISMO_SHARED_DIR
#define SEISMO_SHARED_DIR "../shared"
#endif

namespace {

// RFC 4180 records: quoted fields may hold commas, quotes and newlines.
std::vector<std::vector<std::string>> read_csv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field.push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
    } else {
      field.push_back(c);
    }
  }
  if (!field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

struct Tally {
  int right = 0, total = 0;
  double share() const { return total ? static_cast<double>(right) / total : 0; }
};

bool any_flag(const seismo::AbuseFlags& f) {
  for (double v : {f.toxicity, f.insult, f.identity_attack, f.threat, f.profanity, f.sexual}) {
    if (v >= 0.5) return true;
  }
  return false;
}

// Flagged comments of real pages, by the language the pipeline detected.
int run_pages(int argc, char** argv) {
  std::string dir = std::string(SEISMO_SHARED_DIR) + "/benchmarks/extraction/trafilatura-dev";
  bool dump = false, as_json = false;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--dump") dump = true;
    else if (a == "--json") as_json = true;
    else dir = a;
  }
  std::string html = dir + "/html";
  std::vector<std::string> warnings;
  auto scorer = seismo::AbuseScorer::load({}, warnings);
  for (const auto& w : warnings) std::fprintf(stderr, "abuse_eval: %s\n", w.c_str());
  if (!scorer) return 1;
  seismo::Stages stages;
  stages.abuse = scorer.get();
  seismo::DocumentReader reader({html}, seismo::ReaderOptions{}, [](const seismo::IngestError& e) {
    std::fprintf(stderr, "abuse_eval: %s: %s\n", e.where.c_str(), e.message.c_str());
  });
  seismo::RawDocument raw;
  size_t pages = 0, comments = 0, flagged = 0, uncovered = 0;
  std::map<std::string, size_t> by_language;
  while (reader.next(raw)) {
    ++pages;
    seismo::DocumentRecord d = seismo::process_document(raw, stages);
    for (const auto& c : d.comments) {
      ++comments;
      if (!c.abuse || !any_flag(c.abuse->flags)) continue;
      ++flagged;
      std::string lang = c.language.empty() ? "und" : c.language;
      ++by_language[lang];
      bool covered = scorer->covers(lang) || lang == "und";
      uncovered += !covered;
      if (dump) {
        std::string terms;
        for (const auto& r : c.abuse->reasons) terms += (terms.empty() ? "" : ", ") + r.term + " (" + r.category + ")";
        std::string text = c.text.substr(0, 200);
        for (char& ch : text) {
          if (ch == '\n' || ch == '\t') ch = ' ';
        }
        std::fprintf(stderr, "%s\t%s\t%s\t%s\n", lang.c_str(), covered ? "lexicon" : "no-lexicon", terms.c_str(),
                     text.c_str());
      }
    }
  }
  if (as_json) {
    nlohmann::json j = {{"benchmark", "abuse_pages"}, {"pages", pages},          {"comments", comments},
                        {"flagged", flagged},         {"flagged_no_lexicon", uncovered}};
    for (const auto& [l, n] : by_language) j["flagged_by_language"][l] = n;
    std::printf("%s\n", j.dump().c_str());
    return 0;
  }
  std::printf("pages %s: %zu pages, %zu comments, %zu flagged (any flag >= 0.5), %zu of them in a language with no lexicon\n",
              dir.c_str(), pages, comments, flagged, uncovered);
  for (const auto& [l, n] : by_language)
    std::printf("  %-6s %4zu%s\n", l.c_str(), n, scorer->covers(l) || l == "und" ? "" : "  (no lexicon)");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: abuse_eval en|it [--half even|odd] [--dump FUNCTIONALITY|all] [--language CODE|none] [--json]\n"
                 "       abuse_eval pages [DIR] [--dump] [--json]\n");
    return 2;
  }
  if (std::string(argv[1]) == "pages") return run_pages(argc, argv);
  std::string which = argv[1], half, dump;
  std::string language = which;  // the cases' language, as the pipeline would detect it
  bool as_json = false;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--half" && i + 1 < argc) half = argv[++i];
    else if (a == "--language" && i + 1 < argc) language = argv[++i] == std::string("none") ? "" : argv[i];
    else if (a == "--dump" && i + 1 < argc) dump = argv[++i];
    else if (a == "--json") as_json = true;
  }
  std::string base = std::string(SEISMO_SHARED_DIR) + "/benchmarks/toxicity/";
  std::string path = which == "it" ? base + "multilingual_hatecheck/hatecheck_cases_final_italian.csv"
                                   : base + "hatecheck_en/test_suite_cases.csv";
  auto rows = read_csv(path);
  if (rows.size() < 2) {
    std::fprintf(stderr, "abuse_eval: %s: no cases\n", path.c_str());
    return 1;
  }
  std::map<std::string, size_t> col;
  for (size_t k = 0; k < rows[0].size(); ++k) col[rows[0][k]] = k;
  for (const char* need : {"functionality", "test_case", "label_gold"}) {
    if (!col.count(need)) {
      std::fprintf(stderr, "abuse_eval: %s: no column %s\n", path.c_str(), need);
      return 1;
    }
  }
  std::vector<std::string> warnings;
  auto scorer = seismo::AbuseScorer::load({}, warnings);
  for (const auto& w : warnings) std::fprintf(stderr, "abuse_eval: %s\n", w.c_str());
  if (!scorer) return 1;

  Tally all, hateful, non_hateful;
  std::map<std::string, Tally> by_function;
  std::vector<std::string> texts;
  size_t index = 0;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (row.size() < rows[0].size()) continue;
    size_t i = index++;
    if ((half == "even" && i % 2) || (half == "odd" && !(i % 2))) continue;
    const std::string& text = row[col["test_case"]];
    const std::string& gold = row[col["label_gold"]];
    const std::string& function = row[col["functionality"]];
    texts.push_back(text);
    seismo::AbuseScore s = scorer->score(text, language);
    bool predicted = s.flags.identity_attack >= 0.5;
    bool truth = gold == "hateful";
    bool ok = predicted == truth;
    for (Tally* t : {&all, truth ? &hateful : &non_hateful, &by_function[function]}) {
      t->right += ok;
      ++t->total;
    }
    if (!ok && (dump == "all" || dump == function)) {
      std::fprintf(stderr, "%s\t%s\tgot identity_attack=%.2f toxicity=%.2f\t%s\n", function.c_str(), gold.c_str(),
                   s.flags.identity_attack, s.flags.toxicity, text.c_str());
    }
  }
  // Throughput: the cases again, timed, on this one thread.
  auto t0 = std::chrono::steady_clock::now();
  size_t scored = 0;
  for (int pass = 0; pass < 3; ++pass) {
    for (const auto& t : texts) {
      auto s = scorer->score(t, language);
      scored += s.reasons.size() < 1000000;
    }
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  double rate = secs > 0 ? scored / secs : 0;

  if (as_json) {
    nlohmann::json j = {{"benchmark", which == "it" ? "hatecheck_it" : "hatecheck_en"},
                        {"cases", all.total},
                        {"accuracy", all.share()},
                        {"hateful", hateful.share()},
                        {"non_hateful", non_hateful.share()},
                        {"comments_per_s", rate}};
    for (const auto& [f, t] : by_function) j["functionalities"][f] = {{"cases", t.total}, {"accuracy", t.share()}};
    std::printf("%s\n", j.dump().c_str());
    return 0;
  }
  std::printf("hatecheck %s: %d cases  accuracy %.1f%%  hateful %.1f%% (%d)  non-hateful %.1f%% (%d)  (%.0f comments/s on one core)\n",
              which.c_str(), all.total, 100 * all.share(), 100 * hateful.share(), hateful.total,
              100 * non_hateful.share(), non_hateful.total, rate);
  for (const auto& [f, t] : by_function) std::printf("  %-28s %4d  %5.1f%%\n", f.c_str(), t.total, 100 * t.share());
  return 0;
}
