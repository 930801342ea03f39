"""The answers the recomputation suite expects, computed from sipri_reader's deals.

This is the specification defcoop is held to, written as plainly as possible:
- an actor id means that actor: an organisation SIPRI lists (`NATO**`) is itself;
- a group asked for without a date (`OTS`) means its members at each delivery's year,
  with a date (`OTS@2022`) its members at that date; observers are never members;
- `unknown supplier(s)` / `unknown recipient(s)` are two actors, `unknown:supplier` and
  `unknown:recipient`, neither a state;
- an old register's per-year values are its deal TIV spread evenly over the listed years
  (approximate); a sum that takes all of a deal's deliveries (or none) is exact, one that
  takes some of them (cut by the years or by a membership) is approximate;
- exporter ranks count states only; equal totals share a rank.
"""

import csv
from dataclasses import dataclass


@dataclass(frozen=True)
class Side:
    """One side of a query: an actor id, or a group's members (at `year`, else each delivery's)."""
    actor: str = ""
    group: str = ""
    year: int = 0

    def matches(self, actor_id, delivery_year, memberships):
        if self.actor:
            return actor_id == self.actor
        return actor_id in memberships.members(self.group, self.year or delivery_year)


# Actor kinds (`defcoop resolve`) that are states: `unknown`, organisations and armed
# groups are not.
STATE_KINDS = {"state", "historical_state"}


class Memberships:
    """The curated membership table (data/memberships.csv): members by year."""

    def __init__(self, path):
        self.rows = []
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row["role"] != "member":
                    continue
                first = int(row["from"][:4]) if row["from"] else -9999
                last = int(row["to"][:4]) if row["to"] else 9999
                self.rows.append((row["organization"], row["actor"], first, last))

    def ever(self, organization):
        return {actor for org, actor, _, _ in self.rows if org == organization}

    def members(self, organization, year):
        # A year-precision date covers the whole year: a member at any time in it counts
        # (defcoop's OTS@2019 convention; Uzbekistan joined OTS on 2019-10-15).
        return {actor for org, actor, first, last in self.rows
                if org == organization and first <= year <= last}


@dataclass
class Row:
    tiv: float = 0.0
    approximate: bool = False


class Model:
    """Deals with resolved actor ids, and the three queries the suite compares."""

    def __init__(self, register, ids, kinds, memberships):
        self.memberships = memberships
        self.kinds = kinds
        self.deals = [(ids[d.supplier], ids[d.recipient], d) for d in register.deals
                      if d.supplier in ids and d.recipient in ids]
        years = [x.year for _, _, d in self.deals for x in d.deliveries]
        self.span = (min(years), max(years))
        self.by_actor = ({}, {})  # deals by supplier id, by recipient id
        self.supplier_years = {}  # supplier id -> {year: delivered TIV}
        for entry in self.deals:
            self.by_actor[0].setdefault(entry[0], []).append(entry)
            self.by_actor[1].setdefault(entry[1], []).append(entry)
            by_year = self.supplier_years.setdefault(entry[0], {})
            for delivery in entry[2].deliveries:
                by_year[delivery.year] = by_year.get(delivery.year, 0.0) + delivery.tiv

    def candidates(self, supplier, recipient):
        """The deals a query can touch (an index lookup; the filter is applied after)."""
        lists = []
        for index, side in enumerate((supplier, recipient)):
            if not side:
                continue
            ids = {side.actor} if side.actor else self.memberships.ever(side.group)
            lists.append([e for actor in sorted(ids) for e in self.by_actor[index].get(actor, [])])
        return min(lists, key=len) if lists else self.deals

    def tiv(self, supplier, recipient, years, by):
        """{key tuple: Row}; by is a list among 'supplier', 'recipient', 'year'."""
        rows = {}
        first, last = years
        for supplier_id, recipient_id, deal in self.candidates(supplier, recipient):
            def counted(delivery):
                return (first <= delivery.year <= last
                        and (not supplier or supplier.matches(supplier_id, delivery.year,
                                                              self.memberships))
                        and (not recipient or recipient.matches(recipient_id, delivery.year,
                                                                self.memberships)))
            taken = [d for d in deal.deliveries if counted(d)]
            whole = len(taken) == len(deal.deliveries)
            for delivery in taken:
                key = tuple({"supplier": supplier_id, "recipient": recipient_id,
                             "year": delivery.year}[name] for name in by)
                row = rows.setdefault(key, Row())
                row.tiv += delivery.tiv
                row.approximate |= delivery.approximate and ("year" in by or not whole)
        return rows

    def shares(self, side, years, of_supplier):
        """(rows {actor: Row}, total, hhi) of a recipient's suppliers or a supplier's recipients."""
        if of_supplier:
            rows = self.tiv(None, side, years, ["supplier"])
        else:
            rows = self.tiv(side, None, years, ["recipient"])
        rows = {key[0]: row for key, row in rows.items()}
        total = sum(row.tiv for row in rows.values())
        hhi = sum((row.tiv / total) ** 2 for row in rows.values()) if total > 0 else 0.0
        return rows, total, hhi

    def exporter_totals(self, years, states_only):
        totals = {}
        for supplier_id, by_year in self.supplier_years.items():
            inside = [tiv for year, tiv in by_year.items() if years[0] <= year <= years[1]]
            if inside and (not states_only or self.is_state(supplier_id)):
                totals[supplier_id] = sum(inside)
        return totals

    def is_state(self, actor_id):
        return self.kinds.get(actor_id) in STATE_KINDS


def previous_window(years):
    length = years[1] - years[0] + 1
    return (years[0] - length, years[0] - 1)
