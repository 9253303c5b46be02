#include "common/hash.h"

#include <xxhash.h>

#include <cstdio>

namespace seismo {

uint64_t hash64(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

namespace {

std::string hex_id(XXH128_hash_t h) {
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return std::string(buf, 32);
}

}  // namespace

std::string content_id(std::string_view s) { return hex_id(XXH3_128bits(s.data(), s.size())); }

std::string content_id(std::initializer_list<std::string_view> parts) {
  // The streaming hash of the parts equals the one-shot hash of their
  // concatenation: ids do not change.
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  for (std::string_view p : parts) XXH3_128bits_update(state, p.data(), p.size());
  XXH128_hash_t h = XXH3_128bits_digest(state);
  XXH3_freeState(state);
  return hex_id(h);
}

}  // namespace seismo
