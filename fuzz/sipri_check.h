// The invariants of a parsed SIPRI file, shared by the SIPRI harnesses: a refusal is a
// clear InvalidInput; every problem, transfer and cell points at a line of the input;
// no more records are rejected than were read, nor read than there are lines; a
// vintage is a valid ISO date.
#pragma once

#include <string>
#include <string_view>

#include "defcoop/core/date.h"
#include "defcoop/ingest/sipri.h"
#include "fuzz_check.h"

namespace defcoop::fuzz {

inline void CheckSipri(std::string_view text) {
  const int max_lines = MaxLines(text);
  Result<SipriFile> file = ingest::ParseSipri(text, "f.csv");
  if (!file.ok()) {
    Check(file.status().kind() == StatusKind::kInvalidInput, "refusals are InvalidInput",
          file.status().ToString());
    Check(!file.status().message().empty(), "refusals say why");
    return;
  }
  int rejected = 0;
  for (const InputProblem& problem : file->problems) {
    Check(problem.where.line >= 0 && problem.where.line <= max_lines, "problem line in input",
          std::to_string(problem.where.line));
    Check(!problem.reason.empty(), "problems say why");
    if (!problem.repaired && problem.where.line > 0) ++rejected;
  }
  Check(file->records_read <= max_lines, "no more records than lines");
  Check(rejected <= file->records_read, "no more rejected than read");
  for (const Transfer& transfer : file->transfers) {
    Check(transfer.source_line >= 1 && transfer.source_line <= max_lines, "transfer line");
  }
  for (const TivCell& cell : file->cells) {
    Check(cell.source_line >= 1 && cell.source_line <= max_lines, "cell line");
  }
  if (!file->vintage.empty()) {
    Result<Date> vintage = ParseDate(file->vintage);
    Check(vintage.ok() && vintage->ToString() == file->vintage, "vintage is an ISO date");
  }
}

// A preamble with a vintage, so that the harnesses below reach the body of a register.
inline constexpr std::string_view kPreamble =
    "SIPRI Trade Register\nData generated: 13 Mar 2025 10:02:49 AM\n";

}  // namespace defcoop::fuzz
