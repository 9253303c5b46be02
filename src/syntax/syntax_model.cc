#include <filesystem>

#include "common/data_files.h"
#include "syntax/model_parts.h"
#include "syntax/parser.h"
#include "syntax/tagger.h"
#include "syntax/word_features.h"

namespace seismo {
namespace syntax {

std::string ModelMeta::serialise() const {
  std::string out = "description\t" + description + "\n";
  for (const auto& [upos, xpos] : tags) out += "tag\t" + upos + "\t" + xpos + "\n";
  for (const auto& l : labels) out += "label\t" + l + "\n";
  return out;
}

bool ModelMeta::parse(std::string_view text, std::string& error) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    size_t tab = line.find('\t');
    std::string_view key = line.substr(0, tab), rest = tab == std::string_view::npos ? "" : line.substr(tab + 1);
    if (key == "description") {
      description = std::string(rest);
    } else if (key == "tag") {
      size_t t = rest.find('\t');
      if (t == std::string_view::npos) break;
      tags.emplace_back(std::string(rest.substr(0, t)), std::string(rest.substr(t + 1)));
    } else if (key == "label") {
      labels.emplace_back(rest);
    }
  }
  if (tags.empty() || labels.empty() || label_index("root") < 0) {
    error = "metadata lacks tags, labels or the root label";
    return false;
  }
  return true;
}

int ModelMeta::label_index(std::string_view name) const {
  for (size_t i = 0; i < labels.size(); ++i)
    if (labels[i] == name) return static_cast<int>(i);
  return -1;
}

}  // namespace syntax

using namespace syntax;

namespace {

// A sentence's first word is capitalised whatever it is, but EWT lemmas of
// words other than names are lower case ("Talks" -> "talk"); a form the
// lemma tables never saw would keep its capital through the suffix edits.
// (Only the first word: elsewhere a capital says more, and dev agrees.)
void fix_case(SyntaxToken& t) {
  std::string& l = t.lemma;
  if (t.upos == "PROPN" || l.size() < 2 || !(l[0] >= 'A' && l[0] <= 'Z')) return;
  for (size_t i = 1; i < l.size(); ++i)
    if (l[i] >= 'A' && l[i] <= 'Z') return;  // "NATO", "McCain"
  l[0] = static_cast<char>(l[0] - 'A' + 'a');
}

}  // namespace

SyntaxModel::SyntaxModel(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SyntaxModel::~SyntaxModel() = default;

std::unique_ptr<SyntaxModel> SyntaxModel::load(const std::string& path, std::string& error) {
  auto impl = std::make_unique<Impl>();
  impl->file = MappedModel::open(path, error);
  if (!impl->file) return nullptr;
  std::string why;
  for (auto name : {kMetaSection, kTaggerSection, kTagger2Section, kMovesSection, kLabelsSection, kLemmaSection})
    if (!impl->file->has(name)) {
      error = path + ": corrupt syntax model (no " + std::string(name) + " section)";
      return nullptr;
    }
  bool ok = impl->meta.parse(impl->file->section(kMetaSection), why) &&
            impl->tagger.attach(impl->file->section(kTaggerSection), why) &&
            impl->tagger2.attach(impl->file->section(kTagger2Section), why) &&
            impl->moves.attach(impl->file->section(kMovesSection), why) &&
            impl->labels.attach(impl->file->section(kLabelsSection), why) &&
            impl->lemmatizer.attach(impl->file->section(kLemmaSection), why);
  if (ok && (impl->tagger.classes() != static_cast<int>(impl->meta.tags.size()) ||
             impl->tagger2.classes() != impl->tagger.classes() || impl->moves.classes() != kMoves ||
             impl->labels.classes() != static_cast<int>(impl->meta.labels.size()))) {
    ok = false;
    why = "class counts disagree with the metadata";
  }
  if (!ok) {
    error = path + ": corrupt syntax model (" + why + ")";
    return nullptr;
  }
  impl->root_label = impl->meta.label_index("root");
  for (const auto& [upos, xpos] : impl->meta.tags) {
    impl->coarse.push_back(coarse_tag_hash(upos));
    impl->name_classes.push_back(upos == "PROPN" || upos == "NOUN" || upos == "ADJ" || upos == "NUM");
    impl->verb_classes.push_back(upos == "VERB" || upos == "ADJ");  // auxiliaries are not in the list
  }
  return std::unique_ptr<SyntaxModel>(new SyntaxModel(std::move(impl)));
}

size_t SyntaxModel::file_size() const { return impl_->file->size(); }
std::string SyntaxModel::description() const { return impl_->meta.description; }

void SyntaxModel::annotate(std::vector<SyntaxToken>& sentence) const {
  const Impl& m = *impl_;
  size_t n = sentence.size();
  if (n == 0) return;
  std::vector<WordInfo> words;
  words.reserve(n);
  for (const auto& t : sentence) words.push_back(word_info(t.form));
  // What the caller knows of a word narrows its classes: a recognised
  // name is a noun, an adjective or a number; a form that is only ever a
  // verb is a verb or an adjective (a participle).
  std::vector<const std::vector<bool>*> allowed(n, nullptr);
  bool any = false;
  for (size_t i = 0; i < n; ++i) {
    if (sentence[i].in_name) allowed[i] = &m.name_classes;
    else if (sentence[i].verb_form) allowed[i] = &m.verb_classes;
    any = any || allowed[i];
  }
  std::vector<int> tags = tag_words(m.tagger, m.tagger2, words, any ? &allowed : nullptr);
  for (size_t i = 0; i < n; ++i) {
    const auto& [upos, xpos] = m.meta.tags[tags[i]];
    sentence[i].upos = upos;
    sentence[i].xpos = xpos;
    bool given = sentence[i].verb_form && upos == "VERB" && !sentence[i].lemma.empty();
    if (!given) sentence[i].lemma = m.lemmatizer.lemma(sentence[i].form, tags[i]);
    if (i == 0) fix_case(sentence[i]);
  }
  ParserModels models{&m.moves, &m.labels, m.root_label};
  int first_root = -1;  // 1-based, in the whole sentence
  std::vector<int> heads, labels;
  for (size_t start = 0; start < n; start += kMaxParseTokens) {
    size_t len = std::min(kMaxParseTokens, n - start);
    ParseInput in;
    in.word.reserve(len);
    for (size_t i = start; i < start + len; ++i) {
      in.word.push_back(words[i].norm);
      in.tag.push_back(tags[i]);
      in.coarse.push_back(m.coarse[tags[i]]);
    }
    parse_words(models, in, heads, labels);
    // The arc-hybrid system may give the root several children; the first
    // becomes the root and the rest attach to it as parataxis, so every
    // sentence is a tree with one root, as UD requires.
    int root = -1;
    for (size_t i = 0; i < len; ++i)
      if (heads[i] == static_cast<int>(len)) {
        root = static_cast<int>(i);
        break;
      }
    for (size_t i = 0; i < len; ++i) {
      SyntaxToken& t = sentence[start + i];
      if (static_cast<int>(i) == root) {
        if (first_root < 0) {
          t.head = 0;
          t.deprel = "root";
          first_root = static_cast<int>(start + i) + 1;
        } else {
          t.head = first_root;
          t.deprel = "dep";
        }
      } else if (heads[i] == static_cast<int>(len)) {
        t.head = static_cast<int>(start) + root + 1;
        t.deprel = "parataxis";
      } else {
        t.head = static_cast<int>(start) + heads[i] + 1;
        t.deprel = m.meta.labels[labels[i]];
      }
    }
  }
}

std::string default_syntax_model_path() {
  std::string path = find_data_file("models/en_ewt.syntax");
  std::error_code ec;
#ifdef SEISMO_SOURCE_MODEL
  if (!std::filesystem::exists(path, ec)) return SEISMO_SOURCE_MODEL;
#endif
  return path;
}

}  // namespace seismo
