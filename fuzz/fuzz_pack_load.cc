// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// libFuzzer target: loading an admin rule pack (the JSON an admin pastes into
// the app's settings) on top of a base pack, then analysing with it.
// A pack is either accepted or rejected with errors that each give a reason;
// a rejected pack leaves the default pack working. Crashes, sanitizer reports
// and broken invariants are findings.
//
//   build/asan/fuzz/fuzz_pack_load fuzz/corpus/pack_load -max_total_time=60

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "coach.h"
#include "default_pack.h"
#include "fuzz_util.h"

namespace {

[[noreturn]] void Fail(const char* what) {
  std::fprintf(stderr, "rapport fuzz invariant broken: %s\n", what);
  std::abort();
}

const char kDraft[] =
    "Hi Maria, unfortunately your order #48213 is delayed. I'm sorry! "
    "I'll ship it today ASAP. Let me know if there's anything else.";

// The base pack: the default pack's checks and settings (en/_pack.json as
// embedded) and a few of its rules, so that an admin pack can disable,
// reweight and override them. Small, so that each input compiles in
// milliseconds: the full default pack would make it one input a second.
const char kBaseRules[] = R"json({"pack": "en", "rules": [
  {"id": "en.positivity.unfortunately", "dimension": "positivity",
   "kind": "flag", "severity": "tip", "tags": ["negative"],
   "patterns": ["\\bunfortunately\\b,?\\s*"], "message": "Lead with what you can do.",
   "fix": {"op": "replace", "text": ""},
   "examples": {"match": ["[[Unfortunately, ]]no."], "noMatch": ["Yes."]}},
  {"id": "en.urgency.asap", "dimension": "urgency", "kind": "flag",
   "severity": "tip", "tags": ["vague_time"], "patterns": ["\\basap\\b"],
   "message": "Give a time.",
   "examples": {"match": ["I'll do it [[ASAP]]."], "noMatch": ["By 5 pm."]}},
  {"id": "en.empathy.sorry", "dimension": "empathy", "kind": "credit",
   "tags": ["apology"], "patterns": ["\\bI'?m (so )?sorry\\b"],
   "message": "Good.",
   "examples": {"match": ["[[I'm sorry]]."], "noMatch": ["Sorted."]}},
  {"id": "en.customer.order", "dimension": "customer", "kind": "mention",
   "mentionType": "order", "patterns": ["#(\\d{4,})"],
   "examples": {"match": ["order #[[48213]]"], "noMatch": ["order"]}}
]})json";

std::vector<rapport::PackFile> BaseFiles() {
  std::vector<rapport::PackFile> files;
  for (const rapport::PackFile& f : rapport::DefaultPackFiles()) {
    if (f.name == "en/_pack.json") files.push_back(f);
  }
  files.push_back({"en/base.json", kBaseRules});
  return files;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::vector<rapport::PackFile>* files =
      new std::vector<rapport::PackFile>(BaseFiles());
  static const rapport::Coach* base =
      rapport::Coach::FromFiles(*files).release();
  if (!base->ok()) Fail("the base pack of the fuzzer does not load");
  const std::string_view json(reinterpret_cast<const char*>(data), size);

  // The parse and validation step alone is cheap: most inputs stop here.
  const rapport::PackLoad load = rapport::ApplyAdminPack(base->pack(), json);
  for (const rapport::PackError& e : load.errors) {
    if (e.reason.empty()) Fail("a pack error without a reason");
  }
  if (!load.errors.empty()) {
    if (load.pack.rules.size() != base->pack().rules.size()) {
      Fail("a rejected admin pack changed the rules");
    }
    return 0;
  }

  // Accepted by validation: build a coach as the app does (compiles the
  // patterns, runs the admin rules' examples) and analyse with it.
  const auto coach = rapport::Coach::FromFiles(*files, json);
  if (!coach->ok()) Fail("an admin pack broke the base pack");
  for (const rapport::PackError& e : coach->admin_errors()) {
    if (e.reason.empty()) Fail("an admin pack error without a reason");
  }
  if (!coach->admin_errors().empty() &&
      coach->pack().rules.size() != base->pack().rules.size()) {
    Fail("a rejected admin pack changed the rules");
  }
  rapport::AnalyzeInput in;
  in.draft = kDraft;
  in.customer_messages = {"Third time asking about order #48213!!"};
  in.customer_name = "Maria Lopez";
  rapport::fuzz::CheckReport(in, coach->Analyze(in));
  return 0;
}
