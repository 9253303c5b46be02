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
         "   AND x.geonameid IS e.geonameid GROUP BY text ORDER BY count(*) DESC LIMIT 1),"
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

}  // namespace seismo
