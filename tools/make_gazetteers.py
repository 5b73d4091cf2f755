#!/usr/bin/env python3
"""Write the gazetteers in rules/gazetteer/ from well-kept sources, so that nobody types them by hand.

    python tools/make_gazetteers.py            # (or `make gazetteers`) rewrite the five files
    python tools/make_gazetteers.py --check    # exit 1 if the committed files are not what it writes
    python tools/make_gazetteers.py --out DIR  # write DIR/countries.tsv … instead

- countries.tsv: every ISO 3166-1 entry of `pycountry` with its English names and the Vietnamese names
  of pycountry's own translations, merged with rules/gazetteer/sources/countries.tsv (ids, press forms,
  transliterations, names to drop, entries to leave out, former states and the EU).
- locations.tsv: the administrative units of `vietnamadminunits` (the 63 provinces and their districts,
  towns and provincial cities before 1 July 2025; the 34 provinces and the special zones after it), merged
  with sources/locations.tsv (ids kept from before, bare city names, historical provinces, regions).
- organizations.tsv, agreements.tsv: sources/organizations.tsv and sources/agreements.tsv (no package
  lists these bodies), validated.
- subdivisions.tsv: the first-level subdivisions of every other country in `pycountry` (ISO 3166-2: states,
  provinces, prefectures …), by their Latin names. They are no gazetteer entries (a bare "Victoria" or
  "Georgia" is not a place kg should see): they tell where a place named by its head ends ("bang New South
  Wales", "bang Virginia Terry McAuliffe", "tỉnh Kanagawa").

Every surface form also gets its spelling variants (see `variants`); surfaces that match alike are kept once. A form shared by two entries is an
error when both come from a hand-kept file, and is dropped from the generated entries otherwise (the
matcher could not tell them apart). The result is loaded with kg's own rule loader before it replaces
anything, and written atomically. Same sources and package versions give byte-identical files.
Needs the `gazetteer` extra (pip install -e '.[gazetteer]'); `kg build` itself never does.
"""
from __future__ import annotations

import argparse
import gettext
import importlib.metadata
import importlib.util
import os
import re
import shutil
import sqlite3
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.errors import RuleError  # noqa: E402
from kg.extract.lexicon import match_form  # noqa: E402
from kg.rules import DEFAULT_RULES_DIR, load_rules  # noqa: E402

GAZ = ROOT / "rules" / "gazetteer"
SOURCES = GAZ / "sources"
# The committed files were made with these versions (pyproject.toml pins them in the `gazetteer` extra).
PINNED = {"pycountry": "26.2.16", "vietnamadminunits": "1.0.4"}
TOOL = "make_gazetteers"


class SourceError(Exception):
    """A hand-kept source file is wrong: the message names the file and line."""


# --- reading the hand-kept sources ---------------------------------------------------------------

@dataclass
class Row:
    where: str                      # "rules/gazetteer/sources/x.tsv:12"
    cells: dict[str, str]

    def __getitem__(self, key: str) -> str:
        return self.cells.get(key, "")

    def list(self, key: str) -> list[str]:
        return [a.strip() for a in self[key].split("|") if a.strip()]


def read_source(name: str, columns: tuple[str, ...]) -> list[Row]:
    """Rows of a source TSV, which must have exactly `columns` as its header."""
    path = SOURCES / name
    label = path.relative_to(ROOT).as_posix()
    try:
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"{label}: cannot read: {exc}") from exc
    header, rows = None, []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            if tuple(cells) != columns:
                raise SourceError(f"{label}:{lineno}: header must be {' '.join(columns)}")
            header = cells
            continue
        while len(cells) > len(header) and not cells[-1]:
            cells.pop()
        if len(cells) > len(header):
            raise SourceError(f"{label}:{lineno}: {len(cells)} fields, header has {len(header)} (a stray tab?)")
        cells += [""] * (len(header) - len(cells))
        rows.append(Row(f"{label}:{lineno}", dict(zip(header, cells))))
    if header is None:
        raise SourceError(f"{label}:1: no header line")
    return rows


# --- spelling variants ---------------------------------------------------------------------------

def variants(text: str) -> list[str]:
    """`text` and the spellings the press also uses for it, in a fixed order: a spaced dash written
    '-', ' -' or '- ' ("Bộ Lao động-Thương binh"), 'phòng, chống' / 'phòng chống', 'Đắk Lắk' / 'Đăk Lăk', 'LĐ,TB&XH' / 'LĐ, TB&XH'.
    Unspaced hyphens (transliterations such as 'Cam-pu-chia') are left alone. Case, dash characters and
    the tone placement of oa/oe/uy ('Hòa'/'Hoà') need no variant: kg's match_form unifies them."""
    out = [text]
    if " - " in text:
        out += [text.replace(" - ", d) for d in ("-", " -", "- ")]
    for v in list(out):
        if re.search(r"\b[Pp]hòng, chống\b", v):
            out.append(re.sub(r"\b([Pp]hòng), chống\b", r"\1 chống", v))
        elif re.search(r"\b[Pp]hòng chống\b", v):
            out.append(re.sub(r"\b([Pp]hòng) chống\b", r"\1, chống", v))
    for v in list(out):                # an abbreviated name's comma, written with or without its space:
        # 'Bộ LĐ,TB&XH' / 'Bộ LĐ, TB&XH' (capitals on both sides: no list of two bodies)
        if re.search(r"[A-ZĐ&]{2},[A-ZĐ]{2}", v):
            out.append(re.sub(r"([A-ZĐ&]{2}),([A-ZĐ]{2})", r"\1, \2", v))
        elif re.search(r"[A-ZĐ&]{2}, [A-ZĐ]{2}", v):
            out.append(re.sub(r"([A-ZĐ&]{2}), ([A-ZĐ]{2})", r"\1,\2", v))
    for v in list(out):                # Tây Nguyên names: 'Đắk Lắk' / 'Đắk Lăk' / 'Đăk Lăk'
        if re.search(r"\b(Đắk|Đăk|Lắk)\b", v):
            both = [v, re.sub(r"\bĐắk\b", "Đăk", v), re.sub(r"\bĐăk\b", "Đắk", v)]
            out += both + [re.sub(r"\bLắk\b", "Lăk", b) for b in both]
    return list(dict.fromkeys(out))


def slug(text: str) -> str:
    """'Bà Rịa - Vũng Tàu' -> 'ba-ria-vung-tau' (the id style of the gazetteers)."""
    t = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


def one_syllable(text: str) -> bool:
    return " " not in text and "-" not in text


# --- entries and the shared checks ---------------------------------------------------------------

@dataclass
class Entry:
    table: str                       # countries, locations, organizations, agreements
    id: str
    name: str
    fields: dict[str, str]           # the other columns (iso, kind, parent, …)
    aliases: list[tuple[str, bool]] = field(default_factory=list)   # (surface, from a hand-kept file)
    name_curated: bool = True
    where: str = ""

    def add(self, surface: str, curated: bool) -> None:
        surface = " ".join(surface.split())
        if surface:
            self.aliases.append((surface, curated))

    def drop(self, surfaces) -> None:
        gone = {match_form(s) for s in surfaces}
        self.aliases = [(a, c) for a, c in self.aliases if match_form(a) not in gone]


def expand_and_dedupe(entries: list[Entry]) -> list[str]:
    """Give every entry its variants, keep one surface per matching form within an entry, and settle
    forms shared by two entries. Returns notes about what was dropped."""
    notes: list[str] = []
    for e in entries:
        seen = {match_form(e.name)}
        out = []
        for surface, curated in [(e.name, e.name_curated)] + e.aliases:
            for v in variants(surface):
                f = match_form(v)
                if f not in seen:
                    seen.add(f)
                    out.append((v, curated))
        e.aliases = out
    owners: dict[str, list[tuple[Entry, bool]]] = {}
    for e in entries:
        owners.setdefault(match_form(e.name), []).append((e, e.name_curated))
        for a, curated in e.aliases:
            if match_form(a) != match_form(e.name):
                owners.setdefault(match_form(a), []).append((e, curated))
    for form, who in owners.items():
        ids = list(dict.fromkeys(e.id for e, _ in who))
        if len(ids) < 2:
            continue
        curated = [(e, c) for e, c in who if c]
        if len({e.id for e, _ in curated}) > 1:
            raise SourceError(f"{curated[1][0].where}: {form!r} also names {curated[0][0].id} "
                              f"({curated[0][0].where}); a surface form may name one entry only")
        keep = curated[0][0].id if curated else None
        for e, c in who:
            if e.id == keep:
                continue
            if match_form(e.name) == form:
                raise SourceError(f"{e.where}: the name {e.name!r} of {e.id} also names {ids}; "
                                  "drop or rename one in the sources")
            e.aliases = [(a, cc) for a, cc in e.aliases if match_form(a) != form]
            notes.append(f"dropped {form!r} from {e.id} (also {', '.join(i for i in ids if i != e.id)})")
    return notes


# --- countries -----------------------------------------------------------------------------------

COUNTRY_SOURCE = ("iso", "id", "name", "aliases", "drop", "wikidata", "exclude", "note")
NO_LEADING = re.compile(r"(?i)nước\s")


def _package_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        raise SourceError(f"{name} is not installed: pip install -e '.[gazetteer]' "
                          f"(pinned: {name}=={PINNED[name]})") from None


def _uninverted(name: str) -> str:
    """pycountry's sorting forms 'Congo, The Democratic Republic of the' -> 'The Democratic Republic of the Congo'."""
    if ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    return f"{tail.removeprefix('The ')} {head}"


def countries(versions: dict[str, str]) -> list[Entry]:
    versions["pycountry"] = _package_version("pycountry")
    import pycountry
    vi = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["vi"])
    curated = {}
    for r in read_source("countries.tsv", COUNTRY_SOURCE):
        if not re.fullmatch(r"[A-Z]{2}", r["iso"]):
            raise SourceError(f"{r.where}: iso {r['iso']!r} is not an ISO 3166 alpha-2 code")
        if r["iso"] in curated:
            raise SourceError(f"{r.where}: iso {r['iso']} listed twice")
        curated[r["iso"]] = r
    known = {c.alpha_2: c for c in pycountry.countries}
    for iso, r in curated.items():
        if iso not in known and iso != "EU":
            hist = pycountry.historic_countries.get(alpha_2=iso)
            if hist is None:
                raise SourceError(f"{r.where}: {iso} is neither in ISO 3166-1 nor a former state of ISO 3166-3")
            if not (r["id"] and r["name"]):
                raise SourceError(f"{r.where}: a former state needs an id and a name")
    out: list[Entry] = []
    order = [iso for iso in curated if not curated[iso]["exclude"]]
    order += sorted(iso for iso in known if iso not in curated)
    for iso in order:
        r = curated.get(iso)
        c = known.get(iso)
        english: list[str] = []
        vietnamese: list[str] = []
        if c is not None:
            for attr in ("common_name", "name", "official_name"):
                value = getattr(c, attr, None)
                if value:
                    if ", " not in value:
                        english.append(value)
                    v = re.sub(r"^Nước ", "", vi.gettext(value))     # 'Nước Cộng Hoà Ba Lan': see NO_LEADING
                    if v != value and ", " not in v:
                        vietnamese.append(v)
        name = (r["name"] if r else "") or _uninverted(getattr(c, "common_name", None) or c.name)
        e = Entry("countries", (r["id"] if r else "") or slug(name), name,
                  {"iso": iso, "wikidata": r["wikidata"] if r else "", "note": r["note"] if r else ""},
                  name_curated=bool(r and r["name"]), where=r.where if r else f"pycountry {iso}")
        for a in (r.list("aliases") if r else []):
            e.add(a, True)
        for a in english:
            e.add(a, False)
        for a in vietnamese:
            if not one_syllable(a):            # 'Ý', 'Nhật', 'Ao': one syllable only from the hand-kept file
                e.add(a, False)
        if r:
            e.drop(r.list("drop"))
            for a in r.list("aliases"):
                if NO_LEADING.match(a):
                    raise SourceError(f"{r.where}: alias {a!r}: no country alias may start with 'nước' "
                                      "(kg reads 'Chính phủ nước X' as government, linker, country)")
        out.append(e)
    return out


# --- locations -----------------------------------------------------------------------------------

LOCATION_SOURCE = ("id", "match", "name", "aliases", "drop", "kind", "note", "country", "parent")
DISTRICT_PREFIX = {            # type in the data -> (id prefix, name, other prefixed forms, kind)
    "Huyện": ("huyen", "huyện {}", (), "district"),
    "Quận": ("quan", "quận {}", (), "district"),
    "Thị xã": ("thi-xa", "thị xã {}", ("TX {}", "TX. {}", "TX.{}"), "district"),
    "Thành phố": ("tp", "TP {}", ("thành phố {}", "TP. {}", "TP.{}"), "city"),
}


def _admin_db(versions: dict[str, str]) -> Path:
    versions["vietnamadminunits"] = _package_version("vietnamadminunits")
    spec = importlib.util.find_spec("vietnamadminunits")     # its data only: the package is not imported
    path = Path(list(spec.submodule_search_locations)[0]) / "data" / "dataset.db"
    if not path.is_file():
        raise SourceError(f"{path}: vietnamadminunits ships no dataset.db in this version")
    return path


def locations(versions: dict[str, str]) -> list[Entry]:
    import json
    db = _admin_db(versions)
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    provinces = con.execute("SELECT DISTINCT provinceCode, province, provinceShort, provinceKey "
                            "FROM admin_units_legacy ORDER BY provinceCode").fetchall()
    districts = con.execute("SELECT DISTINCT provinceCode, districtCode, districtType, districtShort "
                            "FROM admin_units_legacy ORDER BY provinceCode, districtCode").fetchall()
    zones = con.execute("SELECT DISTINCT provinceShort, wardShort FROM admin_units "
                        "WHERE wardType = 'Đặc khu' ORDER BY wardCode").fetchall()
    con.close()
    merged = json.loads((db.parent / "converter_2025.json").read_text(encoding="utf-8"))["DICT_PROVINCE"]

    by_id: dict[str, Entry] = {}
    province_id: dict[str, str] = {}
    key_to_id: dict[str, str] = {}
    for code, full, short, key in provinces:
        pid = slug(short)
        province_id[code] = pid
        key_to_id[key] = pid
        city = full.startswith("Thành phố")
        e = Entry("locations", pid, f"TP {short}" if city else f"tỉnh {short}",
                  {"kind": "city" if city else "province", "parent": "", "note": ""},
                  name_curated=False, where=f"vietnamadminunits province {code}")
        e.add(short, False)
        for form in (("TP {}", "TP. {}", "TP.{}", "thành phố {}") if city else ("tỉnh {}",)):
            e.add(form.format(short), False)
        by_id[pid] = e
    name_of = {e.id: e.name for e in by_id.values()}
    for new_key, old_keys in sorted(merged.items()):
        new = key_to_id[new_key]
        olds = [key_to_id[k] for k in old_keys]
        for old in olds:
            if old != new:
                by_id[old].fields["note"] = f"merged into {name_of[new]} on 1 July 2025"
        others = [name_of[o] for o in olds if o != new]
        if others:
            by_id[new].fields["note"] = f"since 1 July 2025 also covers {', '.join(others)}"
    count: dict[tuple[str, str], int] = {}
    for _, _, dtype, short in districts:
        count[(dtype, short)] = count.get((dtype, short), 0) + 1
    slugs: dict[str, int] = {}
    for _, _, dtype, short in districts:
        s = f"{DISTRICT_PREFIX[dtype][0]}-{slug(short)}"
        slugs[s] = slugs.get(s, 0) + 1
    skipped = []
    district_by_short: dict[str, str] = {}
    for pcode, dcode, dtype, short in districts:
        if count[(dtype, short)] > 1:
            skipped.append(f"{dtype.lower()} {short}")     # 'huyện Châu Thành' names six places
            continue
        prefix, name, forms, kind = DISTRICT_PREFIX[dtype]
        did = f"{prefix}-{slug(short)}"
        if slugs[did] > 1:                                 # 'huyện Tam Đường', 'huyện Tam Dương'
            did = f"{did}-{province_id[pcode]}"
        if did in by_id:
            raise SourceError(f"vietnamadminunits district {dcode}: id {did} made twice")
        e = Entry("locations", did, name.format(short), {"kind": kind, "parent": province_id[pcode], "note": ""},
                  name_curated=False, where=f"vietnamadminunits district {dcode}")
        for form in forms:
            e.add(form.format(short), False)
        by_id[did] = e
        district_by_short.setdefault(short, did)
    for province_short, short in zones:
        did = district_by_short.get(short)
        if did is None:
            did = f"dac-khu-{slug(short)}"
            by_id[did] = Entry("locations", did, f"đặc khu {short}",
                               {"kind": "district", "parent": slug(province_short), "note": "special zone since 1 July 2025"},
                               name_curated=False, where=f"vietnamadminunits special zone {short}")
        else:
            by_id[did].add(f"đặc khu {short}", False)
            by_id[did].fields["note"] = f"đặc khu (special zone) of {name_of[slug(province_short)]} since 1 July 2025"
    generated = list(by_id)
    extra = []
    for r in read_source("locations.tsv", LOCATION_SOURCE):
        target = r["match"] or r["id"]
        if r["kind"] and r["kind"] not in ("province", "city", "district", "region", "venue"):
            raise SourceError(f"{r.where}: unknown kind {r['kind']!r}")
        e = by_id.get(target)
        if e is None:
            if r["match"]:
                raise SourceError(f"{r.where}: match {r['match']!r} is not a generated location id")
            if not (r["name"] and r["kind"]):
                raise SourceError(f"{r.where}: {r['id']!r} is not a generated location: a new one needs a name and a kind")
            e = Entry("locations", r["id"], r["name"], {"kind": r["kind"], "parent": r["parent"], "note": r["note"],
                                                        "country": r["country"]}, where=r.where)
            by_id[r["id"]] = e
            extra.append(r["id"])
        else:
            if r["id"] != target:
                if r["id"] in by_id:
                    raise SourceError(f"{r.where}: id {r['id']!r} is already a generated location")
                del by_id[target]
                by_id[r["id"]] = e
                generated[generated.index(target)] = r["id"]
                for other in by_id.values():
                    if other.fields.get("parent") == target:
                        other.fields["parent"] = r["id"]
                e.id = r["id"]
            if r["name"]:
                e.name, e.name_curated = r["name"], True
            if r["kind"]:
                e.fields["kind"] = r["kind"]
            if r["note"]:
                e.fields["note"] = r["note"]
            if r["country"]:
                e.fields["country"] = r["country"]
            e.where = r.where
        for a in r.list("aliases"):
            e.add(a, True)
        e.drop(r.list("drop"))
    if skipped:
        versions["districts left out (the name is not unique)"] = ", ".join(sorted(set(skipped)))
    return [by_id[i] for i in generated] + [by_id[i] for i in extra]


# --- organisations and agreements ----------------------------------------------------------------

ORG_SOURCE = ("id", "name", "aliases", "parent", "country", "wikidata", "note")
AGREEMENT_SOURCE = ("id", "name", "aliases", "parent", "wikidata", "note")


def curated_table(table: str, source: str, columns: tuple[str, ...]) -> list[Entry]:
    out = []
    for r in read_source(source, columns):
        if not (r["id"] and r["name"]):
            raise SourceError(f"{r.where}: empty id or name")
        e = Entry(table, r["id"], r["name"], {c: r[c] for c in columns if c not in ("id", "name", "aliases")},
                  where=r.where)
        for a in r.list("aliases"):
            e.add(a, True)
        out.append(e)
    return out


# --- foreign subdivisions ------------------------------------------------------------------------

def _ascii(text: str) -> str:
    """'Tamil Nādu' -> 'Tamil Nadu', 'Baden-Württemberg' -> 'Baden-Wurttemberg': the press often drops the marks."""
    t = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in t if not unicodedata.combining(c)))


def subdivisions(versions: dict[str, str], countries: list[Entry]) -> list[Entry]:
    """First-level ISO 3166-2 subdivisions of every country but Việt Nam (whose units come from
    vietnamadminunits), named as pycountry names them, with their unaccented spelling as an alias. Names
    pycountry writes inverted or annotated ("Bashkortostan, Respublika", "Wales [Cymru GB-CYM]") are left
    out, as are those with no capitalised first letter."""
    versions["pycountry"] = _package_version("pycountry")
    import pycountry
    country_id = {e.fields["iso"]: e.id for e in countries}
    out: list[Entry] = []
    seen: set[str] = set()
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        name = " ".join(sub.name.split())
        if sub.parent_code is not None or sub.country_code == "VN" or sub.country_code not in country_id \
                or any(c in name for c in ",[('’") or not name[:1].isupper():
            continue
        ident = "sub-" + sub.code.lower()
        if ident in seen:
            continue
        seen.add(ident)
        e = Entry("subdivisions", ident, name, {"country": country_id[sub.country_code]},
                  name_curated=False, where=f"pycountry {sub.code}")
        if _ascii(name) != name:
            e.add(_ascii(name), False)
        out.append(e)
    return out


# --- writing -------------------------------------------------------------------------------------

HEADERS = {
    "countries": ("id", "name", "iso", "aliases", "wikidata", "note"),
    "locations": ("id", "name", "aliases", "kind", "parent", "note", "country"),
    "organizations": ("id", "name", "aliases", "parent", "country", "wikidata", "note"),
    "agreements": ("id", "name", "aliases", "parent", "wikidata", "note"),
    "subdivisions": ("id", "name", "country", "aliases"),
}
INTRO = {
    "countries": "Countries and supranational unions acting as parties: every ISO 3166-1 entry (pycountry {pycountry},\n"
                 "# its English names and Vietnamese translations) merged with sources/countries.tsv (press forms,\n"
                 "# transliterations, the EU, former states). Single-syllable aliases (Mỹ, Nga, Đức, Úc …) come only from\n"
                 "# the source file and are only matched when no capitalised word touches them, so personal names such\n"
                 "# as 'Nguyễn Minh Đức' are not read as countries.",
    "locations": "Provinces, centrally-run cities, districts, towns, provincial cities and regions: the administrative\n"
                 "# units of vietnamadminunits {vietnamadminunits} (63 provinces before 1 July 2025 with their districts;\n"
                 "# the 34 provinces and special zones after it) merged with sources/locations.tsv. A bare province name\n"
                 "# ('Lào Cai') means the province; districts and provincial cities need their prefix ('huyện Mỹ Đức',\n"
                 "# 'TP Lào Cai'), except the well-known cities that sources/locations.tsv lists bare.\n"
                 "# parent: the province of a district (before 2025).",
    "organizations": "Real-world bodies: Vietnamese state bodies, mass organisations, international organisations, NGOs,\n"
                     "# intergovernmental processes, from sources/organizations.tsv. parent: id of the body it belongs to;\n"
                     "# country: id in countries.tsv. A foreign-qualified name (\"Bộ Nội vụ Myanma\") is NOT this body: the\n"
                     "# extractor makes it that country's body.",
    "agreements": "Real-world treaties, conventions and programmes with fixed names and well-known short forms,\n"
                  "# from sources/agreements.tsv.",
    "subdivisions": "First-level subdivisions of the other countries (ISO 3166-2 of pycountry {pycountry}: states,\n"
                    "# provinces, prefectures …) by their Latin names. No gazetteer entries: a place named by its\n"
                    "# head (heads.tsv, \"bang Virginia\", \"tỉnh Kanagawa\") whose name starts with one of these ends\n"
                    "# with it. country: id in countries.tsv.",
}


def render(table: str, entries: list[Entry], versions: dict[str, str]) -> str:
    cols = HEADERS[table]
    source = "pycountry" if table == "subdivisions" else f"rules/gazetteer/sources/{table}.tsv"
    lines = [f"# GENERATED by tools/make_gazetteers.py from {source}: do not edit here,",
             "# edit the source and run `make gazetteers` (rules/README.md).",
             "# " + INTRO[table].format(**versions)]
    if table == "locations" and "districts left out (the name is not unique)" in versions:
        lines.append("# Left out, as the name is not unique (the head-noun rules still find them, without an id): "
                     + versions["districts left out (the name is not unique)"] + ".")
    lines.append("\t".join(cols))
    for e in entries:
        row = {"id": e.id, "name": e.name, "aliases": "|".join(a for a, _ in e.aliases if a != e.name), **e.fields}
        lines.append("\t".join(row.get(c, "") for c in cols).rstrip("\t"))
    return "\n".join(lines) + "\n"


def build() -> tuple[dict[str, str], list[str]]:
    """The five files' text, and notes on what was dropped."""
    versions: dict[str, str] = {}
    tables = {
        "countries": countries(versions),
        "locations": locations(versions),
        "organizations": curated_table("organizations", "organizations.tsv", ORG_SOURCE),
        "agreements": curated_table("agreements", "agreements.tsv", AGREEMENT_SOURCE),
    }
    for name, pinned in PINNED.items():
        if versions.get(name) != pinned:
            print(f"{TOOL}: note: {name} {versions.get(name)} is installed, the committed files were made with "
                  f"{pinned}: the output may differ", file=sys.stderr)
    notes = expand_and_dedupe([e for entries in tables.values() for e in entries])
    tables["subdivisions"] = subdivisions(versions, tables["countries"])    # (after the countries: their ids; no shared-form check:
    # a subdivision may be named like a country, "Georgia", and matches no text by itself)
    texts = {name: render(name, entries, versions) for name, entries in tables.items()}
    with tempfile.TemporaryDirectory() as tmp:         # kg's own loader must accept the result
        shutil.copytree(DEFAULT_RULES_DIR, tmp, dirs_exist_ok=True)   # every table is required: the others as they are
        for name, text in texts.items():
            (Path(tmp) / "gazetteer" / f"{name}.tsv").write_text(text, encoding="utf-8")
        try:
            load_rules(tmp)
        except RuleError as exc:
            raise SourceError(f"the generated files do not load: {exc}") from exc
    return texts, notes


def write_atomically(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="make_gazetteers.py", description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=GAZ, help="folder to write the five .tsv files into (default: rules/gazetteer)")
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file in --out differs")
    ap.add_argument("--verbose", "-v", action="store_true", help="list the forms dropped as shared by two entries")
    args = ap.parse_args(argv)
    try:
        texts, notes = build()
    except SourceError as exc:
        print(f"{TOOL}: error: {exc}", file=sys.stderr)
        return 2
    if args.verbose:
        for n in notes:
            print(f"{TOOL}: {n}", file=sys.stderr)
    stale = []
    for name, text in texts.items():
        path = args.out / f"{name}.tsv"
        old = path.read_text(encoding="utf-8") if path.is_file() else None
        if old == text:
            continue
        stale.append(path)
        if not args.check:
            args.out.mkdir(parents=True, exist_ok=True)
            write_atomically(path, text)
    if args.check:
        for p in stale:
            print(f"{TOOL}: {p} is not what the sources give: run `make gazetteers`", file=sys.stderr)
        return 1 if stale else 0
    rows = {name: text.count("\n") - sum(1 for l in text.splitlines() if l.startswith("#")) - 1
            for name, text in texts.items()}
    print(f"{TOOL}: " + ", ".join(f"{name}.tsv {n} rows" for name, n in rows.items())
          + f" ({len(notes)} shared forms dropped{'' if args.verbose else '; -v lists them'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
