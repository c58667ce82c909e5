// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// The draft pass: runs the pack's draft rules over the agent's reply and turns
// their matches into findings (flags) and credits, honouring each rule's
// `where` (opening, closing). Also records which tags occur and where, for the
// checks that look for what is missing.
//
//   rapport::Draft d = rapport::ReadDraft(matcher, pack, text, vars);
//   d.HasTag(rapport::kTagApology);

#ifndef RAPPORT_SRC_DRAFT_H_
#define RAPPORT_SRC_DRAFT_H_

#include <cstdint>
#include <vector>

#include "fix.h"
#include "matcher.h"
#include "pack.h"
#include "report.h"
#include "segment.h"
#include "text.h"

namespace rapport {

// Findings a single rule may raise in one draft.
inline constexpr int kMaxFindingsPerRule = 5;

struct TagHit {
  uint32_t tag = 0;
  size_t rule = 0;
  Span span;  // bytes of the analysed text
};

struct Draft {
  Segments seg;
  size_t opening_end = 0;    // byte where the opening region ends
  size_t closing_begin = 0;  // byte where the closing region begins
  size_t last_begin = 0;     // byte where the last content sentence begins
  size_t last_end = 0;       // ... and ends
  std::vector<Finding> findings;
  std::vector<Credit> credits;
  std::vector<TagHit> tags;  // in text order

  bool HasTag(uint32_t tag) const;
  // The first hit carrying `tag`, or nullptr.
  const TagHit* FirstTag(uint32_t tag) const;
};

Draft ReadDraft(const Matcher& matcher, const Pack& pack, const Text& text,
                const FixVars& vars);

// Fills a finding's span, quote and (if `fix` is usable) fix.
void SetSpan(const Text& text, size_t b, size_t e, Finding* f);

}  // namespace rapport

#endif  // RAPPORT_SRC_DRAFT_H_
