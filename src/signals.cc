// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.

#include "signals.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

#include "segment.h"

namespace rapport {
namespace {

// Weight of a message by its distance from the last one.
double MessageWeight(size_t index, size_t count) {
  return index + 1 == count ? 1.0 : 0.5;
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

// Shouting: words of three or more capitals. Returns how many.
int ShoutedWords(std::string_view s) {
  int shouted = 0;
  size_t i = 0;
  while (i < s.size()) {
    if (!IsUpper(s[i]) && !IsLower(s[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    bool all_upper = true;
    while (j < s.size() && (IsUpper(s[j]) || IsLower(s[j]))) {
      all_upper &= IsUpper(s[j]);
      ++j;
    }
    if (all_upper && j - i >= 3) ++shouted;
    i = j;
  }
  return shouted;
}

double Saturate(double x, double scale) {
  return x <= 0 ? 0 : 1 - std::exp(-x / scale);
}

}  // namespace

std::string FirstName(std::string_view full_name) {
  size_t b = 0;
  while (b < full_name.size() && (full_name[b] == ' ' || full_name[b] == '\t' ||
                                  full_name[b] == '\n')) {
    ++b;
  }
  size_t e = b;
  while (e < full_name.size() && full_name[e] != ' ' && full_name[e] != '\t' &&
         full_name[e] != '\n' && full_name[e] != ',' && full_name[e] != '@') {
    ++e;
  }
  return std::string(full_name.substr(b, e - b));
}

CustomerSignals ReadCustomer(const Matcher& matcher, const Pack& pack,
                             const std::vector<Text>& messages,
                             std::string_view customer_name) {
  CustomerSignals out;
  double sum[7] = {0, 0, 0, 0, 0, 0, 0};  // by Signal
  std::set<std::string> evidence;
  std::set<std::pair<std::string, std::string>> seen_mentions;
  int shouted = 0;

  for (size_t m = 0; m < messages.size(); ++m) {
    const Text& msg = messages[m];
    const double w = MessageWeight(m, messages.size());
    // A rule counts once per message, however often it matches.
    std::set<size_t> counted;
    const Segments seg = Segment(msg.str());
    for (const Match& hit :
         matcher.Find(Scope::kCustomer, msg.str(), seg.sentences)) {
      const Rule& rule = pack.rules[hit.rule];
      if (rule.kind == RuleKind::kMention) {
        Mention mention;
        mention.type = rule.mention_type;
        mention.text =
            msg.str().substr(hit.group_begin, hit.group_end - hit.group_begin);
        mention.message = static_cast<int>(m);
        mention.start = msg.Utf16Begin(hit.group_begin);
        mention.end = msg.Utf16End(hit.group_end);
        if (seen_mentions.insert({mention.type, mention.text}).second) {
          out.mentions.push_back(std::move(mention));
        }
        continue;
      }
      if (!counted.insert(hit.rule).second) continue;
      sum[static_cast<int>(rule.signal)] += w * rule.weight;
      evidence.insert(rule.id);
    }
    if (m + 1 == messages.size()) {
      shouted = ShoutedWords(msg.str());
      for (const Sentence& s : seg.sentences) out.questions += s.question;
    }
  }

  const auto S = [&](Signal s) { return sum[static_cast<int>(s)]; };
  out.repeat_contact = S(Signal::kRepeatContact) >= 1 || messages.size() >= 3;
  out.churn_risk = S(Signal::kChurnRisk) >= 1;
  // A reported problem counts as much as an annoyed word: an annoyed but
  // civil customer ("the bill is wrong again") expects the reply to
  // acknowledge it too. Churn risk alone counts as one weak cue: a polite,
  // planned departure ("can I close my account? I'm moving banks") is not a
  // clearly frustrated customer. Calibrated on the dev split of
  // tests/quality/.
  double frustration = S(Signal::kFrustration) + S(Signal::kNegative) +
                       (out.repeat_contact ? 0.75 : 0) +
                       (shouted >= 2 ? 1.0 : 0) + (out.churn_risk ? 0.5 : 0) -
                       0.4 * S(Signal::kPositive);
  // One weak cue (weight 0.5: a refund asked for, "still", "why is") reaches
  // frustratedAt (0.45); two strong ones make 0.9.
  out.frustration = Saturate(frustration, 0.8);
  out.urgency =
      Saturate(S(Signal::kUrgency) + (out.repeat_contact ? 0.3 : 0), 1.3);
  const double mood = S(Signal::kPositive) - S(Signal::kNegative) -
                      0.8 * S(Signal::kFrustration);
  out.sentiment = std::tanh(mood / 2);
  out.frustrated = out.frustration >= pack.settings.frustrated_at;
  out.urgent = out.urgency >= pack.settings.urgent_at;
  out.evidence.assign(evidence.begin(), evidence.end());

  const std::string first = FirstName(customer_name);
  if (!first.empty()) {
    Mention name;
    name.type = "name";
    name.text = first;
    name.message = -1;  // from the ticket, not a message
    out.mentions.insert(out.mentions.begin(), std::move(name));
  }

  return out;
}

}  // namespace rapport
