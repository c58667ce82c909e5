// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// Scoring: from credits and findings to the seven dimension scores and the
// overall score, weighted by what the customer needs.
//
//   rapport::Score(pack.settings, customer, draft, &report);
//
// Each dimension starts at its base (settings), gains credit_points per unit
// of credit weight (at most credit_cap units), and loses tip/warning/critical
// points per unit weight of each finding. Empathy and urgency start higher when
// the customer does not need them. Frustration raises the weight of empathy,
// urgency the weight of urgency, repeat contact both. The overall score is the
// weighted mean, capped at critical_score_cap when a critical finding stands.
// An empty draft scores 0. README.md ("How the score is computed") explains
// this to users.

#ifndef RAPPORT_SRC_SCORING_H_
#define RAPPORT_SRC_SCORING_H_

#include "draft.h"
#include "pack.h"
#include "report.h"

namespace rapport {

// `coached[i]` false leaves dimension i out of the overall score (weight 0).
void Score(const Pack& pack, const CustomerSignals& customer,
           const Draft& draft, const bool coached[kScoredDimensions],
           Report* report);

}  // namespace rapport

#endif  // RAPPORT_SRC_SCORING_H_
