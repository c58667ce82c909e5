// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.

#include "coach.h"

#include <algorithm>
#include <set>
#include <utility>

#include "checks.h"
#include "default_pack.h"
#include "draft.h"
#include "json_util.h"
#include "matcher.h"
#include "scoring.h"
#include "signals.h"
#include "text.h"

#ifndef RAPPORT_VERSION
#define RAPPORT_VERSION "0.0.0-dev"
#endif

namespace rapport {

struct Coach::Impl {
  Pack pack;
  Matcher matcher;
  std::vector<PackError> errors;
  std::vector<PackError> warnings;
  std::vector<PackError> admin_errors;

  // The last customer analysis: while an agent types, the customer's side
  // does not change.
  mutable std::vector<std::string> cached_messages;
  mutable std::string cached_name;
  mutable CustomerSignals cached_signals;
  mutable bool cached_truncated = false;  // a cached message was cut
  mutable bool cache_valid = false;

  void Build(const std::vector<PackFile>& files, const LoadOptions& options,
             std::string_view admin) {
    PackLoad load = LoadPack(files, options);
    errors = std::move(load.errors);
    warnings = std::move(load.warnings);
    pack = std::move(load.pack);
    if (!admin.empty() && errors.empty()) {
      // Compile the admin pack on its own first: a bad pattern in it must not
      // cost the default pack anything.
      PackLoad merged = ApplyAdminPack(pack, admin);
      if (merged.errors.empty()) {
        Impl check;
        check.pack = merged.pack;
        merged.errors = check.matcher.Compile(check.pack);
        if (merged.errors.empty()) {
          // Run the examples of the admin's own rules.
          std::set<std::string> base_ids;
          for (const Rule& r : pack.rules) base_ids.insert(r.id);
          merged.errors = check.RunExamples(&base_ids);
        }
      }
      if (merged.errors.empty()) {
        pack = std::move(merged.pack);
      } else {
        admin_errors = std::move(merged.errors);
      }
    }
    std::vector<PackError> compile = matcher.Compile(pack);
    errors.insert(errors.end(), compile.begin(), compile.end());
  }

  // Runs the examples of every rule whose id is not in `skip`.
  std::vector<PackError> RunExamples(
      const std::set<std::string>* skip = nullptr) const;
};

namespace {

// Matches of one rule in an example, found the way analysis finds them (the
// pattern set, sentence by sentence) and filtered by the rule's `where`.
std::vector<Match> ExampleMatches(const Matcher& matcher, const Rule& rule,
                                  size_t index, const std::string& text) {
  const Segments seg = Segment(text);
  const auto& ss = seg.sentences;
  if (ss.empty()) return {};
  const Scope scope =
      rule.dimension == Dimension::kCustomer ? Scope::kCustomer : Scope::kDraft;
  const size_t opening_end = ss[OpeningEnd(seg) - 1].span.end;
  const size_t closing_begin = ss[ClosingStart(seg)].span.begin;
  std::vector<Match> kept;
  for (const Match& m : matcher.Find(scope, text, ss)) {
    if (m.rule != index) continue;
    if (rule.where == Where::kOpening && m.begin >= opening_end) continue;
    if (rule.where == Where::kClosing && m.begin < closing_begin) continue;
    kept.push_back(m);
  }
  return kept;
}

std::string Quote(const std::string& text, size_t b, size_t e) {
  return "\"" + text.substr(b, e - b) + "\"";
}

}  // namespace

std::vector<PackError> Coach::Impl::RunExamples(
    const std::set<std::string>* skip) const {
  std::vector<PackError> out;
  for (size_t i = 0; i < pack.rules.size(); ++i) {
    const Rule& rule = pack.rules[i];
    if (skip != nullptr && skip->count(rule.id)) continue;
    for (const Example& ex : rule.match_examples) {
      const std::vector<Match> hits = ExampleMatches(matcher, rule, i, ex.text);
      if (hits.empty()) {
        out.push_back({rule.file, rule.id,
                       "does not match its example \"" + ex.text + "\""});
        continue;
      }
      // The first match: earliest, then longest. The example marks what the
      // rule points at (Match::group_begin/group_end).
      Match first = hits[0];
      for (const Match& m : hits) {
        if (m.begin < first.begin ||
            (m.begin == first.begin && m.end > first.end)) {
          first = m;
        }
      }
      // A mention without a span group may also mark its whole match, as
      // mention examples did before span groups.
      const bool whole = rule.kind == RuleKind::kMention &&
                         first.begin == ex.begin && first.end == ex.end;
      if (!whole &&
          (first.group_begin != ex.begin || first.group_end != ex.end)) {
        out.push_back({rule.file, rule.id,
                       "in \"" + ex.text + "\" it points at " +
                           Quote(ex.text, first.group_begin, first.group_end) +
                           " but the example marks " +
                           Quote(ex.text, ex.begin, ex.end)});
      }
    }
    for (const Example& ex : rule.nomatch_examples) {
      const std::vector<Match> hits = ExampleMatches(matcher, rule, i, ex.text);
      if (!hits.empty()) {
        out.push_back({rule.file, rule.id,
                       "matches " + Quote(ex.text, hits[0].begin, hits[0].end) +
                           " in its noMatch example \"" + ex.text + "\""});
      }
    }
  }
  return out;
}

Coach::Coach() : impl_(std::make_unique<Impl>()) {}
Coach::~Coach() = default;

std::unique_ptr<Coach> Coach::Create(std::string_view admin_pack) {
  LoadOptions embedded;
  embedded.require_examples = false;  // stripped at build time
  std::unique_ptr<Coach> coach(new Coach());
  coach->impl_->Build(DefaultPackFiles(), embedded, admin_pack);
  return coach;
}

std::unique_ptr<Coach> Coach::FromFiles(const std::vector<PackFile>& files,
                                        std::string_view admin_pack) {
  std::unique_ptr<Coach> coach(new Coach());
  coach->impl_->Build(files, LoadOptions(), admin_pack);
  return coach;
}

bool Coach::ok() const { return impl_->errors.empty(); }
const std::vector<PackError>& Coach::errors() const { return impl_->errors; }
const std::vector<PackError>& Coach::warnings() const {
  return impl_->warnings;
}
const std::vector<PackError>& Coach::admin_errors() const {
  return impl_->admin_errors;
}
const Pack& Coach::pack() const { return impl_->pack; }
const char* Coach::Version() { return RAPPORT_VERSION; }

std::string Coach::InfoJson() const {
  nlohmann::json j = nlohmann::json::object();
  j["version"] = Version();
  j["pack"] = impl_->pack.name;
  j["rules"] = impl_->pack.rules.size();
  j["checks"] = impl_->pack.checks.size();
  j["errors"] = PackErrorsToJson(impl_->errors);
  j["adminErrors"] = PackErrorsToJson(impl_->admin_errors);
  j["warnings"] = PackErrorsToJson(impl_->warnings);
  return DumpJson(j);
}

std::vector<PackError> Coach::CheckExamples() const {
  return impl_->RunExamples();
}

Report Coach::Analyze(const AnalyzeInput& in) const {
  const Impl& s = *impl_;
  Report report;
  report.pack = s.pack.name;
  report.pack_errors = s.admin_errors;
  if (!ok()) {
    report.pack_errors.insert(report.pack_errors.end(), s.errors.begin(),
                              s.errors.end());
    return report;
  }

  // The customer's side, from the cache when it has not changed.
  const size_t first_msg = in.customer_messages.size() > kMaxMessages
                               ? in.customer_messages.size() - kMaxMessages
                               : 0;
  std::vector<std::string> msgs(in.customer_messages.begin() + first_msg,
                                in.customer_messages.end());
  bool messages_truncated = false;  // a message kept was cut
  if (!s.cache_valid || s.cached_messages != msgs ||
      s.cached_name != in.customer_name) {
    std::vector<Text> texts;
    texts.reserve(msgs.size());
    for (const std::string& m : msgs) {
      texts.push_back(Text::FromPlain(m, kMaxMessageBytes));
      messages_truncated |= texts.back().truncated();
    }
    s.cached_signals = ReadCustomer(s.matcher, s.pack, texts, in.customer_name);
    s.cached_messages = std::move(msgs);
    s.cached_name = in.customer_name;
    s.cached_truncated = messages_truncated;
    s.cache_valid = true;
  } else {
    // As computed when the messages were read: the limit counts repaired
    // UTF-8 (an invalid byte becomes 3 bytes), not the raw size.
    messages_truncated = s.cached_truncated;
  }
  messages_truncated |= first_msg > 0;  // earlier messages were left out
  report.customer = s.cached_signals;
  // Mentions index the caller's messages, of which the earliest may be cut.
  for (Mention& m : report.customer.mentions) {
    if (m.message >= 0) m.message += static_cast<int>(first_msg);
  }

  const Text text = in.html ? Text::FromHtml(in.draft, kMaxDraftBytes)
                            : Text::FromPlain(in.draft, kMaxDraftBytes);
  report.truncated = text.truncated() || messages_truncated;
  FixVars vars;
  vars.name = FirstName(in.customer_name);
  vars.agent = FirstName(in.agent_name);

  Draft draft = ReadDraft(s.matcher, s.pack, text, vars);
  RunChecks(s.pack, text, report.customer, vars, &draft);
  bool coached[kScoredDimensions];
  for (int i = 0; i < kScoredDimensions; ++i)
    coached[i] = in.dimensions.empty();
  for (Dimension d : in.dimensions) {
    if (d != Dimension::kCustomer) coached[static_cast<int>(d)] = true;
  }
  if (!in.dimensions.empty()) {
    // Dimensions left out raise nothing.
    const auto off = [&](Dimension d) { return !coached[static_cast<int>(d)]; };
    draft.findings.erase(
        std::remove_if(draft.findings.begin(), draft.findings.end(),
                       [&](const Finding& f) { return off(f.dimension); }),
        draft.findings.end());
    draft.credits.erase(
        std::remove_if(draft.credits.begin(), draft.credits.end(),
                       [&](const Credit& c) { return off(c.dimension); }),
        draft.credits.end());
  }
  Score(s.pack, report.customer, draft, coached, &report);

  // Most severe first, then in reading order.
  std::stable_sort(draft.findings.begin(), draft.findings.end(),
                   [](const Finding& a, const Finding& b) {
                     if (a.severity != b.severity)
                       return a.severity > b.severity;
                     return a.start < b.start;
                   });
  report.findings = std::move(draft.findings);
  report.credits = std::move(draft.credits);
  report.stats.words = draft.seg.words;
  report.stats.sentences = static_cast<int>(draft.seg.sentences.size());
  report.stats.paragraphs = static_cast<int>(draft.seg.paragraphs.size());
  report.stats.reading_grade = draft.seg.reading_grade;
  report.stats.characters = static_cast<int>(text.utf16_size());
  return report;
}

namespace {

std::string ErrorJson(std::string_view code, std::string_view message) {
  nlohmann::json j = {{"error", {{"code", code}, {"message", message}}}};
  return DumpJson(j);
}

// Reads an optional string field; false (with `why`) on a wrong type.
bool StringField(const nlohmann::json& j, const char* key, std::string* out,
                 std::string* why) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return true;
  if (!it->is_string()) {
    *why = std::string("\"") + key + "\" must be a string";
    return false;
  }
  *out = it->get<std::string>();
  return true;
}

}  // namespace

std::string Coach::AnalyzeJson(std::string_view input_json) const {
  nlohmann::json j;
  const std::string parse_error = ParseJson(input_json, &j);
  if (!parse_error.empty()) return ErrorJson("bad_input", parse_error);
  if (!j.is_object()) return ErrorJson("bad_input", "input must be an object");
  AnalyzeInput in;
  std::string why, format = "text";
  if (!StringField(j, "draft", &in.draft, &why) ||
      !StringField(j, "format", &format, &why) ||
      !StringField(j, "customerName", &in.customer_name, &why) ||
      !StringField(j, "agentName", &in.agent_name, &why) ||
      !StringField(j, "locale", &in.locale, &why)) {
    return ErrorJson("bad_input", why);
  }
  if (format != "text" && format != "html") {
    return ErrorJson("bad_input", "\"format\" must be \"text\" or \"html\"");
  }
  in.html = format == "html";
  if (const auto dims = j.find("dimensions");
      dims != j.end() && !dims->is_null()) {
    if (!dims->is_array()) {
      return ErrorJson("bad_input", "\"dimensions\" must be an array");
    }
    for (const nlohmann::json& d : *dims) {
      Dimension dim;
      if (!d.is_string() || !ParseDimensionName(d.get<std::string>(), &dim) ||
          dim == Dimension::kCustomer) {
        return ErrorJson(
            "bad_input",
            "\"dimensions\" holds an unknown dimension: " + DumpJson(d));
      }
      in.dimensions.push_back(dim);
    }
  }
  if (const auto m = j.find("customerMessages");
      m != j.end() && !m->is_null()) {
    if (!m->is_array()) {
      return ErrorJson("bad_input", "\"customerMessages\" must be an array");
    }
    for (const nlohmann::json& msg : *m) {
      if (msg.is_string()) {
        in.customer_messages.push_back(msg.get<std::string>());
      } else if (msg.is_object() && msg.contains("text") &&
                 msg["text"].is_string()) {
        in.customer_messages.push_back(msg["text"].get<std::string>());
      } else {
        return ErrorJson("bad_input",
                         "each customer message must be a string or "
                         "{\"text\": string}");
      }
    }
  }
  return ReportToJson(Analyze(in));
}

}  // namespace rapport
