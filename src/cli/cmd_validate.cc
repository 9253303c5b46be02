// seismo validate --tabari PROJECT: runs a TABARI validation file (the
// project's <textfile>, or --text FILE) through the CAMEO pattern coder and
// prints the share of records coded exactly, per record group.
#include <cstdio>
#include <map>

#include "cli/commands.h"
#include "cli/console.h"
#include "events/validation.h"

namespace seismo::cli {
namespace {

std::string keys_text(const std::vector<cameo::EventKey>& keys) {
  if (keys.empty()) return "(none)";
  std::string out;
  for (const auto& [s, t, c] : keys) out += (out.empty() ? "" : "  ") + s + "/" + t + "/" + c;
  return out;
}

struct Tally {
  int exact = 0, total = 0;
  void add(bool ok) {
    exact += ok;
    ++total;
  }
  std::string share() const {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%5.1f%%  (%d/%d)", total ? 100.0 * exact / total : 0.0, exact, total);
    return buf;
  }
};

}  // namespace

void add_validate_command(CLI::App& app, GlobalOptions&) {
  auto* cmd = app.add_subcommand("validate", "Run TABARI's or PETRARCH's validation records through the CAMEO pattern coder");
  auto project = std::make_shared<std::string>();
  auto petrarch = std::make_shared<std::string>();
  auto text = std::make_shared<std::string>();
  auto failures = std::make_shared<bool>(false);
  auto half = std::make_shared<std::string>();
  auto* tabari_opt =
      cmd->add_option("--tabari", *project, "TABARI project file (names the actors, verbs, agents, options and text files)");
  auto* petrarch_opt = cmd->add_option("--petrarch", *petrarch,
                                       "PETRARCH dictionary directory (verbs, actors, agents, discards; its *.xml records are coded)");
  tabari_opt->excludes(petrarch_opt);
  cmd->add_option("--text", *text, "validation records to code instead of the project's <textfile> or the directory's records");
  cmd->add_flag("--failures", *failures, "list each record coded wrongly, with what was expected and produced");
  cmd->add_option("--half", *half, "score only the even or the odd records (by position)")->check(CLI::IsMember({"even", "odd"}));
  cmd->callback([project, petrarch, text, failures, half] {
    if (project->empty() && petrarch->empty()) {
      print_error("validate", "give --tabari PROJECT or --petrarch DIR");
      exit_status = 2;
      return;
    }
    std::vector<std::string> warnings;
    cameo::CameoDictionary dict;
    bool ok = project->empty() ? dict.load_petrarch({*petrarch}, warnings) : dict.load_tabari_project(*project, warnings);
    for (const auto& w : warnings) print_error("validate", w);
    if (!ok) {
      exit_status = 1;
      return;
    }
    std::string file = *text;
    if (file.empty()) file = project->empty() ? cameo::petrarch_records_file(*petrarch) : cameo::project_text_file(*project);
    std::vector<cameo::ValidationRecord> records;
    bool read = false;
    if (!file.empty()) {
      bool xml = file.size() > 4 && file.compare(file.size() - 4, 4, ".xml") == 0;
      if (xml) dict.options().four_digit_years = true;  // PETRARCH dates are YYYYMMDD
      read = xml ? cameo::read_petrarch_records(file, records) : cameo::read_validation_records(file, records);
    }
    if (!read) {
      print_error(file.empty() ? (project->empty() ? *petrarch : *project) : file, "cannot read the validation records");
      exit_status = 1;
      return;
    }
    auto results = cameo::run_validation(dict, records);
    if (results.empty()) {
      print_error(file, "no validation records (expected TABARI records or PETRARCH <Sentence> elements)");
      exit_status = 1;
      return;
    }
    std::map<std::string, Tally> groups;
    Tally all, standard;
    for (size_t i = 0; i < results.size(); ++i) {
      if (*half == "even" && i % 2 != 0) continue;
      if (*half == "odd" && i % 2 != 1) continue;
      const auto& r = results[i];
      groups[r.record->group].add(r.exact);
      all.add(r.exact);
      if (r.record->standard) standard.add(r.exact);
      if (*failures && !r.exact) {
        put(r.record->id + " (line " + std::to_string(r.record->line) + ")\n  expected " +
            (r.record->expects_none ? "(none)" : keys_text(r.record->expected)) + "\n  produced " + keys_text(r.produced) +
            (r.coding.reason.empty() ? "" : "   [" + r.coding.reason + "]") + "\n");
      }
    }
    for (const auto& [name, t] : groups) put(pad(name, 12) + " " + t.share() + "\n");
    if (standard.total < all.total)  // TABARI's file marks where its standard records end
      put(pad("standard", 12) + " " + standard.share() + "   records before the suite's end-of-standard record\n");
    put(pad("all", 12) + " " + all.share() + "\n");
  });
}

}  // namespace seismo::cli
