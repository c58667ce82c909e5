// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// Coach: the public entry point of the Rapport core. Scores an agent's draft
// reply against the customer's messages and explains the score.
//
//   std::unique_ptr<rapport::Coach> coach = rapport::Coach::Create();
//   rapport::AnalyzeInput in;
//   in.draft = "Hi Ann, I'm sorry about the delay. I'll ship it today.";
//   in.customer_messages = {"Third time asking: where is order #48213?!"};
//   in.customer_name = "Ann Lee";
//   rapport::Report r = coach->Analyze(in);
//   std::string json = rapport::ReportToJson(r);
//
//   // Or JSON in, JSON out (what the WebAssembly binding uses):
//   std::string out = coach->AnalyzeJson(R"({"draft":"Hi","format":"text"})");
//
// A Coach is immutable after creation except for a one-entry cache of the
// last customer analysis: use one Coach per thread.

#ifndef RAPPORT_SRC_COACH_H_
#define RAPPORT_SRC_COACH_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pack.h"
#include "report.h"

namespace rapport {

// What analyze() reads at most; the rest is not analysed and the report says
// `truncated`. Offsets stay exact for the analysed part.
inline constexpr size_t kMaxDraftBytes = 256 * 1024;
inline constexpr size_t kMaxMessageBytes = 64 * 1024;
inline constexpr size_t kMaxMessages = 20;  // the latest are kept

struct AnalyzeInput {
  std::string draft;
  bool html = false;  // format: "html" (Zendesk rich text) or "text"
  std::vector<std::string> customer_messages;  // oldest first
  std::string customer_name;
  std::string agent_name;
  std::string locale;  // only "en" rules exist so far; kept for the future
  // The dimensions to coach (an admin setting). Empty: all seven. The others
  // get weight 0 in the overall score and raise no findings.
  std::vector<Dimension> dimensions;
};

class Coach {
 public:
  // A coach with the built-in default pack and, if `admin_pack` is not empty,
  // an admin pack on top. A broken admin pack is reported in admin_errors()
  // and in every report; the default pack keeps working. Never returns null.
  static std::unique_ptr<Coach> Create(std::string_view admin_pack = {});

  // A coach from explicit pack files (`rapport rules check`, tests). ok() is
  // false if the files do not make a valid pack; errors() says why.
  static std::unique_ptr<Coach> FromFiles(const std::vector<PackFile>& files,
                                          std::string_view admin_pack = {});

  ~Coach();
  Coach(const Coach&) = delete;  // owns compiled patterns
  Coach& operator=(const Coach&) = delete;

  // False if the base pack failed to load; Analyze then returns a report with
  // score 0 and the errors.
  bool ok() const;
  // Errors of the base pack (files, rules, patterns).
  const std::vector<PackError>& errors() const;
  // Warnings of the base pack (unknown tags...).
  const std::vector<PackError>& warnings() const;
  // Errors of the admin pack; empty if none was given or it was fine.
  const std::vector<PackError>& admin_errors() const;
  // The pack in use (the default pack, with the admin pack if it was valid).
  const Pack& pack() const;

  // Analyses one draft. Linear in the size of the input; never fails.
  Report Analyze(const AnalyzeInput& input) const;

  // JSON in (the shape of the JS API's analyze input), JSON out: the report,
  // or {"error":{"code":"bad_input","message":...}}.
  std::string AnalyzeJson(std::string_view input_json) const;

  // {"version","pack","rules","checks","errors":[...],"adminErrors":[...],
  //  "warnings":[...]}: what the coach loaded, for hosts to show.
  std::string InfoJson() const;

  // Runs every example of every rule of the pack. Returns the failures. (The
  // pack built into the core carries no examples: use FromFiles on rules/en.)
  std::vector<PackError> CheckExamples() const;

  static const char* Version();

 private:
  Coach();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rapport

#endif  // RAPPORT_SRC_COACH_H_
