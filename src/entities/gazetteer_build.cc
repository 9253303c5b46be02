// Gazetteer::build: reads GeoNames, countries and the curated supplement,
// and writes the memory-mapped index described in gazetteer_format.h.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <unordered_map>

#include "common/match_text.h"
#include "common/text.h"
#include "entities/country_shapes.h"
#include "entities/gazetteer.h"
#include "entities/gazetteer_divisions.h"
#include "entities/gazetteer_format.h"

namespace seismo {
namespace {

using namespace gazetteer_format;

class IndexBuilder {
 public:
  explicit IndexBuilder(const std::function<void(const std::string&)>& warn) : warn_(warn) { strings_.push_back('\0'); }

  uint32_t add_place(PlaceRecord p, std::string_view name) {
    p.name = add_string(name);
    places_.push_back(p);
    return static_cast<uint32_t>(places_.size() - 1);
  }
  void add_name(uint32_t place, std::string_view name, uint8_t flags) {
    std::string key = match_key(name);
    if (key.size() < 2 || key.find_first_not_of("0123456789 #") == std::string::npos) return;
    // Names in scripts folding leaves alone (Han, Arabic...) are never met
    // in folded text; keeping them would only grow the automaton.
    for (unsigned char c : key) if (c >= 0x80) return;
    auto [it, inserted] = name_index_.try_emplace(key, static_cast<uint32_t>(postings_.size()));
    if (inserted) postings_.emplace_back();
    auto& list = postings_[it->second];
    for (auto& [pl, fl] : list) {
      if (pl == place) {
        fl |= flags;
        return;
      }
    }
    list.emplace_back(place, flags);
  }
  PlaceRecord& place(uint32_t i) { return places_[i]; }
  std::string_view name_of(uint32_t i) const { return strings_.data() + places_[i].name; }
  // Adds `flags` to every posting of the name whose key is `key`.
  void flag_name(const std::string& key, uint8_t flags) {
    auto it = name_index_.find(key);
    if (it == name_index_.end()) return;
    for (auto& [pl, fl] : postings_[it->second]) fl |= flags;
  }
  size_t place_count() const { return places_.size(); }
  void warn(const std::string& m) const {
    if (warn_) warn_(m);
  }
  const std::vector<std::pair<uint32_t, uint8_t>>* places_named(std::string_view name) const {
    auto it = name_index_.find(match_key(name));
    return it == name_index_.end() ? nullptr : &postings_[it->second];
  }
  uint32_t country_place(std::string_view iso2) const {
    int slot = country_slot(iso2[0], iso2[1]);
    return slot >= 0 && country_index_[slot] ? country_index_[slot] - 1 : UINT32_MAX;
  }
  void set_country(std::string_view iso2, uint32_t place) {
    int slot = iso2.size() == 2 ? country_slot(iso2[0], iso2[1]) : -1;
    if (slot >= 0) country_index_[slot] = place + 1;
  }

  bool write(const std::string& path, std::string* error) const;

 private:
  uint32_t add_string(std::string_view s) {
    uint32_t off = static_cast<uint32_t>(strings_.size());
    strings_.append(s);
    strings_.push_back('\0');
    return off;
  }

  const std::function<void(const std::string&)>& warn_;
  std::vector<PlaceRecord> places_;
  std::unordered_map<std::string, uint32_t> name_index_;  // key -> index in postings_
  std::vector<std::vector<std::pair<uint32_t, uint8_t>>> postings_;
  std::string strings_;
  uint32_t country_index_[26 * 26] = {};
};

bool IndexBuilder::write(const std::string& path, std::string* error) const {
  // Names in a stable order (sorted keys), so the same sources always give
  // the same file.
  std::vector<const std::string*> keys;
  keys.reserve(name_index_.size());
  for (const auto& [k, v] : name_index_) keys.push_back(&k);
  std::sort(keys.begin(), keys.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
  std::string strings = strings_;
  std::vector<NameRecord> names;
  std::vector<Posting> postings;
  std::vector<std::string> phrase_keys;
  for (const std::string* k : keys) {
    NameRecord n{static_cast<uint32_t>(strings.size()), static_cast<uint32_t>(postings.size()), 0};
    strings.append(*k);
    strings.push_back('\0');
    for (auto [pl, fl] : postings_[name_index_.at(*k)]) postings.push_back(Posting{pl, fl, {0, 0, 0}});
    n.posting_count = static_cast<uint32_t>(postings.size()) - n.first_posting;
    names.push_back(n);
    phrase_keys.push_back(*k);
  }
  std::unique_ptr<PhraseSet> phrases = PhraseSet::compile(phrase_keys, error);
  if (!phrases) return false;
  std::string phrase_bytes = phrases->serialize();

  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.version = kVersion;
  h.place_count = static_cast<uint32_t>(places_.size());
  h.name_count = static_cast<uint32_t>(names.size());
  h.posting_count = static_cast<uint32_t>(postings.size());
  std::memcpy(h.country_index, country_index_, sizeof country_index_);
  auto align = [](uint64_t x) { return (x + 7) & ~uint64_t{7}; };
  uint64_t off = align(sizeof(Header));
  h.places_offset = off;
  off = align(off + places_.size() * sizeof(PlaceRecord));
  h.names_offset = off;
  off = align(off + names.size() * sizeof(NameRecord));
  h.postings_offset = off;
  off = align(off + postings.size() * sizeof(Posting));
  h.strings_offset = off;
  h.strings_size = strings.size();
  off = align(off + strings.size());
  h.phrases_offset = off;
  h.phrases_size = phrase_bytes.size();

  std::string tmp = path + ".tmp";
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  auto put = [&](const void* p, uint64_t at, size_t n) {
    out.seekp(static_cast<std::streamoff>(at));
    out.write(static_cast<const char*>(p), static_cast<std::streamsize>(n));
  };
  put(&h, 0, sizeof h);
  put(places_.data(), h.places_offset, places_.size() * sizeof(PlaceRecord));
  put(names.data(), h.names_offset, names.size() * sizeof(NameRecord));
  put(postings.data(), h.postings_offset, postings.size() * sizeof(Posting));
  put(strings.data(), h.strings_offset, strings.size());
  put(phrase_bytes.data(), h.phrases_offset, phrase_bytes.size());
  out.close();
  if (!out || std::rename(tmp.c_str(), path.c_str()) != 0) {
    if (error) *error = path + ": cannot write: " + std::strerror(errno);
    std::remove(tmp.c_str());
    return false;
  }
  return true;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

template <typename T>
bool parse_number(std::string_view s, T& out) {
  s = trim(s);
  if (s.empty()) return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

bool looks_like_code(std::string_view name) {
  if (name.size() > 4) return false;
  for (char c : name) if (!(c >= 'A' && c <= 'Z')) return false;
  return true;
}

// One row in GeoNames' 19 columns (the supplement adds a 20th, its source).
// Returns false, with `why`, when the row cannot be used.
bool parse_geonames_row(const std::vector<std::string_view>& f, PlaceRecord& p, std::string& why) {
  if (f.size() < 15) {
    why = "expected GeoNames' 19 tab-separated columns, found " + std::to_string(f.size());
    return false;
  }
  p = PlaceRecord{};
  if (!trim(f[0]).empty() && !parse_number(f[0], p.geonameid)) {
    why = "geonameid is not a number";
    return false;
  }
  double lat = 0, lon = 0;
  if (!parse_number(f[4], lat) || !parse_number(f[5], lon) || std::fabs(lat) > 90 || std::fabs(lon) > 180) {
    why = "latitude/longitude missing or out of range";
    return false;
  }
  p.lat = static_cast<float>(lat);
  p.lon = static_cast<float>(lon);
  if (trim(f[1]).empty()) {
    why = "empty name";
    return false;
  }
  p.feature_class = f[6].empty() ? 'P' : f[6][0];
  std::string_view code = trim(f[7]);
  std::memcpy(p.feature_code, code.data(), std::min<size_t>(code.size(), sizeof p.feature_code - 1));
  std::string_view cc = trim(f[8]);
  if (cc.size() == 2) std::memcpy(p.country, cc.data(), 2);
  uint64_t population = 0;
  if (parse_number(f[14], population)) p.population = static_cast<uint32_t>(std::min<uint64_t>(population, UINT32_MAX));
  if (code == "PPLC") p.flags |= kCapital;
  return true;
}

void add_geonames_names(IndexBuilder& b, uint32_t place, const std::vector<std::string_view>& f) {
  b.add_name(place, f[1], kMainName);
  if (!f[2].empty()) b.add_name(place, f[2], kMainName);
  for (std::string_view alt : split(f[3], ','))
    if (!alt.empty()) b.add_name(place, alt, looks_like_code(alt) ? kShortName : 0);
}

// Each town's division codes, by its place index, for link_divisions();
// and the divisions a full dump lists as places of their own, by code
// ("US.TN" for an ADM1 row, "US.TN.001" for an ADM2 row).
struct Filings {
  std::vector<std::pair<uint32_t, TownFiling>> towns;
  std::unordered_map<std::string, uint32_t> listed;  // code -> place index + 1
};

bool read_geonames(IndexBuilder& b, const std::string& path, std::unordered_map<uint32_t, uint32_t>& by_id,
                   Filings& filings, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    if (error) *error = path + ": cannot open";
    return false;
  }
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    auto f = split(line, '\t');
    PlaceRecord p;
    std::string why;
    if (!parse_geonames_row(f, p, why)) {
      b.warn(path + ":" + std::to_string(line_no) + ": " + why);
      continue;
    }
    uint32_t i = b.add_place(p, f[1]);
    by_id[p.geonameid] = i;
    add_geonames_names(b, i, f);
    if (f.size() > 11 && p.feature_class == 'P')
      filings.towns.emplace_back(i, TownFiling{std::string(trim(f[8])), std::string(trim(f[10])),
                                               std::string(trim(f[11])), p.lat, p.lon});
    std::string_view code = trim(f[7]);
    if (f.size() > 11 && (code == "ADM1" || code == "ADM2")) {
      std::string key = std::string(trim(f[8])) + "." + std::string(trim(f[10]));
      if (code == "ADM2") key += "." + std::string(trim(f[11]));
      filings.listed.emplace(std::move(key), i + 1);
      b.place(i).flags |= code == "ADM1" ? kRegion : kDivision;
    }
  }
  return true;
}

// alternateNamesV2.txt: id, geonameid, language, name, preferred, short,
// colloquial, historic, from, to.
void read_alternate_names(IndexBuilder& b, const std::string& path,
                          const std::unordered_map<uint32_t, uint32_t>& by_id) {
  std::ifstream in(path);
  if (!in) {
    b.warn(path + ": cannot open; alternate names not loaded");
    return;
  }
  static const std::vector<std::string_view> kNotNames = {"link", "wkdt", "post", "iata", "icao", "faac",
                                                          "tcid", "unlc", "fr_1793", "phon", "piny"};
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    auto f = split(line, '\t');
    uint32_t id = 0;
    if (f.size() < 4 || !parse_number(f[1], id)) {
      b.warn(path + ":" + std::to_string(line_no) + ": expected alternateNamesV2 columns");
      continue;
    }
    auto it = by_id.find(id);
    if (it == by_id.end()) continue;
    if (std::find(kNotNames.begin(), kNotNames.end(), f[2]) != kNotNames.end()) continue;
    bool is_short = f[2] == "abbr" || (f.size() > 5 && f[5] == "1") || looks_like_code(f[3]);
    b.add_name(it->second, f[3], is_short ? kShortName : 0);
  }
}

// `points`: ISO numeric code -> a point from the country's outline, which
// replaces world-countries' whole-degree one.
void read_countries(IndexBuilder& b, const std::string& path,
                    const std::unordered_map<std::string, std::pair<double, double>>& points) {
  std::ifstream in(path);
  if (!in) {
    b.warn(path + ": cannot open; countries not loaded");
    return;
  }
  nlohmann::json all = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!all.is_array()) {
    b.warn(path + ": not a JSON array of countries");
    return;
  }
  auto str = [](const nlohmann::json& j, const char* k) -> std::string {
    return j.is_object() && j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string();
  };
  size_t index = 0;
  for (const auto& c : all) {
    ++index;
    std::string cc = str(c, "cca2");
    const auto& latlng = c.value("latlng", nlohmann::json::array());
    if (cc.size() != 2 || !latlng.is_array() || latlng.size() != 2 || !latlng[0].is_number()) {
      b.warn(path + ": country " + std::to_string(index) + ": no cca2 or latlng");
      continue;
    }
    const auto& name = c.value("name", nlohmann::json::object());
    std::string common = str(name, "common");
    if (common.empty()) continue;
    PlaceRecord p{};
    p.lat = latlng[0].get<float>();
    p.lon = latlng[1].get<float>();
    if (auto it = points.find(str(c, "ccn3")); it != points.end()) {
      p.lat = static_cast<float>(it->second.first);
      p.lon = static_cast<float>(it->second.second);
    }
    std::memcpy(p.country, cc.data(), 2);
    p.feature_class = 'A';
    std::memcpy(p.feature_code, "PCLI", 4);
    p.flags = kCountry;
    uint32_t i = b.add_place(p, common);
    b.set_country(cc, i);
    b.add_name(i, common, kMainName);
    b.add_name(i, str(name, "official"), kMainName);
    if (name.contains("native") && name["native"].is_object())
      for (const auto& [lang, n] : name["native"].items()) {
        b.add_name(i, str(n, "common"), 0);
        b.add_name(i, str(n, "official"), 0);
      }
    if (c.contains("translations") && c["translations"].is_object())
      for (const auto& [lang, n] : c["translations"].items()) {
        b.add_name(i, str(n, "common"), 0);
        b.add_name(i, str(n, "official"), 0);
      }
    if (c.contains("altSpellings") && c["altSpellings"].is_array())
      for (const auto& a : c["altSpellings"])
        if (a.is_string()) b.add_name(i, a.get<std::string>(), looks_like_code(a.get<std::string>()) ? kShortName : 0);
    if (c.contains("demonyms") && c["demonyms"].is_object())
      for (const auto& [lang, d] : c["demonyms"].items())
        if (lang == "eng")
          for (const char* g : {"m", "f"}) {
            std::string adjective = str(d, g);
            b.add_name(i, adjective, kDemonym);
            // Its people: "Israelis", "Sri Lankans" (not "Chinese", "French").
            if (adjective.ends_with("n") || adjective.ends_with("i")) b.add_name(i, adjective + "s", kDemonym);
          }
    // The capital: the most populous populated place of that name in the
    // country, unless GeoNames already marked one.
    if (c.contains("capital") && c["capital"].is_array())
      for (const auto& cap : c["capital"]) {
        if (!cap.is_string()) continue;
        const auto* named = b.places_named(cap.get<std::string>());
        if (!named) continue;
        int64_t best = -1;
        for (auto [pl, fl] : *named) {
          PlaceRecord& q = b.place(pl);
          if (q.feature_class != 'P' || std::memcmp(q.country, cc.data(), 2) != 0) continue;
          if (best < 0 || q.population > b.place(static_cast<uint32_t>(best)).population) best = pl;
        }
        if (best >= 0) b.place(static_cast<uint32_t>(best)).flags |= kCapital;
      }
  }
}

// First-level regions: DIR/<Country>-<CC>/states.json, each an array of
// {name, native, country_code, type, latitude, longitude}. Only the kinds
// that are regions of a country (states, provinces, counties...) are kept:
// the same files list districts and municipalities that share names with
// towns and would only compete with them.
void read_regions(IndexBuilder& b, const std::string& dir) {
  static const std::vector<std::string_view> kKept = {
      "state", "province", "region", "department", "county", "governorate", "prefecture", "administrative region",
      "canton", "autonomous region", "autonomous community", "republic", "land", "voivodship", "two-tier county",
      "metropolitan region", "administrative territory", "autonomous province", "federal district", "territory",
      "oblast", "krai", "emirate", "federal territory", "autonomous republic", "constituent country", "country"};
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.is_directory() && std::filesystem::exists(e.path() / "states.json")) files.push_back(e.path() / "states.json");
  if (ec || files.empty()) {
    b.warn(dir + ": no <country>/states.json files; regions not loaded");
    return;
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    // Beside the regions, the country's meta.json gives its population,
    // which world-countries lacks: a country outweighs a town of its name
    // ("Mexico" is not Mexico City) by the ranker's population feature too.
    if (std::ifstream m(f.parent_path() / "meta.json"); m) {
      nlohmann::json meta = nlohmann::json::parse(m, nullptr, /*allow_exceptions=*/false);
      if (meta.is_object() && meta.contains("iso2") && meta["iso2"].is_string() && meta.contains("population") &&
          meta["population"].is_number_unsigned()) {
        std::string cc = meta["iso2"].get<std::string>();
        uint32_t country = cc.size() == 2 ? b.country_place(cc) : UINT32_MAX;
        if (country != UINT32_MAX)
          b.place(country).population = static_cast<uint32_t>(std::min<uint64_t>(meta["population"].get<uint64_t>(), UINT32_MAX));
      }
    }
    std::ifstream in(f);
    nlohmann::json all = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (!all.is_array()) {
      b.warn(f.string() + ": not a JSON array of regions");
      continue;
    }
    auto kept = [](const std::string& type) { return std::find(kKept.begin(), kKept.end(), type) != kKept.end(); };
    // A district beside a country's states is one of them (the District of
    // Columbia); where districts are the only level they are the many
    // small units this reader leaves out.
    size_t states = 0;
    for (const auto& r : all)
      if (r.is_object() && r.contains("type") && r["type"].is_string() && kept(r["type"].get<std::string>())) ++states;
    size_t index = 0;
    for (const auto& r : all) {
      ++index;
      if (!r.is_object()) continue;
      auto str = [&](const char* k) { return r.contains(k) && r[k].is_string() ? r[k].get<std::string>() : std::string(); };
      std::string type = str("type"), name = std::string(trim(str("name"))), cc = str("country_code");
      if (!kept(type) && !(type == "district" && states >= 10)) continue;
      double lat = 0, lon = 0;
      if (name.empty() || cc.size() != 2 || !parse_number(str("latitude"), lat) || !parse_number(str("longitude"), lon) ||
          std::fabs(lat) > 90 || std::fabs(lon) > 180) {
        b.warn(f.string() + ": region " + std::to_string(index) + ": no name, country or coordinates");
        continue;
      }
      PlaceRecord p{};
      p.lat = static_cast<float>(lat);
      p.lon = static_cast<float>(lon);
      std::memcpy(p.country, cc.data(), 2);
      p.feature_class = 'A';
      std::memcpy(p.feature_code, "ADM1", 4);
      p.flags = kRegion;
      uint32_t i = b.add_place(p, name);
      b.add_name(i, name, kMainName);
      std::string native = str("native");
      if (!native.empty()) b.add_name(i, native, 0);
    }
  }
}

// Calls `row` with the tab-separated fields of each line of `path` that is
// neither blank nor a # comment, and the "FILE:LINE: " prefix its
// warnings take. Returns false, with one warning, when the file cannot be
// opened.
bool for_each_row(IndexBuilder& b, const std::string& path, const char* what,
                  const std::function<void(const std::vector<std::string_view>&, const std::string&)>& row) {
  std::ifstream in(path);
  if (!in) {
    b.warn(path + ": cannot open; " + what + " not loaded");
    return false;
  }
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (trim(line).empty() || line[0] == '#') continue;
    row(split(line, '\t'), path + ":" + std::to_string(line_no) + ": ");
  }
  return true;
}

// The curated supplement: GeoNames' columns plus a 20th, where the row's
// facts come from. A row with the geonameid of a place already loaded only
// adds names to it; a row without a geonameid is a new, curated place.
void read_supplement(IndexBuilder& b, const std::string& path, const std::unordered_map<uint32_t, uint32_t>& by_id) {
  for_each_row(b, path, "curated places", [&](const std::vector<std::string_view>& f, const std::string& where) {
    if (f.size() < 20 || trim(f[19]).empty()) {
      b.warn(where + "expected 20 tab-separated columns (GeoNames' 19 and a source note)");
      return;
    }
    uint32_t id = 0;
    // No geonameid and no name, only a country code: more names for a country.
    if (trim(f[0]).empty() && trim(f[1]).empty()) {
      std::string_view cc = trim(f[8]);
      uint32_t country = cc.size() == 2 ? b.country_place(cc) : UINT32_MAX;
      if (country == UINT32_MAX) {
        b.warn(where + "country '" + std::string(cc) + "' is not in the gazetteer");
        return;
      }
      // A curated English name of a country ("Turkey") is as much its name
      // as world-countries' own.
      for (std::string_view alt : split(f[3], ',')) if (!alt.empty()) b.add_name(country, alt, kMainName);
      return;
    }
    if (!trim(f[0]).empty()) {
      if (!parse_number(f[0], id)) {
        b.warn(where + "geonameid '" + std::string(f[0]) + "' is not a number");
        return;
      }
      if (by_id.count(id)) {
        for (std::string_view alt : split(f[3], ',')) if (!alt.empty()) b.add_name(by_id.at(id), alt, 0);
        return;
      }
      // A GeoNames place the dump lacks (cities1000 has no continents): the
      // row gives it whole, under its own id, below.
      if (trim(f[1]).empty()) {
        b.warn(where + "geonameid " + std::string(f[0]) + " is not in the gazetteer");
        return;
      }
    }
    PlaceRecord p;
    std::string why;
    if (!parse_geonames_row(f, p, why)) {
      b.warn(where + why);
      return;
    }
    p.flags |= kCurated;
    uint32_t i = b.add_place(p, f[1]);
    add_geonames_names(b, i, f);
  });
}

// The regions source places some regions at the point of the town that
// shares their name, as a geocoder asked for "New York" would: New York
// State at Manhattan. Such a region (one with a town of its name within
// 10 km of its point) is placed at the middle of its towns' extent instead.
void place_regions_at_their_towns(IndexBuilder& b, const Filings& filings,
                                  const std::unordered_map<std::string, uint32_t>& region) {
  std::unordered_map<uint32_t, std::vector<std::pair<double, double>>> towns;  // region index -> its towns
  for (const auto& [i, t] : filings.towns)
    if (auto it = region.find(t.country + "." + t.admin1); it != region.end()) towns[it->second - 1].emplace_back(t.lat, t.lon);
  for (auto& [pl, coords] : towns) {
    PlaceRecord& r = b.place(pl);
    if (coords.size() < 10) continue;
    bool at_town = false;
    if (const auto* named = b.places_named(b.name_of(pl)))
      for (auto [q, fl] : *named) {
        const PlaceRecord& t = b.place(q);
        at_town = at_town || (t.feature_class == 'P' && std::fabs(t.lat - r.lat) < 0.1 &&
                              std::fabs(t.lon - r.lon) < 0.1 / std::max(0.1, std::cos(r.lat * 3.14159265358979323846 / 180)));
      }
    if (!at_town) continue;
    auto [lat, lon] = middle_of_extent(coords);
    r.lat = static_cast<float>(lat);
    r.lon = static_cast<float>(lon);
  }
}

// Files each town under its region and second-level division, and adds
// those divisions as places. Regions come from @countrystatecity by name;
// GeoNames' admin1 names say which region a code is ("US.TN" ->
// "Tennessee"). A code whose name matches no region is left unfiled rather
// than made a second region of that name: GeoNames and @countrystatecity
// spell some differently, and a duplicate would compete with the town of
// the same name. A division is a place under its multi-word names only
// ("Anderson County", "Miami-Dade County"): alone, "Anderson" or "Wayne"
// is far more often a town or a person.
void link_divisions(IndexBuilder& b, const std::string& dir, const Filings& filings) {
  auto warn = [&](const std::string& m) { b.warn(m); };
  auto admin1 = read_division_names(dir + "/admin1.json", warn);
  auto admin2 = read_division_names(dir + "/admin2.json", warn);
  std::unordered_map<std::string, uint32_t> region;  // "US.TN" -> place index + 1
  for (const auto& [code, i] : filings.listed)
    if (std::count(code.begin(), code.end(), '.') == 1) region[code] = i;
  for (const auto& [code, name] : admin1) {
    if (region.count(code)) continue;
    const auto* named = b.places_named(name);
    if (!named) continue;
    for (auto [pl, fl] : *named) {
      const PlaceRecord& q = b.place(pl);
      if ((q.flags & kRegion) && std::string_view(q.country, 2) == std::string_view(code).substr(0, 2)) {
        region[code] = pl + 1;
        break;
      }
    }
  }
  std::vector<TownFiling> towns;
  towns.reserve(filings.towns.size());
  for (const auto& [i, t] : filings.towns) towns.push_back(t);
  std::unordered_map<std::string, uint32_t> division;  // "US.TN.001" -> place index + 1
  for (const auto& [code, i] : filings.listed)
    if (std::count(code.begin(), code.end(), '.') == 2) {
      division[code] = i;
      if (auto it = region.find(code.substr(0, code.rfind('.'))); it != region.end()) b.place(i - 1).admin1 = it->second;
    }
  for (const Division& d : second_level_divisions(towns, admin2)) {
    if (division.count(d.key)) continue;  // the dump lists it
    PlaceRecord p{};
    p.lat = static_cast<float>(d.lat);
    p.lon = static_cast<float>(d.lon);
    std::memcpy(p.country, d.key.data(), 2);
    p.feature_class = 'A';
    std::memcpy(p.feature_code, "ADM2", 4);
    p.flags = kDivision;
    if (auto it = region.find(d.key.substr(0, d.key.rfind('.'))); it != region.end()) p.admin1 = it->second;
    uint32_t i = b.add_place(p, d.name);
    if (d.name.find(' ') != std::string::npos) b.add_name(i, d.name, kMainName);
    division[d.key] = i + 1;
  }
  // A region or division the dump gives no population counts the people
  // of the towns filed under it (a lower bound: towns of 1,000 or more in
  // cities1000), so that New York State and Ontario outweigh the towns
  // that share their names as the ranker's population feature reads them.
  std::unordered_map<uint32_t, uint64_t> people;  // place index -> people of its towns
  for (const auto& [i, t] : filings.towns) {
    std::string a1 = t.country + "." + t.admin1;
    const uint64_t n = b.place(i).population;
    if (auto it = region.find(a1); it != region.end()) {
      b.place(i).admin1 = it->second;
      people[it->second - 1] += n;
    }
    if (auto it = division.find(a1 + "." + t.admin2); it != division.end()) {
      b.place(i).admin2 = it->second;
      people[it->second - 1] += n;
    }
  }
  for (const auto& [pl, n] : people)
    if (b.place(pl).population == 0) b.place(pl).population = static_cast<uint32_t>(std::min<uint64_t>(n, UINT32_MAX));
  place_regions_at_their_towns(b, filings, region);
}

// AP-style and postal abbreviations of first-level regions, one region a
// line: country code, the region's name as the regions source spells it,
// and its abbreviations, comma-separated ("US\tConnecticut\tConn.,CT").
void read_abbreviations(IndexBuilder& b, const std::string& path) {
  for_each_row(b, path, "region abbreviations", [&](const std::vector<std::string_view>& f, const std::string& where) {
    if (f.size() != 3 || trim(f[0]).size() != 2 || trim(f[1]).empty() || trim(f[2]).empty()) {
      b.warn(where + "expected country code, region name and abbreviations, tab-separated");
      return;
    }
    std::string_view cc = trim(f[0]);
    uint32_t region = UINT32_MAX;
    if (const auto* named = b.places_named(trim(f[1])))
      for (auto [pl, fl] : *named)
        if ((b.place(pl).flags & kRegion) && std::string_view(b.place(pl).country, 2) == cc) region = pl;
    if (region == UINT32_MAX) {
      b.warn(where + "no region '" + std::string(trim(f[1])) + "' in " + std::string(cc));
      return;
    }
    for (std::string_view a : split(f[2], ','))
      if (!trim(a).empty()) b.add_name(region, trim(a), kAbbreviation | (looks_like_code(trim(a)) ? kShortName : 0));
  });
}

// One-word names that English mostly writes in lower case (SUBTLEX-US
// gives each word in its usual case: "vice", "parks", "reading", but
// "Dublin", "Jackson"): capitalised at a sentence start or in a title they
// are still words.
void flag_common_words(IndexBuilder& b, const std::string& path) {
  std::ifstream in(path);
  nlohmann::json all = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!all.is_array()) {
    b.warn(path + ": not a JSON array of {word, count}; everyday words not flagged");
    return;
  }
  for (const auto& w : all) {
    if (!w.is_object() || !w.contains("word") || !w["word"].is_string()) continue;
    std::string word = w["word"].get<std::string>();
    if (word.size() < 3 || word[0] < 'a' || word[0] > 'z' || word.find(' ') != std::string::npos) continue;
    b.flag_name(match_key(word), kCommonWord);
  }
}

}  // namespace

bool Gazetteer::build(const GazetteerSources& sources, const std::string& output,
                      const std::function<void(const std::string& message)>& warn, std::string* error) {
  IndexBuilder b(warn);
  std::unordered_map<uint32_t, uint32_t> by_id;
  Filings filings;
  if (!sources.geonames.empty() && !read_geonames(b, sources.geonames, by_id, filings, error)) return false;
  if (!sources.alternate_names.empty()) read_alternate_names(b, sources.alternate_names, by_id);
  if (!sources.countries.empty()) {
    std::unordered_map<std::string, std::pair<double, double>> points;
    if (!sources.country_shapes.empty()) points = country_points(sources.country_shapes, [&](const std::string& m) { b.warn(m); });
    read_countries(b, sources.countries, points);
  }
  if (!sources.regions.empty()) read_regions(b, sources.regions);
  if (!sources.divisions.empty()) link_divisions(b, sources.divisions, filings);
  if (!sources.abbreviations.empty()) read_abbreviations(b, sources.abbreviations);
  if (!sources.common_words.empty()) flag_common_words(b, sources.common_words);
  if (!sources.supplement.empty()) read_supplement(b, sources.supplement, by_id);
  if (b.place_count() == 0) {
    if (error) *error = "no places read from the sources";
    return false;
  }
  return b.write(output, error);
}

}  // namespace seismo
