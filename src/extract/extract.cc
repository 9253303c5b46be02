#include "extract/extract.h"

#include <algorithm>

#include "common/dates.h"
#include "extract/extractors.h"
#include "extract/html_metadata.h"

namespace seismo {

Article extract_article(const RawDocument& doc, const SiteTemplates* templates) {
  Article a = doc.format == ContentFormat::kHtml ? extract_from_html(doc) : extract_from_text(doc);

  a.site = site_of(!doc.url.empty() ? doc.url : a.canonical_url);
  if (a.source.empty()) a.source = a.site;

  for (const auto& p : a.paragraphs) a.fingerprints.push_back(SiteTemplates::fingerprint(p));
  if (templates && !a.site.empty()) {
    bool any = false;
    for (size_t k = 0; k < a.paragraphs.size() && !any; ++k) any = templates->is_template(a.site, a.fingerprints[k]);
    if (any) {
      a.paragraphs_before_templates = a.paragraphs;
      std::erase_if(a.paragraphs, [&](const std::string& p) {
        return templates->is_template(a.site, SiteTemplates::fingerprint(p));
      });
    }
  }

  // The input's own date (JSON Lines "date") beats anything the page says.
  if (!doc.date_hint.empty()) {
    if (auto d = parse_machine_date(doc.date_hint)) {
      a.published = d->iso();
      a.published_from = "input";
      a.published_estimated = false;
    }
  }
  // Last resort: the earliest dated comment, flagged as an estimate.
  if (a.published.empty()) {
    std::string earliest;
    for (const auto& c : a.comments) {
      if (!c.posted.empty() && (earliest.empty() || c.posted < earliest)) earliest = c.posted;
    }
    if (!earliest.empty()) {
      a.published = earliest.substr(0, 10);
      a.published_from = "comments";
      a.published_estimated = true;
    }
  }
  return a;
}

}  // namespace seismo
