#include "cli/abuse_words.h"

#include <algorithm>
#include <vector>

#include "common/text.h"
#include "common/utf8.h"

namespace seismo::cli {

std::string abuse_words(const std::string& text, const AbuseScore& score) {
  // One entry per word and lexicon term, with every category it raised: a
  // word that is both an insult and a profanity is one word to the reader.
  struct Entry {
    std::string written, term;
    std::vector<std::string> categories;
  };
  std::vector<Entry> entries;
  for (const auto& r : score.reasons) {
    // The offsets count code points (abuse.cc converts its byte offsets).
    std::string written = collapse_whitespace(code_point_slice(text, r.start, r.end));
    if (written.empty()) written = r.term;
    std::string category = r.category;
    std::replace(category.begin(), category.end(), '_', ' ');  // "identity attack", as show's label says it
    auto it = std::find_if(entries.begin(), entries.end(),
                           [&](const Entry& e) { return e.written == written && e.term == r.term; });
    if (it == entries.end()) it = entries.insert(entries.end(), Entry{written, r.term, {}});
    if (std::find(it->categories.begin(), it->categories.end(), category) == it->categories.end())
      it->categories.push_back(category);
  }
  std::string out;
  for (const auto& e : entries) {
    // "FCUK" is the entry "fcuk" as written: only another spelling names it.
    std::string why = ascii_lower(e.written) == ascii_lower(e.term) ? "" : e.term;
    for (const auto& c : e.categories) why += (why.empty() ? "" : ", ") + c;
    out += (out.empty() ? "" : "; ") + e.written + " (" + why + ")";
  }
  return out;
}

}  // namespace seismo::cli
