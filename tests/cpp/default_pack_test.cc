// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// The default pack (rules/en) as built into the core: it loads cleanly, it is
// large enough, it covers every dimension, and every example of every rule
// holds. A failure names the file, the rule id and the reason.

#include "default_pack.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "coach.h"

namespace rapport {
namespace {

TEST(DefaultPack, LoadsWithoutErrorsOrWarnings) {
  const auto coach = Coach::Create();
  for (const PackError& e : coach->errors()) ADD_FAILURE() << e.ToString();
  for (const PackError& e : coach->warnings()) ADD_FAILURE() << e.ToString();
  EXPECT_TRUE(coach->ok());
}

TEST(DefaultPack, EveryExampleOfEveryRuleHolds) {
  const auto coach = Coach::Create();
  ASSERT_TRUE(coach->ok());
  for (const PackError& e : coach->CheckExamples())
    ADD_FAILURE() << e.ToString();
}

TEST(DefaultPack, IsLargeAndCoversEveryDimensionAndSignal) {
  const auto coach = Coach::Create();
  const Pack& pack = coach->pack();
  EXPECT_GE(pack.rules.size(), 150u);
  std::set<std::string> credit, flag, signal;
  for (const Rule& r : pack.rules) {
    const std::string dim(DimensionName(r.dimension));
    if (r.kind == RuleKind::kCredit) credit.insert(dim);
    if (r.kind == RuleKind::kFlag) flag.insert(dim);
    if (r.kind == RuleKind::kSignal)
      signal.insert(std::string(SignalName(r.signal)));
  }
  for (const char* d : {"empathy", "urgency", "personalization", "positivity",
                        "proactivity", "closing"}) {
    EXPECT_TRUE(credit.count(d)) << "no credit rule for " << d;
  }
  for (const char* d : {"empathy", "urgency", "personalization", "positivity",
                        "closing", "clarity"}) {
    EXPECT_TRUE(flag.count(d)) << "no flag rule for " << d;
  }
  for (const char* s : {"frustration", "urgency", "repeatContact", "churnRisk",
                        "positive", "negative"}) {
    EXPECT_TRUE(signal.count(s)) << "no lexicon for " << s;
  }
}

TEST(DefaultPack, EveryCheckTheEngineRaisesIsDefined) {
  const auto coach = Coach::Create();
  for (const char* id :
       {"en.empathy.missing_acknowledgement", "en.empathy.late_acknowledgement",
        "en.urgency.missing_time_commitment", "en.urgency.missing_ownership",
        "en.personalization.missing_name",
        "en.personalization.missing_reference",
        "en.positivity.refusal_without_alternative",
        "en.positivity.refusal_without_reason", "en.closing.negative_ending",
        "en.closing.missing_offer_help", "en.closing.missing_signoff",
        "en.proactivity.missing", "en.clarity.long_sentence",
        "en.clarity.wall_of_text", "en.clarity.reading_grade"}) {
    EXPECT_TRUE(coach->pack().checks.count(id)) << id;
  }
}

TEST(DefaultPack, TheEmbeddedFilesAreTheRuleFiles) {
  // One source of truth: the embedded pack is rules/en, file for file.
  const std::vector<PackFile> files = DefaultPackFiles();
  EXPECT_GE(files.size(), 8u);
  for (const PackFile& f : files)
    EXPECT_EQ(f.name.rfind("en/", 0), 0u) << f.name;
}

}  // namespace
}  // namespace rapport
