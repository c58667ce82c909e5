// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.

#include "pack.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <set>
#include <string_view>
#include <utility>

#include "json_util.h"

namespace rapport {
namespace {

using Json = nlohmann::json;

constexpr std::string_view kDimensionNames[] = {
    "empathy",     "urgency", "personalization", "positivity",
    "proactivity", "closing", "clarity",         "customer"};

struct TagName {
  std::string_view name;
  uint32_t bit;
};
constexpr TagName kTags[] = {{"acknowledgement", kTagAcknowledgement},
                             {"apology", kTagApology},
                             {"ownership", kTagOwnership},
                             {"time_commitment", kTagTimeCommitment},
                             {"next_step", kTagNextStep},
                             {"reason", kTagReason},
                             {"alternative", kTagAlternative},
                             {"offer_help", kTagOfferHelp},
                             {"signoff", kTagSignoff},
                             {"greeting", kTagGreeting},
                             {"thanks", kTagThanks},
                             {"proactive", kTagProactive},
                             {"refusal", kTagRefusal},
                             {"negative", kTagNegative},
                             {"template", kTagTemplate},
                             {"vague_time", kTagVagueTime},
                             {"deflection", kTagDeflection},
                             {"blame", kTagBlame},
                             {"reassurance", kTagReassurance},
                             {"firm", kTagFirm},
                             {"handover", kTagHandover}};

constexpr std::string_view kMentionTypes[] = {"order",   "ticket",  "account",
                                              "product", "email",   "phone",
                                              "date",    "tracking"};

// Collects the problems of one file, with the rule being read.
class Reporter {
 public:
  Reporter(std::string file, PackLoad* out)
      : file_(std::move(file)), out_(out) {}
  void set_rule(std::string id) { rule_ = std::move(id); }
  void Error(std::string reason) {
    out_->errors.push_back({file_, rule_, std::move(reason)});
  }
  void Warning(std::string reason) {
    out_->warnings.push_back({file_, rule_, std::move(reason)});
  }
  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::string rule_;
  PackLoad* out_;
};

bool ParseDimension(std::string_view s, Dimension* d) {
  for (size_t i = 0; i < std::size(kDimensionNames); ++i) {
    if (s == kDimensionNames[i]) {
      *d = static_cast<Dimension>(i);
      return true;
    }
  }
  return false;
}

bool ParseSeverity(std::string_view s, Severity* out) {
  if (s == "tip") return *out = Severity::kTip, true;
  if (s == "warning") return *out = Severity::kWarning, true;
  if (s == "critical") return *out = Severity::kCritical, true;
  return false;
}

bool ParseSignal(std::string_view s, Signal* out) {
  for (Signal v :
       {Signal::kFrustration, Signal::kUrgency, Signal::kRepeatContact,
        Signal::kChurnRisk, Signal::kPositive, Signal::kNegative}) {
    if (s == SignalName(v)) return *out = v, true;
  }
  return false;
}

// Reads an optional string member; reports a wrong type.
bool OptString(const Json& obj, const char* key, std::string* out,
               Reporter* r) {
  const auto it = obj.find(key);
  if (it == obj.end()) return false;
  if (!it->is_string()) {
    r->Error(std::string("\"") + key + "\" must be a string");
    return false;
  }
  *out = it->get<std::string>();
  return true;
}

bool ReqString(const Json& obj, const char* key, std::string* out,
               Reporter* r) {
  if (obj.find(key) == obj.end()) {
    r->Error(std::string("missing \"") + key + "\"");
    return false;
  }
  return OptString(obj, key, out, r);
}

bool OptNumber(const Json& obj, const char* key, double lo, double hi,
               double* out, Reporter* r) {
  const auto it = obj.find(key);
  if (it == obj.end()) return false;
  if (!it->is_number()) {
    r->Error(std::string("\"") + key + "\" must be a number");
    return false;
  }
  const double v = it->get<double>();
  if (!std::isfinite(v) || v < lo || v > hi) {
    r->Error(std::string("\"") + key + "\" must be between " +
             std::to_string(static_cast<int>(lo)) + " and " +
             std::to_string(static_cast<int>(hi)));
    return false;
  }
  *out = v;
  return true;
}

// "is 812 bytes long; the limit is 500".
std::string TooLong(size_t size, size_t limit) {
  return "is " + std::to_string(size) + " bytes long; the limit is " +
         std::to_string(limit);
}

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// Splits "[[span]]" markers out of an example.
bool ParseExample(const std::string& raw, bool want_span, Example* ex,
                  std::string* why) {
  const size_t open = raw.find("[[");
  if (open == std::string::npos) {
    ex->text = raw;
    if (want_span) *why = "a match example needs its span marked [[like this]]";
    return !want_span;
  }
  const size_t close = raw.find("]]", open + 2);
  if (close == std::string::npos) {
    *why = "unclosed [[ in example";
    return false;
  }
  if (!want_span) {
    *why = "a noMatch example cannot mark a span";
    return false;
  }
  ex->text = raw.substr(0, open) + raw.substr(open + 2, close - open - 2) +
             raw.substr(close + 2);
  ex->begin = open;
  ex->end = close - 2;
  ex->has_span = true;
  if (ex->text.find("[[") != std::string::npos) {
    *why = "an example may mark one span only";
    return false;
  }
  return true;
}

void ParseFix(const Json& obj, Fix* fix, Reporter* r) {
  const auto it = obj.find("fix");
  if (it == obj.end()) return;
  if (!it->is_object()) return r->Error("\"fix\" must be an object");
  std::string op, at = "start";
  if (!ReqString(*it, "op", &op, r)) return;
  if (!ReqString(*it, "text", &fix->text, r)) return;
  if (fix->text.size() > kMaxFixTextBytes) {
    r->Error("the fix text " + TooLong(fix->text.size(), kMaxFixTextBytes));
    fix->text.clear();
    return;
  }
  if (op == "replace") {
    fix->op = Fix::Op::kReplace;
  } else if (op == "insert") {
    OptString(*it, "at", &at, r);
    if (at == "start") {
      fix->op = Fix::Op::kInsertBefore;
    } else if (at == "end") {
      fix->op = Fix::Op::kInsertAfter;
    } else {
      r->Error("fix \"at\" must be \"start\" or \"end\", not \"" + at + "\"");
    }
  } else {
    r->Error("fix \"op\" must be \"replace\" or \"insert\", not \"" + op +
             "\"");
  }
}

void ParseExamples(const Json& obj, bool required, Rule* rule, Reporter* r) {
  const auto it = obj.find("examples");
  if (it == obj.end() && !required) return;
  if (it == obj.end() || !it->is_object()) {
    return r->Error(
        "missing \"examples\": every rule needs \"match\" and \"noMatch\" "
        "examples");
  }
  for (const bool match : {true, false}) {
    const char* key = match ? "match" : "noMatch";
    const auto list = it->find(key);
    if (list == it->end() || !list->is_array() || list->empty()) {
      r->Error(std::string("needs at least one \"") + key + "\" example");
      continue;
    }
    if (list->size() > kMaxExamplesPerList) {
      r->Error("has " + std::to_string(list->size()) + " \"" + key +
               "\" examples; the limit is " +
               std::to_string(kMaxExamplesPerList));
      continue;
    }
    for (const Json& e : *list) {
      if (!e.is_string()) {
        r->Error(std::string("\"") + key + "\" examples must be strings");
        continue;
      }
      const std::string& text = e.get_ref<const std::string&>();
      if (text.size() > kMaxExampleBytes) {
        r->Error(std::string("a \"") + key + "\" example " +
                 TooLong(text.size(), kMaxExampleBytes));
        continue;
      }
      Example ex;
      std::string why;
      if (!ParseExample(text, match, &ex, &why)) {
        r->Error(why + ": \"" + text + "\"");
        continue;
      }
      (match ? rule->match_examples : rule->nomatch_examples).push_back(ex);
    }
  }
}

// Reads one rule object. `pack` is the name its id must start with.
bool ParseRule(const Json& obj, const std::string& pack, bool need_examples,
               Rule* rule, Reporter* r) {
  if (!obj.is_object()) {
    r->Error("each rule must be an object");
    return false;
  }
  std::string id;
  if (!ReqString(obj, "id", &id, r)) return false;
  r->set_rule(id);
  rule->id = id;
  rule->file = r->file();
  bool ok = true;
  const auto fail = [&](std::string why) {
    r->Error(std::move(why));
    ok = false;
  };

  std::string dim;
  if (!ReqString(obj, "dimension", &dim, r)) {
    ok = false;
  } else if (!ParseDimension(dim, &rule->dimension)) {
    fail("unknown dimension \"" + dim +
         "\" (empathy, urgency, personalization, positivity, proactivity, "
         "closing, clarity or customer)");
  }
  // The id is PACK.DIMENSION.NAME.
  const std::string prefix = pack + "." + dim + ".";
  if (id.rfind(prefix, 0) != 0 || id.size() == prefix.size()) {
    fail("id must have the form \"" + prefix + "name\"");
  } else {
    for (size_t i = prefix.size(); i < id.size(); ++i) {
      if (!IsNameChar(id[i])) {
        fail("the name part of the id may hold only a-z, 0-9 and _");
        break;
      }
    }
  }

  std::string kind;
  if (ReqString(obj, "kind", &kind, r)) {
    if (kind == "credit") {
      rule->kind = RuleKind::kCredit;
    } else if (kind == "flag") {
      rule->kind = RuleKind::kFlag;
    } else if (kind == "signal") {
      rule->kind = RuleKind::kSignal;
    } else if (kind == "mention") {
      rule->kind = RuleKind::kMention;
    } else {
      fail("unknown kind \"" + kind + "\" (credit, flag, signal or mention)");
    }
  } else {
    ok = false;
  }
  const bool customer = rule->dimension == Dimension::kCustomer;
  const bool lexicon =
      rule->kind == RuleKind::kSignal || rule->kind == RuleKind::kMention;
  if (ok && customer != lexicon) {
    fail(customer ? "customer rules must be of kind signal or mention"
                  : "signal and mention rules belong to dimension customer");
  }

  const auto pats = obj.find("patterns");
  if (pats == obj.end() || !pats->is_array() || pats->empty()) {
    fail("\"patterns\" must be a non-empty array of strings");
  } else if (pats->size() > kMaxPatternsPerRule) {
    fail("has " + std::to_string(pats->size()) + " patterns; the limit is " +
         std::to_string(kMaxPatternsPerRule));
  } else {
    for (const Json& p : *pats) {
      if (!p.is_string() || p.get_ref<const std::string&>().empty()) {
        fail("each pattern must be a non-empty string");
        continue;
      }
      const std::string& pattern = p.get_ref<const std::string&>();
      if (pattern.size() > kMaxPatternBytes) {
        fail("a pattern " + TooLong(pattern.size(), kMaxPatternBytes));
        continue;
      }
      rule->patterns.push_back(pattern);
    }
  }
  if (const auto cs = obj.find("caseSensitive"); cs != obj.end()) {
    if (!cs->is_boolean()) {
      fail("\"caseSensitive\" must be true or false");
    } else {
      rule->case_sensitive = cs->get<bool>();
    }
  }
  OptNumber(obj, "weight", 0, 5, &rule->weight, r);

  std::string sev;
  if (OptString(obj, "severity", &sev, r)) {
    if (!ParseSeverity(sev, &rule->severity)) {
      fail("unknown severity \"" + sev + "\" (tip, warning or critical)");
    }
  } else if (rule->kind == RuleKind::kFlag) {
    fail("a flag needs a \"severity\" (tip, warning or critical)");
  }

  if (const auto tags = obj.find("tags"); tags != obj.end()) {
    if (!tags->is_array()) {
      fail("\"tags\" must be an array of strings");
    } else {
      for (const Json& t : *tags) {
        if (!t.is_string()) {
          fail("each tag must be a string");
          continue;
        }
        const std::string name = t.get<std::string>();
        bool known = false;
        for (const TagName& tn : kTags) {
          if (tn.name == name) rule->tags |= tn.bit, known = true;
        }
        if (!known) r->Warning("unknown tag \"" + name + "\" is ignored");
      }
    }
  }

  std::string where;
  if (OptString(obj, "where", &where, r)) {
    if (where == "anywhere") {
      rule->where = Where::kAnywhere;
    } else if (where == "opening") {
      rule->where = Where::kOpening;
    } else if (where == "closing") {
      rule->where = Where::kClosing;
    } else {
      fail("unknown \"where\": \"" + where +
           "\" (anywhere, opening or closing)");
    }
  }

  std::string anchors;
  if (OptString(obj, "anchors", &anchors, r)) {
    if (anchors == "sentence") {
      rule->sentence_anchors = true;
    } else if (anchors != "text") {
      fail("unknown \"anchors\": \"" + anchors + "\" (text or sentence)");
    }
  }

  if (rule->kind == RuleKind::kSignal) {
    std::string sig;
    if (!ReqString(obj, "signal", &sig, r)) {
      ok = false;
    } else if (!ParseSignal(sig, &rule->signal)) {
      fail("unknown signal \"" + sig +
           "\" (frustration, urgency, repeatContact, churnRisk, positive or "
           "negative)");
    }
  }
  if (rule->kind == RuleKind::kMention) {
    if (ReqString(obj, "mentionType", &rule->mention_type, r)) {
      bool known = false;
      for (std::string_view m : kMentionTypes) known |= m == rule->mention_type;
      if (!known) fail("unknown mentionType \"" + rule->mention_type + "\"");
    } else {
      ok = false;
    }
  }
  if (!customer) {
    if (!ReqString(obj, "message", &rule->message, r)) ok = false;
  } else {
    OptString(obj, "message", &rule->message, r);
  }
  if (rule->message.size() > kMaxPackMessageBytes) {
    fail("the message " + TooLong(rule->message.size(), kMaxPackMessageBytes));
  }
  ParseFix(obj, &rule->fix, r);
  ParseExamples(obj, need_examples, rule, r);
  r->set_rule("");
  return ok;
}

void ParseChecks(const Json& obj, bool partial, Pack* pack, Reporter* r) {
  const auto it = obj.find("checks");
  if (it == obj.end()) return;
  if (!it->is_object()) return r->Error("\"checks\" must be an object");
  for (const auto& [id, c] : it->items()) {
    r->set_rule(id);
    if (!c.is_object()) {
      r->Error("a check must be an object");
      continue;
    }
    auto existing = pack->checks.find(id);
    if (partial && existing == pack->checks.end()) {
      r->Error("no such check in the default pack");
      continue;
    }
    Check check = existing != pack->checks.end() ? existing->second : Check();
    std::string s;
    if (OptString(c, "dimension", &s, r) &&
        !ParseDimension(s, &check.dimension)) {
      r->Error("unknown dimension \"" + s + "\"");
    }
    if (OptString(c, "severity", &s, r) && !ParseSeverity(s, &check.severity)) {
      r->Error("unknown severity \"" + s + "\"");
    }
    OptNumber(c, "weight", 0, 5, &check.weight, r);
    OptString(c, "message", &check.message, r);
    if (const auto fix = c.find("fix"); fix != c.end()) {
      if (fix->is_object()) {
        OptString(*fix, "text", &check.fix_text, r);
      } else {
        r->Error("\"fix\" must be an object");
      }
    }
    if (const auto en = c.find("enabled"); en != c.end()) {
      if (en->is_boolean()) {
        check.enabled = en->get<bool>();
      } else {
        r->Error("\"enabled\" must be true or false");
      }
    }
    if (!partial && check.message.empty()) r->Error("a check needs a message");
    if (check.message.size() > kMaxPackMessageBytes) {
      r->Error("the message " +
               TooLong(check.message.size(), kMaxPackMessageBytes));
    }
    if (check.fix_text.size() > kMaxFixTextBytes) {
      r->Error("the fix text " +
               TooLong(check.fix_text.size(), kMaxFixTextBytes));
    }
    pack->checks[id] = check;
  }
  r->set_rule("");
}

// Reports each key of `obj` that is not in `known` (a typo would otherwise
// leave a setting at its default without a word).
void ReportUnknownKeys(const Json& obj, const char* where,
                       std::initializer_list<std::string_view> known,
                       Reporter* r) {
  for (const auto& [key, value] : obj.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      r->Error("unknown key \"" + key + "\" in \"" + where + "\"");
    }
  }
}

// Reads the phrase list `key` of "clauses" into `out`, if present: an array of
// phrases, each words separated by single spaces. A word is lower-case ASCII
// letters and UTF-8 bytes (only ASCII is case-folded when drafts are read, so
// a non-ASCII word matches as written).
void OptPhrases(const Json& clauses, const char* key, std::vector<Phrase>* out,
                Reporter* r) {
  const auto it = clauses.find(key);
  if (it == clauses.end()) return;
  const std::string where = std::string("\"settings.clauses.") + key + "\"";
  if (!it->is_array()) return r->Error(where + " must be an array of phrases");
  if (it->size() > kMaxClausePhrases) {
    return r->Error(where + " has " + std::to_string(it->size()) +
                    " phrases; the limit is " +
                    std::to_string(kMaxClausePhrases));
  }
  std::vector<Phrase> phrases;
  for (const Json& p : *it) {
    if (!p.is_string()) return r->Error(where + " must hold strings");
    const std::string text = p.get<std::string>();
    if (text.size() > kMaxClausePhraseBytes) {
      return r->Error(where + ": a phrase " +
                      TooLong(text.size(), kMaxClausePhraseBytes));
    }
    Phrase words(1);
    bool ok = true;
    for (const char c : text) {
      if ((c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80) {
        words.back() += c;
      } else if (c == ' ' && !words.back().empty()) {
        words.emplace_back();
      } else {
        ok = false;
      }
    }
    if (!ok || words.back().empty()) {
      return r->Error(where + ": \"" + text +
                      "\" must be lower-case words separated by single "
                      "spaces");
    }
    phrases.push_back(std::move(words));
  }
  *out = std::move(phrases);
}

void ParseClauses(const Json& j, ClauseWords* c, Reporter* r) {
  const auto it = j.find("clauses");
  if (it == j.end()) return;
  if (!it->is_object()) {
    return r->Error("\"settings.clauses\" must be an object");
  }
  ReportUnknownKeys(*it, "settings.clauses",
                    {"conditionOpeners", "connectives", "lifters", "liftStops"},
                    r);
  OptPhrases(*it, "conditionOpeners", &c->condition_openers, r);
  OptPhrases(*it, "connectives", &c->connectives, r);
  OptPhrases(*it, "lifters", &c->lifters, r);
  OptPhrases(*it, "liftStops", &c->lift_stops, r);
}

void ParseSettings(const Json& obj, Settings* s, Reporter* r) {
  const auto it = obj.find("settings");
  if (it == obj.end()) return;
  if (!it->is_object()) return r->Error("\"settings\" must be an object");
  const Json& j = *it;
  ReportUnknownKeys(j, "settings",
                    {"creditPoints", "creditCap", "tipPoints", "warningPoints",
                     "criticalPoints", "frustratedAt", "urgentAt",
                     "criticalScoreCap", "longSentenceWords", "wallOfTextWords",
                     "maxReadingGrade", "dimensions", "clauses"},
                    r);
  OptNumber(j, "creditPoints", 0, 100, &s->credit_points, r);
  OptNumber(j, "creditCap", 0, 20, &s->credit_cap, r);
  OptNumber(j, "tipPoints", 0, 100, &s->tip_points, r);
  OptNumber(j, "warningPoints", 0, 100, &s->warning_points, r);
  OptNumber(j, "criticalPoints", 0, 100, &s->critical_points, r);
  OptNumber(j, "frustratedAt", 0, 1, &s->frustrated_at, r);
  OptNumber(j, "urgentAt", 0, 1, &s->urgent_at, r);
  OptNumber(j, "criticalScoreCap", 0, 100, &s->critical_score_cap, r);
  double v;
  if (OptNumber(j, "longSentenceWords", 5, 200, &v, r)) {
    s->long_sentence_words = static_cast<int>(v);
  }
  if (OptNumber(j, "wallOfTextWords", 20, 1000, &v, r)) {
    s->wall_of_text_words = static_cast<int>(v);
  }
  OptNumber(j, "maxReadingGrade", 1, 30, &s->max_reading_grade, r);
  ParseClauses(j, &s->clauses, r);
  if (const auto dims = j.find("dimensions"); dims != j.end()) {
    if (!dims->is_object()) return r->Error("\"dimensions\" must be an object");
    for (const auto& [name, d] : dims->items()) {
      Dimension dim;
      if (!ParseDimension(name, &dim) || dim == Dimension::kCustomer) {
        r->Error("unknown dimension \"" + name + "\" in settings");
        continue;
      }
      if (!d.is_object()) {
        r->Error("settings for \"" + name + "\" must be an object");
        continue;
      }
      DimensionSetting& ds = s->dimensions[static_cast<int>(dim)];
      OptNumber(d, "base", 0, 100, &ds.base, r);
      OptNumber(d, "weight", 0, 10, &ds.weight, r);
    }
  }
}

// Reads the rules of one parsed file into `pack`, checking ids against `seen`.
void ParseRules(const Json& doc, const std::string& pack_name,
                bool need_examples, Pack* pack, std::set<std::string>* seen,
                Reporter* r) {
  const auto rules = doc.find("rules");
  if (rules == doc.end()) return;
  if (!rules->is_array()) return r->Error("\"rules\" must be an array");
  for (const Json& obj : *rules) {
    Rule rule;
    if (!ParseRule(obj, pack_name, need_examples, &rule, r)) continue;
    r->set_rule(rule.id);
    if (!seen->insert(rule.id).second) {
      r->Error("duplicate id: the pack defines it more than once");
      r->set_rule("");
      continue;
    }
    r->set_rule("");
    pack->rules.push_back(std::move(rule));
  }
}

}  // namespace

bool ParseDimensionName(std::string_view name, Dimension* d) {
  return ParseDimension(name, d);
}

std::string_view DimensionName(Dimension d) {
  return kDimensionNames[static_cast<int>(d)];
}

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kTip:
      return "tip";
    case Severity::kWarning:
      return "warning";
    case Severity::kCritical:
      return "critical";
  }
  return "tip";
}

std::string_view SignalName(Signal s) {
  switch (s) {
    case Signal::kNone:
      return "none";
    case Signal::kFrustration:
      return "frustration";
    case Signal::kUrgency:
      return "urgency";
    case Signal::kRepeatContact:
      return "repeatContact";
    case Signal::kChurnRisk:
      return "churnRisk";
    case Signal::kPositive:
      return "positive";
    case Signal::kNegative:
      return "negative";
  }
  return "none";
}

std::string PackError::ToString() const {
  std::string s = file;
  if (!rule_id.empty()) s += ": " + rule_id;
  return s + ": " + reason;
}

PackLoad LoadPack(const std::vector<PackFile>& files,
                  const LoadOptions& options) {
  PackLoad out;
  // Default dimension settings, overridable by the pack's settings.
  Settings& s = out.pack.settings;
  const DimensionSetting defaults[kScoredDimensions] = {
      {40, 1.0}, {40, 1.0}, {45, 0.8}, {90, 1.0},
      {45, 0.5}, {40, 0.8}, {90, 0.6}};
  for (int i = 0; i < kScoredDimensions; ++i) s.dimensions[i] = defaults[i];

  std::set<std::string> seen;
  for (const PackFile& file : files) {
    Reporter r(file.name, &out);
    Json doc;
    const std::string error = ParseJson(file.json, &doc);
    if (!error.empty()) {
      r.Error("not valid JSON: " + error);
      continue;
    }
    if (!doc.is_object()) {
      r.Error("a pack file must be a JSON object");
      continue;
    }
    std::string name;
    if (!ReqString(doc, "pack", &name, &r)) continue;
    if (out.pack.name.empty()) out.pack.name = name;
    if (name != out.pack.name) {
      r.Error("\"pack\" is \"" + name + "\" but the other files say \"" +
              out.pack.name + "\"");
      continue;
    }
    ParseRules(doc, name, options.require_examples, &out.pack, &seen, &r);
    ParseChecks(doc, false, &out.pack, &r);
    ParseSettings(doc, &out.pack.settings, &r);
  }
  if (files.empty()) out.errors.push_back({"", "", "the pack has no files"});
  return out;
}

PackLoad ApplyAdminPack(const Pack& base, std::string_view json,
                        std::string_view file_name) {
  PackLoad out;
  out.pack = base;
  Reporter r(std::string(file_name), &out);
  Json doc;
  std::string error;
  if (json.size() > kMaxAdminPackBytes) {
    r.Error("the admin pack " + TooLong(json.size(), kMaxAdminPackBytes));
  } else if (error = ParseJson(json, &doc); !error.empty()) {
    r.Error("not valid JSON: " + error);
  } else if (!doc.is_object()) {
    r.Error("an admin pack must be a JSON object");
  } else {
    std::string name;
    if (ReqString(doc, "pack", &name, &r)) {
      if (name.empty() || name == base.name) {
        r.Error("an admin pack needs a name of its own (not \"" + base.name +
                "\")");
      }
      std::set<std::string> seen;
      for (const Rule& rule : base.rules) seen.insert(rule.id);
      ParseRules(doc, name, /*need_examples=*/true, &out.pack, &seen, &r);
      // The bounds on the rules it adds, named at the first rule over them.
      size_t patterns = 0;
      for (size_t i = base.rules.size(); i < out.pack.rules.size(); ++i) {
        const Rule& rule = out.pack.rules[i];
        patterns += rule.patterns.size();
        r.set_rule(rule.id);
        if (i - base.rules.size() == kMaxAdminRules) {
          r.Error("an admin pack may add at most " +
                  std::to_string(kMaxAdminRules) +
                  " rules; this rule and the ones after it are over");
          break;
        }
        if (patterns > kMaxAdminPatterns) {
          r.Error("an admin pack may hold at most " +
                  std::to_string(kMaxAdminPatterns) +
                  " patterns in all; this rule goes over");
          break;
        }
      }
      r.set_rule("");
    }
    std::map<std::string, size_t> index;
    for (size_t i = 0; i < out.pack.rules.size(); ++i) {
      index[out.pack.rules[i].id] = i;
    }
    if (const auto dis = doc.find("disable"); dis != doc.end()) {
      if (!dis->is_array()) {
        r.Error("\"disable\" must be an array of rule or check ids");
      } else {
        std::set<std::string> off;
        for (const Json& id : *dis) {
          if (!id.is_string()) {
            r.Error("\"disable\" must hold ids (strings)");
            continue;
          }
          const std::string s = id.get<std::string>();
          if (auto c = out.pack.checks.find(s); c != out.pack.checks.end()) {
            c->second.enabled = false;
          } else if (index.count(s)) {
            off.insert(s);
          } else {
            r.set_rule(s);
            r.Error("cannot disable: no such rule or check");
            r.set_rule("");
          }
        }
        std::vector<Rule> kept;
        for (Rule& rule : out.pack.rules) {
          if (!off.count(rule.id)) kept.push_back(std::move(rule));
        }
        out.pack.rules = std::move(kept);
        index.clear();
        for (size_t i = 0; i < out.pack.rules.size(); ++i) {
          index[out.pack.rules[i].id] = i;
        }
      }
    }
    if (const auto w = doc.find("weights"); w != doc.end()) {
      if (!w->is_object()) {
        r.Error("\"weights\" must map rule ids to numbers");
      } else {
        for (const auto& [id, v] : w->items()) {
          r.set_rule(id);
          const auto at = index.find(id);
          if (at == index.end()) {
            r.Error("cannot set weight: no such rule (or it is disabled)");
          } else if (!v.is_number() || v.get<double>() < 0 ||
                     v.get<double>() > 5) {
            r.Error("a weight must be a number from 0 to 5");
          } else {
            out.pack.rules[at->second].weight = v.get<double>();
          }
          r.set_rule("");
        }
      }
    }
    ParseChecks(doc, true, &out.pack, &r);
    ParseSettings(doc, &out.pack.settings, &r);
    out.pack.name = base.name;
  }
  if (!out.errors.empty()) out.pack = base;
  return out;
}

}  // namespace rapport
