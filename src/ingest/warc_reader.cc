// WARC 1.0/1.1 reader: response, resource and conversion records whose
// payload is HTML or text. Each block must end in the record separator
// followed by the next version line; a block that does not is reported on
// its own record and rescanned for the next record, so a lying
// Content-Length costs that record, not the one after it, nor the file.
#include <zlib.h>

#include <charconv>

#include "common/text.h"
#include "ingest/record_readers.h"

namespace seismo {
namespace {

constexpr size_t kMaxHeaderLine = 64 * 1024;

std::string header_value(const std::vector<std::pair<std::string, std::string>>& headers, std::string_view name) {
  for (const auto& [k, v] : headers) {
    if (k.size() == name.size() && starts_with_ascii_ci(k, name)) return v;
  }
  return {};
}

bool parse_header_line(std::string_view line, std::vector<std::pair<std::string, std::string>>& headers) {
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return false;
  headers.emplace_back(std::string(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1))));
  return true;
}

bool gunzip_buffer(std::string_view in, std::string& out, size_t max) {
  z_stream z{};
  if (inflateInit2(&z, 15 + 32) != Z_OK) return false;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  out.clear();
  char buf[1 << 15];
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buf, sizeof buf - z.avail_out);
    if (out.size() > max) { rc = Z_MEM_ERROR; break; }
    if (rc == Z_BUF_ERROR && z.avail_in == 0) break;
  }
  inflateEnd(&z);
  return rc == Z_STREAM_END;
}

bool dechunk(std::string_view in, std::string& out) {
  out.clear();
  size_t p = 0;
  while (p < in.size()) {
    size_t eol = in.find("\r\n", p);
    if (eol == std::string_view::npos) return false;
    size_t len = 0;
    auto r = std::from_chars(in.data() + p, in.data() + eol, len, 16);
    if (r.ec != std::errc()) return false;
    if (len == 0) return true;
    p = eol + 2;
    if (p + len > in.size()) return false;
    out.append(in.substr(p, len));
    p += len + 2;
  }
  return true;
}

bool is_text_media(std::string_view content_type) {
  std::string ct = ascii_lower(content_type);
  return ct.empty() || ct.find("html") != std::string::npos || ct.find("text/plain") != std::string::npos;
}

std::string charset_of(std::string_view content_type) {
  std::string ct = ascii_lower(content_type);
  size_t p = ct.find("charset=");
  if (p == std::string::npos) return {};
  std::string v(trim(std::string_view(ct).substr(p + 8)));
  size_t e = v.find_first_of("; ");
  return e == std::string::npos ? v : v.substr(0, e);
}

class WarcReader : public RecordReader {
 public:
  WarcReader(ByteStream& in, std::string path, const ReaderOptions& options, ErrorSink on_error)
      : in_(in), path_(std::move(path)), options_(options), on_error_(std::move(on_error)) {}

  bool next(RawDocument& doc) override {
    std::string line;
    bool too_long = false;
    while (true) {
      if (!find_version_line()) return false;
      ++record_;
      std::vector<std::pair<std::string, std::string>> headers;
      bool header_ended = false;
      while (in_.read_line(line, kMaxHeaderLine, too_long)) {
        if (trim(line).empty()) { header_ended = true; break; }
        parse_header_line(line, headers);
      }
      if (!header_ended) {
        error(record_, in_.error().empty() ? "truncated record header (end of file)" : in_.error());
        return false;
      }
      std::string len_text = header_value(headers, "Content-Length");
      size_t length = 0;
      auto r = std::from_chars(len_text.data(), len_text.data() + len_text.size(), length);
      if (len_text.empty() || r.ec != std::errc() || r.ptr != len_text.data() + len_text.size()) {
        error(record_, "missing or invalid Content-Length; skipping to the next record");
        resyncing_ = true;
        continue;
      }
      std::string type = header_value(headers, "WARC-Type");
      if (type.empty()) error(record_, "no WARC-Type header; record skipped");
      bool wanted = type == "response" || type == "resource" || type == "conversion";
      std::string length_says = "Content-Length " + std::to_string(length);
      if (length > options_.max_document_bytes * 2) {
        // Too big to hold, so too big to rescan: a wrong length here can
        // only be resynchronised from where it ends.
        if (wanted) error(record_, "record of " + std::to_string(length) + " bytes is over the size limit; skipped");
        size_t skipped = in_.skip(length);
        if (skipped < length) {
          truncated(length, skipped);
          return false;
        }
        if (!at_record_boundary()) {
          error(record_, length_says + " does not end at a record boundary; skipping to the next record");
          resyncing_ = true;
        }
        continue;
      }
      // Every block in reach is read, wanted or not: when its length turns
      // out wrong, the bytes are given back and rescanned, because the next
      // record may start inside them.
      std::string block;
      size_t got = in_.read_exact(block, length);
      if (got < length) {
        truncated(length, got);
        give_back(block);
        continue;
      }
      if (!at_record_boundary()) {
        error(record_, length_says + " does not end at a record boundary; record skipped");
        give_back(block);
        continue;
      }
      // The length can also be wrong by exactly one or more whole records,
      // landing on a real boundary: a record inside the block gives it away.
      size_t inner = inner_record(block);
      if (inner != std::string::npos) {
        error(record_, length_says + " runs over the next record; record skipped");
        in_.unread(std::string_view(block).substr(inner));
        continue;
      }
      if (!wanted) continue;
      std::string target = header_value(headers, "WARC-Target-URI");
      if (!target.empty() && target.front() == '<' && target.back() == '>') target = target.substr(1, target.size() - 2);
      std::string payload, declared;
      if (!payload_of(type, headers, block, payload, declared)) continue;
      std::string why;
      if (!make_document(payload, declared, doc, why)) {
        error(record_, why);
        continue;
      }
      if (doc.repaired > 0) error(record_, repaired_warning(doc.repaired), true);
      doc.url = target;
      doc.uri = target.empty() ? path_ + "#record=" + std::to_string(record_) : target;
      return true;
    }
  }

 private:
  static bool is_version_line(std::string_view l) {
    return l.substr(0, 7) == "WARC/1." && l.size() <= 16;
  }

  // Moves to the next record's version line, past the blank lines that end
  // the previous record. After a record with a wrong length, anything up to
  // that line is the broken record's, already reported, so it goes quietly.
  bool find_version_line() {
    std::string line;
    bool too_long = false;
    bool complained = false;
    while (in_.read_line(line, kMaxHeaderLine, too_long)) {
      std::string_view l = trim(line);
      if (is_version_line(l)) {
        resyncing_ = false;
        return true;
      }
      if (l.empty() || resyncing_ || complained) continue;
      // Not a record of its own, so it takes no number: the next record's
      // would be off by one.
      on_error_({record_ == 0 ? path_ : path_ + " after record " + std::to_string(record_),
                 "data where a WARC/1.x header was expected; skipping to the next record"});
      complained = true;
    }
    if (!in_.error().empty()) error(record_ + 1, in_.error());
    return false;
  }

  // A block must be followed by the CRLF CRLF separator and then another
  // record's version line (or the end of the file). Nothing is consumed:
  // the version line is found by find_version_line. Extra blank lines are
  // tolerated since they cannot hide a record.
  bool at_record_boundary() {
    constexpr size_t kLook = 4 + 64 + 7;
    std::string_view after = in_.peek(kLook);
    size_t p = after.find_first_not_of("\r\n");
    if (p == std::string_view::npos) return after.size() < kLook;  // only line ends, then the end of the file
    return p >= 4 && after.substr(0, 4) == "\r\n\r\n" && after.substr(p, 7) == "WARC/1.";
  }

  // Where a whole record header starts inside `block` (after a separator),
  // or npos. Asks for a Content-Length in the header so that an archived
  // WARC file quoted in a page is not taken for a record of this file.
  static size_t inner_record(std::string_view block) {
    for (size_t p = block.find("\r\n\r\nWARC/1."); p != std::string_view::npos;
         p = block.find("\r\n\r\nWARC/1.", p + 1)) {
      std::string_view rest = block.substr(p + 4);
      size_t eol = rest.find("\r\n");
      size_t end = rest.find("\r\n\r\n");
      if (eol == std::string_view::npos || !is_version_line(rest.substr(0, eol)) || end == std::string_view::npos) continue;
      if (ascii_lower(rest.substr(0, end)).find("\r\ncontent-length:") != std::string::npos) return p + 4;
    }
    return std::string_view::npos;
  }

  // Puts a block whose length was wrong back in the stream and rescans it
  // for the next record, so a record it swallowed (in part) is still read.
  void give_back(const std::string& block) {
    in_.unread(block);
    resyncing_ = true;
  }

  void truncated(size_t length, size_t got) {
    std::string msg = "truncated record (Content-Length " + std::to_string(length) + ", " + std::to_string(got) +
                      " bytes left)";
    if (!in_.error().empty()) msg += ": " + in_.error();
    error(record_, msg);
  }

  // Extracts the document from a record block; false (silently) for records
  // that are not pages: redirects, errors, images, scripts.
  bool payload_of(const std::string& type, const std::vector<std::pair<std::string, std::string>>& headers,
                  std::string& block, std::string& payload, std::string& declared) {
    std::string record_type = header_value(headers, "Content-Type");
    if (type != "response") {
      if (!is_text_media(record_type)) return false;
      declared = charset_of(record_type);
      payload = std::move(block);
      return true;
    }
    if (record_type.find("application/http") == std::string::npos && !record_type.empty()) return false;
    size_t end = block.find("\r\n\r\n");
    size_t skip = 4;
    if (end == std::string::npos) { end = block.find("\n\n"); skip = 2; }
    if (end == std::string::npos) {
      error(record_, "HTTP response without a header/body separator");
      return false;
    }
    std::string_view head(block.data(), end);
    auto lines = split_lines(head);
    if (lines.empty() || lines[0].substr(0, 5) != "HTTP/") return false;
    int status = 0;
    auto sp = lines[0].find(' ');
    if (sp != std::string_view::npos) std::from_chars(lines[0].data() + sp + 1, lines[0].data() + lines[0].size(), status);
    if (status != 200) return false;
    std::vector<std::pair<std::string, std::string>> http;
    for (size_t k = 1; k < lines.size(); ++k) parse_header_line(lines[k], http);
    std::string ct = header_value(http, "Content-Type");
    if (!is_text_media(ct)) return false;
    declared = charset_of(ct);
    std::string_view body = std::string_view(block).substr(end + skip);
    std::string tmp;
    if (ascii_lower(header_value(http, "Transfer-Encoding")).find("chunked") != std::string::npos && dechunk(body, tmp)) {
      payload = std::move(tmp);
    } else {
      payload.assign(body);
    }
    if (payload.size() >= 2 && static_cast<unsigned char>(payload[0]) == 0x1f &&
        static_cast<unsigned char>(payload[1]) == 0x8b) {
      if (!gunzip_buffer(payload, tmp, options_.max_document_bytes)) {
        error(record_, "gzip-encoded HTTP body could not be decompressed");
        return false;
      }
      payload = std::move(tmp);
    }
    return true;
  }

  void error(size_t record, const std::string& what, bool warning = false) {
    on_error_({path_ + " record " + std::to_string(record), what, warning});
  }

  ByteStream& in_;
  std::string path_;
  ReaderOptions options_;
  ErrorSink on_error_;
  size_t record_ = 0;       // version lines seen: the number every message gives
  bool resyncing_ = false;  // skipping the rest of a record with a wrong length
};

}  // namespace

std::unique_ptr<RecordReader> make_warc_reader(ByteStream& in, std::string path, const ReaderOptions& options,
                                               ErrorSink on_error) {
  return std::make_unique<WarcReader>(in, std::move(path), options, std::move(on_error));
}

}  // namespace seismo
