// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// Text: repair of malformed UTF-8, HTML to visible text, and the UTF-16
// offset maps that make every fix exact.

#include "text.h"

#include <gtest/gtest.h>

#include <string>

namespace rapport {
namespace {

// UTF-16 length of valid UTF-8 (what JS .length says).
uint32_t Utf16Length(const std::string& s) {
  uint32_t n = 0;
  for (size_t i = 0; i < s.size();) {
    uint32_t cp;
    bool ok;
    i += DecodeUtf8(s, i, &cp, &ok);
    n += cp >= 0x10000 ? 2 : 1;
  }
  return n;
}

TEST(Text, PlainAsciiMapsOneToOne) {
  const Text t = Text::FromPlain("Hello");
  EXPECT_EQ(t.str(), "Hello");
  EXPECT_EQ(t.Utf16Begin(0), 0u);
  EXPECT_EQ(t.Utf16End(5), 5u);
  EXPECT_EQ(t.utf16_size(), 5u);
}

TEST(Text, EmojiAndAccentsCountInUtf16Units) {
  // "é" is 2 bytes, 1 unit; "😀" is 4 bytes, 2 units.
  const std::string s = "caf\xC3\xA9 \xF0\x9F\x98\x80 ok";
  const Text t = Text::FromPlain(s);
  const size_t ok = t.str().find("ok");
  EXPECT_EQ(t.Utf16Begin(ok), 8u);  // c a f é space 😀(2) space
  EXPECT_EQ(t.utf16_size(), 10u);
}

TEST(Text, CombiningMarksAndRightToLeftKeepOffsets) {
  // "e" + U+0301 (combining acute), then Hebrew shalom.
  const std::string s = "e\xCC\x81 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D x";
  const Text t = Text::FromPlain(s);
  EXPECT_EQ(t.Utf16Begin(t.str().find('x')), Utf16Length(s) - 1);
}

TEST(Text, MalformedUtf8BecomesReplacementCharacters) {
  const struct {
    const char* name;
    std::string input;
    uint32_t units;  // expected UTF-16 length: one unit per bad byte
  } cases[] = {
      {"lone continuation", std::string("a\x80z"), 3},
      {"truncated sequence", std::string("a\xE2\x82z"), 4},
      {"overlong slash", std::string("a\xC0\xAFz"), 4},
      {"surrogate", std::string("a\xED\xA0\x80z"), 5},
      {"past U+10FFFF", std::string("a\xF4\x90\x80\x80z"), 6},
      {"at the end", std::string("ab\xF0"), 3},
  };
  for (const auto& c : cases) {
    const Text t = Text::FromPlain(c.input);
    EXPECT_EQ(t.utf16_size(), c.units) << c.name;
    EXPECT_EQ(Utf16Length(t.str()), c.units) << c.name;
    const size_t z = t.str().find('z');
    if (z != std::string::npos) {
      EXPECT_EQ(t.Utf16Begin(z), c.units - 1) << c.name;
    }
  }
}

TEST(Text, NulBytesAreKept) {
  const std::string s("a\0b", 3);
  const Text t = Text::FromPlain(s);
  EXPECT_EQ(t.size(), 3u);
  EXPECT_EQ(t.Utf16Begin(2), 2u);
}

TEST(Text, TruncatesAtACharacterBoundary) {
  const std::string s = "ab\xF0\x9F\x98\x80 cd";
  const Text t = Text::FromPlain(s, 4);  // the emoji does not fit
  EXPECT_TRUE(t.truncated());
  EXPECT_EQ(t.str(), "ab");
  EXPECT_EQ(t.utf16_size(), 7u);
}

TEST(Html, VisibleTextWithOffsetsIntoTheMarkup) {
  const std::string html = "<p>Hi <b>Ann</b> &amp; co</p><p>Bye</p>";
  const Text t = Text::FromHtml(html);
  EXPECT_EQ(t.str(), "Hi Ann & co\nBye");
  const size_t ann = t.str().find("Ann");
  EXPECT_EQ(
      html.substr(t.Utf16Begin(ann), t.Utf16End(ann + 3) - t.Utf16Begin(ann)),
      "Ann");
  const size_t amp = t.str().find('&');
  EXPECT_EQ(
      html.substr(t.Utf16Begin(amp), t.Utf16End(amp + 1) - t.Utf16Begin(amp)),
      "&amp;");
  const size_t bye = t.str().find("Bye");
  EXPECT_EQ(html.substr(t.Utf16Begin(bye), 3), "Bye");
  // The end of the text sits before the closing tag.
  EXPECT_EQ(html.substr(t.Utf16Begin(t.size())), "</p>");
}

TEST(Html, FixesAcrossTagsAreDetected) {
  const Text t = Text::FromHtml("<p>Hi <b>Ann</b> there</p>");
  const size_t ann = t.str().find("Ann");
  EXPECT_FALSE(t.CrossesMarkup(ann, ann + 3));
  EXPECT_TRUE(t.CrossesMarkup(0, t.size()));
}

TEST(Html, ScriptStyleCommentsAndBrokenTags) {
  const struct {
    const char* html;
    const char* text;
  } cases[] = {
      {"<script>alert(1)</script>ok", "ok"},
      {"<STYLE>p{}</style>ok", "ok"},
      {"a<!-- hidden -->b", "ab"},
      {"a <!-- never closed", "a "},
      {"x<b", "x"},                           // broken tag at the end
      {"1 < 2 and 3>2", "1 < 2 and 3>2"},     // not tags
      {"<a title=\"x>y\">link</a>", "link"},  // > inside a quoted attribute
      {"a<br />b<br>c", "a\nb\nc"},
      {"&#72;&#x69;&nbsp;&unknown; &#0;", "Hi &unknown; \xEF\xBF\xBD"},
      {"<p></p>", ""},
      {"", ""},
      {"line\nbreak in source", "line break in source"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Text::FromHtml(c.html).str(), c.text) << c.html;
  }
}

TEST(Html, DeepNestingIsLinear) {
  std::string html;
  for (int i = 0; i < 20000; ++i) html += "<div><span>";
  html += "deep";
  const Text t = Text::FromHtml(html);
  EXPECT_NE(t.str().find("deep"), std::string::npos);
}

TEST(Html, EmptyCommentOffsets) {
  const std::string html = "<p></p>";
  const Text t = Text::FromHtml(html);
  EXPECT_EQ(t.size(), 0u);
  EXPECT_EQ(t.Utf16Begin(0), 3u);  // inside the paragraph
}

}  // namespace
}  // namespace rapport
