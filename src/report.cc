// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.

#include "report.h"

#include <cmath>

#include "json_util.h"

namespace rapport {
namespace {

using Json = nlohmann::json;

// Rounds to `digits` decimals. Dividing by the scale (rather than multiplying
// by 0.1) gives the double nearest the decimal, so the JSON shows 6.1 and not
// 6.1000000000000005.
double Round(double v, int digits) {
  const double scale = std::pow(10.0, digits);
  return std::round(v * scale) / scale;
}

}  // namespace

nlohmann::json PackErrorsToJson(const std::vector<PackError>& errors) {
  Json list = Json::array();
  for (const PackError& e : errors) {
    Json& j = list.emplace_back(Json::object());
    j["file"] = e.file;
    j["ruleId"] = e.rule_id;
    j["reason"] = e.reason;
  }
  return list;
}

std::string ReportToJson(const Report& r, int indent) {
  Json out = Json::object();
  out["score"] = r.score;
  Json& dims = out["dimensions"] = Json::object();
  Json& explain = out["explain"] = Json::array();
  for (int i = 0; i < kScoredDimensions; ++i) {
    const DimensionScore& d = r.dimensions[i];
    const std::string name(DimensionName(static_cast<Dimension>(i)));
    Json& dim = dims[name];
    dim["score"] = d.score;
    dim["weight"] = Round(d.weight, 2);
    if (!d.coached) dim["coached"] = false;
    Json& e = explain.emplace_back(Json::object());
    e["dimension"] = name;
    e["score"] = d.score;
    e["credit"] = Round(d.credit, 1);
    e["penalty"] = Round(d.penalty, 1);
    e["cost"] = Round(d.cost, 1);
  }
  Json& customer = out["customer"] = Json::object();
  customer["frustration"] = Round(r.customer.frustration, 2);
  customer["urgency"] = Round(r.customer.urgency, 2);
  customer["sentiment"] = Round(r.customer.sentiment, 2);
  customer["frustrated"] = r.customer.frustrated;
  customer["urgent"] = r.customer.urgent;
  customer["repeatContact"] = r.customer.repeat_contact;
  customer["churnRisk"] = r.customer.churn_risk;
  customer["questions"] = r.customer.questions;
  Json& mentions = customer["mentions"] = Json::array();
  for (const Mention& m : r.customer.mentions) {
    Json& j = mentions.emplace_back(Json::object());
    j["type"] = m.type;
    j["text"] = m.text;
    j["message"] = m.message;
    j["start"] = m.start;
    j["end"] = m.end;
  }
  customer["evidence"] = r.customer.evidence;
  Json& findings = out["findings"] = Json::array();
  for (const Finding& f : r.findings) {
    Json& j = findings.emplace_back(Json::object());
    j["ruleId"] = f.rule_id;
    j["dimension"] = DimensionName(f.dimension);
    j["severity"] = SeverityName(f.severity);
    j["message"] = f.message;
    j["start"] = f.start;
    j["end"] = f.end;
    j["quote"] = f.quote;
    if (f.has_fix) {
      Json& fix = j["fix"] = Json::object();
      fix["op"] = f.fix.op == FixEdit::Op::kReplace ? "replace" : "insert";
      fix["start"] = f.fix.start;
      fix["end"] = f.fix.end;
      fix["text"] = f.fix.text;
    }
  }
  Json& credits = out["credits"] = Json::array();
  for (const Credit& c : r.credits) {
    Json& j = credits.emplace_back(Json::object());
    j["ruleId"] = c.rule_id;
    j["dimension"] = DimensionName(c.dimension);
    j["start"] = c.start;
    j["end"] = c.end;
    j["points"] = Round(c.points, 1);
  }
  Json& stats = out["stats"] = Json::object();
  stats["words"] = r.stats.words;
  stats["sentences"] = r.stats.sentences;
  stats["paragraphs"] = r.stats.paragraphs;
  stats["readingGrade"] = Round(r.stats.reading_grade, 1);
  stats["characters"] = r.stats.characters;
  out["truncated"] = r.truncated;
  Json& pack = out["pack"] = Json::object();
  pack["name"] = r.pack;
  pack["errors"] = PackErrorsToJson(r.pack_errors);
  return DumpJson(out, indent);
}

}  // namespace rapport
