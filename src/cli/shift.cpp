// `defcoop shift COUNTRY [--years A-B] [--window 5] [--step 1] [--vintage V]`: a
// recipient's supplier shares over rolling windows (analysis/supplier_shift.h): the
// dominant supplier and HHI per window, when the dominant supplier changes, and which
// suppliers rose and fell between the first and the last window.
#include <fmt/format.h>

#include <memory>

#include "defcoop/analysis/supplier_shift.h"
#include "sipri_data.h"

namespace defcoop::cli {
namespace {

// Shares are printed as percentages in the table's summary column.
constexpr double kPercent = 100;
// A change of share smaller than this is "stable", not a rise or a fall (rounding noise).
constexpr double kShareTolerance = 1e-9;
// Suppliers listed per window in the table's `top` column.
constexpr size_t kTopSuppliers = 3;
// Rising and falling suppliers named in the table's notes (meta lists them all).
constexpr size_t kNotedTrends = 5;

struct ShiftCliOptions {
  std::string country;
  std::string years;
  int window = 5;
  int step = 1;
  std::string vintage;
};

// The recipient's first to last delivery year, or `text` when given.
Result<YearRange> RecipientYears(const SipriData& data, const ActorSet& recipients,
                                 const std::string& text) {
  if (!text.empty()) {
    auto years = ParseYearRange(text);
    if (!years.ok()) return Status::Usage(years.status().message());
    return *years;
  }
  auto rows =
      analysis::AggregateTiv(data.transfers, {{}, recipients, {}}, {analysis::TivGroup::kYear});
  if (rows.empty())
    return Status::NotFound("no deliveries to this recipient in vintage " + data.vintage);
  return YearRange{rows.front().year, rows.back().year};
}

nlohmann::ordered_json WindowRow(const SipriData& data, const std::string& lang,
                                 const analysis::ShiftWindow& window) {
  nlohmann::ordered_json shares = nlohmann::ordered_json::object();
  std::vector<std::string> top;
  for (const analysis::Share& share : window.shares) {
    shares[share.actor] = share.share;
    if (top.size() < kTopSuppliers)
      top.push_back(fmt::format("{} {:.0f}%", share.actor, share.share * kPercent));
  }
  return {
      {"years", window.years.ToString()},
      {"dominant", window.dominant},
      {"dominant_name", window.dominant.empty() ? "" : DisplayName(data, window.dominant, lang)},
      {"dominant_share", window.dominant_share},
      {"hhi", window.hhi},
      {"total", window.total},
      {"top", top},
      {"shares", shares},
      {"approximate", window.approximate}};
}

nlohmann::ordered_json TrendJson(const analysis::SupplierTrend& trend) {
  return {{"supplier", trend.supplier},
          {"first_share", trend.first_share},
          {"last_share", trend.last_share},
          {"change", trend.change}};
}

std::string TrendText(const SipriData& data, const std::string& lang,
                      const analysis::SupplierTrend& trend) {
  return fmt::format("{} {:+.0f} pp ({:.0f}% -> {:.0f}%)", DisplayName(data, trend.supplier, lang),
                     trend.change * kPercent, trend.first_share * kPercent,
                     trend.last_share * kPercent);
}

void AddTrends(const SipriData& data, const std::string& lang, const analysis::SupplierShift& shift,
               Output* output) {
  nlohmann::ordered_json rising = nlohmann::ordered_json::array();
  nlohmann::ordered_json falling = nlohmann::ordered_json::array();
  std::string rising_text, falling_text;
  for (const analysis::SupplierTrend& trend : shift.trends) {
    if (trend.change > kShareTolerance && rising.size() < kNotedTrends) {
      rising_text += (rising_text.empty() ? "" : "; ") + TrendText(data, lang, trend);
    }
    if (trend.change > kShareTolerance) rising.push_back(TrendJson(trend));
    if (trend.change < -kShareTolerance) falling.insert(falling.begin(), TrendJson(trend));
  }
  for (size_t idx = 0; idx < falling.size() && idx < kNotedTrends; ++idx) {
    const analysis::SupplierTrend& trend = shift.trends[shift.trends.size() - 1 - idx];
    falling_text += (falling_text.empty() ? "" : "; ") + TrendText(data, lang, trend);
  }
  if (rising.size() > kNotedTrends)
    rising_text += fmt::format("; {} more", rising.size() - kNotedTrends);
  if (falling.size() > kNotedTrends)
    falling_text += fmt::format("; {} more", falling.size() - kNotedTrends);
  output->meta["rising"] = rising;
  output->meta["falling"] = falling;
  if (!shift.first_window) return;
  output->meta["compared_windows"] = {shift.first_window->ToString(),
                                      shift.last_window->ToString()};
  std::string between = shift.first_window->ToString() + " to " + shift.last_window->ToString();
  output->notes.push_back("rising, " + between + ": " +
                          (rising_text.empty() ? "none" : rising_text));
  output->notes.push_back("falling, " + between + ": " +
                          (falling_text.empty() ? "none" : falling_text));
}

void AddChanges(const SipriData& data, const std::string& lang,
                const analysis::SupplierShift& shift, Output* output) {
  nlohmann::ordered_json changes = nlohmann::ordered_json::array();
  for (const analysis::DominantChange& change : shift.changes) {
    changes.push_back({{"from_window", change.from.ToString()},
                       {"to_window", change.to.ToString()},
                       {"previous", change.previous},
                       {"next", change.next}});
    output->notes.push_back(fmt::format(
        "dominant supplier: {} ({}) -> {} ({})", DisplayName(data, change.previous, lang),
        change.from.ToString(), DisplayName(data, change.next, lang), change.to.ToString()));
  }
  if (shift.changes.empty()) output->notes.push_back("dominant supplier: no change");
  output->meta["dominant_changes"] = changes;
}

Status RunShift(Context& context, const ShiftCliOptions& options) {
  if (options.window < 1 || options.step < 1)
    return Status::Usage("--window and --step must be at least 1");
  auto loaded = LoadSipriData(context, options.vintage);
  if (!loaded.ok()) return loaded.status();
  const SipriData& data = **loaded;
  auto recipients = ResolveActors(data.index, {options.country});
  if (!recipients.ok()) return recipients.status();
  auto years = RecipientYears(data, *recipients, options.years);
  if (!years.ok()) return years.status();
  if (years->Length() < options.window) {
    return Status::Usage(fmt::format("--years {} is shorter than one --window of {} years",
                                     years->ToString(), options.window));
  }
  auto shift = analysis::ComputeSupplierShift(data.transfers, *recipients, *years,
                                              {options.window, options.step});
  if (!shift.ok()) return shift.status();
  Output output;
  output.columns = {"years", "dominant", "dominant_share", "hhi", "total", "top"};
  bool approximate = false;
  for (const analysis::ShiftWindow& window : shift->windows) {
    output.rows.push_back(WindowRow(data, context.lang, window));
    approximate = approximate || window.approximate;
  }
  output.meta["recipient"] = options.country;
  output.meta["recipients"] = recipients->IdsIn(*years);
  output.meta["years"] = years->ToString();
  output.meta["window"] = options.window;
  output.meta["step"] = options.step;
  AddChanges(data, context.lang, *shift, &output);
  AddTrends(data, context.lang, *shift, &output);
  AddSipriMeta(data, approximate, context.lang, &output);
  return context.Emit(output);
}

}  // namespace

void AddShift(CLI::App* command, Context* context) {
  auto options = std::make_shared<ShiftCliOptions>();
  command->add_option("country", options->country, "recipient country or group")->required();
  command->add_option("--years", options->years,
                      "delivery years A-B (default: the recipient's first to last)");
  command->add_option("--window", options->window, "years per window (default 5)");
  command->add_option("--step", options->step, "years between window starts (default 1)");
  command->add_option("--vintage", options->vintage, "SIPRI vintage (default: newest)");
  command->callback([context, options] { context->result = RunShift(*context, *options); });
}

}  // namespace defcoop::cli
