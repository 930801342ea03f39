// The defcoop command line: parses arguments, runs one subcommand, prints its result,
// and turns every failure into one clear line on stderr and an exit code
// (0 ok, 1 data or runtime error, 2 usage error). Never lets an exception escape.
#pragma once

#include <iosfwd>

namespace defcoop::cli {

int Run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace defcoop::cli
