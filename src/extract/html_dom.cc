#include "extract/html_dom.h"

#include <cstring>
#include <vector>

#include "common/text.h"

namespace seismo {

HtmlDoc parse_html(std::string_view html, const std::string& url) {
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT;
  // libxml2 caps element nesting itself (deeply nested junk ends up flat),
  // so pathological depth costs neither stack nor time.
  xmlDoc* doc = htmlReadMemory(html.data(), static_cast<int>(std::min<size_t>(html.size(), INT32_MAX)),
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
  return s;  // case kept: has_word() uses camelCase boundaries
}

bool has_word(std::string_view s, std::string_view token) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c + 32) : c; };
  auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  for (size_t i = 0; i + token.size() <= s.size(); ++i) {
    size_t k = 0;
    while (k < token.size() && lower(s[i + k]) == token[k]) ++k;
    if (k < token.size()) continue;
    bool left = i == 0 || !is_letter(s[i - 1]) || (s[i] >= 'A' && s[i] <= 'Z' && s[i - 1] >= 'a' && s[i - 1] <= 'z');
    size_t e = i + token.size();
    bool right = e == s.size() || !is_letter(s[e]) || (s[e] >= 'A' && s[e] <= 'Z') ||
                 (e + 1 <= s.size() && s[e] == 's' && (e + 1 == s.size() || !is_letter(s[e + 1])));
    if (left && right) return true;
  }
  return false;
}

namespace {

void append_text(const xmlNode* n, std::string& out, size_t limit, int depth) {
  for (const xmlNode* c = n->children; c && out.size() < limit; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content) out.append(reinterpret_cast<const char*>(c->content));
    } else if (c->type == XML_ELEMENT_NODE) {
      auto t = tag_of(c);
      if (t == "script" || t == "style" || t == "noscript" || t == "template") continue;
      if (t == "br" || is_block_tag(t)) out.push_back(' ');
      if (depth < 256) append_text(c, out, limit, depth + 1);
      if (is_block_tag(t)) out.push_back(' ');
    }
  }
}

}  // namespace

std::string subtree_text(const xmlNode* n, size_t limit) {
  std::string raw;
  append_text(n, raw, limit, 0);
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

bool is_skipped_tag(std::string_view t) {
  static const char* tags[] = {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
                               "canvas", "video", "audio", "button", "input", "select", "textarea", "option", "nav",
                               "aside", "footer", "header", "menu", "dialog", "title",
                               "figcaption", "label", "map", "picture", "source", "img"};
  for (const char* x : tags) if (t == x) return true;
  return false;
}

}  // namespace seismo
