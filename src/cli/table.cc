#include "cli/table.h"

#include <sys/ioctl.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace seismo::cli {
namespace {

size_t char_width(UChar32 c) {
  int8_t type = u_charType(c);
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) return 0;
  int w = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return w == U_EA_WIDE || w == U_EA_FULLWIDTH ? 2 : 1;
}

// The longest prefix of `s` that fits in `width` columns, with "…" when cut.
std::string fit(const std::string& s, size_t width) {
  if (display_width(s) <= width) return s;
  if (width == 0) return "";
  std::string out;
  size_t used = 0;
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    size_t w = c < 0 ? 1 : char_width(c);
    if (used + w + 1 > width) break;  // room for the ellipsis
    out.append(s, start, i - start);
    used += w;
  }
  return out + "…";
}

std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

}  // namespace

size_t display_width(const std::string& s) {
  size_t width = 0;
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    width += c < 0 ? 1 : char_width(c);
  }
  return width;
}

size_t output_width() {
  if (const char* columns = std::getenv("COLUMNS"); columns && std::atoi(columns) > 0) return std::atoi(columns);
  struct winsize ws;
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return 0;
}

Table::Table(std::vector<Column> columns) : columns_(std::move(columns)) {}

void Table::add(std::vector<std::string> cells) {
  cells.resize(columns_.size());
  for (auto& c : cells) c = one_line(std::move(c));
  rows_.push_back(std::move(cells));
}

void Table::print() const {
  const size_t gap = 2;
  std::vector<size_t> width(columns_.size());
  for (size_t k = 0; k < columns_.size(); ++k) width[k] = display_width(columns_[k].header);
  for (const auto& r : rows_)
    for (size_t k = 0; k < r.size(); ++k) width[k] = std::max(width[k], display_width(r[k]));
  // Over the terminal's width: the shrinkable columns give up columns, the
  // widest first, down to 12 each; ids, codes, numbers and place names keep
  // theirs, so that what a row is about is never lost.
  if (size_t limit = output_width(); limit > 0) {
    size_t total = gap * (columns_.size() - 1);
    for (size_t w : width) total += w;
    // The last shrinkable column (the sentence, the title) gives way first,
    // down to 30 columns, before the others lose any.
    for (size_t k = columns_.size(); k-- > 0;) {
      if (!columns_[k].shrink) continue;
      while (total > limit && width[k] > 30) --width[k], --total;
      break;
    }
    while (total > limit) {
      size_t widest = columns_.size();
      for (size_t k = 0; k < columns_.size(); ++k)
        if (columns_[k].shrink && width[k] > 12 && (widest == columns_.size() || width[k] > width[widest])) widest = k;
      if (widest == columns_.size()) break;
      --width[widest];
      --total;
    }
  }
  auto print_row = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (size_t k = 0; k < cells.size(); ++k) {
      std::string cell = fit(cells[k], width[k]);
      std::string padding(width[k] - std::min(width[k], display_width(cell)), ' ');
      if (k + 1 == cells.size() && !columns_[k].right) padding.clear();  // no trailing blanks
      line += (k ? std::string(gap, ' ') : "") + (columns_[k].right ? padding + cell : cell + padding);
    }
    line += "\n";
    std::fwrite(line.data(), 1, line.size(), stdout);
  };
  std::vector<std::string> header;
  for (const auto& c : columns_) header.push_back(c.header);
  print_row(header);
  for (const auto& r : rows_) print_row(r);
}

}  // namespace seismo::cli
