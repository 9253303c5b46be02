// Usage errors and help. A command line seismo cannot run is said plainly
// on one line, "seismo: CMD: what is wrong; see 'seismo help CMD'", with
// exit status 2, as git and ripgrep users expect; CLI11's own texts ("A
// subcommand is required") and exit codes (105, 106, 109) are not.
#pragma once
#include <CLI/CLI.hpp>
#include <stdexcept>
#include <string>

namespace seismo::cli {

// Thrown from a command's checks when an argument parses but cannot be
// used (a date that is not on the calendar, an event type no dictionary
// has). The message says what is wrong and what would do.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// `seismo help [COMMAND [SUBCOMMAND]]`: the full help of the app or of one
// command, on stdout.
void add_help_command(CLI::App& app);

// Parses argv and runs the command it names; returns the exit status.
int run_command_line(CLI::App& app, int argc, char** argv, const int& command_status);

}  // namespace seismo::cli
