// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.

#include "segment.h"

#include <algorithm>
#include <string>

namespace rapport {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' ||
         c == '\v';
}

// Letters, digits and every non-ASCII byte (so accented words count).
bool IsWordByte(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
         (u >= '0' && u <= '9') || u >= 0x80;
}

bool IsVowel(char c) {
  switch (c | 0x20) {
    case 'a':
    case 'e':
    case 'i':
    case 'o':
    case 'u':
    case 'y':
      return true;
    default:
      return false;
  }
}

// A classic estimate: vowel groups, minus a silent final "e", at least one.
int Syllables(std::string_view word) {
  int count = 0;
  bool prev = false;
  for (char c : word) {
    const bool v = IsVowel(c);
    if (v && !prev) ++count;
    prev = v;
  }
  if (word.size() > 2 && (word.back() | 0x20) == 'e' &&
      !IsVowel(word[word.size() - 2]) && count > 1) {
    --count;
  }
  return std::max(count, 1);
}

bool EndsWithAbbreviation(std::string_view text, size_t dot) {
  static constexpr std::string_view kAbbrev[] = {
      "e.g",    "i.e", "etc", "mr",  "mrs", "ms", "dr", "vs",
      "approx", "st",  "inc", "ltd", "co",  "jr", "sr"};
  size_t b = dot;
  while (b > 0 && (IsWordByte(text[b - 1]) || text[b - 1] == '.')) --b;
  std::string word(text.substr(b, dot - b));
  for (char& c : word)
    c = static_cast<char>(c | (c >= 'A' && c <= 'Z' ? 0x20 : 0));
  if (word == "no") {
    // "No. 5", "no. AB12345", "no. #4": a number follows. "The answer is
    // no. Sorry." ends a sentence.
    size_t d = dot + 1;
    while (d < text.size() && text[d] == ' ') ++d;
    if (d < text.size() && text[d] == '#') return true;
    for (; d < text.size() && text[d] != ' ' && text[d] != '\n'; ++d) {
      if (text[d] >= '0' && text[d] <= '9') return true;
    }
    return false;
  }
  for (std::string_view a : kAbbrev) {
    if (word == a) return true;
  }
  // A single letter ("J. Smith") is an initial, unless an ASCII apostrophe
  // makes it the end of a word ("can't."). A curly one is a word byte, so
  // "won’t." is a whole word already.
  const bool after_apostrophe = b > 0 && text[b - 1] == '\'';
  return word.size() == 1 && !(word[0] >= '0' && word[0] <= '9') &&
         !after_apostrophe;
}

}  // namespace

Segments Segment(std::string_view text, bool html_paragraphs) {
  Segments seg;
  const size_t n = text.size();
  int paragraph = 0;
  size_t para_begin = std::string_view::npos;
  size_t last_content_end = 0;

  size_t start = 0;  // start of the current sentence candidate
  const auto close_sentence = [&](size_t end) {
    size_t b = start, e = end;
    while (b < e && IsSpace(text[b])) ++b;
    while (e > b && IsSpace(text[e - 1])) --e;
    if (b < e) {
      Sentence s;
      s.span = {b, e};
      s.paragraph = paragraph;
      const char last = text[e - 1];
      s.terminated = last == '.' || last == '!' || last == '?';
      // "...?" or "?)" or '?"' still asks.
      for (size_t k = e; k > b && k + 3 > e; --k) {
        if (text[k - 1] == '?') s.question = true;
      }
      seg.sentences.push_back(s);
      if (para_begin == std::string_view::npos) para_begin = b;
      last_content_end = e;
    }
    start = end;
  };
  const auto close_paragraph = [&]() {
    if (para_begin != std::string_view::npos) {
      seg.paragraphs.push_back({para_begin, last_content_end});
      para_begin = std::string_view::npos;
      ++paragraph;
    }
  };

  for (size_t i = 0; i < n; ++i) {
    const char c = text[i];
    if (c == '\n') {
      close_sentence(i);
      // A blank line follows if only white space comes before the next line
      // break. The scan stops there: each byte is looked at once, so a text
      // of line breaks stays linear.
      size_t j = i + 1;
      bool blank = html_paragraphs;
      while (!blank && j < n && IsSpace(text[j])) {
        if (text[j] == '\n') blank = true;
        ++j;
      }
      if (blank) close_paragraph();
      start = i + 1;
      continue;
    }
    if (c == '.' || c == '!' || c == '?') {
      size_t j = i + 1;
      while (j < n && (text[j] == '.' || text[j] == '!' || text[j] == '?' ||
                       text[j] == '"' || text[j] == '\'' || text[j] == ')')) {
        ++j;
      }
      if ((j == n || IsSpace(text[j])) &&
          !(c == '.' && j == i + 1 && EndsWithAbbreviation(text, i))) {
        close_sentence(j);
      }
      // Either way the rest of the run ends no sentence (it ends where this
      // one does): skip it, so that a long run of dots stays linear.
      i = j - 1;
    }
  }
  close_sentence(n);
  close_paragraph();

  // Words and syllables, per sentence.
  for (Sentence& s : seg.sentences) {
    size_t i = s.span.begin;
    while (i < s.span.end) {
      if (!IsWordByte(text[i])) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < s.span.end &&
             (IsWordByte(text[j]) ||
              ((text[j] == '\'' || text[j] == '-') && j + 1 < s.span.end &&
               IsWordByte(text[j + 1])))) {
        ++j;
      }
      ++s.words;
      s.syllables += Syllables(text.substr(i, j - i));
      i = j;
    }
    seg.words += s.words;
    seg.syllables += s.syllables;
  }
  int counted = 0;
  for (const Sentence& s : seg.sentences) counted += s.words > 0;
  if (seg.words > 0 && counted > 0) {
    const double grade =
        0.39 * seg.words / counted + 11.8 * seg.syllables / seg.words - 15.59;
    seg.reading_grade = std::max(0.0, grade);
  }
  return seg;
}

size_t ClosingStart(const Segments& seg) {
  const size_t n = seg.sentences.size();
  int content = 0;
  for (size_t i = n; i > 0; --i) {
    const Sentence& s = seg.sentences[i - 1];
    if (s.words >= 4 || s.terminated) {
      if (++content == 2) return i - 1;
    }
  }
  return 0;
}

size_t OpeningEnd(const Segments& seg) {
  return std::min<size_t>(2, seg.sentences.size());
}

}  // namespace rapport
