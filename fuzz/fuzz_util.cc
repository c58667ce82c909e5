// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.

#include "fuzz_util.h"

#include <cstdio>
#include <cstdlib>

#include "json_util.h"
#include "text.h"

namespace rapport::fuzz {
namespace {

[[noreturn]] void Fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "rapport fuzz invariant broken: %s %s\n", what,
               detail.c_str());
  std::abort();
}

}  // namespace

std::vector<std::string_view> Split(const uint8_t* data, size_t size) {
  const std::string_view all(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> parts;
  const size_t max_parts = 2 + kMaxMessages + 2;
  size_t begin = 0;
  while (parts.size() + 1 < max_parts) {
    const size_t sep = all.find(kSeparator, begin);
    if (sep == std::string_view::npos) break;
    parts.push_back(all.substr(begin, sep - begin));
    begin = sep + 1;
  }
  parts.push_back(all.substr(begin));
  return parts;
}

AnalyzeInput InputFrom(const std::vector<std::string_view>& parts, bool html) {
  AnalyzeInput in;
  in.html = html;
  in.draft = std::string(parts[0]);
  if (parts.size() > 1) in.customer_name = std::string(parts[1]);
  for (size_t i = 2; i < parts.size(); ++i) {
    in.customer_messages.emplace_back(parts[i]);
  }
  // Vary the coached dimensions with the draft's length, so that the filter
  // runs too.
  if (in.draft.size() % 7 == 3) {
    in.dimensions = {Dimension::kEmpathy, Dimension::kClarity};
  }
  return in;
}

size_t RepairedSize(std::string_view s) {
  size_t bytes = 0;
  for (size_t i = 0; i < s.size();) {
    uint32_t cp;
    bool valid;
    const int len = DecodeUtf8(s, i, &cp, &valid);
    bytes += valid ? len : 3;  // U+FFFD
    i += len;
  }
  return bytes;
}

size_t Utf16Length(std::string_view s) {
  size_t units = 0;
  for (size_t i = 0; i < s.size();) {
    uint32_t cp;
    bool valid;
    i += DecodeUtf8(s, i, &cp, &valid);
    units += cp > 0xFFFF ? 2 : 1;
  }
  return units;
}

void CheckReport(const AnalyzeInput& in, const Report& r) {
  const size_t units = Utf16Length(in.draft);
  if (r.score < 0 || r.score > 100) Fail("score", std::to_string(r.score));
  for (const DimensionScore& d : r.dimensions) {
    if (d.score < 0 || d.score > 100) {
      Fail("dimension score", std::to_string(d.score));
    }
  }
  for (const Finding& f : r.findings) {
    if (f.start > f.end || f.end > units) {
      Fail("finding span", f.rule_id + " " + std::to_string(f.start) + ".." +
                               std::to_string(f.end) + " of " +
                               std::to_string(units));
    }
    if (f.has_fix && (f.fix.start > f.fix.end || f.fix.end > units)) {
      Fail("fix span", f.rule_id + " " + std::to_string(f.fix.start) + ".." +
                           std::to_string(f.fix.end) + " of " +
                           std::to_string(units));
    }
  }
  for (const Credit& c : r.credits) {
    if (c.start > c.end || c.end > units) Fail("credit span", c.rule_id);
  }
  const size_t first = in.customer_messages.size() > kMaxMessages
                           ? in.customer_messages.size() - kMaxMessages
                           : 0;
  // A mention indexes the caller's customerMessages (-1: the name given).
  for (const Mention& m : r.customer.mentions) {
    if (m.message == -1) continue;
    if (m.message < static_cast<int>(first) ||
        static_cast<size_t>(m.message) >= in.customer_messages.size()) {
      Fail("mention message index", std::to_string(m.message));
    }
    const size_t len = Utf16Length(in.customer_messages[m.message]);
    if (m.start > m.end || m.end > len) Fail("mention span", m.type);
  }
  // The limits hold for the text as analysed: UTF-8 with each invalid byte
  // replaced by U+FFFD.
  bool over = RepairedSize(in.draft) > kMaxDraftBytes ||
              in.customer_messages.size() > kMaxMessages;
  for (size_t i = first; i < in.customer_messages.size(); ++i) {
    over |= RepairedSize(in.customer_messages[i]) > kMaxMessageBytes;
  }
  if (r.truncated != over) {
    Fail("truncated", r.truncated ? "set under the limits" : "not set");
  }
  if (r.stats.characters < 0 ||
      static_cast<size_t>(r.stats.characters) != units) {
    Fail("stats.characters",
         std::to_string(r.stats.characters) + " vs " + std::to_string(units));
  }
  nlohmann::json j;
  const std::string error = ParseJson(ReportToJson(r), &j);
  if (!error.empty()) Fail("report JSON", error);
}

}  // namespace rapport::fuzz
