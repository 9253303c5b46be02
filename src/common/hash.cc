#include "common/hash.h"

#include <xxhash.h>

#include <cstdio>

namespace seismo {

uint64_t hash64(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

std::string content_id(std::string_view s) {
  XXH128_hash_t h = XXH3_128bits(s.data(), s.size());
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return std::string(buf, 32);
}

}  // namespace seismo
