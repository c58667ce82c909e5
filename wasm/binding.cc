// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// The WebAssembly binding: thin and dumb on purpose. Strings in, strings out;
// every error is a JSON value ({"error": {...}}), never an exception or an
// abort across the boundary. js-shim/coach.mjs is the JS API on top.

#include <emscripten/bind.h>
#include <emscripten/heap.h>

#include <memory>
#include <string>

#include "coach.h"

namespace {

class WasmCoach {
 public:
  explicit WasmCoach(const std::string& admin_pack)
      : coach_(rapport::Coach::Create(admin_pack)) {}
  std::string analyze(const std::string& input_json) const {
    return coach_->AnalyzeJson(input_json);
  }
  std::string info() const { return coach_->InfoJson(); }

 private:
  std::unique_ptr<rapport::Coach> coach_;
};

std::string Version() { return rapport::Coach::Version(); }

// The size of the WebAssembly memory in bytes (it only ever grows): lets a
// host or a test see whether memory stays flat.
double MemoryBytes() { return static_cast<double>(emscripten_get_heap_size()); }

}  // namespace

EMSCRIPTEN_BINDINGS(rapport) {
  emscripten::class_<WasmCoach>("Coach")
      .constructor<std::string>()
      .function("analyze", &WasmCoach::analyze)
      .function("info", &WasmCoach::info);
  emscripten::function("version", &Version);
  emscripten::function("memoryBytes", &MemoryBytes);
}
