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

std::vector<RecordResult> run_validation(const CameoDictionary& dictionary, const std::vector<ValidationRecord>& records) {
  CameoDictionary settings_holder;  // only its option parser is used
  settings_holder.options() = dictionary.options();
  CameoCoder coder(dictionary);
  std::vector<RecordResult> results;
  std::string previous_story;
  std::vector<std::string> previous_subject;
  for (const auto& r : records) {
    for (const auto& o : r.options) settings_holder.apply_option(o);
    if (!r.scored()) continue;
    const CodingOptions& options = settings_holder.options();
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
