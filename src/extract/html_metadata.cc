#include "extract/html_metadata.h"

#include <nlohmann/json.hpp>

#include <ctime>
#include <vector>

#include "common/text.h"

namespace seismo {
namespace {

using Json = nlohmann::json;

struct Collected {
  std::vector<std::pair<std::string, std::string>> meta;  // lower-cased key -> content
  std::vector<std::string> jsonld;
  std::string title_tag, first_h1, canonical, lang;
  std::vector<std::pair<std::string, std::string>> times;       // (datetime or text, hint)
  std::vector<std::string> date_texts;                          // text of date-ish elements
  std::vector<std::string> author_texts;
};

std::string meta_value(const Collected& c, std::string_view key) {
  for (const auto& [k, v] : c.meta) if (k == key && !trim(v).empty()) return std::string(trim(v));
  return {};
}

bool is_dateish(const xmlNode* n) {
  static const ClassMatcher m{"date", "datum", "time", "published", "posted", "pubdate", "dateline", "timestamp",
                              "byline", "meta", "datetime", "fecha", "data"};
  return m.matches(n);
}

bool is_authorish(const xmlNode* n) {
  if (ascii_lower(attr(n, "rel")) == "author") return true;
  if (ascii_lower(attr(n, "itemprop")) == "author") return true;
  static const ClassMatcher m{"author", "byline", "writer", "autor", "auteur"};
  return m.matches(n);
}

void collect(xmlNode* root, Collected& c) {
  std::vector<xmlNode*> stack{root};
  while (!stack.empty()) {
    xmlNode* n = stack.back();
    stack.pop_back();
    for (xmlNode* ch = n->last; ch; ch = ch->prev) {
      if (ch->type == XML_ELEMENT_NODE) stack.push_back(ch);
    }
    if (n->type != XML_ELEMENT_NODE) continue;
    auto tag = tag_of(n);
    if (tag == "meta") {
      std::string_view content = attr(n, "content");
      if (content.empty()) continue;
      for (const char* key : {"property", "name", "itemprop", "http-equiv"}) {
        auto k = attr(n, key);
        if (!k.empty()) c.meta.emplace_back(ascii_lower(trim(k)), std::string(content));
      }
    } else if (tag == "html") {
      c.lang = ascii_lower(attr(n, "lang"));
    } else if (tag == "link") {
      if (ascii_lower(attr(n, "rel")) == "canonical" && c.canonical.empty()) c.canonical = std::string(attr(n, "href"));
    } else if (tag == "script") {
      if (ascii_lower(attr(n, "type")).find("ld+json") != std::string::npos && n->children && n->children->content)
        c.jsonld.emplace_back(reinterpret_cast<const char*>(n->children->content));
    } else if (tag == "title") {
      if (c.title_tag.empty()) c.title_tag = subtree_text(n, 2000);
    } else if (tag == "h1") {
      if (c.first_h1.empty()) c.first_h1 = subtree_text(n, 2000);
    } else if (tag == "time") {
      std::string hint = ascii_lower(class_and_id(n)) + " " + ascii_lower(attr(n, "itemprop"));
      if (has_attr(n, "pubdate")) hint += " pubdate";
      std::string_view dt = attr(n, "datetime");
      c.times.emplace_back(dt.empty() ? subtree_text(n, 200) : std::string(dt), hint);
    }
    std::string_view itemprop = attr(n, "itemprop");
    if (!itemprop.empty() && tag != "meta") {
      std::string ip = ascii_lower(itemprop);
      if (ip == "datepublished" || ip == "datecreated") {
        std::string_view v = attr(n, "content");
        if (v.empty()) v = attr(n, "datetime");
        c.meta.emplace_back("itemprop:" + ip, v.empty() ? subtree_text(n, 200) : std::string(v));
      }
    }
    if (tag == "meta" || is_inert_tag(tag)) continue;
    if (c.date_texts.size() >= 24 && c.author_texts.size() >= 8) continue;
    if (tag != "a" && !has_class_or_id(n)) continue;
    if (c.date_texts.size() < 24 && is_dateish(n)) {
      std::string t = subtree_text(n, 400);
      if (!t.empty() && t.size() < 300) c.date_texts.push_back(t);
      std::string_view title = attr(n, "title");
      if (tag == "abbr" && !title.empty()) c.date_texts.emplace_back(title);
    }
    if (c.author_texts.size() < 8 && is_authorish(n)) {
      std::string t = subtree_text(n, 300);
      if (!t.empty() && t.size() < 200) c.author_texts.push_back(t);
    }
  }
}

void add_author_json(const Json& a, std::vector<std::string>& out) {
  if (a.is_string()) out.push_back(a.get<std::string>());
  else if (a.is_object() && a.contains("name") && a["name"].is_string()) out.push_back(a["name"].get<std::string>());
  else if (a.is_array()) for (const auto& x : a) add_author_json(x, out);
}

struct JsonLdFacts {
  std::string published, headline, publisher;
  std::vector<std::string> authors;
};

void walk_jsonld(const Json& j, JsonLdFacts& f, int depth) {
  if (depth > 8) return;
  if (j.is_array()) {
    for (const auto& x : j) walk_jsonld(x, f, depth + 1);
    return;
  }
  if (!j.is_object()) return;
  std::string type;
  if (auto t = j.find("@type"); t != j.end()) {
    if (t->is_string()) type = t->get<std::string>();
    else if (t->is_array() && !t->empty() && (*t)[0].is_string()) type = (*t)[0].get<std::string>();
  }
  bool article = type.find("Article") != std::string::npos || type == "BlogPosting" || type == "NewsArticle" ||
                 type == "Report" || type == "WebPage" || type == "LiveBlogPosting" || type == "Posting";
  bool page = type == "WebPage";
  if (article) {
    for (const char* key : {"datePublished", "dateCreated"}) {
      auto it = j.find(key);
      if (it != j.end() && it->is_string() && (f.published.empty() || !page)) {
        if (f.published.empty()) f.published = it->get<std::string>();
        break;
      }
    }
    if (auto h = j.find("headline"); h != j.end() && h->is_string() && f.headline.empty()) f.headline = h->get<std::string>();
    if (auto a = j.find("author"); a != j.end() && f.authors.empty()) add_author_json(*a, f.authors);
    if (auto p = j.find("publisher"); p != j.end() && p->is_object() && f.publisher.empty()) {
      if (auto nm = p->find("name"); nm != p->end() && nm->is_string()) f.publisher = nm->get<std::string>();
    }
  }
  if (auto g = j.find("@graph"); g != j.end()) walk_jsonld(*g, f, depth + 1);
  if (auto m = j.find("mainEntity"); m != j.end()) walk_jsonld(*m, f, depth + 1);
}

// Publication dates after today (by the machine's clock) are typos or
// future events, not when the page was published.
bool acceptable(const CalendarDate& d) {
  if (!plausible_date(d)) return false;
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  CalendarDate today;
  today.year = tm.tm_year + 1900;
  today.month = tm.tm_mon + 1;
  today.day = tm.tm_mday + 1;  // one day of slack for time zones
  return !(today < d);
}

std::optional<CalendarDate> first_date(std::string_view text) {
  auto d = parse_machine_date(text);
  if (d && acceptable(*d)) return d;
  return std::nullopt;
}

std::string strip_title_suffix(std::string title, const std::string& site) {
  // "Headline | Site", "Headline - Site", "Site: Headline".
  for (std::string_view sep : {" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · "}) {
    size_t p = title.rfind(sep);
    if (p != std::string::npos && p > title.size() / 3) {
      std::string tail = title.substr(p + sep.size());
      if (word_count(tail) <= 5 || (!site.empty() && contains_ascii_ci(tail, site))) {
        title.resize(p);
        break;
      }
    }
  }
  return std::string(trim(title));
}

}  // namespace

std::string site_of(std::string_view url) {
  size_t p = url.find("://");
  if (p == std::string_view::npos) return {};
  url.remove_prefix(p + 3);
  size_t e = url.find_first_of("/?#:");
  std::string host = ascii_lower(url.substr(0, e));
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

std::optional<CalendarDate> date_from_url(std::string_view url) {
  size_t p = url.find("://");
  if (p != std::string_view::npos) {
    size_t slash = url.find('/', p + 3);
    url = slash == std::string_view::npos ? std::string_view() : url.substr(slash);
  }
  auto digits = [&](size_t at, size_t n) {
    if (at + n > url.size()) return -1;
    int v = 0;
    for (size_t k = 0; k < n; ++k) {
      char c = url[at + k];
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  };
  for (size_t i = 0; i + 8 <= url.size(); ++i) {
    if (i > 0 && isdigit(static_cast<unsigned char>(url[i - 1]))) continue;
    int y = digits(i, 4);
    if (y < 1995 || y > 2100) continue;
    CalendarDate d;
    d.year = y;
    size_t j = i + 4;
    char sep = j < url.size() ? url[j] : 0;
    if (sep == '/' || sep == '-' || sep == '_' || sep == '.') {
      int m = digits(j + 1, 2);
      if (m < 1 || m > 12 || j + 3 >= url.size() || url[j + 3] != sep) continue;
      int dd = digits(j + 4, 2);
      if (dd < 1 || dd > 31) continue;
      if (j + 6 < url.size() && isdigit(static_cast<unsigned char>(url[j + 6]))) continue;
      d.month = m;
      d.day = dd;
      if (acceptable(d)) return d;
    } else {
      int m = digits(j, 2), dd = digits(j + 2, 2);
      if (m < 1 || m > 12 || dd < 1 || dd > 31) continue;
      if (j + 4 < url.size() && isdigit(static_cast<unsigned char>(url[j + 4]))) continue;
      d.month = m;
      d.day = dd;
      if (acceptable(d)) return d;
    }
  }
  return std::nullopt;
}

PageMetadata read_metadata(xmlDoc* doc, const std::string& url) {
  PageMetadata md;
  Collected c;
  if (xmlNode* root = xmlDocGetRootElement(doc)) collect(root, c);

  JsonLdFacts f;
  for (const auto& text : c.jsonld) {
    auto j = Json::parse(text, nullptr, false);
    if (!j.is_discarded()) walk_jsonld(j, f, 0);
  }

  md.site_name = meta_value(c, "og:site_name");
  if (md.site_name.empty()) md.site_name = f.publisher;
  if (md.site_name.empty()) md.site_name = meta_value(c, "application-name");
  md.canonical_url = c.canonical;
  if (md.canonical_url.empty()) md.canonical_url = meta_value(c, "og:url");
  md.language = c.lang;
  if (md.language.empty()) md.language = ascii_lower(meta_value(c, "content-language"));
  if (md.language.empty()) md.language = ascii_lower(meta_value(c, "og:locale"));

  // Title: the <h1> when the <title> or og:title agrees with it, else the
  // page's own declarations.
  std::string og = meta_value(c, "og:title");
  if (og.empty()) og = meta_value(c, "twitter:title");
  std::string site_hint = md.site_name.empty() ? site_of(url) : md.site_name;
  std::string from_tag = strip_title_suffix(c.title_tag, site_hint);
  std::string h1 = c.first_h1;
  if (!h1.empty() && word_count(h1) >= 2 &&
      ((!from_tag.empty() && contains_ascii_ci(c.title_tag, h1.substr(0, std::min<size_t>(h1.size(), 40)))) ||
       (!og.empty() && contains_ascii_ci(og, h1.substr(0, std::min<size_t>(h1.size(), 40)))))) {
    md.title = h1;
  } else if (!f.headline.empty()) {
    md.title = f.headline;
  } else if (!og.empty()) {
    md.title = strip_title_suffix(og, site_hint);
  } else if (!from_tag.empty()) {
    md.title = from_tag;
  } else {
    md.title = h1;
  }

  // Authors.
  md.authors = f.authors;
  if (md.authors.empty()) {
    for (const char* key : {"author", "article:author", "dc.creator", "sailthru.author", "parsely-author", "byl"}) {
      std::string v = meta_value(c, key);
      if (!v.empty() && v.find("://") == std::string::npos) {
        md.authors.push_back(v);
        break;
      }
    }
  }
  if (md.authors.empty()) {
    for (const auto& t : c.author_texts) {
      std::string s = t;
      for (std::string_view p : {"By ", "by ", "BY ", "Von ", "von ", "Par ", "par ", "Por ", "por ", "Di ", "di "}) {
        if (s.rfind(p, 0) == 0) { s.erase(0, p.size()); break; }
      }
      int w = word_count(s);
      if (w >= 2 && w <= 6 && find_dates(s).empty()) {
        md.authors.push_back(std::string(trim(s)));
        break;
      }
    }
  }
  for (auto& a : md.authors) a = collapse_whitespace(a);

  // Publication date, most reliable signal first.
  auto take = [&](std::optional<CalendarDate> d, const char* from) {
    if (!md.published && d) {
      md.published = d;
      md.published_from = from;
    }
  };
  if (!f.published.empty()) take(first_date(f.published), "json-ld");
  for (const char* key : {"article:published_time", "og:article:published_time", "og:published_time",
                          "published_time", "article.published", "article_date_original", "datepublished",
                          "itemprop:datepublished", "dc.date.issued", "dcterms.issued", "dc.date.created",
                          "dcterms.created", "dc.date", "dcterms.date", "date", "pubdate", "publishdate",
                          "publish_date", "publish-date", "publication_date", "sailthru.date", "parsely-pub-date",
                          "cxenseparse:recs:publishtime", "originalpublicationdate", "citation_publication_date",
                          "citation_date", "rnews:datepublished", "article:published", "dc.date.published",
                          "itemprop:datecreated", "datecreated", "created", "date_published", "og:pubdate"}) {
    if (md.published) break;
    std::string v = meta_value(c, key);
    if (!v.empty()) take(first_date(v), "meta");
  }
  // <time>: one marked as the publication time first, then the first one
  // that is not a modification time.
  for (const auto& [value, hint] : c.times) {
    if (md.published) break;
    if (hint.find("pubdate") != std::string::npos || hint.find("published") != std::string::npos ||
        hint.find("datepublished") != std::string::npos || hint.find("entry-date") != std::string::npos)
      take(first_date(value), "time");
  }
  take(date_from_url(url), "url");
  for (const auto& [value, hint] : c.times) {
    if (md.published) break;
    if (hint.find("modif") == std::string::npos && hint.find("updated") == std::string::npos)
      take(first_date(value), "time");
  }
  for (const auto& t : c.date_texts) {
    if (md.published) break;
    std::string lower = ascii_lower(t);
    if (lower.find("updated") != std::string::npos || lower.find("modified") != std::string::npos ||
        lower.find("aktualisiert") != std::string::npos)
      continue;
    take(first_date(t), "text");
  }
  // Metadata times are often in UTC while the URL carries the publisher's
  // local date: one day apart, the URL is right.
  if (auto from_url = date_from_url(url); from_url && md.published && md.published_from != "url") {
    int diff = days_from_civil(md.published->year, md.published->month, md.published->day) -
               days_from_civil(from_url->year, from_url->month, from_url->day);
    if (diff == 1 || diff == -1) {
      md.published = from_url;
      md.published_from = "url";
    }
  }
  for (const char* key : {"og:updated_time", "article:modified_time", "last-modified", "dateModified", "datemodified"}) {
    if (md.published) break;
    std::string v = meta_value(c, key);
    if (!v.empty()) take(first_date(v), "meta-modified");
  }
  return md;
}

}  // namespace seismo
