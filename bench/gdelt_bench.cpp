// Parse speed of the GDELT reader on the real 2.0 export (2,111 rows, 61 fields), held in
// memory and parsed whole per iteration, against the physical limit of touching every
// byte once (finding the line ends with memchr). One core; bytes per second reported
// as MB/s by Google Benchmark. These are figures to read, not tests: nothing is asserted.
#include <benchmark/benchmark.h>

#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "defcoop/ingest/gdelt.h"

namespace {

const std::string kExport = DEFCOOP_SHARED_DATA_DIR "/gdelt/events_v2/20191024143000.export.CSV";
const std::string kHeaderExport =
    DEFCOOP_SHARED_DATA_DIR "/gdelt/events_v2/events2samps_gdeltPyR.csv";

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void ParseFile(benchmark::State& state, const std::string& path) {
  std::string bytes = Slurp(path);
  int64_t rows = 0;
  defcoop::ingest::GdeltSink sink{[&](defcoop::GdeltEvent&&) { ++rows; }, nullptr};
  for (auto _ : state) {
    auto read = defcoop::ingest::ParseGdelt(bytes, path, sink);
    benchmark::DoNotOptimize(read);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes.size()));
  state.counters["rows/s"] =
      benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsRate);
}

void BM_ParseRawExport(benchmark::State& state) { ParseFile(state, kExport); }
void BM_ParseHeaderExport(benchmark::State& state) { ParseFile(state, kHeaderExport); }

// The floor: every byte read once, line ends found.
void BM_TouchBytes(benchmark::State& state) {
  std::string bytes = Slurp(kExport);
  for (auto _ : state) {
    size_t lines = 0;
    const char* at = bytes.data();
    const char* end = at + bytes.size();
    while ((at = static_cast<const char*>(std::memchr(at, '\n', end - at))) != nullptr) {
      ++lines;
      ++at;
    }
    benchmark::DoNotOptimize(lines);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes.size()));
}

BENCHMARK(BM_ParseRawExport);
BENCHMARK(BM_ParseHeaderExport);
BENCHMARK(BM_TouchBytes);

}  // namespace

BENCHMARK_MAIN();
