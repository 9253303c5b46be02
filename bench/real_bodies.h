// The real article bodies the generated-corpus evaluations (reuse_eval,
// story_eval) build their corpora from: what seismo extracts from the
// extraction benchmark's pages (../shared/benchmarks/extraction), read
// here once so that both tools start from the same texts and the same
// rules for which are kept.
#pragma once
#include <filesystem>
#include <random>
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

// A paragraph's words, as separated by spaces.
std::vector<std::string> spaced_words(const std::string& para);
// A paragraph's words in a random order: the scale corpora draw each real
// paragraph into thousands of documents, and verbatim each would be a
// partial copy of dozens of others, a reuse load no real corpus has;
// scrambled, the documents share words but no passage. Words are split at
// spaces and ASCII punctuation; text written without spaces stays as it is.
// How long a paragraph's space-separated words are on average, in bytes:
// over 12, the text is not written with spaces between words (Chinese,
// Japanese) and scrambling leaves it whole.
double bytes_per_word(const std::string& para);
std::string scrambled(const std::string& para, std::mt19937_64& rng);

// The process's resident memory, in MB (VmRSS of /proc/self/status).
double rss_mb();
// The size of the files in `dir`, in MB.
double directory_mb(const std::filesystem::path& dir);

// The ISO date `days` days after 2023-01-01.
std::string date_after_2023(int days);

}  // namespace seismo::bench
