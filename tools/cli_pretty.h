// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// The readable summary of a report that `rapport analyze --pretty` prints.
//
//   std::string s = rapport::PrettyReport(report, draft_as_given);

#ifndef RAPPORT_TOOLS_CLI_PRETTY_H_
#define RAPPORT_TOOLS_CLI_PRETTY_H_

#include <string>

#include "report.h"

namespace rapport {

// The word shown with a score: "Needs work" (< 60), "Good" (< 80), "Excellent".
const char* ScoreWord(int score);

// A multi-line, human-readable summary. `color` adds ANSI colours.
std::string PrettyReport(const Report& report, bool color);

}  // namespace rapport

#endif  // RAPPORT_TOOLS_CLI_PRETTY_H_
