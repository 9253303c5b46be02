// The article body of an HTML page: text blocks are scored by length,
// punctuation and link density, scores flow up to the containers that hold
// them, the best container (and its siblings that look like it) is the
// article, and its blocks minus boilerplate are the body. Comment sections
// found on the way are handed back separately. Internal to extract.
#pragma once
#include <string>
#include <vector>

#include "extract/extract.h"
#include "extract/html_dom.h"

namespace seismo {

struct HtmlContent {
  std::vector<std::string> paragraphs;
  std::vector<Comment> comments;
  std::string provenance;   // "Originally published on X" found near the body
  std::string byline;       // a "By X" line found at the top of the body
  std::string lead_text;    // text just above the body (dates live there)
  std::string trail_text;   // text just below the body ("Posted on ...")
};

HtmlContent extract_content(xmlDoc* doc, const std::string& title);

}  // namespace seismo
