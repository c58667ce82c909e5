// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// rapport_worst_case: the cost of the worst inputs we can construct, side by
// side with a normal 2,000-character reply, to back the bound documented in
// the README ("Bounded cost").
//
//   build/native/bench/rapport_worst_case            # the table
//   build/native/bench/rapport_worst_case --quick    # fewer repetitions
//
// Every case is a draft (plain or HTML) at the size limit of coach.h (256 KiB
// analysed; some are given 4 MiB to show the cut is cheap), with the same
// frustrated customer; the customer cases fill all 20 messages to 64 KiB and
// change them every call (no cache). Each row is the median and the maximum
// of single calls in microseconds, and the median as a multiple of the
// normal draft's. Pack rows time building a coach (done once per page load).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "coach.h"

namespace {

using Clock = std::chrono::steady_clock;

// `unit` repeated until the result holds `bytes` bytes (cut at the end).
std::string Fill(const std::string& unit, size_t bytes) {
  std::string s;
  s.reserve(bytes + unit.size());
  while (s.size() < bytes) s += unit;
  s.resize(bytes);
  return s;
}

const char kReply[] =
    "Hi Maria,\n\nI'm so sorry you've had to write to us three times about "
    "order #48213. I completely understand how frustrating it is to wait "
    "this long for your standing desk. I looked into order #48213 myself "
    "this morning, and I can see exactly what happened. Your desk left our "
    "warehouse on time, but our courier held it at the regional depot "
    "because the label was damaged. The tracking page did not update while "
    "the parcel was held, which is why it showed \"in transit\" for so "
    "long. I have already spoken with the courier, and they confirmed the "
    "parcel is now relabelled and cleared.\n\nHere is what happens next:\n"
    "1. I will ship a replacement today by express courier at no cost to "
    "you.\n2. You will receive the new tracking number by email before 5 pm "
    "today.\n3. When the original parcel reaches you, you can refuse it at "
    "the door.\n\nBecause you paid for express shipping, the delay is "
    "entirely on our side, and I have refunded the shipping fee to your "
    "card; it will show within 3 business days. In the meantime, I've also "
    "added a 10% credit to your account for the trouble. I have flagged the "
    "label problem to our warehouse team so it does not happen on other "
    "orders. If anything at all is unclear, just reply to this email and it "
    "comes straight to me; I'll keep an eye on your order until it is at "
    "your door. Thank you for your patience, and again, I'm sorry.\n\nBest "
    "regards,\nSam";

const char kCustomer[] =
    "This is the THIRD time I am writing about order #48213!! I paid for "
    "express shipping nine days ago and it still has not arrived. If it is "
    "not delivered by Friday I want a full refund.";

struct Case {
  std::string name;
  std::string draft;
  bool html = false;
  bool big_customer = false;  // 20 messages of 64 KiB, new every call
};

std::vector<Case> Cases() {
  const size_t kMax = rapport::kMaxDraftBytes;
  std::string normal = Fill(std::string(kReply) + "\n\n", 2000);
  std::vector<Case> c = {
      {"normal reply, 2,000 chars", normal},
      {"normal prose at the limit (256 KiB)", Fill(normal + "\n\n", kMax)},
      {"4 MiB of prose (cut at 256 KiB)", Fill(normal + "\n\n", 4 << 20)},
      {"one long word, no spaces", Fill("a", kMax)},
      {"no spaces, punctuation between letters", Fill("a.b,c!d?e;", kMax)},
      {"thousands of matches", Fill("Unfortunately, sorry, ASAP! ", kMax)},
      {"many sentences (\"Ok. \")", Fill("Ok. ", kMax)},
      {"all caps", Fill("PLEASE READ THE EMAIL AGAIN ", kMax)},
      {"line breaks only", Fill("\n", kMax)},
      // Quadratic in src/checks.cc (the wall-of-text check compares every
      // paragraph with every sentence): seconds at the limit. See README.
      {"one-word paragraphs (\"x\\n\\n\")", Fill("x\n\n", kMax)},
      {"one-line paragraphs, 4 KiB", Fill("Ok.\n\n", 4096)},
      {"long sentence, no end", Fill("and then we will ship it ", kMax)},
      {"CJK and emoji (4-byte UTF-8)",
       Fill("\xE8\xA8\x82\xE5\x96\xAE \xF0\x9F\x98\x80 ", kMax)},
      {"malformed UTF-8", Fill("\xFF\xC3(\xED\xA0\x80 ", kMax)},
      {"HTML: normal reply as <p>s", "<p>" + Fill(normal, 2000) + "</p>", true},
      {"HTML: deep nesting",
       Fill("<div><blockquote><span>", kMax / 2) + "x" +
           Fill("</span></blockquote></div>", kMax / 2),
       true},
      {"HTML: many tags", Fill("<b>x</b><br>", kMax), true},
      {"HTML: entities", Fill("&amp;&#128512;&nbsp;&bogus;", kMax), true},
      {"HTML: unclosed tag", "<p " + Fill("a=b ", kMax), true},
      {"HTML: prose in <p>s at the limit", Fill("<p>" + normal + "</p>", kMax),
       true},
      {"customer: 20 x 64 KiB, new every call", normal, false, true},
      {"everything at the limit, new customer", Fill(normal + "\n\n", kMax),
       false, true},
  };
  return c;
}

struct Timing {
  double median_us = 0;
  double max_us = 0;
};

Timing Time(int reps, const std::function<void(int)>& run) {
  std::vector<double> us;
  const auto w0 = Clock::now();
  run(-1);  // warm-up
  if (Clock::now() - w0 > std::chrono::milliseconds(200)) reps = 3;
  for (int i = 0; i < reps; ++i) {
    const auto t0 = Clock::now();
    run(i);
    us.push_back(
        std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
  }
  std::sort(us.begin(), us.end());
  return {us[us.size() / 2], us.back()};
}

std::string AdminPackAtTheBounds() {
  // kMaxAdminRules rules, kMaxAdminPatterns patterns in all, each pattern an
  // alternation of words (what admins write), each rule with its examples.
  std::string json = R"({"pack": "acme", "rules": [)";
  const size_t per_rule = rapport::kMaxAdminPatterns / rapport::kMaxAdminRules;
  for (size_t r = 0; r < rapport::kMaxAdminRules; ++r) {
    json += r ? "," : "";
    json += R"({"id": "acme.clarity.r)" + std::to_string(r) +
            R"(", "dimension": "clarity", "kind": "flag", "severity": "tip",
             "message": "Plain words, please.", "patterns": [)";
    for (size_t p = 0; p < per_rule; ++p) {
      json += p ? "," : "";
      json += R"("\\b(?:synergy)" + std::to_string(r) + "x" +
              std::to_string(p) +
              R"(|leverage|paradigm|circle back|touch base|bandwidth)\\b")";
    }
    json += R"(], "examples": {"match": ["[[leverage]] it"],
                               "noMatch": ["use it"]}})";
  }
  return json + "]}";
}

}  // namespace

int main(int argc, char** argv) {
  const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
  const auto coach = rapport::Coach::Create();
  std::vector<std::string> big_messages;
  for (int i = 0; i < 64; ++i) {
    big_messages.push_back(
        Fill(std::string(kCustomer) + " #" + std::to_string(i) + " ",
             rapport::kMaxMessageBytes));
  }

  std::printf("%-42s %10s %12s %12s %8s\n", "case", "bytes", "median us",
              "max us", "x normal");
  double normal_us = 0;
  for (const Case& c : Cases()) {
    const int reps = quick ? 3 : (c.draft.size() < 10000 ? 200 : 9);
    rapport::AnalyzeInput in;
    in.draft = c.draft;
    in.html = c.html;
    in.customer_name = "Maria Lopez";
    in.agent_name = "Sam";
    in.customer_messages = {kCustomer};
    bool truncated = false;
    const Timing t = Time(reps, [&](int i) {
      if (c.big_customer) {
        // 20 messages, rotated so that the cache never hits.
        in.customer_messages.clear();
        for (int m = 0; m < 20; ++m) {
          in.customer_messages.push_back(
              big_messages[(i + 1 + m) % big_messages.size()]);
        }
      }
      truncated = coach->Analyze(in).truncated;
    });
    if (normal_us == 0) normal_us = t.median_us;
    std::printf("%-42s %10zu %12.0f %12.0f %8.1f%s\n", c.name.c_str(),
                c.draft.size(), t.median_us, t.max_us, t.median_us / normal_us,
                truncated ? "  (truncated)" : "");
  }

  const std::string admin = AdminPackAtTheBounds();
  const struct {
    const char* name;
    std::string pack;
  } packs[] = {{"coach: default pack", ""},
               {"coach: admin pack at the bounds", admin}};
  for (const auto& p : packs) {
    bool ok = true;
    const Timing t = Time(quick ? 1 : 3, [&](int) {
      ok = rapport::Coach::Create(p.pack)->admin_errors().empty();
    });
    std::printf("%-42s %10zu %12.0f %12.0f %8s%s\n", p.name, p.pack.size(),
                t.median_us, t.max_us, "-", ok ? "" : "  (REJECTED)");
  }
  return 0;
}
