// Aligned tables for the terminal: a header row, columns as wide as their
// widest cell in display columns (a CJK character takes two, a combining
// accent none), shrunk to the terminal's width when stdout is one. Piped
// output is never cut, but each row stays on one line.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace seismo::cli {

// Columns a string takes on a terminal (ICU's East Asian width).
size_t display_width(const std::string& s);

// The width to fit tables to: $COLUMNS when set, else the terminal's
// (TIOCGWINSZ on stdout); 0 when stdout is not a terminal: no limit.
size_t output_width();

struct Column {
  std::string header;
  bool right = false;   // numbers
  bool shrink = false;  // may be cut to fit (titles, sentences); others never are
};

class Table {
 public:
  explicit Table(std::vector<Column> columns);
  // Newlines and tabs inside a cell become spaces: one row, one line.
  void add(std::vector<std::string> cells);
  // Prints the header and the rows, fitted to output_width().
  void print() const;

 private:
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace seismo::cli
