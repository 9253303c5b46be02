#include "entities/entities.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "common/data_files.h"
#include "common/utf8.h"
#include "entities/actor_dictionary.h"
#include "entities/actors.h"
#include "entities/date_mentions.h"
#include "entities/gazetteer.h"
#include "entities/places.h"

namespace seismo {

struct EntityRecognizer::Impl {
  std::unique_ptr<Gazetteer> gazetteer;
  std::unique_ptr<PlaceResolver> places;
  ActorDictionary actors;
};

EntityRecognizer::EntityRecognizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EntityRecognizer::~EntityRecognizer() = default;

namespace {

// PETRARCH dictionaries come as a directory of files; load the actor and
// agent ones (verbs, issues and discards belong to other stages).
std::vector<std::string> expand(const std::string& path) { return dictionary_files(path, {"actors", "agents"}); }

}  // namespace

std::unique_ptr<EntityRecognizer> EntityRecognizer::load(const EntityOptions& options,
                                                         std::vector<std::string>& warnings) {
  auto impl = std::make_unique<Impl>();
  std::string path = options.gazetteer.empty() ? default_gazetteer_path() : options.gazetteer;
  std::string error;
  impl->gazetteer = open_or_build_gazetteer(path, warnings, &error);
  if (impl->gazetteer) {
    impl->places = std::make_unique<PlaceResolver>(*impl->gazetteer);
  } else {
    warnings.push_back("no gazetteer (" + error +
                       "): places will not be resolved. `make build` compiles one from the npm data "
                       "scripts/setup installs; or pass --gazetteer FILE");
  }
  std::vector<std::string> own = options.dictionaries;
  if (own.empty() && options.petrarch.empty() && options.tabari.empty()) own.push_back(default_actor_dictionary_path());
  else if (own.empty() && !impl->actors.load_seismo(default_actor_dictionary_path(), warnings, /*countries_only=*/true))
    warnings.push_back(default_actor_dictionary_path() + ": cannot read; capitals that act stay places");
  for (const auto& p : own)
    for (const auto& f : expand(p))
      if (!impl->actors.load_seismo(f, warnings)) warnings.push_back(f + ": cannot read actor dictionary");
  for (const auto& list : {options.petrarch, options.tabari})
    for (const auto& p : list)
      for (const auto& f : expand(p))
        if (!impl->actors.load_cameo(f, warnings)) warnings.push_back(f + ": cannot read dictionary");
  if (!impl->actors.compile(&error)) warnings.push_back("actor dictionary: " + error);
  return std::unique_ptr<EntityRecognizer>(new EntityRecognizer(std::move(impl)));
}

bool EntityRecognizer::has_gazetteer() const { return impl_->gazetteer != nullptr; }

std::vector<EntityMention> EntityRecognizer::recognise(std::string_view text,
                                                       const std::optional<CalendarDate>& published,
                                                       std::string_view language) const {
  struct Raw {
    size_t begin, end;  // bytes
    EntityMention m;
  };
  std::vector<Raw> raw;
  MatchText t = make_match_text(text);
  std::optional<int> day;
  if (published && published->precision == DatePrecision::kDay)
    day = days_from_civil(published->year, published->month, published->day);

  auto bytes = [&](uint32_t first, uint32_t end) {
    return std::pair<size_t, size_t>{t.tokens[first].begin, t.tokens[end - 1].end};
  };
  std::vector<std::pair<uint32_t, uint32_t>> actor_spans;
  // An actor coded as a bare country ("Kosovo" -> KSV in the Phoenix
  // dictionaries) is the place when the place stage resolves one there.
  std::vector<ActorMatch> bare_countries;
  for (auto& a : find_actor_mentions(t, impl_->actors, day)) {
    if (a.code.size() == 3 && impl_->places) {
      bare_countries.push_back(std::move(a));
      continue;
    }
    auto [b, e] = bytes(a.first_token, a.end_token);
    EntityMention m;
    m.kind = EntityKind::kActor;
    m.actor = ActorRef{std::move(a.name), std::move(a.code)};
    raw.push_back(Raw{b, e, std::move(m)});
    actor_spans.emplace_back(a.first_token, a.end_token);
  }
  auto inside_actor = [&](uint32_t first, uint32_t end) {
    for (auto [f, e] : actor_spans) if (first < e && f < end) return true;
    return false;
  };
  std::vector<std::pair<uint32_t, uint32_t>> place_spans;
  if (impl_->places) {
    for (const auto& p : impl_->places->resolve(t, language)) {
      if (inside_actor(p.first_token, p.end_token)) continue;
      place_spans.emplace_back(p.first_token, p.end_token);
      auto [b, e] = bytes(p.first_token, p.end_token);
      const Gazetteer& gz = *impl_->gazetteer;
      std::string iso(p.place->country, p.place->country[0] ? 2 : 0);
      EntityMention m;
      if (p.metonym) {
        // "Belgrade asked": the government of the country whose capital
        // (or which country) is named.
        const CountryEntry* c = impl_->actors.country_by_iso2(iso);
        const PlaceRecord* country = gz.country(iso);
        std::string country_name = c ? c->name : country ? std::string(gz.display_name(*country)) : iso;
        if (c) {
          m.kind = EntityKind::kActor;
          m.actor = ActorRef{"Government of " + country_name, c->cameo + "GOV"};
          raw.push_back(Raw{b, e, std::move(m)});
          continue;
        }
      }
      m.kind = EntityKind::kPlace;
      if (p.state) {
        if (const CountryEntry* c = impl_->actors.country_by_iso2(iso))
          m.government = ActorRef{"Government of " + c->name, c->cameo + "GOV"};
      }
      ResolvedPlace r;
      r.name = std::string(gz.display_name(*p.place));
      r.geonameid = p.place->geonameid;
      r.lat = p.place->lat;
      r.lon = p.place->lon;
      r.country = iso;
      r.feature_code = std::string(p.place->feature_code, strnlen(p.place->feature_code, sizeof p.place->feature_code));
      r.confidence = std::round(p.confidence * 1000) / 1000;
      m.place = std::move(r);
      raw.push_back(Raw{b, e, std::move(m)});
    }
  }
  for (auto& a : bare_countries) {
    bool is_place = false;
    for (auto [f, e] : place_spans) is_place = is_place || (a.first_token < e && f < a.end_token);
    if (is_place) continue;
    auto [b, e] = bytes(a.first_token, a.end_token);
    EntityMention m;
    m.kind = EntityKind::kActor;
    m.actor = ActorRef{std::move(a.name), std::move(a.code)};
    raw.push_back(Raw{b, e, std::move(m)});
  }
  for (auto& d : find_date_mentions(text, t, published)) {
    EntityMention m;
    m.kind = EntityKind::kDate;
    m.date = std::move(d.ref);
    raw.push_back(Raw{d.begin, d.end, std::move(m)});
  }
  std::sort(raw.begin(), raw.end(), [](const Raw& a, const Raw& b) { return a.begin < b.begin; });
  std::vector<EntityMention> out;
  out.reserve(raw.size());
  CodePointCursor cps(text);
  for (auto& r : raw) {
    r.m.text = std::string(text.substr(r.begin, r.end - r.begin));
    r.m.start = cps.at(r.begin);
    r.m.end = cps.at(r.end);
    out.push_back(std::move(r.m));
  }
  return out;
}

const char* entity_kind_name(EntityKind kind) {
  return kind == EntityKind::kPlace ? "place" : kind == EntityKind::kActor ? "actor" : "date";
}

const char* date_precision_name(DatePrecision precision) {
  return precision == DatePrecision::kDay ? "day" : precision == DatePrecision::kMonth ? "month" : "year";
}

EntityKind parse_entity_kind(std::string_view name) {
  return name == "place" ? EntityKind::kPlace : name == "actor" ? EntityKind::kActor : EntityKind::kDate;
}

DatePrecision parse_date_precision(std::string_view name) {
  return name == "day" ? DatePrecision::kDay : name == "month" ? DatePrecision::kMonth : DatePrecision::kYear;
}

std::string default_actor_dictionary_path() {
  if (const char* env = std::getenv("SEISMO_ACTORS"); env && *env) return env;
  return find_data_file("actors.txt");
}

}  // namespace seismo
