// Walks the inputs (files, directories recursively, "-" for stdin), decides
// what each file holds, and hands out documents one at a time.
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <system_error>

#include <nlohmann/json.hpp>

#include "common/text.h"
#include "common/utf8.h"
#include "ingest/byte_stream.h"
#include "ingest/ingest.h"
#include "ingest/record_readers.h"

namespace seismo {

namespace fs = std::filesystem;

bool make_document(std::string_view bytes, std::string_view declared_charset, RawDocument& doc, std::string& why) {
  if (trim(bytes).empty()) {
    why = "empty document";
    return false;
  }
  bool utf16 = bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
  if (!utf16 && binary_byte_ratio(bytes) > 0.02) {
    why = "binary data, not text, HTML, WARC or JSON Lines";
    return false;
  }
  doc.raw_bytes = bytes.size();
  doc.charset = decode_to_utf8(bytes, declared_charset, doc.content, &doc.repaired);
  if (trim(doc.content).empty()) {
    why = "no text after decoding";
    return false;
  }
  doc.format = sniff_format(doc.content);
  return true;
}

std::string repaired_warning(size_t sequences) {
  return std::to_string(sequences) + " ill-formed UTF-8 sequence" + (sequences == 1 ? "" : "s") +
         " replaced with U+FFFD; document kept";
}

namespace {

bool has_suffix(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && ascii_lower(s.substr(s.size() - suffix.size())) == suffix;
}

bool is_jsonl_name(const std::string& path) {
  for (const char* ext : {".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".json", ".json.gz"}) {
    if (has_suffix(path, ext)) return true;
  }
  return false;
}

constexpr size_t kSniffBytes = 64 * 1024;

// Whether a file holds JSON Lines, from its first lines (`head`; `whole`
// when that is all of it). Judged on several lines, not the first alone, so
// that one malformed line, or a BOM, does not turn a feed into one junk text
// document. A JSONL name (or stdin) needs only most lines to start with
// '{', because a page's line may be longer than `head`; any other file needs
// most complete lines, and at least two, to parse as JSON objects.
bool looks_like_jsonl(std::string_view head, bool whole, const std::string& path) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  bool named = is_jsonl_name(path) || path == "-";
  size_t lines = 0, braced = 0, complete = 0, objects = 0;
  bool first_braced = false;
  for (size_t p = 0; p < head.size() && lines < 20;) {
    size_t nl = head.find('\n', p);
    bool cut = nl == std::string_view::npos && !whole;
    std::string_view line = trim(head.substr(p, nl == std::string_view::npos ? std::string_view::npos : nl - p));
    p = nl == std::string_view::npos ? head.size() : nl + 1;
    if (line.empty()) continue;
    bool brace = line.front() == '{';
    if (lines++ == 0) first_braced = brace;
    braced += brace;
    if (cut) break;
    ++complete;
    if (brace && nlohmann::json::parse(repair_utf8(line), nullptr, /*allow_exceptions=*/false).is_object()) ++objects;
  }
  if (named && (first_braced || (braced > 0 && braced * 2 >= lines))) return true;
  return objects >= 2 && objects * 2 > complete;
}

}  // namespace

struct DocumentReader::Impl {
  std::vector<std::string> files;
  size_t next_file = 0;
  ReaderOptions options;
  ErrorSink on_error;
  std::unique_ptr<ByteStream> stream;
  std::unique_ptr<RecordReader> records;
  std::string current;
  size_t done_bytes = 0;  // bytes of files finished
  size_t total_bytes = 0;
  // What bytes_read() says. The progress bar asks from the writer thread
  // while this (reader) thread replaces `stream` and moves bytes from it to
  // done_bytes, so only the reader computes the count, between those steps,
  // and hands it over here: never a half-updated or freed stream.
  std::atomic<size_t> bytes_read{0};

  void publish_progress() {
    bytes_read.store(done_bytes + (stream ? stream->compressed_bytes_read() : 0), std::memory_order_relaxed);
  }

  void expand(const std::vector<std::string>& paths) {
    for (const auto& p : paths) {
      if (p == "-") { files.push_back(p); continue; }
      std::error_code ec;
      auto st = fs::status(p, ec);
      if (ec || !fs::exists(st)) {
        on_error({p, "no such file or directory"});
        continue;
      }
      if (fs::is_directory(st)) {
        std::vector<std::string> found;
        for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
          if (it->is_regular_file(ec)) found.push_back(it->path().string());
        }
        if (ec) on_error({p, "cannot read directory: " + ec.message()});
        std::sort(found.begin(), found.end());
        for (auto& f : found) add_file(std::move(f));
      } else {
        add_file(p);
      }
    }
  }

  void add_file(std::string path) {
    std::error_code ec;
    auto size = fs::file_size(path, ec);
    if (!ec) total_bytes += size;
    files.push_back(std::move(path));
  }

  // Stream errors are reported where they are found (here for plain files,
  // by the record readers for containers), never again on close.
  void close_current() {
    if (stream) done_bytes += stream->compressed_bytes_read();
    records.reset();
    stream.reset();
    publish_progress();
  }

  // Opens the next file; returns a single document for plain files, or sets
  // up a record reader for containers. False when no file is left.
  bool open_next(RawDocument& doc, bool& have_doc) {
    have_doc = false;
    if (next_file >= files.size()) return false;
    current = files[next_file++];
    std::string err;
    stream = ByteStream::open(current, err);
    if (!stream) {
      on_error({current, "cannot open: " + err});
      return true;
    }
    std::string_view head = stream->peek(kSniffBytes);
    if (head.empty()) {
      on_error({current, stream->error().empty() ? "empty file" : stream->error()});
      close_current();
      return true;
    }
    if (head.substr(0, 5) == "WARC/") {
      records = make_warc_reader(*stream, current, options, on_error);
      return true;
    }
    if (looks_like_jsonl(head, head.size() < kSniffBytes, current)) {
      records = make_jsonl_reader(*stream, current, options, on_error);
      return true;
    }
    std::string bytes;
    bool too_long = false;
    stream->read_all(bytes, options.max_document_bytes, too_long);
    if (too_long) {
      on_error({current, "document is larger than the " + std::to_string(options.max_document_bytes >> 20) +
                             " MiB limit (--max-doc-mb); not ingested"});
      close_current();
      return true;
    }
    if (!stream->error().empty()) {
      on_error({current, stream->error() + "; not ingested"});
      close_current();
      return true;
    }
    std::string why;
    if (!make_document(bytes, "", doc, why)) {
      on_error({current, why});
      close_current();
      return true;
    }
    if (doc.repaired > 0) on_error({current, repaired_warning(doc.repaired), true});
    doc.uri = current;
    doc.url.clear();
    doc.date_hint.clear();
    close_current();
    have_doc = true;
    return true;
  }
};

DocumentReader::DocumentReader(std::vector<std::string> paths, ReaderOptions options, ErrorSink on_error)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  impl_->on_error = std::move(on_error);
  impl_->expand(paths);
}

DocumentReader::~DocumentReader() = default;

bool DocumentReader::next(RawDocument& doc) {
  for (;;) {
    if (impl_->records) {
      doc = RawDocument{};
      if (impl_->records->next(doc)) {
        impl_->publish_progress();
        return true;
      }
      impl_->close_current();
    }
    bool have = false;
    doc = RawDocument{};
    if (!impl_->open_next(doc, have)) return false;
    if (have) return true;
  }
}

size_t DocumentReader::bytes_read() const { return impl_->bytes_read.load(std::memory_order_relaxed); }

size_t DocumentReader::bytes_total() const { return impl_->total_bytes; }

}  // namespace seismo
