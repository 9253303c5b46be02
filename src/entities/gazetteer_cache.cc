// A GeoNames dump given where an index is expected (`--gazetteer
// allCountries.txt`) is compiled once into an index beside it, reused while
// it is newer than the dump: loading a full GeoNames is one flag.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <filesystem>

#include "entities/gazetteer.h"
#include "entities/gazetteer_format.h"

namespace seismo {
namespace {

bool is_index(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  char magic[8] = {};
  size_t n = std::fread(magic, 1, sizeof magic, f);
  std::fclose(f);
  return n == sizeof magic && std::memcmp(magic, gazetteer_format::kMagic, sizeof magic) == 0;
}

// The data beside GeoNames that the build's own index is made from, when
// this binary was built from a source tree that still has it.
std::string source_file(const char* relative) {
  std::string p = std::string(SEISMO_SOURCE_DIR) + "/" + relative;
  return std::filesystem::exists(p) ? p : std::string();
}

}  // namespace

std::unique_ptr<Gazetteer> open_or_build_gazetteer(const std::string& path, std::vector<std::string>& notes,
                                                   std::string* error) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec) || std::filesystem::is_directory(path, ec) || is_index(path))
    return Gazetteer::open(path, error);
  // Not an index: a GeoNames dump in its standard columns.
  std::filesystem::path dump(path);
  std::filesystem::path index = dump;
  index += ".seismo-gazetteer";
  if (access(dump.parent_path().empty() ? "." : dump.parent_path().c_str(), W_OK) != 0) {
    const char* home = std::getenv("XDG_CACHE_HOME");
    std::filesystem::path cache = home && *home ? home : std::string(std::getenv("HOME") ? std::getenv("HOME") : "/tmp") + "/.cache";
    std::filesystem::create_directories(cache / "seismo", ec);
    index = cache / "seismo" / (dump.filename().string() + ".seismo-gazetteer");
  }
  bool fresh = std::filesystem::exists(index, ec) &&
               std::filesystem::last_write_time(index, ec) >= std::filesystem::last_write_time(dump, ec);
  if (!fresh) {
    GazetteerSources s;
    s.geonames = path;
    auto alternates = dump.parent_path() / "alternateNamesV2.txt";
    if (std::filesystem::exists(alternates, ec)) s.alternate_names = alternates.string();
    s.countries = source_file("data/vendor/node_modules/world-countries/countries.json");
    s.regions = source_file("data/vendor/node_modules/@countrystatecity/countries/dist/data");
    s.supplement = source_file("data/places.tsv");
    notes.push_back(path + ": a GeoNames dump, not an index: compiling it once into " + index.string());
    if (!Gazetteer::build(s, index.string(), [&notes](const std::string& m) { notes.push_back(m); }, error))
      return nullptr;
  }
  return Gazetteer::open(index.string(), error);
}

}  // namespace seismo
