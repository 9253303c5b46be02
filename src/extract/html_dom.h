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

// Lower-cased "class id" of an element, for pattern tests.
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

// The words of a class/id string, lower-cased, split at non-letters and at
// camelCase boundaries: "relatedArticles post-content" -> related, articles,
// post, content.
std::vector<std::string> class_tokens(std::string_view cls);

// A list of class words ("share", "post-content") matched against the
// words of a class/id string (class_tokens()): multi-part entries match
// consecutive tokens, and a token's plural matches the singular entry.
// Built once, shared by threads.
class ClassMatcher {
 public:
  explicit ClassMatcher(std::initializer_list<const char*> words);
  // Whether `class_and_id` (as class_and_id() returns it) names one of the
  // words. A page repeats a few class strings hundreds of times, so each
  // thread remembers the answers per string.
  bool matches(std::string_view class_and_id) const;

 private:
  bool matches_tokens(const std::vector<std::string>& tokens) const;

  size_t id_;                                              // index of this matcher's per-thread memo
  std::vector<std::unordered_set<std::string>> by_parts_;  // index: number of parts - 1
};

}  // namespace seismo
