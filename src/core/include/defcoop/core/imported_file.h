#pragma once

#include <string>

namespace defcoop {

// An imported data file as the store recorded it: what a figure must name to be
// regenerated from the same data.
struct ImportedFileRecord {
  std::string source;        // sipri, dcad, gsdb, atop
  std::string path;          // as given to the import
  std::string format;        // SIPRI: old_register, importer_table, ...; else the source
  std::string vintage;       // SIPRI: the "Data generated" date; "" for the others
  std::string content_hash;  // ingest::DataHash of the file
};

}  // namespace defcoop
