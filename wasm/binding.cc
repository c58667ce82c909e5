// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// The WebAssembly binding: a plain C ABI, thin and dumb on purpose. UTF-8
// bytes in, UTF-8 JSON out; every error is a JSON value ({"error": {...}}),
// never an exception or an abort across the boundary. js-shim/coach.mjs is
// the JS API on top and the only caller:
//
//   h = rapport_create(pack, pack_len)        // pack: admin pack JSON or ""
//   p = rapport_input(h, capacity)            // JS writes the request at p
//   n = rapport_analyze(h, request_len)       // the report is n bytes at
//   q = rapport_output(h)                     //   q, valid until the next call
//   rapport_destroy(h)
//
// Why not embind: its JS converts strings a character at a time and its
// runtime is ~10 KB of glue; TextEncoder/TextDecoder on the heap do the same
// in bulk.

#include <emscripten/emscripten.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "coach.h"

namespace {

struct Handle {
  std::unique_ptr<rapport::Coach> coach;
  std::vector<char> input;  // grows to the largest request, never shrinks
  std::string output;       // the last answer
};

}  // namespace

extern "C" {

// A coach with the default pack and, if `len` > 0, the admin pack JSON at
// `pack` on top (a broken one is reported by rapport_info; never null).
EMSCRIPTEN_KEEPALIVE Handle* rapport_create(const char* pack, size_t len) {
  auto* h = new Handle;
  h->coach = rapport::Coach::Create(std::string_view(pack, pack ? len : 0));
  return h;
}

EMSCRIPTEN_KEEPALIVE void rapport_destroy(Handle* h) { delete h; }

// A buffer of at least `capacity` bytes for the next request.
EMSCRIPTEN_KEEPALIVE char* rapport_input(Handle* h, size_t capacity) {
  if (h->input.size() < capacity) h->input.resize(capacity);
  return h->input.data();
}

// Analyses the first `len` bytes of the input buffer (the JSON request of
// Coach::AnalyzeJson). Returns the length of the answer at rapport_output.
EMSCRIPTEN_KEEPALIVE size_t rapport_analyze(Handle* h, size_t len) {
  if (len > h->input.size()) len = h->input.size();
  h->output = h->coach->AnalyzeJson(std::string_view(h->input.data(), len));
  return h->output.size();
}

// Puts Coach::InfoJson at rapport_output; returns its length.
EMSCRIPTEN_KEEPALIVE size_t rapport_info(Handle* h) {
  h->output = h->coach->InfoJson();
  return h->output.size();
}

EMSCRIPTEN_KEEPALIVE const char* rapport_output(Handle* h) {
  return h->output.data();
}

// The core's version, NUL-terminated.
EMSCRIPTEN_KEEPALIVE const char* rapport_version() {
  return rapport::Coach::Version();
}

}  // extern "C"
