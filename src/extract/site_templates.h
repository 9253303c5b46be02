// A site's template: paragraphs that recur on most of its pages (menus,
// footers, widgets the other signals missed). A site seen many times teaches
// the extractor to drop them. Read-only while a batch is extracted; learned
// from finished documents and persisted by the store between batches.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace seismo {

class SiteTemplates {
 public:
  struct Counts {
    int pages = 0;
    std::unordered_map<uint64_t, int> paragraphs;  // fingerprint -> pages it was on
  };

  // A paragraph is template text when it was on at least `min_share` of a
  // site's pages and the site has at least `min_pages` pages.
  explicit SiteTemplates(int min_pages = 5, double min_share = 0.5)
      : min_pages_(min_pages), min_share_(min_share) {}

  // Counts one page; each distinct fingerprint counts once per page.
  void add_page(const std::string& site, std::vector<uint64_t> fingerprints);
  bool is_template(const std::string& site, uint64_t fingerprint) const;
  const std::unordered_map<std::string, Counts>& sites() const { return sites_; }
  Counts& site(const std::string& name) { return sites_[name]; }

  // Whitespace- and case-insensitive fingerprint of a paragraph.
  static uint64_t fingerprint(std::string_view paragraph);

 private:
  int min_pages_;
  double min_share_;
  std::unordered_map<std::string, Counts> sites_;
};

}  // namespace seismo
