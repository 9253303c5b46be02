// The site-templates area of the store: how many pages of each site carried
// each paragraph (counted by IngestWriter for each new document).
#pragma once
#include "extract/site_templates.h"
#include "store/database.h"

namespace seismo {

void load_site_templates(const Database& db, SiteTemplates& templates);

}  // namespace seismo
