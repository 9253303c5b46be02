#include "store/entities.h"

#include "store/rows.h"

namespace seismo {

void for_each_entity(const Database& db, const std::string& kind,
                     const std::function<void(const std::string&, const EntityMention&)>& f) {
  Stmt s(db, std::string("SELECT e.document_id, ") + kEntityColumns +
                 " FROM entities e JOIN documents d ON d.id = e.document_id"
                 " WHERE ?1 = '' OR e.kind = ?1 ORDER BY d.published IS NULL, d.published, d.rowid, e.ordinal");
  s.bind(1, kind);
  while (s.step()) f(s.text(0), read_entity(s, 1));
}

std::vector<EntityCount> count_entities(const Database& db, const std::string& kind, int limit) {
  // Places group by what they resolved to (both "Mitrovica" and
  // "Mitrovicë" count for one town); actors by code and name.
  Stmt s(db,
         "SELECT kind, (SELECT text FROM entities x WHERE x.kind = e.kind AND x.name IS e.name AND x.code IS e.code"
         "   AND x.geonameid IS e.geonameid AND x.role IS e.role GROUP BY text ORDER BY count(*) DESC LIMIT 1),"
         " 0, 0, name, code, geonameid, lat, lon, country, feature_code, max(confidence), NULL, NULL, role, parents,"
         " count(*), count(DISTINCT document_id)"
         " FROM entities e WHERE kind = ?1 GROUP BY name, code, geonameid, lat, lon, role ORDER BY count(*) DESC, name"
         " LIMIT ?2");
  s.bind(1, kind).bind(2, int64_t(limit));
  std::vector<EntityCount> out;
  while (s.step()) out.push_back(EntityCount{read_entity(s, 0), static_cast<int>(s.integer(kEntityColumnCount)),
                                     static_cast<int>(s.integer(kEntityColumnCount + 1))});
  return out;
}

std::vector<DivisionCount> count_places_by_division(const Database& db, int level, bool with_roles, int limit) {
  // The division of each mention: its parent at `level`, or the place
  // itself when it is a division of that level (a country: no parents; a
  // region: only its country).
  const std::string of_level =
      "(SELECT json_extract(value, '$.name') FROM json_each(e.parents) WHERE json_extract(value, '$.level') = " +
      std::to_string(level) + " LIMIT 1)";
  const std::string itself = level == 0 ? "e.feature_code LIKE 'PCL%'" : "e.feature_code = 'ADM1'";
  Stmt s(db, "SELECT country, division, count(*), count(DISTINCT document_id), count(DISTINCT name) FROM ("
             "  SELECT e.country, e.document_id, e.name, CASE WHEN " + itself + " THEN e.name ELSE " + of_level +
             " END AS division FROM entities e WHERE e.kind = 'place' AND (?1 OR e.role IS NULL))"
             " WHERE division IS NOT NULL GROUP BY country, division ORDER BY count(*) DESC, division LIMIT ?2");
  s.bind(1, int64_t(with_roles)).bind(2, int64_t(limit));
  std::vector<DivisionCount> out;
  while (s.step())
    out.push_back(DivisionCount{s.text(0), s.text(1), static_cast<int>(s.integer(2)), static_cast<int>(s.integer(3)),
                                static_cast<int>(s.integer(4))});
  return out;
}

}  // namespace seismo
