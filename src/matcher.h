// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// Matcher: a pack's patterns compiled with RE2, ready to scan text in linear
// time. The text is scanned sentence by sentence: one RE2::Set pass per
// sentence finds which patterns occur in it, and only those are then run on
// that sentence to find the spans. A pattern therefore matches within one
// sentence (the example runner goes through the same path, so a rule that
// would need more fails its examples). The whole text stays RE2's context:
// ^, $ and \b mean what they mean in the whole text, except for rules with
// sentence anchors (Rule::sentence_anchors), whose ^ and $ are the sentence's.
//
//   rapport::Matcher m;
//   std::vector<rapport::PackError> errors = m.Compile(pack);
//   std::vector<rapport::Match> hits =
//       m.Find(rapport::Scope::kDraft, text, Segment(text).sentences);
//
// A Matcher keeps pointers into the Pack it was compiled from: the pack must
// outlive it and must not change.

#ifndef RAPPORT_SRC_MATCHER_H_
#define RAPPORT_SRC_MATCHER_H_

#include <memory>
#include <string_view>
#include <vector>

#include "pack.h"
#include "segment.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace rapport {

enum class Scope { kDraft, kCustomer };

struct Match {
  size_t rule = 0;   // index into the pack's rules
  size_t begin = 0;  // bytes of the scanned text
  size_t end = 0;
  // What the rule points at: the pattern's group named `span` (for a
  // mention without one, its first group) if it took part in the match,
  // otherwise the whole match. The rest of the match is context, which stands
  // in for look-around (RE2 has none).
  size_t group_begin = 0;
  size_t group_end = 0;
};

// The name of the capture group that marks what a rule points at:
// \b(?P<span>as I said)\s*, highlights "as I said", not the comma.
inline constexpr char kSpanGroup[] = "span";

// Bounds that keep a scan cheap whatever the text.
inline constexpr int kMaxMatchesPerRule = 64;

class Matcher {
 public:
  Matcher();
  ~Matcher();
  Matcher(const Matcher&) = delete;  // owns compiled programs
  Matcher& operator=(const Matcher&) = delete;

  // Compiles every pattern of `pack`. Returns one error per pattern RE2
  // rejects (naming file, rule id and RE2's reason); those rules never match.
  // Call once.
  std::vector<PackError> Compile(const Pack& pack);

  // All matches of the rules of `scope` inside the sentences of `text`,
  // ordered by rule, then by position; at most kMaxMatchesPerRule per rule;
  // matches of one rule do not overlap. Empty matches are dropped. Sentence
  // spans must lie within `text`, in order, without overlap.
  std::vector<Match> Find(Scope scope, std::string_view text,
                          const std::vector<Sentence>& sentences) const;

 private:
  struct Compiled;
  std::unique_ptr<Compiled> c_;
};

}  // namespace rapport

#endif  // RAPPORT_SRC_MATCHER_H_
