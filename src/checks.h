// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// Checks: findings about what the draft is missing, given what the customer
// expects (an acknowledgement for a frustrated customer, a time commitment for
// an urgent one, an alternative after a refusal, a name left unused, a negative
// last impression, hard-to-read sentences). The conditions are code; the
// wording, severity, weight and fix text come from the pack's "checks".
//
//   rapport::RunChecks(pack, text, customer, vars, &draft);
//   // draft.findings and draft.credits now include the checks' results.
//
// A check the pack does not define, or disables, is skipped.

#ifndef RAPPORT_SRC_CHECKS_H_
#define RAPPORT_SRC_CHECKS_H_

#include "draft.h"
#include "fix.h"
#include "pack.h"
#include "report.h"
#include "text.h"

namespace rapport {

void RunChecks(const Pack& pack, const Text& text,
               const CustomerSignals& customer, const FixVars& vars,
               Draft* draft);

}  // namespace rapport

#endif  // RAPPORT_SRC_CHECKS_H_
