// Toponym resolution on the geoparsing corpora in ../shared/benchmarks/geo
// (LGL, GeoVirus), scored as their README defines: over the gold
// toponyms, the share resolved within 161 km of the gold coordinates, and
// the share resolved to the exact GeoNames id (LGL only). A gold toponym
// seismo did not find counts as wrong. Also prints recognition speed.
//
//   geo_eval lgl|geovirus [--half even|odd] [--gazetteer FILE] [--repeat N]
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "entities/entities.h"

namespace {

struct Gold {
  size_t start, end;
  double lat, lon;
  uint32_t geonameid = 0;
  std::string fcode;  // LGL: the gold feature code, for --dump's error classes
};
struct Article {
  std::string text;
  std::vector<Gold> gold;
};

std::string child_text(xmlNode* n, const char* name) {
  for (xmlNode* c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(c->name), name) == 0) {
      xmlChar* t = xmlNodeGetContent(c);
      std::string s = t ? reinterpret_cast<const char*>(t) : "";
      xmlFree(t);
      return s;
    }
  return {};
}
xmlNode* child(xmlNode* n, const char* name) {
  for (xmlNode* c = n ? n->children : nullptr; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(c->name), name) == 0) return c;
  return nullptr;
}

std::vector<Article> load(const std::string& path, bool lgl) {
  std::vector<Article> out;
  xmlDoc* doc = xmlReadFile(path.c_str(), nullptr, XML_PARSE_HUGE | XML_PARSE_NONET);
  if (!doc) return out;
  for (xmlNode* a = xmlDocGetRootElement(doc)->children; a; a = a->next) {
    if (a->type != XML_ELEMENT_NODE) continue;
    Article art;
    art.text = child_text(a, "text");
    xmlNode* list = child(a, lgl ? "toponyms" : "locations");
    for (xmlNode* t = list ? list->children : nullptr; t; t = t->next) {
      if (t->type != XML_ELEMENT_NODE) continue;
      Gold g;
      g.start = std::stoul("0" + child_text(t, "start"));
      g.end = std::stoul("0" + child_text(t, "end"));
      xmlNode* coords = lgl ? child(t, "gaztag") : t;
      if (!coords) continue;  // LGL toponyms without a gazetteer entry have no gold place
      std::string lat = child_text(coords, "lat"), lon = child_text(coords, "lon");
      if (lat.empty() || lon.empty()) continue;
      g.lat = std::stod(lat);
      g.lon = std::stod(lon);
      if (lgl) {
        xmlChar* id = xmlGetProp(coords, reinterpret_cast<const xmlChar*>("geonameid"));
        if (id) g.geonameid = static_cast<uint32_t>(std::stoul(reinterpret_cast<const char*>(id)));
        xmlFree(id);
        g.fcode = child_text(coords, "fcode");
      }
      art.gold.push_back(g);
    }
    out.push_back(std::move(art));
  }
  xmlFreeDoc(doc);
  return out;
}

double km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double r = 3.14159265358979323846 / 180;
  double a = std::pow(std::sin((lat2 - lat1) * r / 2), 2) +
             std::cos(lat1 * r) * std::cos(lat2 * r) * std::pow(std::sin((lon2 - lon1) * r / 2), 2);
  return 6371 * 2 * std::atan2(std::sqrt(a), std::sqrt(1 - a));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: geo_eval lgl|geovirus [--half even|odd] [--gazetteer FILE] [--repeat N] [--dump yes]\n");
    return 2;
  }
  std::string set = argv[1], half, shared = SEISMO_SHARED_DIR;
  int repeat = 1;
  bool dump = false;
  seismo::EntityOptions options;
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string k = argv[i];
    if (k == "--half") half = argv[i + 1];
    else if (k == "--gazetteer") options.gazetteer = argv[i + 1];
    else if (k == "--repeat") repeat = std::max(1, std::atoi(argv[i + 1]));
    else if (k == "--dump") dump = std::string(argv[i + 1]) == "yes";
  }
  bool lgl = set == "lgl";
  auto articles = load(shared + "/benchmarks/geo/" + (lgl ? "lgl.xml" : "GeoVirus.xml"), lgl);
  if (articles.empty()) {
    std::fprintf(stderr, "geo_eval: no articles read\n");
    return 1;
  }
  std::vector<std::string> warnings;
  auto t0 = std::chrono::steady_clock::now();
  auto rec = seismo::EntityRecognizer::load(options, warnings);
  double load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  for (const auto& w : warnings) std::fprintf(stderr, "geo_eval: %s\n", w.c_str());
  if (!rec->has_gazetteer()) return 1;

  size_t gold = 0, found = 0, within = 0, exact = 0, with_id = 0, predicted = 0, predicted_on_gold = 0, bytes = 0;
  // The same with demonym mentions dropped ("Georgian", "Palestinians"):
  // corpora differ on whether they are toponyms (LGL counts them).
  size_t found_plain = 0, within_plain = 0;
  double seconds = 0;
  for (size_t i = 0; i < articles.size(); ++i) {
    if ((half == "even" && i % 2) || (half == "odd" && i % 2 == 0)) continue;
    const Article& a = articles[i];
    std::vector<seismo::EntityMention> mentions;
    for (int r = 0; r < repeat; ++r) {
      auto s = std::chrono::steady_clock::now();
      mentions = rec->recognise(a.text, std::nullopt);
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - s).count();
      bytes += a.text.size();
    }
    std::vector<const seismo::EntityMention*> places;
    for (const auto& m : mentions) if (m.place) places.push_back(&m);
    predicted += places.size();
    for (const auto* p : places) {
      for (const auto& g : a.gold)
        if (p->start < g.end && g.start < p->end) {
          ++predicted_on_gold;
          break;
        }
    }
    for (const auto& g : a.gold) {
      ++gold;
      if (g.geonameid) ++with_id;
      const seismo::EntityMention* hit = nullptr;
      for (const auto* p : places)
        if (p->start < g.end && g.start < p->end) {
          hit = p;
          break;
        }
      std::string phrase = a.text.substr(0, 0);
      if (dump) {
        // Gold offsets count code points; the texts here are nearly all ASCII.
        std::string g_text = g.end <= a.text.size() ? a.text.substr(g.start, g.end - g.start) : "?";
        if (!hit) {
          // The words around a miss, on one line: what a rule would have to read.
          size_t from = g.start > 60 ? g.start - 60 : 0;
          std::string around = a.text.substr(from, std::min<size_t>(a.text.size(), g.end + 60) - from);
          for (char& ch : around) if (ch == '\n' || ch == '\t') ch = ' ';
          // An actor over the toponym took its words ("Ozark police").
          std::string actor = "-";
          for (const auto& m : mentions)
            if (m.actor && m.start < g.end && g.start < m.end) actor = m.actor->code;
          std::printf("MISS\t%s\t%s\tarticle %zu\tactor %s\t%s\n", g_text.c_str(), g.fcode.c_str(), i, actor.c_str(),
                      around.c_str());
        }
        else
          std::printf("%s\t%s\t%s\t%s\t%s\t%.0f km\t%s\n",
                      km(hit->place->lat, hit->place->lon, g.lat, g.lon) <= 161 ? "OK" : "WRONG", g_text.c_str(),
                      g.fcode.c_str(), hit->place->name.c_str(), hit->place->country.c_str(),
                      km(hit->place->lat, hit->place->lon, g.lat, g.lon), hit->place->feature_code.c_str());
      }
      const seismo::EntityMention* plain = nullptr;
      for (const auto* p : places)
        if (p->start < g.end && g.start < p->end && p->place->role != "demonym") {
          plain = p;
          break;
        }
      if (plain) {
        ++found_plain;
        if (km(plain->place->lat, plain->place->lon, g.lat, g.lon) <= 161) ++within_plain;
      }
      if (!hit) continue;
      ++found;
      if (km(hit->place->lat, hit->place->lon, g.lat, g.lon) <= 161) ++within;
      if (g.geonameid && hit->place->geonameid == g.geonameid) ++exact;
    }
  }
  auto pct = [](size_t a, size_t b) { return b ? 100.0 * static_cast<double>(a) / static_cast<double>(b) : 0.0; };
  std::printf("%s%s: %zu gold toponyms, found %zu (%.1f%%)\n", set.c_str(), half.empty() ? "" : (" " + half).c_str(), gold,
              found, pct(found, gold));
  std::printf("  accuracy@161km over gold: %.1f%%  (over found: %.1f%%)\n", pct(within, gold), pct(within, found));
  std::printf("  without demonym mentions: accuracy@161km over gold %.1f%% (over found: %.1f%%), found %.1f%%\n",
              pct(within_plain, gold), pct(within_plain, found_plain), pct(found_plain, gold));
  if (lgl) std::printf("  exact GeoNames id over gold with an id: %.1f%%\n", pct(exact, with_id));
  std::printf("  place mentions predicted: %zu, on a gold toponym: %.1f%%\n", predicted, pct(predicted_on_gold, predicted));
  std::printf("  recognition speed: %.1f MB/s on one core (%zu bytes, %.2f s); load %.0f ms\n", bytes / seconds / 1e6, bytes,
              seconds, load_ms);
  return 0;
}
