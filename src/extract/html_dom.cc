#include "extract/html_dom.h"

#include <cassert>
#include <cctype>

#include <cstring>
#include <vector>

#include "common/text.h"
#include "extract/html_lean.h"

namespace seismo {

HtmlDoc parse_html(std::string_view html, const std::string& url) {
  // XML_PARSE_HUGE lifts libxml2's nesting cap of 256, which otherwise
  // silently drops everything deeper (a 100,000-deep page lost its text).
  // Documents are already size-capped by ingest, and seismo's own walks of
  // the tree are iterative or flatten what lies below a fixed depth.
  // HTML_PARSE_IGNORE_ENC: ingest has already decoded the page to UTF-8,
  // so a <meta charset="euc-kr"> must not make libxml2 decode it again (it
  // did, printed "encoding error" and lost the rest of the page).
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT |
                XML_PARSE_HUGE | HTML_PARSE_IGNORE_ENC;
  // libxml2 scans character by character and allocates per attribute:
  // give it only what extraction reads.
  std::string lean = lean_html(html);
  // Fed in pieces: htmlReadMemory() copies the whole input into its own
  // buffer and then again into the buffer it decodes into, two more copies
  // of a page that may be tens of megabytes; the push parser keeps only
  // what it has not parsed yet.
  constexpr size_t kChunk = 64 * 1024;
  const size_t size = std::min<size_t>(lean.size(), INT32_MAX);
  htmlParserCtxtPtr ctxt = htmlCreatePushParserCtxt(nullptr, nullptr, nullptr, 0, url.empty() ? nullptr : url.c_str(),
                                                    XML_CHAR_ENCODING_UTF8);
  if (!ctxt) return HtmlDoc(nullptr);
  htmlCtxtUseOptions(ctxt, options);
  for (size_t at = 0; at < size; at += kChunk) {
    size_t n = std::min(kChunk, size - at);
    htmlParseChunk(ctxt, lean.data() + at, static_cast<int>(n), 0);
  }
  htmlParseChunk(ctxt, nullptr, 0, 1);
  xmlDoc* doc = ctxt->myDoc;
  ctxt->myDoc = nullptr;
  htmlFreeParserCtxt(ctxt);
  return HtmlDoc(doc);
}

std::string_view attr(const xmlNode* n, std::string_view name) {
  assert(lean_html_keeps_attribute(name) && "lean_html() drops this attribute before parsing");
  if (!n || n->type != XML_ELEMENT_NODE) return {};
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    const char* an = reinterpret_cast<const char*>(a->name);
    if (strncasecmp(an, name.data(), name.size()) == 0 && an[name.size()] == '\0') {
      if (a->children && a->children->content) return reinterpret_cast<const char*>(a->children->content);
      return {};
    }
  }
  return {};
}

bool has_attr(const xmlNode* n, std::string_view name) {
  assert(lean_html_keeps_attribute(name) && "lean_html() drops this attribute before parsing");
  if (!n || n->type != XML_ELEMENT_NODE) return false;
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    const char* an = reinterpret_cast<const char*>(a->name);
    if (strncasecmp(an, name.data(), name.size()) == 0 && an[name.size()] == '\0') return true;
  }
  return false;
}

bool has_class_or_id(const xmlNode* n) { return !attr(n, "class").empty() || !attr(n, "id").empty(); }

std::string class_and_id(const xmlNode* n) {
  std::string s(attr(n, "class"));
  auto id = attr(n, "id");
  if (!id.empty()) {
    s.push_back(' ');
    s.append(id);
  }
  return s;  // case kept: class_tokens() splits at camelCase boundaries
}

bool has_class_token(const xmlNode* n, std::initializer_list<std::string_view> names) {
  std::string_view cls = attr(n, "class");
  size_t i = 0;
  while (i < cls.size()) {
    auto space = [&](size_t k) { return cls[k] == ' ' || cls[k] == '\t' || cls[k] == '\n' || cls[k] == '\r'; };
    while (i < cls.size() && space(i)) ++i;
    size_t start = i;
    while (i < cls.size() && !space(i)) ++i;
    std::string_view token = cls.substr(start, i - start);
    if (token.empty()) break;
    for (std::string_view name : names) {
      if (token.size() == name.size() && starts_with_ascii_ci(token, name)) return true;
    }
  }
  return false;
}

namespace {

// The words of `cls` lower-cased into `joined`, separated by '-', with
// each word's [start, end) in `spans`: any run of consecutive words is
// then one substring of `joined`, ready for a set lookup without building
// a string.
void append_class_words(std::string_view cls, std::string& joined, std::vector<std::pair<uint32_t, uint32_t>>& spans) {
  bool in_word = false;
  char prev = 0;
  auto end_word = [&] {
    if (in_word) spans.back().second = static_cast<uint32_t>(joined.size());
    in_word = false;
  };
  for (char c : cls) {
    bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z';
    if (!upper && !lower) {
      end_word();
    } else {
      if (upper && prev >= 'a' && prev <= 'z') end_word();  // camelCase boundary
      if (!in_word) {
        if (!spans.empty()) joined.push_back('-');
        spans.emplace_back(static_cast<uint32_t>(joined.size()), 0);
        in_word = true;
      }
      joined.push_back(upper ? static_cast<char>(c + 32) : c);
    }
    prev = c;
  }
  end_word();
}

}  // namespace

ClassMatcher::ClassMatcher(std::initializer_list<const char*> words) {
  std::string joined;
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  for (const char* w : words) {
    joined.clear();
    spans.clear();
    append_class_words(w, joined, spans);
    if (spans.empty()) continue;
    if (by_parts_.size() < spans.size()) by_parts_.resize(spans.size());
    by_parts_[spans.size() - 1].insert(joined);
  }
}

bool ClassMatcher::matches(const xmlNode* element) const {
  // Called for nearly every element of every page: the attributes are read
  // in place, and nothing is allocated once the thread's buffers have grown.
  // Each element is asked about by several lists in a row: its words are
  // kept until another class and id come (compared by content, so a node
  // freed and reallocated at the same address can never be mistaken).
  thread_local std::string joined, last_class, last_id;
  thread_local std::vector<std::pair<uint32_t, uint32_t>> spans;
  std::string_view cls = attr(element, "class"), id = attr(element, "id");
  if (cls != last_class || id != last_id) {
    last_class.assign(cls);
    last_id.assign(id);
    joined.clear();
    spans.clear();
    append_class_words(cls, joined, spans);
    append_class_words(id, joined, spans);
  }
  return matches_words(joined, spans);
}

bool ClassMatcher::matches_words(std::string_view all, const std::vector<std::pair<uint32_t, uint32_t>>& spans) const {
  for (size_t i = 0; i < spans.size(); ++i) {
    for (size_t k = 0; k < by_parts_.size() && i + k < spans.size(); ++k) {
      const WordSet& set = by_parts_[k];
      if (set.empty()) continue;
      std::string_view run = all.substr(spans[i].first, spans[i + k].second - spans[i].first);
      if (set.find(run) != set.end()) return true;
      if (run.size() > 3 && run.back() == 's' && set.find(run.substr(0, run.size() - 1)) != set.end()) return true;
    }
  }
  return false;
}

void append_subtree_text(const xmlNode* n, std::string& out, size_t limit) {
  // Iterative, so that no nesting depth can exhaust the stack. A block
  // element or <br> is a word break on both sides.
  struct Frame { const xmlNode* node; bool leaving; };
  std::vector<Frame> stack;
  for (const xmlNode* c = n->last; c; c = c->prev) stack.push_back({c, false});
  while (!stack.empty() && out.size() < limit) {
    Frame f = stack.back();
    stack.pop_back();
    const xmlNode* c = f.node;
    if (f.leaving) {
      out.push_back(' ');
      continue;
    }
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content) out.append(reinterpret_cast<const char*>(c->content));
      continue;
    }
    if (c->type != XML_ELEMENT_NODE) continue;
    auto t = tag_of(c);
    if (is_inert_tag(t)) continue;
    bool block = is_block_tag(t);
    if (block || t == "br") out.push_back(' ');
    if (block) stack.push_back({c, true});
    for (const xmlNode* k = c->last; k; k = k->prev) stack.push_back({k, false});
  }
}

std::string subtree_text(const xmlNode* n, size_t limit) {
  std::string raw;
  append_subtree_text(n, raw, limit);
  return collapse_whitespace(raw);
}

bool is_block_tag(std::string_view t) {
  static const char* tags[] = {"address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
                               "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
                               "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu",
                               "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr",
                               "td", "th", "ul", "caption"};
  for (const char* x : tags) if (t == x) return true;
  return false;
}

bool is_inert_tag(std::string_view t) {
  // Not <noscript>: libxml2 lets an unclosed element inside it swallow the
  // rest of the page, so it is only skipped (is_skipped_tag), which yields
  // when the subtree holds much of the page's text.
  return t == "script" || t == "style" || t == "template" || t == "title";
}

bool is_skipped_tag(std::string_view t) {
  static const char* tags[] = {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
                               "canvas", "video", "audio", "button", "input", "select", "textarea", "option", "nav",
                               "aside", "footer", "header", "menu", "dialog", "title",
                               "figcaption", "label", "map", "picture", "source", "img"};
  for (const char* x : tags) if (t == x) return true;
  return false;
}

}  // namespace seismo
