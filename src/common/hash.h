// Content hashes (xxHash XXH3): document identity and template fingerprints.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace seismo {

uint64_t hash64(std::string_view s);

// 32 hex digits of XXH3-128: the stable id of a document's content.
std::string content_id(std::string_view s);

}  // namespace seismo
