#include "extract/html_lean.h"

#include <array>
#include <cctype>

namespace seismo {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool ieq_prefix(std::string_view s, size_t at, std::string_view word) {
  if (at + word.size() > s.size()) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    if (lower(s[at + k]) != word[k]) return false;
  }
  return true;
}

bool ieq(std::string_view a, std::string_view lower_b) {
  if (a.size() != lower_b.size()) return false;
  for (size_t k = 0; k < a.size(); ++k) {
    if (lower(a[k]) != lower_b[k]) return false;
  }
  return true;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Position of "</name" (any case) at or after `from`, or npos.
size_t find_close_tag(std::string_view s, size_t from, std::string_view name) {
  for (size_t p = s.find("</", from); p != std::string_view::npos; p = s.find("</", p + 2)) {
    if (ieq_prefix(s, p + 2, name)) return p;
  }
  return std::string_view::npos;
}

bool is_void_element(std::string_view name) {
  static constexpr std::array<std::string_view, 18> kVoid = {"area", "base", "br", "col", "embed", "hr",
                                                             "img", "input", "link", "meta", "param", "source",
                                                             "track", "wbr", "keygen", "command", "basefont", "frame"};
  for (auto v : kVoid) if (ieq(name, v)) return true;
  return false;
}

// Elements whose bodies hold no visible text: dropped, the element kept.
std::string_view body_dropped_element(std::string_view name) {
  if (ieq(name, "script")) return "script";
  if (ieq(name, "style")) return "style";
  if (ieq(name, "svg")) return "svg";
  return {};
}

// Text between tags with each run of whitespace cut to one character (a
// newline when the run held one, so line structure survives): indentation
// is a sixth of a typical page's bytes, and the parser makes nodes of it.
void append_text(std::string_view text, std::string& out) {
  size_t i = 0;
  while (i < text.size()) {
    size_t ws = i;
    while (ws < text.size() && !is_space(text[ws])) ++ws;
    out.append(text.substr(i, ws - i));
    if (ws == text.size()) break;
    size_t end = ws;
    bool newline = false;
    while (end < text.size() && is_space(text[end])) newline |= text[end++] == '\n';
    out.push_back(end - ws == 1 ? text[ws] : newline ? '\n' : ' ');
    i = end;
  }
}

struct StartTag {
  std::string_view name;
  size_t end = std::string_view::npos;  // one past '>'; npos when the tag never closes
  bool self_closing = false;
  bool json_ld = false;  // a type attribute naming ld+json
};

// Parses the start tag at `lt` (html[lt] == '<', a letter after it) as an
// HTML tokenizer would: '>' inside a quoted value does not end it. Writes
// "<name" and the kept attributes to `out`, but not the closing '>'.
StartTag copy_start_tag(std::string_view html, size_t lt, std::string& out) {
  StartTag tag;
  size_t i = lt + 1;
  while (i < html.size() && (std::isalnum(static_cast<unsigned char>(html[i])) || html[i] == '-' || html[i] == ':')) ++i;
  tag.name = html.substr(lt + 1, i - lt - 1);
  out.push_back('<');
  out.append(tag.name);
  while (i < html.size()) {
    char c = html[i];
    if (is_space(c)) { ++i; continue; }
    if (c == '>') {
      tag.end = i + 1;
      return tag;
    }
    if (c == '/') {
      tag.self_closing = i + 1 < html.size() && html[i + 1] == '>';
      ++i;
      continue;
    }
    tag.self_closing = false;
    size_t name_start = i;
    if (c == '=') ++i;  // a stray '=' is read as part of a name, as browsers do
    while (i < html.size() && !is_space(html[i]) && html[i] != '>' && html[i] != '/' && html[i] != '=') ++i;
    std::string_view attr_name = html.substr(name_start, i - name_start);
    size_t j = i;
    while (j < html.size() && is_space(html[j])) ++j;
    std::string_view value;
    if (j < html.size() && html[j] == '=') {
      ++j;
      while (j < html.size() && is_space(html[j])) ++j;
      if (j < html.size() && (html[j] == '"' || html[j] == '\'')) {
        size_t close = html.find(html[j], j + 1);
        if (close == std::string_view::npos) return tag;  // unterminated value: the caller copies verbatim
        value = html.substr(j + 1, close - j - 1);
        i = close + 1;
      } else {
        size_t v = j;
        while (j < html.size() && !is_space(html[j]) && html[j] != '>') ++j;
        value = html.substr(v, j - v);
        i = j;
      }
    }
    if (lean_html_keeps_attribute(attr_name)) {
      out.push_back(' ');
      out.append(html.substr(name_start, i - name_start));
      if (ieq(attr_name, "type") && value.find("ld+json") != std::string_view::npos) tag.json_ld = true;
    }
  }
  return tag;
}

}  // namespace

// The attributes some part of extraction reads (html_metadata, html_content,
// html_comments). Everything else (srcset, data-*, on*, SVG paths, ARIA
// labels) is dropped before parsing: on news pages attribute bytes
// outweigh text two to one, and libxml2 allocates a node for each.
bool lean_html_keeps_attribute(std::string_view name) {
  static constexpr std::array<std::string_view, 18> kKept = {
      "class",   "id",      "href",  "content", "datetime", "itemprop", "lang",     "pubdate",    "rel",
      "style",   "title",   "type",  "hidden",  "aria-hidden", "property", "name", "http-equiv", "charset"};
  for (auto k : kKept) if (ieq(name, k)) return true;
  return false;
}

std::string lean_html(std::string_view html) {
  std::string out;
  out.reserve(html.size() / 2);
  size_t pos = 0;
  for (size_t lt = html.find('<'); lt != std::string_view::npos; lt = html.find('<', pos)) {
    append_text(html.substr(pos, lt - pos), out);
    pos = lt;
    if (ieq_prefix(html, lt + 1, "!--")) {
      size_t end = html.find("-->", lt + 4);
      pos = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    if (lt + 1 >= html.size() || !std::isalpha(static_cast<unsigned char>(html[lt + 1]))) {
      out.push_back('<');
      pos = lt + 1;
      continue;
    }
    size_t mark = out.size();
    StartTag tag = copy_start_tag(html, lt, out);
    if (tag.end == std::string_view::npos) {
      out.resize(mark);  // a tag cut off by the end of input: left as it was
      break;
    }
    // XHTML-style "<h2 />" or "<script src=x />" on an element that is not
    // void: an HTML parser (libxml2's, and browsers') opens it and never
    // closes it, so the rest of the page would end up inside it.
    if (tag.self_closing && !is_void_element(tag.name)) {
      out += "></";
      for (char c : tag.name) out.push_back(lower(c));
      out.push_back('>');
      pos = tag.end;
      continue;
    }
    out += tag.self_closing ? "/>" : ">";
    pos = tag.end;
    std::string_view dropped = body_dropped_element(tag.name);
    if (dropped.empty() || tag.self_closing) continue;
    size_t close = find_close_tag(html, tag.end, dropped);
    if (close == std::string_view::npos) break;  // unterminated: the rest stays as it was
    // JSON-LD carries metadata; every other script body is inert.
    if (dropped == "script" && tag.json_ld) out.append(html.substr(tag.end, close - tag.end));
    pos = close;
  }
  if (pos < html.size()) append_text(html.substr(pos), out);
  return out;
}

}  // namespace seismo
