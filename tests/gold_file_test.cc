// The project's event gold files parse, and hold what they claim: at least
// 200 sentences from at least 30 countries, real CAMEO codes, valid
// modalities, both splits, every CAMEO root. A broken gold line fails here
// rather than silently lowering the figures event_gold_eval reports.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "event_gold.h"

namespace {

using seismo::gold::GoldRecord;

std::string source(const std::string& rel) { return std::string(SEISMO_SOURCE_DIR) + "/" + rel; }
std::string cameo_table() {
  return std::string(SEISMO_SHARED_DIR) + "/benchmarks/events/goldstein/CAMEO.eventcodes.txt";
}

std::vector<GoldRecord> read_clean(const std::string& path) {
  std::vector<std::string> errors;
  auto records = seismo::gold::read_gold_file(path, errors);
  for (const auto& e : errors) ADD_FAILURE() << e;
  return records;
}

TEST(GoldFile, WorldSetHasTheSizeAndCoverageItClaims) {
  auto records = read_clean(source("data/gold/events_world.tsv"));
  ASSERT_GE(records.size(), 200u);
  std::set<std::string> countries, sentences;
  std::map<std::string, size_t> splits;
  std::map<std::string, size_t> roots;
  size_t none = 0;
  for (const auto& r : records) {
    EXPECT_FALSE(r.country.empty()) << "line " << r.line << ": no country";
    EXPECT_FALSE(r.split.empty()) << "line " << r.line << ": no split";
    EXPECT_FALSE(r.date.empty()) << "line " << r.line << ": no date";
    EXPECT_TRUE(sentences.insert(r.sentence).second) << "line " << r.line << ": sentence repeated";
    countries.insert(r.country);
    ++splits[r.split];
    none += r.events.empty();
    for (const auto& e : r.events) {
      ++roots[e.code.substr(0, 2)];
      EXPECT_FALSE(e.source == "-" && e.target == "-") << "line " << r.line << ": an event with no actor at all";
    }
  }
  EXPECT_GE(countries.size(), 30u);
  // Half and half, so the dev figures say something about the test ones.
  EXPECT_GE(splits["dev"] * 10, records.size() * 4);
  EXPECT_GE(splits["test"] * 10, records.size() * 4);
  // About a tenth of the sentences report nothing.
  EXPECT_GE(none * 20, records.size());
  EXPECT_LE(none * 5, records.size());
  for (int root = 1; root <= 20; ++root) {
    char key[3];
    std::snprintf(key, sizeof key, "%02d", root);
    EXPECT_GE(roots[key], 3u) << "CAMEO root " << key << " is hardly covered";
  }
}

// The header's rule: CAMEO's frame codes carry their frame's modality (13x
// threatened, 02x and 10x requested, 03x planned, 12x denied), and other
// codes never carry those of threats and appeals.
TEST(GoldFile, FrameCodesCarryTheirModality) {
  using seismo::Modality;
  for (const auto& r : read_clean(source("data/gold/events_world.tsv")))
    for (const auto& e : r.events) {
      std::string root = e.code.substr(0, 2);
      const char* where = e.code.c_str();
      if (root == "13")
        EXPECT_EQ(e.modality, Modality::kThreatened) << "line " << r.line << ": " << where;
      else if (root == "02" || root == "10")
        EXPECT_EQ(e.modality, Modality::kRequested) << "line " << r.line << ": " << where;
      else if (root == "03")
        EXPECT_EQ(e.modality, Modality::kPlanned) << "line " << r.line << ": " << where;
      else if (root == "12")
        EXPECT_EQ(e.modality, Modality::kDenied) << "line " << r.line << ": " << where;
      else
        EXPECT_TRUE(e.modality != Modality::kThreatened && e.modality != Modality::kRequested)
            << "line " << r.line << ": " << where;
    }
}

// Every code in every gold file is in CAMEO's code table.
TEST(GoldFile, CodesAreCameoCodes) {
  auto cameo = seismo::gold::read_cameo_codes(cameo_table());
  if (cameo.empty()) GTEST_SKIP() << "no CAMEO code table at " << cameo_table();
  ASSERT_TRUE(cameo.count("0841") && cameo.count("20") && !cameo.count("199"));
  for (const char* file : {"data/gold/events_world.tsv", "data/gold/events_en.tsv"})
    for (const auto& r : read_clean(source(file)))
      for (const auto& e : r.events)
        EXPECT_TRUE(cameo.count(e.code)) << file << ":" << r.line << ": " << e.code << " is not a CAMEO code";
}

TEST(GoldFile, OldTwoColumnSetStillReads) {
  auto records = read_clean(source("data/gold/events_en.tsv"));
  ASSERT_GE(records.size(), 40u);
  for (const auto& r : records) {
    EXPECT_TRUE(r.country.empty() && r.split.empty());
    for (const auto& e : r.events) EXPECT_EQ(e.modality, seismo::Modality::kAsserted);
  }
}

TEST(GoldLine, ReadsEventsModalitiesAndColumns) {
  GoldRecord r;
  std::string error;
  ASSERT_TRUE(seismo::gold::parse_gold_line(
      "Iran accused Washington.\tIRNGOV USAGOV 112 asserted ; - IGOUNO 020 requested ; IRNGOV - 036\tIRN\ttest\t2019-09-25",
      7, r, error))
      << error;
  EXPECT_EQ(r.line, 7u);
  EXPECT_EQ(r.sentence, "Iran accused Washington.");
  ASSERT_EQ(r.events.size(), 3u);
  EXPECT_EQ(r.events[0].source, "IRNGOV");
  EXPECT_EQ(r.events[0].target, "USAGOV");
  EXPECT_EQ(r.events[0].code, "112");
  EXPECT_EQ(r.events[1].source, "-");
  EXPECT_EQ(r.events[1].modality, seismo::Modality::kRequested);
  EXPECT_EQ(r.events[2].modality, seismo::Modality::kAsserted);  // the 3-field form
  EXPECT_EQ(r.country, "IRN");
  EXPECT_EQ(r.split, "test");
  EXPECT_EQ(r.date, "2019-09-25");
  ASSERT_TRUE(seismo::gold::parse_gold_line("Snow fell.\t---", 1, r, error)) << error;
  EXPECT_TRUE(r.events.empty());
}

TEST(GoldLine, RejectsEachKindOfMistake) {
  const char* bad[] = {
      "no tab at all",
      "Too many.\t---\tIRN\tdev\t2020-01-01\textra",
      "\tIRNGOV - 112",                                         // no sentence
      "No events.\t",                                           // empty events
      "Lower case.\tirngov - 112",                              // actor code
      "Short code.\tIR - 112",                                  // not groups of three
      "Letters in code.\tIRNGOV - 11a",                         // event code
      "Long code.\tIRNGOV - 11234",
      "Two fields.\tIRNGOV 112",
      "Odd modality.\tIRNGOV - 112 perhaps",
      "Bad country.\tIRNGOV - 112\tIran",
      "Bad split.\tIRNGOV - 112\tIRN\ttrain",
      "Bad date.\tIRNGOV - 112\tIRN\tdev\t2023-02-30",
      "Loose date.\tIRNGOV - 112\tIRN\tdev\t2023-2-3",
  };
  for (const char* line : bad) {
    GoldRecord r;
    std::string error;
    EXPECT_FALSE(seismo::gold::parse_gold_line(line, 1, r, error)) << line;
    EXPECT_FALSE(error.empty()) << line;
  }
}

TEST(GoldFile, ErrorsNameFileAndLine) {
  auto path = std::filesystem::temp_directory_path() / "seismo_gold_file_test.tsv";
  {
    std::ofstream out(path);
    out << "# comment\n\nGood.\tIRNGOV - 112\nBad.\tIRNGOV - 112 maybe\n";
  }
  std::vector<std::string> errors;
  auto records = seismo::gold::read_gold_file(path.string(), errors);
  EXPECT_EQ(records.size(), 1u);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].rfind(path.string() + ":4: ", 0), 0u) << errors[0];
  std::filesystem::remove(path);
  errors.clear();
  EXPECT_TRUE(seismo::gold::read_gold_file("/nonexistent/gold.tsv", errors).empty());
  EXPECT_EQ(errors.size(), 1u);
}

TEST(GoldFile, ProducibleActorCodesComposeCountriesAndAgents) {
  auto path = std::filesystem::temp_directory_path() / "seismo_gold_actors_test.txt";
  {
    std::ofstream out(path);
    out << "# x\n@country SRB RS | Serbia\n@country KSV XK | Kosovo\n@agent COP | police\n"
           "Kosovo Serbs | local Serbs\n  KSVSRB # community\nNATO | alliance\n  IGONAT 1949-04-04..\n";
  }
  auto codes = seismo::gold::producible_actor_codes(path.string());
  std::filesystem::remove(path);
  for (const char* c : {"SRBCOP", "KSVCOP", "COP", "KSVSRB", "IGONAT"}) EXPECT_TRUE(codes.count(c)) << c;
  for (const char* c : {"SRB", "SRBGOV", "IGONATCOP", "RS"}) EXPECT_FALSE(codes.count(c)) << c;
}

}  // namespace
