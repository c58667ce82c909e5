// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// Helpers shared by the tests: UTF-16 views of UTF-8 strings (offsets in
// reports are UTF-16, as in JavaScript) and applying a fix.

#ifndef RAPPORT_TESTS_CPP_TEST_UTIL_H_
#define RAPPORT_TESTS_CPP_TEST_UTIL_H_

#include <string>

#include "report.h"

namespace rapport::testing {

// UTF-8 to UTF-16 (invalid bytes become U+FFFD, one unit each).
std::u16string ToUtf16(const std::string& s);
std::string ToUtf8(const std::u16string& s);

// The draft with one fix applied, as JS would: slice, insert, slice.
std::string ApplyFix(const std::string& draft, const FixEdit& fix);

// The text of [start, end) of a UTF-8 string, in UTF-16 offsets.
std::string Slice(const std::string& s, uint32_t start, uint32_t end);

// A finding with this rule id, or nullptr.
const Finding* FindingOf(const Report& r, const std::string& rule_id);

}  // namespace rapport::testing

#endif  // RAPPORT_TESTS_CPP_TEST_UTIL_H_
