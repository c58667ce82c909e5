// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// libFuzzer target: Coach::Analyze on a plain-text draft, with the customer's
// name and messages (see fuzz_util.h for how an input is split). Crashes,
// sanitizer reports and broken report invariants are findings.
//
//   build/asan/fuzz/fuzz_analyze_text fuzz/corpus/analyze_text
//   -max_total_time=60

#include <cstddef>
#include <cstdint>

#include "coach.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // One coach for the whole run, as in the browser: its customer cache is
  // exercised too.
  static const rapport::Coach* coach = rapport::Coach::Create().release();
  const rapport::AnalyzeInput in = rapport::fuzz::InputFrom(
      rapport::fuzz::Split(data, size), /*html=*/false);
  rapport::fuzz::CheckReport(in, coach->Analyze(in));
  return 0;
}
