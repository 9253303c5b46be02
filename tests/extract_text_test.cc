// Flat-text extraction on small pages written for the test: each checks one
// signal, so a failure names what broke.
#include <gtest/gtest.h>

#include "extract/extract.h"

namespace seismo {
namespace {

Article text(const std::string& content) {
  RawDocument d;
  d.content = content;
  d.format = ContentFormat::kText;
  return extract_article(d);
}

const std::string kProse =
    "The council met on Tuesday to discuss the new bridge, which residents have asked for since the flood of the "
    "previous spring destroyed the old one.\n\n"
    "Engineers said the work would take two years and cost more than the town had first planned, according to the "
    "report presented to the members.\n\n";

TEST(TextLayout, RepeatedHeadingIsTheTitle) {
  auto a = text("10 $\n20 $\nMAY 2030\n\nBridge Plans Approved\n\nSupport Examplepress\n\nBridge Plans Approved\n\n" + kProse);
  EXPECT_EQ(a.title, "Bridge Plans Approved");
  EXPECT_EQ(a.source, "Examplepress");
  ASSERT_EQ(a.paragraphs.size(), 2u);
  EXPECT_EQ(a.paragraphs[0].substr(0, 11), "The council");
}

TEST(TextLayout, BylineDatelineAndLastHeadingBeforeThem) {
  auto a = text("Series Label\n\nBridge Plans Approved\n\nBy [Jane Roe](#)\n\nTown Herald, March 3, 2031\n\n" + kProse +
                "Jane Roe is a reporter covering local affairs.\n");
  EXPECT_EQ(a.title, "Bridge Plans Approved");
  ASSERT_EQ(a.authors.size(), 1u);
  EXPECT_EQ(a.authors[0], "Jane Roe");
  EXPECT_EQ(a.published, "2031-03-03");
  EXPECT_EQ(a.published_from, "dateline");
  EXPECT_EQ(a.source, "Town Herald");
  EXPECT_EQ(a.paragraphs.size(), 2u) << "the author's bio is not body";
}

TEST(TextLayout, ProvenanceIsRecordedAndDropped) {
  auto a = text("Bridge Plans Approved\n\nOriginally published on Valley News\n\n" + kProse);
  EXPECT_EQ(a.republished_from, "Valley News");
  for (auto& p : a.paragraphs) EXPECT_EQ(p.find("Originally"), std::string::npos);
  auto b = text("Bridge\n\n" + kProse + "The original source of this article is [Valley News](#)\n");
  EXPECT_EQ(b.republished_from, "Valley News");
}

TEST(TextLayout, BoilerplateCaptionsAndTeasersDropped) {
  auto a = text("Bridge Plans Approved\n\nPhoto: City archive\n\n" + kProse +
                "To get our daily newsletter, [click here](#).\n\n"
                "Other Story Headline Here\n\nA short teaser paragraph that runs on about something else entirely…\n\n"
                "Keep reading\n\nDisclaimer: The contents are the sole responsibility of the author.\n");
  ASSERT_EQ(a.paragraphs.size(), 2u);
  EXPECT_EQ(a.paragraphs[0].substr(0, 11), "The council");
  EXPECT_EQ(a.paragraphs[1].substr(0, 9), "Engineers");
}

TEST(TextLayout, NothingOfTheCommentThreadEntersTheBody) {
  auto a = text("Bridge Plans Approved\n\n" + kProse +
                "Notify of\nNewest Most Voted\nInline Feedbacks\nView all comments\nAnna K\n\nGreat news for us.\n\n"
                "Bob Smith\n\nFirst point of my comment.\n\nSecond paragraph of the same comment.\n\n\n"
                "An anonymous reply with no author line.\n\nAnna K\n\nThanks Bob.\n\n"
                "Last edited 1 year ago by Anna K\n\nWould love your thoughts, please comment.x");
  ASSERT_EQ(a.paragraphs.size(), 2u);
  ASSERT_EQ(a.comments.size(), 4u);
  EXPECT_EQ(a.comments[0].author, "Anna K");
  EXPECT_EQ(a.comments[0].text, "Great news for us.");
  EXPECT_EQ(a.comments[1].author, "Bob Smith");
  EXPECT_EQ(a.comments[1].text, "First point of my comment.\n\nSecond paragraph of the same comment.");
  EXPECT_EQ(a.comments[2].author, "");
  EXPECT_EQ(a.comments[3].text, "Thanks Bob.");
}

TEST(TextLayout, DatedHeadersIndentationAndQuotes) {
  auto a = text("Bridge Plans Approved\n\n" + kProse +
                "Dear reader, to leave comments on the publication, you must sign in.\n"
                "  1. anna Offline anna\n  anna (Anna) 4 June 2031 10: 05\n  A first comment here.\n"
                "    1. bob Offline bob\n    bob 4 June 2031 11: 00\n    Quote: anna\n    A first comment here.\n\n"
                "    My reply to it.\n");
  ASSERT_EQ(a.comments.size(), 2u);
  EXPECT_EQ(a.comments[0].author, "anna");
  EXPECT_EQ(a.comments[0].posted, "2031-06-04T10:05");
  EXPECT_EQ(a.comments[1].depth, 1);
  EXPECT_EQ(a.comments[1].parent, 0);
  EXPECT_EQ(a.comments[1].text, "My reply to it.");
  EXPECT_EQ(a.published, "2031-06-04") << "the earliest comment dates an undated article";
  EXPECT_TRUE(a.published_estimated);
}

}  // namespace
}  // namespace seismo
