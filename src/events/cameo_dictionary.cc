#include "events/cameo_dictionary.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <fstream>

#include "common/data_files.h"
#include "common/dates.h"
#include "common/text.h"

namespace seismo::cameo {
namespace {

namespace fs = std::filesystem;

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// The line without its comment: ';' (TABARI) or '#' at the start of the
// line or after a blank (PETRARCH), outside brackets, where codes such as
// [###] live.
std::string_view strip_comment(std::string_view line) {
  int depth = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '[') ++depth;
    else if (c == ']') depth = std::max(0, depth - 1);
    else if (depth == 0 && (c == ';' || (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t'))))
      return line.substr(0, i);
  }
  return line;
}

// Reads every line of a dictionary file, without comments and the
// "<!-- -->" blocks of PETRARCH files, calling fn(text, line_number).
template <typename Fn>
bool for_each_line(const std::string& path, Fn fn) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  size_t no = 0;
  bool in_xml_comment = false;
  while (std::getline(in, line)) {
    ++no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string_view l = line;
    if (in_xml_comment || l.find("<!--") != std::string_view::npos) {
      in_xml_comment = l.find("-->") == std::string_view::npos;
      continue;
    }
    if (l.starts_with("~~FINISH")) break;
    std::string_view kept = strip_comment(l);
    // A line that was only a comment is no line at all: it must not end
    // a block the way a blank line does.
    if (trim(kept).empty() && !trim(l).empty()) continue;
    if (!fn(kept, no)) break;
  }
  return true;
}

struct CodeBlock {
  std::string code;
  std::string dates;
};

// The [..] blocks of a line and the text before the first one.
std::string_view split_code_blocks(std::string_view l, std::vector<CodeBlock>& blocks, bool& unclosed) {
  blocks.clear();
  unclosed = false;
  size_t open = l.find('[');
  std::string_view head = trim(l.substr(0, open));
  while (open != std::string_view::npos) {
    size_t close = l.find(']', open);
    if (close == std::string_view::npos) {
      unclosed = true;
      break;
    }
    std::string_view inside = trim(l.substr(open + 1, close - open - 1));
    size_t space = inside.find_first_of(" \t<>");
    CodeBlock b;
    b.code = std::string(trim(inside.substr(0, space)));
    if (space != std::string_view::npos) b.dates = std::string(trim(inside.substr(space)));
    blocks.push_back(std::move(b));
    open = l.find('[', close);
  }
  return head;
}

void warn(std::vector<std::string>& warnings, const std::string& path, size_t line, const std::string& why) {
  warnings.push_back(path + ":" + std::to_string(line) + ": " + why);
}

// The text before a line's [..] blocks; false, with the line named in
// `warnings`, when a '[' is not closed.
bool read_line_blocks(std::string_view l, std::vector<CodeBlock>& blocks, std::string_view& head,
                      std::vector<std::string>& warnings, const std::string& path, size_t no) {
  bool unclosed = false;
  head = split_code_blocks(l, blocks, unclosed);
  if (unclosed) warn(warnings, path, no, "'[' without ']'");
  return !unclosed;
}

bool add_dated_code(const CodeBlock& b, std::vector<DatedCode>& codes) {
  DatedCode d;
  d.code = upper(b.code);
  if (d.code.empty()) return false;
  if (!parse_cameo_date_range(b.dates, d.from, d.to)) return false;
  codes.push_back(std::move(d));
  return true;
}

// "!PERSON!" style macros of PETRARCH agent files, expanded into every
// listed word.
std::vector<std::string> expand_macros(const std::string& text,
                                       const std::unordered_map<std::string, std::vector<std::string>>& macros) {
  size_t a = text.find('!');
  if (a == std::string::npos) return {text};
  size_t b = text.find('!', a + 1);
  if (b == std::string::npos) return {text};
  auto it = macros.find(text.substr(a, b - a + 1));
  std::vector<std::string> out;
  if (it == macros.end()) {
    for (auto& rest : expand_macros(text.substr(b + 1), macros)) out.push_back(text.substr(0, a) + rest);
    return out;
  }
  for (const auto& word : it->second)
    for (auto& rest : expand_macros(text.substr(b + 1), macros)) out.push_back(text.substr(0, a) + word + rest);
  return out;
}

}  // namespace

std::string ActorEntry::code_on(int day) const {
  const DatedCode* open = nullptr;
  const DatedCode* covering = nullptr;  // the narrowest restriction covering the day
  for (const auto& c : *codes) {
    bool restricted = c.from != INT_MIN || c.to != INT_MAX;
    if (!restricted) {
      if (!open) open = &c;
      continue;
    }
    if (day == INT_MIN || day < c.from || day > c.to) continue;
    if (!covering || static_cast<long>(c.to) - c.from < static_cast<long>(covering->to) - covering->from) covering = &c;
  }
  if (covering) return covering->code;
  if (open) return open->code;
  if (day == INT_MIN && !codes->empty()) return codes->back().code;  // undated text: the latest
  return "---";
}

bool CameoDictionary::load_verbs(const std::string& path, std::vector<std::string>& warnings) {
  enum class Section { kVerbs, kSynsets, kTime };
  Section section = Section::kVerbs;
  std::shared_ptr<std::vector<VerbPattern>> patterns;  // of the verb being read
  std::string block_code;                              // PETRARCH "--- NAME [code] ---"
  std::string synset;                                  // the synset whose members follow
  size_t before = verbs_.size();
  std::vector<CodeBlock> blocks;
  bool ok = for_each_line(path, [&](std::string_view raw, size_t no) {
    std::string_view l = trim(raw);
    if (l.empty()) {
      synset.clear();
      return true;
    }
    std::string head_tag = upper(l.substr(0, std::min<size_t>(l.size(), 12)));
    if (head_tag.starts_with("<SYNSETS>")) section = Section::kSynsets;
    else if (head_tag.starts_with("</SYNSETS>") || head_tag.starts_with("</TIME>")) section = Section::kVerbs;
    else if (head_tag.starts_with("<TIME>")) section = Section::kTime;
    if (l[0] == '<') return true;
    if (section == Section::kTime) {  // TIME phrases: only their discard and complex codes matter here
      bool unclosed = false;
      std::string_view head = split_code_blocks(l, blocks, unclosed);
      Phrase p;
      std::string error;
      if (!unclosed && !blocks.empty() && !head.empty() && head[0] != '-' && parse_phrase(head, p, error))
        time_phrases_.push_back({std::move(p), upper(blocks[0].code)});
      return true;
    }
    std::string error;
    if (l[0] == '&') {  // a synset: its members follow on '+' lines
      size_t end = l.find_first_of(" \t");
      synset = upper(l.substr(0, end));
      while (synset.size() > 1 && synset.back() == '_') synset.pop_back();
      synsets_[synset];
      return true;
    }
    if (l[0] == '+' && !synset.empty()) {
      Phrase p;
      if (!parse_phrase(l.substr(1), p, error)) {
        warn(warnings, path, no, "synset " + synset + ": " + error);
        return true;
      }
      synsets_[synset].reversed.push_back(reverse_phrase(p));
      synsets_[synset].phrases.push_back(std::move(p));
      return true;
    }
    synset.clear();
    if (l.starts_with("---")) {  // PETRARCH verb block
      bool unclosed = false;
      split_code_blocks(l.substr(3), blocks, unclosed);
      block_code = blocks.empty() ? "---" : upper(blocks[0].code);
      patterns = std::make_shared<std::vector<VerbPattern>>();
      return true;
    }
    std::string_view head;
    if (!read_line_blocks(l, blocks, head, warnings, path, no)) return true;
    if (l[0] == '-') {  // a pattern of the verb above
      if (!patterns) {
        warn(warnings, path, no, "pattern with no verb above it");
        return true;
      }
      if (blocks.empty()) {
        warn(warnings, path, no, "pattern without a [code]");
        return true;
      }
      Phrase p;
      if (!parse_phrase(head.substr(1), p, error)) {
        warn(warnings, path, no, "pattern '" + std::string(trim(head.substr(1))) + "': " + error);
        return true;
      }
      if (std::none_of(p.begin(), p.end(), [](const PhraseElement& e) { return e.kind == PhraseElement::Kind::kVerb; })) {
        warn(warnings, path, no, "pattern without '*' for the verb");
        return true;
      }
      for (Phrase& x : expand_choices(p)) {
        auto star = std::find_if(x.begin(), x.end(), [](const PhraseElement& e) {
          return e.kind == PhraseElement::Kind::kVerb;
        });
        VerbPattern vp;
        Phrase upper_part(x.begin(), star);
        vp.upper_joined = !upper_part.empty() && upper_part.back().joined;
        vp.upper = reverse_phrase(upper_part);
        vp.lower_joined = star->joined;
        vp.lower.assign(star + 1, x.end());
        vp.code = upper(blocks[0].code);
        vp.text = std::string(trim(head.substr(1)));
        vp.weight = phrase_weight(x);
        patterns->push_back(std::move(vp));
      }
      return true;
    }
    if (l[0] == '{') {  // more forms of the verb above ("{ BROKE_ BROKEN_ }")
      if (verbs_.size() == before) {
        warn(warnings, path, no, "verb forms with no verb above them");
        return true;
      }
      VerbEntry base = verbs_.back();
      std::string_view inside = l.substr(1, l.find('}') == std::string_view::npos ? std::string_view::npos : l.find('}') - 1);
      for (std::string_view form : split_fields(inside, ' ')) {
        if (form.empty()) continue;
        VerbEntry v = base;
        if (!parse_phrase(form, v.phrase, error)) continue;
        v.text = std::string(form);
        verbs_.push_back(std::move(v));
      }
      return true;
    }
    // A verb: "WORD [code]" (TABARI) or a word of a PETRARCH block,
    // "+SYNONYM" or with its own [code].
    std::string_view word = head;
    if (!word.empty() && word[0] == '+') word.remove_prefix(1);
    // PETRARCH lists a verb's irregular forms in braces after it:
    // "+FIGHT_BACK {+FOUGHT_BACK +FIGHTS_BACK}".
    std::vector<std::string> forms;
    if (size_t brace = word.find('{'); brace != std::string_view::npos) {
      size_t close = word.find('}', brace);
      std::string_view inside = word.substr(brace + 1, close == std::string_view::npos ? std::string_view::npos : close - brace - 1);
      for (std::string_view f : split_fields(inside, ' ')) {
        while (!f.empty() && f[0] == '+') f.remove_prefix(1);
        if (!f.empty()) forms.emplace_back(f);
      }
      word = trim(word.substr(0, brace));
    }
    std::string cleaned;
    for (char c : word)
      if (c != '+') cleaned.push_back(c);
    if (trim(cleaned).empty()) return true;
    bool petrarch_word = !block_code.empty() && blocks.empty();
    if (blocks.empty() && !petrarch_word) {
      warn(warnings, path, no, "verb '" + cleaned + "' without a [code]");
      return true;
    }
    VerbEntry v;
    if (!parse_phrase(cleaned, v.phrase, error)) {
      warn(warnings, path, no, "verb '" + cleaned + "': " + error);
      return true;
    }
    v.code = blocks.empty() ? block_code : upper(blocks[0].code);
    v.text = std::string(trim(cleaned));
    if (block_code.empty() || !patterns) patterns = std::make_shared<std::vector<VerbPattern>>();
    v.patterns = patterns;
    for (const auto& f : forms) {
      VerbEntry form = v;
      if (!parse_phrase(f, form.phrase, error)) continue;
      form.text = f;
      verbs_.push_back(std::move(form));
    }
    verbs_.push_back(std::move(v));
    return true;
  });
  if (!ok) {
    warnings.push_back(path + ": cannot read the verb dictionary");
    return false;
  }
  return verbs_.size() > before;
}

bool CameoDictionary::load_actors(const std::string& path, std::vector<std::string>& warnings) {
  enum class Section { kActors, kNouns, kAdjectives };
  Section section = Section::kActors;
  std::vector<std::string> pending;  // the names of a block whose codes follow on their own lines
  std::shared_ptr<std::vector<DatedCode>> pending_codes;
  std::vector<CodeBlock> blocks;
  auto flush = [&]() {
    if (pending.empty()) return;
    if (pending_codes && !pending_codes->empty()) {
      for (const auto& name : pending) {
        ActorEntry a;
        std::string error;
        if (!parse_phrase(name, a.phrase, error)) continue;
        a.text = name;
        a.codes = pending_codes;
        actors_.push_back(std::move(a));
      }
    }
    pending.clear();
    pending_codes.reset();
  };
  bool ok = for_each_line(path, [&](std::string_view raw, size_t no) {
    std::string_view l = trim(raw);
    bool indented = !raw.empty() && (raw[0] == ' ' || raw[0] == '\t');
    if (l.empty()) {
      flush();
      return true;
    }
    std::string tag = upper(l.substr(0, std::min<size_t>(l.size(), 12)));
    if (tag.starts_with("<NOUN>")) section = Section::kNouns;
    else if (tag.starts_with("<ADJECTIVE>")) section = Section::kAdjectives;
    else if (tag.starts_with("</NOUN>") || tag.starts_with("</ADJECTIVE>")) section = Section::kActors;
    if (l[0] == '<') return true;
    std::string error;
    if (section != Section::kActors) {
      Phrase p;
      if (parse_phrase(l.substr(0, l.find_first_of(" \t[")), p, error))
        (section == Section::kNouns ? nouns_ : adjectives_).push_back(std::move(p));
      return true;
    }
    std::string_view head;
    if (!read_line_blocks(l, blocks, head, warnings, path, no)) return true;
    if (head.empty() || indented) {  // codes of the block above
      if (pending.empty()) {
        if (!blocks.empty()) warn(warnings, path, no, "codes with no actor above them");
        return true;
      }
      if (!pending_codes) pending_codes = std::make_shared<std::vector<DatedCode>>();
      for (const auto& b : blocks)
        if (!add_dated_code(b, *pending_codes)) warn(warnings, path, no, "bad code or date '" + b.code + " " + b.dates + "'");
      return true;
    }
    if (head[0] == '+') {  // a synonym of the block's name
      if (pending.empty()) {
        warn(warnings, path, no, "synonym with no actor above it");
        return true;
      }
      pending.emplace_back(trim(head.substr(1)));
    } else {
      // A new actor: its codes may follow on this line and on indented
      // lines below (PETRARCH's dated codes), or only below (TABARI).
      flush();
      pending.emplace_back(head);
    }
    if (!pending_codes) pending_codes = std::make_shared<std::vector<DatedCode>>();
    for (const auto& b : blocks)
      if (!add_dated_code(b, *pending_codes)) warn(warnings, path, no, "bad code or date '" + b.code + " " + b.dates + "'");
    return true;
  });
  flush();
  if (!ok) {
    warnings.push_back(path + ": cannot read the actor dictionary");
    return false;
  }
  return true;
}

bool CameoDictionary::load_agents(const std::string& path, std::vector<std::string>& warnings) {
  std::unordered_map<std::string, std::vector<std::string>> macros;
  std::vector<CodeBlock> blocks;
  bool ok = for_each_line(path, [&](std::string_view raw, size_t no) {
    std::string_view l = trim(raw);
    if (l.empty()) return true;
    if (l[0] == '!' && l.find('=') != std::string_view::npos) {  // !PERSON! = MAN, MEN
      std::string name(trim(l.substr(0, l.find('='))));
      for (auto w : split_fields(l.substr(l.find('=') + 1), ','))
        if (!w.empty()) macros[name].emplace_back(upper(w));
      return true;
    }
    bool unclosed = false;
    std::string_view head = split_code_blocks(l, blocks, unclosed);
    if (unclosed || blocks.empty() || head.empty()) {
      warn(warnings, path, no, "expected NAME [~CODE] or [CODE~]");
      return true;
    }
    std::vector<std::string> names;
    std::string_view name = head;
    bool listed_plurals = false;
    if (size_t brace = name.find('{'); brace != std::string_view::npos) {  // PETRARCH plurals {A B}
      listed_plurals = true;  // only these: "POLICE {}" has no plural
      size_t close = name.find('}', brace);
      std::string_view plurals = name.substr(brace + 1, close == std::string_view::npos ? std::string_view::npos : close - brace - 1);
      for (auto p : split_fields(plurals, ' '))
        if (!p.empty()) names.emplace_back(p);
      name = trim(name.substr(0, brace));
    }
    names.insert(names.begin(), std::string(name));
    std::string code = upper(blocks[0].code);
    bool prefix = !code.empty() && code.back() == '~';
    code.erase(std::remove(code.begin(), code.end(), '~'), code.end());
    if (code.empty()) {
      warn(warnings, path, no, "agent without a code");
      return true;
    }
    for (const auto& n : names) {
      for (const auto& expanded : expand_macros(n, macros)) {
        AgentEntry a;
        std::string error;
        if (!parse_phrase(expanded, a.phrase, error)) continue;
        if (listed_plurals && a.phrase.back().kind == PhraseElement::Kind::kWord) a.phrase.back().form = WordForm::kExact;
        a.text = expanded;
        a.code = code;
        a.prefix = prefix;
        agents_.push_back(std::move(a));
      }
    }
    return true;
  });
  if (!ok) warnings.push_back(path + ": cannot read the agent dictionary");
  return ok;
}

bool CameoDictionary::load_discards(const std::string& path, std::vector<std::string>& warnings) {
  // Each line a phrase whose presence keeps a sentence from being coded
  // ("+" marks PETRARCH's story-level discards; here every discard is
  // read per sentence).
  auto codes = std::make_shared<std::vector<DatedCode>>(1, DatedCode{"###"});
  bool ok = for_each_line(path, [&](std::string_view raw, size_t no) {
    std::string_view l = trim(raw);
    if (l.empty()) return true;
    if (l[0] == '+') l.remove_prefix(1);
    ActorEntry a;
    std::string error;
    if (!parse_phrase(l, a.phrase, error)) {
      warn(warnings, path, no, "discard '" + std::string(l) + "': " + error);
      return true;
    }
    a.text = std::string(l);
    a.codes = codes;
    actors_.push_back(std::move(a));
    return true;
  });
  if (!ok) warnings.push_back(path + ": cannot read the discard list");
  return ok;
}

bool apply_coding_option(std::string_view raw, CodingOptions& options) {
  std::string l = upper(trim(raw));
  auto number_after = [&](std::string_view key, int& out) {
    size_t at = l.find(key);
    if (at == std::string::npos) return false;
    size_t p = l.find_first_of("0123456789", at + key.size());
    if (p == std::string::npos) return false;
    std::from_chars(l.data() + p, l.data() + l.size(), out);
    return true;
  };
  auto bracket_after = [&](std::string_view key) {
    size_t at = l.find(key);
    if (at == std::string::npos) return std::string();
    size_t open = l.find('[', at), close = l.find(']', at);
    if (open == std::string::npos || close == std::string::npos || close < open) return std::string();
    return std::string(trim(std::string_view(l).substr(open + 1, close - open - 1)));
  };
  auto flag = [&](std::string_view key) {
    size_t at = l.find(key);
    return at != std::string::npos && l.find("TRUE", at) != std::string::npos;
  };
  if (l.starts_with("COMPLEX:")) {
    options.complex_verbs = 0;
    options.complex_conjunctions = 0;
    number_after("VERBS", options.complex_verbs);
    number_after("CONJ", options.complex_conjunctions);
    options.no_actor_prior_is_complex = l.find("NOACTPRIOR") != std::string::npos;
    return true;
  }
  if (l.starts_with("DEFAULT:")) {
    if (l.find("OFF") != std::string::npos) {
      options.default_source.clear();
      options.default_target.clear();
      options.default_source_prior = options.default_target_after = false;
      return true;
    }
    options.default_source = bracket_after("SOURCE");
    options.default_target = bracket_after("TARGET");
    size_t target_at = l.find("TARGET");
    options.default_source_prior = l.find("PRIOR") != std::string::npos && l.find("PRIOR") < target_at;
    options.default_target_after = l.find("AFTER", target_at == std::string::npos ? 0 : target_at) != std::string::npos;
    return true;
  }
  if (l.starts_with("COMMA:")) {
    if (l.find("OFF") != std::string::npos) {
      options.comma_min = options.comma_emin = options.comma_bmin = 255;
      options.comma_max = options.comma_emax = options.comma_bmax = 0;
      return true;
    }
    // BMIN and EMIN contain MIN: read the two-letter keys first, then
    // the plain ones from a copy with those removed.
    number_after("BMIN", options.comma_bmin);
    number_after("BMAX", options.comma_bmax);
    number_after("EMIN", options.comma_emin);
    number_after("EMAX", options.comma_emax);
    std::string plain = l;
    for (const char* k : {"BMIN", "BMAX", "EMIN", "EMAX"})
      for (size_t at; (at = plain.find(k)) != std::string::npos;) plain.replace(at, 4, "xxxx");
    std::swap(l, plain);
    number_after(" MIN", options.comma_min);
    number_after(" MAX", options.comma_max);
    return true;
  }
  if (l.starts_with("FORWARD:")) {
    options.forward = l.find(" OFF") == std::string::npos;
    return true;
  }
  if (l.starts_with("SET:")) {
    if (l.find("CODE ALL") != std::string::npos) options.scope = CodingOptions::Scope::kAll;
    else if (l.find("CODE BY SENTENCE") != std::string::npos) options.scope = CodingOptions::Scope::kSentence;
    else if (l.find("CODE BY CLAUSE") != std::string::npos) options.scope = CodingOptions::Scope::kClause;
    else if (l.find("CONVERT AGENT") != std::string::npos) options.convert_agents = flag("CONVERT AGENT");
    else if (l.find("MINIMUM WORDS") != std::string::npos) number_after("MINIMUM WORDS", options.min_words);
    else if (l.find("YYYY") != std::string::npos) options.four_digit_years = flag("YYYY");
    else if (l.find("TIME SHIFT") != std::string::npos) options.time_shift = flag("TIME SHIFT");
    return true;  // the other SET: lines (labels, usage reports, FBIS) do not change events
  }
  return l.starts_with("OUTPUT:") || l.starts_with("LABEL:") || l.starts_with("~~");
}

bool CameoDictionary::load_options(const std::string& path, std::vector<std::string>& warnings) {
  bool ok = for_each_line(path, [&](std::string_view raw, size_t no) {
    std::string_view l = trim(raw);
    if (l.empty() || l.starts_with("//")) return true;
    if (!apply_coding_option(l, options_)) warn(warnings, path, no, "option not understood: " + std::string(l));
    return true;
  });
  if (!ok) warnings.push_back(path + ": cannot read the options file");
  return ok;
}

bool CameoDictionary::load_tabari_project(const std::string& path, std::vector<std::string>& warnings) {
  std::ifstream in(path);
  if (!in) {
    warnings.push_back(path + ": cannot read the TABARI project file");
    return false;
  }
  // TABARI's default MINIMUM WORDS; an options file may change it.
  options_.min_words = 8;
  fs::path dir = fs::path(path).parent_path();
  std::string line;
  std::vector<std::pair<std::string, std::string>> files;  // tag, path
  while (std::getline(in, line)) {
    std::string_view l = trim(line);
    if (!l.starts_with("<")) continue;
    size_t close = l.find('>');
    if (close == std::string_view::npos) continue;
    std::string tag = upper(l.substr(1, close - 1));
    std::string file(trim(l.substr(close + 1)));
    if (file.empty()) continue;
    files.emplace_back(tag, (dir / file).string());
  }
  bool verbs = false;
  for (const auto& [tag, file] : files) {
    if (tag == "VERBSFILE") verbs |= load_verbs(file, warnings);
    else if (tag == "ACTORSFILE") load_actors(file, warnings);
    else if (tag == "AGENTSFILE") load_agents(file, warnings);
    else if (tag == "OPTIONSFILE") load_options(file, warnings);
  }
  if (!verbs) warnings.push_back(path + ": no verb dictionary could be loaded");
  index();
  return verbs;
}

namespace {

// The files `paths` name: each file given, and the .txt files of each
// directory.
std::vector<std::string> petrarch_files(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const auto& p : paths)
    for (auto& f : dictionary_files(p, {".txt"})) files.push_back(std::move(f));
  return files;
}

bool is_petrarch_verb_file(const std::string& path) {
  std::string name = upper(fs::path(path).filename().string());
  return name.find("VERB") != std::string::npos || name.starts_with("CAMEO.");
}

}  // namespace

std::vector<std::string> CameoDictionary::petrarch_verb_files(const std::vector<std::string>& paths) {
  std::vector<std::string> out = petrarch_files(paths);
  std::erase_if(out, [](const std::string& f) { return !is_petrarch_verb_file(f); });
  return out;
}

bool CameoDictionary::load_petrarch(const std::vector<std::string>& paths, std::vector<std::string>& warnings) {
  bool verbs = false;
  size_t verbs_before = verbs_.size(), actors_before = actors_.size(), agents_before = agents_.size();
  for (const auto& f : petrarch_files(paths)) {
    std::string name = upper(fs::path(f).filename().string());
    if (is_petrarch_verb_file(f)) verbs |= load_verbs(f, warnings);
    else if (name.find("AGENT") != std::string::npos) load_agents(f, warnings);
    else if (name.find("ACTOR") != std::string::npos) load_actors(f, warnings);
    else if (name.find("DISCARD") != std::string::npos) load_discards(f, warnings);
  }
  // PETRARCH matches whole words (with their regular endings), where
  // TABARI reads a word without '_' as the start of any longer word.
  std::vector<const std::vector<VerbPattern>*> done;
  for (size_t i = verbs_before; i < verbs_.size(); ++i) {
    close_open_words(verbs_[i].phrase);
    if (std::find(done.begin(), done.end(), verbs_[i].patterns.get()) != done.end()) continue;
    done.push_back(verbs_[i].patterns.get());
    for (auto& p : *verbs_[i].patterns) {
      close_open_words(p.upper);
      close_open_words(p.lower);
    }
  }
  for (size_t i = actors_before; i < actors_.size(); ++i) close_open_words(actors_[i].phrase);
  for (size_t i = agents_before; i < agents_.size(); ++i) close_open_words(agents_[i].phrase);
  for (auto& [name, set] : synsets_) {
    for (auto& p : set.phrases) close_open_words(p);
    for (auto& p : set.reversed) close_open_words(p);
  }
  options_.treebank_contractions = true;
  options_.agents_over_compounds = true;
  if (!verbs) warnings.push_back("no PETRARCH verb dictionary (a *verbs*.txt or CAMEO.*.txt file) was found");
  index();
  return verbs;
}

void CameoDictionary::lookup(const Index& index, std::string_view word, std::vector<int>& out) {
  out.clear();
  std::string key;
  for (size_t n = 1; n <= word.size(); ++n) {
    key.assign(word.substr(0, n));
    auto it = index.find(key);
    if (it != index.end()) out.insert(out.end(), it->second.begin(), it->second.end());
  }
  // A closed word such as DEPLORE_ also stands under DEPLOR + ING.
  if (word.size() > 3 && word.ends_with("ING")) {
    key.assign(word.substr(0, word.size() - 3));
    key.push_back('E');
    auto it = index.find(key);
    if (it != index.end()) out.insert(out.end(), it->second.begin(), it->second.end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

void CameoDictionary::index() {
  auto first_word = [](const Phrase& p) -> std::string {
    if (p.empty() || p[0].kind != PhraseElement::Kind::kWord) return "";
    return p[0].word;
  };
  verb_index_.clear();
  actor_index_.clear();
  agent_index_.clear();
  for (size_t i = 0; i < verbs_.size(); ++i) verb_index_[first_word(verbs_[i].phrase)].push_back(static_cast<int>(i));
  for (size_t i = 0; i < actors_.size(); ++i) actor_index_[first_word(actors_[i].phrase)].push_back(static_cast<int>(i));
  for (size_t i = 0; i < agents_.size(); ++i) agent_index_[first_word(agents_[i].phrase)].push_back(static_cast<int>(i));
  // Longest patterns first; among equals, the dictionary's order.
  std::vector<const std::vector<VerbPattern>*> seen;
  for (auto& v : verbs_) {
    if (!v.patterns || std::find(seen.begin(), seen.end(), v.patterns.get()) != seen.end()) continue;
    seen.push_back(v.patterns.get());
    std::stable_sort(v.patterns->begin(), v.patterns->end(),
                     [](const VerbPattern& a, const VerbPattern& b) { return a.weight > b.weight; });
  }
}

bool CameoDictionary::word_listed(const std::vector<Phrase>& list, std::string_view word) const {
  for (const auto& p : list)
    if (p.size() == 1 && word_matches(p[0], word, Endings::kNoun)) return true;
  return false;
}

bool CameoDictionary::is_noun(std::string_view word) const { return word_listed(nouns_, word); }
bool CameoDictionary::is_adjective(std::string_view word) const { return word_listed(adjectives_, word); }

}  // namespace seismo::cameo
