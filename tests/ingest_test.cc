#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <atomic>
#include <thread>

#include "ingest/ingest.h"
#include "test_files.h"

namespace seismo {
namespace {

using testing::TempDir;
using testing::warc_response;

struct Collected {
  std::vector<RawDocument> docs;
  std::vector<IngestError> errors;
};

Collected read_all(std::vector<std::string> paths, ReaderOptions opts = {}) {
  Collected c;
  DocumentReader r(paths, opts, [&](const IngestError& e) { c.errors.push_back(e); });
  RawDocument d;
  while (r.next(d)) c.docs.push_back(d);
  return c;
}

// `utf8` in another charset, by ICU (no BOM).
std::string encode(const std::string& utf8, const char* charset) {
  std::string out(utf8.size() * 4 + 16, '\0');
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = ucnv_convert(charset, "utf-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << charset;
  out.resize(U_SUCCESS(status) ? n : 0);
  return out;
}

const std::string kPage = "<html><head><title>T</title></head><body><p>Hello world, this is a page.</p></body></html>";

// The progress bar asks from another thread while the reader moves from
// file to file: the count must be safe to read then (run under
// -fsanitize=thread to see the race), never go back, nor pass the total.
TEST(Ingest, BytesReadIsSafeFromAnotherThread) {
  TempDir dir;
  std::vector<std::string> paths;
  for (int i = 0; i < 300; ++i) paths.push_back(dir.write("f" + std::to_string(i) + ".txt", "Some text number " + std::to_string(i)));
  paths.push_back(dir.write_gz("w.warc.gz", warc_response("https://example.com/a", kPage) + warc_response("https://example.com/b", kPage)));
  DocumentReader r(paths, {}, [](const IngestError&) {});
  std::atomic<bool> done{false};
  size_t went_back = 0, over = 0, polls = 0;
  std::thread poller([&] {
    size_t last = 0;
    while (!done.load()) {
      size_t now = r.bytes_read();
      went_back += now < last;
      over += now > r.bytes_total();
      last = now;
      ++polls;
    }
  });
  RawDocument d;
  size_t docs = 0;
  while (r.next(d)) ++docs;
  done = true;
  poller.join();
  EXPECT_EQ(docs, 302u);
  EXPECT_EQ(went_back, 0u) << "of " << polls << " polls";
  EXPECT_EQ(over, 0u) << "of " << polls << " polls";
  EXPECT_EQ(r.bytes_read(), r.bytes_total());
}

TEST(Ingest, PlainTextAndHtmlFiles) {
  TempDir dir;
  auto txt = dir.write("a.txt", "Title\n\nSome text here.\n");
  auto html = dir.write("b.html", kPage);
  auto c = read_all({txt, html});
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_TRUE(c.errors.empty());
  EXPECT_EQ(c.docs[0].format, ContentFormat::kText);
  EXPECT_EQ(c.docs[1].format, ContentFormat::kHtml);
  EXPECT_EQ(c.docs[0].uri, txt);
}

TEST(Ingest, DirectoriesRecursivelyInSortedOrder) {
  TempDir dir;
  dir.write("z/2.txt", "two two two");
  dir.write("z/1.txt", "one one one");
  dir.write("a.txt", "zero zero");
  auto c = read_all({dir.path()});
  ASSERT_EQ(c.docs.size(), 3u);
  EXPECT_NE(c.docs[0].uri.find("a.txt"), std::string::npos);
  EXPECT_NE(c.docs[1].uri.find("z/1.txt"), std::string::npos);
}

TEST(Ingest, GzipAndTruncatedGzip) {
  TempDir dir;
  auto good = dir.write_gz("good.html.gz", kPage);
  std::string bytes = testing::read_file(good);
  auto cut = dir.write("cut.html.gz", bytes.substr(0, bytes.size() / 2));
  auto c = read_all({cut, good});
  ASSERT_EQ(c.docs.size(), 1u) << "the truncated file yields no partial document";
  EXPECT_EQ(c.docs[0].content, kPage);
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_NE(c.errors[0].where.find("cut.html.gz"), std::string::npos);
  EXPECT_NE(c.errors[0].message.find("truncated"), std::string::npos);
}

TEST(Ingest, WarcRecordsStreamed) {
  TempDir dir;
  std::string warc = "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 4\r\n\r\ninfo\r\n\r\n";
  warc += warc_response("https://example.com/a", kPage);
  warc += warc_response("https://example.com/b", kPage + "<p>second</p>");
  auto path = dir.write_gz("crawl.warc.gz", warc);
  auto c = read_all({path});
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_TRUE(c.errors.empty());
  EXPECT_EQ(c.docs[0].url, "https://example.com/a");
  EXPECT_EQ(c.docs[1].uri, "https://example.com/b");
  EXPECT_EQ(c.docs[0].content, kPage);
}

TEST(Ingest, WarcWithLyingContentLengthLosesOnlyThatRecord) {
  TempDir dir;
  std::string warc = warc_response("https://example.com/a", kPage, +40) +
                     warc_response("https://example.com/b", kPage) + warc_response("https://example.com/c", kPage, -30) +
                     warc_response("https://example.com/d", kPage);
  auto c = read_all({dir.write("lie.warc", warc)});
  std::vector<std::string> urls;
  for (auto& d : c.docs) urls.push_back(d.url);
  EXPECT_NE(std::find(urls.begin(), urls.end(), "https://example.com/b"), urls.end());
  EXPECT_NE(std::find(urls.begin(), urls.end(), "https://example.com/d"), urls.end());
  EXPECT_GE(c.errors.size(), 2u);
  for (auto& e : c.errors) EXPECT_NE(e.where.find("lie.warc record"), std::string::npos) << e.where;
}

// Each lie is followed by a good record, which must be read and must not be
// blamed: the error names the lying record.
TEST(Ingest, WarcLyingLengthBlamesItsOwnRecordAndKeepsTheNext) {
  for (long lie : {+1L, +2L, +4L, +5L, +8L, +11L, +12L, +40L, -1L, -4L, -30L}) {
    TempDir dir;
    std::string warc = warc_response("https://example.com/a", kPage) +
                       warc_response("https://example.com/b", kPage + "<p>lying</p>", lie) +
                       warc_response("https://example.com/c", kPage) + warc_response("https://example.com/d", kPage);
    auto path = dir.write("lie.warc", warc);
    auto c = read_all({path});
    std::vector<std::string> urls;
    for (auto& d : c.docs) urls.push_back(d.url);
    EXPECT_EQ(urls, (std::vector<std::string>{"https://example.com/a", "https://example.com/c", "https://example.com/d"}))
        << "lie " << lie;
    ASSERT_EQ(c.errors.size(), 1u) << "lie " << lie;
    EXPECT_EQ(c.errors[0].where, path + " record 2") << "lie " << lie << ": " << c.errors[0].message;
    EXPECT_NE(c.errors[0].message.find("Content-Length"), std::string::npos) << c.errors[0].message;
  }
}

TEST(Ingest, WarcShortLengthStoresNoTruncatedBody) {
  TempDir dir;
  std::string warc = warc_response("https://example.com/a", kPage, -12) + warc_response("https://example.com/b", kPage);
  auto path = dir.write("short.warc", warc);
  auto c = read_all({path});
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].url, "https://example.com/b");
  EXPECT_EQ(c.docs[0].content, kPage);
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].where, path + " record 1");
  EXPECT_NE(c.errors[0].message.find("does not end at a record boundary"), std::string::npos) << c.errors[0].message;
}

// A length that covers the next record exactly lands on a real boundary;
// the record found inside the block gives it away.
TEST(Ingest, WarcLengthSwallowingAWholeRecord) {
  TempDir dir;
  std::string b = warc_response("https://example.com/b", kPage);
  // a's block then ends where b's block ends, so b's separator follows it.
  std::string warc = warc_response("https://example.com/a", kPage, static_cast<long>(b.size())) + b +
                     warc_response("https://example.com/c", kPage);
  auto path = dir.write("swallow.warc", warc);
  auto c = read_all({path});
  std::vector<std::string> urls;
  for (auto& d : c.docs) urls.push_back(d.url);
  EXPECT_EQ(urls, (std::vector<std::string>{"https://example.com/b", "https://example.com/c"}));
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].where, path + " record 1");
}

TEST(Ingest, WarcRecordWithoutTypeIsNamed) {
  TempDir dir;
  std::string untyped = warc_response("https://example.com/b", kPage);
  untyped.erase(untyped.find("WARC-Type: response\r\n"), std::string("WARC-Type: response\r\n").size());
  std::string warc = warc_response("https://example.com/a", kPage) + untyped + warc_response("https://example.com/c", kPage);
  auto path = dir.write("untyped.warc", warc);
  auto c = read_all({path});
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[1].url, "https://example.com/c");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].where, path + " record 2");
  EXPECT_NE(c.errors[0].message.find("WARC-Type"), std::string::npos);
}

TEST(Ingest, WarcMissingLengthBlamesItsOwnRecord) {
  TempDir dir;
  std::string bad = warc_response("https://example.com/b", kPage);
  size_t at = bad.find("Content-Length: ");
  bad.replace(at, bad.find("\r\n", at) - at, "Content-Length: lots");
  std::string warc = warc_response("https://example.com/a", kPage) + bad + warc_response("https://example.com/c", kPage);
  auto path = dir.write("nolen.warc", warc);
  auto c = read_all({path});
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[1].url, "https://example.com/c");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].where, path + " record 2");
}

// Over-size records are skipped unread; a short length there still costs
// only that record.
TEST(Ingest, WarcOverSizeRecordsAreSkippedAndCheckedToo) {
  TempDir dir;
  std::string big;
  while (big.size() < 4096) big += kPage;
  std::string warc = warc_response("https://example.com/big", big) + warc_response("https://example.com/a", kPage) +
                     warc_response("https://example.com/short", big, -10) + warc_response("https://example.com/b", kPage);
  auto path = dir.write("big.warc", warc);
  ReaderOptions opts;
  opts.max_document_bytes = 1024;
  auto c = read_all({path}, opts);
  std::vector<std::string> urls;
  for (auto& d : c.docs) urls.push_back(d.url);
  EXPECT_EQ(urls, (std::vector<std::string>{"https://example.com/a", "https://example.com/b"}));
  std::vector<std::string> wheres;
  for (auto& e : c.errors) wheres.push_back(e.where);
  EXPECT_EQ(wheres, (std::vector<std::string>{path + " record 1", path + " record 3", path + " record 3"}));
}

TEST(Ingest, WarcOfAnUnknownVersionIsReported) {
  TempDir dir;
  auto path = dir.write("old.warc", "WARC/0.18\r\nWARC-Type: response\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n");
  auto c = read_all({path});
  EXPECT_TRUE(c.docs.empty());
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].where, path);
}

TEST(Ingest, TruncatedWarcKeepsEarlierRecords) {
  TempDir dir;
  std::string warc = warc_response("https://example.com/a", kPage) + warc_response("https://example.com/b", kPage);
  auto c = read_all({dir.write("cut.warc", warc.substr(0, warc.size() - 50))});
  ASSERT_EQ(c.docs.size(), 1u);
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_NE(c.errors[0].message.find("truncated"), std::string::npos);
}

TEST(Ingest, JsonLinesWithBadLines) {
  TempDir dir;
  std::string jsonl = R"({"url": "https://x.org/1", "html": "<p>One page with text.</p>", "date": "2022-12-10"})" "\n"
                      "not json\n"
                      R"({"url": "https://x.org/2"})" "\n"
                      "\n"
                      R"({"url": "https://x.org/3", "text": "Plain text body here."})" "\n";
  auto c = read_all({dir.write("pages.jsonl", jsonl)});
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].date_hint, "2022-12-10");
  EXPECT_EQ(c.docs[0].format, ContentFormat::kHtml);
  EXPECT_EQ(c.docs[1].format, ContentFormat::kText);
  ASSERT_EQ(c.errors.size(), 2u);
  EXPECT_EQ(c.errors[0].where, dir.path() + "/pages.jsonl line 2");
}

TEST(Ingest, JsonLinesWithBomOrMalformedFirstLine) {
  TempDir dir;
  const std::string one = R"({"url": "https://x.org/1", "text": "First body of text."})";
  const std::string two = R"({"url": "https://x.org/2", "html": "<p>Second body.</p>"})";
  auto bom = dir.write("bom.jsonl", "\xEF\xBB\xBF" + one + "\n" + two + "\n");
  auto bad_first = dir.write("bad.ndjson", "{\"url\": broken\n" + one + "\n" + two + "\n");
  auto junk_first = dir.write("junk.jsonl", "# exported feed\n" + one + "\n");
  // Not named JSON Lines: most lines parse as objects.
  auto unnamed = dir.write("feed.txt", "garbage line\n" + one + "\n" + two + "\n");
  auto c = read_all({bom, bad_first, junk_first, unnamed});
  std::vector<std::string> urls;
  for (auto& d : c.docs) urls.push_back(d.url);
  EXPECT_EQ(urls, (std::vector<std::string>{"https://x.org/1", "https://x.org/2", "https://x.org/1", "https://x.org/2",
                                            "https://x.org/1", "https://x.org/1", "https://x.org/2"}));
  std::vector<std::string> wheres;
  for (auto& e : c.errors) wheres.push_back(e.where);
  EXPECT_EQ(wheres, (std::vector<std::string>{bad_first + " line 1", junk_first + " line 1", unnamed + " line 1"}));
}

TEST(Ingest, JsonLinesRepairedBytesAreSaid) {
  TempDir dir;
  auto path = dir.write("r.jsonl", R"({"url": "https://x.org/1", "text": "Caf)" "\xE9" R"( in Pristina."})" "\n");
  auto c = read_all({path});
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_NE(c.docs[0].content.find("Caf\uFFFD in Pristina."), std::string::npos);
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].where, path + " line 1");
  EXPECT_NE(c.errors[0].message.find("U+FFFD"), std::string::npos);
}

TEST(Ingest, TextWithBracesIsNotJsonLines) {
  TempDir dir;
  auto c = read_all({dir.write("notes.txt", "{draft}\nThe talks resumed in Brussels.\nMore on Friday.\n"),
                     dir.write("one.txt", R"({"url": "https://x.org/1", "text": "One object only."})" "\n")});
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].format, ContentFormat::kText);
  EXPECT_TRUE(c.docs[0].url.empty());
  EXPECT_TRUE(c.docs[1].url.empty()) << "a single JSON object in a .txt stays text";
  EXPECT_TRUE(c.errors.empty());
}

TEST(Ingest, EmptyBinaryMissingAndOversizedFiles) {
  TempDir dir;
  auto empty = dir.write("empty.txt", "");
  std::string junk(4096, '\0');
  for (size_t i = 0; i < junk.size(); ++i) junk[i] = static_cast<char>((i * 7919) % 256);
  auto bin = dir.write("junk.bin", junk);
  auto big = dir.write("big.txt", std::string(3 << 20, 'a'));
  auto ok = dir.write("ok.txt", "fine text");
  ReaderOptions opts;
  opts.max_document_bytes = 1 << 20;
  auto c = read_all({empty, bin, dir.path() + "/missing.txt", big, ok}, opts);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].content, "fine text");
  ASSERT_EQ(c.errors.size(), 4u);
  auto message_for = [&](const std::string& where) {
    for (auto& e : c.errors) if (e.where == where) return e.message;
    return std::string("(no error reported)");
  };
  EXPECT_NE(message_for(empty).find("empty"), std::string::npos);
  EXPECT_NE(message_for(bin).find("binary"), std::string::npos);
  EXPECT_NE(message_for(dir.path() + "/missing.txt").find("no such file"), std::string::npos);
  EXPECT_NE(message_for(big).find("limit"), std::string::npos);
}

TEST(Ingest, CharsetsConvertedToUtf8) {
  TempDir dir;
  std::string latin = "<html><head><meta charset=\"iso-8859-2\"></head><body><p>Zve\xe8" "an</p></body></html>";
  std::string cp1251 = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><body><p>\xca\xee\xf1\xee\xe2\xee</p></body></html>";
  auto c = read_all({dir.write("l2.html", latin), dir.write("c.html", cp1251)});
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_NE(c.docs[0].content.find("Zvečan"), std::string::npos);
  EXPECT_NE(c.docs[1].content.find("Косово"), std::string::npos);
}

// An archive's banner loads scripts with charset="utf-8" before the page's
// own head, which declares its legacy charset past the first kilobytes.
TEST(Ingest, MetaCharsetIsReadFromMetaTagsOnly) {
  TempDir dir;
  std::string banner = "<html><head><script src=\"/banner.js\" charset=\"utf-8\"></script><style>" +
                       std::string(6000, ' ') + "</style>";
  std::string page = banner + "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head>"
                              "<body><p>\xca\xee\xf1\xee\xe2\xee</p></body></html>";
  auto c = read_all({dir.write("wayback.html", page)});
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].charset, "windows-1251");
  EXPECT_NE(c.docs[0].content.find("Косово"), std::string::npos);
}

TEST(Ingest, InvalidUtf8IsRepairedNotDropped) {
  TempDir dir;
  auto c = read_all({dir.write("bad.txt", "Mitrovica \xC3 and \xFF more text about the north of Kosovo")});
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_NE(c.docs[0].content.find("Mitrovica"), std::string::npos);
}

TEST(Ingest, Utf16HtmlWithBomIsHtml) {
  TempDir dir;
  auto le = dir.write("le.html", "\xFF\xFE" + encode(kPage, "utf-16le"));
  auto be = dir.write("be.html", "\xFE\xFF" + encode(kPage, "utf-16be"));
  auto c = read_all({le, be});
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_TRUE(c.errors.empty());
  for (auto& d : c.docs) {
    EXPECT_EQ(d.format, ContentFormat::kHtml) << d.uri;
    EXPECT_EQ(d.content, kPage) << d.uri << ": the BOM is not text";
  }
  EXPECT_EQ(c.docs[0].charset, "utf-16le");
  EXPECT_EQ(c.docs[1].charset, "utf-16be");
}

const std::string kRussian =
    "Правительство Косово заявило в среду, что полиция останется на севере страны, несмотря на протесты "
    "местных жителей. Правительство Косово заявило в среду, что полиция останется на севере страны.";

TEST(Ingest, UnknownCharsetLabelFallsBackToDetection) {
  TempDir dir;
  std::string page = encode("<html><head><meta charset=\"x-bogus\"></head><body><p>" + kRussian + "</p></body></html>",
                            "windows-1251");
  auto c = read_all({dir.write("bogus.html", page)});
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].charset, "windows-1251");
  EXPECT_NE(c.docs[0].content.find(kRussian), std::string::npos);
  EXPECT_TRUE(c.errors.empty());
  // The same for a label given by the transport (an HTTP header).
  std::string out;
  EXPECT_EQ(decode_to_utf8(encode(kRussian, "windows-1251"), "x-bogus", out), "windows-1251");
  EXPECT_EQ(out, kRussian);
}

TEST(Ingest, BrokenUtf8IsRepairedAndSaidNotReadAsLegacy) {
  TempDir dir;
  std::string broken = kRussian;
  for (size_t i = 3; i < broken.size(); i += 23) broken[i] = '\xFF';  // one byte in 23: far over 0.5%
  auto path = dir.write("broken.txt", broken);
  auto c = read_all({path});
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].charset, "utf-8");
  EXPECT_NE(c.docs[0].content.find("\uFFFD"), std::string::npos);
  EXPECT_NE(c.docs[0].content.find("Косово"), std::string::npos) << "the intact words are kept";
  EXPECT_GT(c.docs[0].repaired, 0u);
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].where, path);
  EXPECT_NE(c.errors[0].message.find("U+FFFD"), std::string::npos) << c.errors[0].message;
}

TEST(Ingest, StrayByteInAsciiIsRepairedAndSaid) {
  TempDir dir;
  std::string text;
  for (int i = 0; i < 10; ++i) text += "KFOR troops patrolled the bridge in Mitrovica on Tuesday. ";
  auto path = dir.write("stray.txt", text + "\xC3" + text);
  auto c = read_all({path});
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].charset, "utf-8");
  EXPECT_EQ(c.docs[0].repaired, 1u);
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].where, path);
}

// Legacy text, unlabelled, has no well-formed multi-byte sequences and the
// detector names it: it is still converted, without a warning.
TEST(Ingest, UnlabelledLegacyTextIsStillConverted) {
  TempDir dir;
  const std::string french = "Le président de la République a annoncé mercredi une réforme économique très attendue. "
                             "Les députés ont débattu pendant des heures à l'Assemblée.";
  auto c = read_all({dir.write("fr.txt", encode(french, "windows-1252")),
                     dir.write("ru.txt", encode(kRussian, "windows-1251"))});
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].content, french);
  EXPECT_EQ(c.docs[1].content, kRussian);
  EXPECT_TRUE(c.errors.empty());
}

}  // namespace
}  // namespace seismo
