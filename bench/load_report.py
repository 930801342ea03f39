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
# The target for a country page on the full register: p99 under 20 ms.
TARGET_P99_US = 20_000
# The soak's memory counts as flat when its last sample is within this share of its first
# and no sample exceeds the first by more than twice that (allocator pools settle, leaks grow).
FLAT_SHARE = 0.05
# A run "waits" when its median is this many times that of one request alone while the
# server's CPUs are mostly idle: requests wait on something other than computation.
WAIT_FACTOR = 3
WAIT_MAX_CPU_SHARE = 0.7
# Linux's delayed ACK holds an acknowledgement up to 40 ms; medians in this band point at it.
DELAYED_ACK_BAND_US = (34_000, 50_000)
# One request alone slower than this cannot meet the target once a few queue before it.
ALONE_SLOW_US = 10_000


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


def plural(count, word, words=None):
    return f"{count:,} " + (word if count == 1 else words or word + "s")


TARGET_TEXT = f"{TARGET_P99_US // 1000} ms"


def short(label):
    return label.split("/")[-1]


def read_tsv(path):
    text = Path(path).read_text() if Path(path).exists() else ""
    return [line.split("\t") for line in text.splitlines() if line]


def wrk_figures(path):
    for line in Path(path).read_text(errors="replace").splitlines():
        if line.startswith("LOADJSON "):
            return json.loads(line[len("LOADJSON "):])
    return None  # wrk did not finish (it printed why in the same file)


class Server:
    """One server instance, as bench/load's servers.tsv says it ended."""

    def __init__(self, row):
        self.instance, self.pid, self.port, code, self.how = row[:5]
        self.code = int(code)
        self.words = row[5] if len(row) > 5 else ""

    @property
    def died(self):
        return self.how.startswith("died")

    @property
    def stopped(self):
        return not self.died

    def signal(self):
        found = re.search(r"\((SIG\w+)\)", self.how)
        return found.group(1) if found else f"exit code {self.code}"


class Run:
    """One wrk run: a row of runs.tsv and the figures of its output file."""

    def __init__(self, results, row, nproc):
        self.phase, self.label, out, cpu, self.server, self.state = row
        self.cpu_seconds = float(cpu) if cpu else None  # None: the server died during it
        self.figures = wrk_figures(results / out)
        self.nproc = nproc
        self.tail = ""
        if self.figures is None:
            lines = (results / out).read_text(errors="replace").strip().splitlines()
            self.tail = lines[-1] if lines else "no output"

    @property
    def ok(self):
        return self.figures is not None

    @property
    def died(self):
        return self.state == "died"

    @property
    def answered(self):
        """wrk finished and got at least one answer, so its latencies mean something."""
        return self.ok and self.figures["requests"] > 0

    def latency(self, key):
        return self.figures["latency_us"][key]

    def seconds(self):
        return self.figures["duration_us"] / 1e6

    def rate(self):
        return self.figures["requests"] / self.seconds()

    def rate_text(self):
        rate = self.rate()
        return f"{rate:,.0f}" if rate >= 10 else f"{rate:.1f} ({self.figures['requests']} in all)"

    def socket_errors(self):
        errors = self.figures["errors"]
        return sum(errors[key] for key in ("connect", "read", "write", "timeout"))

    def cpu_share(self):
        """Server CPU time over the run, as a share of all the machine's CPUs (or None)."""
        if self.cpu_seconds is None:
            return None
        return self.cpu_seconds / (self.seconds() * self.nproc)

    def cpu_text(self):
        share = self.cpu_share()
        return "n/a" if share is None else f"{share:.0%}"

    def errors_text(self):
        errors = self.figures["errors"]
        parts = [f"{key} {errors[key]:,}" for key in ("connect", "read", "write", "timeout")
                 if errors[key]]
        return ", ".join(parts) if parts else "0"


def endpoint_table(runs, servers):
    out = ["| endpoint | requests/s | p50 | p90 | p99 | max | non-2xx | socket errors "
           "| server CPU | server |",
           "|---|---|---|---|---|---|---|---|---|---|"]
    for item in runs:
        server = "ok"
        if item.died:
            ended = servers.get(item.server)
            server = f"**died** ({ended.signal()})" if ended else "**died**"
        if not item.ok:
            out.append(f"| `{item.label}` | wrk failed: {item.tail} | | | | | | | | {server} |")
            continue
        if not item.answered:
            out.append(f"| `{item.label}` | 0 | no answer | | | | {item.figures['non2xx']:,} | "
                       f"{item.errors_text()} | {item.cpu_text()} | {server} |")
            continue
        out.append(
            f"| `{item.label}` | {item.rate_text()} | {ms(item.latency('p50'))} | "
            f"{ms(item.latency('p90'))} | {ms(item.latency('p99'))} | {ms(item.latency('max'))} | "
            f"{item.figures['non2xx']:,} | {item.errors_text()} | {item.cpu_text()} | {server} |")
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
        ("cpp-httplib", package_version("libcpp-httplib-dev")),
        ("igraph", package_version("libigraph-dev")),
        ("wrk", package_version("wrk")),
        ("Load average (1, 5, 15 min)",
         f"{(results / 'loadavg-before').read_text().strip()} before, "
         f"{(results / 'loadavg-after').read_text().strip()} after"),
    ]


def package_version(package):
    return run(["dpkg-query", "-W", "-f=${Version}", package])


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
    complete = len(alive) == len(samples)
    flat = (complete and abs(last - first) <= FLAT_SHARE * first
            and max(values) <= first * (1 + 2 * FLAT_SHARE))
    half = values[len(values) // 2:]
    return {"first": first, "last": last, "max": max(values), "min": min(values),
            "second_half_change": half[-1] - half[0], "flat": flat,
            "died_after": None if complete else alive[-1][0]}


def igraph_thread_safe():
    header = Path("/usr/include/igraph/igraph_threading.h")
    if not header.exists():
        return "unknown"
    found = re.search(r"#define IGRAPH_THREAD_SAFE (\d)", header.read_text())
    return found.group(1) if found else "unknown"


def reading(load, single, servers, memory, nproc, connections):
    """Why each endpoint that misses the target misses it, as far as the figures show."""
    out = []
    alone = {item.label: item for item in single if item.ok}
    waiting, slow, busy = [], [], []
    for item in load:
        one = alone.get(item.label)
        if item.died or not item.answered or not one or not one.answered \
                or item.latency("p99") < TARGET_P99_US:
            continue
        share = item.cpu_share() or 0
        if one.latency("p50") >= ALONE_SLOW_US:
            slow.append((item, one))
        elif item.latency("p50") > WAIT_FACTOR * one.latency("p50") and share < WAIT_MAX_CPU_SHARE:
            waiting.append((item, one))
        else:
            busy.append((item, one))
    if waiting:
        names = ", ".join(f"`{short(item.label)}` {ms(item.latency('p50'))} against "
                          f"{ms(one.latency('p50'))}" for item, one in waiting)
        text = (f"- **Waiting, not computing** ({len(waiting)} of {len(load)} endpoints). Over "
                "keep-alive connections the median request takes many times as long as one "
                f"request alone on a fresh connection ({names}), while the server keeps well "
                f"under its {nproc} CPUs busy (column *server CPU*).")
        low, high = DELAYED_ACK_BAND_US
        near_40 = [item for item, _ in waiting if low <= item.latency("p50") <= high]
        if 2 * len(near_40) >= len(waiting):
            text += (
                " The medians sit near 40 ms, Linux's delayed-ACK timeout. cpp-httplib "
                f"{package_version('libcpp-httplib-dev').split('+')[0]} writes an answer's "
                "headers and its body in two sends and leaves TCP_NODELAY off by default "
                "(`CPPHTTPLIB_TCP_NODELAY false`): on a reused connection, Nagle's algorithm "
                "holds the body back until the client acknowledges the headers, and the client "
                "delays that acknowledgement by up to 40 ms. A fresh connection starts in "
                "quick-ACK mode, which is why one request per connection is fast. Browsers reuse "
                "connections, so the dashboard sees the stall. Turning TCP_NODELAY on "
                "(`server.set_tcp_nodelay(true)` in `src/server/server.cpp`) should remove it; "
                "this run does not test that.")
        out.append(text)
    if slow:
        names = ", ".join(f"`{short(item.label)}` {ms(one.latency('p50'))} alone, p99 "
                          f"{ms(item.latency('p99'))} under load" for item, one in slow)
        out.append(
            f"- **Computation** ({len(slow)}): one request alone already takes "
            f"{ALONE_SLOW_US // 1000} ms or more at the median ({names}). Under load, with "
            f"{connections} connections on {nproc} CPUs, a request also queues behind others; "
            "each answer is computed afresh (the server keeps the register in memory, not the "
            "answers).")
    if busy:
        names = ", ".join(f"`{short(item.label)}` p99 {ms(item.latency('p99'))}, server CPU "
                          f"{item.cpu_text()}" for item, _ in busy)
        out.append(
            f"- **Queueing** ({len(busy)}): fast alone but slow under load while the server's "
            f"CPUs were busy ({names}): {connections} connections share {nproc} CPUs with each "
            "other and with wrk.")
    for item in load + single:
        if not item.died:
            continue
        ended = servers.get(item.server)
        words = f" Its last words: `{ended.words}`." if ended and ended.words else ""
        text = (f"- **The server crashed** ({ended.signal() if ended else 'unknown'}) during "
                f"`{item.label}` with "
                f"{plural(connections if item.phase == 'load' else 1, 'connection')}.{words} "
                "wrk's socket errors in that row are its attempts on the closed port for the "
                "rest of the run.")
        if item.ok and item.figures["non2xx"]:
            text += (f" Before it crashed it sent {plural(item.figures['requests'], 'answer')}, "
                     f"{item.figures['non2xx']} of them an error (its status is in the log).")
        one = alone.get(item.label)
        if item.phase == "load" and one and one.answered and not one.died:
            text += (f" Alone, one such request takes {ms(one.latency('p50'))} at the median "
                     f"(p99 {ms(one.latency('p99'))})"
                     + (", already over the target." if one.latency("p99") >= TARGET_P99_US
                        else "."))
        if "/network" in item.label:
            text += (
                " `network` is the only endpoint that calls igraph, and Debian's libigraph is "
                f"built with `IGRAPH_THREAD_SAFE` {igraph_thread_safe()} (`igraph_threading.h`): "
                "its error-handling (\"finally\") stack, its error handlers (which "
                "`src/analysis/network.cpp` swaps per call) and its random-number generator are "
                "process-wide, while the server answers concurrent requests on several threads; "
                "the rest of the request only reads the register the server shares, which "
                "never changes once loaded. One `network` request at a time runs fine (table "
                "above). Several at once sharing igraph's state is the likely cause; a crash "
                "message from `src/core/...` is igraph's own, while heap corruption or a "
                "segmentation fault say less. Serialising the igraph work (a process-wide mutex "
                "in `src/analysis/network.cpp`) should avoid it.")
        out.append(text)
    if memory and not memory["flat"]:
        out.append(
            f"- **Memory** was not flat by this section's measure: {mib(memory['first'])} at the "
            f"start of the soak, {mib(memory['last'])} at the end, {mib(memory['max'])} at most; "
            f"over the second half it changed by {memory['second_half_change'] / 1024:+.1f} MiB "
            "(a leak keeps growing there; an allocator filling its pools levels off).")
    return out


def uncached_verdict(uncached):
    """What the target means without the cache: the figures above are cached answers."""
    answered = [item for item in uncached if item.answered]
    if not answered:
        return ""
    over = [item for item in answered if item.latency("p99") >= TARGET_P99_US]
    text = (" Those figures are cached answers; with every answer computed (`--cache-mb 0`), "
            f"p99 was under {TARGET_TEXT} on {len(answered) - len(over)} of {len(answered)} "
            "endpoints")
    if over:
        text += " (not on " + ", ".join(f"`{short(item.label)}` {ms(item.latency('p99'))}"
                                        for item in over) + ")"
    return text + "."


def section(args):
    results = Path(args.results)
    nproc = os.cpu_count() or 1
    runs = [Run(results, row, nproc) for row in read_tsv(results / "runs.tsv")]
    load = [item for item in runs if item.phase == "load"]
    single = [item for item in runs if item.phase == "single"]
    uncached = [item for item in runs if item.phase == "uncached"]
    first = read_tsv(results / "first-answer.tsv")
    soak = next((item for item in runs if item.phase == "soak"), None)
    servers = {row[0]: Server(row) for row in read_tsv(results / "servers.tsv")}
    deaths = [server for server in servers.values() if server.died]
    stopped = [server for server in servers.values() if server.stopped]
    stop = stopped[-1] if stopped else None  # the soak's server (or the fresh one after it)
    soak_died = soak is not None and servers.get(soak.server) in deaths
    if soak_died:
        soak.state = "died"
    mix = (results / "soak-mix.txt").read_text().split()
    left_out = [item.label for item in load if item.label not in mix]
    _, stop_fresh = read_tsv(results / "soak-server.tsv")[0]
    samples, rss_after = rss_series(results)
    memory = soak_memory(samples)
    imported = json.loads((results / "import.json").read_text())["meta"]
    logged = dict(read_tsv(results / "logged-requests.tsv"))
    warm_kib = int((results / "rss-after-warm-up").read_text().strip())
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
        "gives it, its request log to a file), warmed up with three rounds of the requests "
        "below. The server caches its answers (64 MiB by default; it drops them when the store "
        "changes under it), so after the warm-up the first two tables measure cached answers; the "
        "third, with `--cache-mb 0`, what computing each answer costs. Load: `wrk --latency` on 127.0.0.1 with a Lua script that counts non-2xx "
        "answers; *socket errors* are wrk's connect, read, write and timeout (over 2 s) "
        "errors; *server CPU* is the server's user + system time over the run as a share of "
        f"all {nproc} CPUs. The issue's target is p99 under {TARGET_TEXT}.",
        "",
        f"### Each endpoint under load: {args.connections} keep-alive connections, "
        f"{args.threads} wrk threads, {args.duration} s each",
        "",
    ]
    out += endpoint_table(load, servers)
    out += [
        "",
        f"### Each endpoint alone: 1 connection, a new one per request (`Connection: close`), "
        f"{args.single_seconds} s each",
        "",
        "The latency of one request with nothing queued before it and no connection reuse.",
        "",
    ]
    out += endpoint_table(single, servers)
    out += [
        "",
        f"### Each endpoint under load, answers not cached (`--cache-mb 0`): "
        f"{args.connections} keep-alive connections, {args.uncached_seconds} s each",
        "",
        "Every request computes its answer, as the first request for any new query does.",
        "",
    ]
    out += endpoint_table(uncached, servers)
    out += ["", "### First answers on a fresh server", "",
            "One request per endpoint right after the server started (nothing cached, the "
            "newest register already loaded), timed by curl including the connection.", "",
            "| endpoint | time | HTTP status |", "|---|---|---|"]
    out += [f"| `{path}` | {float(seconds) * 1000:.1f} ms | {code} |"
            for path, seconds, code in first]
    out += ["", f"### Soak: {args.soak_seconds} s of the endpoint mix", ""]
    soak_text = (f"{len(mix)} endpoints requested in turn ("
                 + ", ".join(f"`{short(path)}`" for path in mix)
                 + f") by {args.connections} keep-alive connections.")
    if left_out:
        soak_text += (" Left out: " + ", ".join(f"`{short(label)}`" for label in left_out)
                      + ", which took the server down above; with it the soak would end within "
                      "seconds and leave no memory series.")
    out += [soak_text, ""]
    if soak and soak.ok:
        out.append(
            f"{soak.figures['requests']:,} requests, {soak.rate():,.0f}/s; latency p50 "
            f"{ms(soak.latency('p50'))}, p90 {ms(soak.latency('p90'))}, p99 "
            f"{ms(soak.latency('p99'))}, max {ms(soak.latency('max'))}; non-2xx "
            f"{soak.figures['non2xx']:,}; socket errors {soak.errors_text()}; server CPU "
            f"{soak.cpu_text()}; the server {'**died**' if soak_died else 'stayed up'}.")
    elif soak:
        out.append(f"wrk did not finish: {soak.tail}")
    out.append("")
    if memory:
        series = " ".join(f"{kib / 1024:.1f}" if kib is not None else "dead" for _, kib in samples)
        out.append(
            f"Server RSS (VmRSS from /proc/PID/status) every {args.rss_every} s: first "
            f"{mib(memory['first'])}, last {mib(memory['last'])}, max {mib(memory['max'])}, "
            f"min {mib(memory['min'])}; after the warm-up, before any load, it was "
            f"{mib(warm_kib)}"
            + (f", and once wrk had stopped {mib(rss_after)}" if rss_after else "") + ". "
            f"Flat by this section's measure (last sample within {FLAT_SHARE:.0%} of the first, "
            f"none more than {2 * FLAT_SHARE:.0%} above it): "
            f"{'yes' if memory['flat'] else '**no**'}"
            + (" (the same to the KiB in every sample)" if memory["min"] == memory["max"] else "")
            + f". The series, MiB: {series}.")
        if memory["died_after"] is not None:
            out += ["", f"The server died after the {memory['died_after']} s sample."]
    else:
        out.append("No RSS series: the server died before a second sample.")
    out.append("")
    if stop:
        which = "the soak's server" if stop_fresh == "no" else \
            "a fresh server (the soak's had died)"
        out.append(
            f"Stop: SIGTERM to {which}; it "
            f"{stop.how.replace('SIGTERM after', 'exited after')} with code {stop.code} "
            f"({'clean' if stop.code == 0 else '**not clean**'}).")
    else:
        out.append("Stop: no server was left to stop.")

    finished = [item for item in runs if item.ok]
    non2xx = sum(item.figures["non2xx"] for item in finished)
    socket = sum(item.socket_errors() for item in finished)
    socket_crashed = sum(item.socket_errors() for item in finished if item.died)
    statuses = ", ".join(f"{int(count):,} {status}" for status, count in sorted(logged.items())
                         if status.endswith("xx"))
    out += [
        "",
        f"All runs together: {non2xx:,} non-2xx answers, {socket:,} socket errors "
        f"({socket_crashed:,} of them in runs where the server crashed), "
        f"{plural(len(deaths), 'server crash', 'server crashes')}. The server's request log "
        f"holds {int(logged.get('requests', 0)):,} requests "
        f"(warm-ups included); of its {int(logged.get('wellformed', 0)):,} well-formed lines, "
        f"{statuses or 'none'}; the other lines are garbled, because concurrent requests write "
        "their log lines piecewise to the same stream.",
        "",
        "### Against the target",
        "",
    ]
    misses = [item for item in load
              if item.died or not item.answered or item.latency("p99") >= TARGET_P99_US]
    met_latency = not misses
    met_errors = non2xx == 0 and socket == 0 and not deaths and stop is not None and stop.code == 0
    met_memory = bool(memory and memory["flat"])
    verdict = []
    if met_latency:
        verdict.append(f"p99 was under {TARGET_TEXT} on all {len(load)} endpoints")
    else:
        names = ", ".join(f"`{short(item.label)}` "
                          + (ms(item.latency("p99")) if item.answered else "no figure")
                          + (" (the server crashed)" if item.died else "") for item in misses)
        verdict.append(f"p99 was {TARGET_TEXT} or more on {len(misses)} of {len(load)} "
                       f"endpoints ({names})")
    if met_errors:
        verdict.append("there were no errors and the server stopped cleanly on SIGTERM")
    else:
        problems = []
        if deaths:
            crashed_in = sorted({f"`{short(item.label)}`" for item in runs if item.died})
            problems.append(f"{plural(len(deaths), 'server crash', 'server crashes')} "
                            f"(in {', '.join(crashed_in)})")
        if non2xx:
            problems.append(plural(non2xx, "non-2xx answer"))
        if socket:
            problems.append(f"{plural(socket, 'socket error')}"
                            + (" (from the crash)" if socket == socket_crashed else ""))
        if not stop or stop.code != 0:
            problems.append("an unclean stop")
        verdict.append("it had errors: " + ", ".join(problems))
    verdict.append("memory was flat over the soak" if met_memory else "memory was not shown flat")
    met = met_latency and met_errors and met_memory
    out.append(
        f"The issue's target (p99 under {TARGET_TEXT} for the country-page endpoints on "
        "the full register, no errors, flat memory over a five-minute run) was "
        f"{'met' if met else '**not met**'} in this run: " + "; ".join(verdict) + "."
        + ("" if args.soak_seconds >= 300 else
           f" The soak lasted {args.soak_seconds} s, shorter than the five minutes asked.")
        + uncached_verdict(uncached))
    notes = reading(load, single, servers, memory, nproc, args.connections)
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
        "UNCACHED_SECONDS, CONNECTIONS, THREADS",
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
    for name in ("--duration", "--single-seconds", "--uncached-seconds", "--connections", "--threads",
                 "--soak-seconds", "--rss-every", "--elapsed"):
        parser.add_argument(name, type=int, required=True)
    args = parser.parse_args()

    path = Path(args.out)
    text = path.read_text() if path.exists() else "# Performance\n"
    at = text.find("\n" + SECTION + "\n")
    head = text[:at + 1] if at >= 0 else text
    head = head.rstrip("\n") + "\n\n"
    path.write_text(head + "\n".join(section(args)))


if __name__ == "__main__":
    main()
