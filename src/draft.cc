// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.

#include "draft.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace rapport {
namespace {

bool ContentSentence(const Sentence& s) { return s.words >= 4 || s.terminated; }

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}

// The lower-cased ASCII word starting at `i` (or after the spaces there).
std::string WordAt(const std::string& s, size_t* i, size_t end) {
  while (*i < end && s[*i] == ' ') ++*i;
  std::string w;
  for (; *i < end && IsWordByte(s[*i]); ++*i) {
    const char c = s[*i];
    w += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return w;
}

// The longest of `phrases` spelled by the words at `*i` (before `end`), or
// null. On a match, moves `*i` past it.
const Phrase* PhraseAt(const std::string& s, size_t* i, size_t end,
                       const std::vector<Phrase>& phrases) {
  const Phrase* best = nullptr;
  size_t best_end = *i;
  for (const Phrase& phrase : phrases) {
    size_t j = *i;
    bool same = true;
    for (const std::string& word : phrase) {
      if (WordAt(s, &j, end) != word) {
        same = false;
        break;
      }
    }
    if (same && (best == nullptr || j > best_end)) {
      best = &phrase;
      best_end = j;
    }
  }
  if (best != nullptr) *i = best_end;
  return best;
}

// Whether the words just before `end` (and after `begin`) spell one of
// `phrases`: "... fine if" before "you ignored".
bool PhraseEndsAt(const std::string& s, size_t begin, size_t end,
                  const std::vector<Phrase>& phrases) {
  for (const Phrase& phrase : phrases) {
    size_t e = end;
    bool same = true;
    for (auto word = phrase.rbegin(); same && word != phrase.rend(); ++word) {
      while (e > begin && s[e - 1] == ' ') --e;
      size_t b = e;
      while (b > begin && IsWordByte(s[b - 1])) --b;
      size_t i = b;
      same = WordAt(s, &i, e) == *word;
      e = b;
    }
    if (same) return true;
  }
  return false;
}

// Whether the match at `begin` sits inside a conditional clause that opens
// before it: "if we can't fix it remotely, ...", "unless it isn't
// available", "in case you didn't read the email, ...". A "no" or a blame
// under a condition is not said to the customer. The clause runs from the
// last , ; : ( or dash (or the sentence start) to the match and opens with a
// condition opener, after at most one connective ("but if"), or an opener
// comes right before the match ("fine if you ignored it"); an "if" that the
// match itself starts with ("if you had read") is the rule's own.
bool InConditionalClause(const std::string& s, const Span& sentence,
                         size_t begin, const ClauseWords& words) {
  // Looks back at most this far: a longer clause is not read as a condition,
  // and a sentence of thousands of matches stays linear.
  constexpr size_t kMaxClauseBytes = 160;
  const size_t floor = begin - sentence.begin > kMaxClauseBytes
                           ? begin - kMaxClauseBytes
                           : sentence.begin;
  size_t c = begin;
  while (c > floor) {
    const char ch = s[c - 1];
    if (ch == ',' || ch == ';' || ch == ':' || ch == '(' || ch == '\n') break;
    // An em or en dash (U+2014, U+2013): E2 80 94 / E2 80 93.
    if (c >= sentence.begin + 3 && s[c - 3] == '\xE2' && s[c - 2] == '\x80' &&
        (ch == '\x94' || ch == '\x93')) {
      break;
    }
    if (ch == '-' && c >= sentence.begin + 2 && s[c - 2] == ' ') break;
    --c;
  }
  // An opener right before the match: "it's fine if you ignored it".
  if (PhraseEndsAt(s, floor, begin, words.condition_openers)) return true;
  if (c == floor && floor > sentence.begin) return false;  // too long to tell
  PhraseAt(s, &c, begin, words.connectives);
  return PhraseAt(s, &c, begin, words.condition_openers) != nullptr;
}

// Whether a "no" at [begin, end) is lifted by a lifter in the five words that
// follow it in its clause: a condition ("can't be used until you activate
// it") says when the answer is yes ("unless" does not: "can't refund it
// unless it's damaged" is a no with an exception), and "not possible for
// anyone else to see it" or "no way anyone can get in" reassures rather than
// refuses. A stop ("for") ends the look-ahead after the word it governs.
bool LiftedByWhatFollows(const std::string& s, const Span& sentence, size_t end,
                         const ClauseWords& words) {
  size_t i = end;
  for (int n = 0; n < 5; ++n) {
    while (i < sentence.end && s[i] == ' ') ++i;
    if (i >= sentence.end) return false;
    const char ch = s[i];
    if (ch == ',' || ch == ';' || ch == ':' || ch == '.' || ch == '!' ||
        ch == '?' || ch == '(' || ch == '\n' ||
        static_cast<unsigned char>(ch) == 0xE2) {  // a dash or a quote
      return false;
    }
    size_t j = i;
    if (PhraseAt(s, &j, sentence.end, words.lifters) != nullptr) return true;
    if (PhraseAt(s, &j, sentence.end, words.lift_stops) != nullptr) {
      return PhraseAt(s, &j, sentence.end, words.lifters) != nullptr;
    }
    // An apostrophe or a digit sign reads as no word: step over it.
    if (WordAt(s, &i, sentence.end).empty()) ++i;
  }
  return false;
}

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

  const ClauseWords& clauses = pack.settings.clauses;
  std::map<size_t, int> findings_per_rule;
  std::map<size_t, size_t> credit_of_rule;  // rule -> index in credits
  for (const Match& m :
       matcher.Find(Scope::kDraft, text.str(), d.seg.sentences)) {
    const Rule& rule = pack.rules[m.rule];
    if (rule.where == Where::kOpening && m.begin >= d.opening_end) continue;
    if (rule.where == Where::kClosing && m.begin < d.closing_begin) continue;
    if (rule.kind == RuleKind::kFlag &&
        (rule.tags & (kTagRefusal | kTagBlame))) {
      // The sentence holding the match (binary search: a draft at the size
      // limit can hold thousands of both).
      const auto after = std::upper_bound(
          ss.begin(), ss.end(), m.begin,
          [](size_t at, const Sentence& x) { return at < x.span.begin; });
      const Sentence* in = nullptr;
      if (after != ss.begin() && m.begin < std::prev(after)->span.end) {
        in = &*std::prev(after);
      }
      if (in != nullptr &&
          (InConditionalClause(text.str(), in->span, m.begin, clauses) ||
           ((rule.tags & kTagRefusal) &&
            LiftedByWhatFollows(text.str(), in->span, m.end, clauses)))) {
        continue;
      }
    }
    // What the rule points at: its span group (see Match), the rest of the
    // match being context (RE2 has no look-around).
    const size_t b = m.group_begin;
    const size_t e = m.group_end;
    if (rule.tags != 0) d.tags.push_back({rule.tags, m.rule, {b, e}});
    if (rule.kind == RuleKind::kCredit) {
      // A rule earns its credit once, however often it matches.
      if (credit_of_rule.count(m.rule)) continue;
      credit_of_rule[m.rule] = d.credits.size();
      Credit c;
      c.rule_id = rule.id;
      c.dimension = rule.dimension;
      c.start = text.Utf16Begin(b);
      c.end = text.Utf16End(e);
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
    SetSpan(text, b, e, &f);
    if (rule.fix.op != Fix::Op::kNone) {
      std::string fix_text;
      if (ExpandTemplate(rule.fix.text, vars, &fix_text)) {
        switch (rule.fix.op) {
          case Fix::Op::kReplace:
            f.has_fix = MakeReplace(text, d.seg, b, e, fix_text, &f.fix);
            break;
          case Fix::Op::kInsertBefore:
            f.has_fix = MakeInsert(text, b, fix_text, &f.fix);
            break;
          case Fix::Op::kInsertAfter:
            f.has_fix = MakeInsert(text, e, fix_text, &f.fix);
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
