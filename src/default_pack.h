// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// The default rule pack (rules/en/*.json), embedded at build time by
// cmake/embed_pack.mjs so that the browser needs no extra fetch. The embedded
// copy is minified and has no examples (the tests run them from the files).
//
//   std::vector<rapport::PackFile> files = rapport::DefaultPackFiles();

#ifndef RAPPORT_SRC_DEFAULT_PACK_H_
#define RAPPORT_SRC_DEFAULT_PACK_H_

#include <vector>

#include "pack.h"

namespace rapport {

// The files of rules/en, by name ("en/empathy.json"), in name order.
std::vector<PackFile> DefaultPackFiles();

}  // namespace rapport

#endif  // RAPPORT_SRC_DEFAULT_PACK_H_
