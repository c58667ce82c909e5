// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// Segmentation of analysed text into sentences, paragraphs and words, and the
// reading statistics built on them.
//
//   rapport::Segments seg = rapport::Segment("Hi Ann,\nIt ships today.
//   Thanks!"); seg.sentences.size();  // 3: "Hi Ann,", "It ships today.",
//   "Thanks!" seg.words;             // 6
//
// All positions are byte offsets into the text given. English-centred rules:
// a sentence ends at . ! ? (not after a known abbreviation such as "e.g.")
// followed by white space, or at a line break.

#ifndef RAPPORT_SRC_SEGMENT_H_
#define RAPPORT_SRC_SEGMENT_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace rapport {

struct Span {
  size_t begin = 0;
  size_t end = 0;
};

struct Sentence {
  Span span;  // trimmed of surrounding white space; never empty
  int words = 0;
  int syllables = 0;
  int paragraph = 0;        // index of the paragraph it belongs to
  bool terminated = false;  // ends with . ! or ?
  bool question = false;    // ends with ?
};

struct Segments {
  std::vector<Sentence> sentences;
  std::vector<Span> paragraphs;  // separated by blank lines (or one line
                                 // break in HTML, where <p> makes them)
  int words = 0;
  int syllables = 0;
  // Flesch-Kincaid grade level; 0 for text without words.
  double reading_grade = 0;
};

// Splits `text` (valid UTF-8). Linear in its length. `html_paragraphs` makes
// every line break a paragraph break.
Segments Segment(std::string_view text, bool html_paragraphs = false);

// Index of the first sentence of the closing region: the last two "content"
// sentences (four or more words, or terminated) and everything after them
// (sign-off lines). Returns 0 for texts of at most two sentences.
size_t ClosingStart(const Segments& seg);

// Index one past the last sentence of the opening region (the first two
// sentences).
size_t OpeningEnd(const Segments& seg);

}  // namespace rapport

#endif  // RAPPORT_SRC_SEGMENT_H_
