"""Seeded, deterministic queries for one register, each tagged with its class.

A query is what the suite runs (`kind` + CLI arguments) and what the model needs to
answer it (sides, years, grouping). The same seed and register give the same queries.
"""

import random
from dataclasses import dataclass, field

from model import STATE_KINDS, Side

# SIPRI's two unnamed sides are two different actors, neither a state.
UNKNOWN_SUPPLIER = "unknown:supplier"
UNKNOWN_RECIPIENT = "unknown:recipient"

# SIPRI never lists this group; its members (and their join dates) come from
# data/memberships.csv. Turkiye is a member throughout, Uzbekistan from 2019.
GROUP_NAME = "OTS"
GROUP_ID = "org:ots"
GROUP_DATES = (2015, 2022)  # before and after Uzbekistan joined
# How far a coverage-edge range reaches outside the register's span.
EDGE_REACH = 3
# Share of random ranges that are the register's whole span (no --years).
WHOLE_SPAN_SHARE = 0.25


@dataclass
class Query:
    cls: str
    kind: str  # tiv, suppliers or exports
    args: list
    supplier: Side = None
    recipient: Side = None
    years: tuple = None  # None: the register's span
    by: list = field(default_factory=list)

    def args_with_kind(self):
        return [self.kind] + self.args

    def command(self):
        return " ".join(_quote(a) for a in self.args_with_kind())


def _quote(arg):
    return f'"{arg}"' if any(c in arg for c in " *()'") else arg


class Pools:
    """The register's actors (as the register spells them) that queries draw from."""

    def __init__(self, model, register, ids, kinds):
        spelled = {}
        for deal in register.deals:
            for name in (deal.supplier, deal.recipient):
                if name in ids:
                    spelled.setdefault(name, ids[name])
        self.ids = spelled
        delivered = [d for d in register.deals if d.deliveries]

        def state(name):
            return kinds.get(ids.get(name)) in STATE_KINDS

        self.suppliers = sorted({d.supplier for d in delivered if state(d.supplier)})
        self.recipients = sorted({d.recipient for d in delivered if state(d.recipient)})
        self.pairs = sorted({(d.supplier, d.recipient) for d in delivered
                             if state(d.supplier) and state(d.recipient)})
        self.organisations = sorted(n for n in spelled if n.endswith("**"))
        self.armed_groups = sorted(n for n in spelled if n.endswith("*") and not n.endswith("**"))
        self.org_suppliers = sorted({d.supplier for d in register.deals
                                     if d.supplier.endswith("*")})
        self.turkiye = next((n for n in spelled if spelled[n] == "TUR"), None)
        self.span = model.span


class Generator:
    def __init__(self, pools, seed, register_key):
        self.pools = pools
        self.rng = random.Random(f"{seed}/{register_key}")

    # ---- year ranges -----------------------------------------------------------

    def random_years(self):
        first, last = self.pools.span
        if self.rng.random() < WHOLE_SPAN_SHARE:
            return None
        a, b = sorted(self.rng.randint(first, last) for _ in range(2))
        return (a, b)

    def edge_years(self):
        first, last = self.pools.span
        inside = self.rng.randint(0, EDGE_REACH)
        outside = self.rng.randint(1, EDGE_REACH)
        if self.rng.random() < 0.5:
            return (first - outside, first + inside)
        return (last - inside, last + outside)

    @staticmethod
    def years_args(years):
        return ["--years", f"{years[0]}-{years[1]}"] if years else []

    # ---- one query per class ---------------------------------------------------

    def actor(self, name):
        return Side(actor=self.pools.ids[name])

    def tiv(self, cls, supplier_name, recipient_name, years, by, supplier=None, recipient=None):
        args = []
        if supplier_name:
            args += ["--supplier", supplier_name]
            supplier = supplier or self.actor(supplier_name)
        if recipient_name:
            args += ["--recipient", recipient_name]
            recipient = recipient or self.actor(recipient_name)
        by_arg = "dyad" if by == ["supplier", "recipient"] else ",".join(by)
        args += self.years_args(years) + ["--by", by_arg]
        return Query(cls, "tiv", args, supplier, recipient, years, by)

    def shares(self, cls, kind, name, years, side=None):
        side = side or self.actor(name)
        query = Query(cls, kind, [name] + self.years_args(years), years=years)
        if kind == "suppliers":
            query.recipient = side
        else:
            query.supplier = side
        return query

    def state_tiv(self):
        rng, pools = self.rng, self.pools
        choice = rng.randrange(6)
        years = self.random_years()
        if choice == 0:
            return self.tiv("tiv-recipient", None, rng.choice(pools.recipients), years, ["year"])
        if choice == 1:
            return self.tiv("tiv-supplier", rng.choice(pools.suppliers), None, years, ["year"])
        if choice == 2:
            supplier, recipient = rng.choice(pools.pairs)
            return self.tiv("tiv-pair", supplier, recipient, years, ["year"])
        if choice == 3:
            supplier, recipient = rng.choice(pools.pairs)
            return self.tiv("tiv-pair-total", supplier, recipient, years,
                            ["supplier", "recipient"])
        if choice == 4:
            by = rng.choice([["supplier", "recipient"], ["recipient"], ["recipient", "year"]])
            return self.tiv("tiv-dyads", rng.choice(pools.suppliers), None, years, by)
        return self.tiv("tiv-edge", None, rng.choice(pools.recipients), self.edge_years(),
                        ["year"])

    def organisation_tiv(self):
        pools, rng = self.pools, self.rng
        names = pools.organisations + pools.armed_groups
        name = rng.choice(names)
        cls = "organisation" if name in pools.organisations else "armed-group"
        years = self.random_years()
        if name in pools.org_suppliers and rng.random() < 0.5:
            return self.tiv(cls, name, None, years, ["year"])
        if rng.random() < 0.3:
            return self.shares(cls, "suppliers", name, years)
        return self.tiv(cls, None, name, years, ["year"])

    def unknown_tiv(self):
        rng = self.rng
        years = self.random_years()
        if rng.random() < 0.5:
            return self.tiv("unknown", "unknown supplier(s)", None, years,
                            rng.choice([["year"], ["recipient"]]),
                            supplier=Side(actor=UNKNOWN_SUPPLIER))
        return self.tiv("unknown", None, "unknown recipient(s)", years,
                        rng.choice([["year"], ["supplier"]]),
                        recipient=Side(actor=UNKNOWN_RECIPIENT))

    def group_query(self):
        rng, pools = self.rng, self.pools
        dated = rng.random() < 0.3
        year = rng.choice(GROUP_DATES) if dated else 0
        name = f"{GROUP_NAME}@{year}" if dated else GROUP_NAME
        side = Side(group=GROUP_ID, year=year)
        cls = "group-dated" if dated else "group"
        years = self.random_years()
        choice = rng.randrange(5)
        if choice == 0:
            by = rng.choice([["year"], ["recipient"], ["recipient", "year"]])
            return self.tiv(cls, None, name, years, by, recipient=side)
        if choice == 1 and pools.turkiye:
            return self.tiv(cls, pools.turkiye, name, years, ["supplier", "recipient"],
                            recipient=side)
        if choice == 2:
            return self.tiv(cls, name, None, years, rng.choice([["year"], ["recipient"]]),
                            supplier=side)
        if choice == 3 and not dated:
            return self.shares(cls, "exports", name, years, side)
        return self.shares(cls, "suppliers", name, years, side)

    def fixed_queries(self):
        """Every organisation SIPRI lists, `unknown`, and the group over the whole span."""
        pools, queries = self.pools, []
        for name in pools.organisations:
            queries.append(self.tiv("organisation", None, name, None, ["year"]))
            queries.append(self.shares("organisation", "suppliers", name, None))
        for name in sorted(set(pools.organisations) & set(pools.org_suppliers)):
            queries.append(self.tiv("organisation", name, None, None, ["recipient"]))
        supplier, recipient = Side(actor=UNKNOWN_SUPPLIER), Side(actor=UNKNOWN_RECIPIENT)
        queries.append(self.tiv("unknown", "unknown supplier(s)", None, None, ["year"],
                                supplier=supplier))
        queries.append(self.tiv("unknown", None, "unknown recipient(s)", None, ["supplier"],
                                recipient=recipient))
        queries.append(self.shares("unknown", "exports", "unknown supplier(s)", None, supplier))
        members = Side(group=GROUP_ID)
        for by in (["year"], ["recipient", "year"]):
            queries.append(self.tiv("group", None, GROUP_NAME, None, by, recipient=members))
        queries.append(self.tiv("group", GROUP_NAME, None, None, ["recipient"], supplier=members))
        queries.append(self.shares("group", "suppliers", GROUP_NAME, None, members))
        queries.append(self.shares("group", "exports", GROUP_NAME, None, members))
        if pools.turkiye:
            queries.append(self.tiv("group", pools.turkiye, GROUP_NAME, None,
                                    ["supplier", "recipient"], recipient=members))
        for year in GROUP_DATES:
            dated = Side(group=GROUP_ID, year=year)
            name = f"{GROUP_NAME}@{year}"
            queries.append(self.tiv("group-dated", None, name, None, ["recipient"],
                                    recipient=dated))
            queries.append(self.shares("group-dated", "suppliers", name, None, dated))
        return queries

    def all_queries(self, per_kind):
        queries = self.fixed_queries()
        special = [self.organisation_tiv, self.unknown_tiv, self.group_query]
        for index in range(per_kind):
            # Every fourth tiv query exercises organisations, `unknown` or groups.
            make = special[(index // 4) % 3] if index % 4 == 3 else self.state_tiv
            queries.append(make())
        for _ in range(per_kind):
            queries.append(self.shares("suppliers", "suppliers",
                                       self.rng.choice(self.pools.recipients),
                                       self.random_years()))
        for _ in range(per_kind):
            queries.append(self.shares("exports", "exports", self.rng.choice(self.pools.suppliers),
                                       self.random_years()))
        return queries
