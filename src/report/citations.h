// Footnotes and the bibliography. Every number, chart and table of the brief calls
// Cite() with the sources of the facts it shows and gets a numbered footnote marker;
// the footnote lists short citations ("Bazarbayev et al. (2024), section ...") linked
// to the bibliography, whose entries are formatted from each source's CSL-JSON in one
// APA-like style: Authors (Year). Title. Container, volume(issue), pages. Publisher.
// DOI or URL (accessed date).
//
// Contract: a source id missing from sources.json is cited by its id, unlinked, and
// left out of the bibliography; malformed CSL-JSON yields an entry from id and title.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "defcoop/core/model.h"
#include "format.h"

namespace defcoop::report {

// One bibliography entry (HTML) of a CSL-JSON item, and its short in-text form.
struct Reference {
  std::string id;
  std::string short_cite;  // "Bazarbayev, Zhanaltay & Amirbek (2024)": escaped HTML
  std::string entry_html;
  std::string sort_key;
};
Reference FormatReference(const Source& source, const Formatter& format);

class Citations {
 public:
  Citations(const std::vector<Source>& sources, const Formatter& format);

  // A footnote citing `refs` (duplicates merged) followed by `extra_html`; returns the
  // marker <sup class="fn"><a href="#fn-N" id="fnref-N">N</a></sup>. A note with the same
  // text as an earlier one reuses its number (its marker then has no id: the note's back
  // link leads to the first place that cites it).
  std::string Cite(const std::vector<SourceRef>& refs, std::string_view extra_html = "");

  std::string FootnotesHtml() const;     // <ol class="footnotes">
  std::string BibliographyHtml() const;  // <ol class="bibliography">, cited sources only
  int footnote_count() const { return static_cast<int>(notes_.size()); }

 private:
  std::string ShortCite(const SourceRef& ref);

  std::map<std::string, Reference, std::less<>> references_;
  std::set<std::string> cited_;
  std::vector<std::string> notes_;
  std::map<std::string, size_t, std::less<>> number_of_note_;
};

}  // namespace defcoop::report
