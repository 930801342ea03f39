// What every section of the brief shares: the inputs, the language (messages, names,
// number formats), the footnotes, and the analyses computed once before any section is
// written (so the summary can state what later sections show, and nothing is computed
// twice).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "chart.h"
#include "citations.h"
#include "defcoop/analysis/claims.h"
#include "defcoop/analysis/embargo.h"
#include "defcoop/analysis/shock.h"
#include "defcoop/analysis/timeline.h"
#include "defcoop/analysis/tiv.h"
#include "defcoop/names/name_book.h"
#include "defcoop/report/report.h"
#include "format.h"
#include "messages.h"

namespace defcoop::report {

// The shock test of the 2022 wave, as the data's shock_test claim defines it (or the
// default: agreements of the focus with its partners around 2022-02-24, 12 months).
struct WaveTest {
  Date shock;
  std::string shock_label;
  std::vector<SourceRef> sources;
  std::optional<analysis::ShockTest> test;
};

constexpr int kRecentYears = 5;

struct Facts {
  bool has_sipri = false;
  std::vector<analysis::TivRow> exports_by_year;  // from the focus, every year of the range
  analysis::ShareTable recipients;
  analysis::Rank rank;
  // The headline window: the last kRecentYears years of the range (empty when the range
  // is no longer), shown before the long run, which averages over decades.
  std::optional<YearRange> recent_years;
  analysis::ShareTable recent_recipients;
  analysis::Rank recent_rank;
  YearRange previous_years;
  analysis::ShareTable previous_recipients;
  std::vector<analysis::ClaimCheck> claims;
  std::vector<analysis::EmbargoReport> embargoes;
  WaveTest wave;
};

class ReportContext {
 public:
  ReportContext(const ReportData& data, const ReportOptions& options);

  const ReportData& data;
  const ReportOptions& options;
  Formatter format;
  names::NameBook names;
  Citations cites;

  const std::string& lang() const { return options.lang; }
  std::string M(std::string_view key) const { return Msg(key, options.lang); }
  std::string M(std::string_view key, const std::vector<std::string>& args) const {
    return Msg(key, options.lang, args);
  }
  std::string Name(std::string_view id) const { return names.Name(id); }
  std::string Number(double value, int decimals = 0) const {
    return format.Number(value, decimals);
  }

  // A footnote crediting SIPRI as its user rules require, with the vintage, plus `refs`.
  std::string CiteSipri(const std::vector<SourceRef>& refs = {});
  // A <figure> with the chart, its caption, the footnote marker and the CSV download.
  std::string Figure(const Chart& chart, std::string_view marker) const;
  // The box a SIPRI part shows when there is no SIPRI data.
  std::string SipriMissing() const;
};

Facts ComputeFacts(const ReportData& data, const ReportOptions& options);

// One function per section, in the order of the brief. Each returns a whole <section>.
std::string SummarySection(ReportContext& context, const Facts& facts);
std::string IndustrySection(ReportContext& context, const Facts& facts);
std::string ExportsSection(ReportContext& context, const Facts& facts);
std::string PartnersSection(ReportContext& context, const Facts& facts);
std::string WaveSection(ReportContext& context, const Facts& facts);
std::string EmbargoesSection(ReportContext& context, const Facts& facts);
std::string NetworkSection(ReportContext& context, const Facts& facts);
std::string ClaimsSection(ReportContext& context, const Facts& facts);
std::string MethodSection(ReportContext& context, const Facts& facts);
std::string NotesSection(ReportContext& context);
std::string BibliographySection(ReportContext& context);

// Helpers the section files share.
std::vector<analysis::TimelineEntry> PartnerEntries(const ReportContext& context,
                                                    const std::string& partner,
                                                    const std::set<std::string>& kinds);
std::vector<std::pair<double, double>> YearPoints(const std::vector<analysis::TivRow>& rows);
// The sources without their locators, each once (for footnotes that sum up many facts).
std::vector<SourceRef> SourceIdsOnly(const std::vector<SourceRef>& refs);
// Delivered TIV per year of `years`, 0 for years without deliveries.
std::vector<std::pair<double, double>> FilledYears(const std::vector<analysis::TivRow>& rows,
                                                   YearRange years);
std::string JoinNames(const ReportContext& context, const std::vector<std::string>& ids);

}  // namespace defcoop::report
