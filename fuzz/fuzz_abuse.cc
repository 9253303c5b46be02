// Any text as a reader comment: normalisation (disguised spellings, mixed
// scripts), matching and scoring must not crash, every score must lie in
// [0, 1] and every reason inside the text. Runs against the lexicons of its
// build tree.
#include <cstdlib>
#include <memory>

#include "comments/abuse.h"
#include "ingest/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::unique_ptr<seismo::AbuseScorer> scorer = [] {
    std::vector<std::string> warnings;
    return seismo::AbuseScorer::load(seismo::AbuseOptions{}, warnings);
  }();
  if (!scorer) std::abort();
  seismo::RawDocument doc;
  seismo::decode_to_utf8(std::string_view(reinterpret_cast<const char*>(data), size), "", doc.content);
  size_t code_points = 0;
  for (unsigned char c : doc.content) code_points += (c & 0xC0) != 0x80;
  seismo::AbuseScore s = scorer->score(doc.content, size % 2 ? "en" : "");
  const seismo::AbuseFlags& f = s.flags;
  for (double v : {f.toxicity, f.insult, f.identity_attack, f.threat, f.profanity, f.sexual})
    if (!(v >= 0 && v <= 1)) std::abort();
  for (const auto& r : s.reasons)
    if (r.start >= r.end || r.end > code_points) std::abort();
  return 0;
}
