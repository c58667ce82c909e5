// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// The default pack: the rule files (rules/en) load cleanly, are large enough,
// cover every dimension, and every example of every rule holds; the copy
// built into the core is the same pack. A failure names the file, the rule id
// and the reason.

#include "default_pack.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "coach.h"

namespace rapport {
namespace {

std::vector<PackFile> RuleFiles() {
  std::vector<PackFile> files;
  const std::filesystem::path dir =
      std::filesystem::path(RAPPORT_SOURCE_DIR) / "rules" / "en";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    std::stringstream ss;
    ss << in.rdbuf();
    files.push_back({"en/" + entry.path().filename().string(), ss.str()});
  }
  std::sort(
      files.begin(), files.end(),
      [](const PackFile& a, const PackFile& b) { return a.name < b.name; });
  return files;
}

const Coach& FileCoach() {
  static const auto* coach = Coach::FromFiles(RuleFiles()).release();
  return *coach;
}

TEST(DefaultPack, LoadsWithoutErrorsOrWarnings) {
  for (const PackError& e : FileCoach().errors()) ADD_FAILURE() << e.ToString();
  for (const PackError& e : FileCoach().warnings()) {
    ADD_FAILURE() << e.ToString();
  }
  EXPECT_TRUE(FileCoach().ok());
}

TEST(DefaultPack, EveryExampleOfEveryRuleHolds) {
  ASSERT_TRUE(FileCoach().ok());
  for (const PackError& e : FileCoach().CheckExamples()) {
    ADD_FAILURE() << e.ToString();
  }
}

TEST(DefaultPack, TheBuiltInPackIsTheRuleFiles) {
  // One source of truth: the embedded pack is rules/en without examples.
  const auto builtin = Coach::Create();
  ASSERT_TRUE(builtin->ok());
  const Pack& a = builtin->pack();
  const Pack& b = FileCoach().pack();
  ASSERT_EQ(a.rules.size(), b.rules.size());
  for (size_t i = 0; i < a.rules.size(); ++i) {
    EXPECT_EQ(a.rules[i].id, b.rules[i].id);
    EXPECT_EQ(a.rules[i].patterns, b.rules[i].patterns) << a.rules[i].id;
    EXPECT_EQ(a.rules[i].weight, b.rules[i].weight) << a.rules[i].id;
    EXPECT_EQ(a.rules[i].message, b.rules[i].message) << a.rules[i].id;
    EXPECT_TRUE(a.rules[i].match_examples.empty()) << a.rules[i].id;
  }
  EXPECT_EQ(a.checks.size(), b.checks.size());
  for (const PackFile& f : DefaultPackFiles()) {
    EXPECT_EQ(f.name.rfind("en/", 0), 0u) << f.name;
  }
}

TEST(DefaultPack, IsLargeAndCoversEveryDimensionAndSignal) {
  const Pack& pack = FileCoach().pack();
  EXPECT_GE(pack.rules.size(), 150u);
  std::set<std::string> credit, flag, signal;
  for (const Rule& r : pack.rules) {
    const std::string dim(DimensionName(r.dimension));
    if (r.kind == RuleKind::kCredit) credit.insert(dim);
    if (r.kind == RuleKind::kFlag) flag.insert(dim);
    if (r.kind == RuleKind::kSignal) {
      signal.insert(std::string(SignalName(r.signal)));
    }
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
    EXPECT_TRUE(FileCoach().pack().checks.count(id)) << id;
  }
}

}  // namespace
}  // namespace rapport
