// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// Text: a draft or customer message made ready for analysis, with a map from
// every byte of the analysed text back to UTF-16 offsets of the text the
// caller passed (what JavaScript indexes).
//
//   rapport::Text t = rapport::Text::FromHtml("<p>Hi &amp; bye</p>");
//   t.str();           // "Hi & bye"
//   t.Utf16Begin(3);   // 6: the "&" comes from "&amp;" at UTF-16 offset 6
//   t.Utf16End(4);     // 11: the end of "&amp;"
//
// Malformed UTF-8 is repaired: each byte that does not belong to a valid
// sequence becomes U+FFFD, which is one UTF-16 unit, exactly as a decoder that
// replaces per byte would count it. Offsets therefore stay valid for any input.

#ifndef RAPPORT_SRC_TEXT_H_
#define RAPPORT_SRC_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

class Text {
 public:
  // Plain text. `raw` may hold any bytes; at most `max_bytes` of it are
  // analysed (cut at a character boundary) and truncated() says so.
  static Text FromPlain(std::string_view raw, size_t max_bytes = SIZE_MAX);
  // HTML (Zendesk rich text): the visible text, without tags, comments, script
  // and style contents, with entities decoded and block elements (p, div, br,
  // li, headings...) turned into line breaks. Offsets point into the HTML.
  static Text FromHtml(std::string_view raw, size_t max_bytes = SIZE_MAX);

  // The analysed text: valid UTF-8.
  const std::string& str() const { return text_; }
  size_t size() const { return text_.size(); }
  bool truncated() const { return truncated_; }
  // UTF-16 length of the whole input as given (after any truncation point,
  // the input is not analysed but is still counted here).
  uint32_t utf16_size() const { return utf16_size_; }

  // UTF-16 offset in the input where the source of byte `b` begins.
  // Requires b <= size(); Utf16Begin(size()) is the end of the last source.
  uint32_t Utf16Begin(size_t b) const;
  // UTF-16 offset in the input where the source of byte `b - 1` ends.
  // Requires 0 < b <= size().
  uint32_t Utf16End(size_t b) const;
  // True if the input between the sources of bytes [b, e) holds markup
  // (a tag or a line break made from one): a fix there would change markup.
  bool CrossesMarkup(size_t b, size_t e) const;
  bool is_html() const { return html_; }

 private:
  std::string text_;
  std::vector<uint32_t> begin16_;  // per byte of text_, plus one at the end
  std::vector<uint32_t> end16_;    // per byte of text_
  std::vector<uint8_t> markup_;    // per byte: 1 if made from a tag
  uint32_t utf16_size_ = 0;
  bool truncated_ = false;
  bool html_ = false;
};

// Decodes one UTF-8 sequence at `s[i]`. Returns its length (1 to 4) and sets
// `cp`; for a byte that starts no valid sequence returns 1 with cp = U+FFFD and
// `valid` false. Overlong forms, surrogates and values past U+10FFFF are
// invalid. Requires i < s.size().
int DecodeUtf8(std::string_view s, size_t i, uint32_t* cp, bool* valid);

// Appends the UTF-8 encoding of `cp` (which must be a valid scalar value).
void AppendUtf8(uint32_t cp, std::string* out);

}  // namespace rapport

#endif  // RAPPORT_SRC_TEXT_H_
