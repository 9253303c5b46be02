#include "cli/usage.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace seismo::cli {
namespace {

std::vector<CLI::App*> commands_of(CLI::App* app) {
  std::vector<CLI::App*> out;
  for (CLI::App* c : app->get_subcommands([](CLI::App* c) { return !c->get_name().empty(); })) out.push_back(c);
  return out;
}

CLI::App* find_command(CLI::App* app, const std::string& name) {
  for (CLI::App* c : commands_of(app))
    if (c->check_name(name)) return c;
  return nullptr;
}

// "docs, entities, events or comments".
std::string names_of(CLI::App* app) {
  std::vector<CLI::App*> cs = commands_of(app);
  std::string out;
  for (size_t k = 0; k < cs.size(); ++k) out += (k == 0 ? "" : k + 1 == cs.size() ? " or " : ", ") + cs[k]->get_name();
  return out;
}

size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// The command a mistyped word most likely meant ("doc" -> "docs"), or "".
std::string nearest_command(CLI::App* app, const std::string& word) {
  std::string best;
  size_t best_distance = 3;  // more than two edits away is another word
  for (CLI::App* c : commands_of(app)) {
    const std::string& name = c->get_name();
    size_t d = name.rfind(word, 0) == 0 ? 1 : edit_distance(word, name);
    if (d < best_distance) best_distance = d, best = name;
  }
  return best;
}

std::string not_a_command(CLI::App* parent, const std::string& path, const std::string& word) {
  std::string m = "'" + word + "' is not a seismo" + (path.empty() ? "" : " " + path) + " command";
  std::string near = nearest_command(parent, word);
  if (!near.empty()) m += " (did you mean '" + near + "'?)";
  else if (!path.empty()) m += " (it has " + names_of(parent) + ")";
  return m;
}

void print_usage_error(const std::string& path, const std::string& message) {
  std::fflush(stdout);
  std::fprintf(stderr, "seismo: %s%s; see 'seismo help%s'\n", path.empty() ? "" : (path + ": ").c_str(),
               message.c_str(), path.empty() ? "" : (" " + path).c_str());
}

// What `seismo` alone prints: how a command line is built and the commands
// there are, short enough to read at a glance.
void print_short_usage(CLI::App& app) {
  std::string names;
  for (CLI::App* c : commands_of(&app)) names += (names.empty() ? "" : " ") + c->get_name();
  std::fprintf(stderr,
               "usage: seismo [--db FILE] [-j N] [-q] COMMAND [ARGS...]\n"
               "commands: %s\n"
               "see 'seismo help' for what each does and 'seismo help COMMAND' for its options\n",
               names.c_str());
}

// The first word of argv that is not an option of the app or an option's
// value: the command. `defer` when --help, --version or an option the app
// does not know comes first: CLI11 answers those itself.
struct FirstWord {
  std::string word;
  bool defer = false;
};

FirstWord first_word(CLI::App& app, int argc, char** argv) {
  FirstWord f;
  for (int k = 1; k < argc; ++k) {
    std::string a = argv[k];
    if (a == "--") return k + 1 < argc ? FirstWord{argv[k + 1], false} : f;
    if (a.size() < 2 || a[0] != '-') return FirstWord{a, false};
    std::string name = a.substr(0, a.find('='));
    if (a[1] != '-') name = a.substr(0, 2);  // -j4
    const CLI::Option* o = app.get_option_no_throw(name);
    if (!o || name == "-h" || name == "--help" || name == "--version") {
      f.defer = true;
      return f;
    }
    if (name == a && o->get_items_expected_min() > 0) ++k;  // --db FILE (not -q)
  }
  return f;
}

// The command being parsed when parsing stopped, and its name as typed
// after "seismo" ("export docs").
CLI::App* deepest_command(CLI::App& app, std::string& path) {
  CLI::App* a = &app;
  path.clear();
  while (!a->get_subcommands().empty()) {
    a = a->get_subcommands().front();
    path += (path.empty() ? "" : " ") + a->get_name();
  }
  return a;
}

// CLI11's message in words a user of git would recognise.
std::string plain_message(CLI::App* at, const std::string& path, const CLI::ParseError& e) {
  std::string what = e.what();
  if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
    // CLI11 lists the extras last first ("3 -n" for "-n 3"): back in order.
    std::vector<std::string> words = CLI::detail::split(what.substr(what.find(": ") + 2), ' ');
    std::reverse(words.begin(), words.end());
    std::string extras = CLI::detail::join(words, " ");
    const std::string& first = words.front();
    if (!commands_of(at).empty() && first[0] != '-') return not_a_command(at, path, first);
    return "unexpected argument" + std::string(extras == first ? " '" : "s '") + extras + "'";
  }
  if (dynamic_cast<const CLI::RequiredError*>(&e)) {
    if (what.rfind("A subcommand", 0) == 0) return "which one? " + names_of(at);
    std::string name = what.substr(0, what.rfind(" is required"));
    const CLI::Option* o = at->get_option_no_throw(name);
    if (o && o->get_positional()) return "missing " + name + ": " + o->get_description();
  }
  return what;
}

}  // namespace

void add_help_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("help", "Say what each command does, or everything one command takes");
  auto words = std::make_shared<std::vector<std::string>>();
  cmd->add_option("command", *words, "a command (and its subcommand: export docs)");
  CLI::App* root = &app;
  cmd->callback([root, words] {
    CLI::App* target = root;
    std::string prefix, path;
    for (const auto& w : *words) {
      CLI::App* next = find_command(target, w);
      if (!next || next->get_name() == "help") throw UsageError(not_a_command(target, path, w));
      prefix += (prefix.empty() ? "" : " ") + target->get_name();
      path += (path.empty() ? "" : " ") + w;
      target = next;
    }
    // App::help() would describe the command being run, `help` itself.
    std::string text = target->get_formatter()->make_help(target, prefix.empty() ? target->get_name() : prefix + " " + target->get_name(),
                                                          CLI::AppFormatMode::Normal);
    std::fwrite(text.data(), 1, text.size(), stdout);
  });
}

int run_command_line(CLI::App& app, int argc, char** argv, const int& command_status) {
  FirstWord f = first_word(app, argc, argv);
  if (!f.defer) {
    if (f.word.empty()) {
      print_short_usage(app);
      return 2;
    }
    if (!find_command(&app, f.word)) {
      print_usage_error("", not_a_command(&app, "", f.word));
      return 2;
    }
  }
  std::string path;
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    CLI::App* at = deepest_command(app, path);
    print_usage_error(path, plain_message(at, path, e));
    return 2;
  } catch (const UsageError& e) {
    deepest_command(app, path);
    print_usage_error(path == "help" ? "" : path, e.what());
    return 2;
  } catch (const std::exception& e) {
    // Not a usage error: the command was right and something failed (a
    // missing or broken store, a full disk). Status 1, as for a batch with
    // a bad file; 2 stays for a command line that is wrong.
    std::fflush(stdout);
    std::fprintf(stderr, "seismo: %s\n", e.what());
    return 1;
  }
  return command_status;
}

}  // namespace seismo::cli
