// GDELT's zipped exports, read as GDELT publishes them: the archive of a real export
// reads as the CSV inside it (same rows, same data hash); damaged, truncated and
// many-file archives and gzip files are refused whole with the file named. Archives are
// made here with libzip from the real file in ../shared (never copied into the repo).
#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "defcoop/ingest/gdelt.h"

namespace defcoop::ingest {
namespace {

namespace fs = std::filesystem;

const std::string kExport =
    std::string(DEFCOOP_SHARED_DATA_DIR) + "/gdelt/events_v2/20191024143000.export.CSV";

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void WriteBytes(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

class GdeltZipTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kExport)) GTEST_SKIP() << kExport << " is not there";
    dir_ = fs::temp_directory_path() / ("defcoop-gdelt-zip-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    csv_ = ReadBytes(kExport);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A zip archive (deflated) of `files` (name, bytes), written with libzip; its path.
  fs::path Zip(const std::string& name,
               const std::vector<std::pair<std::string, std::string>>& files) {
    fs::path path = dir_ / name;
    int error = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    EXPECT_NE(archive, nullptr) << error;
    for (const auto& [entry, bytes] : files) {
      zip_source_t* source = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
      EXPECT_GE(zip_file_add(archive, entry.c_str(), source, ZIP_FL_OVERWRITE), 0);
    }
    EXPECT_EQ(zip_close(archive), 0);
    return path;
  }

  fs::path dir_;
  std::string csv_;
};

TEST_F(GdeltZipTest, AnArchiveReadsAsTheCsvInsideIt) {
  fs::path zip = Zip("20191024143000.export.CSV.zip", {{"20191024143000.export.CSV", csv_}});
  ASSERT_LT(fs::file_size(zip), csv_.size() / 2) << "deflated, not stored";
  auto plain = ReadGdeltFile(kExport, {});
  auto zipped = ReadGdeltFile(zip.string(), {});
  ASSERT_TRUE(plain.ok()) << plain.status().ToString();
  ASSERT_TRUE(zipped.ok()) << zipped.status().ToString();
  EXPECT_EQ(zipped->layout, "gdelt2");
  EXPECT_GT(zipped->records_read, 1000);
  EXPECT_EQ(zipped->records_read, plain->records_read);
  EXPECT_EQ(zipped->imported, plain->imported);
  EXPECT_EQ(zipped->problems.size(), plain->problems.size());
  // The same data: imported once whichever form comes first. The bytes differ.
  EXPECT_EQ(zipped->content_hash, plain->content_hash);
  EXPECT_NE(zipped->bytes_hash, plain->bytes_hash);
  ASSERT_FALSE(zipped->problems.empty() && plain->problems.size() != 0);
  for (size_t i = 0; i < plain->problems.size(); ++i) {
    EXPECT_EQ(zipped->problems[i].where.line, plain->problems[i].where.line);
    EXPECT_EQ(zipped->problems[i].where.file, zip.string()) << "the archive is named";
  }
}

TEST_F(GdeltZipTest, DamagedArchivesAreRefusedWhole) {
  std::string archive = ReadBytes(Zip("whole.zip", {{"x.CSV", csv_}}));
  WriteBytes(dir_ / "truncated.zip", archive.substr(0, archive.size() / 2));
  std::string flipped = archive;
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x55);
  WriteBytes(dir_ / "flipped.zip", flipped);
  for (const char* name : {"truncated.zip", "flipped.zip"}) {
    int rows = 0;
    GdeltSink sink;
    sink.event = [&](GdeltEvent&&) { ++rows; };
    auto read = ReadGdeltFile((dir_ / name).string(), sink);
    ASSERT_FALSE(read.ok()) << name;
    EXPECT_EQ(read.status().kind(), StatusKind::kInvalidInput);
    EXPECT_NE(read.status().message().find((dir_ / name).string() + ": a damaged zip archive"),
              std::string::npos)
        << read.status().message();
    EXPECT_EQ(rows, 0) << name << ": nothing is read from a damaged archive";
  }
}

TEST_F(GdeltZipTest, AnArchiveOfManyFilesOrAGzipFileIsRefused) {
  fs::path two = Zip("two.zip", {{"a.CSV", csv_}, {"b.CSV", csv_}});
  auto read = ReadGdeltFile(two.string(), {});
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.status().message().find("a zip archive of 2 files"), std::string::npos)
      << read.status().message();
  WriteBytes(dir_ / "x.CSV.gz", std::string("\x1f\x8b\x08\x00", 4) + "rest");
  auto gzip = ReadGdeltFile((dir_ / "x.CSV.gz").string(), {});
  ASSERT_FALSE(gzip.ok());
  EXPECT_NE(gzip.status().message().find("a gzip file"), std::string::npos);
}

}  // namespace
}  // namespace defcoop::ingest
