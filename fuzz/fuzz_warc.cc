// Any bytes as a file on disk (WARC, gzip, JSON Lines or a page): the
// readers must report errors, never crash.
#include <unistd.h>

#include <cstdio>
#include <string>

#include "ingest/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::string path = "/tmp/seismo-fuzz-" + std::to_string(getpid()) + ".warc";
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  seismo::ReaderOptions opts;
  opts.max_document_bytes = 1 << 20;
  seismo::DocumentReader reader({path}, opts, [](const seismo::IngestError&) {});
  seismo::RawDocument doc;
  int n = 0;
  while (reader.next(doc) && ++n < 1000) {}
  return 0;
}
