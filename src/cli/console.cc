#include "cli/console.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>

#include "common/utf8.h"

namespace seismo::cli {

void print_error(const std::string& where, const std::string& message) {
  std::fprintf(stderr, "seismo: %s: %s\n", where.c_str(), message.c_str());
}

bool stderr_is_terminal() { return isatty(STDERR_FILENO) != 0; }

bool stdin_is_piped() {
  struct stat st;
  if (fstat(STDIN_FILENO, &st) != 0) return false;
  return S_ISFIFO(st.st_mode) || S_ISREG(st.st_mode) || S_ISSOCK(st.st_mode);
}

std::string shorten(const std::string& s, size_t width) {
  if (code_point_count(s) <= width) return s;
  std::string out;
  size_t cps = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (cps + 1 >= width) break;
      ++cps;
    }
    out.push_back(s[i]);
  }
  return out + "…";
}

std::string pad(const std::string& s, size_t width) {
  size_t cps = code_point_count(s);
  return cps >= width ? s : s + std::string(width - cps, ' ');
}

std::string csv_field(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else out += c;
  }
  return out + "\"";
}

void put(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); }

Progress::Progress(bool enabled, size_t total_bytes)
    : enabled_(enabled && stderr_is_terminal()), total_(total_bytes), start_(std::chrono::steady_clock::now()), last_(start_) {}

Progress::~Progress() { finish(); }

void Progress::update(size_t bytes_done, size_t documents) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  double rate = secs > 0 ? documents / secs : 0;
  if (total_ > 0) {
    double frac = std::min(1.0, static_cast<double>(bytes_done) / total_);
    int filled = static_cast<int>(frac * 30);
    std::fprintf(stderr, "\r[%-30s] %5.1f%%  %zu docs  %.0f docs/s ", std::string(filled, '#').c_str(), frac * 100,
                 documents, rate);
  } else {
    std::fprintf(stderr, "\r%zu docs  %.0f docs/s ", documents, rate);
  }
  drawn_ = true;
}

void Progress::finish() {
  if (enabled_ && drawn_) {
    std::fprintf(stderr, "\r\033[K");
    drawn_ = false;
  }
}

}  // namespace seismo::cli
