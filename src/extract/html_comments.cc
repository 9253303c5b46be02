#include "extract/html_comments.h"

#include <algorithm>

#include "common/dates.h"
#include "common/fold.h"
#include "common/text.h"
#include "extract/cues.h"

namespace seismo {
namespace {

bool names_comment(const xmlNode* n) {
  static const ClassMatcher m{"comment", "commentlist", "disqus", "wpdiscuz", "wpd-thread", "discussion",
                              "kommentare", "komentari", "commenti", "commentaires", "comentarios"};
  return m.matches(n);
}

// Parts of a comment item that are not the comment text.
const ClassMatcher kItemParts{"content", "body", "text", "message", "meta", "author", "avatar", "reply", "form",
                             "respond", "title", "count", "header", "footer", "actions", "date", "time", "vote",
                             "like", "navigation", "nav", "pagination", "wrap", "wrapper", "inner", "container",
                             "thread", "list", "area", "section", "closed", "policy", "link", "metadata", "tools",
                             "edit"};
const ClassMatcher kCommentWord{"comment"};
const ClassMatcher kCommentForm{"respond", "comment-form", "commentform"};
const ClassMatcher kAuthorPart{"author", "fn", "username", "user-name", "nick", "name", "user"};
const ClassMatcher kBodyPart{"comment-content", "comment-body", "comment-text", "content", "text", "message", "body",
                             "entry"};
const ClassMatcher kDatePart{"date", "time", "timestamp", "meta", "metadata", "published"};
const ClassMatcher kChromePart{"meta", "metadata", "reply", "actions", "footer"};

bool is_item(const xmlNode* n) {
  auto tag = tag_of(n);
  if (tag == "li" || tag == "article") return true;
  if (tag != "div") return false;
  std::string_view id = attr(n, "id");
  if (id.substr(0, 8) == "comment-" || id.substr(0, 8) == "comment_" || id.substr(0, 8) == "wpd-comm") return true;
  return kCommentWord.matches(n) && !kItemParts.matches(n);
}

void find_items(const xmlNode* n, std::vector<const xmlNode*>& items, int depth) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    auto tag = tag_of(c);
    if (tag == "form" || is_inert_tag(tag)) continue;
    if (kCommentForm.matches(c)) continue;
    if (is_item(c)) items.push_back(c);
    if (depth < 64) find_items(c, items, depth + 1);
  }
}

const xmlNode* find_part(const xmlNode* n, const ClassMatcher& words, const std::vector<const xmlNode*>& stop, int depth = 0) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (std::find(stop.begin(), stop.end(), c) != stop.end()) continue;
    if (words.matches(c)) return c;
    if (depth < 16) {
      if (const xmlNode* f = find_part(c, words, stop, depth + 1)) return f;
    }
  }
  return nullptr;
}

const xmlNode* find_tag(const xmlNode* n, std::string_view tag, const std::vector<const xmlNode*>& stop, int depth = 0) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (std::find(stop.begin(), stop.end(), c) != stop.end()) continue;
    if (tag_of(c) == tag) return c;
    if (depth < 16) {
      if (const xmlNode* f = find_tag(c, tag, stop, depth + 1)) return f;
    }
  }
  return nullptr;
}

// Text of a subtree without nested comment items and without the parts
// that are chrome (author line, meta, reply links).
void text_without(const xmlNode* n, const std::vector<const xmlNode*>& skip, std::string& out, int depth) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE && c->content) {
      out.append(reinterpret_cast<const char*>(c->content));
    } else if (c->type == XML_ELEMENT_NODE) {
      if (std::find(skip.begin(), skip.end(), c) != skip.end()) continue;
      auto tag = tag_of(c);
      if (is_skipped_tag(tag) || tag == "form") continue;
      if (is_block_tag(tag) || tag == "br") out.append("\n");
      if (depth < 64) text_without(c, skip, out, depth + 1);
      if (is_block_tag(tag)) out.append("\n");
    }
  }
}

std::string clean_comment_text(const std::string& raw) {
  std::string out;
  for (std::string_view line : split_lines(raw)) {
    std::string l = collapse_whitespace(line);
    if (l.empty()) continue;
    std::string f = fold_for_matching(l);
    int w = word_count(l);
    if (is_comment_chrome(f, w) || !edit_note_author(l).empty()) continue;
    if (!out.empty()) out += "\n\n";
    out += l;
  }
  return out;
}

std::string clean_author(std::string s) {
  s = collapse_whitespace(s);
  for (std::string_view suffix : {" says:", " said:", " says", " schreibt:", " dit :", " dit:", " scrive:", " kaže:", " piše:"}) {
    if (s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0) {
      s.resize(s.size() - suffix.size());
    }
  }
  if (word_count(s) > 6) return {};
  return std::string(trim(s));
}

}  // namespace

bool is_comment_section(const xmlNode* n) {
  if (!n || n->type != XML_ELEMENT_NODE) return false;
  auto tag = tag_of(n);
  if (tag == "body" || tag == "html" || tag == "a" || tag == "span" || tag == "form" || tag == "button") return false;
  if (!names_comment(n)) return false;
  // A blog post element carries its taxonomy as classes ("hentry
  // category-kommentare", "tag-comentarios"): it is the article itself.
  if (has_class_token(n, {"hentry", "type-post", "type-page"})) return false;
  // "comment-count", "comments-link" are links to the section, not it.
  static const ClassMatcher pointers{"count", "link", "button", "icon", "number", "bubble", "toggle"};
  return !pointers.matches(n);
}

void read_comments(const xmlNode* section, std::vector<Comment>& out) {
  std::vector<const xmlNode*> items;
  find_items(section, items, 0);
  if (items.empty()) {
    // No item markup: each paragraph of the section is one comment.
    std::vector<const xmlNode*> none;
    std::string raw;
    text_without(section, none, raw, 0);
    for (std::string_view line : split_lines(raw)) {
      std::string l = collapse_whitespace(line);
      if (word_count(l) < 3) continue;
      std::string f = fold_for_matching(l);
      if (is_comment_chrome(f, word_count(l)) || is_comment_section_start(f, word_count(l))) continue;
      out.push_back(Comment{"", "", l, 0, -1});
    }
    return;
  }
  size_t base = out.size();
  std::vector<const xmlNode*> accepted;
  for (const xmlNode* item : items) {
    // Nested items (replies) are read on their own; skip them here.
    std::vector<const xmlNode*> nested;
    for (const xmlNode* other : items) {
      if (other == item) continue;
      for (const xmlNode* p = other->parent; p && p != section; p = p->parent) {
        if (p == item) { nested.push_back(other); break; }
      }
    }
    std::vector<const xmlNode*> stop = nested;
    const xmlNode* author_el = find_part(item, kAuthorPart, stop);
    const xmlNode* body_el = find_part(item, kBodyPart, stop);
    std::string author = author_el ? clean_author(subtree_text(author_el, 500)) : std::string();
    std::string posted;
    if (const xmlNode* t = find_tag(item, "time", stop)) {
      std::string_view dt = attr(t, "datetime");
      auto d = parse_machine_date(dt.empty() ? subtree_text(t, 200) : std::string(dt));
      if (d) posted = d->iso(true);
    }
    if (posted.empty()) {
      if (const xmlNode* m = find_part(item, kDatePart, stop)) {
        auto d = parse_machine_date(subtree_text(m, 300));
        if (d) posted = d->iso(true);
      }
    }
    std::vector<const xmlNode*> skip = nested;
    std::string raw;
    if (body_el && body_el != item) {
      text_without(body_el, skip, raw, 0);
    } else {
      if (author_el) skip.push_back(author_el);
      if (const xmlNode* m = find_part(item, kChromePart, stop)) skip.push_back(m);
      text_without(item, skip, raw, 0);
    }
    std::string text = clean_comment_text(raw);
    if (text.empty()) continue;
    int depth = 0;
    int parent = -1;
    for (const xmlNode* p = item->parent; p && p != section; p = p->parent) {
      auto it = std::find(accepted.begin(), accepted.end(), p);
      if (it != accepted.end()) {
        if (parent < 0) parent = static_cast<int>(base + (it - accepted.begin()));
        ++depth;
      }
    }
    accepted.push_back(item);
    out.push_back(Comment{author, posted, text, depth, parent});
  }
}

}  // namespace seismo
