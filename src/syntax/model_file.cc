#include "syntax/model_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <cstring>

namespace seismo::syntax {
namespace {

constexpr char kMagic[8] = {'S', 'E', 'I', 'S', 'M', 'O', 'S', 'X'};
constexpr size_t kHeaderBytes = 8 + 4 + 4 + 8 + 8;
constexpr size_t kNameBytes = 24;
constexpr size_t kEntryBytes = kNameBytes + 8 + 8;

template <typename T>
void put(std::string& out, T v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}
template <typename T>
T get(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
size_t align8(size_t n) { return (n + 7) & ~size_t{7}; }

}  // namespace

std::string ModelWriter::finish() const {
  std::string payload;
  size_t offset = align8(sections_.size() * kEntryBytes);
  for (const auto& [name, data] : sections_) {
    std::string padded = name.substr(0, kNameBytes - 1);
    padded.resize(kNameBytes, '\0');
    payload += padded;
    put<uint64_t>(payload, offset);
    put<uint64_t>(payload, data.size());
    offset = align8(offset + data.size());
  }
  payload.resize(align8(payload.size()), '\0');
  for (const auto& [name, data] : sections_) {
    payload += data;
    payload.resize(align8(payload.size()), '\0');
  }
  std::string out(kMagic, sizeof kMagic);
  put<uint32_t>(out, kModelVersion);
  put<uint32_t>(out, static_cast<uint32_t>(sections_.size()));
  put<uint64_t>(out, payload.size());
  put<uint64_t>(out, XXH3_64bits(payload.data(), payload.size()));
  return out + payload;
}

std::unique_ptr<MappedModel> MappedModel::open(const std::string& path, std::string& error) {
  auto fail = [&](const std::string& why) {
    error = path + ": " + why;
    return nullptr;
  };
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail(std::string("cannot open syntax model: ") + std::strerror(errno));
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return fail("not a regular file");
  }
  size_t size = static_cast<size_t>(st.st_size);
  if (size < kHeaderBytes) {
    ::close(fd);
    return fail("truncated syntax model (" + std::to_string(size) + " bytes)");
  }
  void* map = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) return fail(std::string("cannot map syntax model: ") + std::strerror(errno));
  std::unique_ptr<MappedModel> m(new MappedModel);
  m->data_ = static_cast<const char*>(map);
  m->size_ = size;
  const char* p = m->data_;
  if (std::memcmp(p, kMagic, sizeof kMagic) != 0) return fail("not a seismo syntax model");
  uint32_t version = get<uint32_t>(p + 8);
  if (version != kModelVersion)
    return fail("syntax model version " + std::to_string(version) + ", this seismo reads version " +
                std::to_string(kModelVersion));
  uint32_t count = get<uint32_t>(p + 12);
  uint64_t payload = get<uint64_t>(p + 16);
  if (payload != size - kHeaderBytes)
    return fail("truncated syntax model (" + std::to_string(size - kHeaderBytes) + " of " + std::to_string(payload) +
                " payload bytes)");
  const char* body = p + kHeaderBytes;
  if (XXH3_64bits(body, payload) != get<uint64_t>(p + 24)) return fail("corrupt syntax model (checksum mismatch)");
  if (count * kEntryBytes > payload) return fail("corrupt syntax model (section table)");
  for (uint32_t i = 0; i < count; ++i) {
    const char* e = body + i * kEntryBytes;
    std::string name(e, strnlen(e, kNameBytes));
    uint64_t off = get<uint64_t>(e + kNameBytes), len = get<uint64_t>(e + kNameBytes + 8);
    if (off > payload || len > payload - off) return fail("corrupt syntax model (section " + name + ")");
    m->sections_.emplace_back(std::move(name), std::string_view(body + off, len));
  }
  return m;
}

MappedModel::~MappedModel() {
  if (data_) munmap(const_cast<char*>(data_), size_);
}

std::string_view MappedModel::section(std::string_view name) const {
  for (const auto& [n, data] : sections_)
    if (n == name) return data;
  return {};
}

bool MappedModel::has(std::string_view name) const {
  for (const auto& [n, data] : sections_)
    if (n == name) return true;
  return false;
}

}  // namespace seismo::syntax
