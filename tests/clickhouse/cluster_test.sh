#!/usr/bin/env bash
# scripts/clickhouse-cluster starts N real clickhouse-server processes that form one
# cluster: a Distributed table spreads rows over both shards and a query on any shard
# sees them all; a second start on the same ports is refused; stop leaves no process
# and no folder behind.
set -uo pipefail
cluster=$1
dir=$(mktemp -d)/cluster
fail() { echo "FAIL: $*" >&2; "$cluster" stop --dir "$dir"; exit 1; }

# A port range of our own: ctest runs tests in parallel, other clusters may be up.
started=
for attempt in 1 2 3 4 5; do
  port=$((20000 + (RANDOM % 2000) * 20))
  if url=$("$cluster" start --shards 2 --dir "$dir" --port "$port"); then started=1; break; fi
done
[ -n "$started" ] || fail "the cluster did not start"
[ "$url" = "clickhouse://127.0.0.1:$port/default" ] || fail "start printed '$url'"

query() { clickhouse-client --port "$1" --multiquery -q "$2"; }
shard1=$((port + 1)) shard2=$((port + 11))
for p in $shard1 $shard2; do
  query "$p" "CREATE TABLE t_local (d Date, n UInt32) ENGINE = MergeTree() PARTITION BY toYYYYMM(d) ORDER BY d;
              CREATE TABLE t AS t_local ENGINE = Distributed(defcoop, default, t_local, n)" ||
    fail "create tables on $p"
done
query "$shard1" "SET insert_distributed_sync = 1;
                 INSERT INTO t SELECT toDate('2020-11-01') + number % 30, number FROM system.numbers LIMIT 1000" ||
  fail "insert"
# Sharding by n: even n on the first shard, odd on the second, 500 each.
local1=$(query "$shard1" "SELECT count() FROM t_local")
local2=$(query "$shard2" "SELECT count() FROM t_local")
[ "$local1" = 500 ] && [ "$local2" = 500 ] || fail "rows per shard: $local1 and $local2, not 500 and 500"
total=$(query "$shard2" "SELECT count(), sum(n) FROM t")
[ "$total" = "$(printf '1000\t499500')" ] || fail "through the second shard: '$total'"

"$cluster" start --shards 1 --dir "$dir.again" --port "$port" 2>/dev/null &&
  { "$cluster" stop --dir "$dir.again"; fail "a second cluster started on the same ports"; }

pids=$(cat "$dir"/shard-*/pid)
"$cluster" stop --dir "$dir"
for pid in $pids; do kill -0 "$pid" 2>/dev/null && fail "server $pid still running after stop"; done
[ ! -e "$dir" ] || fail "$dir left behind"
rmdir "$(dirname "$dir")"
echo "clickhouse_cluster: 2 shards on ports $port-$((port + 12)), 1000 rows split 500/500: ok"
