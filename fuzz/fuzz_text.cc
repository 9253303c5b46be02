// Any bytes as a flattened page: the text-layout extractor and the date
// parser must not crash.
#include "common/dates.h"
#include "extract/extract.h"
#include "ingest/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  seismo::RawDocument doc;
  seismo::decode_to_utf8(std::string_view(reinterpret_cast<const char*>(data), size), "", doc.content);
  doc.format = seismo::ContentFormat::kText;
  seismo::extract_article(doc);
  seismo::find_dates(doc.content);
  return 0;
}
