// Terminal output shared by the commands: one-line errors, a progress bar
// when stderr is a terminal (silent when piped or --quiet).
#pragma once
#include <chrono>
#include <cstddef>
#include <string>

namespace seismo::cli {

// "seismo: WHERE: MESSAGE" on stderr, one line.
void print_error(const std::string& where, const std::string& message);

class Progress {
 public:
  Progress(bool enabled, size_t total_bytes);
  ~Progress();
  void update(size_t bytes_done, size_t documents);
  void finish();

 private:
  bool enabled_;
  size_t total_;
  std::chrono::steady_clock::time_point start_, last_;
  bool drawn_ = false;
};

bool stderr_is_terminal();
// True when stdin is a pipe, a file or a socket: `echo x | seismo abuse`
// reads it when no path is given. A terminal or /dev/null is not input.
bool stdin_is_piped();
std::string shorten(const std::string& s, size_t width);
// Pads to `width` characters (code points, not bytes: "Zvečan").
std::string pad(const std::string& s, size_t width);
// A CSV field: quoted, inner quotes doubled.
std::string csv_field(const std::string& s);
// Writes bytes to stdout as they are.
void put(const std::string& s);

}  // namespace seismo::cli
