// Any bytes as an HTML page: extraction must not crash, hang or leak.
#include "extract/extract.h"
#include "ingest/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  seismo::RawDocument doc;
  seismo::decode_to_utf8(std::string_view(reinterpret_cast<const char*>(data), size), "", doc.content);
  doc.format = seismo::ContentFormat::kHtml;
  doc.url = "https://example.org/2020/01/02/x";
  seismo::extract_article(doc);
  return 0;
}
