// seismo parse PATH...|- : the article text of each document (read and
// extracted as `analyze` does) tokenised, split into sentences, tagged,
// lemmatised and parsed, as CoNLL-U. seismo parse --conllu FILE re-tags and
// re-parses a CoNLL-U file's sentences keeping its tokenisation, so the
// output can be scored with the CoNLL 2018 shared task's evaluation script.
#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/console.h"
#include "extract/extract.h"
#include "syntax/conllu.h"
#include "syntax/syntax.h"

namespace seismo::cli {
namespace {

// "# text = ..." holds one line: newlines and tabs in the source become spaces.
std::string one_line(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return out;
}

void print_text(const SyntaxModel& model, const std::string& doc_id, const std::string& text, int& sentence_no) {
  auto sentences = split_english_sentences(tokenize_english(text), text);
  for (auto& words : sentences) {
    model.annotate(words);
    ConlluSentence s;
    s.comments.push_back("# sent_id = " + doc_id + "-" + std::to_string(++sentence_no));
    s.comments.push_back("# text = " + one_line(std::string_view(text).substr(words.front().begin,
                                                                               words.back().end - words.front().begin)));
    for (size_t i = 0; i < words.size(); ++i) {
      bool space_after = i + 1 < words.size() ? words[i + 1].begin > words[i].end
                                              : words[i].end < text.size();
      s.misc.push_back(space_after ? "_" : "SpaceAfter=No");
    }
    s.words = std::move(words);
    put(to_conllu(s));
  }
}

int parse_documents(const SyntaxModel& model, const std::vector<std::string>& paths, size_t max_doc_mb) {
  int errors = 0;
  ReaderOptions ro;
  ro.max_document_bytes = max_doc_mb << 20;
  DocumentReader reader(paths, ro, [&](const IngestError& e) {
    print_error(e.where, e.message);
    if (!e.warning) ++errors;
  });
  RawDocument doc;
  int doc_no = 0;
  while (reader.next(doc)) {
    Article a = extract_article(doc);
    std::string id = "d" + std::to_string(++doc_no);
    put("# newdoc id = " + one_line(doc.uri) + "\n");
    int sentence_no = 0;
    if (!a.title.empty()) print_text(model, id, a.title, sentence_no);
    for (const auto& p : a.paragraphs) {
      put("# newpar\n");
      print_text(model, id, p, sentence_no);
    }
  }
  std::fflush(stdout);
  return errors > 0 ? 1 : 0;
}

int parse_conllu(const SyntaxModel& model, const std::string& path) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    file.open(path);
    if (!file) {
      print_error(path, "cannot open");
      return 1;
    }
    in = &file;
  }
  ConlluReader reader(*in, path);
  ConlluSentence s;
  while (reader.next(s)) {
    // Only the forms are read: what the gold columns said is not kept
    // (features and enhanced dependencies are not predicted, so "_").
    for (auto& w : s.words) {
      std::string form = std::move(w.form);
      w = SyntaxToken{};
      w.form = std::move(form);
    }
    for (auto& f : s.feats) f = "_";
    for (auto& d : s.deps) d = "_";
    model.annotate(s.words);
    put(to_conllu(s));
  }
  std::fflush(stdout);
  if (!reader.error().empty()) {
    std::fprintf(stderr, "seismo: %s\n", reader.error().c_str());
    return 1;
  }
  return 0;
}

}  // namespace

void add_parse_command(CLI::App& app, GlobalOptions&) {
  auto* cmd = app.add_subcommand("parse", "Tag, lemmatise and parse English text as CoNLL-U (UD English EWT model)");
  struct Options {
    std::vector<std::string> paths;
    std::string conllu, model = default_syntax_model_path();
    size_t max_doc_mb = 64;
  };
  auto o = std::make_shared<Options>();
  auto* paths = cmd->add_option("paths", o->paths, "files, directories, or - for stdin (the default when it is piped)");
  auto* conllu = cmd->add_option("--conllu", o->conllu, "re-tag and re-parse this CoNLL-U file's sentences (- for stdin)");
  conllu->excludes(paths);
  cmd->add_option("--model", o->model, "syntax model file")->capture_default_str();
  cmd->add_option("--max-doc-mb", o->max_doc_mb, "refuse documents larger than this (MiB)")->capture_default_str();
  cmd->callback([o] {
    if (o->paths.empty() && o->conllu.empty()) {
      if (!stdin_is_piped()) throw CLI::RequiredError("paths or --conllu");
      o->paths = {"-"};
    }
    std::string error;
    auto model = SyntaxModel::load(o->model, error);
    if (!model) {
      std::fprintf(stderr, "seismo: %s\n", error.c_str());
      exit_status = 1;
      return;
    }
    exit_status = o->conllu.empty() ? parse_documents(*model, o->paths, o->max_doc_mb) : parse_conllu(*model, o->conllu);
  });
}

}  // namespace seismo::cli
