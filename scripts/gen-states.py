#!/usr/bin/env python3
"""Regenerates the names module's reference tables in data/:

  states.csv            every state of the COW state system in 2016 (the 193 UN members,
                        Kosovo, Taiwan) plus Palestine, Western Sahara, the Holy See,
                        Aruba (a SIPRI recipient) and the historical states SIPRI
                        uses or that ISO 3166-3 withdrew;
  sipri_actors.csv      the non-state actors and organizations of the SIPRI Arms
                        Transfers Database, and "unknown";
  sipri_actor_names.csv each SIPRI spelling of those actors.

Inputs (never copied into the repository, only read):
  ../shared/data/country_codes/countrycode_codelist_without_cldr.csv  (ISO, COW, FIPS)
  ../shared/data/country_codes/cow_states2016_peacesciencer.csv       (COW v2016 spells)
  ../shared/data/sipri/*/*.csv   (every Supplier/Recipient spelling SIPRI uses)
  /usr/share/iso-codes/json/iso_3166-1.json, iso_3166-3.json (Debian iso-codes)
  data/actors.csv (if present: ids another table already defines are not redefined;
                   SIPRI spellings are mapped to them instead)

The tables hold only codes and English names, which are facts of ISO 3166, COW and
FIPS 10-4, plus the spellings SIPRI prints. CAMEO actor country codes are ISO alpha-3
(checked against the GDELT samples in ../shared/data/gdelt: every state code seen there is
ISO alpha-3 except East Timor's TMP); no CAMEO country table exists in ../shared/data.

Usage: python3 scripts/gen-states.py [--shared ../shared/data] [--out data]
Prints every SIPRI spelling it could not map to stderr.
"""
import argparse
import csv
import glob
import io
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Display names where ISO's short name is a sorted form ("Palestine, State of") or
# longer than the usual English name.
DISPLAY_NAME = {
    "COD": "Democratic Republic of the Congo",
    "COG": "Congo",
    "FSM": "Micronesia",
    "PSE": "Palestine",
    "RUS": "Russia",
    "VAT": "Holy See",
    "KOR": "South Korea",
    "PRK": "North Korea",
    "TWN": "Taiwan",
    "SYR": "Syria",
    "LAO": "Laos",
    "IRN": "Iran",
    "TZA": "Tanzania",
    "VEN": "Venezuela",
    "BOL": "Bolivia",
    "MDA": "Moldova",
    "BRN": "Brunei",
    "GBR": "United Kingdom",
    "USA": "United States",
    "VNM": "Viet Nam",
    "CZE": "Czechia",
}

# UN members and observers COW does not list as states in 2016, plus Aruba, which
# SIPRI lists as a recipient (a constituent country of the Kingdom of the Netherlands).
EXTRA_ISO3 = {
    "PSE": "UN observer state",
    "ESH": "Non-self-governing territory; the Sahrawi Arab Democratic Republic claims it",
    "VAT": "UN observer state (the Holy See)",
    "ABW": "Not a state: a constituent country of the Kingdom of the Netherlands; SIPRI lists it as a recipient",
}

# Historical states: id -> (English name, COW ccode or None, from, to, note).
# Ids are ISO 3166-3 alpha-3 codes where they exist, else the COW abbreviation.
HISTORICAL = {
    "SUN": ("Soviet Union", None, "1922-12-30", "1991-12-26",
            "COW codes the Soviet Union and Russia as one state (365 RUS); that code is on RUS"),
    "YUG": ("Yugoslavia", 345, "1918-12-01", "1992-04-27",
            "Socialist Federal Republic of Yugoslavia. COW 345 YUG runs on to Serbia (COW v2016 ends 2016)"),
    "CSK": ("Czechoslovakia", 315, "1918-10-28", "1992-12-31",
            "ISO 3166-3 alpha-2 CS was later reused for Serbia and Montenegro, so it is left out"),
    "DDR": ("East Germany", 265, "1949-10-07", "1990-10-02",
            "German Democratic Republic. West Germany is Germany (DEU) in SIPRI data"),
    "YMD": ("South Yemen", 680, "1967-11-30", "1990-05-21",
            "People's Democratic Republic of Yemen"),
    "YAR": ("North Yemen", 678, "1962-09-26", "1990-05-21",
            "Yemen Arab Republic; no ISO 3166-3 code of its own (ISO's YE/YEM continued into unified Yemen), so the id is the COW abbreviation"),
    "VDR": ("North Vietnam", None, "1945-09-02", "1976-07-02",
            "Democratic Republic of Vietnam. SIPRI and COW (816) treat it as the same state as Viet Nam (VNM)"),
    "RVN": ("South Vietnam", 817, "1955-10-26", "1975-04-30",
            "Republic of Vietnam; no ISO 3166-3 code, so the id is the COW abbreviation"),
    "SCG": ("Serbia and Montenegro", None, "2003-02-04", "2006-06-05",
            "ISO 3166-3 alpha-2 CS was also Czechoslovakia's, so it is left out"),
    "RHO": ("Rhodesia", None, "1965-11-11", "1979-12-11",
            "Southern Rhodesia in ISO 3166-3. COW (552 ZIM) and SIPRI count it as Zimbabwe"),
}

# Current states that continue a historical state whose COW code they inherit: they
# begin where it ends (src/names/succession.cpp resolves the codes by the same dates).
CONTINUES = {"RUS": "SUN", "SRB": "YUG"}
# Germany (DEU) is West Germany before 1990 in SIPRI's data, so its spells are those of
# COW 260 (German Federal Republic) as well as its own (255).
ALSO_COW = {"DEU": 260}
# States COW lists only from a date after this one get that date as `from`: the panel
# (docs/panels.md) counts a state in the years from then on.
POSTWAR = (1945, 12, 31)


ALSO_SPELLS = {}  # filled from ALSO_COW once the spells are read


def postwar_start(rows):
    """The start of the first COW spell that runs past 1945, when it begins after 1945."""
    for row in sorted(rows, key=lambda r: (int(r["styear"]), int(r["stmonth"]), int(r["stday"]))):
        end = (int(row["endyear"]), int(row["endmonth"]), int(row["endday"]))
        if end <= POSTWAR:
            continue
        start = (int(row["styear"]), int(row["stmonth"]), int(row["stday"]))
        return "%04d-%02d-%02d" % start if start > POSTWAR else ""
    return ""


# ISO 3166-3 numeric codes a current state still holds (Southern Rhodesia's 716 is
# Zimbabwe's), left out so that every code names one actor.
REUSED_NUMERIC = {"RHO"}

# SIPRI spellings of states that no ISO/COW/countrycode name matches exactly.
SIPRI_STATE = {
    "UAE": "ARE",
    "Viet Nam": "VNM",
    "Saint Vincent": "VCT",
    "eSwatini": "SWZ",
    "DR Congo": "COD",
    "Congo": "COG",
    "Bosnia-Herzegovina": "BIH",
    "Cote d'Ivoire": "CIV",
    "Turkiye": "TUR",
    "Micronesia": "FSM",
    "Kosovo": "XKX",
    "Soviet Union": "SUN",
    "Yugoslavia": "YUG",
    "Czechoslovakia": "CSK",
    "East Germany (GDR)": "DDR",
    "South Yemen": "YMD",
    "North Yemen": "YAR",
    "Yemen Arab Republic (North Yemen)": "YAR",
    "South Vietnam": "RVN",
}

# SIPRI rows that are totals, not actors.
SIPRI_TOTALS = {"Total world export", "Total world import", "Regional total", "Others", "Total"}

# Non-state and unrecognized actors: SIPRI spelling -> (id, kind, display name,
# SIPRI qualifier's state or "", note).
SIPRI_ACTOR = {
    "ANC (South Africa)*": ("group:anc", "armed_group", "ANC", "ZAF", "African National Congress"),
    "Amal (Lebanon)*": ("group:amal", "armed_group", "Amal", "LBN", ""),
    "Anti-Castro rebels (Cuba)*": ("group:anti-castro-rebels", "armed_group", "Anti-Castro rebels", "CUB", ""),
    "Armas (Guatemala)*": ("group:armas", "armed_group", "Armas", "GTM", "Rebels led by Carlos Castillo Armas"),
    "Contras (Nicaragua)*": ("group:contras", "armed_group", "Contras", "NIC", ""),
    "Darfur rebels (Sudan)*": ("group:darfur-rebels", "armed_group", "Darfur rebels", "SDN", ""),
    "ELF (Ethiopia)*": ("group:elf", "armed_group", "ELF", "ETH", "Eritrean Liberation Front"),
    "EPLF (Ethiopia)*": ("group:eplf", "armed_group", "EPLF", "ETH", "Eritrean People's Liberation Front"),
    "FAN (Chad)*": ("group:fan", "armed_group", "FAN", "TCD", "Forces Armées du Nord"),
    "FMLN (El Salvador)*": ("group:fmln", "armed_group", "FMLN", "SLV", "Farabundo Martí National Liberation Front"),
    "FNLA (Angola)*": ("group:fnla", "armed_group", "FNLA", "AGO", "National Front for the Liberation of Angola"),
    "FRELIMO (Portugal)*": ("group:frelimo", "armed_group", "FRELIMO", "PRT", "Mozambique Liberation Front; SIPRI's qualifier names the colonial power"),
    "GUNT (Chad)*": ("group:gunt", "armed_group", "GUNT", "TCD", "Transitional Government of National Unity"),
    "Haiti rebels*": ("group:haiti-rebels", "armed_group", "Haiti rebels", "HTI", ""),
    "Hamas (Palestine)*": ("group:hamas", "armed_group", "Hamas", "PSE", ""),
    "Hezbollah (Lebanon)*": ("group:hezbollah", "armed_group", "Hezbollah", "LBN", ""),
    "HoR (Libya)*": ("group:libya-hor", "armed_group", "House of Representatives (Libya)", "LBY", "The Tobruk-based House of Representatives and the forces loyal to it"),
    "House of Representatives (Libya)*": ("group:libya-hor", None, None, None, None),
    "Libya HoR*": ("group:libya-hor", None, None, None, None),
    "Houthi rebels (Yemen)*": ("group:houthi-rebels", "armed_group", "Houthi rebels", "YEM", ""),
    "Indonesia rebels*": ("group:indonesia-rebels", "armed_group", "Indonesia rebels", "IDN", ""),
    "Khmer Rouge (Cambodia)*": ("group:khmer-rouge", "armed_group", "Khmer Rouge", "KHM", ""),
    "Kurdistan Regional Government (Iraq)*": ("group:kurdistan-regional-government", "armed_group", "Kurdistan Regional Government", "IRQ", "A regional government; SIPRI marks it as a non-state actor"),
    "LF (Lebanon)*": ("group:lebanese-forces", "armed_group", "LF", "LBN", "Lebanese Forces"),
    "LRA (Uganda)*": ("group:lra", "armed_group", "LRA", "UGA", "Lord's Resistance Army"),
    "LTTE (Sri Lanka)*": ("group:ltte", "armed_group", "LTTE", "LKA", "Liberation Tigers of Tamil Eelam"),
    "Lebanon Palestinian rebels*": ("group:lebanon-palestinian-rebels", "armed_group", "Lebanon Palestinian rebels", "LBN", ""),
    "MNLF (Philippines)*": ("group:mnlf", "armed_group", "MNLF", "PHL", "Moro National Liberation Front"),
    "MPLA (Portugal)*": ("group:mpla", "armed_group", "MPLA", "PRT", "People's Movement for the Liberation of Angola; SIPRI's qualifier names the colonial power"),
    "MTA (Myanmar)*": ("group:mta", "armed_group", "MTA", "MMR", "Mong Tai Army"),
    "Mujahedin (Afghanistan)*": ("group:mujahedin-afghanistan", "armed_group", "Mujahedin (Afghanistan)", "AFG", ""),
    "NLA (Macedonia)*": ("group:nla-macedonia", "armed_group", "NLA (Macedonia)", "MKD", "National Liberation Army"),
    "NTC (Libya)*": ("group:ntc-libya", "armed_group", "NTC (Libya)", "LBY", "National Transitional Council"),
    "Northern Alliance (Afghanistan)*": ("group:northern-alliance", "armed_group", "Northern Alliance", "AFG", ""),
    "PAIGC (Portugal)*": ("group:paigc", "armed_group", "PAIGC", "PRT", "African Party for the Independence of Guinea and Cape Verde; SIPRI's qualifier names the colonial power"),
    "PIJ (Israel/Palestine)*": ("group:pij", "armed_group", "Palestinian Islamic Jihad", "PSE", "SIPRI's qualifier: Israel/Palestine"),
    "Palestinian Islamic Jihad (Israel/Palestine)*": ("group:pij", None, None, None, None),
    "PKK (Turkiye)*": ("group:pkk", "armed_group", "PKK", "TUR", "Kurdistan Workers' Party"),
    "PLO (Israel)*": ("group:plo", "armed_group", "PLO", "ISR", "Palestine Liberation Organization; SIPRI's qualifier: Israel"),
    "PRC (Israel/Palestine)*": ("group:prc-palestine", "armed_group", "PRC (Israel/Palestine)", "PSE", "Popular Resistance Committees; SIPRI's qualifier: Israel/Palestine"),
    "Pathet Lao (Laos)*": ("group:pathet-lao", "armed_group", "Pathet Lao", "LAO", ""),
    "Provisional IRA (UK)*": ("group:provisional-ira", "armed_group", "Provisional IRA", "GBR", ""),
    "RPF (Rwanda)*": ("group:rpf", "armed_group", "RPF", "RWA", "Rwandan Patriotic Front"),
    "RSF (Sudan)*": ("group:rsf", "armed_group", "RSF", "SDN", "Rapid Support Forces"),
    "RUF (Sierra Leone)*": ("group:ruf", "armed_group", "RUF", "SLE", "Revolutionary United Front"),
    "SLA (Lebanon)*": ("group:sla-lebanon", "armed_group", "SLA (Lebanon)", "LBN", "South Lebanon Army"),
    "SNA (Somalia)*": ("group:sna-somalia", "armed_group", "SNA (Somalia)", "SOM", "Somali National Alliance"),
    "SPLA (Sudan)*": ("group:spla", "armed_group", "SPLA", "SDN", "Sudan People's Liberation Army"),
    "Southern rebels (Yemen)*": ("group:southern-rebels-yemen", "armed_group", "Southern rebels (Yemen)", "YEM", ""),
    "Syria rebels*": ("group:syria-rebels", "armed_group", "Syria rebels", "SYR", ""),
    "UIC (Somalia)*": ("group:uic", "armed_group", "UIC", "SOM", "Union of Islamic Courts"),
    "UNITA (Angola)*": ("group:unita", "armed_group", "UNITA", "AGO", "National Union for the Total Independence of Angola"),
    "Ukraine Rebels*": ("group:ukraine-rebels", "armed_group", "Ukraine rebels", "UKR", ""),
    "United Wa State (Myanmar)*": ("group:united-wa-state", "armed_group", "United Wa State", "MMR", ""),
    "Viet Cong (South Vietnam)*": ("group:viet-cong", "armed_group", "Viet Cong", "RVN", ""),
    "Viet Minh (France)*": ("group:viet-minh", "armed_group", "Viet Minh", "FRA", "SIPRI's qualifier names the colonial power"),
    "ZAPU (Zimbabwe)*": ("group:zapu", "armed_group", "ZAPU", "ZWE", "Zimbabwe African People's Union"),
    "unknown rebel group*": ("group:unknown-rebel-group", "armed_group", "unknown rebel group", "", "SIPRI's label for a non-state recipient it does not name"),
    "Libya GNC": ("group:libya-gnc", "armed_group", "Libya GNC", "LBY", "General National Congress, the rival government in Tripoli; SIPRI writes it without '*'"),
    "Biafra": ("state:biafra", "historical_state", "Biafra", "NGA", "Secessionist state 1967-1970; SIPRI writes it without '*'"),
    "Katanga": ("state:katanga", "historical_state", "Katanga", "COD", "Secessionist state 1960-1963; SIPRI writes it without '*'"),
    "Northern Cyprus": ("state:northern-cyprus", "state", "Northern Cyprus", "", "Recognized only by Türkiye; no ISO 3166 or COW code"),
    "African Union**": ("org:au", "organization", "African Union", "", ""),
    "European Union**": ("org:eu", "organization", "European Union", "", ""),
    "NATO**": ("org:nato", "organization", "NATO", "", ""),
    "OSCE**": ("org:osce", "organization", "OSCE", "", "Organization for Security and Co-operation in Europe"),
    "Regional Security System**": ("org:rss", "organization", "Regional Security System", "", "Eastern Caribbean"),
    "United Nations**": ("org:un", "organization", "United Nations", "", ""),
    "unknown supplier(s)": ("unknown", "unknown", "unknown", "", "SIPRI's label for a supplier or recipient it does not name"),
    "unknown recipient(s)": ("unknown", None, None, None, None),
}

STATE_COLUMNS = ["id", "kind", "name", "iso2", "iso3n", "cow_n", "cow_c", "fips", "cameo",
                 "sipri", "from", "to", "note", "sources"]
ACTOR_COLUMNS = ["id", "kind", "name", "home_state", "founded", "dissolved", "note", "sources"]
NAME_COLUMNS = ["actor", "lang", "script", "name", "kind", "from", "to", "sources"]

# CAMEO actor country codes that differ from ISO alpha-3 (seen in the GDELT samples).
CAMEO_EXCEPTIONS = {"TLS": "TMP"}


def read_csv(path, encoding="utf-8"):
    with open(path, encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle))


def cow_spells(shared):
    spells = {}
    for row in read_csv(os.path.join(shared, "country_codes/cow_states2016_peacesciencer.csv")):
        spells.setdefault(int(row["ccode"]), []).append(row)
    return spells


def sipri_lines(path):
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")  # the old-format registers are Latin-1
    return text.replace("\r\n", "\n").split("\n")


def sipri_names_of_file(path):
    """Every actor spelling in one SIPRI export (registers, TIV and regional tables)."""
    names = set()
    header = None
    for line in sipri_lines(path):
        line = line.rstrip(";")
        if header is None:
            if line.startswith(("Recipient,", "SIPRI AT Database ID,", "Exports by,", "Rank ", ",,")):
                header = line
            continue
        if not line.strip():
            continue
        if line.startswith(("Rank ", "Arms Category")):
            header = line
            continue
        fields = next(csv.reader([line]))
        if header.startswith("Recipient,Supplier"):
            if len(fields) >= 16:  # shorter lines are halves of a record split by a newline
                names.update(fields[0:2])
        elif header.startswith("SIPRI AT"):
            names.update(fields[1:3])
        elif header.startswith("Rank "):
            names.add(fields[1])
        elif header.startswith(",,"):
            names.add(fields[1])
        elif header.startswith("Arms Category"):
            continue
        else:
            names.add(fields[0])
    return {name.strip() for name in names if name.strip()} - SIPRI_TOTALS


def sipri_spellings(shared):
    names = set()
    for path in sorted(glob.glob(os.path.join(shared, "sipri/*/*.csv"))):
        names |= sipri_names_of_file(path)
    return names


def fold(text):
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def build_states(shared):
    codelist = read_csv(os.path.join(shared, "country_codes/countrycode_codelist_without_cldr.csv"))
    by_iso3 = {row["iso3c"]: row for row in codelist if row["iso3c"]}
    by_cown = {int(row["cown"]): row for row in codelist if row["cown"]}
    iso1 = {e["alpha_3"]: e for e in json.load(open("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]}
    iso3 = {e["alpha_3"]: e for e in json.load(open("/usr/share/iso-codes/json/iso_3166-3.json"))["3166-3"]}
    spells = cow_spells(shared)
    for code, ccode in ALSO_COW.items():
        ALSO_SPELLS[code] = spells[ccode]

    states = {}
    for ccode, rows in spells.items():
        if not any(row["endyear"] == "2016" for row in rows):
            continue
        cc = by_cown.get(ccode)
        if ccode == 347:
            states["XKX"] = current_state_row("XKX", None, cc, None, ccode, rows,
                                              "XKX is a user-assigned code (ISO 3166-1 reserves X.. for users); Kosovo has no ISO 3166-1 entry")
            continue
        if ccode == 345:  # COW's Yugoslavia runs on to Serbia
            states["SRB"] = current_state_row("SRB", iso1["SRB"], by_iso3["SRB"], None, None, None, "")
            continue
        states[cc["iso3c"]] = current_state_row(cc["iso3c"], iso1[cc["iso3c"]], cc, None, ccode, rows, "")
    for code, note in EXTRA_ISO3.items():
        cc = by_iso3[code]
        ccode = int(cc["cown"]) if cc["cown"] else None
        states[code] = current_state_row(code, iso1[code], cc, None, ccode, spells.get(ccode), note)
    historical = {}
    for code, (name, ccode, start, end, note) in HISTORICAL.items():
        historical[code] = historical_row(code, name, iso3.get(code), ccode, spells, start, end, note)
    return states, historical


def current_state_row(code, iso, cc, _unused, ccode, cow_rows, note):
    name = DISPLAY_NAME.get(code) or (iso.get("common_name") or iso["name"] if iso else cc["country.name.en"])
    sources = []
    row = {column: "" for column in STATE_COLUMNS}
    row.update(id=code, kind="state", name=name, note=note)
    if iso:
        row.update(iso2=iso["alpha_2"], iso3n=iso["numeric"])
        sources.append("iso3166-1")
    if ccode is not None and cow_rows:
        row.update(cow_n=str(ccode), cow_c=cow_rows[0]["stateabb"])
        row["from"] = postwar_start(cow_rows + ALSO_SPELLS.get(code, []))
        sources.append("cow-states-2016")
    if code in CONTINUES:
        row["from"] = HISTORICAL[CONTINUES[code]][3]
    if cc and cc["fips"]:
        row["fips"] = cc["fips"]
        sources.append("fips10-4")
    if iso:
        row["cameo"] = CAMEO_EXCEPTIONS.get(code, code)
        sources.append("cameo-codebook")
    row["sources"] = sources
    return row


def historical_row(code, name, iso, ccode, spells, start, end, note):
    row = {column: "" for column in STATE_COLUMNS}
    row.update(id=code, kind="historical_state", name=name, note=note)
    row["from"], row["to"] = start, end
    sources = []
    if iso:
        if iso["alpha_2"] != "CS":
            row["iso2"] = iso["alpha_2"]
        if code == "YUG":
            row["iso3n"] = "890"  # iso-codes: "had numeric code 890 until ... 27 April 1992"
        elif code not in REUSED_NUMERIC:
            row["iso3n"] = iso.get("numeric", "")
        sources.append("iso3166-3")
    if ccode is not None:
        row.update(cow_n=str(ccode), cow_c=spells[ccode][0]["stateabb"])
        sources.append("cow-states-2016")
    row["sources"] = sources
    return row


def map_sipri(states, historical, spellings):
    """Adds each SIPRI state spelling to its row; returns the spellings left over."""
    rows = {**states, **historical}
    by_key = {}
    for code, row in rows.items():
        by_key.setdefault(fold(row["name"]), code)
    iso1 = json.load(open("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]
    for entry in iso1:
        if entry["alpha_3"] in rows:
            for field in ("name", "common_name", "official_name"):
                if field in entry:
                    by_key.setdefault(fold(entry[field]), entry["alpha_3"])
    left = []
    for spelling in sorted(spellings):
        if spelling in SIPRI_ACTOR:
            continue
        code = SIPRI_STATE.get(spelling) or by_key.get(fold(spelling))
        if code is None:
            left.append(spelling)
            continue
        rows[code].setdefault("sipri_list", []).append(spelling)
    for row in rows.values():
        spellings_of_row = row.pop("sipri_list", [])
        row["sipri"] = "|".join(spellings_of_row)
        if spellings_of_row:
            row["sources"].append("sipri-atdb")
    return left


def read_existing_actor_ids(out):
    path = os.path.join(out, "actors.csv")
    if not os.path.exists(path):
        return set()
    return {row["id"] for row in read_csv(path)}


def write_csv(path, columns, rows):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)


def state_sort_key(row):
    return (row["kind"] != "state", row["id"])


def write_states(out, states, historical):
    rows = sorted(list(states.values()) + list(historical.values()), key=state_sort_key)
    for row in rows:
        row["sources"] = "|".join(row["sources"])
    write_csv(os.path.join(out, "states.csv"), STATE_COLUMNS, rows)
    return rows


def write_sipri_actors(out, spellings, existing_ids):
    actors, names = {}, []
    for spelling in sorted(spellings):
        entry = SIPRI_ACTOR.get(spelling)
        if entry is None:
            continue
        actor_id, kind, name, home, note = entry
        names.append({"actor": actor_id, "lang": "en", "script": "Latn", "name": spelling,
                      "kind": "sipri", "from": "", "to": "", "sources": "sipri-atdb"})
        if kind is None or actor_id in existing_ids:
            continue
        actors[actor_id] = {"id": actor_id, "kind": kind, "name": name, "home_state": home,
                            "founded": "", "dissolved": "", "note": note, "sources": "sipri-atdb"}
    for actor_id, (_, kind, name, home, note) in (
            (e[0], e) for e in SIPRI_ACTOR.values() if e[1] is not None):
        # Actors SIPRI spells in a file we do not have are still defined once.
        if actor_id not in actors and actor_id not in existing_ids:
            actors[actor_id] = {"id": actor_id, "kind": kind, "name": name, "home_state": home,
                                "founded": "", "dissolved": "", "note": note, "sources": "sipri-atdb"}
    write_csv(os.path.join(out, "sipri_actors.csv"), ACTOR_COLUMNS,
              sorted(actors.values(), key=lambda row: (row["kind"], row["id"])))
    write_csv(os.path.join(out, "sipri_actor_names.csv"), NAME_COLUMNS,
              sorted(names, key=lambda row: (row["actor"], row["name"])))
    return actors


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default=os.path.join(ROOT, "..", "shared", "data"))
    parser.add_argument("--out", default=os.path.join(ROOT, "data"))
    args = parser.parse_args()

    states, historical = build_states(args.shared)
    spellings = sipri_spellings(args.shared)
    left = map_sipri(states, historical, spellings)
    rows = write_states(args.out, states, historical)
    actors = write_sipri_actors(args.out, spellings, read_existing_actor_ids(args.out))
    unused = sorted(s for s in SIPRI_ACTOR if s not in spellings)
    print(f"states: {len(states)}, historical states: {len(historical)}, "
          f"sipri actors: {len(actors)}, sipri spellings: {len(spellings)}", file=sys.stderr)
    for spelling in left:
        print(f"unmapped SIPRI spelling: {spelling!r}", file=sys.stderr)
    for spelling in unused:
        print(f"mapping for a spelling not found in the SIPRI files: {spelling!r}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
