// Copyright 2026 The Rapport Authors. Licensed under the Apache License 2.0.
//
// rapport: the command-line face of the Rapport core.
//   rapport analyze --draft FILE [--customer FILE]... [--name NAME] [--pretty]
//   rapport batch [FILE]         JSONL in, JSONL out
//   rapport rules check DIR      validate a pack and run its examples

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_pretty.h"
#include "coach.h"
#include "json_util.h"

namespace {

namespace fs = std::filesystem;

constexpr char kUsage[] =
    "rapport: coach a support reply (scores it against the customer's "
    "message)\n"
    "\n"
    "Usage:\n"
    "  rapport analyze --draft FILE [options]   analyse one draft, print the "
    "report\n"
    "  rapport batch [FILE]                     JSONL conversations in (FILE "
    "or stdin),\n"
    "                                           one report per line out\n"
    "  rapport rules check DIR                  validate a rule pack, run its "
    "examples\n"
    "  rapport --version\n"
    "\n"
    "Run 'rapport COMMAND --help' for the options of a command.\n";

constexpr char kAnalyzeUsage[] =
    "Usage: rapport analyze --draft FILE [options]\n"
    "\n"
    "Analyses the agent's draft reply and prints the report as JSON.\n"
    "\n"
    "Options:\n"
    "  --draft FILE            the agent's reply ('-' for stdin)\n"
    "  --customer FILE         a customer message; repeat for several, oldest "
    "first\n"
    "  --name NAME             the customer's name\n"
    "  --agent NAME            the agent's name\n"
    "  --format text|html      the draft's format (default: text)\n"
    "  --rules PACK            an admin rule pack (JSON) on top of the default "
    "pack\n"
    "  --pretty                a readable summary instead of JSON\n"
    "\n"
    "Exit status: 0 on success, 2 on a usage or input error.\n";

constexpr char kBatchUsage[] =
    "Usage: rapport batch [FILE] [--rules PACK]\n"
    "\n"
    "Reads one conversation per line (JSON Lines) from FILE or stdin:\n"
    "  {\"draft\": \"...\", \"format\": \"text\", \"customerMessages\": "
    "[\"...\"],\n"
    "   \"customerName\": \"...\", \"agentName\": \"...\"}\n"
    "and writes one report per line to stdout. A bad line gets\n"
    "{\"line\": N, \"error\": {...}} on stdout and a message on stderr, and "
    "the\n"
    "batch goes on. A progress bar shows on stderr when it is a terminal.\n"
    "\n"
    "Exit status: 0 if every line was analysed, 1 if any line failed, 2 on a\n"
    "usage error.\n";

constexpr char kRulesUsage[] =
    "Usage: rapport rules check DIR\n"
    "\n"
    "Validates every *.json file of the rule pack in DIR: JSON syntax, "
    "fields,\n"
    "ids (form, uniqueness), patterns (RE2 must accept them), and runs every\n"
    "example of every rule. Each problem is printed as FILE: RULE: REASON.\n"
    "\n"
    "Exit status: 0 if the pack is valid, 1 if not, 2 on a usage error.\n";

bool ReadFile(const std::string& path, std::string* out, std::string* why) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    *out = ss.str();
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *why = "cannot read " + path + ": " + std::strerror(errno);
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

int UsageError(const std::string& msg, const char* usage) {
  std::fprintf(stderr, "rapport: %s\n\n%s", msg.c_str(), usage);
  return 2;
}

bool WantsHelp(int argc, char** argv, int from) {
  for (int i = from; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h")) {
      return true;
    }
  }
  return false;
}

// Loads --rules PACK, if given. Returns false on a read error.
bool LoadAdmin(const std::string& path, std::string* json) {
  if (path.empty()) return true;
  std::string why;
  if (!ReadFile(path, json, &why)) {
    std::fprintf(stderr, "rapport: %s\n", why.c_str());
    return false;
  }
  return true;
}

void ReportAdminErrors(const rapport::Coach& coach) {
  for (const rapport::PackError& e : coach.admin_errors()) {
    std::fprintf(stderr,
                 "rapport: admin pack rejected, using the default pack: %s\n",
                 e.ToString().c_str());
  }
}

int Analyze(int argc, char** argv) {
  if (WantsHelp(argc, argv, 2)) return std::printf("%s", kAnalyzeUsage), 0;
  rapport::AnalyzeInput in;
  std::string draft_path, rules_path, format = "text";
  std::vector<std::string> customer_paths;
  bool pretty = false;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto value = [&](std::string* out) {
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    std::string v;
    if (arg == "--draft" && value(&draft_path)) continue;
    if (arg == "--customer" && value(&v)) {
      customer_paths.push_back(v);
      continue;
    }
    if (arg == "--name" && value(&in.customer_name)) continue;
    if (arg == "--agent" && value(&in.agent_name)) continue;
    if (arg == "--format" && value(&format)) continue;
    if (arg == "--rules" && value(&rules_path)) continue;
    if (arg == "--pretty") {
      pretty = true;
      continue;
    }
    return UsageError("unexpected or incomplete argument '" + arg + "'",
                      kAnalyzeUsage);
  }
  if (draft_path.empty())
    return UsageError("--draft FILE is required", kAnalyzeUsage);
  if (format != "text" && format != "html") {
    return UsageError("--format must be text or html", kAnalyzeUsage);
  }
  in.html = format == "html";
  std::string why;
  if (!ReadFile(draft_path, &in.draft, &why)) {
    std::fprintf(stderr, "rapport: %s\n", why.c_str());
    return 2;
  }
  for (const std::string& p : customer_paths) {
    std::string msg;
    if (!ReadFile(p, &msg, &why)) {
      std::fprintf(stderr, "rapport: %s\n", why.c_str());
      return 2;
    }
    in.customer_messages.push_back(std::move(msg));
  }
  std::string admin;
  if (!LoadAdmin(rules_path, &admin)) return 2;
  const auto coach = rapport::Coach::Create(admin);
  ReportAdminErrors(*coach);
  const rapport::Report report = coach->Analyze(in);
  if (pretty) {
    std::printf("%s", rapport::PrettyReport(report, isatty(1)).c_str());
  } else {
    std::printf("%s\n", rapport::ReportToJson(report).c_str());
  }
  return 0;
}

void Progress(size_t done, size_t total) {
  if (total > 0) {
    const int width = 30;
    const int filled = static_cast<int>(width * done / total);
    std::fprintf(stderr, "\r[%.*s%*s] %zu/%zu lines", filled,
                 "==============================", width - filled, "", done,
                 total);
  } else {
    std::fprintf(stderr, "\r%zu lines", done);
  }
  std::fflush(stderr);
}

int Batch(int argc, char** argv) {
  if (WantsHelp(argc, argv, 2)) return std::printf("%s", kBatchUsage), 0;
  std::string path, rules_path;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--rules" && i + 1 < argc) {
      rules_path = argv[++i];
    } else if (path.empty() && (arg == "-" || arg.rfind("--", 0) != 0)) {
      path = arg;
    } else {
      return UsageError("unexpected argument '" + arg + "'", kBatchUsage);
    }
  }
  std::ifstream file;
  size_t total = 0;
  const bool from_file = !path.empty() && path != "-";
  if (from_file) {
    file.open(path, std::ios::binary);
    if (!file) {
      std::fprintf(stderr, "rapport: cannot read %s: %s\n", path.c_str(),
                   std::strerror(errno));
      return 2;
    }
    total = std::count(std::istreambuf_iterator<char>(file),
                       std::istreambuf_iterator<char>(), '\n');
    file.clear();
    file.seekg(0);
  }
  std::istream& in = from_file ? static_cast<std::istream&>(file) : std::cin;
  std::string admin;
  if (!LoadAdmin(rules_path, &admin)) return 2;
  const auto coach = rapport::Coach::Create(admin);
  ReportAdminErrors(*coach);
  const bool progress = isatty(2);
  size_t line_no = 0, failed = 0;
  std::string line;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string out = coach->AnalyzeJson(line);
    if (out.rfind("{\"error\"", 0) == 0) {
      ++failed;
      nlohmann::json err;
      rapport::ParseJson(out, &err);
      if (progress) std::fprintf(stderr, "\n");
      std::fprintf(stderr, "rapport: line %zu: %s\n", line_no,
                   err["error"]["message"].get<std::string>().c_str());
      err["line"] = line_no;
      out = rapport::DumpJson(err);
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fputc('\n', stdout);
    if (progress && (line_no % 50 == 0)) Progress(line_no, total);
  }
  if (progress) {
    Progress(line_no, total > 0 ? std::max(total, line_no) : 0);
    std::fprintf(stderr, "\n");
  }
  if (failed > 0) {
    std::fprintf(stderr, "rapport: %zu of %zu lines failed\n", failed, line_no);
  }
  return failed > 0 ? 1 : 0;
}

int RulesCheck(int argc, char** argv) {
  if (WantsHelp(argc, argv, 2)) return std::printf("%s", kRulesUsage), 0;
  if (argc != 4 || std::strcmp(argv[2], "check") != 0) {
    return UsageError("expected 'rules check DIR'", kRulesUsage);
  }
  const fs::path dir = argv[3];
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    std::fprintf(stderr, "rapport: %s is not a directory\n", dir.c_str());
    return 2;
  }
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".json") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<rapport::PackFile> files;
  for (const fs::path& p : paths) {
    rapport::PackFile f;
    std::string why;
    if (!ReadFile(p.string(), &f.json, &why)) {
      std::fprintf(stderr, "rapport: %s\n", why.c_str());
      return 1;
    }
    f.name = p.string();
    files.push_back(std::move(f));
  }
  if (files.empty()) {
    std::fprintf(stderr, "rapport: no *.json files in %s\n", dir.c_str());
    return 1;
  }
  const auto coach = rapport::Coach::FromFiles(files);
  std::vector<rapport::PackError> errors = coach->errors();
  if (coach->ok()) {
    const auto ex = coach->CheckExamples();
    errors.insert(errors.end(), ex.begin(), ex.end());
  }
  for (const auto& w : coach->warnings()) {
    std::fprintf(stderr, "warning: %s\n", w.ToString().c_str());
  }
  for (const auto& e : errors) {
    std::fprintf(stderr, "error: %s\n", e.ToString().c_str());
  }
  const rapport::Pack& pack = coach->pack();
  int kinds[4] = {0, 0, 0, 0}, examples = 0;
  for (const rapport::Rule& r : pack.rules) {
    ++kinds[static_cast<int>(r.kind)];
    examples += r.match_examples.size() + r.nomatch_examples.size();
  }
  std::printf(
      "%s: pack \"%s\", %zu files, %zu rules (%d credits, %d flags, "
      "%d signals, %d mentions), %zu checks, %d examples: %s\n",
      dir.c_str(), pack.name.c_str(), files.size(), pack.rules.size(), kinds[0],
      kinds[1], kinds[2], kinds[3], pack.checks.size(), examples,
      errors.empty() ? "all valid, all examples pass"
                     : (std::to_string(errors.size()) + " error(s)").c_str());
  return errors.empty() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return std::fprintf(stderr, "%s", kUsage), 2;
  const std::string cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    return std::printf("%s", kUsage), 0;
  }
  if (cmd == "--version") {
    return std::printf("rapport %s\n", rapport::Coach::Version()), 0;
  }
  if (cmd == "analyze") return Analyze(argc, argv);
  if (cmd == "batch") return Batch(argc, argv);
  if (cmd == "rules") return RulesCheck(argc, argv);
  std::fprintf(stderr, "rapport: unknown command '%s'\n\n%s", cmd.c_str(),
               kUsage);
  return 2;
}
