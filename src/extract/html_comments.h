// Reader comments in HTML: finds comment sections by their markup (ids and
// classes naming comments, discussion, Disqus, wpDiscuz...) and reads each
// comment's author, time, text and reply depth. Internal to extract.
#pragma once
#include <vector>

#include "extract/extract.h"
#include "extract/html_dom.h"

namespace seismo {

// True for an element that holds a comment section.
bool is_comment_section(const xmlNode* n);

// Reads the comments inside one comment section, in page order.
void read_comments(const xmlNode* section, std::vector<Comment>& out);

}  // namespace seismo
