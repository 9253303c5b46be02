#include "common/phrase_set.h"

#include <hs/hs.h>

#include <atomic>
#include <cstdlib>
#include <unordered_map>
#include <cstring>

namespace seismo {

struct PhraseSet::Impl {
  hs_database_t* db = nullptr;
  // Scratch space sized for this database once; each thread clones it on
  // first use. hs_alloc_scratch() on every scan costs far more than the
  // scan itself on a large database.
  hs_scratch_t* prototype = nullptr;
  uint64_t serial = next_serial();
  static uint64_t next_serial() {
    static std::atomic<uint64_t> n{0};
    return ++n;
  }
  // Length of each phrase as matched (" key "), to find where a hit starts:
  // literal matching reports only the end.
  std::vector<uint32_t> lengths;
  ~Impl() {
    hs_free_scratch(prototype);
    hs_free_database(db);
  }
  bool prepare() { return !db || hs_alloc_scratch(db, &prototype) == HS_SUCCESS; }
};

PhraseSet::PhraseSet(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PhraseSet::~PhraseSet() = default;

namespace {

// This thread's copy of a set's scratch space, keyed by the set's serial
// number (never reused, unlike addresses).
hs_scratch_t* scratch_for(uint64_t serial, hs_scratch_t* prototype) {
  struct Scratches {
    std::unordered_map<uint64_t, hs_scratch_t*> by_set;
    ~Scratches() {
      for (auto& [k, s] : by_set) hs_free_scratch(s);
    }
  };
  thread_local Scratches scratches;
  auto [it, inserted] = scratches.by_set.try_emplace(serial, nullptr);
  if (inserted && hs_clone_scratch(prototype, &it->second) != HS_SUCCESS) {
    scratches.by_set.erase(it);
    return nullptr;
  }
  return it->second;
}

}  // namespace

std::unique_ptr<PhraseSet> PhraseSet::compile(const std::vector<std::string>& keys, std::string* error) {
  auto impl = std::make_unique<Impl>();
  std::vector<std::string> padded;
  std::vector<const char*> ptrs;
  std::vector<size_t> lens;
  std::vector<unsigned> ids, flags;
  padded.reserve(keys.size());
  impl->lengths.resize(keys.size(), 0);
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i].empty()) continue;
    padded.push_back(" " + keys[i] + " ");
    impl->lengths[i] = static_cast<uint32_t>(padded.back().size());
    ids.push_back(static_cast<unsigned>(i));
    flags.push_back(0);
  }
  for (const auto& p : padded) {
    ptrs.push_back(p.data());
    lens.push_back(p.size());
  }
  if (ptrs.empty()) {  // Hyperscan refuses an empty set; an empty set matches nothing.
    return std::unique_ptr<PhraseSet>(new PhraseSet(std::move(impl)));
  }
  hs_compile_error_t* err = nullptr;
  if (hs_compile_lit_multi(ptrs.data(), flags.data(), ids.data(), lens.data(), static_cast<unsigned>(ptrs.size()),
                           HS_MODE_BLOCK, nullptr, &impl->db, &err) != HS_SUCCESS) {
    if (error) *error = err ? err->message : "Hyperscan could not compile the phrases";
    hs_free_compile_error(err);
    return nullptr;
  }
  if (!impl->prepare()) {
    if (error) *error = "Hyperscan could not allocate scratch space";
    return nullptr;
  }
  return std::unique_ptr<PhraseSet>(new PhraseSet(std::move(impl)));
}

std::string PhraseSet::serialize() const {
  std::string out;
  uint32_t n = static_cast<uint32_t>(impl_->lengths.size());
  out.append(reinterpret_cast<const char*>(&n), sizeof n);
  out.append(reinterpret_cast<const char*>(impl_->lengths.data()), n * sizeof(uint32_t));
  if (impl_->db) {
    char* bytes = nullptr;
    size_t len = 0;
    if (hs_serialize_database(impl_->db, &bytes, &len) == HS_SUCCESS) {
      out.append(bytes, len);
      std::free(bytes);
    }
  }
  return out;
}

std::unique_ptr<PhraseSet> PhraseSet::deserialize(std::string_view bytes, std::string* error) {
  auto impl = std::make_unique<Impl>();
  uint32_t n = 0;
  if (bytes.size() < sizeof n) {
    if (error) *error = "phrase set truncated";
    return nullptr;
  }
  std::memcpy(&n, bytes.data(), sizeof n);
  bytes.remove_prefix(sizeof n);
  if (bytes.size() / sizeof(uint32_t) < n) {
    if (error) *error = "phrase set truncated";
    return nullptr;
  }
  impl->lengths.resize(n);
  std::memcpy(impl->lengths.data(), bytes.data(), n * sizeof(uint32_t));
  bytes.remove_prefix(n * sizeof(uint32_t));
  if (!bytes.empty() && hs_deserialize_database(bytes.data(), bytes.size(), &impl->db) != HS_SUCCESS) {
    if (error) *error = "not a Hyperscan database built by this version of the library";
    return nullptr;
  }
  if (!impl->prepare()) {
    if (error) *error = "Hyperscan could not allocate scratch space";
    return nullptr;
  }
  return std::unique_ptr<PhraseSet>(new PhraseSet(std::move(impl)));
}

std::vector<PhraseSet::Hit> PhraseSet::scan(const MatchText& text) const {
  std::vector<Hit> hits;
  if (!impl_->db || text.key.empty()) return hits;
  hs_scratch_t* scratch = scratch_for(impl_->serial, impl_->prototype);
  if (!scratch) return hits;
  struct Context {
    const PhraseSet::Impl* impl;
    const MatchText* text;
    std::vector<Hit>* hits;
    size_t cursor;  // the first token that may end at the next hit
  } ctx{impl_.get(), &text, &hits, 0};
  hits.reserve(text.tokens.size() / 2 + 4);
  auto on_match = [](unsigned id, unsigned long long, unsigned long long to, unsigned, void* p) -> int {
    auto* c = static_cast<Context*>(p);
    const std::vector<MatchToken>& tokens = c->text->tokens;
    const uint32_t len = c->impl->lengths[id];
    // The phrase is " a b ": its words start one byte after the hit starts
    // and end one byte before the hit ends. Hits come in order of their
    // end, so the token ending there is found by walking forward, and the
    // first token by walking back over the phrase's few words.
    const size_t end = to - 1, start = to - len + 1;
    size_t& k = c->cursor;
    if (k < tokens.size() && tokens[k].key_end > end) k = 0;  // out of order: start over (never seen)
    while (k < tokens.size() && tokens[k].key_end < end) ++k;
    if (k == tokens.size() || tokens[k].key_end != end) return 0;
    size_t first = k;
    while (first > 0 && tokens[first].key_begin > start) --first;
    if (tokens[first].key_begin == start)
      c->hits->push_back(Hit{id, static_cast<uint32_t>(first), static_cast<uint32_t>(k + 1)});
    return 0;
  };
  hs_scan(impl_->db, text.key.data(), static_cast<unsigned>(text.key.size()), 0, scratch, on_match, &ctx);
  return hits;
}

}  // namespace seismo
