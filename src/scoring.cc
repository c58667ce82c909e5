// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.

#include "scoring.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace rapport {
namespace {

// Weight of a finding's rule or check.
double FindingWeight(const Pack& pack, const Finding& f) {
  if (const auto c = pack.checks.find(f.rule_id); c != pack.checks.end()) {
    return c->second.weight;
  }
  for (const Rule& r : pack.rules) {
    if (r.id == f.rule_id) return r.weight;
  }
  return 1;
}

}  // namespace

void Score(const Pack& pack, const CustomerSignals& customer,
           const Draft& draft, const bool coached[kScoredDimensions],
           Report* report) {
  const Settings& st = pack.settings;
  double credit[kScoredDimensions] = {};
  double penalty[kScoredDimensions] = {};
  for (const Credit& c : draft.credits) {
    credit[static_cast<int>(c.dimension)] += c.points;
  }
  // One rule's repeated findings cost at most twice its single cost.
  std::map<std::string, double> per_rule;
  bool critical = false;
  for (const Finding& f : draft.findings) {
    const double unit = f.severity == Severity::kCritical  ? st.critical_points
                        : f.severity == Severity::kWarning ? st.warning_points
                                                           : st.tip_points;
    const double cost = unit * FindingWeight(pack, f);
    double& spent = per_rule[f.rule_id];
    const double add = std::min(cost, 2 * cost - spent);
    if (add <= 0) continue;
    spent += add;
    penalty[static_cast<int>(f.dimension)] += add;
    critical |= f.severity == Severity::kCritical;
  }

  const bool frustrated =
      customer.frustration >= st.frustrated_at || customer.repeat_contact;
  const bool urgent =
      customer.urgency >= st.urgent_at || customer.repeat_contact;
  const double repeat = customer.repeat_contact ? 0.5 : 0;
  double weight[kScoredDimensions];
  for (int i = 0; i < kScoredDimensions; ++i)
    weight[i] = st.dimensions[i].weight;
  weight[static_cast<int>(Dimension::kEmpathy)] *=
      1 + 1.5 * customer.frustration + repeat;
  weight[static_cast<int>(Dimension::kUrgency)] *=
      1 + 1.5 * customer.urgency + repeat;
  weight[static_cast<int>(Dimension::kPersonalization)] *=
      1 + 0.5 * customer.frustration;
  for (int i = 0; i < kScoredDimensions; ++i) {
    if (!coached[i]) weight[i] = 0;
  }

  const bool empty = draft.seg.words == 0;
  double total_weight = 0, weighted = 0;
  for (int i = 0; i < kScoredDimensions; ++i) {
    double base = st.dimensions[i].base;
    if (i == static_cast<int>(Dimension::kEmpathy) && !frustrated) base += 25;
    if (i == static_cast<int>(Dimension::kUrgency) && !urgent) base += 25;
    const double gained = std::min(credit[i], st.credit_cap) * st.credit_points;
    double score = std::clamp(base + gained - penalty[i], 0.0, 100.0);
    if (empty) score = 0;
    DimensionScore& d = report->dimensions[i];
    d.score = static_cast<int>(std::lround(score));
    d.weight = weight[i];
    d.credit = gained;
    d.penalty = penalty[i];
    d.coached = coached[i];
    total_weight += weight[i];
    weighted += weight[i] * d.score;
  }
  double overall = total_weight > 0 ? weighted / total_weight : 0;
  if (critical) overall = std::min(overall, st.critical_score_cap);
  report->score = static_cast<int>(std::lround(overall));
  for (int i = 0; i < kScoredDimensions; ++i) {
    DimensionScore& d = report->dimensions[i];
    d.cost = total_weight > 0 ? d.weight / total_weight * (100 - d.score) : 0;
  }
}

}  // namespace rapport
