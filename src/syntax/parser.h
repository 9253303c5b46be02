// Greedy arc-hybrid dependency parsing (Kuhlmann et al. 2011) with the root
// at the end of the buffer (Ballesteros & Nivre 2013): SHIFT moves the first
// buffer word onto the stack, LEFT makes the first buffer word the head of
// the stack top and pops it, RIGHT makes the word below the stack top its
// head and pops it. A perceptron chooses the move from Zhang & Nivre (2011)
// style features; a second one labels each arc when it is made, so later
// features see the labels of the children already attached.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "syntax/linear_model.h"

namespace seismo::syntax {

enum Move { kShift = 0, kLeft = 1, kRight = 2 };
inline constexpr int kMoves = 3;

// Per word: its normalised form's hash, its tag class and a hash of the
// class's UPOS (the coarse tag: features that generalise across XPOS).
struct ParseInput {
  std::vector<uint64_t> word;
  std::vector<int> tag;
  std::vector<uint64_t> coarse;
  size_t size() const { return word.size(); }
};

// ParseInput::coarse of a UPOS.
uint64_t coarse_tag_hash(std::string_view upos);

class ParserState {
 public:
  explicit ParserState(int n);
  int n;  // words 0..n-1; n is the root
  std::vector<int> stack;
  int b = 0;  // first buffer position; the buffer is b..n
  std::vector<int> head, label;
  std::vector<int> left1, left2, right1, right2;  // outermost children, -1 when none
  std::vector<int> nleft, nright;
  std::vector<uint64_t> left_labels, right_labels;  // bit per label class (< 64) of all children on each side

  bool terminal() const { return stack.empty() && b == n; }
  bool legal(Move m) const;
  // Applies the move; an arc gets `label`.
  void apply(Move m, int label);
  // The (head, dependent) of the arc a move would make.
  int arc_head(Move m) const { return m == kLeft ? b : stack[stack.size() - 2]; }
  int arc_dependent() const { return stack.back(); }
};

void parser_features(const ParseInput& in, const ParserState& s, std::vector<uint64_t>& out);
// Features for labelling the arc head -> dep about to be made.
void label_features(const ParseInput& in, const ParserState& s, int head, int dep, std::vector<uint64_t>& out);

// How many gold arcs the move makes unreachable (Goldberg & Nivre 2013);
// gold[i] is word i's gold head (n for the root).
int move_cost(const ParserState& s, Move m, const std::vector<int>& gold);

struct ParserModels {
  const LinearModel* moves = nullptr;
  const LinearModel* labels = nullptr;
  int root_label = 0;  // the class of "root": the only label of arcs from the root, never of others
};

// Heads (n = root) and label classes of the n words.
void parse_words(const ParserModels& models, const ParseInput& in, std::vector<int>& heads, std::vector<int>& labels);

}  // namespace seismo::syntax
