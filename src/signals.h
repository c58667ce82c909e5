// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// Customer signals: how the customer feels and what they expect, read from
// their messages with the pack's customer lexicons (kind signal and mention).
//
//   std::vector<rapport::Text> msgs = {rapport::Text::FromPlain(last)};
//   rapport::CustomerSignals c = rapport::ReadCustomer(matcher, pack, msgs,
//   "Ann Lee"); c.frustration;  // 0..1
//
// The last message counts fully, earlier ones at a discount. Mentions carry
// UTF-16 offsets into the message they were found in.

#ifndef RAPPORT_SRC_SIGNALS_H_
#define RAPPORT_SRC_SIGNALS_H_

#include <string_view>
#include <vector>

#include "matcher.h"
#include "pack.h"
#include "report.h"
#include "text.h"

namespace rapport {

CustomerSignals ReadCustomer(const Matcher& matcher, const Pack& pack,
                             const std::vector<Text>& messages,
                             std::string_view customer_name);

// The first word of a full name ("Ann" for "Ann Lee"), trimmed; "" if none.
std::string FirstName(std::string_view full_name);

}  // namespace rapport

#endif  // RAPPORT_SRC_SIGNALS_H_
