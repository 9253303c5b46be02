// Readers of multi-document containers (WARC, JSON Lines) over one stream.
// Internal to ingest.
#pragma once
#include <functional>
#include <memory>
#include <string>

#include "ingest/byte_stream.h"
#include "ingest/ingest.h"

namespace seismo {

class RecordReader {
 public:
  virtual ~RecordReader() = default;
  // Next document of the container; false at its end. Bad records are
  // reported through the error sink and skipped.
  virtual bool next(RawDocument& doc) = 0;
};

using ErrorSink = std::function<void(const IngestError&)>;

std::unique_ptr<RecordReader> make_warc_reader(ByteStream& in, std::string path, const ReaderOptions& options,
                                               ErrorSink on_error);
std::unique_ptr<RecordReader> make_jsonl_reader(ByteStream& in, std::string path, const ReaderOptions& options,
                                                ErrorSink on_error);

// Turns decoded-but-raw bytes into a RawDocument (charset, format), or says
// why it cannot be one. Shared by every reader.
bool make_document(std::string_view bytes, std::string_view declared_charset, RawDocument& doc, std::string& why);

// The one-line report of a document kept after its broken UTF-8 was
// repaired (doc.repaired sequences): the text has U+FFFD where bytes were.
std::string repaired_warning(size_t sequences);

}  // namespace seismo
