// Buffered byte input from a file or stdin, transparently gunzipped
// (multi-member gzip too, as in WARC.gz). Internal to ingest.
#pragma once
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace seismo {

class ByteStream {
 public:
  // Opens `path` ("-" is stdin). On failure returns null and sets `error`.
  static std::unique_ptr<ByteStream> open(const std::string& path, std::string& error);
  ~ByteStream();

  // Reads up to and including the next '\n' into `line` (without it). Lines
  // longer than `max` are consumed whole but returned cut, with `too_long`.
  bool read_line(std::string& line, size_t max, bool& too_long);
  // Reads exactly `n` bytes (fewer at end of input).
  size_t read_exact(std::string& out, size_t n);
  // Reads everything left, up to `max` bytes; sets `too_long` if more remained.
  void read_all(std::string& out, size_t max, bool& too_long);
  // Puts bytes back in front of the stream (a reader that read too far).
  void unread(std::string_view bytes);
  // Discards `n` bytes; returns how many were there.
  size_t skip(size_t n);
  // The first bytes of the (decompressed) stream, without consuming them.
  std::string_view peek(size_t n);
  bool eof();
  // A decompression or I/O error, or empty.
  const std::string& error() const { return error_; }
  size_t compressed_bytes_read() const { return raw_read_; }
  bool gzipped() const { return gz_; }

 private:
  ByteStream() = default;
  bool fill();       // appends more decoded bytes to buf_; false at end
  size_t read_raw(char* dst, size_t n);

  std::FILE* file_ = nullptr;
  bool owns_file_ = false;
  bool gz_ = false;
  bool raw_eof_ = false;
  bool stream_done_ = false;
  struct Inflater;
  std::unique_ptr<Inflater> inflater_;
  std::string buf_;
  size_t pos_ = 0;
  size_t raw_read_ = 0;
  std::string error_;
};

}  // namespace seismo
