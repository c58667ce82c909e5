// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// Memory stays flat: many varied analyses (and coaches built and dropped)
// leave the heap where it was after warm-up. Under the asan preset,
// LeakSanitizer also checks that nothing leaks when the test process ends.

#include <gtest/gtest.h>

#include <cstddef>
#include <string>

#include "coach.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RAPPORT_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define RAPPORT_ASAN 1
#endif

#ifdef RAPPORT_ASAN
#include <sanitizer/allocator_interface.h>
#include <sanitizer/lsan_interface.h>
#else
#include <malloc.h>
#endif

namespace rapport {
namespace {

size_t HeapInUse() {
#ifdef RAPPORT_ASAN
  return __sanitizer_get_current_allocated_bytes();
#else
  return mallinfo2().uordblks;
#endif
}

// The i-th of many different inputs: drafts, HTML, customers, names.
AnalyzeInput Varied(int i) {
  static const char* const kDrafts[] = {
      "Hi {n}, I'm so sorry about order #{i}. I'll ship it today by 5 pm.",
      "Unfortunately there is nothing we can do. As I said, read the FAQ.",
      "<p>Hi {n},</p><p>Thanks for your patience &amp; sorry! Ticket "
      "{i}</p><p>Best,<br>Sam</p>",
      "PLEASE READ THE EMAIL. {i} {i} {i}",
      "We will look into it soon. Kind regards, Sam",
  };
  std::string draft = kDrafts[i % 5];
  const std::string num = std::to_string(i);
  for (size_t at; (at = draft.find("{i}")) != std::string::npos;) {
    draft.replace(at, 3, num);
  }
  for (size_t at; (at = draft.find("{n}")) != std::string::npos;) {
    draft.replace(at, 3, i % 3 ? "Maria" : "Jo");
  }
  draft += std::string(i % 50, i % 2 ? ' ' : 'x');
  AnalyzeInput in;
  in.draft = draft;
  in.html = i % 5 == 2;
  // The customer changes every 7th call (the cache is refilled then).
  in.customer_messages = {"Where is my order #" + std::to_string(i / 7) + "?!"};
  if (i % 3 == 0) in.customer_messages.push_back("THIRD time I'm asking!!");
  in.customer_name = i % 4 ? "Maria Lopez" : "";
  if (i % 11 == 0) in.dimensions = {Dimension::kEmpathy};
  return in;
}

TEST(Memory, ManyVariedAnalysesKeepTheHeapFlat) {
  const auto coach = Coach::Create();
  // Warm-up. The matcher's RE2 sets build their DFA lazily, state by state,
  // as new text comes in; with ~340 rules that grows for a few thousand
  // varied calls (30 KB over calls 300..3300 with 338 rules, 33 KB with
  // 339), then stops (0 bytes over calls 3000..6000). Warm up over 3000
  // calls, then measure 3000 new inputs: a leak of 16 bytes per call still
  // shows as 48 KB.
  for (int i = 0; i < 3000; ++i) coach->Analyze(Varied(i));
  const size_t warm = HeapInUse();
  for (int i = 3000; i < 6000; ++i) {
    const Report r = coach->Analyze(Varied(i));
    ASSERT_GE(r.score, 0);
  }
  const size_t after = HeapInUse();
  // A leak of even 16 bytes per call would be 48 KB here.
  EXPECT_LT(after, warm + 32 * 1024)
      << "heap grew from " << warm << " to " << after << " bytes";
}

TEST(Memory, CoachesWithAdminPacksAreFreed) {
  const std::string admin = R"({"pack": "acme", "rules": [{
      "id": "acme.clarity.synergy", "dimension": "clarity", "kind": "flag",
      "severity": "tip", "patterns": ["\\bsynergy\\b"], "message": "Plain.",
      "examples": {"match": ["[[synergy]]"], "noMatch": ["energy"]}}]})";
  const std::string broken = R"({"pack": "acme", "rules": [{"id": 1}]})";
  for (int i = 0; i < 2; ++i) Coach::Create(i ? admin : broken);  // warm-up
  const size_t warm = HeapInUse();
  for (int i = 0; i < 6; ++i) {
    const auto coach = Coach::Create(i % 2 ? admin : broken);
    coach->Analyze(Varied(i));
  }
  EXPECT_LT(HeapInUse(), warm + 32 * 1024);
#ifdef RAPPORT_ASAN
  // Leaks are also checked at exit; checking here names this test.
  EXPECT_EQ(__lsan_do_recoverable_leak_check(), 0);
#endif
}

}  // namespace
}  // namespace rapport
