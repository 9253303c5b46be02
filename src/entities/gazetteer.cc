#include "entities/gazetteer.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "entities/gazetteer_format.h"

namespace seismo {

using namespace gazetteer_format;

struct Gazetteer::Impl {
  void* map = MAP_FAILED;
  size_t size = 0;
  const Header* header = nullptr;
  const PlaceRecord* places = nullptr;
  const NameRecord* names = nullptr;
  const Posting* postings = nullptr;
  const char* strings = nullptr;
  std::unique_ptr<PhraseSet> phrases;
  ~Impl() {
    if (map != MAP_FAILED) munmap(map, size);
  }
};

Gazetteer::Gazetteer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Gazetteer::~Gazetteer() = default;

std::unique_ptr<Gazetteer> Gazetteer::open(const std::string& path, std::string* error) {
  auto fail = [&](const std::string& why) -> std::unique_ptr<Gazetteer> {
    if (error) *error = path + ": " + why;
    return nullptr;
  };
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail(std::strerror(errno));
  struct stat st {};
  if (fstat(fd, &st) != 0 || static_cast<size_t>(st.st_size) < sizeof(Header)) {
    ::close(fd);
    return fail("not a seismo gazetteer (too short)");
  }
  auto impl = std::make_unique<Impl>();
  impl->size = static_cast<size_t>(st.st_size);
  impl->map = mmap(nullptr, impl->size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (impl->map == MAP_FAILED) return fail(std::strerror(errno));
  const char* base = static_cast<const char*>(impl->map);
  const auto* h = reinterpret_cast<const Header*>(base);
  if (std::memcmp(h->magic, kMagic, sizeof kMagic) != 0) return fail("not a seismo gazetteer");
  if (h->version != kVersion) return fail("gazetteer of another version; rebuild it with `seismo gazetteer build`");
  auto fits = [&](uint64_t off, uint64_t len) { return off <= impl->size && len <= impl->size - off; };
  if (!fits(h->places_offset, uint64_t{h->place_count} * sizeof(PlaceRecord)) ||
      !fits(h->names_offset, uint64_t{h->name_count} * sizeof(NameRecord)) ||
      !fits(h->postings_offset, uint64_t{h->posting_count} * sizeof(Posting)) ||
      !fits(h->strings_offset, h->strings_size) || !fits(h->phrases_offset, h->phrases_size) ||
      (h->strings_size > 0 && base[h->strings_offset + h->strings_size - 1] != '\0'))
    return fail("gazetteer truncated or corrupt");
  impl->header = h;
  impl->places = reinterpret_cast<const PlaceRecord*>(base + h->places_offset);
  impl->names = reinterpret_cast<const NameRecord*>(base + h->names_offset);
  impl->postings = reinterpret_cast<const Posting*>(base + h->postings_offset);
  impl->strings = base + h->strings_offset;
  // Offsets inside the records are checked once here, so lookups need not.
  for (uint32_t i = 0; i < h->name_count; ++i) {
    const NameRecord& n = impl->names[i];
    if (n.key >= h->strings_size || uint64_t{n.first_posting} + n.posting_count > h->posting_count)
      return fail("gazetteer corrupt (name " + std::to_string(i) + ")");
  }
  for (uint32_t i = 0; i < h->posting_count; ++i)
    if (impl->postings[i].place >= h->place_count) return fail("gazetteer corrupt (posting)");
  for (uint32_t i = 0; i < h->place_count; ++i) {
    const PlaceRecord& p = impl->places[i];
    if (p.name >= h->strings_size || p.admin1 > h->place_count || p.admin2 > h->place_count)
      return fail("gazetteer corrupt (place " + std::to_string(i) + ")");
  }
  std::string why;
  impl->phrases = PhraseSet::deserialize(std::string_view(base + h->phrases_offset, h->phrases_size), &why);
  if (!impl->phrases) return fail(why);
  return std::unique_ptr<Gazetteer>(new Gazetteer(std::move(impl)));
}

const PhraseSet& Gazetteer::names() const { return *impl_->phrases; }

std::vector<PlaceCandidate> Gazetteer::candidates(uint32_t name_id) const {
  std::vector<PlaceCandidate> out;
  if (name_id >= impl_->header->name_count) return out;
  const NameRecord& n = impl_->names[name_id];
  out.reserve(n.posting_count);
  for (uint32_t i = 0; i < n.posting_count; ++i) {
    const Posting& p = impl_->postings[n.first_posting + i];
    out.push_back(PlaceCandidate{&impl_->places[p.place], p.flags});
  }
  return out;
}

int64_t Gazetteer::find_name(std::string_view key) const {
  const NameRecord* begin = impl_->names;
  const NameRecord* end = begin + impl_->header->name_count;
  const char* strings = impl_->strings;
  const NameRecord* it = std::lower_bound(begin, end, key, [strings](const NameRecord& n, std::string_view k) {
    return std::string_view(strings + n.key) < k;
  });
  return it != end && std::string_view(strings + it->key) == key ? it - begin : -1;
}

std::string_view Gazetteer::display_name(const PlaceRecord& p) const { return impl_->strings + p.name; }

const PlaceRecord* Gazetteer::country(std::string_view iso2) const {
  if (iso2.size() != 2) return nullptr;
  int slot = country_slot(iso2[0], iso2[1]);
  if (slot < 0) return nullptr;
  uint32_t i = impl_->header->country_index[slot];
  return i == 0 || i > impl_->header->place_count ? nullptr : &impl_->places[i - 1];
}

const PlaceRecord* Gazetteer::place_at(uint32_t index_plus_one) const {
  return index_plus_one == 0 || index_plus_one > impl_->header->place_count ? nullptr
                                                                            : &impl_->places[index_plus_one - 1];
}

std::vector<const PlaceRecord*> Gazetteer::parents(const PlaceRecord& p) const {
  std::vector<const PlaceRecord*> out;
  const PlaceRecord* c = country(std::string_view(p.country, p.country[0] ? 2 : 0));
  for (const PlaceRecord* q : {c, place_at(p.admin1), place_at(p.admin2)})
    if (q && q != &p) out.push_back(q);
  return out;
}

size_t Gazetteer::place_count() const { return impl_->header->place_count; }
size_t Gazetteer::name_count() const { return impl_->header->name_count; }

std::string default_gazetteer_path() {
  if (const char* env = std::getenv("SEISMO_GAZETTEER"); env && *env) return env;
  return find_data_file("gazetteer.idx");
}

}  // namespace seismo
