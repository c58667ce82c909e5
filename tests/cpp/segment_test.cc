// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.

#include "segment.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

namespace rapport {
namespace {

std::vector<std::string> Sentences(const std::string& text) {
  std::vector<std::string> out;
  for (const Sentence& s : Segment(text).sentences) {
    out.push_back(text.substr(s.span.begin, s.span.end - s.span.begin));
  }
  return out;
}

TEST(Segment, SplitsSentencesAndLines) {
  const struct {
    std::string text;
    std::vector<std::string> sentences;
  } cases[] = {
      {"Hi Ann,\nIt ships today. Thanks!",
       {"Hi Ann,", "It ships today.", "Thanks!"}},
      {"Is it done?! Yes... mostly.", {"Is it done?!", "Yes...", "mostly."}},
      {"See e.g. the FAQ. Dr. Who called.",
       {"See e.g. the FAQ.", "Dr. Who called."}},
      {"Version 2.5 is out. Great.", {"Version 2.5 is out.", "Great."}},
      {"  \n\n  ", {}},
      {"", {}},
      {"No final stop", {"No final stop"}},
      {"He said \"done.\" Then left.", {"He said \"done.\"", "Then left."}},
      {"J. Smith called. We can't. Call us.",
       {"J. Smith called.", "We can't.", "Call us."}},
      {"It won\u2019t. Sorry.", {"It won\u2019t.", "Sorry."}},
      {"Order No. 5 is late. The answer is no. Sorry.",
       {"Order No. 5 is late.", "The answer is no.", "Sorry."}},
      {"My order no. AB12345 is late. Ticket no. #40021 too.",
       {"My order no. AB12345 is late.", "Ticket no. #40021 too."}},
  };
  for (const auto& c : cases)
    EXPECT_EQ(Sentences(c.text), c.sentences) << c.text;
}

TEST(Segment, CountsWordsQuestionsAndParagraphs) {
  const Segments s =
      Segment("Where is my order? It's late.\n\nPlease help me today.");
  EXPECT_EQ(s.words, 10);
  ASSERT_EQ(s.sentences.size(), 3u);
  EXPECT_TRUE(s.sentences[0].question);
  EXPECT_FALSE(s.sentences[1].question);
  EXPECT_EQ(s.paragraphs.size(), 2u);
  EXPECT_EQ(s.sentences[2].paragraph, 1);
}

TEST(Segment, ReadingGradeRisesWithLongWordsAndSentences) {
  const Segments plain =
      Segment("We sent it. It will come soon. You can track it.");
  const Segments dense = Segment(
      "Notwithstanding the aforementioned circumstances, organisational "
      "considerations necessitate comprehensive reconsideration of "
      "institutional responsibilities regarding reimbursement eligibility.");
  EXPECT_LT(plain.reading_grade, 4);
  EXPECT_GT(dense.reading_grade, 14);
}

TEST(Segment, ClosingRegionSkipsSignoffLines) {
  const std::string text =
      "Hi Ann,\nYour order left today. It arrives Friday. Anything else, just "
      "reply.\nBest regards,\nSam";
  const Segments s = Segment(text);
  const size_t closing = ClosingStart(s);
  EXPECT_EQ(text.substr(s.sentences[closing].span.begin, 6), "It arr");
  EXPECT_EQ(OpeningEnd(s), 2u);
}

}  // namespace
}  // namespace rapport

namespace rapport {
namespace {

// Found by bench/worst_case.cc: a draft of line breaks only took 35 s at the
// size limit (each line break scanned all the white space after it), and a
// long run of dots was quadratic the same way. Both are linear now: 128 KiB
// of either takes well under a millisecond natively; the bound leaves room
// for sanitizers and a loaded machine while a quadratic scan (seconds) fails.
double SegmentSeconds(const std::string& text) {
  const auto t0 = std::chrono::steady_clock::now();
  const Segments seg = Segment(text);
  const auto t1 = std::chrono::steady_clock::now();
  EXPECT_LE(seg.sentences.size(), text.size());
  return std::chrono::duration<double>(t1 - t0).count();
}

TEST(Segment, IsLinearOnRunsOfLineBreaksAndDots) {
  const size_t n = 128 * 1024;
  EXPECT_LT(SegmentSeconds(std::string(n, '\n')), 0.5);
  EXPECT_LT(SegmentSeconds("a" + std::string(n, ' ') + "\n"), 0.5);
  EXPECT_LT(SegmentSeconds(std::string(n, '.') + "a"), 0.5);
  EXPECT_LT(SegmentSeconds(std::string(n, '?') + "\"a"), 0.5);
}

TEST(Segment, LineBreaksStillMakeParagraphsAndRunsOfDotsStillEnd) {
  const Segments seg = Segment("One.\n \n\nTwo!\nThree...\" Four..x. Five");
  ASSERT_EQ(seg.paragraphs.size(), 2u);
  EXPECT_EQ(Sentences("One.\n \n\nTwo!\nThree...\" Four..x. Five"),
            (std::vector<std::string>{"One.", "Two!", "Three...\"", "Four..x.",
                                      "Five"}));
}

}  // namespace
}  // namespace rapport
