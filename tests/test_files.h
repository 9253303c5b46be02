// Temporary files for tests: written under a fresh directory, removed after.
#pragma once
#include <zlib.h>

#include <filesystem>
#include <algorithm>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace seismo::testing {

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("seismo-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string write(const std::string& name, const std::string& bytes) const {
    auto p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  std::string write_gz(const std::string& name, const std::string& bytes) const {
    auto p = (path_ / name).string();
    gzFile f = gzopen(p.c_str(), "wb");
    gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size()));
    gzclose(f);
    return p;
  }
  std::string path() const { return path_.string(); }
  std::string path(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// One WARC response record around an HTML page.
inline std::string warc_response(const std::string& url, const std::string& html, long lie = 0) {
  std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html;
  std::string rec = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + url +
                    "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
                    std::to_string(static_cast<long>(http.size()) + lie) + "\r\n\r\n" + http + "\r\n\r\n";
  return rec;
}

// The seed pages' paths in ../shared/seeds, sorted; empty without them.
inline std::vector<std::string> seed_paths(const std::string& shared_dir) {
  std::vector<std::string> paths;
  std::string dir = shared_dir + "/seeds";
  if (!std::filesystem::exists(dir)) return paths;
  for (const auto& e : std::filesystem::directory_iterator(dir)) paths.push_back(e.path().string());
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace seismo::testing
