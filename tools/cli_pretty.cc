// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.

#include "cli_pretty.h"

#include <cstdio>

namespace rapport {
namespace {

std::string Format(const char* fmt, double a) {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, a);
  return buf;
}

// Line breaks in a fix shown as \n, so that each fix stays on one line.
std::string OneLine(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '\n' ? std::string("\\n") : std::string(1, c);
  return out;
}

std::string Bar(int score) {
  std::string bar;
  for (int i = 0; i < 20; ++i) bar += i < score / 5 ? "\u2588" : "\u2591";
  return bar;
}

}  // namespace

const char* ScoreWord(int score) {
  return score < 60 ? "Needs work" : score < 80 ? "Good" : "Excellent";
}

std::string PrettyReport(const Report& r, bool color) {
  const auto paint = [&](const char* code, const std::string& s) {
    return color ? std::string("\033[") + code + "m" + s + "\033[0m" : s;
  };
  std::string out;
  out += paint("1", "Score " + std::to_string(r.score) + "/100  " +
                        ScoreWord(r.score)) +
         "\n";
  const CustomerSignals& c = r.customer;
  out += "Customer: frustration " + Format("%.2f", c.frustration) +
         ", urgency " + Format("%.2f", c.urgency) + ", sentiment " +
         Format("%+.2f", c.sentiment);
  if (c.repeat_contact) out += ", repeat contact";
  if (c.churn_risk) out += ", churn risk";
  if (c.questions > 0)
    out += ", " + std::to_string(c.questions) + " question(s)";
  out += "\n";
  if (!c.mentions.empty()) {
    out += "Mentions:";
    for (const Mention& m : c.mentions)
      out += " " + m.type + " " + m.text + ";";
    out.back() = '\n';
  }
  out += "\nDimensions (score, weight, points it cost):\n";
  for (int i = 0; i < kScoredDimensions; ++i) {
    const DimensionScore& d = r.dimensions[i];
    char line[160];
    std::snprintf(line, sizeof line, "  %-16s %3d %s  x%.2f  -%.1f\n",
                  std::string(DimensionName(static_cast<Dimension>(i))).c_str(),
                  d.score, Bar(d.score).c_str(), d.weight, d.cost);
    out += line;
  }
  out += "\nFindings:";
  if (r.findings.empty()) out += " none";
  out += "\n";
  for (const Finding& f : r.findings) {
    const char* code = f.severity == Severity::kCritical  ? "31"
                       : f.severity == Severity::kWarning ? "33"
                                                          : "36";
    out += "  " +
           paint(code, "[" + std::string(SeverityName(f.severity)) + "]") +
           " " + f.rule_id;
    if (!f.quote.empty()) out += "  \"" + f.quote + "\"";
    out += "\n      " + f.message + "\n";
    if (f.has_fix) {
      out += "      fix: " +
             std::string(f.fix.op == FixEdit::Op::kReplace ? "replace"
                                                           : "insert") +
             " [" + std::to_string(f.fix.start) + "," +
             std::to_string(f.fix.end) + ") with \"" + OneLine(f.fix.text) +
             "\"\n";
    }
  }
  out += "\nStats: " + std::to_string(r.stats.words) + " words, " +
         std::to_string(r.stats.sentences) + " sentences, reading grade " +
         Format("%.1f", r.stats.reading_grade) + "\n";
  if (r.truncated)
    out +=
        "Note: the input was over the size limit; only its start was "
        "analysed.\n";
  for (const PackError& e : r.pack_errors) {
    out += paint("31", "Rule pack error: ") + e.ToString() + "\n";
  }
  return out;
}

}  // namespace rapport
