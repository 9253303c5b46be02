// The syntax model's container: named sections behind a versioned,
// checksummed header, read through one read-only memory map.
//
// Layout: "SEISMOSX" | u32 version | u32 section count | u64 payload bytes |
// u64 XXH3-64 of the payload | payload. The payload starts with the section
// table (per section: 24-byte NUL-padded name, u64 offset, u64 size, offsets
// from the payload start); every section is 8-byte aligned.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace seismo::syntax {

// 3: weight tables of any size, entry counts in the slots; two tagger passes.
inline constexpr uint32_t kModelVersion = 3;

class ModelWriter {
 public:
  void add(std::string name, std::string data) { sections_.emplace_back(std::move(name), std::move(data)); }
  std::string finish() const;  // the whole file's bytes

 private:
  std::vector<std::pair<std::string, std::string>> sections_;
};

class MappedModel {
 public:
  // nullptr and `error` (naming `path`) when the file cannot be opened or is
  // truncated, corrupt or of another version.
  static std::unique_ptr<MappedModel> open(const std::string& path, std::string& error);
  ~MappedModel();
  // Empty view when the section is absent.
  std::string_view section(std::string_view name) const;
  bool has(std::string_view name) const;
  size_t size() const { return size_; }

 private:
  MappedModel() = default;
  const char* data_ = nullptr;
  size_t size_ = 0;
  std::vector<std::pair<std::string, std::string_view>> sections_;
};

}  // namespace seismo::syntax
