// Headless Chromium as a renderer: the brief as a PDF (print CSS decides the page
// breaks) and as a PNG screenshot (for tests that check the page is not blank).
//
// Contract: each call runs Chromium with a fresh, private profile directory that is
// removed afterwards, with networking features off, and waits for it to exit. NotFound
// when Chromium is not installed (the message says which package to install); Io when
// it fails or writes no output file.
#pragma once

#include <string>

#include "defcoop/core/status.h"

namespace defcoop::report {

// Debian's package `chromium` installs the browser here.
inline constexpr const char* kChromiumPath = "/usr/bin/chromium";

bool ChromiumAvailable();

Status PrintPdf(const std::string& html_path, const std::string& pdf_path);

Status Screenshot(const std::string& html_path, const std::string& png_path, int width, int height);

}  // namespace defcoop::report
