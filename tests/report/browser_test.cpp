// The brief in headless Chromium: the screenshot is not blank, and the PDF has a
// plausible number of pages. Skipped when /usr/bin/chromium (or pdfinfo) is absent.
#include <gtest/gtest.h>

#include <algorithm>
#include <png.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

#include "defcoop/report/pdf.h"
#include "defcoop/report/report.h"
#include "small_dataset.h"

namespace defcoop::testing {
namespace {

namespace fs = std::filesystem;

constexpr int kWidth = 1000;
constexpr int kHeight = 1400;
constexpr double kMinInkShare = 0.02;  // a brief's first screen has text, tables and a chart
constexpr int kWhiteThreshold = 240;   // a channel above this counts as white background

// Share of pixels with any channel darker than kWhiteThreshold; -1 when the file is not a PNG.
double InkShare(const std::string& path) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&image, path.c_str())) return -1;
  image.format = PNG_FORMAT_RGB;
  std::vector<png_byte> pixels(PNG_IMAGE_SIZE(image));
  if (!png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr)) return -1;
  size_t ink = 0;
  for (size_t pixel_idx = 0; pixel_idx + 2 < pixels.size(); pixel_idx += 3) {
    bool dark = pixels[pixel_idx] < kWhiteThreshold || pixels[pixel_idx + 1] < kWhiteThreshold ||
                pixels[pixel_idx + 2] < kWhiteThreshold;
    ink += dark;
  }
  return static_cast<double>(ink) / (static_cast<double>(pixels.size()) / 3);
}

class BrowserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!report::ChromiumAvailable())
      GTEST_SKIP() << "Chromium not installed at " << report::kChromiumPath;
    dir_ = fs::temp_directory_path() / ("defcoop-report-browser-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    auto html = report::RenderReport(SmallReportData(), SmallReportOptions());
    ASSERT_TRUE(html.ok()) << html.status().ToString();
    std::ofstream(html_path()) << *html;
  }
  void TearDown() override {
    std::error_code ignored;
    if (!dir_.empty()) fs::remove_all(dir_, ignored);
  }
  std::string html_path() const { return (dir_ / "brief.html").string(); }

  fs::path dir_;
};

TEST_F(BrowserTest, ScreenshotIsNotBlank) {
  std::string png = (dir_ / "brief.png").string();
  Status status = report::Screenshot(html_path(), png, kWidth, kHeight);
  ASSERT_TRUE(status.ok()) << status.ToString();
  double ink = InkShare(png);
  EXPECT_GE(ink, kMinInkShare) << png;
}

// pdfinfo's "Pages:" line; -1 when pdfinfo is missing or says nothing.
int PageCount(const std::string& pdf) {
  std::string command = "pdfinfo '" + pdf + "' 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) return -1;
  char line[512];
  while (fgets(line, sizeof line, pipe.get())) {
    int pages = 0;
    if (std::sscanf(line, "Pages: %d", &pages) == 1) return pages;
  }
  return -1;
}

TEST_F(BrowserTest, PdfHasAPlausiblePageCount) {
  if (::access("/usr/bin/pdfinfo", X_OK) != 0)
    GTEST_SKIP() << "pdfinfo (Debian poppler-utils) not installed";
  std::string pdf = (dir_ / "brief.pdf").string();
  Status status = report::PrintPdf(html_path(), pdf);
  ASSERT_TRUE(status.ok()) << status.ToString();
  int pages = PageCount(pdf);
  // Eleven sections following on, the bibliography on a page of its own, a small data set.
  EXPECT_GE(pages, 3);
  EXPECT_LE(pages, 25);
}

// The text of one page of a PDF (poppler's pdftotext).
std::string PageText(const std::string& pdf, int page) {
  std::string command = "pdftotext -layout -f " + std::to_string(page) + " -l " +
                        std::to_string(page) + " '" + pdf + "' - 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string text;
  char buffer[4096];
  while (pipe && fgets(buffer, sizeof buffer, pipe.get())) text += buffer;
  return text;
}

// Regression: the PDF had no table of contents, no page numbers and no running header,
// and its first page was two-thirds blank (every section began a new page).
TEST_F(BrowserTest, PdfHasContentsPageNumbersARunningHeaderAndAFullFirstPage) {
  if (::access("/usr/bin/pdftotext", X_OK) != 0)
    GTEST_SKIP() << "pdftotext (Debian poppler-utils) not installed";
  std::string pdf = (dir_ / "brief.pdf").string();
  ASSERT_TRUE(report::PrintPdf(html_path(), pdf).ok());
  int pages = PageCount(pdf);
  ASSERT_GE(pages, 3);
  std::string first = PageText(pdf, 1);
  std::string second = PageText(pdf, 2);
  EXPECT_NE(first.find("Contents"), std::string::npos) << first;
  EXPECT_NE(first.find("1 / " + std::to_string(pages)), std::string::npos) << first;
  EXPECT_NE(second.find("2 / " + std::to_string(pages)), std::string::npos) << second;
  // The title runs at the top of every page but the first, where it is the heading.
  std::string title = first.substr(first.find_first_not_of(" \n"), 20);
  EXPECT_NE(second.find(title), std::string::npos) << title << "\n" << second;
  // A full first page holds about as many lines as a full second one.
  auto lines = [](const std::string& text) { return std::count(text.begin(), text.end(), '\n'); };
  EXPECT_GE(lines(first) * 3, lines(second) * 2) << first;
}

}  // namespace
}  // namespace defcoop::testing
