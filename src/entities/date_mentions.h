// Dates an article mentions, absolute or relative, resolved against its
// publication date the way a reader would. Internal to entities.
#pragma once
#include <optional>
#include <vector>

#include "common/dates.h"
#include "common/match_text.h"
#include "entities/entities.h"

namespace seismo {

struct DateMention {
  size_t begin = 0, end = 0;  // byte offsets in the text
  DateRef ref;
};

std::vector<DateMention> find_date_mentions(std::string_view text, const MatchText& tokens,
                                            const std::optional<CalendarDate>& published);

// role_day() (entities.h) for a text whose date mentions are `dates`.
std::optional<int> latest_day(const std::vector<DateMention>& dates, const std::optional<CalendarDate>& published);

}  // namespace seismo
