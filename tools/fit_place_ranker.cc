// Fits the place ranker's weights (src/entities/place_ranker.h) by distant
// supervision: in the texts given, every name that the text disambiguates
// itself with "Town, Region" or "Town, Country" is a training case, scored
// without that clue. Only the texts are read: from an XML corpus, the
// contents of every <text> element (no other element, no gold annotation);
// from a .jsonl file (`seismo analyze` output), each document's "body";
// otherwise each file (or each file of a directory) as plain text.
//
//   fit_place_ranker [--write FILE] [--l2 X] [--iterations N] [--gazetteer IDX] INPUT...
//
// Prints the cases found, how often the prior and the fitted weights rank
// the settled candidate first (on all cases, and fitted on one half of the
// texts and scored on the other), and the weights.
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/match_text.h"
#include "entities/gazetteer.h"
#include "entities/place_ranker.h"
#include "entities/places.h"

namespace {

void collect_xml_texts(xmlNode* n, std::vector<std::string>& out) {
  for (xmlNode* c = n; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (xmlStrcmp(c->name, reinterpret_cast<const xmlChar*>("text")) == 0) {
      xmlChar* t = xmlNodeGetContent(c);
      if (t) out.emplace_back(reinterpret_cast<const char*>(t));
      xmlFree(t);
      continue;
    }
    collect_xml_texts(c->children, out);
  }
}

std::vector<std::string> read_texts(const std::string& path) {
  std::vector<std::string> out;
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(path, ec))
      if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files)
      for (auto& t : read_texts(f.string())) out.push_back(std::move(t));
    return out;
  }
  if (path.ends_with(".xml")) {
    xmlDoc* doc = xmlReadFile(path.c_str(), nullptr, XML_PARSE_HUGE | XML_PARSE_NONET);
    if (!doc) {
      std::fprintf(stderr, "fit_place_ranker: %s: not readable XML\n", path.c_str());
      return out;
    }
    collect_xml_texts(xmlDocGetRootElement(doc), out);
    xmlFreeDoc(doc);
    return out;
  }
  std::ifstream in(path, std::ios::binary);
  // `seismo analyze` output: one document a line, its clean "body".
  if (path.ends_with(".jsonl") && in) {
    std::string line;
    while (std::getline(in, line)) {
      nlohmann::json d = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (d.is_object() && d.contains("body") && d["body"].is_string() && !d["body"].get<std::string>().empty())
        out.push_back(d["body"].get<std::string>());
    }
    return out;
  }
  if (!in) {
    std::fprintf(stderr, "fit_place_ranker: %s: cannot open\n", path.c_str());
    return out;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  out.push_back(ss.str());
  return out;
}

double top1(const std::vector<seismo::RankingCase>& cases, const seismo::PlaceRankerWeights& w) {
  if (cases.empty()) return 0;
  size_t right = 0;
  for (const auto& c : cases) {
    size_t best = 0;
    for (size_t k = 1; k < c.candidates.size(); ++k)
      if (w.score(c.candidates[k]) > w.score(c.candidates[best])) best = k;
    right += best == c.answer;
  }
  return 100.0 * static_cast<double>(right) / static_cast<double>(cases.size());
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Fit the place ranker's weights by distant supervision"};
  std::vector<std::string> inputs;
  std::string write, gazetteer = seismo::default_gazetteer_path();
  double l2 = 0.005;
  int iterations = 400;
  app.add_option("inputs", inputs, "XML corpora (their <text> elements), text files or directories")->required();
  app.add_option("--write", write, "write the weights as src/entities/place_ranker_weights.inc");
  app.add_option("--l2", l2, "pull towards the prior weights");
  app.add_option("--iterations", iterations, "gradient descent steps");
  app.add_option("--gazetteer", gazetteer, "gazetteer index");
  CLI11_PARSE(app, argc, argv);

  std::string error;
  auto gz = seismo::Gazetteer::open(gazetteer, &error);
  if (!gz) {
    std::fprintf(stderr, "fit_place_ranker: %s\n", error.c_str());
    return 1;
  }
  // The prior: the hand-set weights the ranker started from. Cases are
  // read resolving with it, and the clue features keep it (they label the
  // cases, so cannot be learned from them).
  seismo::PlaceRankerWeights prior;
  // Countries carry their population (7 for ten million people), so their
  // own bonus is what the hand-set rule gave beyond that: a country under
  // its own name beats any town of the name, under another name ("the
  // States") only a small one.
  const double kPrior[seismo::kPlaceFeatureCount] = {1.0, 3.0,  0.0, 4.5, 0.0, 1.5, 1.0, 0.5, 0.5, 2.0,
                                                     0.0, 3.0,  0.5, 1.5, 0.0, 3.0, 2.0, 1.0, 8.0, 5.0, -3.0, 1.0};
  for (int i = 0; i < seismo::kPlaceFeatureCount; ++i) prior.w[i] = kPrior[i];
  seismo::PlaceResolver resolver(*gz, prior);
  std::vector<seismo::RankingCase> all, even, odd;
  size_t texts = 0;
  for (const auto& input : inputs)
    for (const auto& text : read_texts(input)) {
      seismo::MatchText t = seismo::make_match_text(text);
      for (auto& c : resolver.ranking_cases(text, t)) {
        (texts % 2 ? odd : even).push_back(c);
        all.push_back(std::move(c));
      }
      ++texts;
    }
  const std::vector<int> fixed = {seismo::kContainerRegion, seismo::kContainerCountry, seismo::kAnchorWithin50,
                                  seismo::kAnchorWithin150, seismo::kAnchorWithin400};
  auto fitted = seismo::fit_place_ranker(all, prior, fixed, l2, iterations);
  auto on_even = seismo::fit_place_ranker(even, prior, fixed, l2, iterations);
  auto on_odd = seismo::fit_place_ranker(odd, prior, fixed, l2, iterations);
  std::printf("%zu texts, %zu cases (%zu in even texts, %zu in odd)\n", texts, all.size(), even.size(), odd.size());
  std::printf("top-1 on all cases: prior %.1f%%, fitted %.1f%%\n", top1(all, prior), top1(all, fitted));
  std::printf("held out: fitted on even, scored on odd %.1f%% (prior %.1f%%); fitted on odd, scored on even %.1f%% (prior %.1f%%)\n",
              top1(odd, on_even), top1(odd, prior), top1(even, on_odd), top1(even, prior));
  for (int i = 0; i < seismo::kPlaceFeatureCount; ++i)
    std::printf("  %-22s prior %6.2f  fitted %6.2f\n", seismo::place_feature_name(i), prior.w[i], fitted.w[i]);
  if (!write.empty()) {
    std::ofstream out(write);
    out << "// The place ranker's weights, one per PlaceFeature in order. Written by\n"
           "// `make fit-places` (tools/fit_place_ranker.cc; see data/models/place_ranker.md);\n"
           "// do not edit by hand.\n";
    char line[96];
    for (int i = 0; i < seismo::kPlaceFeatureCount; ++i) {
      std::snprintf(line, sizeof line, "%.4f,  // %s\n", fitted.w[i], seismo::place_feature_name(i));
      out << line;
    }
    if (!out) {
      std::fprintf(stderr, "fit_place_ranker: %s: cannot write\n", write.c_str());
      return 1;
    }
  }
  return 0;
}
