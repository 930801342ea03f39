#include "zip_archive.h"

#include <zip.h>

#include <array>
#include <cstdint>
#include <memory>

namespace defcoop::ingest {
namespace {

struct ArchiveCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct FileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

// CRC-32 as zip uses it (IEEE 802.3, reflected, polynomial 0xEDB88320).
uint32_t Crc32(std::string_view bytes) {
  static const std::array<uint32_t, 256> table = [] {
    std::array<uint32_t, 256> entries{};
    for (uint32_t n = 0; n < 256; ++n) {
      uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      entries[n] = c;
    }
    return entries;
  }();
  uint32_t crc = 0xFFFFFFFFu;
  for (char byte : bytes) crc = table[(crc ^ static_cast<unsigned char>(byte)) & 0xFF] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFu;
}

Status Damaged(const std::string& path, const std::string& why) {
  return Status::InvalidInput(path + ": a damaged zip archive (" + why + ")");
}

}  // namespace

bool IsZip(std::string_view bytes) {
  return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4) ||
         bytes.substr(0, 4) == std::string_view("PK\x05\x06", 4);
}

Result<std::string> UnzipSingleFile(std::string_view bytes, const std::string& path) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) return Damaged(path, zip_error_strerror(&error));
  // ZIP_CHECKCONS: the central directory must agree with the entries (a truncated
  // download fails here, not halfway through the rows).
  std::unique_ptr<zip_t, ArchiveCloser> archive(
      zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
  if (!archive) {
    std::string why = zip_error_strerror(&error);
    zip_source_free(source);
    zip_error_fini(&error);
    return Damaged(path, why);
  }
  zip_int64_t entries = zip_get_num_entries(archive.get(), 0);
  if (entries != 1) {
    return Status::InvalidInput(path + ": a zip archive of " + std::to_string(entries) +
                                " files; a GDELT archive holds one CSV file");
  }
  zip_stat_t stat;
  if (zip_stat_index(archive.get(), 0, 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE)) {
    return Damaged(path, zip_strerror(archive.get()));
  }
  std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen_index(archive.get(), 0, 0));
  if (!file) return Damaged(path, zip_strerror(archive.get()));
  std::string out(stat.size, '\0');
  zip_uint64_t filled = 0;
  while (filled < stat.size) {
    zip_int64_t got = zip_fread(file.get(), out.data() + filled, stat.size - filled);
    if (got < 0) return Damaged(path, zip_file_strerror(file.get()));
    if (got == 0) break;
    filled += static_cast<zip_uint64_t>(got);
  }
  if (filled != stat.size) {
    return Damaged(
        path, std::to_string(filled) + " of " + std::to_string(stat.size) + " bytes could be read");
  }
  // libzip 1.7 does not compare the CRC when the reader stops at the entry's size.
  if ((stat.valid & ZIP_STAT_CRC) && Crc32(out) != stat.crc) {
    return Damaged(path, "CRC mismatch: the file inside is not what was zipped");
  }
  return out;
}

}  // namespace defcoop::ingest
