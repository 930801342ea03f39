// The defcoop executable: everything happens in the cli library.
#include <iostream>

#include "defcoop/cli/app.h"

int main(int argc, char** argv) { return defcoop::cli::Run(argc, argv, std::cout, std::cerr); }
