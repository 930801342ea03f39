// Fault injection for crash and I/O-error tests: an SQLite VFS that wraps the default
// one and, as $DEFCOOP_FAULT says, kills the process (SIGKILL, as `kill -9` would) just
// before its K-th write, or makes the K-th write or sync fail:
//
//   DEFCOOP_FAULT=kill-at-write:K   SIGKILL before the K-th xWrite (to any store file)
//   DEFCOOP_FAULT=fail-write:K      the K-th xWrite fails with SQLITE_IOERR_WRITE
//   DEFCOOP_FAULT=full-at-write:K   the K-th xWrite fails with SQLITE_FULL (a full disk)
//   DEFCOOP_FAULT=fail-sync:K       the K-th xSync fails with SQLITE_IOERR_FSYNC
//
// Writes are counted over the whole process (the database file, its journal and its
// write-ahead log). Without the variable nothing is installed and SQLite runs as is.
#pragma once

namespace defcoop::store {

// Installs the faulty VFS as SQLite's default when $DEFCOOP_FAULT is set; idempotent.
void InstallFaultInjectionFromEnvironment();

}  // namespace defcoop::store
