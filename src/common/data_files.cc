#include "common/data_files.h"

#include <algorithm>
#include <filesystem>

#include "common/text.h"

namespace seismo {

std::string find_data_file(std::string_view name) {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    // The seismo binary sits at the top of its build tree; tests and
    // benchmarks one or two levels below it.
    for (auto dir = exe.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path()) {
      auto candidate = dir / "data" / name;
      if (std::filesystem::exists(candidate, ec)) return candidate.string();
      if (std::filesystem::exists(dir / "CMakeCache.txt", ec)) break;
    }
  }
  return (std::filesystem::path("/usr/local/share/seismo") / name).string();
}

std::vector<std::string> dictionary_files(const std::string& path, std::initializer_list<std::string_view> parts) {
  std::error_code ec;
  if (!std::filesystem::is_directory(path, ec)) return {path};
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(path, ec)) {
    if (!e.is_regular_file()) continue;
    std::string name = e.path().filename().string();
    bool wanted = parts.size() == 0;
    for (auto part : parts) wanted = wanted || contains_ascii_ci(name, part);
    if (wanted) files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace seismo
