#include "citations.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "html.h"
#include "messages.h"

namespace defcoop::report {
namespace {

using Json = nlohmann::json;

std::string StringField(const Json& item, const char* key) {
  auto found = item.find(key);
  if (found == item.end()) return "";
  if (found->is_string()) return found->get<std::string>();
  if (found->is_number()) return found->dump();
  return "";
}

// A CSL date ("date-parts": [[2022, 5, 10]]) as a Date; nullopt when absent or odd.
std::optional<Date> CslDate(const Json& item, const char* key) {
  auto found = item.find(key);
  if (found == item.end() || !found->contains("date-parts")) return std::nullopt;
  const Json& parts = (*found)["date-parts"];
  if (!parts.is_array() || parts.empty() || !parts[0].is_array() || parts[0].empty())
    return std::nullopt;
  Date date;
  const Json& first = parts[0];
  auto part = [&first](size_t idx) {
    if (idx >= first.size()) return 0;
    if (first[idx].is_number_integer()) return first[idx].get<int>();
    if (first[idx].is_string()) return std::atoi(first[idx].get<std::string>().c_str());
    return 0;
  };
  date.year = part(0);
  date.month = part(1);
  date.day = date.month ? part(2) : 0;
  if (date.year == 0) return std::nullopt;
  return date;
}

struct Name {
  std::string family;  // or the literal name
  std::string given;
};

std::vector<Name> Authors(const Json& item) {
  std::vector<Name> names;
  auto found = item.find("author");
  if (found == item.end() || !found->is_array()) return names;
  for (const Json& author : *found) {
    if (!author.is_object()) continue;
    std::string literal = StringField(author, "literal");
    if (!literal.empty()) {
      names.push_back({literal, ""});
      continue;
    }
    names.push_back({StringField(author, "family"), StringField(author, "given")});
  }
  return names;
}

// "Kanat" -> "K.", "Jean-Paul" -> "J.-P.", "Ali Veli" -> "A. V."
std::string Initials(const std::string& given) {
  std::string out;
  bool start = true;
  for (size_t pos = 0; pos < given.size(); ++pos) {
    char c = given[pos];
    if (c == ' ' || c == '-') {
      if (c == '-') out += "-";
      start = true;
      continue;
    }
    if (!start) continue;
    size_t length = 1;
    unsigned char lead = static_cast<unsigned char>(c);
    if (lead >= 0xF0)
      length = 4;
    else if (lead >= 0xE0)
      length = 3;
    else if (lead >= 0xC0)
      length = 2;
    if (!out.empty() && out.back() != '-') out += " ";
    out += given.substr(pos, length) + ".";
    start = false;
  }
  return out;
}

// CSL-JSON marks a list cut short with a last author {"literal": "et al."}.
bool IsEtAl(const Name& name) {
  return name.given.empty() && (name.family == "et al." || name.family == "et al");
}

// "Felbermayr, G., Kirilakha, A., & Syropoulos, C."; a list cut short ends ", et al."
// without the "&" that joins a complete list's last name.
std::string AuthorList(std::vector<Name> names) {
  bool cut_short = !names.empty() && IsEtAl(names.back());
  if (cut_short) names.pop_back();
  std::string out;
  for (size_t idx = 0; idx < names.size(); ++idx) {
    std::string one =
        names[idx].family + (names[idx].given.empty() ? "" : ", " + Initials(names[idx].given));
    bool last = idx + 1 == names.size() && !cut_short;
    if (idx > 0) out += last ? (names.size() > 2 ? ", & " : " & ") : ", ";
    out += one;
  }
  return cut_short ? out + ", et al." : out;
}

std::string ShortAuthors(const std::vector<Name>& names, const std::string& title,
                         std::string_view lang) {
  if (names.empty()) return title.size() > 40 ? title.substr(0, title.find(' ', 30)) + "…" : title;
  if (names.size() > 1 && IsEtAl(names.back())) return names[0].family + " " + Msg("et_al", lang);
  if (names.size() == 1) return names[0].family;
  if (names.size() == 2) return names[0].family + " & " + names[1].family;
  return names[0].family + " " + Msg("et_al", lang);
}

std::string WithPeriod(const std::string& text) {
  if (text.empty()) return text;
  char last = text.back();
  return last == '.' || last == '?' || last == '!' ? text : text + ".";
}

std::string EntryHtml(const Json& item, const Source& source, const Formatter& format) {
  std::vector<Name> authors = Authors(item);
  std::optional<Date> issued = CslDate(item, "issued");
  std::string year = issued ? Formatter::Year(issued->year) : Msg("nd", format.lang());
  std::string title = source.title.empty() ? StringField(item, "title") : source.title;
  std::string container = StringField(item, "container-title");
  bool italic_title = container.empty();
  std::string title_html =
      italic_title ? "<i>" + Escape(WithPeriod(title)) + "</i> " : Escape(WithPeriod(title)) + " ";
  // Without an author the title takes its place, before the year (APA).
  std::string html = authors.empty()
                         ? title_html + "(" + Escape(year) + "). "
                         : Escape(WithPeriod(AuthorList(authors))) + " (" + Escape(year) + "). " +
                               title_html;
  if (!container.empty()) {
    html += "<i>" + Escape(container) + "</i>";
    std::string volume = StringField(item, "volume");
    std::string issue = StringField(item, "issue");
    std::string page = StringField(item, "page");
    if (!volume.empty()) html += ", <i>" + Escape(volume) + "</i>";
    if (!issue.empty()) html += "(" + Escape(issue) + ")";
    if (!page.empty()) html += ", " + Escape(page);
    html += ". ";
  }
  std::string number = StringField(item, "number");
  if (!number.empty()) html += Escape(WithPeriod(number)) + " ";
  std::string publisher = StringField(item, "publisher");
  if (!publisher.empty() && (authors.empty() || publisher != authors[0].family)) {
    html += Escape(WithPeriod(publisher)) + " ";
  }
  std::string doi = StringField(item, "DOI");
  std::string url = doi.empty() ? StringField(item, "URL") : "https://doi.org/" + doi;
  if (!url.empty()) {
    // Printed, not linked: the brief links to nothing outside itself.
    html += "<span class=\"url\">" + Escape(url) + "</span>";
    std::optional<Date> accessed = CslDate(item, "accessed");
    if (accessed)
      html += " (" + Escape(Msg("accessed", format.lang(), {format.DateText(*accessed)})) + ")";
    html += ".";
  }
  return html;
}

}  // namespace

Reference FormatReference(const Source& source, const Formatter& format) {
  Json item = Json::parse(source.csl_json, nullptr, false);
  if (item.is_discarded() || !item.is_object()) item = Json::object();
  std::vector<Name> authors = Authors(item);
  std::optional<Date> issued = CslDate(item, "issued");
  std::string title = source.title.empty() ? StringField(item, "title") : source.title;
  Reference reference;
  reference.id = source.id;
  std::string year = issued ? Formatter::Year(issued->year) : Msg("nd", format.lang());
  reference.short_cite = Escape(ShortAuthors(authors, title, format.lang()) + " (" + year + ")");
  reference.entry_html = EntryHtml(item, source, format);
  std::string key = authors.empty() ? title : authors[0].family;
  std::transform(key.begin(), key.end(), key.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  reference.sort_key = key + " " + year + " " + source.id;
  return reference;
}

Citations::Citations(const std::vector<Source>& sources, const Formatter& format) {
  for (const Source& source : sources) references_[source.id] = FormatReference(source, format);
}

std::string Citations::ShortCite(const SourceRef& ref) {
  auto found = references_.find(ref.source_id);
  std::string text;
  if (found == references_.end()) {
    text = Escape(ref.source_id);
  } else {
    cited_.insert(ref.source_id);
    text = "<a href=\"#ref-" + Escape(ref.source_id) + "\">" + found->second.short_cite + "</a>";
  }
  if (!ref.locator.empty()) text += ", " + Escape(ref.locator);
  return text;
}

std::string Citations::Cite(const std::vector<SourceRef>& refs, std::string_view extra_html) {
  std::vector<SourceRef> unique;
  for (const SourceRef& ref : refs) {
    if (std::find(unique.begin(), unique.end(), ref) == unique.end()) unique.push_back(ref);
  }
  std::string note;
  for (const SourceRef& ref : unique) note += (note.empty() ? "" : "; ") + ShortCite(ref);
  if (!note.empty()) note += ".";
  if (!extra_html.empty()) note += (note.empty() ? "" : " ") + std::string(extra_html);
  auto [found, is_new] = number_of_note_.try_emplace(note, notes_.size() + 1);
  std::string number = std::to_string(found->second);
  if (!is_new) return "<sup class=\"fn\"><a href=\"#fn-" + number + "\">" + number + "</a></sup>";
  notes_.push_back(note);
  return "<sup class=\"fn\"><a href=\"#fn-" + number + "\" id=\"fnref-" + number + "\">" + number +
         "</a></sup>";
}

std::string Citations::FootnotesHtml() const {
  std::string html = "<ol class=\"footnotes\">\n";
  for (size_t note_idx = 0; note_idx < notes_.size(); ++note_idx) {
    std::string number = std::to_string(note_idx + 1);
    html += "<li id=\"fn-" + number + "\">" + notes_[note_idx] + " <a href=\"#fnref-" + number +
            "\" aria-label=\"back\">\u21a9</a></li>\n";
  }
  return html + "</ol>\n";
}

std::string Citations::BibliographyHtml() const {
  std::vector<const Reference*> cited;
  for (const std::string& id : cited_) cited.push_back(&references_.find(id)->second);
  std::sort(cited.begin(), cited.end(),
            [](const Reference* a, const Reference* b) { return a->sort_key < b->sort_key; });
  std::string html = "<ol class=\"bibliography\">\n";
  for (const Reference* reference : cited) {
    html += "<li id=\"ref-" + Escape(reference->id) + "\">" + reference->entry_html + "</li>\n";
  }
  return html + "</ol>\n";
}

}  // namespace defcoop::report
