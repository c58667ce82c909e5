// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.

#include "report.h"

#include <cmath>

#include "json_util.h"

namespace rapport {
namespace {

using Json = nlohmann::json;

// Rounds to `digits` decimals; dividing (not multiplying by 1) gives the
// double nearest the decimal, so the JSON shows 6.1 rather
// than 6.1000000000000005.
double Round(double v, int digits) {
  const double scale = std::pow(10.0, digits);
  return std::round(v * scale) / scale;
}

Json ErrorsJson(const std::vector<PackError>& errors) {
  Json list = Json::array();
  for (const PackError& e : errors) {
    list.push_back(
        {{"file", e.file}, {"ruleId", e.rule_id}, {"reason", e.reason}});
  }
  return list;
}

}  // namespace

std::string ReportToJson(const Report& r, int indent) {
  Json dims = Json::object();
  Json explain = Json::array();
  for (int i = 0; i < kScoredDimensions; ++i) {
    const DimensionScore& d = r.dimensions[i];
    const std::string name(DimensionName(static_cast<Dimension>(i)));
    dims[name] = {{"score", d.score}, {"weight", Round(d.weight, 2)}};
    explain.push_back({{"dimension", name},
                       {"score", d.score},
                       {"credit", Round(d.credit, 1)},
                       {"penalty", Round(d.penalty, 1)},
                       {"cost", Round(d.cost, 1)}});
  }
  Json mentions = Json::array();
  for (const Mention& m : r.customer.mentions) {
    mentions.push_back({{"type", m.type},
                        {"text", m.text},
                        {"message", m.message},
                        {"start", m.start},
                        {"end", m.end}});
  }
  Json findings = Json::array();
  for (const Finding& f : r.findings) {
    Json j = {{"ruleId", f.rule_id},
              {"dimension", DimensionName(f.dimension)},
              {"severity", SeverityName(f.severity)},
              {"message", f.message},
              {"start", f.start},
              {"end", f.end},
              {"quote", f.quote}};
    if (f.has_fix) {
      j["fix"] = {
          {"op", f.fix.op == FixEdit::Op::kReplace ? "replace" : "insert"},
          {"start", f.fix.start},
          {"end", f.fix.end},
          {"text", f.fix.text}};
    }
    findings.push_back(std::move(j));
  }
  Json credits = Json::array();
  for (const Credit& c : r.credits) {
    credits.push_back({{"ruleId", c.rule_id},
                       {"dimension", DimensionName(c.dimension)},
                       {"start", c.start},
                       {"end", c.end},
                       {"points", Round(c.points, 1)}});
  }
  Json out = {
      {"score", r.score},
      {"dimensions", dims},
      {"customer",
       {{"frustration", Round(r.customer.frustration, 2)},
        {"urgency", Round(r.customer.urgency, 2)},
        {"sentiment", Round(r.customer.sentiment, 2)},
        {"repeatContact", r.customer.repeat_contact},
        {"churnRisk", r.customer.churn_risk},
        {"questions", r.customer.questions},
        {"mentions", mentions},
        {"evidence", r.customer.evidence}}},
      {"findings", findings},
      {"credits", credits},
      {"explain", explain},
      {"stats",
       {{"words", r.stats.words},
        {"sentences", r.stats.sentences},
        {"paragraphs", r.stats.paragraphs},
        {"readingGrade", Round(r.stats.reading_grade, 1)},
        {"characters", r.stats.characters}}},
      {"truncated", r.truncated},
      {"pack", {{"name", r.pack}, {"errors", ErrorsJson(r.pack_errors)}}},
  };
  return DumpJson(out, indent);
}

}  // namespace rapport
