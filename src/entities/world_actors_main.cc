// world_actors_gen: writes the generated country dictionary (see
// world_actors.h). Run by the build; problems go to stderr one per line.
#include <cstdio>
#include <fstream>
#include <string>

#include "entities/world_actors.h"

int main(int argc, char** argv) {
  if (argc != 6) {
    std::fprintf(stderr, "usage: world_actors_gen COUNTRIES.json CITIES.txt PLACES.tsv WORDS.json OUTPUT\n");
    return 2;
  }
  seismo::WorldActorSources src{argv[1], argv[2], argv[3], argv[4]};
  std::string text, error;
  std::vector<std::string> warnings;
  if (!seismo::generate_world_actors(src, text, warnings, &error)) {
    std::fprintf(stderr, "world_actors_gen: %s\n", error.c_str());
    return 1;
  }
  for (const auto& w : warnings) std::fprintf(stderr, "world_actors_gen: %s\n", w.c_str());
  std::string tmp = std::string(argv[5]) + ".tmp";
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out || std::rename(tmp.c_str(), argv[5]) != 0) {
    std::fprintf(stderr, "world_actors_gen: %s: cannot write\n", argv[5]);
    return 1;
  }
  return 0;
}
