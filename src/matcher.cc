// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.

#include "matcher.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <string>

namespace rapport {

namespace {

constexpr int64_t kSetMaxMem = 48 << 20;  // per scope's set

RE2::Options PatternOptions() {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_case_sensitive(true);  // case-insensitivity is written into the pattern
  o.set_max_mem(kMaxPatternMemory);
  return o;
}

// A pattern as shown in an error: at most 80 bytes of it.
std::string Shorten(const std::string& p) {
  if (p.size() <= 80) return p;
  size_t n = 77;
  while (n > 0 && (static_cast<unsigned char>(p[n]) & 0xC0) == 0x80) --n;
  return p.substr(0, n) + "...";
}

std::string Wrap(const Rule& rule, const std::string& pattern) {
  return rule.case_sensitive ? pattern : "(?i:" + pattern + ")";
}

// The group named "span" if there is one; for a mention, else its first
// group; else the whole match (0).
int PointedGroup(const Rule& rule, const RE2& re) {
  const auto& named = re.NamedCapturingGroups();
  if (const auto it = named.find(kSpanGroup); it != named.end()) {
    return it->second;
  }
  if (rule.kind == RuleKind::kMention && re.NumberOfCapturingGroups() > 0) {
    return 1;
  }
  return 0;
}

}  // namespace

struct Matcher::Compiled {
  const Pack* pack = nullptr;
  // Per pattern: its rule and its program.
  struct Pattern {
    size_t rule;
    std::unique_ptr<RE2> re;
    int group;  // the capture group the rule points at; 0: the whole match
  };
  std::vector<Pattern> patterns;
  std::vector<std::vector<size_t>> rule_patterns;  // rule -> pattern indices
  // Per scope: a set over that scope's patterns, and set index -> pattern.
  // The set runs on one sentence at a time, so its ^ and $ are the
  // sentence's: exact for rules with sentence anchors, and for the others a
  // looser filter that the search on the whole text then settles.
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
      if (re->error_code() == RE2::ErrorPatternTooLarge) {
        errors.push_back(
            {rule.file, rule.id,
             "pattern \"" + Shorten(p) + "\" needs more than " +
                 std::to_string(kMaxPatternMemory >> 20) +
                 " MiB of RE2 memory (the bound per pattern); simplify it "
                 "(fewer alternatives, smaller repeat counts)"});
        continue;
      }
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
      const int group = PointedGroup(rule, *re);
      c_->patterns.push_back({r, std::move(re), group});
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

namespace {

// Appends the matches of `re` in bytes [b, e) of `text`, at most `budget`;
// `group` is what the rule points at (0: the whole match).
void Search(const RE2& re, size_t rule, int group, std::string_view text,
            size_t b, size_t e, int* budget, std::vector<Match>* out) {
  // No allocation for the usual few groups: this runs for every hit.
  re2::StringPiece small[8];
  std::vector<re2::StringPiece> large;
  re2::StringPiece* sub = small;
  if (group + 1 > 8) {
    large.resize(group + 1);
    sub = large.data();
  }
  size_t pos = b;
  while (pos <= e && *budget > 0 &&
         re.Match(text, pos, e, RE2::UNANCHORED, sub, group + 1)) {
    const size_t mb = sub[0].data() - text.data();
    const size_t me = mb + sub[0].size();
    if (me > mb) {
      Match m{rule, mb, me, mb, me};
      if (group > 0 && sub[group].data() != nullptr && !sub[group].empty()) {
        m.group_begin = sub[group].data() - text.data();
        m.group_end = m.group_begin + sub[group].size();
      }
      out->push_back(m);
      --*budget;
      pos = me;
    } else {
      pos = me + 1;
    }
  }
}

}  // namespace

std::vector<Match> Matcher::Find(Scope scope, std::string_view text,
                                 const std::vector<Sentence>& sentences) const {
  const int s = scope == Scope::kCustomer ? 1 : 0;
  std::vector<Match> out;
  if (!c_->set[s]) return out;
  std::vector<int> budget(c_->rule_patterns.size(), kMaxMatchesPerRule);
  std::vector<int> hits;
  std::vector<size_t> patterns;
  for (const Sentence& sentence : sentences) {
    const size_t b = sentence.span.begin, e = sentence.span.end;
    hits.clear();
    patterns.clear();
    RE2::Set::ErrorInfo info;
    if (c_->set[s]->Match(text.substr(b, e - b), &hits, &info)) {
      for (int h : hits) patterns.push_back(c_->set_pattern[s][h]);
    } else if (info.kind == RE2::Set::kOutOfMemory) {
      // The DFA ran out of its budget: run every pattern on this sentence.
      patterns = c_->set_pattern[s];
    }
    for (size_t p : patterns) {
      const Compiled::Pattern& pat = c_->patterns[p];
      if (c_->pack->rules[pat.rule].sentence_anchors) {
        // The sentence (trimmed, see Segment) is the whole text: ^ and $
        // are its ends.
        const size_t first = out.size();
        Search(*pat.re, pat.rule, pat.group, text.substr(b, e - b), 0, e - b,
               &budget[pat.rule], &out);
        for (size_t i = first; i < out.size(); ++i) {
          out[i].begin += b, out[i].end += b;
          out[i].group_begin += b, out[i].group_end += b;
        }
      } else {
        Search(*pat.re, pat.rule, pat.group, text, b, e, &budget[pat.rule],
               &out);
      }
    }
  }
  // By rule, then position (longest first); one rule's matches never overlap
  // (two patterns of a rule may both match the same words).
  std::sort(out.begin(), out.end(), [](const Match& a, const Match& b) {
    if (a.rule != b.rule) return a.rule < b.rule;
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<Match> merged;
  merged.reserve(out.size());
  for (const Match& m : out) {
    if (!merged.empty() && merged.back().rule == m.rule &&
        m.begin < merged.back().end) {
      continue;
    }
    merged.push_back(m);
  }
  return merged;
}

}  // namespace rapport
