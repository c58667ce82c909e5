// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// Shared by the libFuzzer targets: how an input is split into the fields of
// an analysis, and the invariants every report must keep whatever the input.
//
//   std::vector<std::string_view> parts = rapport::fuzz::Split(data, size);
//   rapport::AnalyzeInput in = rapport::fuzz::InputFrom(parts, /*html=*/true);
//   rapport::fuzz::CheckReport(in, coach.Analyze(in));  // aborts on a breach
//
// An input is the draft, then optionally the customer's name and the
// customer's messages, separated by the byte 0x1E (ASCII record separator),
// so that a seed file can be a plain draft.

#ifndef RAPPORT_FUZZ_FUZZ_UTIL_H_
#define RAPPORT_FUZZ_FUZZ_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "coach.h"

namespace rapport::fuzz {

inline constexpr char kSeparator = '\x1e';

// The input cut at every kSeparator (at most 2 + kMaxMessages + 2 parts; the
// rest stays in the last one).
std::vector<std::string_view> Split(const uint8_t* data, size_t size);

// parts[0] is the draft, parts[1] the customer's name, parts[2...] the
// customer's messages.
AnalyzeInput InputFrom(const std::vector<std::string_view>& parts, bool html);

// Size of `s` in UTF-8 once each invalid byte is replaced by U+FFFD (3
// bytes): what the size limits of coach.h count.
size_t RepairedSize(std::string_view s);

// UTF-16 length of `s` as a per-byte-replacing decoder counts it (what the
// JS side sees for the same bytes).
size_t Utf16Length(std::string_view s);

// Aborts (so that libFuzzer reports a crash) with a message if `r` breaks a
// contract of coach.h / report.h for input `in`: score and dimension scores
// in 0..100, every span and fix inside the draft as given, a span's start not
// past its end, mentions indexing the caller's messages, `truncated` exactly
// when a limit was hit, and a JSON form that parses.
void CheckReport(const AnalyzeInput& in, const Report& r);

}  // namespace rapport::fuzz

#endif  // RAPPORT_FUZZ_FUZZ_UTIL_H_
