// Stage 1, ingest: turns paths (files, directories, "-" for stdin) into a
// stream of raw documents in UTF-8. Knows plain text, HTML, WARC (Common
// Crawl / CC-NEWS response records), JSON Lines {"url","html"|"text","date"}
// and gzip around any of them. Streams: a multi-gigabyte WARC.gz never sits
// in memory whole. A bad file or record is reported and skipped; the rest of
// the batch goes on.
#pragma once
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace seismo {

enum class ContentFormat { kUnknown, kHtml, kText };

struct RawDocument {
  std::string uri;       // where it came from: path, path#record=N, or the page URL
  std::string url;       // the page's own URL when the input names it, else empty
  std::string content;   // valid UTF-8
  ContentFormat format = ContentFormat::kUnknown;
  std::string date_hint; // publication date given by the input (JSONL "date"), else empty
  std::string charset;   // the charset the bytes were decoded from
  size_t raw_bytes = 0;  // size before decoding
  size_t repaired = 0;   // ill-formed UTF-8 sequences replaced with U+FFFD in decoding
};

struct IngestError {
  std::string where;     // file, and record or line when there is one
  std::string message;   // what is wrong, one line
  bool warning = false;  // the document was still read (its bytes repaired): said, but not a failure
};

struct ReaderOptions {
  size_t max_document_bytes = 64u << 20;  // larger documents are refused, not truncated
};

class DocumentReader {
 public:
  using ErrorSink = std::function<void(const IngestError&)>;
  DocumentReader(std::vector<std::string> paths, ReaderOptions options, ErrorSink on_error);
  ~DocumentReader();
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  // Fills `doc` with the next document; false when every input is done.
  bool next(RawDocument& doc);

  // Bytes read from disk so far and the total to read (for progress bars;
  // stdin counts as unknown total, 0).
  size_t bytes_read() const;
  size_t bytes_total() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Decodes bytes in any charset to valid UTF-8. `declared` is a charset named
// by the transport (HTTP header); the BOM and <meta charset> are looked at
// here. Returns the charset used. `repaired`, if given, receives how many
// ill-formed UTF-8 sequences were replaced with U+FFFD.
std::string decode_to_utf8(std::string_view bytes, std::string_view declared, std::string& out,
                           size_t* repaired = nullptr);

// Looks at the content and says whether it is HTML or flat text.
ContentFormat sniff_format(std::string_view content);

}  // namespace seismo
