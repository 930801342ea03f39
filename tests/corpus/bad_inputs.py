#!/usr/bin/env python3
"""A bad-input corpus fed to the real `defcoop import sipri|dcad|gsdb|atop`.

The cases are made now, deterministically, from the first lines of the real files in the
shared data folder (never committed): truncations at many offsets, flipped and NUL bytes,
invalid UTF-8, mixed line ends, unbalanced quotes, a 100k-character field, a 10 MB line,
empty and header-only files, a duplicated header, extra and missing columns, binary, gzip
and UTF-16 files, a directory and a FIFO. Each case imports into a fresh copy of one store.

Every case must: end within the timeout; exit 0 or 1 (2 only for a directory, which the
command line refuses as a usage error), never by a signal; say why in one clear line
when it fails, never "internal error", an exception or a sanitizer report; account for
every record (records_read = imported + rejected in the --format json output); and leave
the store byte-identical when the import failed.

  bad_inputs.py --defcoop BIN --shared DIR --work DIR [--only SUBSTRING] [--list]
"""
import argparse
import gzip
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import time

SAMPLE_LINES = 40  # lines of each real file a case starts from
TIMEOUT_SECONDS = 120
FORBIDDEN = ("internal error", "terminate called", "what():", "Sanitizer", "runtime error:",
             "Segmentation fault", "Aborted")

# kind, file under the shared data folder, first line of the records (1-based).
SOURCES = [
    ("sipri", "sipri/MJHofmann__SIPRI_BRICS/trade-register.csv", 13),
    ("sipri", "sipri/nagehanrdogan__Global-Arms-Trade-Network-Analysis-1995-2024-/trade_register.csv", 13),
    ("sipri", "sipri/Andrei-Teodor-Petre__InfoVizProject/import-values_1990-2023.csv", 11),
    ("dcad", "alliances_dca/DCAD-v1.0-main.csv", 2),
    ("gsdb", "sanctions/GSDB_V3.csv", 2),
    ("atop", "alliances_dca/atop5.1_directed_dyad_year_peacesciencer.csv", 2),
]


def sample(path, first_record):
    """The preamble, the header and SAMPLE_LINES records of a real file, as bytes."""
    with open(path, "rb") as f:
        lines = []
        for line in f:
            lines.append(line)
            if len(lines) >= first_record - 1 + SAMPLE_LINES:
                break
    return lines


def mutations(lines, first_record, rng):
    """(name, bytes) of every bad input made from one sample."""
    text = b"".join(lines)
    head, body = lines[:first_record - 1], lines[first_record - 1:]
    header = b"".join(head)
    cases = []
    for idx in range(12):
        offset = 1 + (len(text) - 2) * idx // 11 if idx < 11 else rng.randrange(1, len(text))
        cases.append((f"truncated-at-{offset}", text[:offset]))
    for idx in range(4):
        flipped = bytearray(text)
        for _ in range(1 + idx * 3):
            pos = rng.randrange(len(flipped))
            flipped[pos] ^= 1 << rng.randrange(8)
        cases.append((f"flipped-bits-{idx}", bytes(flipped)))
    for idx in range(3):
        pos = rng.randrange(len(header), len(text))
        cases.append((f"nul-byte-{idx}", text[:pos] + b"\x00" * (idx + 1) + text[pos:]))
    for idx, bad in enumerate([b"\xff\xfe", b"\xc3", b"\xc0\xaf", b"\xed\xa0\x80"]):
        pos = rng.randrange(len(header), len(text))
        cases.append((f"invalid-utf8-{idx}", text[:pos] + bad + text[pos:]))
    ends = [b"\r\n", b"\r", b"\n"]
    mixed = b"".join(line.rstrip(b"\r\n") + ends[idx % 3] for idx, line in enumerate(lines))
    cases.append(("mixed-line-ends", mixed))
    cases.append(("only-cr-line-ends", b"".join(line.rstrip(b"\r\n") + b"\r" for line in lines)))
    row = rng.randrange(len(body))
    quoted = list(body)
    quoted[row] = b'"' + quoted[row]
    cases.append(("unterminated-quote", header + b"".join(quoted)))
    quoted = list(body)
    quoted[row] = b'x"y,' + quoted[row]
    cases.append(("stray-quote", header + b"".join(quoted)))
    cases.append(("quote-at-the-end", text + b'"'))
    long_field = list(body)
    long_field[row] = b"A" * 100_000 + b"," + long_field[row]
    cases.append(("field-of-100k-characters", header + b"".join(long_field)))
    cases.append(("line-of-10-mb", header + body[0] + b"x" * (10 << 20) + b"\n" + b"".join(body[1:])))
    cases.append(("empty", b""))
    cases.append(("header-only", header))
    cases.append(("header-without-line-end", header.rstrip(b"\r\n")))
    cases.append(("duplicated-header", header + head[-1] + b"".join(body)))
    cases.append(("extra-column", header + b"".join(l.rstrip(b"\r\n") + b",extra\n" for l in body)))
    cases.append(("missing-column",
                  header + b"".join(l.rstrip(b"\r\n").rsplit(b",", 1)[0] + b"\n" for l in body)))
    cases.append(("blank-lines", header + b"\n\n".join(body)))
    cases.append(("binary", bytes(rng.randrange(256) for _ in range(4096))))
    cases.append(("gzip", gzip.compress(text, mtime=0)))
    decoded = text.decode("latin-1") if not is_utf8(text) else text.decode("utf-8")
    cases.append(("utf-16", decoded.encode("utf-16")))
    cases.append(("utf-8-bom", b"\xef\xbb\xbf" + text))
    return cases


def is_utf8(data):
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def run_case(args, base_db, kind, name, input_path, allowed_codes=(0, 1)):
    db = os.path.join(args.work, "case.db")
    shutil.copyfile(base_db, db)
    before = digest(db)
    command = [args.defcoop, "--db", db, "--format", "json", "import", kind, input_path]
    started = time.monotonic()
    try:
        done = subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return [f"hang: no answer after {TIMEOUT_SECONDS} s"], TIMEOUT_SECONDS
    seconds = time.monotonic() - started
    err = done.stderr.decode("utf-8", "replace")
    out = done.stdout.decode("utf-8", "replace")
    failures = []
    if done.returncode < 0:
        failures.append(f"killed by signal {-done.returncode}")
    elif done.returncode not in allowed_codes:
        failures.append(f"exit code {done.returncode}")
    for word in FORBIDDEN:
        if word in err or word in out:
            failures.append(f"output says '{word}'")
    if done.returncode != 0 and not err.strip():
        failures.append("failed without a message")
    if done.returncode == 1 and "error" not in err:
        failures.append("failed without an error line")
    failures += check_accounting(out, done.returncode)
    if done.returncode != 0 and digest(db) != before:
        failures.append("the store changed although the import failed")
    for suffix in ("-journal", "-wal"):
        if os.path.exists(db + suffix):
            failures.append(f"left {os.path.basename(db)}{suffix} behind")
    if failures:
        failures.append("stderr: " + err.strip()[:600])
    return failures, seconds


def check_accounting(out, returncode):
    if not out.strip():
        return ["no JSON output although the import succeeded"] if returncode == 0 else []
    try:
        answer = json.loads(out)
    except json.JSONDecodeError as error:
        return [f"output is not JSON: {error}"]
    failures = []
    for row in answer.get("rows", []):
        read, imported, rejected = row["records_read"], row["imported"], row["rejected"]
        if read != imported + rejected:
            failures.append(f"records_read {read} != imported {imported} + rejected {rejected}")
    return failures


def build_cases(args):
    """(kind, name, path, allowed exit codes) for every case, files written to args.work."""
    rng = random.Random(16)  # issue 16: the same corpus on every run
    cases = []
    inputs = os.path.join(args.work, "inputs")
    os.makedirs(inputs, exist_ok=True)
    for source_idx, (kind, relative, first_record) in enumerate(SOURCES):
        path = os.path.join(args.shared, relative)
        if not os.path.exists(path):
            print(f"skip {relative}: not in {args.shared}")
            continue
        for name, data in mutations(sample(path, first_record), first_record, rng):
            case_path = os.path.join(inputs, f"{kind}-{source_idx}-{name}.csv")
            with open(case_path, "wb") as f:
                f.write(data)
            cases.append((kind, f"{kind}-{source_idx}-{name}", case_path, (0, 1)))
    directory = os.path.join(inputs, "a-directory.csv")
    os.makedirs(directory, exist_ok=True)
    fifo = os.path.join(inputs, "a-fifo.csv")
    if not os.path.exists(fifo):
        os.mkfifo(fifo)
    for kind in ("sipri", "dcad", "gsdb", "atop"):
        cases.append((kind, f"{kind}-directory", directory, (1, 2)))
        cases.append((kind, f"{kind}-fifo", fifo, (1, 2)))
    return cases


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--defcoop", required=True)
    parser.add_argument("--shared", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--only", default="")
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    cases = [case for case in build_cases(args) if args.only in case[1]]
    if args.list:
        print("\n".join(case[1] for case in cases))
        return 0
    base_db = os.path.join(args.work, "base.db")
    if os.path.exists(base_db):
        os.remove(base_db)
    subprocess.run([args.defcoop, "--db", base_db, "init"], check=True, capture_output=True)
    failed = 0
    started = time.monotonic()
    slowest = (0.0, "")
    for kind, name, path, codes in cases:
        failures, seconds = run_case(args, base_db, kind, name, path, codes)
        slowest = max(slowest, (seconds, name))
        if failures:
            failed += 1
            print(f"FAIL {name}:\n  " + "\n  ".join(failures))
    total = time.monotonic() - started
    print(f"{len(cases)} cases, {failed} failed, {total:.1f} s (slowest: {slowest[1]}, "
          f"{slowest[0]:.1f} s)")
    return 1 if failed or not cases else 0


if __name__ == "__main__":
    sys.exit(main())
