#include "entities/actor_dictionary.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <unordered_map>

#include "common/dates.h"
#include "common/match_text.h"
#include "common/text.h"

namespace seismo {
namespace {

// The non-empty fields of a list ("a; b;; c" -> a, b, c).
std::vector<std::string_view> split_list(std::string_view s, char sep) {
  std::vector<std::string_view> out = split_fields(s, sep);
  out.erase(std::remove(out.begin(), out.end(), std::string_view()), out.end());
  return out;
}

// "2017-05-31" -> days since 1970-01-01.
std::optional<int> parse_iso_day(std::string_view s) {
  int y = 0, m = 0, d = 0;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto num = [](std::string_view p, int& out) {
    return std::from_chars(p.data(), p.data() + p.size(), out).ec == std::errc();
  };
  if (!num(s.substr(0, 4), y) || !num(s.substr(5, 2), m) || !num(s.substr(8, 2), d)) return std::nullopt;
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  return days_from_civil(y, m, d);
}

// "FROM..TO" with either side open: "2017-05-31..", "..2020-06-03".
bool parse_range(std::string_view s, ActorRole& r) {
  size_t dots = s.find("..");
  if (dots == std::string_view::npos) return false;
  std::string_view a = s.substr(0, dots), b = s.substr(dots + 2);
  if (!a.empty()) {
    auto d = parse_iso_day(a);
    if (!d) return false;
    r.from = *d;
  }
  if (!b.empty()) {
    auto d = parse_iso_day(b);
    if (!d) return false;
    r.to = *d;
  }
  return r.from <= r.to;
}

bool parse_cameo_dates(std::string_view s, ActorRole& r) { return parse_cameo_date_range(s, r.from, r.to); }

// "ROBERT_KOCHARYAN_" -> "ROBERT KOCHARYAN". PETRARCH's macros: "!MINIST!"
// stands for the words for a minister or ministry (one name for each);
// other "!X!" markers ("!PERSON!") are dropped.
std::vector<std::string> cameo_names(std::string_view raw) {
  std::vector<std::string> variants{""};
  bool in_marker = false;
  std::string marker;
  for (char c : raw) {
    if (c == '!') {
      if (in_marker && marker == "MINIST") {
        std::vector<std::string> expanded;
        for (const auto& v : variants)
          for (const char* w : {"MINISTER", "MINISTRY"}) expanded.push_back(v + w);
        variants = std::move(expanded);
      }
      in_marker = !in_marker;
      marker.clear();
      continue;
    }
    if (in_marker) {
      marker.push_back(c);
      continue;
    }
    for (auto& v : variants) v.push_back(c == '_' ? ' ' : c);
  }
  std::vector<std::string> out;
  for (auto& v : variants)
    if (!trim(v).empty()) out.emplace_back(trim(v));
  return out;
}

}  // namespace

const ActorRole* ActorEntry::role_at(std::optional<int> day) const {
  if (roles.empty()) return nullptr;
  if (!day) {
    const ActorRole* latest = &roles.front();
    for (const auto& r : roles) if (r.to > latest->to || (r.to == latest->to && r.from > latest->from)) latest = &r;
    return latest;
  }
  const ActorRole* best = nullptr;
  long best_gap = LONG_MAX;
  for (const auto& r : roles) {
    long gap = *day < r.from ? static_cast<long>(r.from) - *day : *day > r.to ? static_cast<long>(*day) - r.to : 0;
    // Among roles covering the day, the most specific (shortest) wins.
    if (gap < best_gap || (gap == best_gap && best && static_cast<long>(r.to) - r.from < static_cast<long>(best->to) - best->from)) {
      best = &r;
      best_gap = gap;
    }
  }
  return best;
}

void ActorDictionary::add_phrase(std::string_view text, Kind kind, uint32_t index, bool written_case) {
  std::string key = match_key(text);
  if (key.empty()) return;
  size_t letters = 0;
  bool acronym = true;
  for (char c : text) {
    if (c >= 'a' && c <= 'z') acronym = false;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) ++letters;
  }
  keys_.push_back(std::move(key));
  targets_.push_back({Phrase{kind, index, written_case && acronym && letters >= 2}});
}

bool ActorDictionary::load_seismo(const std::string& path, std::vector<std::string>& warnings, bool countries_only) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  size_t line_no = 0;
  bool have_actor = false;
  auto warn = [&](const std::string& why) { warnings.push_back(path + ":" + std::to_string(line_no) + ": " + why); };
  while (std::getline(in, line)) {
    ++line_no;
    std::string_view l = line;
    if (size_t hash = l.find(" #"); hash != std::string_view::npos && l.substr(0, 2) != "  ") l = l.substr(0, hash);
    if (trim(l).empty() || trim(l)[0] == '#') continue;
    if (countries_only && !trim(l).starts_with("@country")) continue;
    if (l[0] == ' ' || l[0] == '\t') {  // a role line of the actor above: CODE [FROM..TO] [# note]
      if (!have_actor) {
        warn("role line with no actor above it");
        continue;
      }
      std::string_view body = trim(l), note;
      if (size_t hash = body.find('#'); hash != std::string_view::npos) {
        note = trim(body.substr(hash + 1));
        body = trim(body.substr(0, hash));
      }
      auto parts = split_list(body, ' ');
      ActorRole r;
      if (parts.empty() || parts.size() > 2) {
        warn("expected CODE [FROM..TO]");
        continue;
      }
      r.code = std::string(parts[0]);
      if (parts.size() == 2 && !parse_range(parts[1], r)) {
        warn("bad date range '" + std::string(parts[1]) + "' (expected YYYY-MM-DD..YYYY-MM-DD, either side open)");
        continue;
      }
      r.note = std::string(note);
      actors_.back().roles.push_back(std::move(r));
      continue;
    }
    have_actor = false;
    size_t bar = l.find('|');
    std::string_view head = trim(l.substr(0, bar));
    std::string_view names = bar == std::string_view::npos ? std::string_view() : l.substr(bar + 1);
    if (head.starts_with("@country")) {
      auto parts = split_list(head.substr(8), ' ');
      if (parts.size() < 2 || parts.size() > 3 || parts[0].size() != 3 || parts[1].size() != 2) {
        warn("expected @country CAMEO ISO2 [LANGUAGES] | names");
        continue;
      }
      auto list = split_list(names, ';');
      if (list.empty()) {
        warn("country without names");
        continue;
      }
      // A country already loaded (by its code) gains the line's names: the
      // generated dictionary adds to the hand-written one, whose canonical
      // name stays.
      auto known = std::find_if(countries_.begin(), countries_.end(),
                                [&](const CountryEntry& c) { return c.cameo == parts[0]; });
      if (known == countries_.end()) {
        countries_.push_back(CountryEntry{std::string(parts[0]), std::string(parts[1]), std::string(list[0]), {}});
        known = countries_.end() - 1;
      }
      if (parts.size() == 3)
        for (auto lang : split_list(parts[2], ','))
          if (std::find(known->languages.begin(), known->languages.end(), lang) == known->languages.end())
            known->languages.emplace_back(lang);
      for (auto n : list) add_phrase(n, Kind::kCountry, static_cast<uint32_t>(known - countries_.begin()));
    } else if (head.starts_with("@agent") || head.starts_with("@title")) {
      bool title = head.starts_with("@title");
      auto parts = split_list(head.substr(6), ' ');
      auto list = split_list(names, ';');
      if (parts.size() != 1 || list.empty()) {
        warn(title ? "expected @title CODE | words" : "expected @agent CODE | words");
        continue;
      }
      agents_.push_back(AgentEntry{std::string(parts[0]), std::string(list[0]), title});
      for (auto n : list) add_phrase(n, Kind::kAgent, static_cast<uint32_t>(agents_.size() - 1));
    } else if (head.starts_with("@")) {
      warn("unknown directive '" + std::string(head) + "'");
    } else {
      actors_.push_back(ActorEntry{std::string(head), {}});
      have_actor = true;
      add_phrase(head, Kind::kActor, static_cast<uint32_t>(actors_.size() - 1));
      for (auto n : split_list(names, ';')) add_phrase(n, Kind::kActor, static_cast<uint32_t>(actors_.size() - 1));
    }
  }
  // An actor left without a role cannot be coded.
  for (const auto& a : actors_)
    if (a.roles.empty()) warnings.push_back(path + ": actor '" + a.name + "' has no code line; it will not be coded");
  return true;
}

bool ActorDictionary::load_cameo(const std::string& path, std::vector<std::string>& warnings) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  size_t line_no = 0;
  bool in_block = false, have_actor = false;
  auto warn = [&](const std::string& why) { warnings.push_back(path + ":" + std::to_string(line_no) + ": " + why); };
  auto add_codes = [&](std::string_view s, ActorEntry& a) -> bool {
    // Every "[CODE DATES]" group on the line.
    size_t pos = 0;
    bool any = false;
    while ((pos = s.find('[', pos)) != std::string_view::npos) {
      size_t close = s.find(']', pos);
      if (close == std::string_view::npos) {
        warn("unclosed [");
        return any;
      }
      auto parts = split_list(s.substr(pos + 1, close - pos - 1), ' ');
      pos = close + 1;
      if (parts.empty() || parts[0] == "---") continue;
      ActorRole r;
      r.code = std::string(parts[0]);
      if (parts.size() > 1 && !parse_cameo_dates(parts[1], r)) {
        warn("bad date '" + std::string(parts[1]) + "'");
        continue;
      }
      a.roles.push_back(std::move(r));
      any = true;
    }
    return any;
  };
  while (std::getline(in, line)) {
    ++line_no;
    std::string_view l = line;
    for (char c : {'#', ';'})
      if (size_t p = l.find(c); p != std::string_view::npos) l = l.substr(0, p);
    if (trim(l).empty()) continue;
    std::string_view t = trim(l);
    if (t.front() == '<') {  // <NOUN> ... </NOUN> and other PETRARCH blocks: not actors
      in_block = t.size() < 2 || t[1] != '/';
      continue;
    }
    if (in_block) continue;
    if (t.front() == '[') {  // a dated code line of the entry above
      if (!have_actor) warn("code line with no entry above it");
      else add_codes(t, actors_.back());
      continue;
    }
    if (t.front() == '+') {  // a synonym of the entry above
      if (!have_actor) warn("synonym with no entry above it");
      else
        for (const auto& n : cameo_names(t.substr(1)))
          add_phrase(n, Kind::kActor, static_cast<uint32_t>(actors_.size() - 1), /*written_case=*/false);
      continue;
    }
    size_t bracket = t.find('[');
    std::vector<std::string> names = cameo_names(t.substr(0, bracket));
    std::string name = names.empty() ? std::string() : names.front();
    if (name.empty()) {
      warn("entry without a name");
      have_actor = false;
      continue;
    }
    std::string_view codes = bracket == std::string_view::npos ? std::string_view() : t.substr(bracket);
    if (codes.starts_with("[~")) {  // an agent: [~COP]
      size_t close = codes.find(']');
      std::string code(trim(codes.substr(2, close == std::string_view::npos ? std::string_view::npos : close - 2)));
      if (code.empty()) {
        warn("empty agent code");
        continue;
      }
      agents_.push_back(AgentEntry{code, name});
      for (const auto& n : names) add_phrase(n, Kind::kAgent, static_cast<uint32_t>(agents_.size() - 1), /*written_case=*/false);
      have_actor = false;
      continue;
    }
    actors_.push_back(ActorEntry{name, {}});
    add_codes(codes, actors_.back());
    have_actor = true;
    for (const auto& n : names) add_phrase(n, Kind::kActor, static_cast<uint32_t>(actors_.size() - 1), /*written_case=*/false);
  }
  // Entries whose codes come only from later lines may still be empty:
  // drop their phrases' targets at compile time.
  return true;
}

bool ActorDictionary::compile(std::string* error) {
  // One automaton entry per distinct key; a key several entries share
  // keeps all of them (the first loaded is preferred when coding).
  std::unordered_map<std::string, uint32_t> first;
  std::vector<std::string> keys;
  std::vector<std::vector<Phrase>> targets;
  for (size_t i = 0; i < keys_.size(); ++i) {
    const Phrase& p = targets_[i][0];
    if (p.kind == Kind::kActor && actors_[p.index].roles.empty()) continue;
    auto [it, inserted] = first.try_emplace(keys_[i], static_cast<uint32_t>(keys.size()));
    if (inserted) {
      keys.push_back(keys_[i]);
      targets.push_back({});
    }
    // The same name given twice to one entry (a country's hand-written and
    // generated lines) is one target.
    auto& list = targets[it->second];
    if (std::none_of(list.begin(), list.end(), [&](const Phrase& q) { return q.kind == p.kind && q.index == p.index && q.acronym == p.acronym; }))
      list.push_back(p);
  }
  keys_ = std::move(keys);
  targets_ = std::move(targets);
  phrases_ = PhraseSet::compile(keys_, error);
  return phrases_ != nullptr;
}

const CountryEntry* ActorDictionary::country_by_iso2(std::string_view iso2) const {
  for (const auto& c : countries_) if (c.iso2 == iso2) return &c;
  return nullptr;
}

}  // namespace seismo
