#include "extract/site_templates.h"

#include <algorithm>

#include "common/hash.h"
#include "common/text.h"

namespace seismo {

void SiteTemplates::add_page(const std::string& site, std::vector<uint64_t> fingerprints) {
  if (site.empty()) return;
  std::sort(fingerprints.begin(), fingerprints.end());
  fingerprints.erase(std::unique(fingerprints.begin(), fingerprints.end()), fingerprints.end());
  Counts& c = sites_[site];
  ++c.pages;
  for (uint64_t f : fingerprints) ++c.paragraphs[f];
}

bool SiteTemplates::is_template(const std::string& site, uint64_t fingerprint) const {
  auto it = sites_.find(site);
  if (it == sites_.end() || it->second.pages < min_pages_) return false;
  auto p = it->second.paragraphs.find(fingerprint);
  return p != it->second.paragraphs.end() && p->second >= min_share_ * it->second.pages;
}

uint64_t SiteTemplates::fingerprint(std::string_view paragraph) {
  return hash64(ascii_lower(collapse_whitespace(paragraph)));
}

}  // namespace seismo
