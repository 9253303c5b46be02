// Writes a labelled synthetic corpus of news pages: articles with comment
// threads, donation and share widgets, disclaimers, teasers and reprints of
// one outlet by another. Every page says it is synthetic (title prefix and
// <meta name="generator">). Used by `make demo` when ../shared/seeds is
// absent, and by the speed benchmarks (which need thousands of pages).
//
//   synth_corpus html DIR N        N pages as DIR/page-00001.html ...
//   synth_corpus warc FILE N       N pages as WARC response records, gzip per record
//   synth_corpus bigtext FILE MB   one line of MB megabytes of news sentences naming real
//                                  places, actors and dates, no line break (scripts/bench bigdoc)
//   synth_corpus bightml FILE MB   the same text as one <p> of an HTML page
#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace {

const std::vector<std::string> kTowns = {"Northbridge", "Eastvale", "Riverford", "Stonehill", "Lakeport", "Millbrook"};
const std::vector<std::string> kActors = {"the regional police", "local residents", "the interior ministry",
                                          "peacekeeping troops", "the town council", "opposition parties"};
const std::vector<std::string> kVerbs = {"blocked the main road near", "gathered in front of the town hall in",
                                         "announced new measures for", "sent additional units to",
                                         "called for calm in", "opened talks about"};
const std::vector<std::string> kOutlets = {"Valley Courier", "Northern Wire", "Plains Gazette"};
const std::vector<std::string> kComments = {
    "This has been going on for months and nobody listens to us.", "Good reporting, thank you for the update.",
    "I doubt the talks will change anything on the ground.", "They play both sides, as always.",
    "Does anyone know if the border crossing is open today?"};
const std::vector<std::string> kNames = {"Ana", "Marko Petrov", "river_watcher", "Elena K", "guest123"};

struct Gen {
  std::mt19937 rng;
  explicit Gen(unsigned seed) : rng(seed) {}
  const std::string& pick(const std::vector<std::string>& v) { return v[rng() % v.size()]; }
  int range(int lo, int hi) { return lo + static_cast<int>(rng() % static_cast<unsigned>(hi - lo + 1)); }
};

std::string sentence(Gen& g, int day) {
  std::string s = g.pick(kActors) + " " + g.pick(kVerbs) + " " + g.pick(kTowns) + " on " + std::to_string(day) +
                  " March, according to officials who spoke on condition of anonymity.";
  s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

std::string page(Gen& g, int n) {
  int day = 1 + n % 28;
  std::string outlet = g.pick(kOutlets);
  std::string title = "[synthetic] Tensions rise in " + g.pick(kTowns) + " (" + std::to_string(n) + ")";
  std::string date = "2023-03-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
  std::string h = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + " | " + outlet +
                  "</title><meta name=\"generator\" content=\"seismo synth_corpus (synthetic)\">"
                  "<meta property=\"og:site_name\" content=\"" + outlet + "\">"
                  "<meta property=\"article:published_time\" content=\"" + date + "T09:00:00Z\"></head><body>"
                  "<header class=\"site-header\"><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav></header>"
                  "<div class=\"donate-widget\">0 $ 2,500 $ 5,000 $ Support " + outlet + "</div><main><article><h1>" +
                  title + "</h1><p class=\"byline\">By Staff Writer</p>";
  int paragraphs = g.range(4, 9);
  for (int p = 0; p < paragraphs; ++p) {
    h += "<p>";
    int sentences = g.range(2, 4);
    for (int s = 0; s < sentences; ++s) h += sentence(g, day) + " ";
    h += "</p>";
  }
  if (n % 5 == 0) h += "<p>Originally published on " + g.pick(kOutlets) + "</p>";
  h += "<figure><img src=\"x.jpg\"><figcaption>Photo: archive</figcaption></figure>"
       "<div class=\"share-buttons\">Share on social media</div></article>"
       "<aside class=\"related\"><h3>Related</h3><ul><li><a href=\"/a\">Another story</a></li></ul></aside>"
       "<div id=\"comments\" class=\"comments-area\"><h2>Comments</h2><ol class=\"comment-list\">";
  int comments = g.range(0, 6);
  for (int c = 0; c < comments; ++c) {
    h += "<li class=\"comment\" id=\"comment-" + std::to_string(c) + "\"><div class=\"comment-author\"><cite class=\"fn\">" +
         g.pick(kNames) + "</cite></div><time datetime=\"" + date + "T1" + std::to_string(c) +
         ":00\"></time><div class=\"comment-content\"><p>" + g.pick(kComments) + "</p></div></li>";
  }
  h += "</ol></div></main><footer><p>Copyright 2023 " + outlet + ". All rights reserved.</p></footer></body></html>";
  return h;
}

int write_html(const std::string& dir, int n) {
  std::filesystem::create_directories(dir);
  Gen g(42);
  for (int i = 1; i <= n; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "/page-%05d.html", i);
    std::ofstream(dir + name) << page(g, i);
  }
  return 0;
}

int write_warc(const std::string& file, int n) {
  FILE* out = std::fopen(file.c_str(), "wb");
  if (!out) { std::perror(file.c_str()); return 1; }
  Gen g(42);
  for (int i = 1; i <= n; ++i) {
    std::string html = page(g, i);
    std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html;
    std::string rec = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://synthetic.example/" +
                      std::to_string(i) + "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
                      std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
    // One gzip member per record, as Common Crawl writes them.
    uLongf cap = compressBound(rec.size()) + 64;
    std::string buf(cap, '\0');
    z_stream z{};
    deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    z.next_in = reinterpret_cast<Bytef*>(rec.data());
    z.avail_in = static_cast<uInt>(rec.size());
    z.next_out = reinterpret_cast<Bytef*>(buf.data());
    z.avail_out = static_cast<uInt>(buf.size());
    deflate(&z, Z_FINISH);
    std::fwrite(buf.data(), 1, buf.size() - z.avail_out, out);
    deflateEnd(&z);
  }
  std::fclose(out);
  return 0;
}

// Sentences that name what the gazetteer and the dictionaries know, so that
// every stage has work on every sentence: the worst case of a huge page.
const std::vector<std::string> kBigActors = {"NATO", "Serbia", "Kosovo police", "Belgrade", "The government of Serbia",
                                             "KFOR troops", "Aleksandar Vucic", "Albin Kurti", "The European Union"};
const std::vector<std::string> kBigVerbs = {"condemned", "met with", "accused", "sent troops to",
                                            "called for talks with", "protested against", "warned"};
const std::vector<std::string> kBigPlaces = {"Pristina", "Belgrade", "Mitrovica", "Zvecan",
                                             "Leposavic", "Kosovo", "Serbia", "Gracanica"};
const std::vector<std::string> kBigDates = {"on Monday", "on 10 December 2022", "in November", "last week",
                                            "on 3 May 2023", "yesterday"};

int write_big(const std::string& file, double megabytes, bool html) {
  FILE* out = std::fopen(file.c_str(), "wb");
  if (!out) { std::perror(file.c_str()); return 1; }
  Gen g(7);
  const auto target = static_cast<size_t>(megabytes * 1e6);
  if (html)
    std::fputs("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>[synthetic] One huge page</title>"
               "<meta name=\"generator\" content=\"seismo synth_corpus (synthetic)\"></head><body><article>"
               "<h1>[synthetic] One huge page</h1><p>",
               out);
  std::string s;
  for (size_t written = 0; written < target; written += s.size()) {
    s = g.pick(kBigActors) + " " + g.pick(kBigVerbs) + " " + g.pick(kBigActors) + " in " + g.pick(kBigPlaces) + " " +
        g.pick(kBigDates) + ", officials said. ";
    std::fwrite(s.data(), 1, s.size(), out);
  }
  if (html) std::fputs("</p></article></body></html>", out);
  std::fclose(out);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: synth_corpus html DIR N | warc FILE N | bigtext FILE MB | bightml FILE MB\n");
    return 2;
  }
  std::string mode = argv[1];
  int n = std::atoi(argv[3]);
  if (mode == "html") return write_html(argv[2], n);
  if (mode == "warc") return write_warc(argv[2], n);
  if (mode == "bigtext" || mode == "bightml") return write_big(argv[2], std::atof(argv[3]), mode == "bightml");
  std::fprintf(stderr, "synth_corpus: unknown mode %s\n", mode.c_str());
  return 2;
}
