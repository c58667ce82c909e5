// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// Pack loading and validation: every broken pack is reported with its file,
// rule id and reason, and a broken admin pack never costs the default pack.

#include "pack.h"

#include <gtest/gtest.h>

#include <string>

#include "coach.h"

namespace rapport {
namespace {

// A valid one-rule pack file, with `patch` spliced into the rule object.
std::string RuleFile(const std::string& patch = "",
                     const std::string& id = "t.positivity.unfortunately") {
  return R"({"pack": "t", "rules": [{
    "id": ")" +
         id + R"(", "dimension": "positivity", "kind": "flag",
    "severity": "tip", "patterns": ["\\bunfortunately\\b"],
    "message": "Lead with what you can do.",
    "examples": {"match": ["Sadly and [[unfortunately]] no."],
                 "noMatch": ["Fortunately, yes."]})" +
         patch + "}]}";
}

std::string Joined(const std::vector<PackError>& errors) {
  std::string s;
  for (const PackError& e : errors) s += e.ToString() + "\n";
  return s;
}

TEST(Pack, AValidPackLoads) {
  const PackLoad load = LoadPack({{"t.json", RuleFile()}});
  EXPECT_TRUE(load.errors.empty()) << Joined(load.errors);
  ASSERT_EQ(load.pack.rules.size(), 1u);
  const Rule& r = load.pack.rules[0];
  EXPECT_EQ(r.kind, RuleKind::kFlag);
  ASSERT_EQ(r.match_examples.size(), 1u);
  EXPECT_EQ(r.match_examples[0].text, "Sadly and unfortunately no.");
  EXPECT_EQ(r.match_examples[0].begin, 10u);
  EXPECT_EQ(r.match_examples[0].end, 23u);
}

TEST(Pack, ErrorsNameFileRuleAndReason) {
  const struct {
    const char* name;
    std::string json;
    const char* rule_id;  // expected in the error, "" for file-level
    const char* reason;   // expected substring of the reason
  } cases[] = {
      {"syntax", R"({"pack": "t", "rules": [}")", "", "line 1"},
      {"not an object", "[1, 2]", "", "must be a JSON object"},
      {"no pack name", R"({"rules": []})", "", "missing \"pack\""},
      {"bad dimension", RuleFile(R"(, "dimension": "kindness")"),
       "t.positivity.unfortunately", "unknown dimension"},
      {"bad kind", RuleFile(R"(, "kind": "praise")"),
       "t.positivity.unfortunately", "unknown kind"},
      {"id form", RuleFile("", "t.empathy.unfortunately"),
       "t.empathy.unfortunately", "id must have the form"},
      {"id characters", RuleFile("", "t.positivity.Un-fortunately"),
       "t.positivity.Un-fortunately", "only a-z"},
      {"no severity", RuleFile(R"(, "severity": null)"),
       "t.positivity.unfortunately", "must be a string"},
      {"weight range", RuleFile(R"(, "weight": 9)"),
       "t.positivity.unfortunately", "between 0 and 5"},
      {"no examples", RuleFile(R"(, "examples": {})"),
       "t.positivity.unfortunately", "at least one \"match\""},
      {"unmarked match",
       RuleFile(
           R"(, "examples": {"match": ["unfortunately"], "noMatch": ["x"]})"),
       "t.positivity.unfortunately", "span marked"},
      {"marked noMatch",
       RuleFile(
           R"(, "examples": {"match": ["[[unfortunately]]"], "noMatch": ["[[x]]"]})"),
       "t.positivity.unfortunately", "cannot mark"},
      {"empty patterns", RuleFile(R"(, "patterns": [])"),
       "t.positivity.unfortunately", "non-empty array"},
      {"bad fix op", RuleFile(R"(, "fix": {"op": "delete", "text": ""})"),
       "t.positivity.unfortunately", "fix \"op\""},
      {"signal on draft", RuleFile(R"(, "kind": "signal")"),
       "t.positivity.unfortunately", "belong to dimension customer"},
  };
  for (const auto& c : cases) {
    const PackLoad load = LoadPack({{"bad.json", c.json}});
    ASSERT_FALSE(load.errors.empty()) << c.name;
    const PackError& e = load.errors[0];
    EXPECT_EQ(e.file, "bad.json") << c.name;
    EXPECT_EQ(e.rule_id, c.rule_id) << c.name << ": " << e.ToString();
    EXPECT_NE(e.reason.find(c.reason), std::string::npos)
        << c.name << ": " << e.ToString();
  }
}

TEST(Pack, DuplicateIdsAcrossFilesAreRejected) {
  const PackLoad load =
      LoadPack({{"a.json", RuleFile()}, {"b.json", RuleFile()}});
  ASSERT_EQ(load.errors.size(), 1u) << Joined(load.errors);
  EXPECT_EQ(load.errors[0].file, "b.json");
  EXPECT_NE(load.errors[0].reason.find("duplicate id"), std::string::npos);
}

TEST(Pack, FilesMustNameTheSamePack) {
  std::string other = RuleFile("", "u.positivity.x");
  other.replace(other.find("\"t\""), 3, "\"u\"");
  const PackLoad load = LoadPack({{"a.json", RuleFile()}, {"b.json", other}});
  ASSERT_FALSE(load.errors.empty());
  EXPECT_NE(load.errors[0].reason.find("the other files say"),
            std::string::npos);
}

TEST(Pack, UnknownTagsAreWarnings) {
  const PackLoad load =
      LoadPack({{"t.json", RuleFile(R"(, "tags": ["negativ"])")}});
  EXPECT_TRUE(load.errors.empty());
  ASSERT_EQ(load.warnings.size(), 1u);
  EXPECT_NE(load.warnings[0].reason.find("negativ"), std::string::npos);
}

TEST(Pack, PatternsRe2RejectsAreErrorsWithTheRule) {
  const auto coach = Coach::FromFiles(
      {{"t.json", RuleFile(R"(, "patterns": ["(?<=no)thing", "ok"])")}});
  EXPECT_FALSE(coach->ok());
  ASSERT_EQ(coach->errors().size(), 1u);
  EXPECT_EQ(coach->errors()[0].rule_id, "t.positivity.unfortunately");
  EXPECT_NE(coach->errors()[0].reason.find("RE2 rejects"), std::string::npos);
}

TEST(Pack, ExamplesAreRunAndWrongSpansReported) {
  // The pattern matches "unfortunately" but the example marks "and".
  const auto coach = Coach::FromFiles(
      {{"t.json",
        RuleFile(
            R"(, "examples": {"match": ["Sadly [[and]] unfortunately no.", "[[never]]"],
                        "noMatch": ["Unfortunately!"]})")}});
  ASSERT_TRUE(coach->ok()) << Joined(coach->errors());
  const std::vector<PackError> failures = coach->CheckExamples();
  ASSERT_EQ(failures.size(), 3u) << Joined(failures);
  EXPECT_NE(failures[0].reason.find("but the example marks \"and\""),
            std::string::npos);
  EXPECT_NE(failures[1].reason.find("does not match"), std::string::npos);
  EXPECT_NE(failures[2].reason.find("noMatch"), std::string::npos);
  for (const PackError& f : failures)
    EXPECT_EQ(f.rule_id, "t.positivity.unfortunately");
}

TEST(Pack, TheSpanGroupIsWhatTheRulePointsAt) {
  // The comma is context the rule needs (RE2 has no look-ahead), not part of
  // what the agent sees highlighted or what the fix replaces.
  const std::string patch =
      R"(, "patterns": ["\\b(?P<span>unfortunately)\\s*,"],
      "fix": {"op": "replace", "text": "sadly"},
      "examples": {"match": ["So [[unfortunately]], no."],
                   "noMatch": ["Unfortunately no."]})";
  const auto coach = Coach::FromFiles({{"t.json", RuleFile(patch)}});
  ASSERT_TRUE(coach->ok()) << Joined(coach->errors());
  EXPECT_TRUE(coach->CheckExamples().empty()) << Joined(coach->CheckExamples());

  AnalyzeInput in;
  in.draft = "The sofa is late and unfortunately, the driver is ill.";
  const Report r = coach->Analyze(in);
  ASSERT_EQ(r.findings.size(), 1u);
  const Finding& f = r.findings[0];
  EXPECT_EQ(f.quote, "unfortunately");
  EXPECT_EQ(f.end - f.start, 13u);
  ASSERT_TRUE(f.has_fix);
  EXPECT_EQ(f.fix.start, f.start);
  EXPECT_EQ(f.fix.end, f.end);
  EXPECT_EQ(f.fix.text, "sadly");

  // An example that marks the whole match is wrong, and says what the rule
  // points at.
  const auto whole = Coach::FromFiles({{"t.json", RuleFile(R"(,
      "patterns": ["\\b(?P<span>unfortunately)\\s*,"],
      "examples": {"match": ["So [[unfortunately,]] no."], "noMatch": ["x"]})")}});
  const std::vector<PackError> failures = whole->CheckExamples();
  ASSERT_EQ(failures.size(), 1u) << Joined(failures);
  EXPECT_NE(failures[0].reason.find("points at \"unfortunately\""),
            std::string::npos)
      << failures[0].reason;
}

TEST(Pack, SentenceAnchorsMakeCaretTheSentenceStart) {
  const std::string patterns = R"(, "patterns": ["^(?P<span>call)\\b"])";
  const auto sentence = Coach::FromFiles({{"t.json", RuleFile(patterns + R"(,
      "anchors": "sentence",
      "examples": {"match": ["We can't. [[Call]] 150 instead."],
                   "noMatch": ["We can't call you."]})")}});
  ASSERT_TRUE(sentence->ok()) << Joined(sentence->errors());
  EXPECT_TRUE(sentence->CheckExamples().empty())
      << Joined(sentence->CheckExamples());
  // Without the field, ^ is the start of the text.
  const auto text = Coach::FromFiles({{"t.json", RuleFile(patterns + R"(,
      "examples": {"match": ["We can't. [[Call]] 150 instead."],
                   "noMatch": ["x"]})")}});
  ASSERT_EQ(text->CheckExamples().size(), 1u);
  EXPECT_NE(text->CheckExamples()[0].reason.find("does not match"),
            std::string::npos);
  const auto bad =
      Coach::FromFiles({{"t.json", RuleFile(R"(, "anchors": "paragraph")")}});
  ASSERT_FALSE(bad->ok());
  EXPECT_NE(bad->errors()[0].reason.find("unknown \"anchors\""),
            std::string::npos)
      << Joined(bad->errors());
}

TEST(Pack, MentionExamplesMayMarkTheGroupOrTheWholeMatch) {
  // Mention examples marked the whole match before span groups existed; an
  // admin pack written then must still load and run.
  const auto coach = Coach::FromFiles({{"t.json", R"({"pack": "t", "rules": [{
      "id": "t.customer.sku", "dimension": "customer", "kind": "mention",
      "mentionType": "product", "patterns": ["\\bsku\\s*(\\d{5})\\b"],
      "examples": {"match": ["Is [[SKU 12345]] in stock?", "Is SKU [[12345]] in?"],
                   "noMatch": ["No code here."]}}]})"}});
  ASSERT_TRUE(coach->ok()) << Joined(coach->errors());
  EXPECT_TRUE(coach->CheckExamples().empty()) << Joined(coach->CheckExamples());
}

TEST(Pack, PlainGroupsOnlyGroup) {
  // Admin packs group words with plain parentheses; only a group named
  // "span" changes what a flag or credit points at.
  const auto coach = Coach::FromFiles({{"t.json", RuleFile(R"(,
      "patterns": ["\\bI'?m (so |really )?sorry\\b"],
      "examples": {"match": ["Well, [[I'm so sorry]] about it."],
                   "noMatch": ["A sorry state."]})")}});
  ASSERT_TRUE(coach->ok()) << Joined(coach->errors());
  EXPECT_TRUE(coach->CheckExamples().empty()) << Joined(coach->CheckExamples());
  AnalyzeInput in;
  in.draft = "I'm really sorry it broke.";
  const Report r = coach->Analyze(in);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].quote, "I'm really sorry");
}

// A pack file holding only `settings`.
std::string SettingsFile(const std::string& settings) {
  return R"({"pack": "t", "settings": )" + settings + "}";
}

TEST(Pack, ClauseWordsLoadAsPhrases) {
  const PackLoad load =
      LoadPack({{"t.json", RuleFile()}, {"s.json", SettingsFile(R"({"clauses": {
    "conditionOpeners": ["if", "even if"], "liftStops": []}})")}});
  EXPECT_TRUE(load.errors.empty()) << Joined(load.errors);
  const ClauseWords& c = load.pack.settings.clauses;
  EXPECT_EQ(c.condition_openers, (std::vector<Phrase>{{"if"}, {"even", "if"}}));
  EXPECT_TRUE(c.lift_stops.empty());
  EXPECT_TRUE(c.lifters.empty());  // not given: off
}

TEST(Pack, BadClauseWordsAreErrors) {
  const struct {
    const char* clauses;
    const char* reason;
  } cases[] = {
      {R"(["if"])", "\"settings.clauses\" must be an object"},
      {R"({"lifters": "until"})", "must be an array of phrases"},
      {R"({"lifters": [1]})", "must hold strings"},
      {R"({"lifters": ["Until"]})", "lower-case words"},
      {R"({"lifters": ["in  case"]})", "lower-case words"},
      {R"({"lifters": ["until "]})", "lower-case words"},
      {R"({"lifters": [""]})", "lower-case words"},
      {R"({"liftStop": ["for"]})", "unknown key \"liftStop\""},
  };
  for (const auto& c : cases) {
    const PackLoad load =
        LoadPack({{"s.json", SettingsFile(std::string(R"({"clauses": )") +
                                          c.clauses + "}")}});
    EXPECT_NE(Joined(load.errors).find(c.reason), std::string::npos)
        << c.clauses << " gave:\n"
        << Joined(load.errors);
  }
  std::string many = R"({"clauses": {"lifters": [)";
  for (size_t i = 0; i <= kMaxClausePhrases; ++i) many += "\"a\",";
  many.back() = ']';
  many += "}}";
  const PackLoad load = LoadPack({{"s.json", SettingsFile(many)}});
  EXPECT_NE(Joined(load.errors).find("the limit is"), std::string::npos)
      << Joined(load.errors);

  // A phrase may be kMaxClausePhraseBytes long, not one byte more.
  const std::string at_limit(kMaxClausePhraseBytes, 'a');
  const auto lifters = [](const std::string& phrase) {
    return LoadPack({{"s.json", SettingsFile(R"({"clauses": {"lifters": [")" +
                                             phrase + R"("]}})")}});
  };
  EXPECT_TRUE(lifters(at_limit).errors.empty())
      << Joined(lifters(at_limit).errors);
  EXPECT_NE(Joined(lifters(at_limit + "a").errors).find("bytes long"),
            std::string::npos);
  // Words of other languages are data too ("à moins que").
  EXPECT_TRUE(lifters("\u00e0 moins que").errors.empty());
}

TEST(Pack, UnknownSettingsAreErrors) {
  // A typo would otherwise leave a setting at its default without a word.
  const PackLoad load =
      LoadPack({{"s.json", SettingsFile(R"({"clause": {"lifters": []}})")}});
  EXPECT_NE(Joined(load.errors).find("unknown key \"clause\" in \"settings\""),
            std::string::npos)
      << Joined(load.errors);
}

TEST(AdminPack, AddsDisablesAndReweights) {
  const PackLoad base = LoadPack({{"t.json", RuleFile()}});
  ASSERT_TRUE(base.errors.empty());
  const PackLoad admin = ApplyAdminPack(base.pack, R"({
    "pack": "acme",
    "rules": [{"id": "acme.clarity.synergy", "dimension": "clarity", "kind": "flag",
               "severity": "tip", "patterns": ["\\bsynergy\\b"], "message": "Plain words.",
               "examples": {"match": ["[[synergy]]"], "noMatch": ["energy"]}}],
    "weights": {"t.positivity.unfortunately": 3}
  })");
  EXPECT_TRUE(admin.errors.empty()) << Joined(admin.errors);
  ASSERT_EQ(admin.pack.rules.size(), 2u);
  EXPECT_EQ(admin.pack.rules[0].weight, 3);
  EXPECT_EQ(admin.pack.rules[1].id, "acme.clarity.synergy");

  const PackLoad off = ApplyAdminPack(
      base.pack,
      R"({"pack": "acme", "disable": ["t.positivity.unfortunately"]})");
  EXPECT_TRUE(off.errors.empty()) << Joined(off.errors);
  EXPECT_TRUE(off.pack.rules.empty());
}

TEST(AdminPack, ABrokenAdminPackLeavesTheBaseUnchanged) {
  const PackLoad base = LoadPack({{"t.json", RuleFile()}});
  const struct {
    const char* json;
    const char* reason;
  } cases[] = {
      {"{not json", "not valid JSON"},
      {R"({"pack": "t"})", "name of its own"},
      {R"({"pack": "acme", "disable": ["t.nope"]})", "no such rule"},
      {R"({"pack": "acme", "weights": {"t.positivity.unfortunately": "high"}})",
       "0 to 5"},
      {R"({"pack": "acme", "rules": [{"id": "t.positivity.unfortunately", "dimension": "positivity",
         "kind": "flag", "severity": "tip", "patterns": ["x"], "message": "m",
         "examples": {"match": ["[[x]]"], "noMatch": ["y"]}}]})",
       "id must have the form"},
  };
  for (const auto& c : cases) {
    const PackLoad admin = ApplyAdminPack(base.pack, c.json);
    ASSERT_FALSE(admin.errors.empty()) << c.json;
    EXPECT_NE(Joined(admin.errors).find(c.reason), std::string::npos)
        << Joined(admin.errors);
    EXPECT_EQ(admin.pack.rules.size(), 1u);
    EXPECT_EQ(admin.pack.rules[0].weight, 1);
  }
}

TEST(AdminPack, BadPatternsAndFailingExamplesRejectTheAdminPackOnly) {
  const std::string bad_pattern = R"({"pack": "acme", "rules": [{
      "id": "acme.clarity.x", "dimension": "clarity", "kind": "flag", "severity": "tip",
      "patterns": ["(unclosed"], "message": "m",
      "examples": {"match": ["[[x]]"], "noMatch": ["y"]}}]})";
  const std::string bad_example = R"({"pack": "acme", "rules": [{
      "id": "acme.clarity.x", "dimension": "clarity", "kind": "flag", "severity": "tip",
      "patterns": ["\\bsynergy\\b"], "message": "m",
      "examples": {"match": ["[[energy]]"], "noMatch": ["y"]}}]})";
  for (const std::string& admin : {bad_pattern, bad_example}) {
    const auto coach = Coach::FromFiles({{"t.json", RuleFile()}}, admin);
    EXPECT_TRUE(coach->ok());
    ASSERT_FALSE(coach->admin_errors().empty());
    EXPECT_EQ(coach->admin_errors()[0].rule_id, "acme.clarity.x");
    EXPECT_EQ(coach->pack().rules.size(), 1u);
    // The default pack still works, and every report carries the errors.
    AnalyzeInput in;
    in.draft = "Unfortunately not.";
    const Report r = coach->Analyze(in);
    EXPECT_FALSE(r.pack_errors.empty());
    ASSERT_FALSE(r.findings.empty());
    EXPECT_EQ(r.findings[0].rule_id, "t.positivity.unfortunately");
  }
}

}  // namespace
}  // namespace rapport
