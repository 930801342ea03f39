// Timings of the SIPRI path inside the library, on real registers: parsing the largest
// old-format register and a new-format one, then aggregating the parsed transfers the
// ways `defcoop tiv` and `defcoop suppliers` do. Files are read once, outside the timed
// loops, so the parse figures exclude disk I/O. The analysis functions filter on actor
// ids, which `defcoop import` fills by resolving names against the curated store; here,
// outside the timed loops, each id is set to SIPRI's spelling instead ("Azerbaijan" for
// "AZE"), which gives the same groups without linking the names module and the store.
// Name resolution is timed by bench/run, as part of the whole `defcoop import` command.
// These are figures to read, not tests: nothing is asserted.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "defcoop/analysis/tiv.h"
#include "defcoop/core/date.h"
#include "defcoop/core/model.h"
#include "defcoop/csv/reader.h"
#include "defcoop/ingest/sipri.h"

namespace {

// The largest register in ../shared/data/sipri: old format, Latin-1, 29,916 records,
// 2026 release (see SOURCES.md there).
const std::string kOldRegisterPath =
    DEFCOOP_SHARED_DATA_DIR "/sipri/alexarui__network-analysis/trade-register.csv";
// A new-format (17-column, one row per delivery year) register, 2025 release.
const std::string kNewRegisterPath = DEFCOOP_SHARED_DATA_DIR
    "/sipri/nagehanrdogan__Global-Arms-Trade-Network-Analysis-1995-2024-/trade_register.csv";

// One of the article's Turkic states, as `defcoop suppliers Azerbaijan --years 2011-2020`
// in bench/run.
const std::string kSharesRecipient = "Azerbaijan";
constexpr defcoop::YearRange kSharesYears{2011, 2020};

// A file's bytes and its parse, computed once per process and shared by the benchmarks.
struct LoadedRegister {
  std::string bytes;
  defcoop::SipriFile file;
  // file.transfers with supplier_id and recipient_id set to SIPRI's spellings.
  std::vector<defcoop::Transfer> keyed;
  std::string error;  // empty when both reading and parsing worked
};

LoadedRegister Load(const std::string& path) {
  LoadedRegister loaded;
  auto bytes = defcoop::csv::ReadFile(path);
  if (!bytes.ok()) {
    loaded.error = bytes.status().ToString();
    return loaded;
  }
  loaded.bytes = std::move(*bytes);
  auto file = defcoop::ingest::ParseSipri(loaded.bytes, path);
  if (!file.ok()) {
    loaded.error = file.status().ToString();
    return loaded;
  }
  loaded.file = std::move(*file);
  loaded.keyed = loaded.file.transfers;
  for (defcoop::Transfer& transfer : loaded.keyed) {
    transfer.supplier_id = transfer.supplier_name;
    transfer.recipient_id = transfer.recipient_name;
  }
  return loaded;
}

const LoadedRegister& OldRegister() {
  static const LoadedRegister kLoaded = Load(kOldRegisterPath);
  return kLoaded;
}

const LoadedRegister& NewRegister() {
  static const LoadedRegister kLoaded = Load(kNewRegisterPath);
  return kLoaded;
}

// Skips the benchmark with the reason when the register could not be loaded.
bool Usable(benchmark::State& state, const LoadedRegister& loaded) {
  if (loaded.error.empty()) return true;
  state.SkipWithError(loaded.error.c_str());
  return false;
}

void ReportParse(benchmark::State& state, const LoadedRegister& loaded) {
  const auto iterations = static_cast<int64_t>(state.iterations());
  state.SetBytesProcessed(iterations * static_cast<int64_t>(loaded.bytes.size()));
  state.SetItemsProcessed(iterations * loaded.file.records_read);
  state.counters["records"] = loaded.file.records_read;
  state.counters["transfers"] = static_cast<double>(loaded.file.transfers.size());
  state.counters["problems"] = static_cast<double>(loaded.file.problems.size());
}

void BM_ParseOldRegister(benchmark::State& state) {
  const LoadedRegister& loaded = OldRegister();
  if (!Usable(state, loaded)) return;
  for (auto _ : state) {
    auto file = defcoop::ingest::ParseSipri(loaded.bytes, kOldRegisterPath);
    benchmark::DoNotOptimize(file);
  }
  ReportParse(state, loaded);
}
BENCHMARK(BM_ParseOldRegister)->Unit(benchmark::kMillisecond);

void BM_ParseNewRegister(benchmark::State& state) {
  const LoadedRegister& loaded = NewRegister();
  if (!Usable(state, loaded)) return;
  for (auto _ : state) {
    auto file = defcoop::ingest::ParseSipri(loaded.bytes, kNewRegisterPath);
    benchmark::DoNotOptimize(file);
  }
  ReportParse(state, loaded);
}
BENCHMARK(BM_ParseNewRegister)->Unit(benchmark::kMillisecond);

void RunAggregate(benchmark::State& state, const std::vector<defcoop::analysis::TivGroup>& by) {
  const LoadedRegister& loaded = OldRegister();
  if (!Usable(state, loaded)) return;
  const std::vector<defcoop::Transfer>& transfers = loaded.keyed;
  size_t rows = 0;
  for (auto _ : state) {
    auto result = defcoop::analysis::AggregateTiv(transfers, {}, by);
    rows = result.size();
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(transfers.size()));
  state.counters["rows"] = static_cast<double>(rows);
}

void BM_AggregateTivByDyad(benchmark::State& state) {
  RunAggregate(state,
               {defcoop::analysis::TivGroup::kSupplier, defcoop::analysis::TivGroup::kRecipient});
}
BENCHMARK(BM_AggregateTivByDyad)->Unit(benchmark::kMillisecond);

void BM_AggregateTivByYear(benchmark::State& state) {
  RunAggregate(state, {defcoop::analysis::TivGroup::kYear});
}
BENCHMARK(BM_AggregateTivByYear)->Unit(benchmark::kMillisecond);

void BM_SupplierSharesOneRecipient(benchmark::State& state) {
  const LoadedRegister& loaded = OldRegister();
  if (!Usable(state, loaded)) return;
  const std::set<std::string> recipients = {kSharesRecipient};
  size_t suppliers = 0;
  double total = 0;
  for (auto _ : state) {
    auto table = defcoop::analysis::SupplierShares(loaded.keyed, recipients, kSharesYears);
    suppliers = table.rows.size();
    total = table.total;
    benchmark::DoNotOptimize(table);
  }
  state.counters["suppliers"] = static_cast<double>(suppliers);
  state.counters["total_tiv"] = total;
}
BENCHMARK(BM_SupplierSharesOneRecipient)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
