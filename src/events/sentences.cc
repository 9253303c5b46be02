#include "events/sentences.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/utext.h>

#include <memory>

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
  // Paragraphs first: a sentence never crosses a line break.
  size_t para = 0;
  while (para < text.size()) {
    size_t nl = text.find('\n', para);
    size_t para_end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view p = text.substr(para, para_end - para);
    if (!it) {
      add_trimmed(text, para, para_end, out);
    } else if (!p.empty()) {
      UErrorCode status = U_ZERO_ERROR;
      UText* ut = utext_openUTF8(nullptr, p.data(), static_cast<int64_t>(p.size()), &status);
      if (U_SUCCESS(status)) {
        it->setText(ut, status);
        // Offsets of a UTF-8 UText are byte offsets.
        int32_t start = it->first();
        for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
          add_trimmed(text, para + static_cast<size_t>(start), para + static_cast<size_t>(end), out);
        }
      } else {
        add_trimmed(text, para, para_end, out);
      }
      utext_close(ut);
    }
    para = para_end + 1;
  }
  return out;
}

}  // namespace seismo
