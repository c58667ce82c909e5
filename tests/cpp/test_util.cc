// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.

#include "test_util.h"

#include "text.h"

namespace rapport::testing {

std::u16string ToUtf16(const std::string& s) {
  std::u16string out;
  for (size_t i = 0; i < s.size();) {
    uint32_t cp;
    bool ok;
    i += DecodeUtf8(s, i, &cp, &ok);
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(cp));
    }
  }
  return out;
}

std::string ToUtf8(const std::u16string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    uint32_t cp = s[i];
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < s.size()) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (s[++i] - 0xDC00);
    }
    AppendUtf8(cp, &out);
  }
  return out;
}

std::string ApplyFix(const std::string& draft, const FixEdit& fix) {
  const std::u16string d = ToUtf16(draft);
  return ToUtf8(d.substr(0, fix.start) + ToUtf16(fix.text) + d.substr(fix.end));
}

std::string Slice(const std::string& s, uint32_t start, uint32_t end) {
  return ToUtf8(ToUtf16(s).substr(start, end - start));
}

const Finding* FindingOf(const Report& r, const std::string& rule_id) {
  for (const Finding& f : r.findings) {
    if (f.rule_id == rule_id) return &f;
  }
  return nullptr;
}

}  // namespace rapport::testing
