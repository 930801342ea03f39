// What a brief is made of, read back from its HTML: the outline golden tests compare
// (sections, charts and footnote numbers in document order), and every reference the
// file makes to something outside itself (which must be none).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace defcoop::report {

// One line per element, indented by nesting: "section exports", "  chart chart-exports",
// "  table table-recipients", "  fn 3", and at the end "footnotes N" and "references N".
std::string ExtractOutline(std::string_view html);

// Every src=, href=, url(...) and @import target that is neither an #anchor nor a
// data: URI, in document order.
std::vector<std::string> ExternalReferences(std::string_view html);

}  // namespace defcoop::report
