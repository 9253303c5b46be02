// What a page says about itself: <head> metadata, JSON-LD, microdata,
// <time> elements, bylines and the URL. Internal to extract.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "common/dates.h"
#include "extract/html_dom.h"

namespace seismo {

struct PageMetadata {
  std::string title;
  std::vector<std::string> authors;
  std::string site_name;
  std::string canonical_url;
  std::string language;
  std::optional<CalendarDate> published;
  std::string published_from;
};

PageMetadata read_metadata(xmlDoc* doc, const std::string& url);

// A date in the URL path: /2016/12/23/, /2016-12-23, /20161223/.
std::optional<CalendarDate> date_from_url(std::string_view url);

// "www.example.com" from "https://www.example.com/a/b" -> "example.com".
std::string site_of(std::string_view url);

}  // namespace seismo
