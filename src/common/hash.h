// Content hashes (xxHash XXH3): document identity and template fingerprints.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace seismo {

uint64_t hash64(std::string_view s);

// 32 hex digits of XXH3-128: the stable id of a document's content.
std::string content_id(std::string_view s);
// content_id() of the parts' concatenation, without making it (a body may
// be tens of megabytes).
std::string content_id(std::initializer_list<std::string_view> parts);

}  // namespace seismo
