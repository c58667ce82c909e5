// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.

#include "fix.h"

namespace rapport {
namespace {

bool IsSentenceStart(const Segments& seg, size_t b) {
  for (const Sentence& s : seg.sentences) {
    if (s.span.begin == b) return true;
    if (s.span.begin > b) break;
  }
  return false;
}

char Upper(char c) { return (c >= 'a' && c <= 'z') ? c - 'a' + 'A' : c; }

}  // namespace

bool ExpandTemplate(std::string_view tmpl, const FixVars& vars,
                    std::string* out) {
  out->clear();
  for (size_t i = 0; i < tmpl.size();) {
    if (tmpl.compare(i, 6, "{name}") == 0) {
      if (vars.name.empty()) return false;
      *out += vars.name;
      i += 6;
    } else if (tmpl.compare(i, 7, "{agent}") == 0) {
      if (vars.agent.empty()) return false;
      *out += vars.agent;
      i += 7;
    } else {
      out->push_back(tmpl[i++]);
    }
  }
  return true;
}

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\n':
        out += "<br>";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

bool MakeReplace(const Text& text, const Segments& seg, size_t b, size_t e,
                 std::string_view replacement, FixEdit* edit) {
  if (b >= e || e > text.size()) return false;
  std::string repl(replacement);
  const std::string& s = text.str();
  if (IsSentenceStart(seg, b)) {
    if (repl.empty()) {
      // "Unfortunately, the item..." -> "The item...": take the next letter
      // into the edit and capitalise it.
      if (e < s.size() && s[e] >= 'a' && s[e] <= 'z') {
        repl.push_back(Upper(s[e]));
        ++e;
      }
    } else {
      repl[0] = Upper(repl[0]);
    }
  }
  if (text.CrossesMarkup(b, e)) return false;
  edit->op = FixEdit::Op::kReplace;
  edit->start = text.Utf16Begin(b);
  edit->end = text.Utf16End(e);
  edit->text = text.is_html() ? HtmlEscape(repl) : repl;
  return true;
}

bool MakeInsert(const Text& text, size_t at, std::string_view insertion,
                FixEdit* edit) {
  if (at > text.size()) return false;
  edit->op = FixEdit::Op::kInsert;
  edit->start = edit->end = text.Utf16Begin(at);
  edit->text = text.is_html() ? HtmlEscape(insertion) : std::string(insertion);
  return true;
}

}  // namespace rapport
