// Any text as an article body: matching, place resolution, actor coding and
// date resolution must not crash, and every mention must lie inside the
// text. Runs against the gazetteer and actor dictionary of its build tree.
#include <cstdlib>
#include <memory>

#include "entities/entities.h"
#include "ingest/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::unique_ptr<seismo::EntityRecognizer> recognizer = [] {
    std::vector<std::string> warnings;
    return seismo::EntityRecognizer::load(seismo::EntityOptions{}, warnings);
  }();
  seismo::RawDocument doc;
  seismo::decode_to_utf8(std::string_view(reinterpret_cast<const char*>(data), size), "", doc.content);
  seismo::CalendarDate published;
  published.year = 2022;
  published.month = 12;
  published.day = 13;
  size_t code_points = 0;
  for (unsigned char c : doc.content) code_points += (c & 0xC0) != 0x80;
  for (const auto& m : recognizer->recognise(doc.content, published))
    if (m.start > m.end || m.end > code_points) std::abort();
  recognizer->recognise(doc.content, std::nullopt);
  return 0;
}
