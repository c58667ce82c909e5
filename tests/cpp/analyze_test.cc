// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// Coaching behaviour with the default pack: what a frustrated repeat customer
// needs, what a cold reply misses, what a warm reply earns. Each case holds
// across several phrasings, not one string.

#include <gtest/gtest.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "coach.h"
#include "test_util.h"

namespace rapport {
namespace {

using testing::FindingOf;

const Coach& DefaultCoach() {
  static const auto* coach = Coach::Create().release();
  return *coach;
}

Report Analyze(const std::string& draft, const std::string& customer,
               const std::string& name = "Maria Lopez") {
  AnalyzeInput in;
  in.draft = draft;
  in.customer_messages = {customer};
  in.customer_name = name;
  in.agent_name = "Sam Reed";
  return DefaultCoach().Analyze(in);
}

std::string Describe(const Report& r) {
  std::string s = "score " + std::to_string(r.score) + "; findings:";
  for (const Finding& f : r.findings) {
    s += "\n  " + std::string(SeverityName(f.severity)) + " " + f.rule_id +
         " \"" + f.quote + "\"";
  }
  s += "\n  dims:";
  for (int i = 0; i < kScoredDimensions; ++i) {
    s += " " + std::string(DimensionName(static_cast<Dimension>(i))) + "=" +
         std::to_string(r.dimensions[i].score);
  }
  return s;
}

// Expects no finding of `r` (the report on `draft`) to call it a refusal,
// nor, with `or_blame`, to say it blames the customer.
void ExpectNoRefusal(const char* draft, const Report& r, bool or_blame) {
  for (const Finding& f : r.findings) {
    EXPECT_EQ(f.rule_id.find("refusal"), std::string::npos) << draft << "\n"
                                                            << Describe(r);
    EXPECT_NE(f.rule_id, "en.positivity.cant_be_done") << draft;
    if (or_blame) {
      EXPECT_EQ(f.rule_id.find("blame"), std::string::npos) << draft;
    }
  }
}

// For each {draft, raised} against `customer`: whether `rule` is raised.
void ExpectRaisedOn(const char* rule, const char* customer,
                    std::initializer_list<std::pair<const char*, bool>> cases) {
  for (const auto& [draft, raised] : cases) {
    const Report r = Analyze(draft, customer);
    EXPECT_EQ(FindingOf(r, rule) != nullptr, raised) << draft << "\n"
                                                     << Describe(r);
  }
}

bool HasWarning(const Report& r) {
  for (const Finding& f : r.findings) {
    if (f.severity != Severity::kTip) return true;
  }
  return false;
}

const char* const kAngryRepeat[] = {
    "This is the THIRD time I'm writing about order #48213. It still hasn't "
    "arrived and nobody has replied. This is absolutely unacceptable!!",
    "I have contacted you three times already about order #48213 and I am fed "
    "up. Where is my package?? Ridiculous service.",
    "Still no update on order 48213?! I've emailed again and again. I'm really "
    "frustrated and thinking of cancelling my account.",
    "Once again I'm chasing order #48213. Third email this week and still "
    "nothing. Frankly this is a joke and I'm furious.",
};

const char* const kColdReplies[] = {
    "Your order is delayed. Unfortunately there is nothing we can do.",
    "The package is delayed by the carrier. Unfortunately, there is nothing "
    "more we can do at this point.",
    "Orders can take time. Unfortunately we cannot do anything about carrier "
    "delays.",
    "Your order is late. Unfortunately there's nothing I can do about it.",
};

const char* const kWarmReplies[] = {
    "Hi Maria,\n\nI'm so sorry you've had to write to us three times about "
    "order #48213. That's really frustrating, and I understand. I've checked "
    "it myself: the parcel was held at our depot. I will ship it today by "
    "express at no cost, and you'll receive the tracking number by 5 pm. In "
    "the meantime, I've added a 10% credit to your account.\n\nIf there's "
    "anything else I can do, just reply to this email.\n\nBest regards,\nSam",
    "Hello Maria,\n\nI completely understand your frustration, and I "
    "apologise that order 48213 still hasn't reached you. I have escalated it "
    "to our warehouse lead, and I'll personally confirm the new delivery date "
    "with you by tomorrow at noon. As a gesture of goodwill, I've refunded "
    "the shipping cost.\n\nPlease let me know if there's anything else I can "
    "help with.\n\nKind regards,\nSam",
    "Dear Maria,\n\nThank you for your patience, and I'm truly sorry for the "
    "trouble with order #48213. You're right to be upset. I've personally "
    "arranged a replacement, which will be delivered within 24 hours. I'll "
    "also email you the courier's tracking link today so you can follow it."
    "\n\nIf you have any other questions, don't hesitate to reach out.\n\n"
    "Warm regards,\nSam",
};

TEST(Customer, AngryRepeatContactIsRead) {
  for (const char* msg : kAngryRepeat) {
    const Report r = Analyze("Thanks.", msg);
    EXPECT_GE(r.customer.frustration, 0.7) << msg;
    EXPECT_TRUE(r.customer.frustrated) << msg;
    EXPECT_TRUE(r.customer.repeat_contact) << msg;
    EXPECT_LT(r.customer.sentiment, 0) << msg;
    bool order = false, name = false;
    for (const Mention& m : r.customer.mentions) {
      order |= m.type == "order" && m.text == "48213";
      name |= m.type == "name" && m.text == "Maria";
    }
    EXPECT_TRUE(order) << msg;
    EXPECT_TRUE(name) << msg;
  }
}

TEST(Customer, MentionOffsetsPointIntoTheMessage) {
  const std::string msg = "\xF0\x9F\x98\xA1 Where is order #48213?";
  const Report r = Analyze("Hi", msg);
  for (const Mention& m : r.customer.mentions) {
    if (m.type == "order") {
      EXPECT_EQ(testing::Slice(msg, m.start, m.end), "48213");
      return;
    }
  }
  FAIL() << "no order mention";
}

TEST(Customer, CalmMessagesAreNotFrustrated) {
  const char* const calm[] = {
      "Hi, could you tell me when my order will ship? Thanks!",
      "Hello, I have no complaints about the product, I just want to change "
      "my delivery address.",
      "Quick question: does the premium plan include phone support?",
  };
  for (const char* msg : calm) {
    const Report r = Analyze("Thanks.", msg);
    EXPECT_LT(r.customer.frustration, 0.45) << msg;
    EXPECT_FALSE(r.customer.frustrated) << msg;
    EXPECT_FALSE(r.customer.urgent) << msg;
    EXPECT_FALSE(r.customer.repeat_contact) << msg;
    EXPECT_FALSE(r.customer.churn_risk) << msg;
  }
  EXPECT_EQ(Analyze("x", calm[0]).customer.questions, 1);
}

TEST(Customer, UrgencyAndChurnRisk) {
  const Report outage = Analyze(
      "On it.",
      "URGENT: our whole site is down and we are losing sales every minute. "
      "We need this fixed immediately.");
  EXPECT_GE(outage.customer.urgency, 0.7);
  EXPECT_TRUE(outage.customer.urgent);
  const Report churn = Analyze(
      "Ok.",
      "If this isn't sorted I will cancel my subscription and switch to a "
      "competitor.");
  EXPECT_TRUE(churn.customer.churn_risk);
}

TEST(Coaching, DimensionsLeftOutWeighNothingAndRaiseNothing) {
  AnalyzeInput in;
  in.draft = kColdReplies[0];
  in.customer_messages = {kAngryRepeat[0]};
  in.customer_name = "Maria Lopez";
  const Report all = DefaultCoach().Analyze(in);
  ASSERT_NE(FindingOf(all, "en.empathy.missing_acknowledgement"), nullptr);

  in.dimensions = {Dimension::kClarity, Dimension::kPersonalization};
  const Report some = DefaultCoach().Analyze(in);
  for (const Finding& f : some.findings) {
    EXPECT_TRUE(f.dimension == Dimension::kClarity ||
                f.dimension == Dimension::kPersonalization)
        << f.rule_id;
  }
  const DimensionScore& clarity =
      some.dimensions[static_cast<int>(Dimension::kClarity)];
  const DimensionScore& personal =
      some.dimensions[static_cast<int>(Dimension::kPersonalization)];
  EXPECT_FALSE(some.dimensions[static_cast<int>(Dimension::kEmpathy)].coached);
  EXPECT_EQ(some.dimensions[static_cast<int>(Dimension::kEmpathy)].weight, 0);
  EXPECT_TRUE(clarity.coached);
  // The score is the weighted mean of the two coached dimensions alone.
  const double mean =
      (clarity.weight * clarity.score + personal.weight * personal.score) /
      (clarity.weight + personal.weight);
  EXPECT_NEAR(some.score, mean, 0.51);
  EXPECT_NE(some.score, all.score);
}

TEST(Coaching, ColdRepliesToAnAngryRepeatCustomerScoreLow) {
  for (const char* msg : kAngryRepeat) {
    for (const char* reply : kColdReplies) {
      const Report r = Analyze(reply, msg);
      const std::string why = std::string(reply) + "\n" + Describe(r);
      EXPECT_LT(r.score, 50) << why;
      EXPECT_NE(FindingOf(r, "en.empathy.missing_acknowledgement"), nullptr)
          << why;
      EXPECT_NE(FindingOf(r, "en.urgency.missing_time_commitment"), nullptr)
          << why;
      EXPECT_NE(FindingOf(r, "en.closing.negative_ending"), nullptr) << why;
      bool unfortunately = false;
      for (const Finding& f : r.findings) {
        unfortunately |= f.quote.find("nfortunately") != std::string::npos &&
                         f.dimension == Dimension::kPositivity;
      }
      EXPECT_TRUE(unfortunately) << why;
    }
  }
}

TEST(Coaching, WarmRepliesScoreHighWithoutWarnings) {
  for (const char* msg : kAngryRepeat) {
    for (const char* reply : kWarmReplies) {
      const Report r = Analyze(reply, msg);
      const std::string why = std::string(reply) + "\n" + Describe(r);
      EXPECT_GE(r.score, 80) << why;
      EXPECT_FALSE(HasWarning(r)) << why;
    }
  }
}

TEST(Coaching, WarmBeatsColdForEveryCustomer) {
  const char* const customers[] = {
      kAngryRepeat[0], "Hi, could you tell me when my order will ship?",
      "URGENT: the site is down!"};
  for (const char* msg : customers) {
    EXPECT_GT(Analyze(kWarmReplies[0], msg).score,
              Analyze(kColdReplies[0], msg).score + 20)
        << msg;
  }
}

TEST(Coaching, RefusalNeedsAReasonAndAnAlternative) {
  const char* msg = "I want a full refund for the flight I missed.";
  const Report bare = Analyze("We can't refund this ticket.", msg);
  EXPECT_NE(FindingOf(bare, "en.positivity.refusal_without_alternative"),
            nullptr)
      << Describe(bare);
  const Report good = Analyze(
      "Hi Maria, I can't refund this fare because it was non-refundable, but "
      "what I can do is move your booking to any date this month for free.",
      msg);
  EXPECT_EQ(FindingOf(good, "en.positivity.refusal_without_alternative"),
            nullptr)
      << Describe(good);
}

TEST(Coaching, ColdAlternativesCount) {
  // Ways forward as curt agents write them: an instruction, a party named
  // without a verb, a part that is allowed. None is a dead end.
  const char* msg = "Can you cancel my contract over chat?";
  const char* const drafts[] = {
      "Cancellations can't be done over chat. Call 150 from your mobile.",
      "We can't cancel it here; contracts are a matter for your account "
      "owner.",
      "The contract can't be cancelled early. The add-on is, though.",
      "We can't cancel it over chat unless you verify your ID first.",
  };
  for (const char* d : drafts) {
    const Report r = Analyze(d, msg);
    EXPECT_EQ(FindingOf(r, "en.positivity.refusal_without_alternative"),
              nullptr)
        << d << "\n"
        << Describe(r);
  }
  // A sentence that opens with a noun that is also a verb is no instruction.
  for (const char* d : {"Contracts can't be cancelled over chat.",
                        "Order 55120 can't be cancelled.",
                        "Return shipping can't be refunded."}) {
    const Report dead = Analyze(d, msg);
    EXPECT_NE(FindingOf(dead, "en.positivity.refusal_without_alternative"),
              nullptr)
        << d << "\n"
        << Describe(dead);
  }
}

TEST(Coaching, ADeadEndStopsAtTheNo) {
  // Only a reply that stops at the "no", or adds only more of it, is a dead
  // end; a plain sentence after it may be a way forward in words no lexicon
  // lists.
  ExpectRaisedOn(
      "en.positivity.refusal_without_alternative",
      "Can you price match? It's cheaper elsewhere.",
      {
          {"We don't price match.", true},
          {"We don't price match. There are no exceptions.", true},
          {"We don't price match. We appreciate your "
           "understanding.",
           true},
          {"We don't price match. Current codes sit in the Deals "
           "tab.",
           false},
          // More of the "no", in capitals or after a dash or
          // curly quote, is still only the "no".
          {"We don't price match. We DON'T make exceptions.", true},
          {"We don't price match. The answer is \xE2\x80\x9Cno"
           "\xE2\x80\x9D\xE2\x80\x94sorry.",
           true},
          {"We don't price match. Our answer is \xC2\xABno\xC2\xBB.", true},
          // A number sign is not a "no".
          {"We don't price match. Ref no 5512 stays open for a "
           "swap.",
           false},
      });
}

TEST(Coaching, ANoThatEndsOnTheWayForwardIsNotANegativeEnding) {
  // What counts is what follows the last "no" of the last sentence.
  ExpectRaisedOn(
      "en.closing.negative_ending", "Can I have some free data? I ran out.",
      {
          {"Hi Maria, I can't add free data, but a 10GB booster is £5 and you "
           "can add it in the app.",
           false},
          {"Hi Maria, a booster is £5 in the app. Unfortunately we can't add "
           "free data.",
           true},
          {"Hi Maria, I can't add free data, but you can add a booster in the "
           "app, and sadly we can't refund the old one.",
           true},
      });
}

TEST(Coaching, ANoOnASidePointIsNotARefusal) {
  // The request is granted first ("yes", or an action already taken); the
  // "can't" that follows limits something the customer did not ask for.
  const char* msg = "Can I pay with a gift card and a credit card together?";
  const char* const drafts[] = {
      "Hi Ann, yes, you can! Enter the gift card first and the rest goes on "
      "your card. Gift cards can't be used for delivery charges.",
      "Hello Ann. I've resent the label. Note that we cannot accept items "
      "without the original packaging.",
      // A dash after the greeting is not a word before the "yes".
      "Hi Dr Okafor \xE2\x80\x94 yes, you can! Gift cards can't be used "
      "for delivery charges.",
  };
  for (const char* d : drafts) {
    ExpectNoRefusal(d, Analyze(d, msg), /*or_blame=*/false);
  }
}

TEST(Coaching, ALimitExplainedAfterAReassuranceIsNotARefusal) {
  // The customer asked what is true; the reply answers the worry first, in
  // its opening or earlier in the same sentence, and the limit explains.
  const struct {
    const char* msg;
    const char* draft;
  } cases[] = {
      {"Is it true you'll cut off my water if I don't pay?",
       "No, that isn't true. Water companies aren't allowed to disconnect "
       "homes for non-payment."},
      {"The Export button is greyed out. Bug?",
       "Not a bug. Export is only available to workspace admins."},
      {"Why is there a hold on my card? I already paid.",
       "That's the hotel's pre-authorisation. It isn't a payment, and we can't "
       "release it from our side."},
  };
  for (const auto& c : cases) {
    ExpectNoRefusal(c.draft, Analyze(c.draft, c.msg), /*or_blame=*/false);
  }
  // A reassurance that comes after the "no", outside the opening, does not
  // take it back.
  const char* late =
      "Hi Ann, thanks for asking. We can't release the hold from our side. It "
      "isn't a payment.";
  const Report r = Analyze(late, "Can you release the hold on my card?");
  EXPECT_NE(FindingOf(r, "en.positivity.refusal_without_alternative"), nullptr)
      << Describe(r);
  // Nor does one later in the opening sentence: the "no" came first.
  const char* first_no =
      "We can't refund the deposit, and no, that isn't a payment.";
  const Report r2 = Analyze(first_no, "Can you refund my deposit?");
  EXPECT_NE(FindingOf(r2, "en.positivity.refusal_without_reason"), nullptr)
      << Describe(r2);
}

TEST(Coaching, ANoOrBlameUnderAConditionIsNotSaid) {
  // "If we can't ..." and "in case you didn't ..." say what happens under a
  // condition; they refuse or blame nothing.
  const char* msg = "My router keeps dropping out. Can you fix it?";
  const char* const drafts[] = {
      "Hi Maria, if we can't fix it remotely by tonight, I'll book an "
      "engineer for tomorrow morning.",
      "Hi Maria, in case you didn't read the email, the new router is on its "
      "way.",
      "Hi Maria, even if the part isn't available locally, the engineer "
      "brings a spare.",
      "Hi Maria, the new router can't be used until the light turns green, "
      "which takes about ten minutes.",
      "Hi Maria, it's not possible for anyone else to log in to your router.",
      "Hi Maria, there is no way anyone can change your router settings "
      "without the admin code.",
  };
  for (const char* d : drafts) {
    ExpectNoRefusal(d, Analyze(d, msg), /*or_blame=*/true);
  }
  // The "no" after the condition is still one, and so is the rule's own
  // "if you had read".
  const Report no = Analyze("If you want a refund, we can't refund it.", msg);
  EXPECT_NE(FindingOf(no, "en.positivity.cant_refusal"), nullptr)
      << Describe(no);
  const Report blame =
      Analyze("If you had read the manual, you'd know how to reset it.", msg);
  EXPECT_NE(FindingOf(blame, "en.positivity.blame_you_failed"), nullptr)
      << Describe(blame);
}

TEST(Coaching, TheClauseWordsAreThePacks) {
  // The words behind the two tests above are pack data: an admin pack that
  // empties them gets the flags back, and one that adds a lifter lifts.
  const char* msg = "My router keeps dropping out. Can you fix it?";
  const std::string conditional =
      "Hi Maria, if we can't fix it remotely by tonight, I'll book an "
      "engineer for tomorrow morning.";
  const std::string until =
      "Hi Maria, the new router can't be used until the light turns green.";
  const std::string pending =
      "Hi Maria, the new router can't be used pending the light turning "
      "green.";
  const auto refuses = [&](const Coach& coach, const std::string& draft) {
    AnalyzeInput in;
    in.draft = draft;
    in.customer_messages = {msg};
    const Report r = coach.Analyze(in);
    for (const Finding& f : r.findings) {
      if (f.rule_id.find("refusal") != std::string::npos) return true;
    }
    return false;
  };
  EXPECT_FALSE(refuses(DefaultCoach(), conditional));
  EXPECT_FALSE(refuses(DefaultCoach(), until));
  EXPECT_TRUE(refuses(DefaultCoach(), pending));

  const auto off = Coach::Create(R"({"pack": "acme", "settings": {"clauses":
      {"conditionOpeners": [], "lifters": []}}})");
  ASSERT_TRUE(off->admin_errors().empty());
  EXPECT_TRUE(refuses(*off, conditional));
  EXPECT_TRUE(refuses(*off, until));

  // An admin list replaces the pack's list: "until" must be listed again.
  const auto pending_lifts = Coach::Create(R"({"pack": "acme", "settings":
      {"clauses": {"lifters": ["until", "pending"]}}})");
  ASSERT_TRUE(pending_lifts->admin_errors().empty());
  EXPECT_FALSE(refuses(*pending_lifts, pending));
  EXPECT_FALSE(refuses(*pending_lifts, until));
  EXPECT_FALSE(refuses(*pending_lifts, conditional));  // openers untouched

  // Openers and connectives of another wording, from the admin pack.
  const std::string provided =
      "Hi Maria, yet provided we can't fix it remotely, I'll send an "
      "engineer tomorrow.";
  EXPECT_TRUE(refuses(DefaultCoach(), provided));
  const auto other = Coach::Create(R"({"pack": "acme", "settings": {"clauses":
      {"conditionOpeners": ["provided"], "connectives": ["yet"]}}})");
  ASSERT_TRUE(other->admin_errors().empty());
  EXPECT_FALSE(refuses(*other, provided));
}

TEST(Coaching, LookAheadStopsAndOpenersBeforeTheMatch) {
  const char* msg = "I need a refund for the broken kettle.";
  // "for" stops the look-ahead: the "until" after "for you" lifts nothing.
  const Report stop =
      Analyze("Hi Maria, we can't refund it for you until Monday.", msg);
  EXPECT_NE(FindingOf(stop, "en.positivity.cant_refusal"), nullptr)
      << Describe(stop);
  // An opener right before the match makes it a condition, mid-clause too.
  const char* const drafts[] = {
      "Hi Maria, it's fine if you ignored the first reminder; the refund is "
      "on its way today.",
      "Hi Maria, I'll send a courier if we can't repair it by Friday.",
  };
  for (const char* d : drafts) {
    ExpectNoRefusal(d, Analyze(d, msg), /*or_blame=*/true);
  }
  const Report blame =
      Analyze("Hi Maria, you ignored the first reminder.", msg);
  EXPECT_NE(FindingOf(blame, "en.positivity.blame_you_caused"), nullptr)
      << Describe(blame);
}

TEST(Coaching, BlameCondescensionAndShoutingAreCritical) {
  const char* const drafts[] = {
      "You should have read the instructions before ordering.",
      "As I said before, the refund takes five days.",
      "PLEASE READ THE EMAIL WE SENT YOU.",
  };
  for (const char* d : drafts) {
    const Report r = Analyze(d, "Where is my refund?");
    bool critical = false;
    for (const Finding& f : r.findings)
      critical |= f.severity == Severity::kCritical;
    EXPECT_TRUE(critical) << d << "\n" << Describe(r);
    EXPECT_LE(r.score, 45) << d;
  }
}

TEST(Coaching, MissingNameFixUsesTheGreeting) {
  const std::string draft = "Hi there,\nYour refund was sent today.";
  const Report r = Analyze(draft, "Where is my refund?");
  const Finding* f = FindingOf(r, "en.personalization.missing_name");
  ASSERT_NE(f, nullptr) << Describe(r);
  ASSERT_TRUE(f->has_fix);
  EXPECT_EQ(testing::ApplyFix(draft, f->fix),
            "Hi Maria,\nYour refund was sent today.");
}

TEST(Coaching, EveryFixEditsOnlyItsSpan) {
  const std::string draft =
      "Hi there,\nUnfortunately, your order is late. Please be advised that "
      "we utilize a courier.";
  const Report r = Analyze(draft, kAngryRepeat[0]);
  int fixes = 0;
  for (const Finding& f : r.findings) {
    if (!f.has_fix) continue;
    ++fixes;
    const std::string fixed = testing::ApplyFix(draft, f.fix);
    const std::u16string d = testing::ToUtf16(draft);
    const std::u16string x = testing::ToUtf16(fixed);
    // Everything before the edit and after it is untouched.
    EXPECT_EQ(x.substr(0, f.fix.start), d.substr(0, f.fix.start)) << f.rule_id;
    EXPECT_EQ(x.substr(x.size() - (d.size() - f.fix.end)), d.substr(f.fix.end))
        << f.rule_id;
  }
  EXPECT_GE(fixes, 3) << Describe(r);
}

TEST(Coaching, RemovingASentenceOpenerRecapitalises) {
  const std::string draft =
      "Hi Maria, thanks for writing.\nUnfortunately, the item is sold out.";
  const Report r = Analyze(draft, "Is it in stock?");
  for (const Finding& f : r.findings) {
    if (f.has_fix && f.quote.find("nfortunately") != std::string::npos) {
      EXPECT_EQ(testing::ApplyFix(draft, f.fix),
                "Hi Maria, thanks for writing.\nThe item is sold out.");
      return;
    }
  }
  FAIL() << Describe(r);
}

TEST(Html, FindingsAndFixesPointIntoTheMarkup) {
  const std::string html =
      "<p>Hi there,</p><p><b>Unfortunately</b>, your order is late &amp; "
      "we can&#39;t ship it.</p><p>Please be advised that we utilize "
      "couriers.</p>";
  AnalyzeInput in;
  in.draft = html;
  in.html = true;
  in.customer_messages = {kAngryRepeat[0]};
  in.customer_name = "Maria";
  const Report r = DefaultCoach().Analyze(in);
  ASSERT_FALSE(r.findings.empty());
  for (const Finding& f : r.findings) {
    // Spans hold the quoted text (modulo entities), never half a tag.
    const std::string span = testing::Slice(html, f.start, f.end);
    EXPECT_EQ(std::count(span.begin(), span.end(), '<'),
              std::count(span.begin(), span.end(), '>'))
        << f.rule_id << " " << span;
    if (!f.has_fix) continue;
    const std::string fixed = testing::ApplyFix(html, f.fix);
    // The markup survives every fix: same tags in the same order.
    std::string tags_before, tags_after;
    for (const std::string* s : {&html, &fixed}) {
      std::string& out = s == &html ? tags_before : tags_after;
      for (size_t i = s->find('<'); i != std::string::npos;
           i = s->find('<', i + 1)) {
        out += s->substr(i, s->find('>', i) - i + 1);
      }
    }
    // Inserted line breaks become <br>; strip those before comparing.
    std::string stripped;
    for (size_t i = 0; i < tags_after.size();) {
      if (tags_after.compare(i, 4, "<br>") == 0) {
        i += 4;
      } else {
        stripped += tags_after[i++];
      }
    }
    EXPECT_EQ(stripped, tags_before) << f.rule_id << "\n" << fixed;
  }
}

TEST(Coaching, AWallOfTextIsTheParagraphOverTheLimit) {
  std::string sentences;  // 13 sentences of 10 words: 130 words
  for (int i = 0; i < 13; ++i) {
    sentences += "We checked the order and the courier has it now. ";
  }
  const std::string wall = "Hi Maria,\n\nThanks for writing.\n\n" + sentences +
                           "\n\nBest regards,\nSam";
  const Report r = Analyze(wall, "Where is my order?");
  const Finding* f = FindingOf(r, "en.clarity.wall_of_text");
  ASSERT_NE(f, nullptr) << Describe(r);
  EXPECT_EQ(f->start, wall.find("We checked"));
  EXPECT_EQ(f->end, wall.find("\n\nBest") - 1);  // the paragraph, trimmed

  std::string split = "Hi Maria,\n\n";
  for (int i = 0; i < 13; ++i) {
    split += "We checked the order and the courier has it now.\n\n";
  }
  const Report ok = Analyze(split + "Best regards,\nSam", "Where is my order?");
  EXPECT_EQ(FindingOf(ok, "en.clarity.wall_of_text"), nullptr) << Describe(ok);
}

}  // namespace
}  // namespace rapport
