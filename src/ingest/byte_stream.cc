#include "ingest/byte_stream.h"

#include <sys/stat.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace seismo {

namespace {
constexpr size_t kChunk = 1 << 16;
}

struct ByteStream::Inflater {
  z_stream z{};
  std::string in;
  size_t in_pos = 0;
  bool active = false;
  bool member_done = false;
  ~Inflater() { if (active) inflateEnd(&z); }
};

std::unique_ptr<ByteStream> ByteStream::open(const std::string& path, std::string& error) {
  std::unique_ptr<ByteStream> s(new ByteStream());
  if (path == "-") {
    s->file_ = stdin;
  } else {
    s->file_ = std::fopen(path.c_str(), "rb");
    if (!s->file_) {
      error = std::strerror(errno);
      return nullptr;
    }
    s->owns_file_ = true;
  }
  // Sniff the gzip magic on the raw bytes.
  char magic[2];
  size_t got = s->read_raw(magic, 2);
  if (got == 2 && static_cast<unsigned char>(magic[0]) == 0x1f && static_cast<unsigned char>(magic[1]) == 0x8b) {
    s->gz_ = true;
    s->inflater_ = std::make_unique<Inflater>();
    s->inflater_->in.assign(magic, 2);
  } else {
    s->buf_.assign(magic, got);
  }
  return s;
}

ByteStream::~ByteStream() {
  if (owns_file_ && file_) std::fclose(file_);
}

size_t ByteStream::read_raw(char* dst, size_t n) {
  if (raw_eof_) return 0;
  size_t got = std::fread(dst, 1, n, file_);
  raw_read_ += got;
  if (got < n) {
    if (std::ferror(file_)) error_ = std::string("read error: ") + std::strerror(errno);
    raw_eof_ = true;
  }
  return got;
}

bool ByteStream::fill() {
  if (stream_done_) return false;
  // Drop consumed bytes so the buffer never grows with the file.
  if (pos_ > 0 && pos_ >= buf_.size() / 2) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  if (!gz_) {
    size_t old = buf_.size();
    buf_.resize(old + kChunk);
    size_t got = read_raw(buf_.data() + old, kChunk);
    buf_.resize(old + got);
    if (got == 0) stream_done_ = true;
    return got > 0;
  }
  Inflater& f = *inflater_;
  while (true) {
    if (f.in_pos >= f.in.size()) {
      f.in.resize(kChunk);
      f.in_pos = 0;
      f.in.resize(read_raw(f.in.data(), kChunk));
      if (f.in.empty()) {
        if (f.active && !f.member_done) error_ = "truncated gzip stream (unexpected end of file)";
        stream_done_ = true;
        return false;
      }
    }
    if (!f.active || f.member_done) {
      if (f.member_done && f.in[f.in_pos] != '\x1f') {
        // Not another gzip member. Zero padding is common and harmless.
        bool zeros = true;
        for (size_t k = f.in_pos; k < f.in.size(); ++k) zeros = zeros && f.in[k] == 0;
        if (!zeros) error_ = "trailing garbage after gzip stream";
        stream_done_ = true;
        return false;
      }
      if (f.active) inflateEnd(&f.z);
      f.z = z_stream{};
      if (inflateInit2(&f.z, 15 + 16) != Z_OK) {
        error_ = "gzip: cannot initialise decompressor";
        stream_done_ = true;
        return false;
      }
      f.active = true;
      f.member_done = false;
    }
    size_t old = buf_.size();
    buf_.resize(old + kChunk);
    f.z.next_in = reinterpret_cast<Bytef*>(f.in.data() + f.in_pos);
    f.z.avail_in = static_cast<uInt>(f.in.size() - f.in_pos);
    f.z.next_out = reinterpret_cast<Bytef*>(buf_.data() + old);
    f.z.avail_out = static_cast<uInt>(kChunk);
    int rc = inflate(&f.z, Z_NO_FLUSH);
    size_t produced = kChunk - f.z.avail_out;
    f.in_pos = f.in.size() - f.z.avail_in;
    buf_.resize(old + produced);
    if (rc == Z_STREAM_END) {
      f.member_done = true;
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      error_ = std::string("corrupt gzip data: ") + (f.z.msg ? f.z.msg : "inflate failed");
      stream_done_ = true;
      return produced > 0;
    }
    if (produced > 0) return true;
  }
}

std::string_view ByteStream::peek(size_t n) {
  while (buf_.size() - pos_ < n && fill()) {}
  return std::string_view(buf_).substr(pos_, n);
}

bool ByteStream::eof() {
  if (pos_ < buf_.size()) return false;
  while (pos_ >= buf_.size()) {
    if (!fill()) return pos_ >= buf_.size();
  }
  return false;
}

bool ByteStream::read_line(std::string& line, size_t max, bool& too_long) {
  line.clear();
  too_long = false;
  if (eof()) return false;
  size_t total = 0;  // bytes of this line seen, kept or not
  for (;;) {
    size_t nl = buf_.find('\n', pos_);
    size_t end = nl == std::string::npos ? buf_.size() : nl;
    size_t take = end - pos_;
    if (line.size() < max) line.append(buf_, pos_, std::min(take, max - line.size()));
    total += take;
    pos_ = end;
    if (nl != std::string::npos) {
      ++pos_;
      break;
    }
    if (!fill()) break;
  }
  too_long = total > max;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

size_t ByteStream::read_exact(std::string& out, size_t n) {
  out.clear();
  while (out.size() < n) {
    if (pos_ >= buf_.size() && !fill()) break;
    size_t take = std::min(n - out.size(), buf_.size() - pos_);
    out.append(buf_, pos_, take);
    pos_ += take;
  }
  return out.size();
}

void ByteStream::unread(std::string_view bytes) {
  buf_.insert(pos_, bytes);
}

size_t ByteStream::skip(size_t n) {
  size_t done = 0;
  while (done < n) {
    if (pos_ >= buf_.size() && !fill()) break;
    size_t take = std::min(n - done, buf_.size() - pos_);
    pos_ += take;
    done += take;
  }
  return done;
}

void ByteStream::read_all(std::string& out, size_t max, bool& too_long) {
  out.clear();
  too_long = false;
  // A plain file's size is known: one allocation instead of a doubling
  // series of them, each copying the page again.
  struct stat st;
  if (!gz_ && file_ && fstat(fileno(file_), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    out.reserve(std::min(static_cast<size_t>(st.st_size), max) + 1);
  }
  for (;;) {
    if (pos_ >= buf_.size() && !fill()) break;
    size_t avail = buf_.size() - pos_;
    if (out.size() + avail > max) {
      too_long = true;
      // Drain the rest without keeping it, so memory stays bounded.
      pos_ = buf_.size();
      while (fill()) pos_ = buf_.size();
      break;
    }
    out.append(buf_, pos_, avail);
    pos_ = buf_.size();
  }
}

}  // namespace seismo
