#include "events/sentences.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/utext.h>

#include <memory>

#include "common/text.h"

namespace seismo {
namespace {

bool is_space_byte(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// Sentence iterators are expensive to build and not thread-safe to share:
// one per thread, cloned from a prototype built once.
icu::BreakIterator* sentence_iterator() {
  thread_local std::unique_ptr<icu::BreakIterator> it = []() -> std::unique_ptr<icu::BreakIterator> {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale en("en");
    std::unique_ptr<icu::BreakIterator> base(icu::BreakIterator::createSentenceInstance(en, status));
    if (U_FAILURE(status)) return nullptr;
    std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
        icu::FilteredBreakIteratorBuilder::createInstance(en, status));
    if (U_FAILURE(status)) return base;
    // ICU's list lacks a few abbreviations frequent in news.
    for (const char16_t* abbr : {u"Gen", u"Lt", u"Col", u"Sgt", u"Gov", u"Sen", u"Rep", u"Amb", u"Brig", u"Maj"}) {
      builder->suppressBreakAfter(icu::UnicodeString(abbr) + u".", status);
    }
    std::unique_ptr<icu::BreakIterator> filtered(builder->wrapIteratorWithFilter(base.release(), status));
    if (U_FAILURE(status)) return nullptr;
    return filtered;
  }();
  return it.get();
}

void add_trimmed(std::string_view text, size_t b, size_t e, std::vector<SentenceSpan>& out) {
  while (b < e && is_space_byte(text[b])) ++b;
  while (e > b && is_space_byte(text[e - 1])) --e;
  if (b < e) out.push_back({b, e});
}

}  // namespace

std::vector<SentenceSpan> split_sentences(std::string_view text) {
  std::vector<SentenceSpan> out;
  icu::BreakIterator* it = sentence_iterator();
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = it ? utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status) : nullptr;
  if (!ut || U_FAILURE(status)) {
    // No ICU data: one sentence per line, still never crossing a paragraph.
    for (std::string_view line : split_lines(text)) {
      size_t b = static_cast<size_t>(line.data() - text.data());
      add_trimmed(text, b, b + line.size(), out);
    }
    utext_close(ut);
    return out;
  }
  // ICU's rules break after every line feed, so a sentence never crosses
  // a paragraph; offsets of a UTF-8 UText are byte offsets.
  it->setText(ut, status);
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    add_trimmed(text, static_cast<size_t>(start), static_cast<size_t>(end), out);
  }
  utext_close(ut);
  return out;
}

}  // namespace seismo
