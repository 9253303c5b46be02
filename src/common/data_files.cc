#include "common/data_files.h"

#include <filesystem>

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

}  // namespace seismo
