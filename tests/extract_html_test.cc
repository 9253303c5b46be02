#include <gtest/gtest.h>

#include "common/text.h"
#include "extract/extract.h"
#include "extract/html_dom.h"
#include "extract/html_lean.h"

namespace seismo {
namespace {

Article html(const std::string& content, const std::string& url = "https://news.example.org/2021/05/06/story") {
  RawDocument d;
  d.content = content;
  d.url = url;
  d.format = ContentFormat::kHtml;
  return extract_article(d);
}

const std::string kBody =
    "<p>The council met on Tuesday to discuss the new bridge, which residents have asked for since the flood of the "
    "previous spring destroyed the old one.</p>"
    "<p>Engineers said the work would take two years and cost more than the town had first planned, according to "
    "the report presented to the members, who voted in favour.</p>"
    "<p>Construction is expected to begin in the autumn, once the contracts are signed and the river level has "
    "dropped enough for the crews to work safely.</p>";

std::string page(const std::string& head, const std::string& body) {
  return "<!doctype html><html lang=\"en\"><head>" + head + "</head><body>" + body + "</body></html>";
}

TEST(HtmlExtract, ArticleBodyWithoutFurniture) {
  auto a = html(page("<title>Bridge approved | Example News</title>",
                     "<nav><ul><li><a href=/>Home</a></li><li><a href=/w>World</a></li></ul></nav>"
                     "<div class=sidebar><p>Most read: something else entirely, with, many, commas, here.</p></div>"
                     "<article><h1>Bridge approved</h1>" + kBody +
                     "<div class=share-tools>Share on Facebook</div><figure><img src=x><figcaption>A caption "
                     "that is long enough to count as text in a block.</figcaption></figure></article>"
                     "<footer><p>Copyright 2031 Example News. All rights reserved.</p></footer>"));
  EXPECT_EQ(a.title, "Bridge approved");
  ASSERT_EQ(a.paragraphs.size(), 3u);
  EXPECT_EQ(a.paragraphs[0].substr(0, 11), "The council");
  EXPECT_EQ(a.site, "news.example.org");
  EXPECT_EQ(a.declared_language, "en");
}

// Ingest decodes a legacy page to UTF-8 and leaves its markup as it was:
// its <meta charset="euc-kr"> must not make the parser decode the bytes a
// second time (libxml2 did, printed "encoding error" and lost the body).
TEST(HtmlExtract, DeclaredLegacyCharsetOfDecodedPageIsIgnored) {
  testing::internal::CaptureStderr();
  auto a = html(page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-kr\"><title>대전일보</title>",
                     "<article><h1>성금 기탁</h1><p>4일 세종시청에서 코로나19 극복을 위한 특별모금 성금 전달식이 열렸다. "
                     "왼쪽부터 세종시장, 세종시체육회 회장이 참석했다.</p>" + kBody + "</article>"));
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(err, "");
  std::string body;
  for (const auto& p : a.paragraphs) body += p + "\n";
  EXPECT_NE(body.find("4일 세종시청에서 코로나19"), std::string::npos) << body;
  EXPECT_NE(body.find("The council met on Tuesday"), std::string::npos) << body;
}

TEST(HtmlExtract, ArticleSplitIntoChunksBetweenAdsIsWhole) {
  // Each chunk sits in its own wrapper; the best-scored chunk alone is a
  // third of the article.
  std::string chunks;
  const char* firsts[] = {"Alpha", "Bravo", "Charlie"};
  for (const char* f : firsts) {
    chunks += std::string("<div class=text-wrap><div class=text-grid><p>") + f +
              " paragraph of the essay, which goes on at some length, with commas, clauses, and a point to make about "
              "the economy.</p><p>Another paragraph follows it, long enough to score, with, several, commas in it, "
              "and ends.</p></div></div><div class=ad-slot></div>";
  }
  auto a = html(page("<title>Essay</title>",
                     "<div class=page><div class=menu><a href=/a>A</a> <a href=/b>B</a></div><div class=content-body>" +
                         chunks + "</div><div class=links><a href=/x>Other story one</a> <a href=/y>Other story two</a>"
                         "</div></div>"));
  ASSERT_EQ(a.paragraphs.size(), 6u);
  EXPECT_EQ(a.paragraphs[0].substr(0, 5), "Alpha");
  EXPECT_EQ(a.paragraphs[4].substr(0, 7), "Charlie");
}

TEST(HtmlExtract, MetadataFromJsonLdMetaAndUrl) {
  auto a = html(page("<title>T</title><meta property=\"og:site_name\" content=\"Example News\">"
                     "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"H\","
                     "\"datePublished\":\"2021-05-04T08:00:00Z\",\"author\":[{\"@type\":\"Person\",\"name\":\"Jane Roe\"}]}</script>",
                     "<article>" + kBody + "</article>"));
  EXPECT_EQ(a.published, "2021-05-04");
  EXPECT_EQ(a.published_from, "json-ld");
  ASSERT_EQ(a.authors.size(), 1u);
  EXPECT_EQ(a.authors[0], "Jane Roe");
  EXPECT_EQ(a.source, "Example News");

  auto b = html(page("<meta property=\"article:published_time\" content=\"2021-05-03\">", "<article>" + kBody + "</article>"));
  EXPECT_EQ(b.published, "2021-05-03");
  auto c = html(page("", "<article>" + kBody + "</article>"));
  EXPECT_EQ(c.published, "2021-05-06");
  EXPECT_EQ(c.published_from, "url");
}

TEST(HtmlExtract, UrlDateBeatsUtcMetadataOneDayOff) {
  auto a = html(page("<meta property=\"article:published_time\" content=\"2021-05-07T02:30:00Z\">",
                     "<article>" + kBody + "</article>"));
  EXPECT_EQ(a.published, "2021-05-06");
  EXPECT_EQ(a.published_from, "url");
}

TEST(HtmlExtract, DateInPageTextIsTheLastResort) {
  auto a = html(page("", "<article>" + kBody + "</article><p class=note>Posted on 3. Dezember 2011</p>"),
                "https://blog.example.org/bridge");
  EXPECT_EQ(a.published, "2011-12-03");
  EXPECT_EQ(a.published_from, "page-text");
}

TEST(HtmlExtract, SiteTemplateParagraphsDropped) {
  const std::string promo = "<p>Every week our editors pick the stories you should not miss, with analysis.</p>";
  RawDocument d;
  d.content = page("", "<article>" + kBody + promo + "</article>");
  d.url = "https://news.example.org/a";
  d.format = ContentFormat::kHtml;
  SiteTemplates templates;
  for (int i = 0; i < 6; ++i) {
    templates.add_page("news.example.org",
                       {SiteTemplates::fingerprint("Every week our editors pick the stories you should not miss, with analysis."),
                        static_cast<uint64_t>(i)});
  }
  EXPECT_EQ(extract_article(d).paragraphs.size(), 4u);
  auto a = extract_article(d, &templates);
  ASSERT_EQ(a.paragraphs.size(), 3u);
  EXPECT_EQ(a.fingerprints.size(), 4u) << "what the template is learned from is counted before filtering";
  d.url = "https://other.example.net/a";
  EXPECT_EQ(extract_article(d, &templates).paragraphs.size(), 4u) << "templates are per site";
}

TEST(HtmlLean, InertBodiesDroppedButJsonLdKept) {
  std::string in = "<p>a</p><!-- hidden --><SCRIPT type=text/javascript>var s = '<p>x</p>';</SCRIPT>"
                   "<style>p{}</style><script type=\"application/ld+json\">{\"a\":1}</script>"
                   "<svg viewBox=\"0 0 9 9\"><path d=\"M0 0L9 9\"/><text>icon</text></svg><p>b</p>";
  EXPECT_EQ(lean_html(in),
            "<p>a</p><SCRIPT type=text/javascript></SCRIPT><style></style>"
            "<script type=\"application/ld+json\">{\"a\":1}</script><svg></svg><p>b</p>");
  EXPECT_EQ(lean_html("<p>a</p><script>unterminated"), "<p>a</p><script>unterminated");
  EXPECT_EQ(lean_html("<p>a</p><div class=\"x"), "<p>a</p><div class=\"x") << "a cut-off tag is left as it was";
  EXPECT_EQ(lean_html(""), "");
  EXPECT_EQ(lean_html("a < b and c<d"), "a < b and c<d");
}

TEST(HtmlLean, WhitespaceRunsCutButLinesKept) {
  EXPECT_EQ(lean_html("<div>\n    <p>one  two\tthree</p>\n\n  <p>four</p>  </div>"),
            "<div>\n<p>one two\tthree</p>\n<p>four</p> </div>");
  EXPECT_EQ(lean_html("<p title=\"a   b\">x</p>"), "<p title=\"a   b\">x</p>") << "attribute values are not text";
}

TEST(HtmlLean, OnlyAttributesExtractionReadsAreKept) {
  EXPECT_EQ(lean_html("<div class=\"post\" data-track='{\"a\":\">\"}' onclick=go() ID=main>t</div>"),
            "<div class=\"post\" ID=main>t</div>")
      << "a '>' inside a quoted value does not end the tag";
  EXPECT_EQ(lean_html("<img srcset=\"a.jpg 1x, b.jpg 2x\" alt=\"x\"><a href=/a/b title = 'T'>l</a>"),
            "<img><a href=/a/b title = 'T'>l</a>");
  EXPECT_EQ(lean_html("<meta property=\"og:title\" content=\"A > B\">"),
            "<meta property=\"og:title\" content=\"A > B\">");
  EXPECT_EQ(lean_html("<p hidden>x</p><input disabled>"), "<p hidden>x</p><input>");
}

TEST(HtmlLean, XhtmlSelfClosingTagsOnNonVoidElementsAreClosed) {
  // Otherwise the parser puts the rest of the page inside them.
  EXPECT_EQ(lean_html("<header><H2 /></header><p>text</p><br/><img src=x />"),
            "<header><H2></h2></header><p>text</p><br/><img/>");
  EXPECT_EQ(lean_html("<script src=\"a.js\" /><p>text</p>"), "<script></script><p>text</p>");
}

TEST(HtmlExtract, WholePageInsideAnUnclosedNoscriptIsStillFound) {
  std::string links;
  for (int i = 0; i < 60; ++i) links += "<a href=\"/m" + std::to_string(i) + "\">Menu entry number " + std::to_string(i) + "</a> ";
  RawDocument d;
  d.format = ContentFormat::kHtml;
  d.url = "https://park.example.org/news?id=1";
  d.content = "<html><body><noscript><div id=nojs></noscript><div>" + links +
              "<div id=text><h1>Bears counted</h1><p>At least nine females raised cubs in the park this year, the "
              "highest number in fourteen years of counting.</p><p>The result is very positive because it is the "
              "fourth year in a row with ten to sixteen cubs born.</p></div></div></body></html>";
  Article a = extract_article(d);
  ASSERT_FALSE(a.paragraphs.empty());
  EXPECT_NE(a.paragraphs.front().find("nine females"), std::string::npos);
}

// Whether `m` matches the element written as "<div ATTRIBUTES>".
bool matches_div(const ClassMatcher& m, const std::string& attributes) {
  HtmlDoc doc = parse_html("<html><body><div " + attributes + ">x</div></body></html>", "");
  const xmlNode* body = xmlDocGetRootElement(doc.get())->children;
  while (body && tag_of(body) != "body") body = body->next;
  const xmlNode* div = body ? body->children : nullptr;
  EXPECT_TRUE(div && tag_of(div) == "div") << attributes;
  return div && m.matches(div);
}

TEST(HtmlDom, ClassMatcherReadsClassAndIdWords) {
  ClassMatcher m{"article", "post-content"};
  EXPECT_TRUE(matches_div(m, "class=\"relatedArticles post-content  x1\""));
  EXPECT_TRUE(matches_div(m, "class=\"relatedArticles\"")) << "plural of a camelCase word";
  EXPECT_TRUE(matches_div(m, "class=\"postContent\"")) << "camelCase words are words";
  EXPECT_TRUE(matches_div(m, "class=\"Post_Content\"")) << "case does not matter";
  EXPECT_TRUE(matches_div(m, "id=\"main-article\"")) << "the id counts";
  EXPECT_TRUE(matches_div(m, "class=\"wrap post\" id=\"content\"")) << "class then id, as one run of words";
  EXPECT_FALSE(matches_div(m, "class=\"sidebar\""));
  EXPECT_FALSE(matches_div(m, ""));
  EXPECT_FALSE(matches_div(m, "title=\"article\"")) << "only class and id";
  EXPECT_TRUE(matches_div(ClassMatcher{"comment"}, "class=\"comments-area\""));
  EXPECT_FALSE(matches_div(ClassMatcher{"comment"}, "class=\"commentary\""));
  EXPECT_FALSE(matches_div(ClassMatcher{"post-content"}, "class=\"post sidebar content\""));
  EXPECT_FALSE(matches_div(ClassMatcher{"content"}, "class=\"share-box\""));
}

TEST(HtmlExtract, CommentsSeparateFromBody) {
  auto a = html(page("", "<article>" + kBody + "</article>"
                     "<div id=comments class=comments-area><h2>3 Comments</h2><ol class=comment-list>"
                     "<li class=comment id=comment-1><div class=comment-author><cite class=fn>Anna</cite> says:</div>"
                     "<time datetime=\"2021-05-06T10:00\">May 6</time><div class=comment-content><p>I support this "
                     "bridge very much.</p></div><a class=comment-reply-link>Reply</a>"
                     "<ol class=children><li class=comment id=comment-2><div class=comment-author><cite class=fn>Bob"
                     "</cite></div><div class=comment-content><p>So do I, neighbour.</p></div></li></ol></li>"
                     "</ol><div id=respond><h3>Leave a Reply</h3><form><textarea></textarea></form></div></div>"));
  ASSERT_EQ(a.paragraphs.size(), 3u);
  ASSERT_EQ(a.comments.size(), 2u);
  EXPECT_EQ(a.comments[0].author, "Anna");
  EXPECT_EQ(a.comments[0].posted, "2021-05-06T10:00");
  EXPECT_EQ(a.comments[0].text, "I support this bridge very much.");
  EXPECT_EQ(a.comments[1].author, "Bob");
  EXPECT_EQ(a.comments[1].depth, 1);
  EXPECT_EQ(a.comments[1].parent, 0);
}

TEST(HtmlExtract, LeadInTheArticleHeaderIsKeptButNotTheSiteHeader) {
  auto a = html(page("<title>Bridge approved</title>",
                     "<header class=site-header><p>The town's own news site, with stories from every street and "
                     "square.</p><a href=/>Home</a></header>"
                     "<article><header><h1>Bridge approved</h1><p>After two years of debate the town will have "
                     "its bridge again, and work starts soon.</p><div class=meta>12 May 2021</div></header>"
                     "<div class=\"teaser intro\">The council has approved the new bridge, the mayor said, by a wide "
                     "margin.</div>" + kBody + "</article>"));
  ASSERT_EQ(a.paragraphs.size(), 5u);
  EXPECT_EQ(a.paragraphs[0].substr(0, 20), "After two years of d");
  EXPECT_EQ(a.paragraphs[1].substr(0, 20), "The council has appr");
  EXPECT_EQ(a.paragraphs[2].substr(0, 11), "The council");
}

TEST(HtmlExtract, HiddenMeansAWholeHidingClass) {
  // Drupal's "field--label-hidden" hides a field's label, not the field;
  // "hidden-xs" hides only on small screens.
  auto a = html(page("", "<article><div class=\"field field--label-hidden\">" + kBody +
                             "</div><div class=\"table hidden-xs\"><p>The table shows the costs by year, as the "
                             "engineers estimated them, with, the, margins.</p></div>"
                             "<div class=hidden><p>Text that a reader never sees, however long it is, and it is long."
                             "</p></div></article>"));
  ASSERT_EQ(a.paragraphs.size(), 4u);
  EXPECT_EQ(a.paragraphs[3].substr(0, 9), "The table");
}

TEST(HtmlExtract, BlogPostTaxonomyClassesDoNotMakeItACommentSection) {
  auto a = html(page("", "<div class=\"post-7 post type-post hentry category-kommentare tag-comments\">" + kBody +
                             "</div>"));
  EXPECT_EQ(a.paragraphs.size(), 3u);
  EXPECT_TRUE(a.comments.empty());
}

TEST(HtmlExtract, ShortSubheadingBetweenParagraphsIsKeptShortEdgesAreNot) {
  auto a = html(page("", "<article><p>Jane Roe</p>"
                         "<p>The council met on Tuesday to discuss the new bridge, which residents have asked for "
                         "since the flood.</p><p><strong>Costs</strong></p><p>Engineers said the work would take two "
                         "years and cost more than the town had first planned.</p><p>Share</p><h3>The valley in winter</h3><ul><li>"
                         "<a href=/a>Another bridge somewhere else</a></li></ul></article>"));
  ASSERT_EQ(a.paragraphs.size(), 3u);
  EXPECT_EQ(a.paragraphs[1], "Costs");
}

TEST(HtmlExtract, ATinyBoxWithAContentClassDoesNotBeatAShortPost) {
  auto a = html(page("", "<div class=\"post hentry\"><h2><a href=/p>A poem for the evening, linked as the title of "
                         "the post</a></h2><p class=date>14 June 2013 (<a href=/c>Misc</a>)</p><p>\u201cI know I am "
                         "tired and should not say this, but here it is\u2026\u201d</p><p>\u2013 \u201cThen don't.\u201d"
                         "</p><p>\u2013 \u201cOk.\u201d</p></div><div class=likes-text>%d bloggers like this post:</div>"));
  std::string body = join_paragraphs(a.paragraphs);
  EXPECT_NE(body.find("I know I am tired"), std::string::npos) << body;
  EXPECT_EQ(body.find("bloggers like"), std::string::npos) << body;
}

TEST(HtmlExtract, AListOfProseIsTheArticleAListOfLinksIsNot) {
  auto a = html(page("", "<article><h1>Plum cake</h1>" + kBody +
                         "<ol class=steps-list><li>Stone the plums and cut each one into quarters, then lay them on "
                         "the dough in rows.</li><li>Bake the cake for forty minutes, until the edges are brown and "
                         "the plums are soft.</li></ol><ul class=link-list><li><a href=/a>Apple cake with a crumble "
                         "top</a></li><li><a href=/b>Cherry cake from the tin</a></li></ul></article>"));
  std::string body = join_paragraphs(a.paragraphs);
  EXPECT_NE(body.find("Stone the plums"), std::string::npos) << body;
  EXPECT_NE(body.find("Bake the cake"), std::string::npos) << body;
  EXPECT_EQ(body.find("Cherry cake"), std::string::npos) << body;
}

TEST(HtmlExtract, ArticleInsideMisnestedFurnitureIsKept) {
  // An unclosed <header> swallows the article in libxml2's tree.
  auto a = html(page("", "<header class=site-header><div class=menu><a href=/>Home</a></div>"
                     "<div class=\"pg-rail-tall pg-wrapper\">" + kBody + "</div>"));
  EXPECT_EQ(a.paragraphs.size(), 3u);
}

TEST(HtmlExtract, ProvenanceAndDeepNestingAndGarbage) {
  auto a = html(page("", "<article>" + kBody + "<p>This article was originally published on Valley News.</p></article>"));
  EXPECT_EQ(a.republished_from, "Valley News");
  // libxml2 drops everything below depth 256 unless told otherwise; the
  // text at the bottom of a 100,000-deep page must survive.
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "<p>text at the bottom of a very deep page, long enough to be a paragraph of prose.</p>";
  auto b = html(page("", deep));
  ASSERT_EQ(b.paragraphs.size(), 1u);
  EXPECT_EQ(b.paragraphs[0], "text at the bottom of a very deep page, long enough to be a paragraph of prose.");
  auto c = html("<<<>>></p></div><script>unterminated");
  EXPECT_TRUE(c.paragraphs.empty());
}

}  // namespace
}  // namespace seismo
