// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// rapport_bench: times rapport::Coach::Analyze and AnalyzeJson on the corpus
// of bench/texts.mjs (the texts every tool in bench/run.mjs sees).
//
//   node bench/texts.mjs > /tmp/corpus.json
//   build/native/bench/rapport_bench --corpus=/tmp/corpus.json
//   (add --benchmark_format=json for machine-readable output)
//
// Benchmarks are named Analyze|AnalyzeJson / keystroke|cold / draft size:
//   keystroke: the same customer message every call and two drafts one
//              keystroke apart, in turn (the customer analysis is cached);
//   cold:      the customer message changes every call (no cache hit).
// Besides Google Benchmark's mean, each reports the median and the 95th
// percentile of single calls (counters median_us, p95_us).

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "coach.h"
#include "json_util.h"

namespace {

struct DraftCase {
  int size = 0;                       // the target size in characters
  std::vector<std::string> variants;  // one keystroke apart
};

struct Corpus {
  std::string customer_name;
  std::string agent_name;
  std::vector<std::string> customer_messages;
  std::vector<DraftCase> drafts;
};

enum class Mode { kKeystroke, kCold };

bool ReadStrings(const nlohmann::json& j, const char* key,
                 std::vector<std::string>* out) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_array() || it->empty()) return false;
  for (const nlohmann::json& s : *it) {
    if (!s.is_string()) return false;
    out->push_back(s.get<std::string>());
  }
  return true;
}

bool ReadString(const nlohmann::json& j, const char* key, std::string* out) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return false;
  *out = it->get<std::string>();
  return true;
}

// Reads the corpus file. Returns "" on success, else what is wrong.
std::string LoadCorpus(const std::string& path, Corpus* corpus) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return "cannot open " + path;
  std::stringstream text;
  text << file.rdbuf();
  nlohmann::json j;
  const std::string error = rapport::ParseJson(text.str(), &j);
  if (!error.empty()) return path + ": " + error;
  if (!j.is_object() ||
      !ReadString(j, "customerName", &corpus->customer_name) ||
      !ReadString(j, "agentName", &corpus->agent_name) ||
      !ReadStrings(j, "customerMessages", &corpus->customer_messages) ||
      !j.contains("drafts") || !j["drafts"].is_array()) {
    return path + ": not a corpus from bench/texts.mjs";
  }
  for (const nlohmann::json& d : j["drafts"]) {
    DraftCase draft;
    if (!d.is_object() || !d.contains("size") ||
        !d["size"].is_number_integer() ||
        !ReadStrings(d, "variants", &draft.variants)) {
      return path + ": a draft needs a size and variants";
    }
    draft.size = d["size"].get<int>();
    corpus->drafts.push_back(std::move(draft));
  }
  return "";
}

// The inputs a benchmark cycles through: drafts in turn, with the first
// customer message (keystroke) or with every message in turn (cold).
std::vector<rapport::AnalyzeInput> Inputs(const Corpus& corpus,
                                          const DraftCase& draft, Mode mode) {
  const size_t messages =
      mode == Mode::kKeystroke ? 1 : corpus.customer_messages.size();
  const size_t count = std::max(draft.variants.size(), messages);
  std::vector<rapport::AnalyzeInput> inputs(count);
  for (size_t i = 0; i < count; ++i) {
    inputs[i].draft = draft.variants[i % draft.variants.size()];
    inputs[i].customer_messages = {corpus.customer_messages[i % messages]};
    inputs[i].customer_name = corpus.customer_name;
    inputs[i].agent_name = corpus.agent_name;
  }
  return inputs;
}

// The request the JS API would send for `in` (js-shim/coach.mjs).
std::string RequestJson(const rapport::AnalyzeInput& in) {
  const nlohmann::json j = {{"draft", in.draft},
                            {"format", "text"},
                            {"customerMessages", in.customer_messages},
                            {"customerName", in.customer_name},
                            {"agentName", in.agent_name},
                            {"locale", in.locale}};
  return rapport::DumpJson(j);
}

// The q-quantile by nearest rank (as bench/run.mjs computes it).
double Quantile(std::vector<double>* values, double q) {
  const size_t rank =
      std::min(values->size() - 1, static_cast<size_t>(q * values->size()));
  std::nth_element(values->begin(), values->begin() + rank, values->end());
  return (*values)[rank];
}

// Calls `analyze` once per iteration on the inputs in turn, timing each call.
template <typename Input, typename Analyze>
void TimeCalls(benchmark::State& state, const std::vector<Input>& inputs,
               Analyze analyze) {
  using Clock = std::chrono::steady_clock;
  std::vector<double> micros;
  micros.reserve(state.max_iterations);
  size_t next = 0;
  for (auto _ : state) {
    const Clock::time_point start = Clock::now();
    benchmark::DoNotOptimize(analyze(inputs[next]));
    micros.push_back(
        std::chrono::duration<double, std::micro>(Clock::now() - start)
            .count());
    next = (next + 1) % inputs.size();
  }
  state.counters["median_us"] = Quantile(&micros, 0.5);
  state.counters["p95_us"] = Quantile(&micros, 0.95);
}

void RegisterAll(const rapport::Coach& coach, const Corpus& corpus) {
  for (const DraftCase& draft : corpus.drafts) {
    for (const Mode mode : {Mode::kKeystroke, Mode::kCold}) {
      const std::string suffix =
          std::string(mode == Mode::kKeystroke ? "/keystroke/" : "/cold/") +
          std::to_string(draft.size);
      const std::vector<rapport::AnalyzeInput> inputs =
          Inputs(corpus, draft, mode);
      std::vector<std::string> requests;
      for (const rapport::AnalyzeInput& in : inputs) {
        requests.push_back(RequestJson(in));
      }
      benchmark::RegisterBenchmark(
          ("Analyze" + suffix).c_str(),
          [&coach, inputs](benchmark::State& state) {
            TimeCalls(state, inputs, [&coach](const rapport::AnalyzeInput& in) {
              return coach.Analyze(in);
            });
          })
          ->Unit(benchmark::kMicrosecond);
      benchmark::RegisterBenchmark(
          ("AnalyzeJson" + suffix).c_str(),
          [&coach, requests](benchmark::State& state) {
            TimeCalls(state, requests, [&coach](const std::string& request) {
              return coach.AnalyzeJson(request);
            });
          })
          ->Unit(benchmark::kMicrosecond);
    }
  }
}

// Removes --corpus=PATH from the arguments; returns PATH, or "" if absent.
std::string TakeCorpusFlag(int* argc, char** argv) {
  constexpr char kFlag[] = "--corpus=";
  std::string path;
  int kept = 1;
  for (int i = 1; i < *argc; ++i) {
    if (std::strncmp(argv[i], kFlag, sizeof(kFlag) - 1) == 0) {
      path = argv[i] + sizeof(kFlag) - 1;
    } else {
      argv[kept++] = argv[i];
    }
  }
  *argc = kept;
  return path;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string corpus_path = TakeCorpusFlag(&argc, argv);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  if (corpus_path.empty()) {
    std::cerr << "rapport_bench: --corpus=PATH is required; run `npm run "
                 "bench`, or `node bench/texts.mjs > corpus.json` and pass "
                 "--corpus=corpus.json\n";
    return 1;
  }
  Corpus corpus;
  if (const std::string error = LoadCorpus(corpus_path, &corpus);
      !error.empty()) {
    std::cerr << "rapport_bench: " << error << "\n";
    return 1;
  }
  const std::unique_ptr<rapport::Coach> coach = rapport::Coach::Create();
  if (!coach->ok()) {
    for (const rapport::PackError& e : coach->errors()) {
      std::cerr << "rapport_bench: " << e.ToString() << "\n";
    }
    return 1;
  }
  benchmark::AddCustomContext("rapport_rules",
                              std::to_string(coach->pack().rules.size()));
  RegisterAll(*coach, corpus);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
