#include "store/templates.h"

#include "store/statement.h"

namespace seismo {

void load_site_templates(const Database& db, SiteTemplates& templates) {
  Stmt pages(db, "SELECT site, pages FROM site_pages");
  while (pages.step()) templates.site(pages.text(0)).pages = static_cast<int>(pages.integer(1));
  // Only paragraphs seen more than once can ever be template text.
  Stmt paras(db, "SELECT site, fingerprint, pages FROM site_paragraphs WHERE pages > 1");
  while (paras.step()) {
    templates.site(paras.text(0)).paragraphs[static_cast<uint64_t>(paras.integer(1))] = static_cast<int>(paras.integer(2));
  }
}

}  // namespace seismo
