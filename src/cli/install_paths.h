// Where the files defcoop ships are found: the curated data set and the dashboard.
// Nothing about the build machine is compiled in, so an installed, copied or packaged
// defcoop reads its own files, never another tree's:
//   1. $DEFCOOP_DATA and $DEFCOOP_WEB when set;
//   2. share/defcoop/{data,web} beside the executable's folder or one of its parents:
//      <prefix>/bin/defcoop finds <prefix>/share/defcoop (cmake --install, make install),
//      and a build tree finds <build>/share/defcoop, which CMake links to the source tree.
#pragma once

#include <string>

namespace defcoop::cli {

// The curated data folder `init` and `validate` read by default.
std::string ShippedDataDir();
// The built dashboard `serve` serves by default.
std::string ShippedWebDir();

}  // namespace defcoop::cli
