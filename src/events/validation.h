// TABARI's validation files: records of a date, an id and a text, with the
// events a coder must produce in comment blocks ("{ ARN / GON / 064 }",
// "{---}" for none) and "{ OPTION: ... }" records that change the coding
// settings for the records after them. Running one codes every record and
// compares the events with the expected ones. Public: the CLI
// prints the report (seismo validate).
#pragma once
#include <string>
#include <tuple>
#include <vector>

#include "events/cameo_coder.h"

namespace seismo::cameo {

using EventKey = std::tuple<std::string, std::string, std::string>;  // source, target, code

struct ValidationRecord {
  size_t line = 0;
  std::string date, id, group;  // group: the id before its first '-' ("DEMO")
  std::string text;
  std::vector<EventKey> expected;  // empty with expects_none
  bool expects_none = false;
  std::vector<std::string> options;  // OPTION: lines
  bool standard = true;              // before the suite's "end of the standard records"
  bool scored() const { return options.empty() && (expects_none || !expected.empty()); }
};

// Reads a TABARI validation text file; false when it cannot be read.
bool read_validation_records(const std::string& path, std::vector<ValidationRecord>& out);
// Reads PETRARCH's unit-test records (XML: <Sentence date id category>
// with <EventCoding> expectations and the <Text> to code; the supplied
// <Parse> is not read). Records whose expected error concerns that parse
// are not scored.
bool read_petrarch_records(const std::string& path, std::vector<ValidationRecord>& out);

struct RecordResult {
  const ValidationRecord* record = nullptr;
  std::vector<EventKey> produced;
  SentenceCoding coding;
  bool exact = false;
};

// Codes the records in order, applying their OPTION: lines to a copy of
// the dictionary's options. Pronouns may refer to the previous record of
// the same story (ids "FRWD-001-002" and "FRWD-001-003") when forwarding
// is on.
std::vector<RecordResult> run_validation(const CameoDictionary& dictionary, const std::vector<ValidationRecord>& records);

// The project file's <textfile>, relative to the project's directory.
std::string project_text_file(const std::string& project_path);
// The PETRARCH records file in a directory: its *.xml file holding
// <Validation>, or empty.
std::string petrarch_records_file(const std::string& dir);

}  // namespace seismo::cameo
