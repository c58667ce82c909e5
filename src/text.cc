// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.

#include "text.h"

namespace rapport {

int DecodeUtf8(std::string_view s, size_t i, uint32_t* cp, bool* valid) {
  const auto byte = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
  const uint8_t b0 = byte(i);
  *valid = true;
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  int len = 0;
  uint32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, *cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, *cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, *cp = b0 & 0x07, min = 0x10000;
  }
  if (len == 0 || i + len > s.size()) {
    *cp = 0xFFFD, *valid = false;
    return 1;
  }
  for (int k = 1; k < len; ++k) {
    const uint8_t b = byte(i + k);
    if ((b & 0xC0) != 0x80) {
      *cp = 0xFFFD, *valid = false;
      return 1;
    }
    *cp = (*cp << 6) | (b & 0x3F);
  }
  if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF)) {
    *cp = 0xFFFD, *valid = false;
    return 1;
  }
  return len;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

namespace {

// One character of the repaired input: its UTF-8 in `clean`, and its source
// range in UTF-16 units of the input.
struct Decoded {
  std::string clean;
  std::vector<uint32_t> begin16;  // per byte of clean, plus the end
  std::vector<uint32_t> end16;    // per byte of clean
  uint32_t utf16_size = 0;
  bool truncated = false;
};

Decoded Repair(std::string_view raw, size_t max_bytes) {
  Decoded d;
  const size_t cap = raw.size() < max_bytes ? raw.size() : max_bytes;
  d.clean.reserve(cap);
  d.begin16.reserve(cap + 1);
  d.end16.reserve(cap);
  uint32_t u16 = 0;
  for (size_t i = 0; i < raw.size();) {
    if (static_cast<unsigned char>(raw[i]) < 0x80) {
      // A run of ASCII, the common case: copied in one go. Past the limit it
      // is only counted.
      size_t j = i + 1;
      while (j < raw.size() && static_cast<unsigned char>(raw[j]) < 0x80) ++j;
      size_t n = d.truncated ? 0 : j - i;
      if (d.clean.size() + n > max_bytes) {
        n = max_bytes - d.clean.size();
        d.truncated = true;
      }
      d.clean.append(raw.data() + i, n);
      const size_t at = d.end16.size();
      d.begin16.resize(at + n);
      d.end16.resize(at + n);
      for (size_t k = 0; k < n; ++k) {
        d.begin16[at + k] = u16 + static_cast<uint32_t>(k);
        d.end16[at + k] = u16 + static_cast<uint32_t>(k) + 1;
      }
      u16 += static_cast<uint32_t>(j - i);
      i = j;
      continue;
    }
    uint32_t cp;
    bool valid;
    const int len = DecodeUtf8(raw, i, &cp, &valid);
    const uint32_t units = cp >= 0x10000 ? 2 : 1;
    const size_t out_len = valid ? len : 3;
    if (!d.truncated && d.clean.size() + out_len > max_bytes) {
      d.truncated = true;
    }
    if (!d.truncated) {
      if (valid) {
        d.clean.append(raw.data() + i, len);
      } else {
        AppendUtf8(0xFFFD, &d.clean);
      }
      for (size_t k = 0; k < out_len; ++k) {
        d.begin16.push_back(u16);
        d.end16.push_back(u16 + units);
      }
    }
    u16 += units;
    i += len;
  }
  d.begin16.push_back(d.truncated ? (d.end16.empty() ? 0 : d.end16.back())
                                  : u16);
  d.utf16_size = u16;
  return d;
}

bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c; }

bool StartsWithCi(std::string_view s, size_t i, std::string_view word) {
  if (i + word.size() > s.size()) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    if (Lower(s[i + k]) != word[k]) return false;
  }
  return true;
}

bool IsBlockTag(std::string_view name) {
  static constexpr std::string_view kBlocks[] = {
      "p",       "div",     "br",     "li",         "ul",  "ol",
      "h1",      "h2",      "h3",     "h4",         "h5",  "h6",
      "tr",      "td",      "table",  "blockquote", "pre", "hr",
      "section", "article", "header", "footer"};
  for (std::string_view b : kBlocks) {
    if (name == b) return true;
  }
  return false;
}

struct Entity {
  std::string_view name;
  uint32_t cp;
};

// Decodes an entity at s[i] == '&'. Returns its length, or 0 if none.
size_t DecodeEntity(std::string_view s, size_t i, uint32_t* cp) {
  static constexpr Entity kNamed[] = {
      {"amp", '&'},      {"lt", '<'},        {"gt", '>'},
      {"quot", '"'},     {"apos", '\''},     {"nbsp", ' '},
      {"rsquo", 0x2019}, {"lsquo", 0x2018},  {"rdquo", 0x201D},
      {"ldquo", 0x201C}, {"hellip", 0x2026}, {"mdash", 0x2014},
      {"ndash", 0x2013}, {"copy", 0xA9},     {"euro", 0x20AC},
      {"pound", 0xA3}};
  size_t j = i + 1;
  if (j < s.size() && s[j] == '#') {
    ++j;
    int base = 10;
    if (j < s.size() && (s[j] == 'x' || s[j] == 'X')) base = 16, ++j;
    uint32_t v = 0;
    size_t digits = 0;
    for (; j < s.size() && digits < 8; ++j, ++digits) {
      const char c = s[j];
      int d = -1;
      if (c >= '0' && c <= '9') d = c - '0';
      if (base == 16 && c >= 'a' && c <= 'f') d = c - 'a' + 10;
      if (base == 16 && c >= 'A' && c <= 'F') d = c - 'A' + 10;
      if (d < 0) break;
      v = v * base + d;
    }
    if (digits == 0) return 0;
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) v = 0xFFFD;
    *cp = v == 0xA0 ? ' ' : v;
    return (j < s.size() && s[j] == ';') ? j + 1 - i : j - i;
  }
  for (const Entity& e : kNamed) {
    if (s.compare(j, e.name.size(), e.name) == 0) {
      const size_t after = j + e.name.size();
      *cp = e.cp;
      return (after < s.size() && s[after] == ';') ? after + 1 - i : after - i;
    }
  }
  return 0;
}

}  // namespace

Text Text::FromPlain(std::string_view raw, size_t max_bytes) {
  Decoded d = Repair(raw, max_bytes);
  Text t;
  t.text_ = std::move(d.clean);
  t.begin16_ = std::move(d.begin16);
  t.end16_ = std::move(d.end16);
  t.markup_.assign(t.text_.size(), 0);
  t.utf16_size_ = d.utf16_size;
  t.truncated_ = d.truncated;
  return t;
}

Text Text::FromHtml(std::string_view raw, size_t max_bytes) {
  // Repair first (so the HTML is valid UTF-8), then strip the markup.
  const Decoded d = Repair(raw, max_bytes);
  const std::string_view s = d.clean;
  Text t;
  t.html_ = true;
  t.utf16_size_ = d.utf16_size;
  t.truncated_ = d.truncated;
  t.text_.reserve(s.size());
  t.begin16_.reserve(s.size() + 1);
  t.end16_.reserve(s.size());
  t.markup_.reserve(s.size());

  const auto emit = [&](std::string_view bytes, size_t from, size_t to,
                        bool markup) {
    for (char c : bytes) {
      t.text_.push_back(c);
      t.begin16_.push_back(d.begin16[from]);
      t.end16_.push_back(to > from ? d.end16[to - 1] : d.begin16[from]);
      t.markup_.push_back(markup);
    }
  };
  const auto newline = [&](size_t from, size_t to) {
    if (!t.text_.empty() && t.text_.back() != '\n') emit("\n", from, to, true);
  };

  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '<' && i + 1 < s.size() &&
        (IsAsciiAlpha(s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '!' ||
         s[i + 1] == '?')) {
      if (s.compare(i, 4, "<!--") == 0) {  // comment
        const size_t close = s.find("-->", i + 4);
        i = close == std::string_view::npos ? s.size() : close + 3;
        continue;
      }
      // A tag: find its end, respecting quoted attribute values.
      size_t j = i + 1;
      char quote = 0;
      for (; j < s.size(); ++j) {
        if (quote) {
          if (s[j] == quote) quote = 0;
        } else if (s[j] == '"' || s[j] == '\'') {
          quote = s[j];
        } else if (s[j] == '>') {
          break;
        }
      }
      const size_t end = j < s.size() ? j + 1 : s.size();  // broken: to end
      size_t n = i + 1 + (s[i + 1] == '/');
      std::string name;
      while (n < end && (IsAsciiAlpha(s[n]) || (s[n] >= '0' && s[n] <= '9'))) {
        name.push_back(Lower(s[n++]));
      }
      const bool closing = s[i + 1] == '/';
      if (!closing && (name == "script" || name == "style")) {
        // Skip the contents up to the matching close tag.
        size_t k = end;
        while (k < s.size()) {
          k = s.find("</", k);
          if (k == std::string_view::npos) break;
          if (StartsWithCi(s, k + 2, name)) break;
          k += 2;
        }
        if (k == std::string_view::npos) {
          i = s.size();
        } else {
          const size_t gt = s.find('>', k);
          i = gt == std::string_view::npos ? s.size() : gt + 1;
        }
        continue;
      }
      if (IsBlockTag(name)) newline(i, end);
      i = end;
      continue;
    }
    if (c == '&') {
      uint32_t cp;
      const size_t len = DecodeEntity(s, i, &cp);
      if (len > 0) {
        std::string utf8;
        AppendUtf8(cp, &utf8);
        emit(utf8, i, i + len, false);
        i += len;
        continue;
      }
    }
    // Source line breaks and tabs are white space in HTML, not breaks.
    const char out = (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    t.text_.push_back(out);
    t.begin16_.push_back(d.begin16[i]);
    t.end16_.push_back(d.end16[i]);
    t.markup_.push_back(0);
    ++i;
  }
  // Trailing line breaks made from closing tags carry no text.
  while (!t.text_.empty() && t.text_.back() == '\n' && t.markup_.back()) {
    t.text_.pop_back();
    t.begin16_.pop_back();
    t.end16_.pop_back();
    t.markup_.pop_back();
  }
  // The end position: after the last visible character, before closing tags.
  t.begin16_.push_back(t.end16_.empty() ? (d.begin16.empty() ? 0 : d.begin16[0])
                                        : t.end16_.back());
  if (t.end16_.empty() && !s.empty()) {
    // No visible text: point inside the first element if there is one.
    const size_t gt = s.find('>');
    t.begin16_.back() = gt == std::string_view::npos ? 0 : d.end16[gt];
  }
  return t;
}

uint32_t Text::Utf16Begin(size_t b) const { return begin16_[b]; }

uint32_t Text::Utf16End(size_t b) const { return end16_[b - 1]; }

bool Text::CrossesMarkup(size_t b, size_t e) const {
  for (size_t k = b; k < e; ++k) {
    if (markup_[k]) return true;
    // A gap between consecutive sources means something invisible (a tag, a
    // comment) sits between them.
    if (k + 1 < e && end16_[k] != begin16_[k + 1] &&
        begin16_[k] != begin16_[k + 1]) {
      return true;
    }
  }
  return false;
}

}  // namespace rapport
