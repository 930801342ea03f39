#!/usr/bin/env python3
"""defcoop's CSV as a Python program reads it with the standard library: the leading "#"
lines give back the meta of the JSON output exactly (json.loads of the text after ": "),
csv.DictReader reads the rest, and every number equals the JSON output's number as a
double (float(text) == value). Usage: csv_stdlib_check.py DEFCOOP REGISTER WORK_DIR"""
import csv
import io
import json
import os
import subprocess
import sys

COMMANDS = [
    ["suppliers", "Azerbaijan", "--years", "2011-2020"],
    ["exports", "Türkiye", "--years", "2016-2020"],
    ["tiv", "--recipient", "Kazakhstan", "--by", "supplier,year"],
]


def run(defcoop, db, args):
    result = subprocess.run([defcoop, "--db", db] + args, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"defcoop {' '.join(args)} failed: {result.stderr}")
    return result.stdout


def split_comments(text):
    lines = text.splitlines(keepends=True)
    comments = [line.rstrip("\n") for line in lines if line.startswith("#")]
    body = "".join(line for line in lines if not line.startswith("#"))
    return comments, body


def check(defcoop, db, args):
    doc = json.loads(run(defcoop, db, ["--format", "json"] + args))
    comments, body = split_comments(run(defcoop, db, ["--format", "csv"] + args))
    meta = {}
    for line in comments[1:]:
        key, _, value = line[2:].partition(": ")
        meta[key] = json.loads(value)
    assert comments[0].startswith("# Information from the SIPRI Arms Transfers Database"), comments[0]
    assert meta == doc["meta"], f"{args}: meta differs:\n{meta}\n{doc['meta']}"
    rows = list(csv.DictReader(io.StringIO(body)))
    assert len(rows) == len(doc["rows"]), args
    numbers = 0
    for row, expected in zip(rows, doc["rows"]):
        for key, value in expected.items():
            if isinstance(value, float) or (isinstance(value, int) and not isinstance(value, bool)):
                if key not in row:
                    continue
                assert float(row[key]) == value, f"{args}: {key} {row[key]!r} != {value!r}"
                numbers += 1
    assert numbers > 0, f"{args}: no numbers compared"
    return numbers


def main():
    defcoop, register, work = sys.argv[1:4]
    if not os.path.exists(register):
        print(f"skipped: no SIPRI register at {register}")
        return
    os.makedirs(work, exist_ok=True)
    db = os.path.join(work, "csv-check.db")
    if os.path.exists(db):
        os.remove(db)
    run(defcoop, db, ["init"])
    run(defcoop, db, ["import", "sipri", register])
    for args in COMMANDS:
        print(f"{' '.join(args)}: {check(defcoop, db, args)} numbers equal")


if __name__ == "__main__":
    main()
