// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// Rule packs: the coaching knowledge as data (see rules/README.md for the
// format). Loading validates everything and reports each problem with the
// file, the rule id and the reason; it never aborts and never throws.
//
//   rapport::PackLoad load = rapport::LoadPack({{"empathy.json", json_text}});
//   if (!load.errors.empty()) { /* show load.errors[i].ToString() */ }
//   rapport::Pack pack = std::move(load.pack);
//
//   rapport::PackLoad admin = rapport::ApplyAdminPack(pack, admin_json);
//   // admin.errors non-empty: admin.pack is `pack` unchanged.
//
// Packs are bounded (the limits below) so that a pack pasted by an admin
// cannot make loading or analysis expensive: over a bound, the pack gets an
// error naming the rule, and an admin pack is then not used at all.

#ifndef RAPPORT_SRC_PACK_H_
#define RAPPORT_SRC_PACK_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

// Bounds of every pack (the default pack is well inside them).
inline constexpr size_t kMaxPatternsPerRule = 32;
inline constexpr size_t kMaxPatternBytes = 2048;
inline constexpr size_t kMaxExamplesPerList = 20;  // match, and noMatch
inline constexpr size_t kMaxExampleBytes = 2048;
inline constexpr size_t kMaxPackMessageBytes = 500;  // rule/check messages
inline constexpr size_t kMaxFixTextBytes = 500;
inline constexpr size_t kMaxClausePhrases = 64;  // per list of "clauses"
inline constexpr size_t kMaxClausePhraseBytes = 40;
// The RE2 memory budget of one compiled pattern (RE2::Options::set_max_mem):
// a pattern whose program needs more is rejected, naming its rule.
inline constexpr int64_t kMaxPatternMemory = 2 << 20;
// Bounds of an admin pack, on top of the ones above.
inline constexpr size_t kMaxAdminPackBytes = 1 << 20;  // the JSON text
inline constexpr size_t kMaxAdminRules = 200;          // rules it adds
inline constexpr size_t kMaxAdminPatterns = 1000;      // over all its rules

enum class Dimension {
  kEmpathy,
  kUrgency,
  kPersonalization,
  kPositivity,
  kProactivity,
  kClosing,
  kClarity,
  kCustomer,  // customer lexicons; not scored
};
inline constexpr int kScoredDimensions = 7;

enum class RuleKind { kCredit, kFlag, kSignal, kMention };
enum class Severity { kTip, kWarning, kCritical };
enum class Where { kAnywhere, kOpening, kClosing };
enum class Signal {
  kNone,
  kFrustration,
  kUrgency,
  kRepeatContact,
  kChurnRisk,
  kPositive,
  kNegative
};

// Tags the engine reasons about (rules/README.md). Bit flags.
enum Tag : uint32_t {
  kTagAcknowledgement = 1u << 0,
  kTagApology = 1u << 1,
  kTagOwnership = 1u << 2,
  kTagTimeCommitment = 1u << 3,
  kTagNextStep = 1u << 4,
  kTagReason = 1u << 5,
  kTagAlternative = 1u << 6,
  kTagOfferHelp = 1u << 7,
  kTagSignoff = 1u << 8,
  kTagGreeting = 1u << 9,
  kTagThanks = 1u << 10,
  kTagProactive = 1u << 11,
  kTagRefusal = 1u << 12,
  kTagNegative = 1u << 13,
  kTagTemplate = 1u << 14,
  kTagVagueTime = 1u << 15,
  kTagDeflection = 1u << 16,
  kTagBlame = 1u << 17,
  kTagReassurance = 1u << 18,
  kTagFirm = 1u << 19,
  kTagHandover = 1u << 20,
};

std::string_view DimensionName(Dimension d);
// The dimension named `name` ("empathy"...); false if there is none.
bool ParseDimensionName(std::string_view name, Dimension* d);
std::string_view SeverityName(Severity s);
std::string_view SignalName(Signal s);

struct Fix {
  enum class Op { kNone, kReplace, kInsertBefore, kInsertAfter };
  Op op = Op::kNone;
  std::string text;  // may hold {name}
};

struct Example {
  std::string text;  // markers removed
  size_t begin = 0;  // the marked span, in bytes of text
  size_t end = 0;
  bool has_span = false;
};

struct Rule {
  std::string id;
  Dimension dimension = Dimension::kEmpathy;
  RuleKind kind = RuleKind::kCredit;
  std::vector<std::string> patterns;
  bool case_sensitive = false;
  double weight = 1;
  Severity severity = Severity::kTip;
  uint32_t tags = 0;
  Where where = Where::kAnywhere;
  // "anchors": "sentence": ^ and $ are the start and end of the sentence
  // being matched, not of the whole text.
  bool sentence_anchors = false;
  Signal signal = Signal::kNone;
  std::string mention_type;
  std::string message;
  Fix fix;
  std::vector<Example> match_examples;
  std::vector<Example> nomatch_examples;
  std::string file;  // where it was defined
};

// A finding the engine raises from what is missing; wording is data.
struct Check {
  Dimension dimension = Dimension::kEmpathy;
  Severity severity = Severity::kTip;
  double weight = 1;
  std::string message;
  std::string fix_text;  // inserted text, may hold {name} and {agent}
  bool enabled = true;
};

// A phrase of lower-case ASCII words ("even if" is {"even", "if"}).
using Phrase = std::vector<std::string>;

// The words that tell a refusal or a blame apart from a condition or a
// reassurance (rules/README.md, "Clauses"). Empty lists turn the test off.
struct ClauseWords {
  // A clause opening with one of these is a condition: "if", "in case".
  std::vector<Phrase> condition_openers;
  // Words read past at the start of a clause: "and", "but".
  std::vector<Phrase> connectives;
  // Within five words after a "no", these lift it: "until" (says when the
  // answer is yes), "anyone" ("no way anyone can get in" reassures).
  std::vector<Phrase> lifters;
  // Stops the look-ahead: "for" in "can't do it for you until Monday".
  std::vector<Phrase> lift_stops;
};

struct DimensionSetting {
  double base = 50;   // score with no credit and no finding
  double weight = 1;  // share of the overall score
};

struct Settings {
  DimensionSetting dimensions[kScoredDimensions];
  double credit_points = 22;  // points per unit of credit weight
  double credit_cap = 2.5;    // credit weight counted at most, per dimension
  double tip_points = 8;      // points lost per unit weight of a tip
  double warning_points = 20;
  double critical_points = 40;
  double frustrated_at = 0.45;     // customer frustration that expects empathy
  double urgent_at = 0.45;         // customer urgency that expects a time
  double critical_score_cap = 45;  // overall score with a critical finding
  int long_sentence_words = 30;
  int wall_of_text_words = 120;
  double max_reading_grade = 10;
  ClauseWords clauses;
};

struct PackError {
  std::string file;
  std::string rule_id;  // empty when the problem is not in one rule
  std::string reason;
  std::string ToString() const;
};

struct Pack {
  std::string name;
  std::vector<Rule> rules;
  std::map<std::string, Check> checks;  // by id
  Settings settings;
};

struct PackFile {
  std::string name;  // shown in errors
  std::string json;
};

struct PackLoad {
  Pack pack;
  std::vector<PackError> errors;    // the pack must not be used as is
  std::vector<PackError> warnings;  // worth fixing; the pack works
};

struct LoadOptions {
  // Every rule must carry match and noMatch examples. Off only for the pack
  // embedded in the core, whose examples are stripped at build time (the
  // tests run them from the rule files).
  bool require_examples = true;
};

// Parses and validates a default pack made of several files. Checks JSON
// syntax, required fields and their types, ids (form and uniqueness), enum
// values, and that every rule has examples. Does not compile patterns or run
// examples: see Matcher and Coach::CheckExamples for that.
PackLoad LoadPack(const std::vector<PackFile>& files,
                  const LoadOptions& options = {});

// Applies an admin pack (one JSON object) on top of `base`: new rules,
// disabled rules, weights and check overrides. On any error the result holds
// `base` unchanged and the errors.
PackLoad ApplyAdminPack(const Pack& base, std::string_view json,
                        std::string_view file_name = "admin pack");

}  // namespace rapport

#endif  // RAPPORT_SRC_PACK_H_
