// Trains seismo's syntax model (tagger, lemmatiser, parser) from a CoNLL-U
// treebank. Deterministic: the same data, options and seed give a
// byte-identical model file.
//
//   train_syntax --train en_ewt-ud-train.conllu --output data/models/en_ewt.syntax
#include <CLI/CLI.hpp>
#include <chrono>
#include <fstream>
#include <iostream>

#include "syntax/conllu.h"
#include "syntax/train.h"

int main(int argc, char** argv) {
  CLI::App app{"Trains seismo's syntax model from a CoNLL-U treebank", "train_syntax"};
  std::string train_path, output;
  size_t limit = 0;
  seismo::syntax::TrainOptions opt;
  bool quiet = false;
  app.add_option("--train", train_path, "CoNLL-U training file")->required();
  app.add_option("--output,-o", output, "model file to write")->required();
  app.add_option("--tagger-epochs", opt.tagger_epochs, "tagger passes over the data")->capture_default_str();
  app.add_option("--parser-epochs", opt.parser_epochs, "parser passes over the data")->capture_default_str();
  app.add_option("--folds", opt.folds, "jackknife folds for the parser's tags (1 = none)")->capture_default_str();
  app.add_option("--seed", opt.seed, "shuffling and exploration seed")->capture_default_str();
  app.add_option("--min-weight", opt.min_weight, "drop averaged weights below this")->capture_default_str();
  app.add_option("--keep", opt.keep, "share of the parser's largest weights kept (model size)")->capture_default_str();
  app.add_option("--keep-tagger", opt.keep_tagger, "share of the tagger's largest weights kept")->capture_default_str();
  app.add_option("--sentences", limit, "train on the first N sentences only (0 = all)");
  app.add_option("--description", opt.description, "stored in the model (what it was trained on)");
  app.add_flag("-q,--quiet", quiet, "no progress lines");
  CLI11_PARSE(app, argc, argv);

  std::ifstream in(train_path);
  if (!in) {
    std::cerr << "train_syntax: " << train_path << ": cannot open\n";
    return 1;
  }
  std::vector<seismo::ConlluSentence> sentences;
  seismo::ConlluReader reader(in, train_path);
  seismo::ConlluSentence s;
  while ((limit == 0 || sentences.size() < limit) && reader.next(s)) sentences.push_back(std::move(s));
  if (!reader.error().empty()) {
    std::cerr << "train_syntax: " << reader.error() << "\n";
    return 1;
  }
  if (opt.description.empty()) opt.description = train_path;
  auto start = std::chrono::steady_clock::now();
  if (!quiet)
    opt.log = [&](const std::string& line) {
      double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::cerr << "[" << static_cast<int>(s) << " s] " << line << "\n";
    };
  std::string model = seismo::syntax::train_syntax_model(sentences, opt);
  std::ofstream out(output, std::ios::binary | std::ios::trunc);
  out.write(model.data(), static_cast<std::streamsize>(model.size()));
  out.close();
  if (!out) {
    std::cerr << "train_syntax: " << output << ": cannot write\n";
    return 1;
  }
  if (!quiet) std::cerr << "wrote " << output << " (" << model.size() << " bytes)\n";
  return 0;
}
