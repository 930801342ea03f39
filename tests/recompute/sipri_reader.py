"""A minimal, independent reader of SIPRI trade registers (old and new format).

It exists so the recomputation suite does not trust defcoop's C++ reader: it knows only
what /work/shared/data/sipri/SOURCES.md says about the two formats, and yields, per deal,
the supplier and recipient exactly as the register spells them and the delivered TIV per
year. Old registers list delivery years without a per-year TIV: the deal's delivered TIV
is spread evenly over the listed years and each such delivery is marked approximate when
there is more than one year. New registers have one line per deal and delivery year.
Standard library only (Debian's python3 runs it on CI).
"""

from dataclasses import dataclass, field

OLD_HEADER_START = "Recipient,Supplier,Year of order"
NEW_HEADER_START = "SIPRI AT Database ID,Supplier,Recipient"
OLD_FIELD_COUNT = 16
NEW_FIELD_COUNT = 17
# Old-format column positions (SOURCES.md, "Format notes").
OLD_RECIPIENT, OLD_SUPPLIER, OLD_YEARS, OLD_TIV_DELIVERED = 0, 1, 10, 15
# New-format column positions.
NEW_DEAL_ID, NEW_SUPPLIER, NEW_RECIPIENT, NEW_YEAR, NEW_TIV_DELIVERED = 0, 1, 2, 10, 15


@dataclass
class Delivery:
    year: int
    tiv: float
    approximate: bool  # an even split of an old-format deal over several years


@dataclass
class Deal:
    supplier: str
    recipient: str
    line: int
    deliveries: list = field(default_factory=list)

    def delivered_tiv(self):
        return sum(d.tiv for d in self.deliveries)


@dataclass
class Register:
    path: str
    format: str  # "old" or "new"
    generated: str  # the "Data generated:" text, e.g. "13 Apr 2024 3:44:54 PM"
    deals: list


def read_register(path):
    """Reads a register file; raises ValueError naming file:line on a malformed line."""
    with open(path, "rb") as handle:
        text = handle.read().decode("latin-1")  # old files are Latin-1, new ones ASCII
    return parse_register(text, path)


def parse_register(text, path="<text>"):
    lines = [line.rstrip("\r") for line in text.split("\n")]
    generated = ""
    for index, line in enumerate(lines):
        if line.startswith("Data generated:"):
            generated = line[len("Data generated:"):].strip().rstrip(";").strip()
        if line.startswith(OLD_HEADER_START):
            return Register(path, "old", generated, _old_deals(lines, index + 1, path))
        if line.startswith(NEW_HEADER_START):
            trailing = line.endswith(";")
            return Register(path, "new", generated, _new_deals(lines, index + 1, trailing, path))
    raise ValueError(f"{path}: no SIPRI register header found")


def _number(text, where):
    text = text.strip()
    if not text:
        return 0.0
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"{where}: {text!r} is not a number") from None


def _old_records(lines, start):
    """(line number, fields) per record, joining a record split by a newline in Comments."""
    pending, pending_line = None, 0
    for index in range(start, len(lines)):
        line = lines[index]
        if pending is not None:
            joined = pending + " " + line
            if len(joined.split(",")) <= OLD_FIELD_COUNT:
                line, pending = joined, None
            else:
                yield pending_line, pending.split(",")
                pending = None
                pending_line = index + 1
        else:
            pending_line = index + 1
        if not line.strip():
            continue
        fields = line.split(",")
        if len(fields) < OLD_FIELD_COUNT:
            pending = line
            continue
        yield pending_line, fields
    if pending is not None:
        yield pending_line, pending.split(",")


def _old_deals(lines, start, path):
    deals = []
    for line_number, fields in _old_records(lines, start):
        where = f"{path}:{line_number}"
        if len(fields) != OLD_FIELD_COUNT:
            raise ValueError(f"{where}: {len(fields)} fields, expected {OLD_FIELD_COUNT}")
        years = [int(y) for y in fields[OLD_YEARS].split(";") if y.strip()]
        delivered = _number(fields[OLD_TIV_DELIVERED], where)
        deal = Deal(fields[OLD_SUPPLIER].strip(), fields[OLD_RECIPIENT].strip(), line_number)
        for year in years:
            deal.deliveries.append(Delivery(year, delivered / len(years), len(years) > 1))
        deals.append(deal)
    return deals


def _new_deals(lines, start, trailing_semicolon, path):
    by_id = {}
    for index in range(start, len(lines)):
        line = lines[index]
        if trailing_semicolon and line.endswith(";"):
            line = line[:-1]
        if not line.strip():
            continue
        where = f"{path}:{index + 1}"
        fields = line.split(",")
        if len(fields) != NEW_FIELD_COUNT:
            raise ValueError(f"{where}: {len(fields)} fields, expected {NEW_FIELD_COUNT}")
        deal_id = fields[NEW_DEAL_ID].strip()
        if deal_id not in by_id:
            by_id[deal_id] = Deal(fields[NEW_SUPPLIER].strip(), fields[NEW_RECIPIENT].strip(),
                                  index + 1)
        deal = by_id[deal_id]
        if (deal.supplier, deal.recipient) != (fields[NEW_SUPPLIER].strip(),
                                               fields[NEW_RECIPIENT].strip()):
            raise ValueError(f"{where}: deal {deal_id} changes supplier or recipient")
        year = int(fields[NEW_YEAR])
        deal.deliveries.append(Delivery(year, _number(fields[NEW_TIV_DELIVERED], where), False))
    return list(by_id.values())
