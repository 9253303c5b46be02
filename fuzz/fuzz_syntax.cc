// Any bytes as English text and as CoNLL-U: the tokenizer (offsets inside
// the input), the sentence splitter, the CoNLL-U reader and the bundled
// model's annotation must not crash, and every sentence must come out a tree.
#include <cstdlib>
#include <sstream>

#include "syntax/conllu.h"
#include "syntax/syntax.h"

namespace {

const seismo::SyntaxModel& model() {
  static const seismo::SyntaxModel* m = [] {
    std::string error;
    auto loaded = seismo::SyntaxModel::load(seismo::default_syntax_model_path(), error);
    if (!loaded) {
      std::fprintf(stderr, "%s\n", error.c_str());
      std::abort();
    }
    return loaded.release();
  }();
  return *m;
}

void check_tree(const std::vector<seismo::SyntaxToken>& s) {
  int roots = 0;
  for (const auto& t : s) {
    if (t.head < 0 || t.head > static_cast<int>(s.size()) || t.deprel.empty()) std::abort();
    roots += t.head == 0;
  }
  if (!s.empty() && roots != 1) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto tokens = seismo::tokenize_english(text, 7);
  for (const auto& t : tokens)
    if (t.begin < 7 || t.end > size + 7 || t.begin >= t.end || text.substr(t.begin - 7, t.end - t.begin) != t.form)
      std::abort();
  for (auto& sentence : seismo::split_english_sentences(std::move(tokens), text, 7)) {
    model().annotate(sentence);
    check_tree(sentence);
  }
  std::istringstream in{std::string(text)};
  seismo::ConlluReader reader(in, "fuzz.conllu");
  seismo::ConlluSentence s;
  for (int n = 0; n < 100 && reader.next(s); ++n) {
    model().annotate(s.words);
    check_tree(s.words);
    seismo::to_conllu(s);
  }
  return 0;
}
