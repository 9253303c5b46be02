// The filters the listing commands share (docs, events): dates checked
// against the calendar and event types against the action dictionary, so
// that a typo is a usage error instead of an empty, successful listing.
#pragma once
#include <CLI/CLI.hpp>
#include <string>

namespace seismo::cli {

// Accepts YYYY, YYYY-MM or YYYY-MM-DD naming a real month and day
// (2024-02-29 yes, 2023-02-29 and 2022-13-45 no).
CLI::Validator date_option();

// The last day a --until date covers, in the store's text order: a year or
// a month includes all its days ("2022-12" -> "2022-12-99").
std::string until_bound(const std::string& date);

// Throws UsageError, listing what is valid, unless `type` is a CAMEO code or
// code prefix, a PLOVER type, or an ACLED event or sub-event type of the
// bundled action dictionary (any case).
void check_event_type(const std::string& type);

}  // namespace seismo::cli
