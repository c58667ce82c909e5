// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.

#include "checks.h"

#include <algorithm>
#include <set>
#include <string>

#include "signals.h"

namespace rapport {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c; }

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}

// The byte length of the non-ASCII character that begins at `at` if it ends
// a word as ASCII punctuation does, else 0: Latin-1 punctuation and spaces
// (U+00A0-00BF: no-break space, guillemets), the General Punctuation block
// (U+2000-206F: thin and narrow spaces, dashes, curly quotes, bullet,
// ellipsis) and any four-byte character (emoji). Letters with accents and
// other scripts stay word characters.
size_t PunctuationAt(std::string_view text, size_t at) {
  const auto byte = [&](size_t i) {
    return i < text.size() ? static_cast<unsigned char>(text[i]) : 0;
  };
  const unsigned char b0 = byte(at), b1 = byte(at + 1);
  if (b0 == 0xC2 && b1 >= 0xA0 && b1 <= 0xBF) return 2;
  if (b0 == 0xE2 && (b1 == 0x80 || b1 == 0x81)) return 3;
  if (b0 >= 0xF0 && b0 <= 0xF4) return 4;
  return 0;
}

// Whether text[i] is part of a word: an ASCII letter or digit, or a byte of
// a non-ASCII character that is not punctuation (see PunctuationAt).
bool WordCharAt(std::string_view text, size_t i) {
  if (!IsWordChar(text[i])) return false;
  if (static_cast<unsigned char>(text[i]) < 0x80) return true;
  // Back up to the first byte of the character that holds byte i.
  size_t start = i;
  while (start > 0 && i - start < 3 &&
         (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
    --start;
  }
  return PunctuationAt(text, start) == 0;
}

// Case-insensitive search for `word` as a whole word. Returns npos if absent.
size_t FindWord(std::string_view text, std::string_view word) {
  if (word.empty() || word.size() > text.size()) return std::string_view::npos;
  for (size_t i = 0; i + word.size() <= text.size(); ++i) {
    size_t k = 0;
    while (k < word.size() && Lower(text[i + k]) == Lower(word[k])) ++k;
    if (k < word.size()) continue;
    const bool left = i == 0 || !WordCharAt(text, i - 1);
    const bool right = i + k == text.size() || !WordCharAt(text, i + k);
    if (left && right) return i;
  }
  return std::string_view::npos;
}

// Frustration from which a missing acknowledgement is a warning rather than
// a tip: a strong cue (weight 1.5) or three weak ones (0.5 each)
// (src/signals.cc). On the dev customers of tests/quality/, "high" against
// the rest has its best F1 from 0.72 to 0.90; at 0.70, one weight-1.0 cue
// (0.71) was enough, and 20 calm customers counted as clearly frustrated
// (10 at 0.75).
constexpr double kClearlyFrustrated = 0.75;

// The longest reply in which a refusal may be called a dead end. Every dead
// end in the labelled dev split has at most 33 words; replies with an
// alternative run to 125.
constexpr int kDeadEndMaxWords = 40;

// Whether the reply grants before anything else: "Yes, gift wrapping is
// available", "Hi Ann, yes -- you can", "Good news: ...". A "no"
// that follows is a limit on the side, not a refusal of what was asked.
bool OpensWithYes(const std::string& s, const std::vector<Sentence>& ss,
                  size_t body, const TagHit* greeting) {
  // Not "of course" or "absolutely": "Of course, I understand, but ..."
  static constexpr std::string_view kYes[] = {"yes", "good news"};
  for (size_t k = 0; k <= body && k < ss.size(); ++k) {
    const Span sp = ss[k].span;
    const std::string_view sentence(s.data() + sp.begin, sp.end - sp.begin);
    for (std::string_view yes : kYes) {
      const size_t at = FindWord(sentence, yes);
      if (at == std::string_view::npos) continue;
      int before = 0;  // words before the "yes" in its sentence
      for (size_t i = 0; i < at; ++i) {
        if (WordCharAt(sentence, i) &&
            (i == 0 || !WordCharAt(sentence, i - 1))) {
          ++before;
        }
      }
      const bool after_greeting = greeting != nullptr &&
                                  greeting->span.begin >= sp.begin &&
                                  greeting->span.begin < sp.begin + at;
      if (before > (after_greeting ? 3 : 0)) continue;
      // "Yes," "Yes." "Good news:" "yes --", not "Yes I see, but".
      size_t i = at + yes.size();
      while (i < sentence.size() && sentence[i] == ' ') ++i;
      if (i == sentence.size()) return true;
      const char c = sentence[i];
      const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9');
      if (!letter) return true;
    }
  }
  return false;
}

// Whether a sentence says no in so many words: "no" (not as a number
// sign), one of kWords below, in any case, or a word ending in n't. Checked
// here, only for the few sentences GoesOnAfter reads, because as a rule these
// words matched in nearly every sentence of every draft and cost 7% of Analyze.
bool HasNegation(std::string_view sentence) {
  static constexpr std::string_view kWords[] = {"not",    "never",   "nothing",
                                                "none",   "nobody",  "cannot",
                                                "unable", "neither", "nor"};
  for (std::string_view w : kWords) {
    if (FindWord(sentence, w) != std::string_view::npos) return true;
  }
  // "no", but not a number sign: "ref no 5512", "No. 4".
  for (size_t from = 0; from < sentence.size();) {
    const size_t at = FindWord(sentence.substr(from), "no");
    if (at == std::string_view::npos) break;
    size_t next = from + at + 2;
    while (next < sentence.size() &&
           (sentence[next] == ' ' || sentence[next] == '.')) {
      ++next;
    }
    if (next == sentence.size() || sentence[next] < '0' ||
        sentence[next] > '9') {
      return true;
    }
    from = from + at + 2;
  }
  // n't, in any case, with a straight or a curly (U+2019: E2 80 99)
  // apostrophe, after a word ("don't", "DON'T", "can’t").
  for (size_t at = 1; at + 1 < sentence.size(); ++at) {
    size_t apostrophe = 0;
    if (sentence[at] == '\'') {
      apostrophe = 1;
    } else if (sentence.substr(at, 3) == "\xE2\x80\x99") {
      apostrophe = 3;
    }
    if (apostrophe == 0 || Lower(sentence[at - 1]) != 'n') continue;
    const size_t t = at + apostrophe;
    if (t >= sentence.size() || Lower(sentence[t]) != 't') continue;
    if (at >= 2 && WordCharAt(sentence, at - 2) &&
        (t + 1 == sentence.size() || !WordCharAt(sentence, t + 1))) {
      return true;
    }
  }
  return false;
}

// Whether a content sentence after the refusal's sentence says something
// the lexicon cannot read: a sentence of three words or more, before the
// sign-off, with no negation (HasNegation) and no hit of a kSaysNothingNew
// tag in it (a firm word, a reason, blame, boilerplate, an apology...). On the
// fresh dev batches, nearly every alternative the lexicon missed sat in such a
// sentence ("Current discount codes are listed on our Offers page."), while a
// dead end stops at the "no" or only adds more of it ("There are no
// exceptions.", "The £10 fee applies.", "We apologise for any inconvenience.").
bool GoesOnAfter(const std::string& s, const Draft& draft,
                 const std::vector<Sentence>& ss, Span refusal_sentence) {
  constexpr uint32_t kSaysNothingNew =
      kTagRefusal | kTagNegative | kTagBlame | kTagTemplate | kTagReason |
      kTagApology | kTagAcknowledgement | kTagThanks | kTagSignoff |
      kTagGreeting | kTagDeflection | kTagVagueTime | kTagFirm;
  for (const Sentence& sentence : ss) {
    if (sentence.span.begin < refusal_sentence.end ||
        sentence.span.begin >= draft.last_end || sentence.words < 3 ||
        HasNegation(std::string_view(s).substr(
            sentence.span.begin, sentence.span.end - sentence.span.begin))) {
      continue;
    }
    bool plain = true;
    for (const TagHit& t : draft.tags) {
      if ((t.tag & kSaysNothingNew) && t.span.begin >= sentence.span.begin &&
          t.span.begin < sentence.span.end) {
        plain = false;
        break;
      }
    }
    if (plain) return true;
  }
  return false;
}

class CheckRunner {
 public:
  CheckRunner(const Pack& pack, const Text& text, const FixVars& vars,
              Draft* draft)
      : pack_(pack), text_(text), vars_(vars), draft_(draft) {}

  // The check `name` of this pack, or nullptr if undefined or disabled.
  const Check* Get(std::string_view name) const {
    const auto it = pack_.checks.find(Id(name));
    return it != pack_.checks.end() && it->second.enabled ? &it->second
                                                          : nullptr;
  }
  std::string Id(std::string_view name) const {
    return pack_.name + "." + std::string(name);
  }

  // Raises check `name` about bytes [b, e). An insert fix goes at `fix_at`
  // (npos: no fix). Returns the finding, or nullptr if the check is off.
  Finding* Raise(std::string_view name, size_t b, size_t e,
                 size_t fix_at = std::string::npos) {
    const Check* c = Get(name);
    if (c == nullptr) return nullptr;
    Finding f;
    f.rule_id = Id(name);
    f.dimension = c->dimension;
    f.severity = c->severity;
    f.message = c->message;
    SetSpan(text_, b, e, &f);
    std::string fix_text;
    if (fix_at != std::string::npos && !c->fix_text.empty() &&
        ExpandTemplate(c->fix_text, vars_, &fix_text)) {
      f.has_fix = MakeInsert(text_, fix_at, fix_text, &f.fix);
    }
    draft_->findings.push_back(std::move(f));
    return &draft_->findings.back();
  }

  void Credit(std::string_view name, Dimension dim, size_t b, size_t e,
              double points) {
    rapport::Credit c;
    c.rule_id = Id(name);
    c.dimension = dim;
    c.start = text_.Utf16Begin(b);
    c.end = e > b ? text_.Utf16End(e) : c.start;
    c.points = points;
    draft_->credits.push_back(c);
  }

 private:
  const Pack& pack_;
  const Text& text_;
  const FixVars& vars_;
  Draft* draft_;
};

}  // namespace

void RunChecks(const Pack& pack, const Text& text,
               const CustomerSignals& customer, const FixVars& vars,
               Draft* draft) {
  const Settings& st = pack.settings;
  const Segments& seg = draft->seg;
  if (seg.words == 0) return;  // nothing written yet: nothing to coach
  CheckRunner run(pack, text, vars, draft);
  const std::string& s = text.str();
  const std::vector<Sentence>& ss = seg.sentences;

  // Where the message proper starts: after a greeting line, if any.
  size_t body = 0;
  const TagHit* greeting = draft->FirstTag(kTagGreeting);
  if (greeting != nullptr && ss.size() > 1 && ss[0].words <= 6 &&
      greeting->span.begin < ss[0].span.end) {
    body = 1;
  }
  const Span first = body < ss.size() ? ss[body].span : ss[0].span;

  const bool frustrated =
      customer.frustration >= st.frustrated_at || customer.repeat_contact;
  const bool urgent =
      customer.urgency >= st.urgent_at || customer.repeat_contact;

  // Empathy.
  const TagHit* ack = draft->FirstTag(kTagAcknowledgement | kTagApology);
  if (frustrated && ack == nullptr) {
    Finding* f = run.Raise("empathy.missing_acknowledgement", first.begin,
                           first.end, first.begin);
    // One weak cue of annoyance earns a tip; a clearly frustrated or repeat
    // customer a warning.
    if (f != nullptr && f->severity == Severity::kWarning &&
        !customer.repeat_contact && customer.frustration < kClearlyFrustrated) {
      f->severity = Severity::kTip;
    }
  } else if (frustrated && ack != nullptr && ss.size() >= 4 &&
             ack->span.begin > s.size() / 2) {
    run.Raise("empathy.late_acknowledgement", ack->span.begin, ack->span.end);
  }

  // Urgency.
  const Span last{draft->last_begin, draft->last_end};
  if (urgent && !draft->HasTag(kTagTimeCommitment)) {
    run.Raise("urgency.missing_time_commitment", last.begin, last.end);
  }
  if ((frustrated || urgent) && seg.words >= 12 &&
      !draft->HasTag(kTagOwnership)) {
    run.Raise("urgency.missing_ownership", first.begin, first.end);
  }

  // Personalisation: the customer's name and the details they gave.
  if (!vars.name.empty()) {
    const size_t at = FindWord(s, vars.name);
    if (at != std::string::npos) {
      run.Credit("personalization.name_used", Dimension::kPersonalization, at,
                 at + vars.name.size(), 1.0);
    } else if (seg.words >= 5) {
      Finding* f = run.Raise("personalization.missing_name", ss[0].span.begin,
                             ss[0].span.end);
      if (f != nullptr && greeting != nullptr &&
          greeting->span.begin < ss[0].span.end) {
        // "Hi there," -> "Hi Ann,": keep the greeting word, add the name.
        const Span g = greeting->span;
        size_t w = g.begin;
        while (w < g.end && IsWordChar(s[w])) ++w;
        f->has_fix = MakeReplace(
            text, seg, g.begin, g.end,
            s.substr(g.begin, w - g.begin) + " " + vars.name, &f->fix);
      } else if (f != nullptr) {
        f->has_fix = MakeInsert(text, 0, "Hi " + vars.name + ",\n\n", &f->fix);
      }
    }
  }
  bool had_reference = false, used_reference = false;
  for (const Mention& m : customer.mentions) {
    if (m.type != "order" && m.type != "ticket" && m.type != "account" &&
        m.type != "tracking") {
      continue;
    }
    had_reference = true;
    const size_t at = s.find(m.text);
    if (at != std::string::npos) {
      used_reference = true;
      run.Credit("personalization.reference_used", Dimension::kPersonalization,
                 at, at + m.text.size(), 1.0);
      break;
    }
  }
  if (had_reference && !used_reference && seg.words >= 8) {
    run.Raise("personalization.missing_reference", first.begin, first.end);
  }

  // Positivity: a "no" needs a reason and an alternative. Something the
  // agent does or will do about it ("I've booked an engineer") is one.
  if (const TagHit* refusal = draft->FirstTag(kTagRefusal)) {
    // A "no" on a side point is not a refusal of the request: the reply
    // answers "yes" first, or reports something already done for the
    // customer (a completed action: ownership that is also a time, "I've
    // resent it") before the "no" or in the same sentence ("we can't fix it
    // remotely, so I've booked an engineer"). Its refusal flags are
    // withdrawn: coaching them would cry wolf.
    // The same goes for a "no" that explains after answering a worry or a
    // wrong belief: in the opening ("No, that isn't true. Water companies
    // aren't allowed to ...") or earlier in its own sentence ("It isn't a
    // payment, and we can't release it from our side").
    Span sentence_of_refusal{refusal->span.begin, refusal->span.end};
    for (const Sentence& sentence : ss) {
      if (refusal->span.begin >= sentence.span.begin &&
          refusal->span.begin < sentence.span.end) {
        sentence_of_refusal = sentence.span;
        break;
      }
    }
    const Span opening = body < ss.size() ? ss[body].span : Span{0, 0};
    bool side_point = OpensWithYes(s, ss, body, greeting);
    for (const TagHit& t : draft->tags) {
      if ((t.tag & kTagOwnership) && (t.tag & kTagTimeCommitment) &&
          t.span.begin < sentence_of_refusal.end) {
        side_point = true;
      }
      // Only a reassurance that comes before the "no" explains it: "We
      // can't refund it. That isn't true, though" is still a refusal.
      if ((t.tag & kTagReassurance) && t.span.begin < refusal->span.begin &&
          ((t.span.begin >= opening.begin && t.span.begin < opening.end) ||
           t.span.begin >= sentence_of_refusal.begin)) {
        side_point = true;
      }
    }
    if (side_point) {
      std::set<std::string> refusal_rules;
      for (const TagHit& t : draft->tags) {
        if (t.tag & kTagRefusal) refusal_rules.insert(pack.rules[t.rule].id);
      }
      auto& fs = draft->findings;
      fs.erase(std::remove_if(fs.begin(), fs.end(),
                              [&](const Finding& f) {
                                return refusal_rules.count(f.rule_id) > 0;
                              }),
               fs.end());
    } else {
      // Without an alternative only when nothing in the reply offers a way
      // forward: no other path, nothing done or next, no case handed on
      // to someone who acts, no invitation to come back, no extra help; only
      // in a short reply; and only when the reply
      // stops at the "no" (GoesOnAfter). A dead-end "no" is curt; a longer
      // reply around a "no" nearly always explains and offers something, in
      // more ways than a lexicon can list.
      if (seg.words <= kDeadEndMaxWords &&
          !draft->HasTag(kTagAlternative | kTagOwnership | kTagNextStep |
                         kTagOfferHelp | kTagProactive | kTagHandover) &&
          !GoesOnAfter(s, *draft, ss, sentence_of_refusal)) {
        run.Raise("positivity.refusal_without_alternative", refusal->span.begin,
                  refusal->span.end);
      }
      if (!draft->HasTag(kTagReason)) {
        run.Raise("positivity.refusal_without_reason", refusal->span.begin,
                  refusal->span.end);
      }
    }
  }

  // Closing: the last impression. A last sentence whose last "no" is
  // followed by the way forward ("I can't add data, but a booster is £5 in
  // the app") ends on the way forward. Tags are in text order.
  bool says_no = false, then_a_way = false;
  size_t last_no_end = 0;
  for (const TagHit& t : draft->tags) {
    if (t.span.begin < last.begin || t.span.begin >= last.end) continue;
    if (t.tag & (kTagNegative | kTagRefusal)) {
      says_no = true, then_a_way = false;
      last_no_end = std::max(last_no_end, t.span.end);
    } else if (says_no && t.span.begin >= last_no_end &&
               (t.tag & (kTagAlternative | kTagOwnership | kTagNextStep))) {
      then_a_way = true;
    }
  }
  if (says_no && !then_a_way) {
    run.Raise("closing.negative_ending", last.begin, last.end);
  }
  if (seg.words >= 20 && !draft->HasTag(kTagOfferHelp)) {
    run.Raise("closing.missing_offer_help", last.begin, last.end, last.end);
  }
  if (seg.words >= 20 && !draft->HasTag(kTagSignoff)) {
    run.Raise("closing.missing_signoff", last.begin, last.end, s.size());
  }

  // Proactivity.
  // Only on a clearly passive reply: the agent takes nothing on, offers no
  // other path, says nothing of what happens next or when. The extras of a
  // reply that acts ("I've rebooked you and refunded the seat fee", "you can
  // also ...", "your refund lands by Friday") are too varied for a lexicon,
  // and a coach that calls such a reply passive loses the agent's trust.
  if (seg.words >= 35 &&
      !draft->HasTag(kTagProactive | kTagOwnership | kTagAlternative |
                     kTagNextStep | kTagTimeCommitment)) {
    run.Raise("proactivity.missing", last.begin, last.end);
  }

  // Clarity.
  int long_sentences = 0;
  for (const Sentence& sentence : ss) {
    if (sentence.words > st.long_sentence_words && ++long_sentences <= 3) {
      run.Raise("clarity.long_sentence", sentence.span.begin,
                sentence.span.end);
    }
  }
  // Sentences and paragraphs are both in reading order: one sweep, not a
  // paragraph-by-sentence product (quadratic on thousands of tiny paragraphs).
  size_t next = 0;
  for (const Span& p : seg.paragraphs) {
    while (next < ss.size() && ss[next].span.begin < p.begin) ++next;
    int words = 0;
    for (; next < ss.size() && ss[next].span.begin < p.end; ++next) {
      if (ss[next].span.end <= p.end) words += ss[next].words;
    }
    if (words > st.wall_of_text_words) {
      run.Raise("clarity.wall_of_text", p.begin, p.end);
      break;
    }
  }
  if (seg.words >= 40 && seg.reading_grade > st.max_reading_grade) {
    run.Raise("clarity.reading_grade", ss[0].span.begin, ss[0].span.end);
  }
}

}  // namespace rapport
