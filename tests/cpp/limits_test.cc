// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// Bounded cost: inputs over the size limits of coach.h are cut and the report
// says so (and only then); admin packs over the bounds of pack.h are rejected
// with an error naming the rule, and the default pack keeps working.

#include <gtest/gtest.h>

#include <string>

#include "coach.h"
#include "pack.h"

namespace rapport {
namespace {

const Coach& DefaultCoach() {
  static const auto* coach = Coach::Create().release();
  return *coach;
}

TEST(Limits, TruncatedIsSetExactlyWhenALimitIsHit) {
  const std::string at_limit(kMaxDraftBytes, 'a');
  const std::string message_at_limit(kMaxMessageBytes, 'b');
  const struct {
    const char* label;
    std::string draft;
    std::vector<std::string> messages;
    bool truncated;
  } cases[] = {
      {"small", "Hi Ann, thanks.", {"Where is it?"}, false},
      {"draft at the limit", at_limit, {}, false},
      {"draft one byte over", at_limit + "a", {}, true},
      {"message at the limit", "Hi.", {message_at_limit}, false},
      {"message one byte over", "Hi.", {message_at_limit + "b"}, true},
      {"20 messages", "Hi.", std::vector<std::string>(kMaxMessages, "x"),
       false},
      {"21 messages", "Hi.", std::vector<std::string>(kMaxMessages + 1, "x"),
       true},
      // Invalid bytes become U+FFFD (3 bytes): the limits count the text as
      // analysed. Found by bench/worst_case.cc; the cached second call used
      // to count raw bytes and say false.
      {"draft of invalid bytes over once repaired",
       std::string(kMaxDraftBytes / 3 + 1, '\xFF'),
       {},
       true},
      {"message of invalid bytes over once repaired",
       "Hi.",
       {std::string(kMaxMessageBytes / 3 + 1, '\xFF')},
       true},
      {"message of invalid bytes under once repaired",
       "Hi.",
       {std::string(kMaxMessageBytes / 3, '\xFF')},
       false},
  };
  for (const auto& c : cases) {
    AnalyzeInput in;
    in.draft = c.draft;
    in.customer_messages = c.messages;
    EXPECT_EQ(DefaultCoach().Analyze(in).truncated, c.truncated) << c.label;
    // Twice: the second call reads the customer's side from the cache.
    EXPECT_EQ(DefaultCoach().Analyze(in).truncated, c.truncated)
        << c.label << " (cached)";
  }
}

TEST(Limits, MentionsIndexTheCallersMessagesWhenEarlyOnesAreCut) {
  // Found while writing the fuzz invariants: with more than kMaxMessages
  // messages, mention indices counted from the first message kept.
  AnalyzeInput in;
  in.draft = "Hi.";
  in.customer_messages.assign(kMaxMessages + 5, "Thanks.");
  in.customer_messages.back() = "Where is order #48213?";
  const Report r = DefaultCoach().Analyze(in);
  bool found = false;
  for (const Mention& m : r.customer.mentions) {
    if (m.type != "order") continue;
    found = true;
    EXPECT_EQ(m.message, static_cast<int>(kMaxMessages + 4));
  }
  EXPECT_TRUE(found);
}

// An admin pack whose one rule gets `patch` spliced in.
std::string AdminRule(const std::string& patch) {
  return R"({"pack": "acme", "rules": [{
      "id": "acme.clarity.big", "dimension": "clarity", "kind": "flag",
      "severity": "tip", "patterns": ["\\bsynergy\\b"], "message": "Plain words.",
      "examples": {"match": ["[[synergy]]"], "noMatch": ["energy"]})" +
         patch + "}]}";
}

std::string Strings(size_t n, const std::string& s) {
  std::string out = "[";
  for (size_t i = 0; i < n; ++i) out += (i ? ",\"" : "\"") + s + "\"";
  return out + "]";
}

TEST(Limits, AdminPacksOverABoundAreRejectedNamingTheRule) {
  const std::string long_pattern(kMaxPatternBytes + 1, 'a');
  const struct {
    const char* label;
    std::string json;
    const char* reason;
  } cases[] = {
      {"too many patterns",
       AdminRule(R"(, "patterns": )" +
                 Strings(kMaxPatternsPerRule + 1, "\\\\bsynergy\\\\b")),
       "patterns; the limit is"},
      {"a pattern too long",
       AdminRule(R"(, "patterns": [")" + long_pattern + R"("])"),
       "a pattern is 2049 bytes long; the limit is 2048"},
      {"too many examples",
       AdminRule(R"(, "examples": {"match": )" +
                 Strings(kMaxExamplesPerList + 1, "[[synergy]]") +
                 R"(, "noMatch": ["energy"]})"),
       "\"match\" examples; the limit is"},
      {"an example too long",
       AdminRule(R"(, "examples": {"match": ["[[synergy]]"], "noMatch": [")" +
                 std::string(kMaxExampleBytes + 1, 'e') + R"("]})"),
       "example is 2049 bytes long"},
      {"a message too long",
       AdminRule(R"(, "message": ")" +
                 std::string(kMaxPackMessageBytes + 1, 'm') + R"(")"),
       "the message is 501 bytes long; the limit is 500"},
      {"a fix too long",
       AdminRule(R"(, "fix": {"op": "replace", "text": ")" +
                 std::string(kMaxFixTextBytes + 1, 'f') + R"("})"),
       "the fix text is 501 bytes long"},
      // \pL is every letter: a thousand of them twice is a program far over
      // the RE2 memory bound.
      {"a pattern over the RE2 memory bound",
       AdminRule(R"(, "patterns": ["\\pL{1000}\\pL{1000}\\pL{1000}"],
                   "examples": {"match": ["[[x]]"], "noMatch": ["y"]})"),
       "MiB of RE2 memory"},
  };
  for (const auto& c : cases) {
    const auto coach = Coach::Create(c.json);
    ASSERT_TRUE(coach->ok()) << c.label;
    ASSERT_FALSE(coach->admin_errors().empty()) << c.label;
    const PackError& e = coach->admin_errors()[0];
    EXPECT_EQ(e.rule_id, "acme.clarity.big") << c.label << ": " << e.reason;
    EXPECT_NE(e.reason.find(c.reason), std::string::npos)
        << c.label << ": " << e.reason;
    // The default pack is in use and coaches as usual.
    EXPECT_EQ(coach->pack().rules.size(), DefaultCoach().pack().rules.size());
    AnalyzeInput in;
    in.draft = "Unfortunately we cannot do that.";
    EXPECT_FALSE(coach->Analyze(in).findings.empty()) << c.label;
  }
}

TEST(Limits, AdminPacksMayNotAddTooManyRulesOrPatterns) {
  const auto pack_of = [](size_t rules, size_t patterns_each) {
    std::string json = R"({"pack": "acme", "rules": [)";
    for (size_t i = 0; i < rules; ++i) {
      json += (i ? "," : "") + std::string(R"({"id": "acme.clarity.r)") +
              std::to_string(i) +
              R"(", "dimension": "clarity", "kind": "flag", "severity": "tip",
              "patterns": )" +
              Strings(patterns_each, "\\\\bsynergy\\\\b") +
              R"(, "message": "m",
              "examples": {"match": ["[[synergy]]"], "noMatch": ["energy"]}})";
    }
    return json + "]}";
  };
  const Pack& base = DefaultCoach().pack();
  EXPECT_TRUE(ApplyAdminPack(base, pack_of(kMaxAdminRules, 1)).errors.empty());
  const PackLoad rules = ApplyAdminPack(base, pack_of(kMaxAdminRules + 1, 1));
  ASSERT_EQ(rules.errors.size(), 1u);
  EXPECT_EQ(rules.errors[0].rule_id,
            "acme.clarity.r" + std::to_string(kMaxAdminRules));
  EXPECT_EQ(rules.pack.rules.size(), base.rules.size());

  // 1000 patterns in all is the bound: 40 rules of 25 pass, 41 do not.
  EXPECT_TRUE(ApplyAdminPack(base, pack_of(40, 25)).errors.empty());
  const PackLoad patterns = ApplyAdminPack(base, pack_of(41, 25));
  ASSERT_EQ(patterns.errors.size(), 1u);
  EXPECT_EQ(patterns.errors[0].rule_id, "acme.clarity.r40");
  EXPECT_NE(patterns.errors[0].reason.find("patterns in all"),
            std::string::npos);

  const PackLoad huge =
      ApplyAdminPack(base, R"({"pack": "acme", "x": ")" +
                               std::string(kMaxAdminPackBytes, ' ') + R"("})");
  ASSERT_EQ(huge.errors.size(), 1u);
  EXPECT_NE(huge.errors[0].reason.find("the limit is"), std::string::npos);
}

}  // namespace
}  // namespace rapport
