#include "event_gold.h"

#include <cctype>
#include <fstream>
#include <sstream>

#include "common/dates.h"

namespace seismo::gold {
namespace {

std::vector<std::string_view> split_on(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t from = 0;
  for (;;) {
    size_t at = s.find(sep, from);
    out.push_back(s.substr(from, at == std::string_view::npos ? std::string_view::npos : at - from));
    if (at == std::string_view::npos) return out;
    from = at + 1;
  }
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  std::istringstream in{std::string(s)};
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

bool all_upper(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

// "YYYY-MM-DD" and a real calendar day.
bool valid_iso_day(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  auto d = parse_machine_date(s);
  return d && d->iso() == s;
}

bool parse_events(std::string_view field, std::vector<GoldEvent>& out, std::string& error) {
  field = trim(field);
  if (field == "---") return true;
  if (field.empty()) {
    error = "column 2: no events (write --- for none)";
    return false;
  }
  for (std::string_view part : split_on(field, ';')) {
    auto w = words(part);
    if (w.size() != 3 && w.size() != 4) {
      error = "column 2: event \"" + std::string(trim(part)) + "\" is not SOURCE TARGET CODE [MODALITY]";
      return false;
    }
    GoldEvent e{w[0], w[1], w[2], Modality::kAsserted};
    if (!valid_actor_code(e.source) || !valid_actor_code(e.target)) {
      error = "column 2: bad actor code in \"" + std::string(trim(part)) + "\"";
      return false;
    }
    if (!valid_event_code_shape(e.code)) {
      error = "column 2: bad CAMEO code \"" + e.code + "\"";
      return false;
    }
    if (w.size() == 4) {
      if (!valid_modality(w[3])) {
        error = "column 2: unknown modality \"" + w[3] + "\"";
        return false;
      }
      e.modality = parse_modality(w[3]);
    }
    out.push_back(std::move(e));
  }
  return true;
}

}  // namespace

bool valid_actor_code(std::string_view code) {
  return code == "-" || (all_upper(code) && code.size() % 3 == 0);
}

bool valid_event_code_shape(std::string_view code) {
  if (code.size() < 2 || code.size() > 4) return false;
  for (char c : code)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

bool valid_modality(std::string_view name) { return name == modality_name(parse_modality(name)); }

bool parse_gold_line(std::string_view line, size_t line_no, GoldRecord& out, std::string& error) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  auto cols = split_on(line, '\t');
  if (cols.size() < 2 || cols.size() > 5) {
    error = "expected 2 to 5 tab-separated columns, found " + std::to_string(cols.size());
    return false;
  }
  out = GoldRecord{};
  out.line = line_no;
  out.sentence = std::string(trim(cols[0]));
  if (out.sentence.empty()) {
    error = "column 1: empty sentence";
    return false;
  }
  if (!parse_events(cols[1], out.events, error)) return false;
  if (cols.size() > 2) {
    out.country = std::string(trim(cols[2]));
    if (out.country.size() != 3 || !all_upper(out.country)) {
      error = "column 3: country \"" + out.country + "\" is not an ISO alpha-3 code";
      return false;
    }
  }
  if (cols.size() > 3) {
    out.split = std::string(trim(cols[3]));
    if (out.split != "dev" && out.split != "test") {
      error = "column 4: split \"" + out.split + "\" is neither dev nor test";
      return false;
    }
  }
  if (cols.size() > 4) {
    out.date = std::string(trim(cols[4]));
    if (!valid_iso_day(out.date)) {
      error = "column 5: date \"" + out.date + "\" is not a YYYY-MM-DD day";
      return false;
    }
  }
  return true;
}

std::vector<GoldRecord> read_gold_file(const std::string& path, std::vector<std::string>& errors) {
  std::vector<GoldRecord> out;
  std::ifstream in(path);
  if (!in) {
    errors.push_back(path + ": cannot read");
    return out;
  }
  std::string line, error;
  for (size_t n = 1; std::getline(in, line); ++n) {
    if (trim(line).empty() || line[0] == '#') continue;
    GoldRecord r;
    if (parse_gold_line(line, n, r, error))
      out.push_back(std::move(r));
    else
      errors.push_back(path + ":" + std::to_string(n) + ": " + error);
  }
  return out;
}

std::set<std::string> read_cameo_codes(const std::string& path) {
  std::set<std::string> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    std::string code(trim(line.substr(0, line.find('\t'))));
    if (valid_event_code_shape(code)) out.insert(code);
  }
  return out;
}

std::set<std::string> producible_actor_codes(const std::string& actors_path) {
  std::set<std::string> listed, countries, agents;
  std::ifstream in(actors_path);
  std::string line;
  while (std::getline(in, line)) {
    std::string_view l = line;
    if (l.empty() || l[0] == '#') continue;
    auto w = words(l.substr(0, l.find('|')));
    if (w.empty()) continue;
    if (w[0] == "@country" && w.size() > 1) {
      countries.insert(w[1]);
    } else if (w[0] == "@agent" && w.size() > 1) {
      agents.insert(w[1]);
    } else if (std::isspace(static_cast<unsigned char>(l[0])) && all_upper(w[0])) {
      listed.insert(w[0]);  // a role line under an actor: "  SRBGOV 2017-05-31.. # ..."
    }
  }
  std::set<std::string> out = listed;
  for (const auto& a : agents) {
    out.insert(a);
    for (const auto& c : countries) out.insert(c + a);
  }
  return out;
}

}  // namespace seismo::gold
