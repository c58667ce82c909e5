// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// JSON parsing that reports errors as values. The core is built with
// JSON_NOEXCEPTION (a throw would abort), so all parsing goes through here.
//
//   nlohmann::json doc;
//   std::string error = rapport::ParseJson(text, &doc);
//   if (!error.empty()) { /* "syntax error at line 3, column 7: ..." */ }

#ifndef RAPPORT_SRC_JSON_UTIL_H_
#define RAPPORT_SRC_JSON_UTIL_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "pack.h"

namespace rapport {

// Parses `text` into `*out`. Returns "" on success, else a message naming the
// line and column. Never throws or aborts.
std::string ParseJson(std::string_view text, nlohmann::json* out);

// Serialises without ever failing: invalid UTF-8 in strings is replaced.
std::string DumpJson(const nlohmann::json& j, int indent = -1);

// Pack errors as [{"file", "ruleId", "reason"}], for reports and pack info.
nlohmann::json PackErrorsToJson(const std::vector<PackError>& errors);

}  // namespace rapport

#endif  // RAPPORT_SRC_JSON_UTIL_H_
