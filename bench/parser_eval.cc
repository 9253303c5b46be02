// The syntax model on UD English EWT with gold tokenisation, scored as the
// CoNLL 2018 shared task does: UPOS, lemma, UAS and LAS (universal relations,
// subtypes stripped) over every word, punctuation included; multiword token
// ranges and empty nodes are not words. Also tokens/s of tagging + parsing on
// one thread (median of rounds), per second of the thread's CPU time (what a
// core gives when the machine is shared) and of wall time, and model load
// time.
//
//   parser_eval [--model FILE] [--rounds N] FILE.conllu...
#include <CLI/CLI.hpp>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "syntax/conllu.h"
#include "syntax/syntax.h"

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

double thread_cpu_seconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Scores seismo's syntax model on CoNLL-U files (gold tokenisation)", "parser_eval"};
  std::string model_path = seismo::default_syntax_model_path();
  std::vector<std::string> files;
  int rounds = 5;
  app.add_option("--model", model_path, "syntax model file")->capture_default_str();
  app.add_option("--rounds", rounds, "timing rounds (the median is reported)")->capture_default_str();
  app.add_option("files", files, "CoNLL-U files with gold annotation")->required();
  CLI11_PARSE(app, argc, argv);

  std::string error;
  auto t0 = Clock::now();
  auto model = seismo::SyntaxModel::load(model_path, error);
  double load_ms = seconds_since(t0) * 1000;
  if (!model) {
    std::cerr << "parser_eval: " << error << "\n";
    return 1;
  }
  std::printf("model %s: %zu bytes, loaded in %.1f ms\n", model_path.c_str(), model->file_size(), load_ms);
  std::printf("%-28s %8s %7s %7s %7s %7s %12s %12s\n", "file", "words", "UPOS", "lemma", "UAS", "LAS", "tok/s (CPU)",
              "tok/s (wall)");
  for (const auto& path : files) {
    std::ifstream in(path);
    if (!in) {
      std::cerr << "parser_eval: " << path << ": cannot open\n";
      return 1;
    }
    std::vector<seismo::ConlluSentence> gold;
    seismo::ConlluReader reader(in, path);
    seismo::ConlluSentence s;
    while (reader.next(s)) gold.push_back(std::move(s));
    if (!reader.error().empty()) {
      std::cerr << "parser_eval: " << reader.error() << "\n";
      return 1;
    }
    size_t words = 0, upos = 0, lemma = 0, uas = 0, las = 0;
    std::vector<double> rates, cpu_rates;
    for (int r = 0; r < std::max(1, rounds); ++r) {
      std::vector<std::vector<seismo::SyntaxToken>> input;
      for (const auto& g : gold) {
        std::vector<seismo::SyntaxToken> sent;
        for (const auto& w : g.words) {
          seismo::SyntaxToken t;
          t.form = w.form;
          sent.push_back(std::move(t));
        }
        input.push_back(std::move(sent));
      }
      auto start = Clock::now();
      double cpu_start = thread_cpu_seconds();
      size_t n = 0;
      for (auto& sent : input) {
        model->annotate(sent);
        n += sent.size();
      }
      rates.push_back(static_cast<double>(n) / seconds_since(start));
      cpu_rates.push_back(static_cast<double>(n) / (thread_cpu_seconds() - cpu_start));
      if (r > 0) continue;
      for (size_t i = 0; i < gold.size(); ++i)
        for (size_t k = 0; k < gold[i].words.size(); ++k) {
          const auto &g = gold[i].words[k], &p = input[i][k];
          ++words;
          upos += g.upos == p.upos;
          lemma += g.lemma == p.lemma;
          if (g.head == p.head) {
            ++uas;
            las += seismo::universal_relation(g.deprel) == seismo::universal_relation(p.deprel);
          }
        }
    }
    std::sort(rates.begin(), rates.end());
    std::sort(cpu_rates.begin(), cpu_rates.end());
    double w = static_cast<double>(std::max<size_t>(words, 1));
    std::string name = path.substr(path.find_last_of('/') + 1);
    std::printf("%-28s %8zu %7.4f %7.4f %7.4f %7.4f %12.0f %12.0f\n", name.c_str(), words, upos / w, lemma / w,
                uas / w, las / w, cpu_rates[cpu_rates.size() / 2], rates[rates.size() / 2]);
  }
  return 0;
}
