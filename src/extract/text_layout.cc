// Extraction from flattened page text. The layout is all there is: lines,
// blank lines between blocks, indentation, and what each line says. Each
// line is classified (junk, boilerplate, caption, byline, dateline, heading,
// body...), the title is chosen among the headings above the first real
// paragraph, and everything after the comment-section marker is parsed into
// comments.
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "common/dates.h"
#include "common/fold.h"
#include "common/text.h"
#include "extract/cues.h"
#include "extract/extractors.h"

namespace seismo {
namespace {

enum class Kind { kJunk, kBoilerplate, kCaption, kByline, kDateline, kProvenance, kTeaser, kHeading, kBody };

struct Line {
  std::string text;    // markdown links reduced to their text, whitespace collapsed
  std::string folded;  // fold_for_matching(text)
  int indent = 0;
  int blanks_before = 0;
  int words = 0;
  double link_ratio = 0;
  Kind kind = Kind::kBody;
};

// "[text](url)" -> "text"; "![alt](url)" -> "". Returns the share of the
// visible text that was link text.
std::string strip_markdown_links(std::string_view s, double& link_ratio) {
  std::string out;
  size_t link_chars = 0;
  size_t i = 0;
  while (i < s.size()) {
    bool image = s[i] == '!' && i + 1 < s.size() && s[i + 1] == '[';
    if (s[i] == '[' || image) {
      size_t open = image ? i + 1 : i;
      size_t close = s.find(']', open);
      if (close != std::string_view::npos && close + 1 < s.size() && s[close + 1] == '(') {
        size_t end = s.find(')', close + 2);
        // Escaped parentheses inside the text, e.g. "\(Kosovo Liberation Army\)".
        if (end != std::string_view::npos) {
          std::string_view label = s.substr(open + 1, close - open - 1);
          if (!image) {
            for (size_t k = 0; k < label.size(); ++k) {
              if (label[k] == '\\' && k + 1 < label.size()) continue;
              out.push_back(label[k]);
              ++link_chars;
            }
          }
          i = end + 1;
          continue;
        }
      }
    }
    if (s[i] == '\\' && i + 1 < s.size() && (s[i + 1] == '(' || s[i + 1] == ')' || s[i + 1] == '[' || s[i + 1] == ']')) {
      ++i;
    }
    out.push_back(s[i]);
    ++i;
  }
  std::string collapsed = collapse_whitespace(out);
  link_ratio = collapsed.empty() ? 0 : std::min(1.0, static_cast<double>(link_chars) / collapsed.size());
  return collapsed;
}

int alpha_words(std::string_view s) {
  // Words with at least two letters: "0 $" and "2,500 $" have none.
  int n = 0, run = 0;
  for (unsigned char c : s) {
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    if (letter) ++run;
    else { if (run >= 2) ++n; run = 0; }
  }
  if (run >= 2) ++n;
  return n;
}

bool starts_lowercase(std::string_view s) {
  return !s.empty() && s[0] >= 'a' && s[0] <= 'z';
}

std::vector<Line> read_lines(std::string_view content) {
  std::vector<Line> lines;
  int blanks = 0;
  for (std::string_view raw : split_lines(content)) {
    double ratio = 0;
    std::string text = strip_markdown_links(raw, ratio);
    if (text.empty()) { ++blanks; continue; }
    Line l;
    size_t indent = raw.find_first_not_of(" \t");
    l.indent = indent == std::string_view::npos ? 0 : static_cast<int>(indent);
    l.blanks_before = lines.empty() ? 0 : blanks;
    l.text = std::move(text);
    l.folded = fold_for_matching(l.text);
    l.words = word_count(l.text);
    l.link_ratio = ratio;
    lines.push_back(std::move(l));
    blanks = 0;
  }
  return lines;
}

// A dateline: a short line that is mostly a full date, possibly behind the
// outlet's name ("Global Research, December 13, 2022"). Returns the date and
// the name before it.
std::optional<CalendarDate> dateline(const Line& l, std::string& prefix) {
  if (l.words > 12) return std::nullopt;
  auto found = find_dates(l.text);
  for (const auto& m : found) {
    if (m.date.precision != DatePrecision::kDay) continue;
    std::string before(trim(std::string_view(l.text).substr(0, m.begin)));
    std::string after(trim(std::string_view(l.text).substr(m.end)));
    if (word_count(before) + word_count(after) > 6) return std::nullopt;
    std::string fb = ascii_lower(before);
    if (fb.find("updated") != std::string::npos || fb.find("modified") != std::string::npos) return std::nullopt;
    while (!before.empty() && (before.back() == ',' || before.back() == '|' || before.back() == '-' || before.back() == ' '))
      before.pop_back();
    prefix = before;
    return m.date;
  }
  return std::nullopt;
}

void classify(std::vector<Line>& lines, size_t end, Article& a, std::string& dateline_source,
              std::optional<CalendarDate>& published) {
  for (size_t i = 0; i < end; ++i) {
    Line& l = lines[i];
    std::string prefix;
    if (alpha_words(l.text) == 0) { l.kind = Kind::kJunk; continue; }
    if (l.words <= 25) {
      std::string prov = provenance_source(l.text);
      if (!prov.empty()) {
        if (a.republished_from.empty()) a.republished_from = prov;
        l.kind = Kind::kProvenance;
        continue;
      }
    }
    std::string outlet = donation_prompt_outlet(l.text);
    if (!outlet.empty()) {
      if (a.source.empty()) a.source = outlet;
      l.kind = Kind::kBoilerplate;
      continue;
    }
    std::string names = byline_names(l.text);
    if (!names.empty()) {
      if (a.authors.empty()) a.authors = split_author_names(names);
      l.kind = Kind::kByline;
      continue;
    }
    if (auto d = dateline(l, prefix)) {
      if (!published) {
        published = *d;
        dateline_source = prefix;
      }
      l.kind = Kind::kDateline;
      continue;
    }
    if (is_teaser_marker(l.folded, l.words)) {
      l.kind = Kind::kTeaser;
      // The teaser is the paragraph before the marker and its heading.
      size_t j = i;
      if (j > 0 && lines[j - 1].kind == Kind::kBody) lines[--j].kind = Kind::kTeaser;
      if (j > 0 && (lines[j - 1].kind == Kind::kHeading ||
                    (lines[j - 1].kind == Kind::kBody && lines[j - 1].words <= 30 && !ends_sentence(lines[j - 1].text))))
        lines[j - 1].kind = Kind::kTeaser;
      continue;
    }
    if (is_caption_line(l.folded, l.words)) { l.kind = Kind::kCaption; continue; }
    if (is_boilerplate_line(l.folded, l.words)) { l.kind = Kind::kBoilerplate; continue; }
    if (l.link_ratio >= 0.6 && l.words <= 20) { l.kind = Kind::kBoilerplate; continue; }
    // "Region: Europe", "Theme: Intelligence, US NATO War Agenda": a label
    // followed by links.
    size_t colon = l.text.find(':');
    if (colon != std::string::npos && colon < 24 && l.link_ratio >= 0.3 && l.words <= 15) {
      l.kind = Kind::kBoilerplate;
      continue;
    }
    if (alpha_words(l.text) <= 2 && l.words <= 3 && !ends_sentence(l.text) && find_dates(l.text).size() == 1) {
      l.kind = Kind::kJunk;  // a lone "MARCH 2025" from a widget
      continue;
    }
    bool heading = l.words <= 20 && !ends_sentence(l.text) && l.text.back() != ',';
    l.kind = heading ? Kind::kHeading : Kind::kBody;
  }
}

// Chooses the title among the headings above the first substantial
// paragraph: a heading printed twice, else the last heading before the
// byline or dateline, else the first heading.
std::optional<size_t> choose_title(const std::vector<Line>& lines, size_t first_paragraph) {
  std::vector<size_t> headings;
  std::optional<size_t> first_meta;
  for (size_t i = 0; i < first_paragraph; ++i) {
    if (lines[i].kind == Kind::kHeading) headings.push_back(i);
    if ((lines[i].kind == Kind::kByline || lines[i].kind == Kind::kDateline) && !first_meta) first_meta = i;
  }
  for (size_t a = 0; a < headings.size(); ++a) {
    for (size_t b = a + 1; b < headings.size(); ++b) {
      if (lines[headings[a]].folded == lines[headings[b]].folded) return headings[a];
    }
  }
  if (first_meta) {
    std::optional<size_t> last;
    for (size_t h : headings) if (h < *first_meta) last = h;
    if (last) return last;
  }
  if (!headings.empty()) return headings.front();
  return std::nullopt;
}

bool looks_like_author_bio(const Line& l, const std::vector<std::string>& authors) {
  for (const auto& name : authors) {
    if (l.text.size() > name.size() + 4 && l.text.compare(0, name.size(), name) == 0 &&
        (l.text.compare(name.size(), 4, " is ") == 0 || l.text.compare(name.size(), 5, " was ") == 0) && l.words <= 60)
      return true;
  }
  return false;
}

// ---- comments ----

bool has_stopword(std::string_view folded) {
  static const std::set<std::string, std::less<>> stop = {
      "the", "and", "is", "are", "you", "i", "we", "they", "a", "an", "of", "to", "in", "not", "no", "what", "why",
      "how", "this", "that", "it", "so", "but", "or", "if", "my", "your", "he", "she", "all", "just", "yes",
      "je", "da", "ne", "i", "u", "na", "se", "su", "che", "non", "der", "die", "das", "und", "ist"};
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && !isalnum(static_cast<unsigned char>(folded[i]))) ++i;
    size_t j = i;
    while (j < folded.size() && isalnum(static_cast<unsigned char>(folded[j]))) ++j;
    if (j > i && stop.count(folded.substr(i, j - i))) return true;
    i = j;
  }
  return false;
}

bool name_shaped(const Line& l) {
  return l.text.size() <= 60 && l.words >= 1 && l.words <= 9 && !ends_sentence(l.text) && l.text.back() != ',' &&
         l.text.front() != '"' && l.text.front() != '\xE2';  // not an opening curly quote
}

// A comment header carrying a date: "Sasha Veter (Alexander) 11 December
// 2022 07: 47", "John, 3 days ago". Returns the author part and the date.
bool dated_header(const Line& l, std::string& author, std::string& posted) {
  if (l.words > 16) return false;
  std::string t = l.text;
  // "07: 47" is how some widgets print times once flattened.
  for (size_t p = t.find(": "); p != std::string::npos; p = t.find(": ", p + 1)) {
    if (p > 0 && isdigit(static_cast<unsigned char>(t[p - 1])) && p + 2 < t.size() && isdigit(static_cast<unsigned char>(t[p + 2])))
      t.erase(p + 1, 1);
  }
  auto found = find_dates(t);
  for (const auto& m : found) {
    if (m.date.precision != DatePrecision::kDay) continue;
    std::string before(trim(std::string_view(t).substr(0, m.begin)));
    if (word_count(std::string_view(t).substr(m.end)) > 3) return false;
    // Drop "(display name)" and separators.
    std::string name;
    int paren = 0;
    for (char c : before) {
      if (c == '(') ++paren;
      else if (c == ')') paren = std::max(0, paren - 1);
      else if (!paren) name.push_back(c);
    }
    name = collapse_whitespace(name);
    while (!name.empty() && (name.back() == ',' || name.back() == '|' || name.back() == '-' || name.back() == ' ' || name.back() == '@'))
      name.pop_back();
    if (word_count(name) > 6) return false;
    author = name;
    posted = m.date.iso(true);
    return true;
  }
  return false;
}

std::vector<Comment> parse_comments(const std::vector<Line>& lines, size_t begin, size_t end) {
  std::vector<Comment> out;
  std::set<std::string, std::less<>> known;
  std::map<std::string, int> short_counts;
  for (size_t i = begin; i < end; ++i) {
    std::string who = edit_note_author(lines[i].text);
    if (!who.empty() && who != "\x01") known.insert(fold_for_matching(who));
    if (name_shaped(lines[i])) ++short_counts[lines[i].folded];
  }
  for (const auto& [name, n] : short_counts) if (n >= 2) known.insert(name);

  std::vector<int> header_indents;
  std::vector<int> comment_indent;  // indent per comment, -1 when not from a header
  Comment* cur = nullptr;
  bool after_author = false;
  bool in_quote = false;
  bool after_chrome = true;  // the zone opens with chrome: its marker line

  auto start_comment = [&](std::string author, std::string posted, int indent) {
    out.push_back(Comment{std::move(author), std::move(posted), "", 0, -1});
    comment_indent.push_back(indent);
    cur = &out.back();
  };

  for (size_t i = begin; i < end; ++i) {
    const Line& l = lines[i];
    if (in_quote && l.blanks_before == 0) continue;
    in_quote = false;
    if (is_comment_chrome(l.folded, l.words) || is_comment_section_start(l.folded, l.words)) {
      after_chrome = true;
      continue;
    }
    if (!edit_note_author(l.text).empty()) {
      // An edit note closes its comment; what follows is another one.
      cur = nullptr;
      after_chrome = true;
      continue;
    }
    if (starts_with_ascii_ci(l.text, "quote:") || starts_with_ascii_ci(l.text, "quote from") ||
        starts_with_ascii_ci(l.text, "citat:") || l.folded.rfind("citata:", 0) == 0) {
      in_quote = true;
      continue;
    }
    std::string author, posted;
    // A short line directly above a dated header belongs to the header
    // ("1. Name Offline Name").
    if (i + 1 < end && lines[i + 1].blanks_before == 0 && l.words <= 10 && dated_header(lines[i + 1], author, posted)) {
      start_comment(author, posted, l.indent);
      header_indents.push_back(l.indent);
      ++i;
      after_author = true;
      continue;
    }
    if (dated_header(l, author, posted) && l.words - word_count(author) <= 8) {
      start_comment(author, posted, l.indent);
      header_indents.push_back(l.indent);
      after_author = true;
      continue;
    }
    bool next_is_text = i + 1 < end && lines[i + 1].blanks_before == 1 &&
                        !is_comment_chrome(lines[i + 1].folded, lines[i + 1].words);
    if (!after_author && name_shaped(l) && next_is_text && (l.blanks_before >= 1 || after_chrome || !cur) &&
        (known.count(l.folded) || (l.words <= 5 && !has_stopword(l.folded)))) {
      start_comment(l.text, "", -1);
      after_author = true;
      after_chrome = false;
      continue;
    }
    if (!cur || (l.blanks_before >= 2 && !after_author && !cur->text.empty())) {
      start_comment("", "", -1);
    }
    if (!cur->text.empty()) cur->text += l.blanks_before >= 1 ? "\n\n" : "\n";
    cur->text += l.text;
    after_author = false;
    after_chrome = false;
  }

  // Reply depth from the header indentation levels.
  std::sort(header_indents.begin(), header_indents.end());
  header_indents.erase(std::unique(header_indents.begin(), header_indents.end()), header_indents.end());
  std::vector<Comment> kept;
  std::vector<int> last_at_depth;
  for (size_t k = 0; k < out.size(); ++k) {
    Comment c = std::move(out[k]);
    if (trim(c.text).empty()) continue;
    if (comment_indent[k] >= 0) {
      c.depth = static_cast<int>(std::lower_bound(header_indents.begin(), header_indents.end(), comment_indent[k]) -
                                 header_indents.begin());
    }
    if (c.depth > 0 && static_cast<int>(last_at_depth.size()) >= c.depth) c.parent = last_at_depth[c.depth - 1];
    else c.depth = 0;
    last_at_depth.resize(c.depth + 1);
    last_at_depth[c.depth] = static_cast<int>(kept.size());
    kept.push_back(std::move(c));
  }
  return kept;
}

}  // namespace

Article extract_from_text(const RawDocument& doc) {
  Article a;
  std::vector<Line> lines = read_lines(doc.content);

  // The comment section starts at its marker, once some article text has
  // been seen (a "Comments" link in a top menu is not the section).
  size_t comments_at = lines.size();
  int prose_words = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (prose_words >= 40 && is_comment_section_start(lines[i].folded, lines[i].words)) {
      comments_at = i;
      break;
    }
    if (lines[i].words >= 15) prose_words += lines[i].words;
  }

  std::string dateline_source;
  std::optional<CalendarDate> published;
  classify(lines, comments_at, a, dateline_source, published);

  size_t first_paragraph = comments_at;
  for (size_t i = 0; i < comments_at; ++i) {
    if (lines[i].kind == Kind::kBody && lines[i].words >= 20) { first_paragraph = i; break; }
  }
  auto title = choose_title(lines, first_paragraph);
  if (title) a.title = lines[*title].text;

  // Body: paragraphs, sub-headings between paragraphs, and a standfirst
  // below the title.
  size_t last_body = 0;
  for (size_t i = 0; i < comments_at; ++i) if (lines[i].kind == Kind::kBody) last_body = i;
  const std::string title_folded = title ? lines[*title].folded : std::string();
  for (size_t i = title ? *title + 1 : 0; i < comments_at; ++i) {
    const Line& l = lines[i];
    bool keep = false;
    if (l.kind == Kind::kBody) {
      keep = !looks_like_author_bio(l, a.authors);
    } else if (l.kind == Kind::kHeading && l.folded != title_folded) {
      keep = (i > first_paragraph && i < last_body) || (i < first_paragraph && title && i > *title && l.words >= 8);
    }
    if (!keep) continue;
    if (!a.paragraphs.empty() && a.paragraphs.back().back() == ',' && starts_lowercase(l.text)) {
      a.paragraphs.back() += " " + l.text;  // a paragraph the scraper split in two
    } else {
      a.paragraphs.push_back(l.text);
    }
  }

  if (published) {
    a.published = published->iso();
    a.published_from = "dateline";
    if (a.source.empty() && !dateline_source.empty() && word_count(dateline_source) <= 4 &&
        isupper(static_cast<unsigned char>(dateline_source[0])))
      a.source = dateline_source;
  }
  if (comments_at < lines.size()) a.comments = parse_comments(lines, comments_at + 1, lines.size());
  return a;
}

std::string byline_names(std::string_view line) {
  std::string_view t = trim(line);
  if (word_count(t) > 10 || t.empty()) return {};
  for (std::string_view p : {"by ", "written by ", "words by ", "von ", "par ", "por ", "di ", "autor: ", "author: ",
                             "autore: ", "auteur: ", "piše: ", "pise: ", "autor ", "from "}) {
    if (starts_with_ascii_ci(t, p)) {
      std::string_view rest = trim(t.substr(p.size()));
      if (rest.empty() || !(isupper(static_cast<unsigned char>(rest[0])) || static_cast<unsigned char>(rest[0]) >= 0x80))
        return {};
      if (p == "from " && word_count(rest) > 3) return {};
      return std::string(rest);
    }
  }
  return {};
}

std::vector<std::string> split_author_names(std::string_view byline) {
  std::vector<std::string> names;
  std::string s(byline);
  // Cut trailing roles and dates: "Jane Doe | Reuters", "Jane Doe, 12 May".
  for (std::string_view stop : {" | ", " - ", " – ", " — ", "  "}) {
    size_t p = s.find(stop);
    if (p != std::string::npos) s.resize(p);
  }
  for (std::string_view sep : {" and ", " und ", " et ", " y ", " e ", " i ", " & "}) {
    for (size_t p = s.find(sep); p != std::string::npos; p = s.find(sep, p + 1)) s.replace(p, sep.size(), ",");
  }
  size_t start = 0;
  while (start <= s.size()) {
    size_t comma = s.find(',', start);
    if (comma == std::string::npos) comma = s.size();
    std::string name(trim(std::string_view(s).substr(start, comma - start)));
    int w = word_count(name);
    if (w >= 1 && w <= 5 && find_dates(name).empty()) names.push_back(name);
    start = comma + 1;
  }
  return names;
}

}  // namespace seismo
