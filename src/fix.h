// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// Fixes: turning a rule's or check's fix into an exact edit of the draft as
// the caller passed it (UTF-16 offsets; HTML-escaped text for HTML drafts).
//
//   rapport::FixEdit edit;
//   if (rapport::MakeReplace(text, seg, b, e, "", vars, &edit)) { ... }
//
// A fix that would touch markup (a span crossing a tag) is not offered.

#ifndef RAPPORT_SRC_FIX_H_
#define RAPPORT_SRC_FIX_H_

#include <string>
#include <string_view>

#include "report.h"
#include "segment.h"
#include "text.h"

namespace rapport {

struct FixVars {
  std::string name;   // the customer's first name, may be empty
  std::string agent;  // the agent's name, may be empty
};

// Expands {name} and {agent}. Returns false if the template needs a value
// that is empty.
bool ExpandTemplate(std::string_view tmpl, const FixVars& vars,
                    std::string* out);

// Replaces bytes [b, e) of the analysed text with `replacement` (plain text).
// Removing a sentence opener re-capitalises what follows; a replacement at a
// sentence start starts with a capital. Returns false if no exact edit exists.
bool MakeReplace(const Text& text, const Segments& seg, size_t b, size_t e,
                 std::string_view replacement, FixEdit* edit);

// Inserts `insertion` (plain text; "\n" becomes <br> in HTML) at byte `at`.
bool MakeInsert(const Text& text, size_t at, std::string_view insertion,
                FixEdit* edit);

// Escapes text for HTML: & < > " and line breaks as <br>.
std::string HtmlEscape(std::string_view s);

}  // namespace rapport

#endif  // RAPPORT_SRC_FIX_H_
