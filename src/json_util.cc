// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.

#include "json_util.h"

namespace rapport {
namespace {

using Json = nlohmann::json;

// The DOM builder of nlohmann/json, keeping the parse error instead of
// throwing it.
class CapturingSax : public nlohmann::detail::json_sax_dom_parser<Json> {
 public:
  explicit CapturingSax(Json& root)
      : nlohmann::detail::json_sax_dom_parser<Json>(root, false) {}
  template <class Exception>
  bool parse_error(std::size_t /*position*/, const std::string& /*token*/,
                   const Exception& ex) {
    error_ = ex.what();
    return false;
  }
  const std::string& error() const { return error_; }

 private:
  std::string error_;
};

}  // namespace

std::string ParseJson(std::string_view text, Json* out) {
  *out = Json();
  CapturingSax sax(*out);
  const bool ok = Json::sax_parse(text.begin(), text.end(), &sax);
  if (ok && sax.error().empty()) return "";
  *out = Json();
  std::string msg = sax.error().empty() ? "invalid JSON" : sax.error();
  // "[json.exception.parse_error.101] parse error at line 1, column 2: ..."
  const size_t tag = msg.find("] ");
  if (msg.rfind("[json.exception.", 0) == 0 && tag != std::string::npos) {
    msg = msg.substr(tag + 2);
  }
  return msg;
}

std::string DumpJson(const Json& j, int indent) {
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace rapport
