"""Writes docs/performance.md from the results bench/run leaves in build-bench/bench-results.

Reads Google Benchmark's JSON (the library), hyperfine's JSON (whole commands) and the
untimed check of what each tool loaded, and describes the machine. It reports; it
checks no timing. Run by bench/run with Debian's /usr/bin/python3.
"""

import argparse
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
from pathlib import Path

# What each library benchmark times (bench/sipri_bench.cpp).
LIBRARY_WHAT = {
    "BM_ParseOldRegister": "`ParseSipri` on the largest register (old format, Latin-1, 4 MB)",
    "BM_ParseNewRegister": "`ParseSipri` on the new-format register (nagehanrdogan, 2.7 MB)",
    "BM_AggregateTivByDyad": "`AggregateTiv` by supplier + recipient, all years",
    "BM_AggregateTivByYear": "`AggregateTiv` by year, all years",
    "BM_SupplierSharesOneRecipient": "`SupplierShares` for Azerbaijan, 2011-2020",
}


def run(command):
    """First line of a command's output, or "unknown" when it cannot be run."""
    try:
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        return out.strip().splitlines()[0] if out.strip() else "unknown"
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def first_match(path, pattern):
    text = Path(path).read_text(errors="replace")
    found = re.search(pattern, text, re.MULTILINE)
    return found.group(1).strip() if found else "unknown"


def compiler(build):
    cache = Path(build) / "CMakeCache.txt"
    path = first_match(cache, r"^CMAKE_CXX_COMPILER:\w+=(.+)$")
    return f"{run([path, '--version'])} ({path})"


def machine(args):
    mem_kib = int(first_match("/proc/meminfo", r"^MemTotal:\s+(\d+) kB"))
    os_name = first_match("/etc/os-release", r'^PRETTY_NAME="?([^"\n]+)"?')
    results = Path(args.results)
    return [
        ("Date", datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")),
        ("CPU", first_match("/proc/cpuinfo", r"^model name\s*:\s*(.+)$")),
        ("nproc", run(["nproc"])),
        ("Memory", f"{mem_kib / 1024 / 1024:.1f} GiB"),
        ("OS", f"{os_name}, Linux {platform.release()}"),
        ("Compiler", compiler(args.build)),
        ("Build", "CMake Release (-O3 -DNDEBUG), `-DDEFCOOP_BUILD_BENCHMARKS=ON`"),
        ("Store filesystem", run(["findmnt", "-n", "-o", "FSTYPE", "-T",
                                  str(Path(args.build).resolve())])),
        ("Load average (1, 5, 15 min)",
         f"{(results / 'loadavg-before').read_text().strip()} before, "
         f"{(results / 'loadavg-after').read_text().strip()} after"),
        ("hyperfine", run(["hyperfine", "--version"])),
        ("sqlite3 shell", run(["sqlite3", "--version"]).split(" ")[0]),
        ("SQLite library (defcoop)", run(["dpkg-query", "-W", "-f=${Version}", "libsqlite3-0"])),
        ("Python, pandas", f"{run(['/usr/bin/python3', '--version'])}, pandas "
                           f"{(results / 'pandas-count.txt').read_text().split()[2]}"),
        ("Google Benchmark", run(["dpkg-query", "-W", "-f=${Version}", "libbenchmark-dev"])),
    ]


def library_rows(path):
    """Per benchmark: unit, per-repetition real times, iterations, last counters."""
    data = json.loads(Path(path).read_text())
    rows = {}
    for bench in data["benchmarks"]:
        if bench.get("run_type") != "iteration":
            continue
        row = rows.setdefault(bench["run_name"],
                              {"times": [], "cpu_times": [], "unit": bench["time_unit"]})
        row["times"].append(bench["real_time"])
        row["cpu_times"].append(bench["cpu_time"])
        row["iterations"] = bench["iterations"]
        row["bench"] = bench
    return data["context"], rows


def spread(values):
    return statistics.stdev(values) if len(values) > 1 else 0.0


def library_detail(bench):
    details = []
    if "bytes_per_second" in bench:
        details.append(f"{bench['bytes_per_second'] / 1e6:.0f} MB/s")
    if "records" in bench:
        details.append(f"{bench['records']:,.0f} records, {bench['transfers']:,.0f} transfers, "
                       f"{bench['problems']:.0f} problems")
    if "rows" in bench:
        details.append(f"{bench['rows']:,.0f} rows")
    if "suppliers" in bench:
        details.append(f"{bench['suppliers']:.0f} suppliers, {bench['total_tiv']:,.0f} TIV")
    return "; ".join(details)


def library_table(rows):
    lines = ["| benchmark | what | mean ± σ | min | CPU time (mean) | iterations / repetition "
             "| result |", "|---|---|---|---|---|---|---|"]
    for name, row in rows.items():
        times, unit = row["times"], row["unit"]
        lines.append(f"| `{name}` | {LIBRARY_WHAT.get(name, '')} | "
                     f"{statistics.mean(times):.3g} ± {spread(times):.2g} {unit} | "
                     f"{min(times):.3g} {unit} | {statistics.mean(row['cpu_times']):.3g} {unit} | "
                     f"{row['iterations']} | {library_detail(row['bench'])} |")
    return lines


def ms(seconds):
    return f"{seconds * 1000:.1f} ms"


def command_table(results):
    lines = ["| command | mean ± σ | min | max | user | system |", "|---|---|---|---|---|---|"]
    for result in results:
        lines.append(f"| {result['command']} | {ms(result['mean'])} ± {ms(result['stddev'])} | "
                     f"{ms(result['min'])} | {ms(result['max'])} | {ms(result['user'])} | "
                     f"{ms(result['system'])} |")
    return lines


def command_list(path):
    """The exact commands, from the table bench/run writes (name, prepare, command)."""
    lines = ["```sh"]
    for row in Path(path).read_text().splitlines():
        name, prepare, command = row.split("\t")
        lines.append(f"# {name}" + ("" if prepare == "true" else f"; before each run: {prepare}"))
        lines.append(command)
    lines.append("```")
    return lines


def result_of(results, prefix):
    for result in results:
        if result["command"].startswith(prefix):
            return result
    raise KeyError(f"no hyperfine result named '{prefix}...'")


def mean_of(results, prefix):
    return result_of(results, prefix)["mean"]


def cpu_of(results, prefix):
    """Mean user + system time: less disturbed than wall time by other processes."""
    result = result_of(results, prefix)
    return result["user"] + result["system"]


def times_as(a, b):
    """The ratio a / b as "3.2×" (below 1 when a is the faster)."""
    return f"{a / b:.1f}×"


def comparison(results, lib, load_before):
    defcoop_import = mean_of(results, "defcoop import")
    sqlite = mean_of(results, "sqlite3")
    pandas = mean_of(results, "pandas read_csv")
    startup = mean_of(results, "python3 -c 'import pandas'")
    suppliers = mean_of(results, "defcoop suppliers")
    dyad = mean_of(results, "defcoop tiv --by dyad")
    parse_ms = statistics.mean(lib["BM_ParseOldRegister"]["times"])
    dyad_ms = statistics.mean(lib["BM_AggregateTivByDyad"]["times"])
    shares_us = statistics.mean(lib["BM_SupplierSharesOneRecipient"]["times"])
    return [
        f"Loading the 4 MB register, `defcoop import` ({ms(defcoop_import)}) takes "
        f"{times_as(defcoop_import, sqlite)} the time of the sqlite3 shell's `.import` "
        f"({ms(sqlite)}) and {times_as(defcoop_import, pandas)} that of the pandas command "
        f"({ms(pandas)}, of which {ms(startup)} is starting Python and importing pandas; the "
        f"difference, {ms(pandas - startup)}, is only a rough figure for `read_csv` itself, "
        "being the difference of two noisy means). In CPU time (user + system), which other "
        f"processes disturb less: defcoop {ms(cpu_of(results, 'defcoop import'))}, sqlite3 "
        f"{ms(cpu_of(results, 'sqlite3'))}, pandas {ms(cpu_of(results, 'pandas read_csv'))} "
        f"(start-up alone {ms(cpu_of(results, 'python3 -c'))}). They do not do the same work. "
        "sqlite3 splits lines at commas into untyped TEXT columns of an in-memory database: "
        "it keeps the Latin-1 bytes as they are (invalid UTF-8 in the table), renames the "
        "three blank-named `?` columns, checks nothing and writes nothing to disk. pandas "
        "decodes Latin-1 and infers a type per column, in memory only. `defcoop import` "
        "detects the format, converts Latin-1 to UTF-8, validates and types every field "
        "(listing each rejected record with its line), joins records split by a stray "
        "newline (none in this file; 4 in the ColasDroin register), spreads old-format "
        "deliveries over their years, resolves every supplier and recipient spelling to an "
        "actor id through the name index it builds from the curated store, and writes the "
        "transfers, their deliveries and the file's provenance to an SQLite file on disk "
        "in one transaction.",
        "",
        f"Parsing alone takes {parse_ms:.0f} ms in the library benchmark (file already in "
        f"memory), {parse_ms / 1000 / defcoop_import:.0%} of the command's "
        f"{ms(defcoop_import)}; the rest goes to steps this run does not time one by one: "
        "process start, reading the file, loading the curated data and building the name "
        "index, resolving names, and the SQLite transaction.",
        "",
        f"The query commands take {ms(suppliers)} (`suppliers`) and {ms(dyad)} "
        f"(`tiv --by dyad`), while the computation inside them takes {shares_us:.0f} µs "
        "per `SupplierShares` (`suppliers` calls it twice: the years asked for and the "
        f"window before) and {dyad_ms:.1f} ms for `AggregateTiv` by dyad, on transfers "
        "already in memory. The difference is what each command does first and last: "
        "loading all 29,916 transfers of the vintage and the curated data from SQLite, "
        "building the name index, and printing the table. A store that answers many "
        "queries in one process would pay that once; the CLI pays it per command.",
    ] + load_note(load_before)


def load_note(load_before):
    """A warning when the machine was busier than it has CPUs during the run."""
    one_minute = float(load_before.split()[0])
    cpus = os.cpu_count() or 1
    if one_minute < cpus:
        return []
    return ["", f"During this run the load average ({one_minute:.1f}) was at or above the "
            f"number of CPUs ({cpus}): other processes competed for them, so wall-clock "
            "times include waiting and vary from run to run (see σ and max); the minima and "
            "the CPU times are the steadier figures."]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    for name in ("--results", "--build", "--register", "--out"):
        parser.add_argument(name, required=True)
    parser.add_argument("--runs", type=int, required=True)
    parser.add_argument("--repetitions", type=int, required=True)
    parser.add_argument("--elapsed", type=int, required=True, help="seconds bench/run has taken")
    args = parser.parse_args()
    results_dir = Path(args.results)

    context, lib = library_rows(results_dir / "library.json")
    commands = json.loads((results_dir / "commands.json").read_text())["results"]
    imported = json.loads((results_dir / "defcoop-import.json").read_text())["meta"]
    stored = json.loads((results_dir / "defcoop-count.json").read_text())["rows"][0]["transfers"]
    sqlite_rows = (results_dir / "sqlite-count.txt").read_text().strip()
    pandas_rows, pandas_cols, _ = (results_dir / "pandas-count.txt").read_text().split()
    register = Path(args.register)
    register_name = f"{register.parent.name}/{register.name}"

    out = [
        "# Performance",
        "",
        "Generated by `bench/run`; do not edit by hand, run it again. Figures from one run on "
        "the machine below: read them as orders of magnitude, not as guarantees. Nothing in "
        "the project asserts a timing.",
        "",
        f"Data: `../shared/data/sipri/{register_name}`, the largest SIPRI register "
        f"({register.stat().st_size / 1e6:.1f} MB, old format, Latin-1, 11 preamble lines). "
        "The library benchmark also parses a new-format register (nagehanrdogan, 2.7 MB). "
        "Information from the SIPRI Arms Transfers "
        "Database; the data is not in this repository.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
    ]
    out += [f"| {key} | {value} |" for key, value in machine(args)]
    out += [
        "",
        "The machine is shared with other builds, so the load average above is part of the "
        "result. Google Benchmark (Debian's libbenchmark, compiled without NDEBUG) prints "
        f"`Library was built as DEBUG` (context: `{context.get('library_build_type', '?')}`); "
        "that concerns the harness, not the code it times, which is built in Release here.",
        "",
        "## Library (Google Benchmark, `build-bench/bench/defcoop_sipri_bench`)",
        "",
        f"Wall-clock time per iteration; mean ± σ and min over {args.repetitions} repetitions. "
        "The file is read once before the timed loop. The analysis benchmarks run on the "
        "parsed old-format register, with actor ids set to SIPRI's spellings (the CLI sets "
        "them by resolving names).",
        "",
    ]
    out += library_table(lib)
    out += [
        "",
        f"## Whole commands (hyperfine, {args.runs} runs each after 2 warm-up runs)",
        "",
        "`defcoop import` is timed alone: before each run, `--prepare` makes a fresh store "
        "holding only the curated data (`defcoop init`). `suppliers` and `tiv` read a store "
        "holding the curated data and this register. Output goes to /dev/null.",
        "",
    ]
    out += command_table(commands)
    out += ["", "The commands, as run (hyperfine runs each through `sh -c` and subtracts the "
            "shell's own start-up time):", ""]
    out += command_list(results_dir / "commands.tsv")
    out += [
        "",
        "What each tool loaded (checked once, untimed): `defcoop import` read "
        f"{imported['records_read']:,} records, imported {imported['imported']:,}, rejected "
        f"{imported['rejected']}, repaired {imported['repaired']}, left "
        f"{imported['unresolved_names']} name(s) unresolved, and the store holds {int(stored):,} "
        f"transfers; sqlite3 made {int(sqlite_rows):,} rows; pandas a frame of "
        f"{int(pandas_rows):,} rows × {pandas_cols} columns.",
        "",
        "## Reading the figures",
        "",
    ]
    out += comparison(commands, lib, (results_dir / "loadavg-before").read_text())
    out += [
        "",
        "## Reproduce",
        "",
        "```sh",
        "bench/run   # installs what is missing (hyperfine, python3-pandas, sqlite3), builds "
        "build-bench/, writes this file",
        "```",
        "",
        f"This run of `bench/run` took {args.elapsed} s, installing and building included. "
        "Raw results: `build-bench/bench-results/` (Google Benchmark and hyperfine JSON).",
        "",
    ]
    # bench/query-scaling's "## Query scaling" and bench/load's "## Server load" sections
    # come after this script's: keep them.
    previous = Path(args.out).read_text() if Path(args.out).exists() else ""
    starts = [previous.find(f"\n## {name}") for name in ("Query scaling", "Server load")]
    starts = [at for at in starts if at >= 0]
    kept = previous[min(starts):] if starts else ""
    Path(args.out).write_text("\n".join(out).rstrip("\n") + "\n" + kept)


if __name__ == "__main__":
    main()
