// Any bytes as a verb pattern and a sentence for the CAMEO pattern coder:
// parsing a phrase, matching it and coding a sentence must not crash or
// hang, and every event's words must lie inside the sentence. The first
// line is read as a phrase, the rest as the sentence, coded with a small
// fictional dictionary written once to a temporary directory.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>

#include "events/cameo_coder.h"

namespace {

const seismo::cameo::CameoDictionary& dictionary() {
  static std::unique_ptr<seismo::cameo::CameoDictionary> dict = [] {
    auto dir = std::filesystem::temp_directory_path() / "seismo-fuzz-cameo";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "f.actors") << "<ADJECTIVE>\nGRIM\n</ADJECTIVE>\nAVALON [AVA]\nLYONESSE_ [LYO]\n"
                                       "CAMELOT\n+KINGSBRIDGE\n\t[CAM <900101]\n\t[CMX]\nTHE_ISLES [ISA/ISB]\n";
    std::ofstream(dir / "f.agents") << "MINISTER_ [~GOV]\nMONKS_ [REL~]\n";
    std::ofstream(dir / "f.verbs") << "<SYNSETS>\n&COIN\n+GOLD\n+SILVER_PIECES\n+&COIN_HOARD\n</SYNSETS>\n"
                                      "PRAISE_ [041]\n- * &COIN [071]\n- $ ^ SAID_+ * { A | B_C } % [072]\n"
                                      "CONDEMN [122:123]\nTALK_ [---]\n- % * [031]\nWHISPER [023?]\n";
    std::ofstream(dir / "f.options") << "COMPLEX: VERBS[9] CONJ[9]\nSET: CODE ALL\n";
    std::ofstream(dir / "f.project") << "<actorsfile> f.actors\n<verbsfile> f.verbs\n<agentsfile> f.agents\n"
                                        "<optionsfile> f.options\n";
    auto d = std::make_unique<seismo::cameo::CameoDictionary>();
    std::vector<std::string> warnings;
    d->load_tabari_project((dir / "f.project").string(), warnings);
    d->options().min_words = 0;
    return d;
  }();
  return *dict;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  size_t nl = in.find('\n');
  std::string_view phrase_text = in.substr(0, nl);
  std::string_view sentence = nl == std::string_view::npos ? in : in.substr(nl + 1);
  seismo::cameo::Phrase phrase;
  std::string error;
  if (seismo::cameo::parse_phrase(phrase_text, phrase, error)) {
    seismo::cameo::reverse_phrase(phrase);
    seismo::cameo::expand_choices(phrase);
  }
  const auto& dict = dictionary();
  seismo::cameo::CameoCoder coder(dict);
  std::vector<std::string> subject{"AVA"};
  auto coding = coder.code(sentence, 10000, dict.options(), &subject);
  for (const auto& e : coding.events) {
    if (e.verb_end > sentence.size() || e.verb_begin > e.verb_end) std::abort();
    if (e.source_begin != std::string::npos && (e.source_end > sentence.size() || e.source_begin > e.source_end)) std::abort();
    if (e.target_begin != std::string::npos && (e.target_end > sentence.size() || e.target_begin > e.target_end)) std::abort();
  }
  return 0;
}
