#include "extract/html_dom.h"

#include <cctype>

#include <cstring>
#include <vector>

#include "common/text.h"

namespace seismo {

namespace {

bool ieq_prefix(std::string_view s, size_t at, std::string_view word) {
  if (at + word.size() > s.size()) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    char c = s[at + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != word[k]) return false;
  }
  return true;
}

// Position of "</name" (any case) at or after `from`, or npos.
size_t find_close_tag(std::string_view s, size_t from, std::string_view name) {
  for (size_t p = s.find("</", from); p != std::string_view::npos; p = s.find("</", p + 2)) {
    if (ieq_prefix(s, p + 2, name)) return p;
  }
  return std::string_view::npos;
}

}  // namespace

namespace {

bool is_void_element(std::string_view lower_name) {
  static const char* names[] = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                "param", "source", "track", "wbr", "keygen", "command", "basefont", "frame"};
  for (const char* n : names) if (lower_name == n) return true;
  return false;
}

// XHTML-style "<h2 />" or "<script src=x />" on an element that is not void:
// an HTML parser (libxml2's, and browsers') opens it and never closes it,
// so the rest of the page ends up inside a heading or a script. When the
// tag at `lt` is one, appends the text before it and the tag closed
// ("<h2 ></h2>") to `out` and returns where to go on; otherwise npos.
size_t close_self_closing(std::string_view html, size_t lt, size_t pos, std::string& out) {
  size_t i = lt + 1;
  while (i < html.size() && (std::isalnum(static_cast<unsigned char>(html[i])) || html[i] == '-')) ++i;
  if (i == lt + 1 || !std::isalpha(static_cast<unsigned char>(html[lt + 1]))) return std::string_view::npos;
  size_t gt = html.find('>', i);
  if (gt == std::string_view::npos || html[gt - 1] != '/') return std::string_view::npos;
  std::string name = ascii_lower(html.substr(lt + 1, i - lt - 1));
  if (is_void_element(name)) return std::string_view::npos;
  out.append(html.substr(pos, gt - 1 - pos));
  out += "></";
  out += name;
  out.push_back('>');
  return gt + 1;
}

}  // namespace

std::string strip_inert_markup(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  size_t pos = 0;
  for (size_t lt = html.find('<'); lt != std::string_view::npos; lt = html.find('<', pos)) {
    if (ieq_prefix(html, lt + 1, "!--")) {
      size_t end = html.find("-->", lt + 4);
      out.append(html.substr(pos, lt - pos));
      pos = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    std::string_view name = ieq_prefix(html, lt + 1, "script") ? "script" : ieq_prefix(html, lt + 1, "style") ? "style" : "";
    if (size_t fixed = close_self_closing(html, lt, pos, out); fixed != std::string_view::npos) {
      pos = fixed;
      continue;
    }
    if (name.empty()) {
      out.append(html.substr(pos, lt + 1 - pos));
      pos = lt + 1;
      continue;
    }
    size_t tag_end = html.find('>', lt);
    if (tag_end == std::string_view::npos) break;
    std::string_view open_tag = html.substr(lt, tag_end + 1 - lt);
    size_t close = find_close_tag(html, tag_end + 1, name);
    if (close == std::string_view::npos) break;
    out.append(html.substr(pos, tag_end + 1 - pos));
    // JSON-LD carries metadata; every other script or style body is inert.
    bool keep = name == "script" && ascii_lower(open_tag).find("ld+json") != std::string::npos;
    if (keep) out.append(html.substr(tag_end + 1, close - tag_end - 1));
    pos = close;
  }
  out.append(html.substr(std::min(pos, html.size())));
  return out;
}

HtmlDoc parse_html(std::string_view html, const std::string& url) {
  // XML_PARSE_HUGE lifts libxml2's nesting cap of 256, which otherwise
  // silently drops everything deeper (a 100,000-deep page lost its text).
  // Documents are already size-capped by ingest, and seismo's own walks of
  // the tree are iterative or flatten what lies below a fixed depth.
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT |
                XML_PARSE_HUGE;
  // Script, style and comment bodies are over half the bytes of a typical
  // news page and libxml2 scans them character by character: drop them
  // first with a memchr-speed scan.
  std::string lean = strip_inert_markup(html);
  xmlDoc* doc = htmlReadMemory(lean.data(), static_cast<int>(std::min<size_t>(lean.size(), INT32_MAX)),
                               url.empty() ? nullptr : url.c_str(), "UTF-8", options);
  return HtmlDoc(doc);
}

std::string_view attr(const xmlNode* n, std::string_view name) {
  if (!n || n->type != XML_ELEMENT_NODE) return {};
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    const char* an = reinterpret_cast<const char*>(a->name);
    if (name.size() == std::strlen(an) && strncasecmp(an, name.data(), name.size()) == 0) {
      if (a->children && a->children->content) return reinterpret_cast<const char*>(a->children->content);
      return {};
    }
  }
  return {};
}

bool has_attr(const xmlNode* n, std::string_view name) {
  if (!n || n->type != XML_ELEMENT_NODE) return false;
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    const char* an = reinterpret_cast<const char*>(a->name);
    if (name.size() == std::strlen(an) && strncasecmp(an, name.data(), name.size()) == 0) return true;
  }
  return false;
}

std::string class_and_id(const xmlNode* n) {
  std::string s(attr(n, "class"));
  auto id = attr(n, "id");
  if (!id.empty()) {
    s.push_back(' ');
    s.append(id);
  }
  return s;  // case kept: class_tokens() splits at camelCase boundaries
}

std::vector<std::string> class_tokens(std::string_view cls) {
  std::vector<std::string> out;
  std::string cur;
  char prev = 0;
  for (char c : cls) {
    bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z';
    if (!upper && !lower) {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      if (upper && prev >= 'a' && prev <= 'z' && !cur.empty()) {
        out.push_back(std::move(cur));
        cur.clear();
      }
      cur.push_back(upper ? static_cast<char>(c + 32) : c);
    }
    prev = c;
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

ClassMatcher::ClassMatcher(std::initializer_list<const char*> words) {
  for (const char* w : words) {
    auto parts = class_tokens(w);
    if (parts.empty()) continue;
    if (by_parts_.size() < parts.size()) by_parts_.resize(parts.size());
    std::string joined;
    for (const auto& p : parts) joined += (joined.empty() ? "" : "-") + p;
    by_parts_[parts.size() - 1].insert(joined);
  }
}

bool ClassMatcher::matches(const std::vector<std::string>& tokens) const {
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::string joined;
    for (size_t k = 0; k < by_parts_.size() && i + k < tokens.size(); ++k) {
      if (k) joined.push_back('-');
      joined += tokens[i + k];
      const auto& set = by_parts_[k];
      if (set.empty()) continue;
      if (set.count(joined)) return true;
      if (joined.size() > 3 && joined.back() == 's' && set.count(joined.substr(0, joined.size() - 1))) return true;
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
