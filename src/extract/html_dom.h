// Thin helpers over libxml2's HTML DOM. Internal to extract.
#pragma once
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace seismo {

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using HtmlDoc = std::unique_ptr<xmlDoc, DocFree>;

// Parses UTF-8 HTML leniently (recover, no network, no error output).
HtmlDoc parse_html(std::string_view html, const std::string& url);

inline std::string_view tag_of(const xmlNode* n) {
  return n && n->type == XML_ELEMENT_NODE && n->name ? std::string_view(reinterpret_cast<const char*>(n->name))
                                                     : std::string_view();
}

// Attribute value without allocation; empty when absent.
std::string_view attr(const xmlNode* n, std::string_view name);

bool has_attr(const xmlNode* n, std::string_view name);

bool has_class_or_id(const xmlNode* n);

// Whether one of the element's class names is exactly one of `names`
// (ASCII case ignored): "hidden" but not "field--label-hidden".
bool has_class_token(const xmlNode* n, std::initializer_list<std::string_view> names);

// The "class id" text of an element, case kept (for messages and hints).
std::string class_and_id(const xmlNode* n);

// Visible text of a subtree, whitespace collapsed, inert elements skipped.
// Iterative: any nesting depth is safe.
std::string subtree_text(const xmlNode* n, size_t limit = 1 << 20);
// The same without collapsing, appended to `out`.
void append_subtree_text(const xmlNode* n, std::string& out, size_t limit = 1 << 20);

bool is_block_tag(std::string_view tag);
// Elements whose text is never visible: script, style, noscript, template, title.
bool is_inert_tag(std::string_view tag);
// Elements that are not article content: inert ones, furniture (nav,
// header, footer, aside), media and form controls.
bool is_skipped_tag(std::string_view tag);

// A list of class words ("share", "post-content") matched against the
// words of an element's class and id: lower-cased, split at non-letters
// and at camelCase boundaries ("relatedArticles post-content" -> related,
// articles, post, content). Multi-part entries match consecutive words,
// and a word's plural matches the singular entry. Built once, shared by
// threads.
class ClassMatcher {
 public:
  explicit ClassMatcher(std::initializer_list<const char*> words);
  bool matches(const xmlNode* element) const;

 private:
  // Heterogeneous lookup: a run of words is probed as a string_view.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using WordSet = std::unordered_set<std::string, Hash, std::equal_to<>>;
  bool matches_words(std::string_view joined, const std::vector<std::pair<uint32_t, uint32_t>>& spans) const;

  std::vector<WordSet> by_parts_;  // entries of n words ("post-content"), at index n - 1
};

}  // namespace seismo
