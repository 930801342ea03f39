// A small fixed data set for report tests: Türkiye, two partners (KAZ, AZE), two
// suppliers (USA, RUS), three sources, two agreements around 2022-02-24, one embargo,
// one claim, and SIPRI transfers delivering in 2015-2022.
#pragma once

#include "defcoop/report/report.h"

namespace defcoop::testing {

report::ReportData SmallReportData();
report::ReportOptions SmallReportOptions();

}  // namespace defcoop::testing
