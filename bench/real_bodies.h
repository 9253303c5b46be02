// The real article bodies the generated-corpus evaluations (reuse_eval,
// story_eval) build their corpora from: what seismo extracts from the
// extraction benchmark's pages (../shared/benchmarks/extraction), read
// here once so that both tools start from the same texts and the same
// rules for which are kept.
#pragma once
#include <string>
#include <vector>

namespace seismo::bench {

struct RealBody {
  std::string title;     // as extracted; may be empty
  std::string body;      // its paragraphs (paragraphs_of) separated by blank lines
  std::string language;  // as detected, ISO 639-1 or empty
};

// The bodies of the zyte, trafilatura-dev and htmldate-dev pages, in the
// order read, that are long enough to cut and copy from (four paragraphs,
// 1,500 bytes), each once, without those that share text with another:
// the benchmark holds some stories twice (one article on two sites, two
// articles quoting one statement), and an evaluation's only relations
// must be the ones it plants. `shared_dir` is the project's ../shared.
std::vector<RealBody> real_bodies(const std::string& shared_dir);

// A body's paragraphs longer than 40 bytes (shorter lines are captions,
// bylines and the like, nothing to copy or compare).
std::vector<std::string> paragraphs_of(const std::string& body);
// Paragraphs as a body: separated by blank lines.
std::string join_paragraphs(const std::vector<std::string>& paragraphs);

// The ISO date `days` days after 2023-01-01.
std::string date_after_2023(int days);

}  // namespace seismo::bench
