// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// Bounded cost: inputs over the size limits of coach.h are cut and the report
// says so (and only then).

#include <gtest/gtest.h>

#include <string>

#include "coach.h"

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

}  // namespace
}  // namespace rapport
