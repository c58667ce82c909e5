// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.

#include "draft.h"

#include <algorithm>
#include <map>

namespace rapport {
namespace {

bool ContentSentence(const Sentence& s) { return s.words >= 4 || s.terminated; }

}  // namespace

bool Draft::HasTag(uint32_t tag) const { return FirstTag(tag) != nullptr; }

const TagHit* Draft::FirstTag(uint32_t tag) const {
  for (const TagHit& t : tags) {
    if (t.tag & tag) return &t;
  }
  return nullptr;
}

void SetSpan(const Text& text, size_t b, size_t e, Finding* f) {
  if (text.size() == 0) {
    f->start = f->end = text.Utf16Begin(0);
    return;
  }
  b = std::min(b, text.size());
  e = std::max(b, std::min(e, text.size()));
  f->start = text.Utf16Begin(b);
  f->end = e > b ? text.Utf16End(e) : f->start;
  constexpr size_t kMaxQuote = 160;
  f->quote = text.str().substr(b, std::min(e - b, kMaxQuote));
  // Do not cut a UTF-8 sequence in half.
  while (!f->quote.empty() && e - b > kMaxQuote &&
         (static_cast<unsigned char>(f->quote.back()) & 0xC0) == 0x80) {
    f->quote.pop_back();
  }
  if (e - b > kMaxQuote && !f->quote.empty() &&
      static_cast<unsigned char>(f->quote.back()) >= 0xC0) {
    f->quote.pop_back();
  }
  if (e - b > kMaxQuote) f->quote += "\u2026";
}

Draft ReadDraft(const Matcher& matcher, const Pack& pack, const Text& text,
                const FixVars& vars) {
  Draft d;
  d.seg = Segment(text.str(), text.is_html());
  const std::vector<Sentence>& ss = d.seg.sentences;
  if (!ss.empty()) {
    d.opening_end = ss[OpeningEnd(d.seg) - 1].span.end;
    d.closing_begin = ss[ClosingStart(d.seg)].span.begin;
    for (size_t i = ss.size(); i > 0; --i) {
      if (ContentSentence(ss[i - 1])) {
        d.last_begin = ss[i - 1].span.begin;
        d.last_end = ss[i - 1].span.end;
        break;
      }
    }
  }

  std::map<size_t, int> findings_per_rule;
  std::map<size_t, size_t> credit_of_rule;  // rule -> index in credits
  for (const Match& m :
       matcher.Find(Scope::kDraft, text.str(), d.seg.sentences)) {
    const Rule& rule = pack.rules[m.rule];
    if (rule.where == Where::kOpening && m.begin >= d.opening_end) continue;
    if (rule.where == Where::kClosing && m.begin < d.closing_begin) continue;
    if (rule.tags != 0) d.tags.push_back({rule.tags, m.rule, {m.begin, m.end}});
    if (rule.kind == RuleKind::kCredit) {
      // A rule earns its credit once, however often it matches.
      if (credit_of_rule.count(m.rule)) continue;
      credit_of_rule[m.rule] = d.credits.size();
      Credit c;
      c.rule_id = rule.id;
      c.dimension = rule.dimension;
      c.start = text.Utf16Begin(m.begin);
      c.end = text.Utf16End(m.end);
      c.points = rule.weight;
      d.credits.push_back(c);
      continue;
    }
    if (++findings_per_rule[m.rule] > kMaxFindingsPerRule) continue;
    Finding f;
    f.rule_id = rule.id;
    f.dimension = rule.dimension;
    f.severity = rule.severity;
    f.message = rule.message;
    SetSpan(text, m.begin, m.end, &f);
    if (rule.fix.op != Fix::Op::kNone) {
      std::string fix_text;
      if (ExpandTemplate(rule.fix.text, vars, &fix_text)) {
        switch (rule.fix.op) {
          case Fix::Op::kReplace:
            f.has_fix =
                MakeReplace(text, d.seg, m.begin, m.end, fix_text, &f.fix);
            break;
          case Fix::Op::kInsertBefore:
            f.has_fix = MakeInsert(text, m.begin, fix_text, &f.fix);
            break;
          case Fix::Op::kInsertAfter:
            f.has_fix = MakeInsert(text, m.end, fix_text, &f.fix);
            break;
          case Fix::Op::kNone:
            break;
        }
      }
    }
    d.findings.push_back(std::move(f));
  }
  std::sort(d.tags.begin(), d.tags.end(), [](const TagHit& a, const TagHit& b) {
    return a.span.begin < b.span.begin;
  });
  return d;
}

}  // namespace rapport
