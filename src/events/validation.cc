#include "events/validation.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>

#include "common/dates.h"
#include "common/text.h"

namespace seismo::cameo {
namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// "950101  DEMO-01" at the start of a line.
bool record_header(std::string_view line, std::string& date, std::string& id) {
  if (line.empty() || !std::isdigit(static_cast<unsigned char>(line[0]))) return false;
  auto fields = split_fields(line, ' ');
  std::vector<std::string_view> words;
  for (auto f : fields)
    for (auto g : split_fields(f, '\t'))
      if (!g.empty()) words.push_back(g);
  if (words.size() < 2 || !all_digits(words[0]) || words[0].size() < 6) return false;
  date = std::string(words[0]);
  for (size_t i = 1; i < words.size(); ++i) {
    if (!all_digits(words[i])) {
      id = std::string(words[i]);
      return true;
    }
  }
  return false;
}

// The "{ ... }" expectations in a piece of comment text.
void read_expectations(std::string_view s, ValidationRecord& r) {
  for (size_t open = s.find('{'); open != std::string_view::npos; open = s.find('{', open + 1)) {
    size_t close = s.find('}', open);
    size_t line_end = s.find('\n', open);
    // "{ OPTION: SET: MINIMUM WORDS = 4" is closed by the line's end in
    // a few records.
    if (close == std::string_view::npos || (line_end != std::string_view::npos && line_end < close)) close = line_end;
    if (close == std::string_view::npos) close = s.size();
    bool inactive = open > 0 && s[open - 1] == '-';
    std::string_view inside = trim(s.substr(open + 1, close - open - 1));
    if (inside.starts_with("OPTION:")) {
      r.options.emplace_back(trim(inside.substr(7)));
      continue;
    }
    if (inactive) continue;
    auto parts = split_fields(inside, '/');
    if (parts.size() == 3 && !parts[0].empty() && !parts[2].empty()) {
      r.expected.emplace_back(std::string(parts[0]), std::string(parts[1]), std::string(parts[2]));
    } else if (inside == "---" || inside == "+++" || inside == "###") {
      r.expects_none = true;
    }
  }
}

void finish_record(ValidationRecord& r, const std::string& body) {
  // Text is everything outside /* */ comments and '#' lines; the
  // expectations are inside the comments (and, in a few records, on
  // lines after the comment closes).
  std::string text, comments;
  bool in_comment = false;
  for (size_t i = 0; i < body.size(); ++i) {
    if (!in_comment && body.compare(i, 2, "/*") == 0) {
      in_comment = true;
      ++i;
      continue;
    }
    if (in_comment && body.compare(i, 2, "*/") == 0) {
      in_comment = false;
      ++i;
      continue;
    }
    (in_comment ? comments : text).push_back(body[i]);
  }
  std::string kept;
  for (auto line : split_lines(text)) {
    std::string_view t = trim(line);
    if (t.starts_with("#")) continue;
    if (t.starts_with("\\n{") || (t.starts_with("{") && t.find('}') != std::string_view::npos)) {
      comments.append(t);
      continue;
    }
    kept.append(t);
    kept.push_back(' ');
  }
  r.text = std::string(trim(kept));
  read_expectations(comments, r);
  if (!r.expected.empty()) r.expects_none = false;
}

}  // namespace

bool read_validation_records(const std::string& path, std::vector<ValidationRecord>& out) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line, body;
  ValidationRecord cur;
  bool have = false, standard = true;
  size_t no = 0;
  auto flush = [&]() {
    if (!have) return;
    finish_record(cur, body);
    if (cur.text.find("This is the end of the standard validation records") != std::string::npos) standard = false;
    out.push_back(std::move(cur));
    cur = ValidationRecord();
    body.clear();
  };
  while (std::getline(in, line)) {
    ++no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string date, id;
    if (record_header(line, date, id)) {
      flush();
      have = true;
      cur.line = no;
      cur.date = date;
      cur.id = id;
      cur.group = id.substr(0, id.find('-'));
      cur.standard = standard;
      continue;
    }
    if (have) {
      body += line;
      body.push_back('\n');
    }
  }
  flush();
  return true;
}

namespace {

// The value of attribute `name` in a tag's text ("id =\"DEMO-01\"" too).
std::string attribute(std::string_view tag, std::string_view name) {
  for (size_t at = tag.find(name); at != std::string_view::npos; at = tag.find(name, at + 1)) {
    size_t p = at + name.size();
    if (at > 0 && std::isalnum(static_cast<unsigned char>(tag[at - 1]))) continue;
    while (p < tag.size() && tag[p] == ' ') ++p;
    if (p >= tag.size() || tag[p] != '=') continue;
    ++p;
    while (p < tag.size() && tag[p] == ' ') ++p;
    if (p >= tag.size() || (tag[p] != '"' && tag[p] != '\'')) continue;
    char quote = tag[p];
    size_t end = tag.find(quote, p + 1);
    if (end == std::string_view::npos) return "";
    return std::string(tag.substr(p + 1, end - p - 1));
  }
  return "";
}

}  // namespace

bool read_petrarch_records(const std::string& path, std::vector<ValidationRecord>& out) {
  std::ifstream in(path);
  if (!in) return false;
  std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // Comments first: they hold whole example records ("<!--Stop></Stop-->").
  for (size_t a = xml.find("<!--"); a != std::string::npos; a = xml.find("<!--", a)) {
    size_t b = xml.find("-->", a);
    if (b == std::string::npos) b = xml.size();
    xml.replace(a, std::min(b + 3, xml.size()) - a, " ");
  }
  size_t line = 1, counted = 0;
  for (size_t at = xml.find("<Sentence "); at != std::string::npos; at = xml.find("<Sentence ", at + 1)) {
    size_t tag_end = xml.find('>', at);
    size_t end = xml.find("</Sentence>", at);
    if (tag_end == std::string::npos || end == std::string::npos) break;
    line += static_cast<size_t>(std::count(xml.begin() + counted, xml.begin() + at, '\n'));
    counted = at;
    std::string_view tag(xml.data() + at, tag_end - at);
    std::string_view body(xml.data() + tag_end + 1, end - tag_end - 1);
    ValidationRecord r;
    r.line = line;
    r.date = attribute(tag, "date");
    r.id = attribute(tag, "id");
    r.group = attribute(tag, "category");
    if (r.group.empty()) r.group = r.id.substr(0, r.id.find('-'));
    size_t t0 = body.find("<Text>"), t1 = body.find("</Text>");
    if (t0 != std::string_view::npos && t1 != std::string_view::npos && t1 > t0)
      r.text = collapse_whitespace(body.substr(t0 + 6, t1 - t0 - 6));
    for (size_t e = body.find("<EventCoding"); e != std::string_view::npos; e = body.find("<EventCoding", e + 1)) {
      std::string_view etag = body.substr(e, body.find('>', e) - e);
      std::string error = attribute(etag, "error");
      if (!error.empty()) {
        // Discards and datelines expect nothing; a bad parse is about
        // the supplied tree, which seismo does not read.
        if (error != "bad_input_parse") r.expects_none = true;
        continue;
      }
      if (attribute(etag, "noevents") == "True" || attribute(etag, "noevents") == "true") {
        r.expects_none = true;
        continue;
      }
      std::string src = attribute(etag, "sourcecode"), tgt = attribute(etag, "targetcode"), code = attribute(etag, "eventcode");
      if (!code.empty()) r.expected.emplace_back(src, tgt, code);
    }
    if (!r.expected.empty()) r.expects_none = false;
    out.push_back(std::move(r));
  }
  return true;
}

std::vector<RecordResult> run_validation(const CameoDictionary& dictionary, const std::vector<ValidationRecord>& records) {
  CodingOptions options = dictionary.options();  // OPTION: records change it for the records after them
  CameoCoder coder(dictionary);
  std::vector<RecordResult> results;
  std::string previous_story;
  std::vector<std::string> previous_subject;
  for (const auto& r : records) {
    for (const auto& o : r.options) apply_coding_option(o, options);
    if (!r.scored()) continue;
    std::string digits = r.date.substr(0, options.four_digit_years ? 8 : 6);
    std::optional<int> day = parse_yymmdd(digits);
    // A story is the id without its last part: FRWD-001-002 -> FRWD-001.
    std::string story;
    if (std::count(r.id.begin(), r.id.end(), '-') >= 2) story = r.id.substr(0, r.id.rfind('-'));
    bool same_story = !story.empty() && story == previous_story;
    RecordResult res;
    res.record = &r;
    res.coding = coder.code(r.text, day.value_or(INT_MIN), options, same_story ? &previous_subject : nullptr);
    std::set<EventKey> produced;
    for (const auto& e : res.coding.events) produced.insert({e.source, e.target, e.code});
    res.produced.assign(produced.begin(), produced.end());
    std::set<EventKey> expected(r.expected.begin(), r.expected.end());
    res.exact = produced == expected;
    previous_story = story;
    previous_subject = res.coding.subject;
    results.push_back(std::move(res));
  }
  return results;
}

std::string project_text_file(const std::string& project_path) {
  std::ifstream in(project_path);
  std::string line;
  while (std::getline(in, line)) {
    std::string_view l = trim(line);
    if (!starts_with_ascii_ci(l, "<textfile>")) continue;
    std::string file(trim(l.substr(10)));
    return (std::filesystem::path(project_path).parent_path() / file).string();
  }
  return "";
}

}  // namespace seismo::cameo

namespace seismo::cameo {

std::string petrarch_records_file(const std::string& dir) {
  std::error_code ec;
  std::vector<std::string> found;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".xml") continue;
    std::ifstream in(entry.path());
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    if (head.find("<Validation>") != std::string::npos) found.push_back(entry.path().string());
  }
  std::sort(found.begin(), found.end());
  return found.empty() ? "" : found.front();
}

}  // namespace seismo::cameo
