#include "syntax/parser.h"

#include <algorithm>
#include <climits>

#include "syntax/feature_hash.h"

namespace seismo::syntax {

uint64_t coarse_tag_hash(std::string_view upos) { return string_hash(upos) | 2; }  // never 0 (none) or 1 (root)

ParserState::ParserState(int words)
    : n(words),
      head(words + 1, -1),
      label(words + 1, -1),
      left1(words + 1, -1),
      left2(words + 1, -1),
      right1(words + 1, -1),
      right2(words + 1, -1),
      nleft(words + 1, 0),
      nright(words + 1, 0),
      left_labels(words + 1, 0),
      right_labels(words + 1, 0) {
  stack.reserve(words + 1);
}

bool ParserState::legal(Move m) const {
  switch (m) {
    case kShift: return b < n;
    case kLeft: return !stack.empty();
    case kRight: return stack.size() >= 2;
  }
  return false;
}

void ParserState::apply(Move m, int lab) {
  if (m == kShift) {
    stack.push_back(b++);
    return;
  }
  int h = arc_head(m), d = arc_dependent();
  stack.pop_back();
  head[d] = h;
  label[d] = lab;
  if (d < h) {  // each new left child is further left than the last
    left2[h] = left1[h];
    left1[h] = d;
    ++nleft[h];
    if (lab >= 0 && lab < 64) left_labels[h] |= uint64_t{1} << lab;
  } else {  // each new right child is further right than the last
    right2[h] = right1[h];
    right1[h] = d;
    ++nright[h];
    if (lab >= 0 && lab < 64) right_labels[h] |= uint64_t{1} << lab;
  }
}

namespace {

constexpr uint64_t kNone = 0x6e6f6e65, kRootWord = 0x726f6f74;

struct Word {
  uint64_t w = kNone, p = 0, l = 0;  // word hash, tag + 2 (0 none, 1 root), label + 1 (0 none)
  uint64_t c = 0;                    // coarse tag hash (0 none, 1 root)
};

Word word_at(const ParseInput& in, const ParserState& s, int i) {
  Word x;
  if (i < 0) return x;
  if (i == s.n) {
    x.w = kRootWord;
    x.p = 1;
    x.c = 1;
    return x;
  }
  x.w = in.word[i];
  x.p = static_cast<uint64_t>(in.tag[i]) + 2;
  x.c = in.coarse[i];
  x.l = static_cast<uint64_t>(s.label[i] + 1);
  return x;
}

uint64_t distance_bin(int a, int b) {
  int d = b - a;
  if (d < 0) d = -d;
  return d <= 4 ? d : d <= 7 ? 5 : d <= 12 ? 6 : 7;
}

uint64_t valency(int v) { return v < 4 ? v : 4; }

}  // namespace

void parser_features(const ParseInput& in, const ParserState& s, std::vector<uint64_t>& out) {
  out.clear();
  size_t depth = s.stack.size();
  int i0 = depth >= 1 ? s.stack[depth - 1] : -1, i1 = depth >= 2 ? s.stack[depth - 2] : -1,
      i2 = depth >= 3 ? s.stack[depth - 3] : -1;
  int j0 = s.b, j1 = s.b + 1 <= s.n ? s.b + 1 : -1, j2 = s.b + 2 <= s.n ? s.b + 2 : -1;
  auto at = [&](int i) { return word_at(in, s, i); };
  auto child = [&](const std::vector<int>& v, int i) { return i >= 0 ? v[i] : -1; };
  Word s0 = at(i0), s1 = at(i1), s2 = at(i2), b0 = at(j0), b1 = at(j1), b2 = at(j2);
  Word s0l = at(child(s.left1, i0)), s0l2 = at(child(s.left2, i0)), s0r = at(child(s.right1, i0)),
       s0r2 = at(child(s.right2, i0)), s1l = at(child(s.left1, i1)), s1r = at(child(s.right1, i1)),
       b0l = at(child(s.left1, j0)), b0l2 = at(child(s.left2, j0));
  uint64_t d = i0 >= 0 ? (j0 == s.n ? 8 : distance_bin(i0, j0)) : 9;
  uint64_t s0vl = i0 >= 0 ? valency(s.nleft[i0]) : 5, s0vr = i0 >= 0 ? valency(s.nright[i0]) : 5,
           b0vl = valency(s.nleft[j0]), s1vr = i1 >= 0 ? valency(s.nright[i1]) : 5;
  auto f = [&](uint64_t t, uint64_t a, uint64_t b = 0, uint64_t c = 0) { out.push_back(feature(t + 1000, a, b, c)); };
  // Single words.
  f(1, s0.w); f(2, s0.p); f(3, s0.w, s0.p);
  f(4, s1.w); f(5, s1.p); f(6, s1.w, s1.p);
  f(7, b0.w); f(8, b0.p); f(9, b0.w, b0.p);
  f(10, b1.w); f(11, b1.p); f(12, b1.w, b1.p);
  f(13, b2.w); f(14, b2.p); f(15, s2.p); f(16, s2.w, s2.p);
  // Pairs of s0 and b0, and neighbours.
  f(20, s0.w, s0.p, b0.w * 31 + b0.p); f(21, s0.w, s0.p, b0.w); f(22, s0.w, b0.w, b0.p);
  f(23, s0.w, s0.p, b0.p); f(24, s0.p, b0.w, b0.p); f(25, s0.w, b0.w); f(26, s0.p, b0.p);
  f(27, b0.p, b1.p); f(28, s0.w, s1.w); f(29, s0.p, s1.p); f(30, s0.w, s1.p); f(31, s0.p, s1.w);
  f(32, s0.w, s0.p, s1.p); f(33, s0.p, s1.w, s1.p); f(34, b0.w, b1.w); f(35, b0.w, b0.p, b1.p);
  // Triples of tags.
  f(40, b0.p, b1.p, b2.p); f(41, s0.p, b0.p, b1.p); f(42, s1.p, s0.p, b0.p); f(43, s0.p, s0l.p, b0.p);
  f(44, s0.p, s0r.p, b0.p); f(45, s0.p, b0.p, b0l.p); f(46, s2.p, s1.p, s0.p); f(47, s1.p, s1r.p, s0.p);
  f(48, s1.p, s0.p, s0r.p); f(49, s1.p, s1l.p, s0.p); f(50, s1.p, s0.p, b0.p * 64 + b1.p);
  // Distance.
  f(60, s0.w, d); f(61, s0.p, d); f(62, b0.w, d); f(63, b0.p, d); f(64, s0.w, b0.w, d); f(65, s0.p, b0.p, d);
  f(66, s1.p, s0.p, d);
  // Valency.
  f(70, s0.w, s0vr); f(71, s0.p, s0vr); f(72, s0.w, s0vl); f(73, s0.p, s0vl); f(74, b0.w, b0vl);
  f(75, b0.p, b0vl); f(76, s1.p, s1vr); f(77, s1.w, s1vr);
  // Children: words, tags, labels.
  f(80, s0l.w); f(81, s0l.p); f(82, s0l.l); f(83, s0r.w); f(84, s0r.p); f(85, s0r.l);
  f(86, b0l.w); f(87, b0l.p); f(88, b0l.l); f(89, s1r.w); f(90, s1r.p); f(91, s1r.l);
  f(92, s1l.p, s1l.l); f(93, s0l2.p, s0l2.l); f(94, s0r2.p, s0r2.l); f(95, b0l2.p, b0l2.l);
  f(96, s0.p, s0l.p, s0l2.p); f(97, s0.p, s0r.p, s0r2.p); f(98, b0.p, b0l.p, b0l2.p);
  f(99, s0.p, s0l.l, s0l2.l); f(100, s0.p, s0r.l, s0r2.l); f(101, b0.p, b0l.l, b0l2.l);
  f(102, s1.p, s1r.l, s1l.l);
  f(103, s0.w, s0l.l, s0r.l); f(104, b0.w, b0l.l); f(105, s1.p, s1r.l, s0.p);
  f(106, s0.w, s0r.p); f(107, s0.w, s0l.p); f(108, b0.w, b0l.p);
  f(109, s0.p, s0r.l, b0.p); f(110, s0.p, s0l.l, b0.p); f(111, s1.w, s0.w, b0.w);
  // Coarse tags.
  f(120, s0.c, b0.c); f(121, s0.c, b0.c, b1.c); f(122, s1.c, s0.c, b0.c); f(123, s0.w, b0.c);
  f(124, s0.c, b0.w); f(125, s0.c, s0l.c, s0r.c); f(126, b0.c, b0l.c, b1.c); f(127, s0.c, b0.c, d);
  f(128, s1.c, s1r.c, s0.c); f(129, s2.c, s1.c, s0.c);
  // Label sets: every label among the children on one side.
  auto lset = [](const std::vector<uint64_t>& v, int i) { return i >= 0 ? v[i] + 1 : 0; };
  f(130, s0.p, lset(s.left_labels, i0)); f(131, s0.p, lset(s.right_labels, i0)); f(132, b0.p, lset(s.left_labels, j0));
  f(133, s1.p, lset(s.right_labels, i1)); f(134, s0.w, lset(s.right_labels, i0)); f(135, b0.w, lset(s.left_labels, j0));
  f(136, s0.w, b0.w, b1.p); f(137, s0.p, b0.w, b1.w);
}

void label_features(const ParseInput& in, const ParserState& s, int head, int dep, std::vector<uint64_t>& out) {
  out.clear();
  auto at = [&](int i) { return word_at(in, s, i); };
  Word h = at(head), d = at(dep), dl = at(s.left1[dep]), dr = at(s.right1[dep]), dl2 = at(s.left2[dep]),
       hl = at(s.left1[head]), hr = at(s.right1[head]);
  Word before = at(dep > 0 ? dep - 1 : -1), after = at(dep + 1 < s.n ? dep + 1 : -1),
       hafter = at(head + 1 < s.n ? head + 1 : -1), hbefore = at(head > 0 ? head - 1 : -1);
  uint64_t dir = dep < head ? 1 : 2, dist = distance_bin(head, dep);
  auto f = [&](uint64_t t, uint64_t a, uint64_t b = 0, uint64_t c = 0) { out.push_back(feature(t + 2000, a, b, c)); };
  f(1, dir); f(2, d.w); f(3, d.p, dir); f(4, d.w, d.p, dir); f(5, h.w, dir); f(6, h.p, dir);
  f(7, h.w, h.p, dir); f(8, h.p, d.p, dir); f(9, h.w, d.w, dir); f(10, h.p, d.w, dir); f(11, h.w, d.p, dir);
  f(12, h.p, d.p, dist * 4 + dir); f(13, d.p, dl.l, dr.l); f(14, d.p, dl.p, dir); f(15, d.p, dr.p, dir);
  f(16, d.w, dl.l); f(17, h.p, hl.l, dir); f(18, h.p, hr.l, dir); f(19, d.p, before.p, after.p);
  f(20, h.p, hafter.p, dir); f(21, d.p, dl.w); f(22, h.p, d.p, dl.p * 64 + dr.p);
  f(23, dl2.l, dl.l, d.p); f(24, d.p, valency(s.nleft[dep]), valency(s.nright[dep]));
  f(25, h.p, hbefore.p, d.p); f(26, d.w, h.p, dl.l); f(27, h.w, d.p, hl.l); f(28, before.w, d.p);
  f(29, h.c, d.c, dir); f(30, h.c, d.w, dir); f(31, h.w, d.c, dir); f(32, h.c, d.c, dist * 4 + dir);
}

int move_cost(const ParserState& s, Move m, const std::vector<int>& gold) {
  if (!s.legal(m)) return INT_MAX;
  int cost = 0;
  size_t depth = s.stack.size();
  if (m == kShift) {
    // b0 can still take s0 as head (RIGHT) or a later word (LEFT), but
    // neither a head deeper in the stack nor any dependent on the stack.
    for (size_t k = 0; k < depth; ++k) {
      int w = s.stack[k];
      if (k + 1 < depth && gold[s.b] == w) ++cost;
      if (gold[w] == s.b) ++cost;
    }
    return cost;
  }
  int s0 = s.stack.back();
  int h = s.arc_head(m);
  // s0 loses its dependents still in the buffer...
  for (int k = s.b; k < s.n; ++k)
    if (gold[k] == s0) ++cost;
  // ...and its gold head unless that is the head this move gives it; from
  // s1 or the buffer only (deeper stack heads are already lost).
  int g = gold[s0];
  if (g != h) {
    bool reachable = (depth >= 2 && g == s.stack[depth - 2]) || (g >= s.b && g <= s.n);
    if (reachable) ++cost;
  }
  return cost;
}

void parse_words(const ParserModels& models, const ParseInput& in, std::vector<int>& heads, std::vector<int>& labels) {
  int n = static_cast<int>(in.size());
  ParserState s(n);
  std::vector<uint64_t> feats;
  std::vector<int32_t> scores(kMoves), lscores(models.labels->classes());
  while (!s.terminal()) {
    parser_features(in, s, feats);
    models.moves->score(feats.data(), feats.size(), scores.data());
    Move best = kShift;
    int32_t best_score = INT_MIN;
    for (int m = 0; m < kMoves; ++m)
      if (s.legal(static_cast<Move>(m)) && scores[m] > best_score) {
        best = static_cast<Move>(m);
        best_score = scores[m];
      }
    int label = -1;
    if (best != kShift) {
      int h = s.arc_head(best), d = s.arc_dependent();
      if (h == n) {
        label = models.root_label;
      } else {
        label_features(in, s, h, d, feats);
        models.labels->score(feats.data(), feats.size(), lscores.data());
        lscores[models.root_label] = INT_MIN;
        label = static_cast<int>(std::max_element(lscores.begin(), lscores.end()) - lscores.begin());
      }
    }
    s.apply(best, label);
  }
  heads.assign(s.head.begin(), s.head.begin() + n);
  labels.assign(s.label.begin(), s.label.begin() + n);
}

}  // namespace seismo::syntax
