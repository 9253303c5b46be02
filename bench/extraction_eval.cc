// Scores seismo's extraction on the public benchmarks in
// ../shared/benchmarks/extraction, exactly as each benchmark defines its
// metric (see that folder's README):
//   extraction_eval zyte DIR         body F1 over 4-token shingles of \w+ tokens
//   extraction_eval trafilatura DIR  pooled must/must-not snippet F1, comment snippets
//   extraction_eval htmldate DIR     publication date right to the day
// Options: --half even|odd (every other page, for held-out checks),
//          --dump (per-page scores on stderr), --json (figures as JSON).
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/text.h"
#include "extract/extract.h"
#include "ingest/ingest.h"

using namespace seismo;
using Json = nlohmann::json;

namespace {

struct Options {
  std::string half;
  bool dump = false;
  bool as_json = false;
};

Json load_json(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // Some sets write NaN for "no date"; JSON has no NaN.
  for (size_t p = text.find(": NaN"); p != std::string::npos; p = text.find(": NaN", p)) text.replace(p, 5, ": null");
  return Json::parse(text);
}

bool load_page(const std::string& path, const std::string& url, RawDocument& doc) {
  bool ok = false;
  if (FILE* f = std::fopen(path.c_str(), "rb")) std::fclose(f);
  else return false;  // the set lists pages it does not ship
  DocumentReader reader({path}, ReaderOptions{}, [&](const IngestError& e) {
    std::fprintf(stderr, "%s: %s\n", e.where.c_str(), e.message.c_str());
  });
  ok = reader.next(doc);
  doc.url = url;
  return ok;
}

bool in_half(size_t index, const Options& o) {
  if (o.half == "even") return index % 2 == 0;
  if (o.half == "odd") return index % 2 == 1;
  return true;
}

// Python's \w+: runs of Unicode letters, digits, marks and '_'.
std::vector<std::string> word_tokens(std::string_view s) {
  std::vector<std::string> out;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t n = static_cast<int32_t>(s.size()), i = 0;
  std::string cur;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    bool w = c == '_' || (c >= 0 && (u_isalnum(c) || u_getCombiningClass(c) > 0 || (U_GET_GC_MASK(c) & U_GC_M_MASK)));
    if (w) cur.append(reinterpret_cast<const char*>(p + start), i - start);
    else if (!cur.empty()) { out.push_back(std::move(cur)); cur.clear(); }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::map<std::string, int> shingles(std::string_view s) {
  auto t = word_tokens(s);
  std::map<std::string, int> out;
  for (size_t k = 0; k + 4 <= t.size(); ++k) ++out[t[k] + '\x1f' + t[k + 1] + '\x1f' + t[k + 2] + '\x1f' + t[k + 3]];
  return out;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

int run_zyte(const std::string& dir, const Options& o) {
  Json truth = load_json(dir + "/ground-truth.json");
  double sum_p = 0, sum_r = 0, extract_secs = 0;
  size_t pages = 0, index = 0;
  for (auto& [id, item] : truth.items()) {
    if (!in_half(index++, o)) continue;
    RawDocument doc;
    if (!load_page(dir + "/html/" + id + ".html.gz", item.value("url", ""), doc)) continue;
    auto t0 = std::chrono::steady_clock::now();
    Article a = extract_article(doc);
    extract_secs += seconds_since(t0);
    auto pred = shingles(join_paragraphs(a.paragraphs));
    auto gold = shingles(item.value("articleBody", ""));
    double p = 1, r = 1;
    if (!(pred.empty() && gold.empty())) {
      int tp = 0, np = 0, ng = 0;
      for (auto& [k, v] : pred) {
        np += v;
        auto it = gold.find(k);
        if (it != gold.end()) tp += std::min(v, it->second);
      }
      for (auto& [k, v] : gold) ng += v;
      p = np ? static_cast<double>(tp) / np : 0;
      r = ng ? static_cast<double>(tp) / ng : 0;
    }
    if (o.dump) std::fprintf(stderr, "%s\tP=%.3f\tR=%.3f\t%s\n", id.c_str(), p, r, item.value("url", "").c_str());
    sum_p += p;
    sum_r += r;
    ++pages;
  }
  double P = sum_p / pages, R = sum_r / pages, F = 2 * P * R / (P + R);
  if (o.as_json) {
    std::printf("%s\n", Json{{"benchmark", "zyte"}, {"pages", pages}, {"precision", P}, {"recall", R}, {"f1", F},
                             {"extract_pages_per_s", pages / extract_secs}}.dump().c_str());
  } else {
    std::printf("zyte: %zu pages  precision %.3f  recall %.3f  F1 %.3f  (extraction %.0f pages/s on one core)\n", pages, P,
                R, F, pages / extract_secs);
  }
  return 0;
}

std::string normalise(std::string_view s) { return collapse_whitespace(s); }

int run_trafilatura(const std::string& dir, const Options& o) {
  Json data = load_json(dir + "/evaldata.json");
  long tp = 0, fp = 0, fn = 0, tn = 0, com_found = 0, com_total = 0, com_in_body = 0;
  size_t pages = 0, index = 0;
  for (auto& [url, item] : data.items()) {
    if (!in_half(index++, o)) continue;
    RawDocument doc;
    if (!load_page(dir + "/html/" + item.value("file", "") + ".gz", url, doc)) continue;
    Article a = extract_article(doc);
    std::string body = normalise(join_paragraphs(a.paragraphs));
    std::string comments;
    for (const auto& c : a.comments) comments += normalise(c.text) + " ";
    int page_fp = 0, page_fn = 0;
    std::string misses;  // the snippets this page got wrong, for --dump
    for (const auto& s : item.value("with", Json::array())) {
      if (body.find(normalise(s.get<std::string>())) != std::string::npos) ++tp;
      else { ++fn; ++page_fn; misses += "\t  missed: " + s.get<std::string>() + "\n"; }
    }
    for (const auto& s : item.value("without", Json::array())) {
      if (body.find(normalise(s.get<std::string>())) != std::string::npos) { ++fp; ++page_fp; misses += "\t  kept: " + s.get<std::string>() + "\n"; }
      else ++tn;
    }
    for (const auto& s : item.value("comments", Json::array())) {
      std::string snip = normalise(s.get<std::string>());
      ++com_total;
      if (comments.find(snip) != std::string::npos) ++com_found;
      if (body.find(snip) != std::string::npos) ++com_in_body;
    }
    if (o.dump && (page_fp || page_fn))
      std::fprintf(stderr, "%s\tFP=%d\tFN=%d\t%s\n%s", item.value("file", "").c_str(), page_fp, page_fn, url.c_str(), misses.c_str());
    ++pages;
  }
  double P = double(tp) / (tp + fp), R = double(tp) / (tp + fn), F = 2 * P * R / (P + R);
  if (o.as_json) {
    std::printf("%s\n", Json{{"benchmark", "trafilatura"}, {"pages", pages}, {"precision", P}, {"recall", R}, {"f1", F},
                             {"comment_snippets", com_total}, {"comment_snippets_in_comments", com_found},
                             {"comment_snippets_in_body", com_in_body}}.dump().c_str());
  } else {
    std::printf("trafilatura: %zu pages  precision %.3f  recall %.3f  F1 %.3f  comment snippets: %ld/%ld in comments, %ld in body\n",
                pages, P, R, F, com_found, com_total, com_in_body);
  }
  return 0;
}

int run_htmldate(const std::string& dir, const Options& o) {
  size_t pages = 0, right = 0, found = 0, index = 0;
  std::map<std::string, std::pair<int, int>> by_signal;
  for (const char* set : {"eval_default.json", "eval_mediacloud_2020.json"}) {
    Json data = load_json(dir + "/" + set);
    for (auto& [url, item] : data.items()) {
      if (!in_half(index++, o)) continue;
      RawDocument doc;
      if (!load_page(dir + "/html/" + item.value("file", "") + ".gz", url, doc)) continue;
      Article a = extract_article(doc);
      if (!item["date"].is_string()) continue;
      std::string gold = item["date"].get<std::string>();
      std::string got = a.published.substr(0, 10);
      bool ok = got == gold;
      ++pages;
      right += ok;
      found += !got.empty();
      auto& s = by_signal[a.published_from.empty() ? "none" : a.published_from];
      ++s.first;
      s.second += ok;
      if (o.dump && !ok) std::fprintf(stderr, "%s\tgold=%s\tgot=%s (%s)\t%s\n", item.value("file", "").c_str(), gold.c_str(), got.c_str(), a.published_from.c_str(), url.c_str());
    }
  }
  double acc = double(right) / pages;
  if (o.as_json) {
    Json sig;
    for (auto& [k, v] : by_signal) sig[k] = {{"pages", v.first}, {"right", v.second}};
    std::printf("%s\n", Json{{"benchmark", "htmldate"}, {"pages", pages}, {"accuracy", acc}, {"found", found}, {"by_signal", sig}}.dump().c_str());
  } else {
    std::printf("htmldate: %zu pages  accuracy %.3f  (a date given for %zu)\n", pages, acc, found);
    for (auto& [k, v] : by_signal) std::printf("  %-14s %4d pages, %4d right\n", k.c_str(), v.first, v.second);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: extraction_eval zyte|trafilatura|htmldate DIR [--half even|odd] [--dump] [--json]\n");
    return 2;
  }
  std::string which = argv[1], dir = argv[2];
  Options o;
  for (int i = 3; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--half" && i + 1 < argc) o.half = argv[++i];
    else if (a == "--dump") o.dump = true;
    else if (a == "--json") o.as_json = true;
  }
  try {
    if (which == "zyte") return run_zyte(dir, o);
    if (which == "trafilatura") return run_trafilatura(dir, o);
    if (which == "htmldate") return run_htmldate(dir, o);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "extraction_eval: %s\n", e.what());
    return 1;
  }
  std::fprintf(stderr, "extraction_eval: unknown benchmark %s\n", which.c_str());
  return 2;
}
