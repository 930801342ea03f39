// Field access for one row of a curated CSV file. Every accessor that finds a problem
// (a missing required value, a bad date, an empty list element) records it with the
// field's file:line:column and returns an empty value, so a row's reader can go on and
// report every problem of the row.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "defcoop/core/model.h"
#include "defcoop/csv/reader.h"

namespace defcoop::ingest {

// A reference from a fact to another fact or a source, checked once all files are read.
struct Reference {
  std::string target;  // actor id, source id, event id, ...
  Location where;
};

struct References {
  std::vector<Reference> actors;
  std::vector<Reference> sources;
  std::vector<Reference> events;
  std::vector<Reference> platforms;
  std::vector<Reference> components;
};

class CuratedRow {
 public:
  CuratedRow(const csv::Record& record, const std::map<std::string, size_t>& columns,
             const std::string& file, std::vector<Status>* problems, References* refs);

  std::string Text(const std::string& column) const;      // "" when absent
  std::string Required(const std::string& column) const;  // problem when empty
  std::optional<Date> OptionalDate(const std::string& column) const;
  Date RequiredDate(const std::string& column) const;
  std::optional<double> Number(const std::string& column) const;
  std::optional<int> Integer(const std::string& column) const;
  bool Bool(const std::string& column) const;  // false when empty
  std::vector<std::string> List(const std::string& column) const;
  std::vector<double> NumberList(const std::string& column) const;
  // The value must be one of `allowed`.
  std::string OneOf(const std::string& column, const std::vector<std::string>& allowed,
                    bool required = true) const;

  // The same accessors that also record the values as references to check.
  std::string ActorRef(const std::string& column, bool required) const;
  std::vector<std::string> ActorList(const std::string& column, bool required) const;
  std::string EventRef(const std::string& column) const;
  std::string PlatformRef(const std::string& column) const;
  std::string ComponentRef(const std::string& column) const;
  std::vector<SourceRef> Sources() const;

  Location Where(const std::string& column) const;
  int line() const { return record_.line; }
  // Records a problem at the column's place.
  void Problem(const std::string& column, std::string message) const;

 private:
  static std::optional<double> ParseNumber(std::string_view text);
  const std::string* Field(const std::string& column) const;

  const csv::Record& record_;
  const std::map<std::string, size_t>& columns_;
  const std::string& file_;
  std::vector<Status>* problems_;
  References* refs_;
};

}  // namespace defcoop::ingest
