"""Writes the section "## Server load" at the end of docs/performance.md from the results
bench/load leaves in build-bench/load-results.

Reads wrk's figures (the "LOADJSON" line of bench/load's Lua script), the server's CPU
time per run, the RSS samples of the soak and how each server instance ended. Replaces
the section if the file has it (it is always the last one), else appends it; leaves
everything above it as it is. Reports; checks no timing. Run by bench/load with Debian's
/usr/bin/python3.
"""

import argparse
import datetime
import json
import os
import platform
import re
from pathlib import Path

from report import first_match, run  # bench/report.py: the same machine lines as bench/run

SECTION = "## Server load"
# The target for a country page on the full register.
TARGET_P99_US = 20_000
# The soak's memory counts as flat when its last sample is within this share of its first
# and no sample exceeds the first by more than twice that (allocator pools settle, leaks grow).
FLAT_SHARE = 0.05
# A run "stalls" when its median is this many times that of one request alone while the
# server's CPUs idle: requests wait on something other than computation.
STALL_FACTOR = 3
STALL_MAX_CPU_SHARE = 0.7
# The longest a request alone may take for queueing, not computation, to explain a miss.
ALONE_FAST_US = 10_000


def ms(us):
    """Microseconds as a short human figure."""
    if us >= 1_000_000:
        return f"{us / 1e6:.2f} s"
    if us >= 100_000:
        return f"{us / 1000:.0f} ms"
    if us >= 10_000:
        return f"{us / 1000:.1f} ms"
    return f"{us / 1000:.2f} ms"


def mib(kib):
    return f"{kib / 1024:.1f} MiB"


def wrk_figures(path):
    for line in Path(path).read_text(errors="replace").splitlines():
        if line.startswith("LOADJSON "):
            return json.loads(line[len("LOADJSON "):])
    return None  # wrk did not finish (it printed why in the same file)


def read_tsv(path):
    text = Path(path).read_text() if Path(path).exists() else ""
    return [line.split("\t") for line in text.splitlines() if line]


class Run:
    """One wrk run: a row of runs.tsv and the figures of its output file."""

    def __init__(self, results, row, nproc):
        self.phase, self.label, out, cpu, self.server, self.state = row
        self.out = out
        self.cpu_seconds = float(cpu)
        self.figures = wrk_figures(results / out)
        self.nproc = nproc
        self.tail = ""
        if self.figures is None:
            lines = (results / out).read_text(errors="replace").strip().splitlines()
            self.tail = lines[-1] if lines else "no output"

    @property
    def ok(self):
        return self.figures is not None

    def latency(self, key):
        return self.figures["latency_us"][key]

    def seconds(self):
        return self.figures["duration_us"] / 1e6

    def rate(self):
        return self.figures["requests"] / self.seconds()

    def socket_errors(self):
        errors = self.figures["errors"]
        return sum(errors[key] for key in ("connect", "read", "write", "timeout"))

    def cpu_share(self):
        """Server CPU time over the run, as a share of all the machine's CPUs."""
        return self.cpu_seconds / (self.seconds() * self.nproc)

    def errors_text(self):
        errors = self.figures["errors"]
        parts = [f"{key} {errors[key]}" for key in ("connect", "read", "write", "timeout")
                 if errors[key]]
        return ", ".join(parts) if parts else "0"


def endpoint_table(runs, deaths):
    out = ["| endpoint | requests/s | p50 | p90 | p99 | max | non-2xx | socket errors "
           "| server CPU | server |",
           "|---|---|---|---|---|---|---|---|---|---|"]
    for item in runs:
        server = "ok" if item.state == "alive" else f"died: {deaths.get(item.server, '?')}"
        if not item.ok:
            out.append(f"| `{item.label}` | wrk failed: {item.tail} | | | | | | | | {server} |")
            continue
        out.append(
            f"| `{item.label}` | {item.rate():,.0f} | {ms(item.latency('p50'))} | "
            f"{ms(item.latency('p90'))} | {ms(item.latency('p99'))} | {ms(item.latency('max'))} | "
            f"{item.figures['non2xx']} | {item.errors_text()} | {item.cpu_share():.0%} | {server} |")
    return out


def machine(args, results):
    mem_kib = int(first_match("/proc/meminfo", r"^MemTotal:\s+(\d+) kB"))
    os_name = first_match("/etc/os-release", r'^PRETTY_NAME="?([^"\n]+)"?')
    return [
        ("Date", datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")),
        ("CPU", first_match("/proc/cpuinfo", r"^model name\s*:\s*(.+)$")),
        ("nproc", run(["nproc"])),
        ("Memory", f"{mem_kib / 1024 / 1024:.1f} GiB"),
        ("OS", f"{os_name}, Linux {platform.release()}"),
        ("Build", f"CMake Release (-O3 -DNDEBUG), `{args.build}/tools/defcoop`"),
        ("cpp-httplib", run(["dpkg-query", "-W", "-f=${Version}", "libcpp-httplib-dev"])),
        ("igraph", run(["dpkg-query", "-W", "-f=${Version}", "libigraph-dev"])),
        ("wrk", run(["dpkg-query", "-W", "-f=${Version}", "wrk"])),
        ("Load average (1, 5, 15 min)",
         f"{(results / 'loadavg-before').read_text().strip()} before, "
         f"{(results / 'loadavg-after').read_text().strip()} after"),
    ]


def rss_series(results):
    """(seconds, KiB or None) per soak sample, and the sample taken after wrk stopped."""
    samples, after = [], None
    for row in read_tsv(results / "rss.tsv"):
        value = int(row[1]) if len(row) > 1 and row[1] else None
        if row[0] == "after":
            after = value
        else:
            samples.append((int(row[0]), value))
    return samples, after


def soak_memory(samples):
    """Summary of the RSS samples while the server lived, and whether they are flat."""
    alive = [(t, kib) for t, kib in samples if kib is not None]
    if len(alive) < 2:
        return None
    values = [kib for _, kib in alive]
    first, last = values[0], values[-1]
    flat = (abs(last - first) <= FLAT_SHARE * first and max(values) <= first * (1 + 2 * FLAT_SHARE)
            and len(alive) == len(samples))
    half = values[len(values) // 2:]
    return {"first": first, "last": last, "max": max(values), "min": min(values),
            "second_half_growth": half[-1] - half[0], "flat": flat,
            "seconds": alive[-1][0], "died_after": None if len(alive) == len(samples) else alive[-1][0]}


def igraph_thread_safe():
    header = Path("/usr/include/igraph/igraph_threading.h")
    if not header.exists():
        return "unknown"
    found = re.search(r"#define IGRAPH_THREAD_SAFE (\d)", header.read_text())
    return found.group(1) if found else "unknown"


def reading(load, single, deaths_by_label, memory, nproc, connections):
    """Explanations the figures support; each one only when they show it."""
    out = []
    alone = {item.label: item for item in single if item.ok}
    stalled = []
    for item in load:
        one = alone.get(item.label)
        if not (item.ok and one) or item.label in deaths_by_label:
            continue
        if (one.latency("p50") < ALONE_FAST_US
                and item.latency("p50") > STALL_FACTOR * one.latency("p50")
                and item.cpu_share() < STALL_MAX_CPU_SHARE):
            stalled.append((item, one))
    if stalled:
        names = ", ".join(f"`{item.label.split('/')[-1]}` {ms(item.latency('p50'))} against "
                          f"{ms(one.latency('p50'))}" for item, one in stalled)
        out.append(
            f"- **Waiting, not computing.** On {len(stalled)} of {len(load)} endpoints the median "
            "request over keep-alive connections takes several times as long as one request "
            f"alone on a fresh connection ({names}), while the server uses well under its "
            f"{nproc} CPUs (column *server CPU*). Their latencies cluster around 40 ms, Linux's "
            "delayed-ACK timeout: cpp-httplib "
            f"{run(['dpkg-query', '-W', '-f=${Version}', 'libcpp-httplib-dev']).split('+')[0]} "
            "sends an answer's headers and body in two writes and leaves TCP_NODELAY off by "
            "default (`CPPHTTPLIB_TCP_NODELAY false`), so on a reused connection Nagle's "
            "algorithm holds the body until the client acknowledges the headers, which it "
            "delays by up to 40 ms. The first request of a connection is not delayed (the "
            "kernel acknowledges at once on a fresh connection), which is why one request per "
            "connection is fast. Browsers reuse connections, so a country page sees the stall. "
            "Turning TCP_NODELAY on (`server.set_tcp_nodelay(true)` in `src/server/server.cpp`) "
            "should remove it; this run does not test that.")
    slow = [item for item in single if item.ok and item.latency("p50") >= ALONE_FAST_US]
    if slow:
        names = ", ".join(f"`{item.label.split('/')[-1]}` {ms(item.latency('p50'))}"
                          for item in slow)
        out.append(
            f"- **Computation.** Alone, one request already takes at least 10 ms at the median: "
            f"{names}. Under load, with {connections} connections on {nproc} CPUs, each request "
            f"also waits for up to {connections // max(nproc, 1) - 1} others per CPU, so its "
            "p99 there is several times that; these answers are computed afresh per request "
            "(nothing caches them).")
    for label, message in deaths_by_label.items():
        text = (f"- **The server died** during `{label}` under {connections} concurrent "
                f"connections; its last words: `{message}`.")
        if "error.c" in message or "finally stack" in message:
            text += (
                " That is igraph's fatal-error path: Debian's libigraph is built with "
                f"`IGRAPH_THREAD_SAFE` {igraph_thread_safe()} (`igraph_threading.h`), so its "
                "error-handling stack and handlers are process-wide, and the server computes "
                "concurrent `network` requests on several threads at once; one thread's "
                "cleanup pops another's entries and igraph aborts the process. One request at a "
                "time does not crash it. Serialising the igraph work (a process-wide mutex in "
                "`src/analysis/network.cpp`) would avoid it.")
        out.append(text)
    if memory:
        if memory["flat"]:
            out.append(
                f"- **Memory** stayed flat over the soak: {mib(memory['first'])} at the start, "
                f"{mib(memory['last'])} at the end, {mib(memory['max'])} at most.")
        else:
            out.append(
                f"- **Memory** was not flat by this section's measure: {mib(memory['first'])} "
                f"at the start, {mib(memory['last'])} at the end, {mib(memory['max'])} at most; "
                f"over the second half it changed by {memory['second_half_growth'] / 1024:+.1f} "
                "MiB (a leak keeps growing there; an allocator filling its pools does not).")
    return out


def section(args):
    results = Path(args.results)
    nproc = os.cpu_count() or 1
    runs = [Run(results, row, nproc) for row in read_tsv(results / "runs.tsv")]
    load = [item for item in runs if item.phase == "load"]
    single = [item for item in runs if item.phase == "single"]
    soak = next((item for item in runs if item.phase == "soak"), None)
    servers = read_tsv(results / "servers.tsv")
    deaths = {row[0]: row[5] for row in servers if not row[4].startswith("SIGTERM")
              and not row[4].startswith("did not stop")}
    deaths_by_label = {}
    for item in runs:
        if item.state == "died":
            deaths_by_label.setdefault(item.label, deaths.get(item.server, "?"))
    soak_died = soak is not None and soak.server in deaths
    if soak_died:
        deaths_by_label.setdefault("the soak", deaths[soak.server])
    stop = next((row for row in servers if row[4].startswith(("SIGTERM", "did not stop"))), None)
    mix = (results / "soak-mix.txt").read_text().split()
    left_out = [item.label for item in load if item.label not in mix]
    _, stop_fresh = read_tsv(results / "soak-server.tsv")[0]
    samples, rss_after = rss_series(results)
    memory = soak_memory(samples)
    imported = json.loads((results / "import.json").read_text())["meta"]
    logged = dict(read_tsv(results / "logged-statuses.tsv"))
    warm_kib = (results / "rss-after-warm-up").read_text().strip()
    register = Path(args.register)

    out = [
        SECTION,
        "",
        "Generated by `bench/load` (not by `bench/run`, which rewrites everything above this "
        "section); do not edit by hand, run it again. One run on the machine below, whose "
        "CPUs wrk shares with the server: read the figures as orders of magnitude.",
        "",
        "| | |",
        "|---|---|",
    ]
    out += [f"| {key} | {value} |" for key, value in machine(args, results)]
    out += [
        "",
        f"Store: a fresh `defcoop init` (the curated `data/`) plus `defcoop import sipri "
        f"../shared/data/sipri/{register.parent.name}/{register.name}` ({imported['imported']:,} "
        f"of {imported['records_read']:,} records imported). Server: `defcoop --db STORE serve "
        "--host 127.0.0.1 --port 0 --web ''` (the API only, on the free loopback port the kernel "
        "gives it, one log line per request to a file), warmed up with three rounds of the "
        "requests below. Load: `wrk --latency` on 127.0.0.1 with a Lua script that counts "
        "non-2xx answers; *socket errors* are wrk's connect, read, write and timeout (over 2 "
        "s) errors; *server CPU* is the server's user + system time over the run as a share "
        f"of all {nproc} CPUs.",
        "",
        f"### Each endpoint under load: {args.connections} keep-alive connections, "
        f"{args.threads} wrk threads, {args.duration} s each",
        "",
    ]
    out += endpoint_table(load, deaths)
    out += [
        "",
        f"### Each endpoint alone: 1 connection, a new one per request (`Connection: close`), "
        f"{args.single_seconds} s each",
        "",
        "The latency of one request with nothing queued before it and no connection reuse.",
        "",
    ]
    out += endpoint_table(single, deaths)
    out += ["", f"### Soak: {args.soak_seconds} s of the endpoint mix", ""]
    mix_text = ", ".join(f"`{path.split('/')[-1]}`" for path in mix)
    soak_text = f"{len(mix)} endpoints requested in turn ({mix_text}) by {args.connections} " \
                f"keep-alive connections."
    if left_out:
        soak_text += (" Left out because it took the server down above (the soak would have "
                      "ended within seconds): " + ", ".join(f"`{label}`" for label in left_out) + ".")
    out.append(soak_text)
    out.append("")
    if soak and soak.ok:
        out.append(
            f"{soak.figures['requests']:,} requests, {soak.rate():,.0f}/s; latency p50 "
            f"{ms(soak.latency('p50'))}, p90 {ms(soak.latency('p90'))}, p99 "
            f"{ms(soak.latency('p99'))}, max {ms(soak.latency('max'))}; non-2xx "
            f"{soak.figures['non2xx']}; socket errors {soak.errors_text()}; server CPU "
            f"{soak.cpu_share():.0%}; the server {'died' if soak_died else 'stayed up'}.")
    elif soak:
        out.append(f"wrk did not finish: {soak.tail}")
    out.append("")
    if memory:
        series = " ".join(f"{kib / 1024:.1f}" if kib is not None else "dead" for _, kib in samples)
        out.append(
            f"Server RSS (VmRSS), sampled every {args.rss_every} s: first {mib(memory['first'])}, "
            f"last {mib(memory['last'])}, max {mib(memory['max'])}, min {mib(memory['min'])} "
            f"(after the warm-up, before any load: {mib(int(warm_kib))}"
            + (f"; once wrk had stopped: {mib(rss_after)}" if rss_after else "") + "). "
            f"Flat by this section's measure (last within {FLAT_SHARE:.0%} of first, none above "
            f"it by more than {2 * FLAT_SHARE:.0%}): {'yes' if memory['flat'] else 'no'}. "
            f"The series, MiB: {series}.")
        if memory["died_after"] is not None:
            out.append("")
            out.append(f"The server died after the {memory['died_after']} s sample.")
    else:
        out.append("No RSS series: the server died before a second sample.")
    out.append("")
    if stop:
        code = stop[3]
        out.append(
            f"Stop: SIGTERM to the {'soak' if stop_fresh == 'no' else 'fresh (the soak one had died)'} "
            f"server; it {stop[4].replace('SIGTERM after', 'exited after')} with code {code} "
            f"({'clean' if code == '0' else 'NOT clean'}).")
    all_runs = [item for item in runs if item.ok]
    non2xx = sum(item.figures["non2xx"] for item in all_runs)
    socket = sum(item.socket_errors() for item in all_runs)
    logged_text = ", ".join(f"{status} {int(count):,}" for status, count in sorted(logged.items()))
    out += [
        "",
        f"All runs together: {non2xx} non-2xx answers, {socket} socket errors, "
        f"{len(deaths)} server death(s). The server's own log counted by status: {logged_text}.",
        "",
        "### Against the target",
        "",
    ]
    misses = [item for item in load if not item.ok or item.latency("p99") >= TARGET_P99_US]
    met_latency = not misses
    met_errors = non2xx == 0 and socket == 0 and not deaths and stop is not None and stop[3] == "0"
    met_memory = bool(memory and memory["flat"])
    verdict = []
    if met_latency:
        verdict.append(f"p99 was under 20 ms on all {len(load)} endpoints")
    else:
        names = ", ".join(f"`{item.label.split('/')[-1]}` "
                          f"{ms(item.latency('p99')) if item.ok else 'no figure'}" for item in misses)
        verdict.append(f"p99 was 20 ms or more on {len(misses)} of {len(load)} endpoints ({names})")
    if met_errors:
        verdict.append("there were no errors and the server stopped cleanly")
    else:
        problems = []
        if non2xx:
            problems.append(f"{non2xx} non-2xx answers")
        if socket:
            problems.append(f"{socket} socket errors")
        if deaths:
            problems.append(f"{len(deaths)} server crash(es)")
        if not stop or stop[3] != "0":
            problems.append("an unclean stop")
        verdict.append("there were " + ", ".join(problems))
    verdict.append("memory was flat over the soak" if met_memory else "memory was not shown flat")
    met = met_latency and met_errors and met_memory
    out.append(
        f"The issue's target (p99 under 20 ms for the country-page endpoints on the full "
        f"register, no errors, flat memory over a five-minute run) was "
        f"{'met' if met else 'not met'} in this run: " + "; ".join(verdict) + "."
        + ("" if args.soak_seconds >= 300 else
           f" The soak lasted {args.soak_seconds} s, shorter than the five minutes asked."))
    notes = reading(load, single, deaths_by_label, memory, nproc, args.connections)
    if notes:
        out += ["", "### Reading the figures", ""] + notes
    out += [
        "",
        "### Reproduce",
        "",
        "```sh",
        "bench/load                    # installs wrk and curl if missing, builds build-bench/, "
        "writes this section",
        "SOAK_SECONDS=60 bench/load    # a shorter soak; also DURATION, SINGLE_SECONDS, "
        "CONNECTIONS, THREADS",
        "```",
        "",
        f"This run of `bench/load` took {args.elapsed} s. Raw results: "
        f"`{args.build}/load-results/` (wrk output, RSS samples, server logs).",
        "",
    ]
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    for name in ("--results", "--build", "--register", "--out"):
        parser.add_argument(name, required=True)
    for name in ("--duration", "--single-seconds", "--connections", "--threads",
                 "--soak-seconds", "--rss-every", "--elapsed"):
        parser.add_argument(name, type=int, required=True)
    args = parser.parse_args()

    path = Path(args.out)
    text = path.read_text() if path.exists() else "# Performance\n"
    at = text.find("\n" + SECTION + "\n")
    head = text[:at + 1] if at >= 0 else text
    if not head.endswith("\n\n"):
        head = head.rstrip("\n") + "\n\n"
    path.write_text(head + "\n".join(section(args)))


if __name__ == "__main__":
    main()
