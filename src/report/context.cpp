#include "context.h"

#include <algorithm>
#include <map>

#include "defcoop/analysis/shock_timeline.h"
#include "html.h"

namespace defcoop::report {
namespace {

constexpr int kWaveWindowMonths = 12;
// The default shock of the 2022 wave: Russia's full-scale invasion of Ukraine.
constexpr Date kDefaultShock{2022, 2, 24};

// "key=value;key=value" -> map.
std::map<std::string, std::string> Params(const std::string& text) {
  std::map<std::string, std::string> params;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(';', start);
    std::string pair =
        text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    size_t equals = pair.find('=');
    if (equals != std::string::npos) params[pair.substr(0, equals)] = pair.substr(equals + 1);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return params;
}

WaveTest ComputeWave(const ReportData& data, const ReportOptions& options) {
  WaveTest wave;
  wave.shock = kDefaultShock;
  for (const Claim& claim : data.curated.claims) {
    if (claim.kind != "shock_test") continue;
    auto params = Params(claim.params);
    auto date = ParseDate(params["date"]);
    if (date.ok()) wave.shock = *date;
    wave.sources = claim.sources;
    break;
  }
  for (const Event& event : data.curated.events) {
    if (event.date == wave.shock) {
      wave.shock_label = event.title;
      wave.sources.insert(wave.sources.end(), event.sources.begin(), event.sources.end());
    }
  }
  analysis::TimelineFilter filter;
  filter.actors = {options.focus};
  filter.partners = std::set<std::string>(options.partners.begin(), options.partners.end());
  filter.types = {"agreement"};
  analysis::ShockOptions shock_options;
  shock_options.window_length = kWaveWindowMonths;
  // The same run as `defcoop shock` and the claim check: same span, dates and rank.
  auto run = analysis::TestShockOnTimeline(data.curated, filter, wave.shock, shock_options);
  if (!run.ok()) return wave;
  for (const analysis::TimelineEntry& entry : run->entries)
    wave.sources.insert(wave.sources.end(), entry.sources.begin(), entry.sources.end());
  wave.test = std::move(run->test);
  return wave;
}

}  // namespace

ReportContext::ReportContext(const ReportData& report_data, const ReportOptions& report_options)
    : data(report_data),
      options(report_options),
      format(report_options.lang),
      names(report_data.curated, report_options.lang),
      cites(report_data.curated.sources, format) {}

std::string ReportContext::CiteSipri(const std::vector<SourceRef>& refs) {
  std::vector<SourceRef> all{{"sipri-atdb", ""}};
  all.insert(all.end(), refs.begin(), refs.end());
  return cites.Cite(
      all, Escape(std::string(analysis::kSipriCredit) + ", " + M("vintage", {data.vintage}) + "."));
}

std::string ReportContext::Figure(const Chart& chart, std::string_view marker) const {
  return "<figure id=\"" + Escape(chart.id) + "\">" + chart.svg + "<figcaption>" +
         Escape(chart.title) + std::string(marker) + " · <a download=\"" + Escape(chart.id) +
         ".csv\" href=\"" + CsvDataUri(chart.csv) + "\">" + Escape(M("download_csv")) +
         "</a></figcaption></figure>\n";
}

std::string ReportContext::SipriMissing() const {
  return "<p class=\"missing\">" + Escape(M("sipri_missing")) + "</p>\n";
}

Facts ComputeFacts(const ReportData& data, const ReportOptions& options) {
  Facts facts;
  facts.has_sipri = !data.transfers.empty();
  const std::set<std::string> focus{options.focus};
  if (facts.has_sipri) {
    analysis::TivFilter filter;
    filter.suppliers = focus;
    filter.years = options.years;
    facts.exports_by_year =
        analysis::AggregateTiv(data.transfers, filter, {analysis::TivGroup::kYear});
    facts.recipients = analysis::RecipientShares(data.transfers, focus, options.years);
    // Ranked among states, as `defcoop exports` ranks (not organisations or unknowns).
    std::set<std::string, std::less<>> states;
    for (const Actor& actor : data.curated.actors) {
      if (actor.kind == ActorKind::kState || actor.kind == ActorKind::kHistoricalState)
        states.insert(actor.id);
    }
    auto rank_among_states = [&](YearRange years) {
      return analysis::ExporterRank(
          data.transfers, options.focus, years,
          [&states](std::string_view id) { return states.find(id) != states.end(); });
    };
    facts.rank = rank_among_states(options.years);
    if (options.years.last - options.years.first + 1 > kRecentYears) {
      YearRange recent{options.years.last - kRecentYears + 1, options.years.last};
      facts.recent_years = recent;
      facts.recent_recipients = analysis::RecipientShares(data.transfers, focus, recent);
      facts.recent_rank = rank_among_states(recent);
    }
    facts.previous_years = analysis::PreviousWindow(options.years);
    facts.previous_recipients =
        analysis::RecipientShares(data.transfers, focus, facts.previous_years);
  }
  facts.claims = analysis::CheckClaims(data.curated, data.transfers, data.vintage);
  analysis::EmbargoQuery query;
  query.targets = focus;
  if (facts.has_sipri) query.sipri_last_year = options.years.last;
  facts.embargoes = analysis::AnalyzeEmbargoes(data.curated, data.transfers, query);
  facts.wave = ComputeWave(data, options);
  return facts;
}

std::vector<analysis::TimelineEntry> PartnerEntries(const ReportContext& context,
                                                    const std::string& partner,
                                                    const std::set<std::string>& kinds) {
  analysis::TimelineFilter filter;
  filter.actors = {context.options.focus};
  filter.partners = {partner};
  filter.types = kinds;
  return analysis::BuildTimeline(context.data.curated, filter);
}

std::vector<std::pair<double, double>> YearPoints(const std::vector<analysis::TivRow>& rows) {
  std::vector<std::pair<double, double>> points;
  for (const analysis::TivRow& row : rows) points.emplace_back(row.year, row.tiv);
  return points;
}

std::vector<SourceRef> SourceIdsOnly(const std::vector<SourceRef>& refs) {
  std::vector<SourceRef> ids;
  for (const SourceRef& ref : refs) {
    SourceRef bare{ref.source_id, ""};
    if (std::find(ids.begin(), ids.end(), bare) == ids.end()) ids.push_back(bare);
  }
  return ids;
}

std::vector<std::pair<double, double>> FilledYears(const std::vector<analysis::TivRow>& rows,
                                                   YearRange years) {
  std::map<int, double> by_year;
  for (const analysis::TivRow& row : rows) by_year[row.year] += row.tiv;
  std::vector<std::pair<double, double>> points;
  for (int year = years.first; year <= years.last; ++year) points.emplace_back(year, by_year[year]);
  return points;
}

std::string JoinNames(const ReportContext& context, const std::vector<std::string>& ids) {
  std::string text;
  for (const std::string& id : ids) text += (text.empty() ? "" : ", ") + context.Name(id);
  return text;
}

}  // namespace defcoop::report
