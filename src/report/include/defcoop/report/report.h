// The brief: one self-contained HTML file (inline CSS and SVG, no scripts, nothing
// fetched when it is opened) that tells the story of a focus country's defense industry,
// its exports and its cooperation with a set of partners, from the curated data and the
// SIPRI register of one vintage. Every number, chart and table carries a footnote built
// from its sources; the bibliography lists every source cited, in one APA-like style.
//
// Contract: RenderReport is a pure function of its inputs (no clock, no files), so the
// same data gives byte-identical HTML. Missing SIPRI data is not an error: the SIPRI
// sections then say what is missing. Errors: Usage for an unsupported language or an
// empty year range.
#pragma once

#include <string>
#include <vector>

#include "defcoop/core/date.h"
#include "defcoop/core/imported_file.h"
#include "defcoop/core/model.h"
#include "defcoop/core/status.h"

namespace defcoop::report {

struct ReportData {
  Dataset curated;
  std::vector<Transfer> transfers;  // the register of `vintage`; empty: no SIPRI data
  std::string vintage;              // "" when there is no SIPRI data
  std::vector<DefenseCooperationAgreement> dcas;  // DCAD, when imported; else empty
  std::vector<SanctionCase> sanctions;            // GSDB, when imported; else empty
  std::vector<AllianceYear> alliances;  // ATOP years of the focus country; empty: none
  // The imported files the brief read (the register of `vintage`, SIPRI's tables of the
  // same vintage, DCAD, GSDB, ATOP), listed with their content hashes in the method notes.
  std::vector<ImportedFileRecord> files;
};

struct ReportOptions {
  std::string focus = "TUR";          // actor id of the focus country
  std::vector<std::string> partners;  // actor ids, the focus excluded
  // How the partners were asked for (actor ids such as "org:ots", or the user's text),
  // named in the title; empty: the partners' names.
  std::vector<std::string> partner_groups;
  YearRange years{2000, 2024};
  std::string lang = "en";   // en, tr, kk or ru
  std::string generated_on;  // ISO date shown in the header; "" = not shown
};

// The languages with a message catalog.
bool IsSupportedLanguage(const std::string& lang);

Result<std::string> RenderReport(const ReportData& data, const ReportOptions& options);

}  // namespace defcoop::report
