// HTML extraction: metadata, body and comments from one parsed DOM.
#include <optional>

#include "common/dates.h"
#include "extract/extractors.h"
#include "extract/html_content.h"
#include "extract/html_metadata.h"

namespace seismo {

Article extract_from_html(const RawDocument& doc) {
  Article a;
  HtmlDoc dom = parse_html(doc.content, doc.url);
  if (!dom) return a;
  PageMetadata md = read_metadata(dom.get(), doc.url.empty() ? std::string() : doc.url);
  HtmlContent content = extract_content(dom.get(), md.title);

  a.title = md.title;
  a.authors = md.authors;
  if (a.authors.empty() && !content.byline.empty()) a.authors = split_author_names(content.byline);
  a.source = md.site_name;
  a.canonical_url = md.canonical_url;
  a.declared_language = md.language;
  a.paragraphs = std::move(content.paragraphs);
  a.comments = std::move(content.comments);
  a.republished_from = content.provenance;
  if (md.published) {
    a.published = md.published->iso();
    a.published_from = md.published_from;
  } else {
    // A dateline above the body: the first full date in the lead text. Then,
    // as a last resort (labelled so), the first date in the article or just
    // below it ("Posted on 3. Dezember 2011").
    auto first_in = [](const std::string& text) -> std::optional<CalendarDate> {
      for (const auto& m : find_dates(text)) {
        if (m.date.precision == DatePrecision::kDay && plausible_date(m.date)) return m.date;
      }
      return std::nullopt;
    };
    // The first paragraphs, some 3000 bytes of them; never more than the
    // first 64 KiB of one huge paragraph, whose dates are no dateline (and
    // the date finder's tokens would cost many times the page).
    constexpr size_t kOpeningBytes = 3000, kOpeningLimit = 64 * 1024;
    std::string opening;
    for (size_t k = 0; k < a.paragraphs.size() && opening.size() < kOpeningBytes; ++k)
      opening.append(a.paragraphs[k], 0, kOpeningLimit - opening.size()) += "\n";
    if (auto d = first_in(content.lead_text)) {
      a.published = d->iso();
      a.published_from = "text";
    } else if (auto d2 = first_in(opening + content.trail_text)) {
      a.published = d2->iso();
      a.published_from = "page-text";
    }
  }
  return a;
}

}  // namespace seismo
