#include "defcoop/report/outline.h"

#include <regex>

namespace defcoop::report {
namespace {

// The elements the outline lists, in one pattern so that matches come in document order.
const std::regex kElement(
    R"re(<section class="top" id="([^"]+)"|<figure id="([^"]+)"|<table id="([^"]+)"|id="fnref-(\d+)"|<li id="fn-\d+"|<li id="ref-)re");

// "fn 3", "fn 4", "fn 5" -> "fn 3-5".
void FlushFootnotes(int first, int last, std::string* out) {
  if (first == 0) return;
  *out += "  fn " + std::to_string(first) + (last > first ? "-" + std::to_string(last) : "") + "\n";
}

}  // namespace

std::string ExtractOutline(std::string_view html) {
  std::string out;
  int footnotes = 0;
  int references = 0;
  int run_first = 0;
  int run_last = 0;
  std::string text(html);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kElement);
       it != std::sregex_iterator(); ++it) {
    const std::smatch& match = *it;
    if (match[4].matched) {
      int number = std::stoi(match[4].str());
      if (run_first != 0 && number == run_last + 1) {
        run_last = number;
        continue;
      }
      FlushFootnotes(run_first, run_last, &out);
      run_first = run_last = number;
      continue;
    }
    if (match.str().rfind("<li id=\"fn-", 0) == 0) {
      ++footnotes;
      continue;
    }
    if (match.str().rfind("<li id=\"ref-", 0) == 0) {
      ++references;
      continue;
    }
    FlushFootnotes(run_first, run_last, &out);
    run_first = run_last = 0;
    if (match[1].matched) out += "section " + match[1].str() + "\n";
    if (match[2].matched) out += "  chart " + match[2].str() + "\n";
    if (match[3].matched) out += "  table " + match[3].str() + "\n";
  }
  FlushFootnotes(run_first, run_last, &out);
  return out + "footnotes " + std::to_string(footnotes) + "\nreferences " +
         std::to_string(references) + "\n";
}

std::vector<std::string> ExternalReferences(std::string_view html) {
  static const std::regex kReference(
      R"re(\b(?:src|href|xlink:href|action|poster)\s*=\s*["']?([^"'\s>]*)|url\(\s*["']?([^"')]*)|@import\s+["']?([^"';\s]*))re",
      std::regex::icase);
  std::vector<std::string> external;
  std::string text(html);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kReference);
       it != std::sregex_iterator(); ++it) {
    std::string target = (*it)[1].matched   ? (*it)[1].str()
                         : (*it)[2].matched ? (*it)[2].str()
                                            : (*it)[3].str();
    if (target.rfind('#', 0) == 0 || target.rfind("data:", 0) == 0) continue;
    external.push_back(target);
  }
  return external;
}

}  // namespace defcoop::report
