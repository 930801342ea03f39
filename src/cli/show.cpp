// `defcoop show NAME`: everything known about an actor, a platform or an agreement
// (or an event, embargo or venture by id), one line per fact with its sources.
#include <memory>

#include "context.h"
#include "sipri_data.h"

namespace defcoop::cli {
namespace {

class Sheet {
 public:
  void Add(const std::string& section, const std::string& item, const std::string& detail,
           const std::string& date, const std::vector<SourceRef>& sources) {
    output_.rows.push_back({{"section", section},
                            {"item", item},
                            {"detail", detail},
                            {"date", date},
                            {"sources", SourcesJson(sources)}});
  }
  Output& output() { return output_; }

 private:
  Output output_;
};

std::string DateText(const std::optional<Date>& date) { return date ? date->ToString() : ""; }

std::string Span(const std::optional<Date>& from, const std::optional<Date>& to) {
  if (!from && !to) return "";
  return DateText(from) + "–" + DateText(to);
}

bool Contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// Actor and platform ids as "Name (id)", names in the output language; other text as is.
class Labels {
 public:
  Labels(const SipriData& data, std::string lang) : data_(data), lang_(std::move(lang)) {}

  std::string operator()(const std::string& id) const {
    std::string name = DisplayName(data_, id, lang_);
    if (name == id) name = PlatformName(id);
    return name == id ? id : name + " (" + id + ")";
  }

  std::string Join(const std::vector<std::string>& ids) const {
    std::string joined;
    for (const std::string& id : ids) joined += (joined.empty() ? "" : ", ") + (*this)(id);
    return joined;
  }

 private:
  std::string PlatformName(const std::string& id) const {
    for (const Platform& p : data_.curated.platforms) {
      if (p.id == id) return p.name;
    }
    return id;
  }

  const SipriData& data_;
  std::string lang_;
};

std::string Join(const std::vector<std::string>& items) {
  std::string joined;
  for (const std::string& item : items) joined += (joined.empty() ? "" : ", ") + item;
  return joined;
}

void ShowIdentity(const Actor& actor, const Labels& label, Sheet* sheet) {
  sheet->Add("actor", label(actor.id), std::string(ToString(actor.kind)),
             Span(actor.founded, actor.dissolved), actor.sources);
  if (!actor.home_state.empty())
    sheet->Add("actor", "home state", label(actor.home_state), "", actor.sources);
  if (!actor.note.empty()) sheet->Add("actor", "note", actor.note, "", actor.sources);
}

void ShowNamesAndCodes(const Dataset& data, const std::string& id, Sheet* sheet) {
  for (const ActorName& name : data.actor_names) {
    if (name.actor_id != id) continue;
    sheet->Add("names", name.name, name.kind + (name.lang.empty() ? "" : " (" + name.lang + ")"),
               Span(name.valid_from, name.valid_to), name.sources);
  }
  for (const ActorCode& code : data.actor_codes) {
    if (code.actor_id == id) sheet->Add("codes", code.code, code.scheme, "", code.sources);
  }
}

void ShowRelations(const Dataset& data, const std::string& id, const Labels& label, Sheet* sheet) {
  for (const Membership& m : data.memberships) {
    if (m.actor_id == id)
      sheet->Add("memberships", label(m.organization_id), m.role, Span(m.from, m.to), m.sources);
    if (m.organization_id == id)
      sheet->Add("members", label(m.actor_id), m.role, Span(m.from, m.to), m.sources);
  }
  for (const Agreement& a : data.agreements) {
    if (Contains(a.parties, id))
      sheet->Add("agreements", a.title, a.type + "; " + label.Join(a.parties), a.date.ToString(),
                 a.sources);
  }
  for (const Venture& v : data.ventures) {
    if (Contains(v.partners, id) || v.actor_id == id)
      sheet->Add("ventures", v.name, v.type + "; " + label.Join(v.partners), DateText(v.founded),
                 v.sources);
  }
  for (const Embargo& e : data.embargoes) {
    if (e.target == id)
      sheet->Add("embargoes on it", e.title, "by " + label.Join(e.imposers), Span(e.start, e.end),
                 e.sources);
    if (Contains(e.imposers, id))
      sheet->Add("embargoes it imposed", e.title, "on " + label(e.target), Span(e.start, e.end),
                 e.sources);
  }
  for (const Event& e : data.events) {
    if (Contains(e.actors, id))
      sheet->Add("events", e.title, e.type, Span(e.date, e.end_date), e.sources);
  }
}

void ShowIndustry(const Dataset& data, const std::string& id, const Labels& label, Sheet* sheet) {
  for (const Platform& p : data.platforms) {
    if (Contains(p.developers, id) || p.origin == id)
      sheet->Add("platforms", p.name, p.domain + "; " + p.category, DateText(p.first_delivered),
                 p.sources);
  }
  for (const Component& c : data.components) {
    if (c.maker == id)
      sheet->Add("components made", c.name, c.part + " of " + label(c.platform_id),
                 Span(c.from, c.to), c.sources);
  }
  for (const Indicator& i : data.indicators) {
    if (i.actor_id != id) continue;
    std::string value = CellText(i.value, "") + " " + i.unit + (i.estimate ? " (estimate)" : "");
    sheet->Add("indicators", i.metric, value, i.period, i.sources);
  }
}

void ShowPlatform(const Dataset& data, const Platform& p, const Labels& label, Sheet* sheet) {
  sheet->Add("platform", p.name, p.id + "; " + p.domain + "; " + p.category,
             DateText(p.first_delivered), p.sources);
  if (!p.aliases.empty()) sheet->Add("platform", "aliases", Join(p.aliases), "", p.sources);
  sheet->Add("platform", "developers", label.Join(p.developers), "", p.sources);
  if (!p.origin.empty()) sheet->Add("platform", "origin", label(p.origin), "", p.sources);
  for (const Component& c : data.components) {
    if (c.platform_id != p.id) continue;
    std::string detail = c.part + " by " + label(c.maker) + " (" + c.maker_state + ")";
    if (!c.replaced_by.empty()) detail += "; replaced by " + c.replaced_by;
    if (c.value_share)
      detail += "; value share " + CellText(*c.value_share, "") +
                (c.value_share_is_estimate ? " (estimate)" : "");
    sheet->Add("components", c.name, detail, Span(c.from, c.to), c.sources);
  }
}

const Platform* FindPlatform(const Dataset& data, const std::string& text) {
  std::string key = names::FoldForMatch(text);
  for (const Platform& p : data.platforms) {
    if (p.id == text || names::FoldForMatch(p.name) == key) return &p;
    for (const std::string& alias : p.aliases) {
      if (names::FoldForMatch(alias) == key) return &p;
    }
  }
  return nullptr;
}

bool ShowFactById(const Dataset& data, const std::string& id, const Labels& label, Sheet* sheet) {
  for (const Agreement& a : data.agreements) {
    if (a.id != id) continue;
    sheet->Add("agreement", a.title, a.type + (a.status.empty() ? "" : "; " + a.status),
               a.date.ToString(), a.sources);
    sheet->Add("agreement", "parties", label.Join(a.parties), "", a.sources);
    if (!a.note.empty()) sheet->Add("agreement", "note", a.note, "", a.sources);
    return true;
  }
  for (const Event& e : data.events) {
    if (e.id != id) continue;
    sheet->Add("event", e.title, e.type + "; " + label.Join(e.actors), Span(e.date, e.end_date),
               e.sources);
    return true;
  }
  for (const Embargo& e : data.embargoes) {
    if (e.id != id) continue;
    sheet->Add("embargo", e.title,
               e.scope + "; by " + label.Join(e.imposers) + " on " + label(e.target),
               Span(e.start, e.end), e.sources);
    return true;
  }
  for (const Venture& v : data.ventures) {
    if (v.id != id) continue;
    sheet->Add("venture", v.name, v.type + "; " + label.Join(v.partners) + "; " + v.products,
               DateText(v.founded), v.sources);
    return true;
  }
  return false;
}

Status RunShow(Context& context, const std::string& name) {
  auto loaded = LoadCuratedData(context);
  if (!loaded.ok()) return loaded.status();
  const Dataset& data = (*loaded)->curated;
  const Labels label(**loaded, context.lang);
  Sheet sheet;
  sheet.output().columns = {"section", "item", "detail", "date", "sources"};
  if (const Platform* platform = FindPlatform(data, name)) {
    ShowPlatform(data, *platform, label, &sheet);
  } else if (!ShowFactById(data, name, label, &sheet)) {
    const names::NameIndex& index = (*loaded)->index;
    auto found = index.Resolve(name);
    if (!found.ok()) return found.status();
    ShowIdentity(*index.FindActor(found->id), label, &sheet);
    ShowNamesAndCodes(data, found->id, &sheet);
    ShowRelations(data, found->id, label, &sheet);
    ShowIndustry(data, found->id, label, &sheet);
  }
  sheet.output().meta["query"] = name;
  return context.Emit(sheet.output());
}

}  // namespace

void AddShow(CLI::App* command, Context* context) {
  auto name = std::make_shared<std::string>();
  command->add_option("name", *name, "an actor (any spelling), a platform, or a fact id")
      ->required();
  command->callback([context, name] { context->result = RunShow(*context, *name); });
}

}  // namespace defcoop::cli
