#include "fault_vfs.h"

#include <sqlite3.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>

namespace defcoop::store {
namespace {

enum class Fault { kNone, kKillAtWrite, kFailWrite, kFullAtWrite, kFailSync };

struct FaultPlan {
  Fault fault = Fault::kNone;
  long at = 0;  // 1-based count of the write or sync that faults
};

FaultPlan g_plan;
std::atomic<long> g_writes{0};
std::atomic<long> g_syncs{0};
sqlite3_vfs* g_real = nullptr;
sqlite3_vfs g_vfs;

FaultPlan ParsePlan(const char* text) {
  static const std::pair<const char*, Fault> kNames[] = {{"kill-at-write:", Fault::kKillAtWrite},
                                                         {"fail-write:", Fault::kFailWrite},
                                                         {"full-at-write:", Fault::kFullAtWrite},
                                                         {"fail-sync:", Fault::kFailSync}};
  for (const auto& [prefix, fault] : kNames) {
    size_t length = std::strlen(prefix);
    if (std::strncmp(text, prefix, length) != 0) continue;
    long at = std::strtol(text + length, nullptr, 10);
    if (at > 0) return {fault, at};
  }
  return {};
}

// A file of the wrapping VFS: our header, then the real VFS's file.
struct FaultFile {
  sqlite3_file base;
  sqlite3_file* Real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};

sqlite3_file* RealOf(sqlite3_file* file) { return reinterpret_cast<FaultFile*>(file)->Real(); }

int Write(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset) {
  long count = ++g_writes;
  if (count == g_plan.at) {
    if (g_plan.fault == Fault::kKillAtWrite) std::raise(SIGKILL);
    if (g_plan.fault == Fault::kFailWrite) return SQLITE_IOERR_WRITE;
    if (g_plan.fault == Fault::kFullAtWrite) return SQLITE_FULL;
  }
  sqlite3_file* real = RealOf(file);
  return real->pMethods->xWrite(real, data, amount, offset);
}

int Sync(sqlite3_file* file, int flags) {
  long count = ++g_syncs;
  if (g_plan.fault == Fault::kFailSync && count == g_plan.at) return SQLITE_IOERR_FSYNC;
  sqlite3_file* real = RealOf(file);
  return real->pMethods->xSync(real, flags);
}

int Close(sqlite3_file* file) {
  sqlite3_file* real = RealOf(file);
  return real->pMethods->xClose(real);
}

// Every other method forwards to the real file.
#define DEFCOOP_FORWARD(name, params, args)          \
  int name params {                                  \
    sqlite3_file* real = RealOf(file);               \
    return real->pMethods->x##name args;             \
  }
DEFCOOP_FORWARD(Read, (sqlite3_file * file, void* data, int amount, sqlite3_int64 offset),
                (real, data, amount, offset))
DEFCOOP_FORWARD(Truncate, (sqlite3_file * file, sqlite3_int64 size), (real, size))
DEFCOOP_FORWARD(FileSize, (sqlite3_file * file, sqlite3_int64 * size), (real, size))
DEFCOOP_FORWARD(Lock, (sqlite3_file * file, int level), (real, level))
DEFCOOP_FORWARD(Unlock, (sqlite3_file * file, int level), (real, level))
DEFCOOP_FORWARD(CheckReservedLock, (sqlite3_file * file, int* out), (real, out))
DEFCOOP_FORWARD(FileControl, (sqlite3_file * file, int op, void* arg), (real, op, arg))
DEFCOOP_FORWARD(SectorSize, (sqlite3_file * file), (real))
DEFCOOP_FORWARD(DeviceCharacteristics, (sqlite3_file * file), (real))
DEFCOOP_FORWARD(ShmMap, (sqlite3_file * file, int page, int size, int extend, void volatile** out),
                (real, page, size, extend, out))
DEFCOOP_FORWARD(ShmLock, (sqlite3_file * file, int offset, int n, int flags),
                (real, offset, n, flags))
DEFCOOP_FORWARD(ShmUnmap, (sqlite3_file * file, int delete_flag), (real, delete_flag))
DEFCOOP_FORWARD(Fetch, (sqlite3_file * file, sqlite3_int64 offset, int amount, void** out),
                (real, offset, amount, out))
DEFCOOP_FORWARD(Unfetch, (sqlite3_file * file, sqlite3_int64 offset, void* page),
                (real, offset, page))
#undef DEFCOOP_FORWARD

void ShmBarrier(sqlite3_file* file) {
  sqlite3_file* real = RealOf(file);
  real->pMethods->xShmBarrier(real);
}

const sqlite3_io_methods kMethods = {
    3,         Close,    Read,       Write,   Truncate,    Sync,
    FileSize,  Lock,     Unlock,     CheckReservedLock,    FileControl,
    SectorSize, DeviceCharacteristics, ShmMap, ShmLock, ShmBarrier, ShmUnmap,
    Fetch,     Unfetch};

int Open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
  FaultFile* wrapper = reinterpret_cast<FaultFile*>(file);
  int rc = g_real->xOpen(g_real, name, wrapper->Real(), flags, out_flags);
  // SQLite calls xClose only when pMethods is set, so set it only when the real file is open.
  wrapper->base.pMethods = wrapper->Real()->pMethods ? &kMethods : nullptr;
  return rc;
}

// The VFS methods that do not involve a file forward to the real VFS.
int Delete(sqlite3_vfs*, const char* name, int sync_dir) {
  return g_real->xDelete(g_real, name, sync_dir);
}
int Access(sqlite3_vfs*, const char* name, int flags, int* out) {
  return g_real->xAccess(g_real, name, flags, out);
}
int FullPathname(sqlite3_vfs*, const char* name, int size, char* out) {
  return g_real->xFullPathname(g_real, name, size, out);
}
int Randomness(sqlite3_vfs*, int size, char* out) { return g_real->xRandomness(g_real, size, out); }
int Sleep(sqlite3_vfs*, int micros) { return g_real->xSleep(g_real, micros); }
int CurrentTime(sqlite3_vfs*, double* out) { return g_real->xCurrentTime(g_real, out); }
int GetLastError(sqlite3_vfs*, int size, char* out) {
  return g_real->xGetLastError(g_real, size, out);
}
int CurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* out) {
  return g_real->xCurrentTimeInt64(g_real, out);
}

void Install(const FaultPlan& plan) {
  g_plan = plan;
  g_real = sqlite3_vfs_find(nullptr);
  g_vfs = sqlite3_vfs{};
  g_vfs.iVersion = 2;
  g_vfs.szOsFile = static_cast<int>(sizeof(FaultFile)) + g_real->szOsFile;
  g_vfs.mxPathname = g_real->mxPathname;
  g_vfs.zName = "defcoop-fault";
  g_vfs.xOpen = Open;
  g_vfs.xDelete = Delete;
  g_vfs.xAccess = Access;
  g_vfs.xFullPathname = FullPathname;
  g_vfs.xRandomness = Randomness;
  g_vfs.xSleep = Sleep;
  g_vfs.xCurrentTime = CurrentTime;
  g_vfs.xGetLastError = GetLastError;
  g_vfs.xCurrentTimeInt64 = CurrentTimeInt64;
  sqlite3_vfs_register(&g_vfs, /*makeDflt=*/1);
}

}  // namespace

void InstallFaultInjectionFromEnvironment() {
  static std::once_flag once;
  std::call_once(once, [] {
    const char* text = std::getenv("DEFCOOP_FAULT");
    if (!text || !*text) return;
    FaultPlan plan = ParsePlan(text);
    if (plan.fault != Fault::kNone) Install(plan);
  });
}

}  // namespace defcoop::store
