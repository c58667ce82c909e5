// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// Bad input never breaks analysis: every report is well formed, every offset
// is inside the draft as given, and size limits are reported.

#include <gtest/gtest.h>

#include <string>

#include "coach.h"
#include "json_util.h"
#include "test_util.h"

namespace rapport {
namespace {

const Coach& DefaultCoach() {
  static const auto* coach = Coach::Create().release();
  return *coach;
}

void ExpectWellFormed(const AnalyzeInput& in, const Report& r,
                      const std::string& label) {
  const size_t units = testing::ToUtf16(in.draft).size();
  EXPECT_GE(r.score, 0) << label;
  EXPECT_LE(r.score, 100) << label;
  for (const Finding& f : r.findings) {
    EXPECT_LE(f.start, f.end) << label << " " << f.rule_id;
    EXPECT_LE(f.end, units) << label << " " << f.rule_id;
    if (f.has_fix) {
      EXPECT_LE(f.fix.start, f.fix.end) << label;
      EXPECT_LE(f.fix.end, units) << label;
    }
  }
  // The JSON form always parses.
  nlohmann::json j;
  EXPECT_EQ(ParseJson(ReportToJson(r), &j), "") << label;
}

TEST(Robustness, HostileAndOddDraftsGiveWellFormedReports) {
  const struct {
    const char* label;
    std::string draft;
    bool html;
  } cases[] = {
      {"empty", "", false},
      {"spaces", "   \n\t  ", false},
      {"empty html", "<p></p>", true},
      {"nul bytes", std::string("Sorry\0 unfortunately\0 no.", 26), false},
      {"malformed utf-8", "Unfortunately \xC3\x28 \xFF\xFE no \xED\xA0\x80 way",
       false},
      {"emoji", "\xF0\x9F\x98\x80 Unfortunately \xF0\x9F\x8E\x89 we can't.",
       false},
      {"combining", "Cafe\xCC\x81 unfortunately closed.", false},
      {"right-to-left",
       "\xE2\x80\xAE Unfortunately \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D no.",
       false},
      {"entities", "<p>Unfortunately &amp;&lt;&#128512;&bogus; &#xZZ; no</p>",
       true},
      {"broken tags", "<p>Unfortunately <b <i>no</p", true},
      {"script",
       "<script>alert('x')</script><p onclick=\"x\">Unfortunately no</p>",
       true},
      {"only markup", "<div><br><br></div>", true},
      {"all caps", "NO NO NO NO NO NO NO NO NO NO NO", false},
      {"no spaces", std::string(5000, 'a'), false},
      {"punctuation storm", std::string(3000, '!'), false},
  };
  for (const auto& c : cases) {
    AnalyzeInput in;
    in.draft = c.draft;
    in.html = c.html;
    in.customer_messages = {c.draft, "\xFF bad \xC0 bytes"};
    in.customer_name = "<img src=x onerror=alert(1)>";
    ExpectWellFormed(in, DefaultCoach().Analyze(in), c.label);
  }
}

TEST(Robustness, EmptyDraftScoresZeroWithoutFindings) {
  AnalyzeInput in;
  in.customer_messages = {"Where is my order?!"};
  const Report r = DefaultCoach().Analyze(in);
  EXPECT_EQ(r.score, 0);
  EXPECT_TRUE(r.findings.empty());
  EXPECT_EQ(r.stats.words, 0);
}

TEST(Robustness, AMegabyteDraftIsCutAtTheLimitAndSaysSo) {
  std::string big;
  while (big.size() < (1u << 20)) {
    big += "Unfortunately we cannot ship your order today, as I said. ";
  }
  AnalyzeInput in;
  in.draft = big;
  in.customer_messages = {big};
  const Report r = DefaultCoach().Analyze(in);
  EXPECT_TRUE(r.truncated);
  EXPECT_EQ(r.stats.characters, static_cast<int>(big.size()));
  ExpectWellFormed(in, r, "1 MB");
  // Findings stay bounded however many matches there are.
  EXPECT_LT(r.findings.size(), 200u);
}

TEST(Robustness, MalformedBytesKeepOffsetsExact) {
  // Each bad byte is one U+FFFD, one UTF-16 unit: "unfortunately" must be
  // found at the same UTF-16 offset as JS would see after decoding.
  const std::string draft = "\xFF\xFE ok. Unfortunately, no.";
  AnalyzeInput in;
  in.draft = draft;
  const Report r = DefaultCoach().Analyze(in);
  for (const Finding& f : r.findings) {
    if (f.quote.find("nfortunately") != std::string::npos) {
      EXPECT_EQ(f.start, 7u);  // U+FFFD U+FFFD space o k . space
      return;
    }
  }
  FAIL() << "no finding for unfortunately";
}

TEST(Robustness, AnalyzeJsonReportsBadInputAsValues) {
  const struct {
    const char* input;
    const char* message;
  } cases[] = {
      {"", "syntax error"},
      {"[]", "must be an object"},
      {R"({"draft": 5})", "\"draft\" must be a string"},
      {R"({"draft": "x", "format": "rtf"})", "\"format\""},
      {R"({"draft": "x", "customerMessages": "hi"})", "must be an array"},
      {R"({"draft": "x", "customerMessages": [1]})", "each customer message"},
      {R"({"draft": "\ud800"})", "surrogate"},
  };
  for (const auto& c : cases) {
    nlohmann::json j;
    ASSERT_EQ(ParseJson(DefaultCoach().AnalyzeJson(c.input), &j), "");
    ASSERT_TRUE(j.contains("error")) << c.input;
    EXPECT_EQ(j["error"]["code"], "bad_input");
    EXPECT_NE(j["error"]["message"].get<std::string>().find(c.message),
              std::string::npos)
        << c.input << " -> " << j["error"]["message"];
  }
  nlohmann::json ok;
  ASSERT_EQ(
      ParseJson(
          DefaultCoach().AnalyzeJson(
              R"({"draft": "Hi", "customerMessages": [{"text": "Hello"}]})"),
          &ok),
      "");
  EXPECT_TRUE(ok.contains("score"));
}

}  // namespace
}  // namespace rapport
