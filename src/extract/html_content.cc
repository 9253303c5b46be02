#include "extract/html_content.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cmath>
#include <unordered_set>
#include <utility>

#include "common/fold.h"
#include "common/text.h"
#include "extract/cues.h"
#include "extract/extractors.h"
#include "extract/html_comments.h"

namespace seismo {
namespace {

struct Block {
  xmlNode* owner;      // block-level element whose inline text this is
  std::string text;    // raw, '\n' where <br> broke it
  size_t chars = 0;    // after collapsing
  size_t link_chars = 0;
  bool heading = false;
  bool list_item = false;
  bool lead = false;   // inside a header, teaser or intro: kept only as prose inside the article
};

struct Stats {
  double score = 0;
  size_t chars = 0;
  size_t link_chars = 0;
  double prose = 0;  // the scores of every prose block in the subtree, at any depth
  bool scored = false;
};

const ClassMatcher kPositive{"article", "content", "body", "entry", "main", "post", "story", "text", "blog",
                                 "news", "detail", "articlebody", "article-body", "story-body", "post-content",
                                 "entry-content", "prose", "rich-text", "richtext", "column"};
const ClassMatcher kStrongNegative{
    "share", "sharing", "social", "related", "newsletter", "subscribe", "subscription", "cookie", "cookies",
    "consent", "gdpr", "popup", "modal", "advert", "advertisement", "ad", "ads", "adsense", "sponsor", "sponsored",
    "promo", "outbrain", "taboola", "breadcrumb", "breadcrumbs", "pagination", "pager", "caption", "wp-caption-text",
    "signup", "paywall-prompt",
    "recommended", "recommendations", "trending", "most-read", "mostread", "popular", "author-bio", "tags", "tag-list",
    "taglist", "newsletter-signup", "skip-link", "toolbar", "rating", "byline", "dateline", "post-meta", "entry-meta",
    "article-meta", "meta-info", "credit", "credits", "more-stories", "read-more", "readmore", "teaser", "teasers"};
const ClassMatcher kNegative{"sidebar", "side-bar", "widget", "menu", "nav", "navbar", "navigation", "footer",
                                 "header", "masthead", "banner", "follow", "login", "search", "rail", "aside", "extra",
                                 "supplemental", "bio", "profile", "jump", "topics", "links", "overlay",
                                 "alert", "notice", "meta"};
// Words that name a box's shape, not its role: a list or a widget of
// links is furniture, a list of recipe steps or a table of contents'
// sections of prose is the article.
const ClassMatcher kShape{"list", "toc", "widget"};

// Furniture that often holds the article's lead: an article's <header>,
// its teaser or intro paragraph. Its text never scores, and is kept only
// where it lies inside the chosen article and reads as prose.
const ClassMatcher kLeadFurniture{"header", "teaser", "teasers", "intro", "lead", "standfirst", "summary", "kicker",
                                  "subheading", "subtitle", "excerpt", "deck", "abstract"};

// Classes that hide an element, as whole class names: "field--label-hidden"
// hides a field's label, and "hidden-xs" only hides on small screens.
bool hidden_by_class(const xmlNode* n) {
  return has_class_token(n, {"hidden", "sr-only", "visually-hidden", "screen-reader-text", "print-only", "d-none"});
}

int class_weight(const xmlNode* n) {
  int w = 0;
  if (kPositive.matches(n)) w += 25;
  if (kNegative.matches(n) || kStrongNegative.matches(n)) w -= 25;
  return w;
}

bool hidden(const xmlNode* n) {
  if (has_attr(n, "hidden") || hidden_by_class(n)) return true;
  if (ascii_lower(attr(n, "aria-hidden")) == "true") return true;
  std::string_view style = attr(n, "style");
  if (!style.empty()) {
    std::string s = ascii_lower(style);
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    if (s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos) return true;
  }
  return false;
}

// Text and link-text size of every element's subtree, indexed through
// xmlNode::_private (1-based; libxml2 leaves the field to applications).
struct Sizes {
  size_t chars = 0;
  size_t link_chars = 0;
};

size_t visible_length(const char* s) {
  size_t n = 0;
  for (; *s; ++s) n += !(*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r');
  return n;
}

std::vector<Sizes> measure(xmlNode* root) {
  std::vector<Sizes> sizes;
  // Iterative post-order: deep pages must not exhaust the stack.
  struct Frame { xmlNode* n; bool done; };
  std::vector<Frame> stack{{root, false}};
  while (!stack.empty()) {
    Frame f = stack.back();
    stack.pop_back();
    if (!f.done) {
      stack.push_back({f.n, true});
      auto t = tag_of(f.n);
      if (is_inert_tag(t)) continue;
      for (xmlNode* c = f.n->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) stack.push_back({c, false});
      }
      continue;
    }
    sizes.emplace_back();
    f.n->_private = reinterpret_cast<void*>(sizes.size());
    Sizes s;
    auto t = tag_of(f.n);
    if (!is_inert_tag(t)) {
      for (xmlNode* c = f.n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
          s.chars += visible_length(reinterpret_cast<const char*>(c->content));
        } else if (c->type == XML_ELEMENT_NODE && c->_private) {
          const Sizes& cs = sizes[reinterpret_cast<size_t>(c->_private) - 1];
          s.chars += cs.chars;
          s.link_chars += tag_of(c) == "a" ? cs.chars : cs.link_chars;
        }
      }
    }
    sizes.back() = s;
  }
  return sizes;
}

const Sizes& size_of(const xmlNode* n, const std::vector<Sizes>& sizes) {
  static const Sizes none;
  return n->_private ? sizes[reinterpret_cast<size_t>(n->_private) - 1] : none;
}

// SEISMO_DEBUG_EXTRACT=1 explains on stderr why each piece of text was left
// out of the body: one line per decision, "@@REASON class/id<TAB>text".
bool debugging() {
  static const bool on = std::getenv("SEISMO_DEBUG_EXTRACT") != nullptr;
  return on;
}

void trace_text(const char* why, const xmlNode* owner, std::string_view text) {
  if (!debugging()) return;
  std::fprintf(stderr, "@@%s %s\t%s\n", why, owner ? class_and_id(owner).c_str() : "",
               collapse_whitespace(text).c_str());
}

void trace(const char* why, const xmlNode* subtree) {
  if (!debugging()) return;
  std::string t;
  append_subtree_text(subtree, t);
  trace_text(why, subtree, t);
}

class Walker {
 public:
  explicit Walker(const std::vector<Sizes>& sizes, size_t page_chars) : sizes_(sizes), page_chars_(page_chars) {}
  std::vector<Block> blocks;
  std::vector<const xmlNode*> comment_sections;

  void walk(xmlNode* root) {
    Block acc{root, {}, 0, 0, false, false, false};
    visit(root, acc, 0, 0, false);
    flush(acc);
  }

 private:
  void flush(Block& acc) {
    // The collapsed text is wanted for its length only, and the block takes
    // the text itself, not a copy: one <p> may be the whole page.
    size_t chars = collapse_whitespace(acc.text).size();
    std::string text = std::exchange(acc.text, std::string());
    if (chars > 0) {
      Block b = acc;
      b.text = std::move(text);
      b.chars = chars;
      auto tag = tag_of(acc.owner);
      b.heading = tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6';
      b.list_item = tag == "li" || tag == "dd" || tag == "dt";
      blocks.push_back(std::move(b));
    }
    acc.text.clear();
    acc.link_chars = 0;
  }

  void visit(xmlNode* el, Block& acc, int in_link, int depth, bool lead) {
    for (xmlNode* c = el->children; c; c = c->next) {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
        if (!c->content) continue;
        std::string_view t(reinterpret_cast<const char*>(c->content));
        acc.text.append(t);
        if (in_link) acc.link_chars += trim(t).size();
        continue;
      }
      if (c->type != XML_ELEMENT_NODE) continue;
      auto tag = tag_of(c);
      if (tag == "br") { acc.text.push_back('\n'); continue; }
      if (is_inert_tag(tag)) continue;
      if (hidden(c) && !holds_much_text(c)) {
        trace("HIDDEN", c);
        continue;
      }
      bool lead_here = lead;
      if (tag == "header" && !holds_much_text(c)) {
        lead_here = true;
      } else if (is_skipped_tag(tag) && !holds_much_text(c)) {
        trace("SKIPPED-TAG", c);
        continue;
      }
      if (is_comment_section(c)) {
        trace("COMMENTS", c);
        comment_sections.push_back(c);
        continue;
      }
      if (tag != "html" && tag != "body" && tag != "main" && tag != "article" && prunable(c)) {
        if (kLeadFurniture.matches(c)) {
          lead_here = true;
        } else {
          if (debugging()) trace(kStrongNegative.matches(c) ? "FURNITURE" : "FURNITURE-WEAK", c);
          continue;
        }
      }
      if (depth > 200) {
        // Pathological nesting: below this depth the text is kept as one
        // flat block rather than walked recursively (or lost).
        acc.text.push_back(' ');
        append_subtree_text(c, acc.text);
        continue;
      }
      if (is_block_tag(tag) || lead_here != lead) {
        flush(acc);
        Block inner{c, {}, 0, 0, false, false, lead_here};
        visit(c, inner, in_link, depth + 1, lead_here);
        flush(inner);
        continue;
      }
      visit(c, acc, in_link + (tag == "a" ? 1 : 0), depth + 1, lead);
    }
  }

  // libxml2 is not an HTML5 parser: on some pages it nests the article
  // inside an unclosed <header>, <svg> or menu item. A subtree that holds a
  // large share of the page's prose is never dropped for its tag or class.
  bool holds_much_text(const xmlNode* n, double share_needed = 0.25, double max_link_share = 0.5) const {
    const Sizes& s = size_of(n, sizes_);
    double share = page_chars_ ? static_cast<double>(s.chars) / page_chars_ : 0;
    double links = s.chars ? static_cast<double>(s.link_chars) / s.chars : 0;
    // A subtree that is nearly the whole page is never furniture, however
    // many links the page has: libxml2 can nest a whole page inside an
    // unclosed <noscript> or <header>.
    if (share >= 0.9) return true;
    return links <= max_link_share && share >= share_needed;
  }

  // A class or id that names page furniture removes the subtree, unless the
  // subtree holds much of the page's text in prose: wrappers such as
  // "pg-right-rail-tall pg-wrapper" enclose the article itself.
  bool prunable(const xmlNode* n) const {
    bool strong = kStrongNegative.matches(n);
    bool weak = kNegative.matches(n);
    if (!strong && !weak) {
      if (!kShape.matches(n)) return false;
      const Sizes& s = size_of(n, sizes_);
      return s.link_chars * 3 >= s.chars;
    }
    // "box article modal-enabled": a content word beside the furniture word
    // protects all but small subtrees.
    // Such a box often carries its related-article links too: allow more.
    if (kPositive.matches(n)) return !holds_much_text(n, 0.1, 0.75);
    return !holds_much_text(n, strong ? 0.5 : 0.25);
  }

  const std::vector<Sizes>& sizes_;
  size_t page_chars_;
};

// Every element got an index in measure(); stats share it.
Stats& stats_of(xmlNode* n, std::vector<Stats>& all) {
  thread_local Stats scratch;
  if (!n->_private) return scratch = Stats{};
  return all[reinterpret_cast<size_t>(n->_private) - 1];
}

// Measured on both extraction benchmarks: from 0.1 to 1.0 of gain and 0.15
// to 0.4 of links, F1 moves by less than 0.006 on either.
constexpr double kWidenGain = 0.3;
constexpr double kWidenLinkShare = 0.15;

double link_density(const Stats& s) { return s.chars ? static_cast<double>(s.link_chars) / s.chars : 0.0; }

int count_commas(std::string_view s) {
  int n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ',') ++n;
    else if (s.compare(i, 3, "\xEF\xBC\x8C") == 0 || s.compare(i, 3, "\xE3\x80\x81") == 0) ++n;  // CJK commas
  }
  return n;
}

bool inside(const xmlNode* n, const std::unordered_set<const xmlNode*>& roots) {
  for (const xmlNode* p = n; p; p = p->parent) {
    if (roots.count(p)) return true;
  }
  return false;
}

// The best-scored container is often one chunk of an article that the page
// splits into several (sections, text between ads, one wrapper per heading),
// since paragraph scores reach only three levels up. Widen to an ancestor
// when it adds much more prose with few links, or adds nothing. Levels that
// add only a little text (a section heading, a date line) are looked
// through, but not stopped at: their text is not worth it on its own.
xmlNode* widen_to_article(xmlNode* best, std::vector<Stats>& stats) {
  xmlNode* chosen = best;
  xmlNode* probe = best;
  for (int steps = 0; steps < 8; ++steps) {
    xmlNode* up = probe->parent;
    if (!up || up->type != XML_ELEMENT_NODE) break;
    auto t = tag_of(up);
    if (t == "body" || t == "html") break;
    const Stats& here = stats_of(chosen, stats);
    const Stats& there = stats_of(up, stats);
    double gain = there.prose - here.prose;
    size_t added = there.chars - here.chars, added_links = there.link_chars - here.link_chars;
    probe = up;
    if (added == 0) {
      chosen = up;
      continue;
    }
    if (static_cast<double>(added_links) / added >= kWidenLinkShare) break;
    if (gain >= kWidenGain * here.prose) {
      chosen = up;
      continue;
    }
    if (added * 10 > here.chars) break;
  }
  return chosen;
}

}  // namespace

HtmlContent extract_content(xmlDoc* doc, const std::string& title) {
  HtmlContent out;
  xmlNode* root = xmlDocGetRootElement(doc);
  if (!root) return out;
  std::vector<Sizes> sizes = measure(root);
  Walker w(sizes, size_of(root, sizes).chars);
  w.walk(root);

  // Text and link totals up the tree (of the text that survived pruning),
  // and for a paragraph of prose (few links) its score at every depth, which
  // widening weighs: one walk up from each block. Then paragraph scores go to
  // the three nearest ancestors (the container, its parent at half, then a
  // sixth).
  std::vector<Stats> stats(sizes.size());
  std::vector<double> scores(w.blocks.size(), 0.0);  // 0: the block scores nothing
  for (size_t k = 0; k < w.blocks.size(); ++k) {
    const Block& b = w.blocks[k];
    if (b.lead) continue;
    if (b.chars >= 25 && !b.heading) scores[k] = 1 + count_commas(b.text) + std::min(b.chars / 100.0, 3.0);
    double prose = b.link_chars * 3 < b.chars ? scores[k] : 0;
    for (xmlNode* p = b.owner; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
      Stats& s = stats_of(p, stats);
      s.chars += b.chars;
      s.link_chars += b.link_chars;
      s.prose += prose;
    }
  }
  std::vector<xmlNode*> candidates;
  for (size_t k = 0; k < w.blocks.size(); ++k) {
    const Block& b = w.blocks[k];
    double score = scores[k];
    if (score == 0) continue;
    xmlNode* container = b.owner;
    auto tag = tag_of(container);
    // A <p>'s container is its parent; a <div> with text is its own.
    if (tag == "p" || tag == "pre" || tag == "li" || tag == "td" || tag == "blockquote" || tag == "span" || tag == "dd")
      container = container->parent;
    int level = 0;
    for (xmlNode* p = container; p && p->type == XML_ELEMENT_NODE && level < 3; p = p->parent, ++level) {
      Stats& s = stats_of(p, stats);
      if (!s.scored) {
        s.scored = true;
        auto t = tag_of(p);
        double init = 0;
        if (t == "div" || t == "article" || t == "main" || t == "section") init = 5;
        else if (t == "pre" || t == "td" || t == "blockquote") init = 3;
        else if (t == "ol" || t == "ul" || t == "dl" || t == "form" || t == "li") init = -3;
        if (t == "article" || ascii_lower(attr(p, "itemprop")) == "articlebody") init += 15;
        // A content word in the class of a box with hardly any text
        // ("likes-text", "post-meta-text") says nothing about the article.
        int w = class_weight(p);
        if (w < 0 || s.chars >= 100) init += w;
        s.score += init;
        candidates.push_back(p);
      }
      s.score += level == 0 ? score : level == 1 ? score / 2 : score / 6;
    }
  }

  xmlNode* best = nullptr;
  double best_score = 0;
  for (xmlNode* c : candidates) {
    Stats& s = stats_of(c, stats);
    double final_score = s.score * (1 - link_density(s));
    s.score = final_score;
    if (!best || final_score > best_score) {
      best = c;
      best_score = final_score;
    }
  }

  // SEISMO_DEBUG_EXTRACT=1 also dumps the blocks and the chosen container.
  if (debugging()) {
    std::fprintf(stderr, "blocks=%zu candidates=%zu best=%s[%s] score=%.1f\n", w.blocks.size(), candidates.size(),
                 best ? std::string(tag_of(best)).c_str() : "-", best ? class_and_id(best).c_str() : "", best_score);
    for (const Block& b : w.blocks)
      std::fprintf(stderr, "  %s[%.40s] %zu/%zu %.60s\n", std::string(tag_of(b.owner)).c_str(), class_and_id(b.owner).c_str(),
                   b.link_chars, b.chars, collapse_whitespace(b.text).c_str());
  }
  if (best) best = widen_to_article(best, stats);
  std::unordered_set<const xmlNode*> roots;
  if (best) {
    roots.insert(best);
    xmlNode* parent = best->parent;
    double threshold = std::max(10.0, best_score * 0.2);
    if (parent) {
      bool before_best = true;
      for (xmlNode* sib = parent->children; sib; sib = sib->next) {
        if (sib == best) before_best = false;
        if (sib == best || sib->type != XML_ELEMENT_NODE) continue;
        Stats& s = stats_of(sib, stats);
        double ld = link_density(s);
        bool take = s.scored && s.score >= threshold;
        if (!take && tag_of(sib) == "p") {
          take = (s.chars >= 80 && ld < 0.25) || (s.chars > 0 && s.chars < 80 && ld == 0);
        }
        // The article's lead ("intro", "teaser", "abstract") just above it.
        if (!take && before_best && kLeadFurniture.matches(sib)) take = s.chars >= 60 && ld < 0.2;
        if (take) roots.insert(sib);
      }
    }
  }

  const std::string title_folded = fold_for_matching(collapse_whitespace(title));
  bool seen_body = false;
  // Per paragraph: whether it is a heading or a fragment (one or two words
  // that end no sentence), neither of which can end an article.
  std::vector<bool> unfinished;
  for (const Block& b : w.blocks) {
    if (roots.empty() || !inside(b.owner, roots)) {
      trace_text("UNSELECTED", b.owner, b.text);
      std::string& side = seen_body ? out.trail_text : out.lead_text;
      if (side.size() < 2000) {
        side += collapse_whitespace(b.text);
        side += "\n";
      }
      continue;
    }
    double ld = b.chars ? static_cast<double>(b.link_chars) / b.chars : 0;
    if (ld > 0.5 || (b.list_item && ld > 0.35)) {
      trace_text("LINKS", b.owner, b.text);
      continue;
    }
    for (std::string_view piece : split_lines(b.text)) {
      std::string text = collapse_whitespace(piece);
      if (text.empty()) continue;
      int words = word_count(text);
      std::string folded = fold_for_matching(text);
      if (b.heading && folded == title_folded) continue;
      if (!seen_body && out.byline.empty()) {
        std::string names = byline_names(text);
        if (!names.empty()) { out.byline = names; continue; }
      }
      if (words <= 25) {
        std::string prov = provenance_source(text);
        if (!prov.empty()) {
          if (out.provenance.empty()) out.provenance = prov;
          continue;
        }
      }
      if (b.lead && !(ld < 0.2 && words >= 8 && (words >= 15 || ends_sentence(text)))) {
        trace_text("FURNITURE-LEAD", b.owner, text);
        continue;
      }
      if (is_boilerplate_line(folded, words) || is_caption_line(folded, words)) {
        trace_text("BOILERPLATE", b.owner, text);
        continue;
      }
      if (words == 0) continue;
      // One or two words that end no sentence: a name, a date, "Share" at
      // the edges of the body, but a subheading between its paragraphs.
      bool fragment = !b.heading && !b.list_item && words <= 2 && !ends_sentence(text);
      if (fragment && !seen_body) {
        trace_text("SHORT", b.owner, text);
        continue;
      }
      unfinished.push_back(fragment || b.heading);
      out.paragraphs.push_back(std::move(text));
      seen_body = true;
    }
  }
  // Trailing headings and fragments head boxes whose links were dropped
  // ("Related posts", "Read more:") or are a signature.
  while (!unfinished.empty() && unfinished.back()) {
    trace_text("TRAILING", nullptr, out.paragraphs.back());
    unfinished.pop_back();
    out.paragraphs.pop_back();
  }
  for (const xmlNode* section : w.comment_sections) read_comments(section, out.comments);
  return out;
}

}  // namespace seismo
