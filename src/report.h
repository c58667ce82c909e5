// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// Report: what one analysis returns, and its JSON form. This is the one place
// the report shape is produced; js-shim/rapport.d.ts types it for JavaScript.
//
//   rapport::Report r = coach.Analyze(input);
//   std::string json = rapport::ReportToJson(r);
//   // {"score":72,"dimensions":{"empathy":{"score":40,"weight":1.9},...},
//   //  "customer":{...},"findings":[...],"stats":{...},...}
//
// All offsets in a report are UTF-16 code units into the strings the caller
// passed: finding spans and fixes into the draft (HTML included), mention
// spans into the customer message they came from.

#ifndef RAPPORT_SRC_REPORT_H_
#define RAPPORT_SRC_REPORT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "pack.h"

namespace rapport {

struct FixEdit {
  enum class Op { kReplace, kInsert };
  Op op = Op::kReplace;
  uint32_t start = 0;
  uint32_t end = 0;  // == start for an insert
  std::string text;  // for HTML drafts, already HTML
};

struct Finding {
  std::string rule_id;
  Dimension dimension = Dimension::kEmpathy;
  Severity severity = Severity::kTip;
  std::string message;
  uint32_t start = 0;  // the span the finding is about
  uint32_t end = 0;
  std::string quote;  // the text of the span (plain), for display
  bool has_fix = false;
  FixEdit fix;
};

// A rule that gave credit: explains the positive side of a dimension.
struct Credit {
  std::string rule_id;
  Dimension dimension = Dimension::kEmpathy;
  uint32_t start = 0;
  uint32_t end = 0;
  double points = 0;
};

struct DimensionScore {
  int score = 0;       // 0..100
  double weight = 0;   // share in the overall score (after customer signals)
  double credit = 0;   // points gained from credits
  double penalty = 0;  // points lost to findings
  // How many points of the overall score this dimension cost against a
  // perfect 100 (weight share times 100 - score).
  double cost = 0;
  bool coached = true;  // false when the input left this dimension out
};

struct Mention {
  std::string type;  // order, ticket, name, ...
  std::string text;
  int message = 0;  // index into customerMessages
  uint32_t start = 0;
  uint32_t end = 0;
};

struct CustomerSignals {
  double frustration = 0;   // 0..1
  double urgency = 0;       // 0..1
  double sentiment = 0;     // -1..1
  bool frustrated = false;  // frustration at or past the pack's threshold
  bool urgent = false;      // urgency at or past the pack's threshold
  bool repeat_contact = false;
  bool churn_risk = false;
  int questions = 0;
  std::vector<Mention> mentions;
  std::vector<std::string> evidence;  // rule ids that fired
};

struct Stats {
  int words = 0;
  int sentences = 0;
  int paragraphs = 0;
  double reading_grade = 0;
  int characters = 0;  // UTF-16 length of the draft as given
};

struct Report {
  int score = 0;
  DimensionScore dimensions[kScoredDimensions];
  CustomerSignals customer;
  std::vector<Finding> findings;
  std::vector<Credit> credits;
  Stats stats;
  bool truncated = false;              // the draft or a message was cut
  std::string pack;                    // the pack in use
  std::vector<PackError> pack_errors;  // an admin pack that was rejected
};

// The report as the JSON object of the contract (architecture.md).
std::string ReportToJson(const Report& report, int indent = -1);

}  // namespace rapport

#endif  // RAPPORT_SRC_REPORT_H_
