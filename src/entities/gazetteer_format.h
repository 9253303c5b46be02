// The on-disk layout of a compiled gazetteer, shared by the writer and the
// reader. Little-endian, every section 8-byte aligned. Bump kVersion on any
// change: an index of another version is refused, never misread.
#pragma once
#include <cstdint>

#include "entities/gazetteer.h"

namespace seismo::gazetteer_format {

inline constexpr char kMagic[8] = {'S', 'E', 'I', 'S', 'G', 'A', 'Z', '\0'};
inline constexpr uint32_t kVersion = 2;  // 2: PlaceRecord::admin1/admin2, second-level divisions

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t place_count;
  uint32_t name_count;
  uint32_t posting_count;
  uint64_t places_offset;    // PlaceRecord[place_count]
  uint64_t names_offset;     // NameRecord[name_count], indexed by PhraseSet id
  uint64_t postings_offset;  // Posting[posting_count]
  uint64_t strings_offset;   // NUL-terminated strings
  uint64_t strings_size;
  uint64_t phrases_offset;  // PhraseSet::serialize()
  uint64_t phrases_size;
  uint32_t country_index[26 * 26];  // ISO alpha-2 -> place index + 1 (0: none)
};

struct NameRecord {
  uint32_t key;  // string offset of the match key
  uint32_t first_posting;
  uint32_t posting_count;
};

struct Posting {
  uint32_t place;
  uint8_t flags;  // NameFlags
  uint8_t pad[3];
};

inline int country_slot(char a, char b) {
  if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z') return -1;
  return (a - 'A') * 26 + (b - 'A');
}

}  // namespace seismo::gazetteer_format
