// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.

#include "matcher.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <string>

namespace rapport {

namespace {

constexpr int64_t kPatternMaxMem = 2 << 20;  // per pattern
constexpr int64_t kSetMaxMem = 48 << 20;     // per scope's set

RE2::Options PatternOptions() {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_case_sensitive(true);  // case-insensitivity is written into the pattern
  o.set_max_mem(kPatternMaxMem);
  return o;
}

std::string Wrap(const Rule& rule, const std::string& pattern) {
  return rule.case_sensitive ? pattern : "(?i:" + pattern + ")";
}

}  // namespace

struct Matcher::Compiled {
  const Pack* pack = nullptr;
  // Per pattern: its rule and its program.
  struct Pattern {
    size_t rule;
    std::unique_ptr<RE2> re;
  };
  std::vector<Pattern> patterns;
  std::vector<std::vector<size_t>> rule_patterns;  // rule -> pattern indices
  // Per scope: a set over that scope's patterns, and set index -> pattern.
  std::unique_ptr<RE2::Set> set[2];
  std::vector<size_t> set_pattern[2];
};

Matcher::Matcher() : c_(std::make_unique<Compiled>()) {}
Matcher::~Matcher() = default;

std::vector<PackError> Matcher::Compile(const Pack& pack) {
  std::vector<PackError> errors;
  c_->pack = &pack;
  c_->rule_patterns.assign(pack.rules.size(), {});
  for (int s = 0; s < 2; ++s) {
    RE2::Options o = PatternOptions();
    o.set_max_mem(kSetMaxMem);
    c_->set[s] = std::make_unique<RE2::Set>(o, RE2::UNANCHORED);
  }
  for (size_t r = 0; r < pack.rules.size(); ++r) {
    const Rule& rule = pack.rules[r];
    const int scope = rule.dimension == Dimension::kCustomer ? 1 : 0;
    for (const std::string& p : rule.patterns) {
      auto re = std::make_unique<RE2>(Wrap(rule, p), PatternOptions());
      if (!re->ok()) {
        errors.push_back({rule.file, rule.id,
                          "RE2 rejects pattern \"" + p + "\": " + re->error()});
        continue;
      }
      std::string set_error;
      if (c_->set[scope]->Add(Wrap(rule, p), &set_error) < 0) {
        errors.push_back({rule.file, rule.id,
                          "RE2 rejects pattern \"" + p + "\": " + set_error});
        continue;
      }
      c_->set_pattern[scope].push_back(c_->patterns.size());
      c_->rule_patterns[r].push_back(c_->patterns.size());
      c_->patterns.push_back({r, std::move(re)});
    }
  }
  for (int s = 0; s < 2; ++s) {
    if (!c_->set[s]->Compile()) {
      errors.push_back({"", "",
                        "RE2 could not compile the pattern set "
                        "(out of memory): the pack is too large"});
      c_->set[s].reset();
    }
  }
  return errors;
}

std::vector<Match> Matcher::FindRule(size_t rule, std::string_view text) const {
  std::vector<Match> out;
  for (size_t p : c_->rule_patterns[rule]) {
    const RE2& re = *c_->patterns[p].re;
    const int groups = std::min(re.NumberOfCapturingGroups(), 1);
    re2::StringPiece sub[2];
    size_t pos = 0;
    int found = 0;
    while (pos <= text.size() && found < kMaxMatchesPerRule &&
           re.Match(text, pos, text.size(), RE2::UNANCHORED, sub, groups + 1)) {
      const size_t b = sub[0].data() - text.data();
      const size_t e = b + sub[0].size();
      if (e > b) {
        Match m{rule, b, e, b, e};
        if (groups > 0 && sub[1].data() != nullptr && !sub[1].empty()) {
          m.group_begin = sub[1].data() - text.data();
          m.group_end = m.group_begin + sub[1].size();
        }
        out.push_back(m);
        ++found;
        pos = e;
      } else {
        pos = e + 1;
      }
    }
  }
  if (c_->rule_patterns[rule].size() > 1) {
    // Merge the patterns' matches: by position, longest first, no overlaps.
    std::sort(out.begin(), out.end(), [](const Match& a, const Match& b) {
      return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    std::vector<Match> merged;
    for (const Match& m : out) {
      if (merged.empty() || m.begin >= merged.back().end) merged.push_back(m);
    }
    out = std::move(merged);
  }
  return out;
}

std::vector<Match> Matcher::Find(Scope scope, std::string_view text) const {
  const int s = scope == Scope::kCustomer ? 1 : 0;
  std::vector<size_t> rules;
  std::vector<int> hits;
  RE2::Set::ErrorInfo info;
  if (c_->set[s] && c_->set[s]->Match(text, &hits, &info)) {
    for (int h : hits)
      rules.push_back(c_->patterns[c_->set_pattern[s][h]].rule);
  } else if (c_->set[s] && info.kind == RE2::Set::kOutOfMemory) {
    // The DFA ran out of its budget on this text: run every rule instead.
    for (size_t p : c_->set_pattern[s]) rules.push_back(c_->patterns[p].rule);
  }
  std::sort(rules.begin(), rules.end());
  rules.erase(std::unique(rules.begin(), rules.end()), rules.end());
  std::vector<Match> out;
  for (size_t r : rules) {
    std::vector<Match> m = FindRule(r, text);
    out.insert(out.end(), m.begin(), m.end());
  }
  return out;
}

}  // namespace rapport
