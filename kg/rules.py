"""Load and validate the rule tables in `rules/` (TSV, one rule a line, `#` comments).

Every table in SCHEMAS but the pair of topic tables is required: a missing table (deleted, a folder,
a pipe, a symlink loop) is an error, never a build with fewer rules. Every error names the file and line:
`rules/heads.tsv:12: unknown type 'Organisation'`.
"""
from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .errors import RuleError, shown
from .model import ENTITY_TYPES, RELATIONS

DEFAULT_RULES_DIR = Path(__file__).resolve().parent.parent / "rules"

# The topic tables may be left out together (then no article is judged and every one is kept; one
# without the other is an error, see _check_topic_tables); every other table is required.
OPTIONAL_TABLES = frozenset({"topic.tsv", "topic_settings.tsv", "gazetteer/subdivisions.tsv"})
# file (relative to the rules folder) -> (required columns, optional columns)
SCHEMAS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "gazetteer/organizations.tsv": (("id", "name"), ("aliases", "parent", "country", "wikidata", "note")),
    "gazetteer/countries.tsv": (("id", "name", "iso"), ("aliases", "wikidata", "note")),
    "gazetteer/locations.tsv": (("id", "name"), ("aliases", "kind", "parent", "note", "country")),
    "gazetteer/agreements.tsv": (("id", "name"), ("aliases", "parent", "wikidata", "note")),
    "gazetteer/subdivisions.tsv": (("id", "name", "country"), ("aliases", "note")),
    "heads.tsv": (("id", "type", "head"), ("level", "tail", "within", "note")),
    "cues.tsv": (("id", "relation", "cue"), ("role", "note")),
    "stopwords.tsv": (("id", "word"), ("types", "note")),
    "generic.tsv": (("id", "phrase"), ("note", "whole")),
    "name_words.tsv": (("id", "word"), ("note",)),
    "persons.tsv": (("id", "kind", "word"), ("head", "note")),
    "events.tsv": (("id", "kind", "phrase"), ("class", "note")),
    "relations.tsv": (("id", "scope", "pattern", "yield", "example", "expect"), ("where", "note")),
    "word_classes.tsv": (("word", "class"), ("n", "note")),
    "words.tsv": (("word", "class"), ("note",)),
    "governments.tsv": (("id", "word"), ("country", "note")),
    "abbreviations.tsv": (("id", "short", "long"), ("note",)),
    "country_words.tsv": (("id", "kind", "word"), ("country", "note")),
    "residences.tsv": (("id", "phrase"), ("note",)),
    "topic.tsv": (("id", "kind", "cue"), ("weight", "note")),         # relevance: kg/relevance.py
    "topic_settings.tsv": (("id", "value"), ("note",)),
}
# events.tsv: each kind and the classes it takes ("" = none; for talks, any name head; a "|" list for
# objects). rules/README.md explains every kind with an example.
EVENT_GROUPS = ("case", "rescue", "repatriation")
EVENT_CLASSES: dict[str, tuple[str, ...] | None] = {
    "operation": EVENT_GROUPS, "object": EVENT_GROUPS, "outcome": EVENT_GROUPS,
    "visit": ("",), "visit-noun": ("",), "visit-prefix": ("",), "visit-detail": ("",), "host": ("",),
    "talks": None, "reception": None, "meet": None, "meeting": ("",), "tally": ("",), "generic": ("",), "partner": ("",), "between": ("",), "both": ("",), "actor": ("state", "for-country", "leader", "delegation", "companion"), "home": ("",), "helper": ("",), "irrealis": ("",), "kin": ("",), "plain": ("",), "beneficiary": ("",), "opener": ("",), "at": ("",), "transfer": ("",),
    "adverb": ("",), "manner": ("",), "with": ("",), "led": ("",), "frame-verb": ("", "talks"), "classifier": ("",), "specifier": ("", "periodic", "named"), "session": ("",), "field": ("",), "rite": ("",), "purpose": ("",), "dated": ("",), "stop": ("", "first"), "keep": ("", "noun", "name", "owner", "work"),
    "forum": ("frame", "head"), "date": ("report", "flashback"), "name": ("visit", "talks", "reception", "facility", "rescue"),
}
EVENT_NAME_SLOTS = {"visit": {"detail", "visitor"}, "talks": {"head", "a", "b"}, "reception": {"head", "a", "b"}, "facility": {"place"},
                    "rescue": {"victims", "rest"}}
# cues.tsv: a row puts its phrase in the word class "relation/role" ("relation" when it has no
# role), which relations.tsv patterns read as <relation/role>. These classes are read by the entity
# extractor itself; every other class must be read by some relation rule, or it would silently do nothing.
CODE_CLASSES = frozenset({
    "list", "list/and", "list/joiner",          # lists ("gồm", "và", "đại diện …")
    "list/with", "list/companions",              # subjects: "A cùng B ký …", "A cùng các nước khác ký …"
    "list/fellows",                              # subjects: "A và các nước thành viên ASEAN ký …"
    "list/kind",                                 # in a list's gap: "… và đoàn đại biểu các nước Lào, …"
    "participatedIn/party",                      # "… giữa Bộ Công an và IOM": a party named in an event's name
    "country/linker", "country/seat",            # "Chính phủ nước Pháp", "Đại sứ Hoa Kỳ tại Hà Nội X"
    "region",                                    # "… khu vực I", "… vùng VII": a numbered region's unit
    "unnamed-seat",                              # "Đại sứ quán Việt Nam tại nước sở tại": missions anywhere
    "basedIn/embassy",                           # "Đại sứ quán": one per host country, wherever its city
    "country/of",                                # "Bộ Nội vụ của Lào": a body of another state than its gazetteer entry's
    "country/infix",                             # "Tổng cục Cảnh sát quốc gia Campuchia": a word inside a foreign body's name
    "country/heading",                           # "Về phía Lào có Bộ Công an, …": a country over a list of its bodies
    "short",                                     # "Hội đã phối hợp …": a head alone is the article's one body of that head
    "heldIn/place",                              # "tại" before an event's place
    "partyTo/negotiate",                       # "đàm phán thỏa thuận về …": a treaty named in lower case after it
    "organized/verb",                            # "tổ chức khóa tập huấn về …": an organised lower-case event
    "street",                                    # "phố Đội Cấn": a street named after a unit or a person
    "compound",                                  # "liên bang Nga", "bà xã X": a place head inside another word
    "abroad",                                    # "Thượng viện": a body Việt Nam has not (a foreign country's)
    "rank",                                      # "cấp Thứ trưởng Ngoại giao": a rank, not a post of a body
    "other-state", "other-state/before",         # "Bộ Ngoại giao nước này", "hai Bộ Ngoại giao": not Việt Nam's body
    "force",                                     # "Phòng Cảnh sát kinh tế": a force's division every province has
    "unit-subject",
    "body-field",                                # "Ban Chỉ đạo … về phòng chống thiên tai": a field after "về"                              # "… tội phạm về ma túy": a unit's field after "về", in lower case
    "force/owner", "force/division",             # "Công an tỉnh X" owns the article's "Phòng Cảnh sát …"
    "force/field",                               # "Phòng Tham mưu": a police division named by its field alone
    "provincial",                                # "Sở …", "… Tỉnh ủy": a body every province has (kg/extract/ownerless.py)
    "construction",                              # "Dự án mở rộng sân bay …": building works, no agreement
    "adjunct",                                   # "… Việt Nam cho đại diện …": an adjunct after a capitalised title
    "numbered",                                  # "điều 246 Bộ luật …": a numbered item, not a count
    "numbered/article",
    "charge",                                    # "Bộ luật Hình sự về tội mua bán người": the offence, not the law's subject                          # "Điều 150 Bộ luật Hình sự về tội …": the article's offence, not the law's
    "eponymous",                                 # "Trường THPT Nguyễn Trãi": a school named after a person
    "clan",                                      # "Nguyễn Phước Tộc": a family's name, not a person's
    "foreign-field",                             # "Cục điều tra phòng chống tham nhũng Singapore": a field in lower case
    "national-field",                            # "Hội tim mạch Việt Nam": an association's field in lower case, its country
    "firm",                                      # "Tập đoàn Hà Lan": a firm's nationality, not its name
    "alias", "anaphor", "plural", "ordinal", "topic", "distribute", "intro",
    "intro/document",                            # "Theo Quyết định … của Bộ X, Cục Y …": before a document, an adjunct
    "distribute/companion",                      # "các bộ, ngành: …": a second heading noun before the colon
    "closed",                                    # "… về kinh tế và tham nhũng (C46)": glue inside a name its acronym closes
    "especially",                                # "…, đặc biệt là phụ nữ và trẻ em (ACTIP)": inside a title
    "scope",                                     # "Hội đồng HLV quốc gia": a body's reach after its acronym
    "trial",                                     # "Vụ Trần Văn A": a case named after a person, not a department
    "passive",                                   # "Dự án bị …": right after a title's head, the head is a subject
    "preposition",                               # a body right after it is no clause's subject
    "modified",                                  # "doanh nghiệp Việt Nam": a noun the country after it qualifies
    "unreal/request", "unreal/modal",            # "đề nghị Bộ X phối hợp", "Bộ X cần làm việc với …": asked or wished, not done
    "partOf/vertical",                           # "Công an tỉnh Vân Nam": a state organ, its foreign place's country's (r.country.place)
    "country/organ",                             # "Chính quyền nhân dân tỉnh Vân Nam": a place's government, the same
    "partOf/service",                            # "Trường Sĩ quan Không quân": a service inside a unit's name is its field
    "heldIn/destination",                        # "bán sang Lào tại X": a country one goes to, not a seat before "tại"
})
CUE_HELPERS = {"closed", "especially", "scope", "trial", "passive", "sides", "short", "alias", "list", "anaphor", "plural", "ordinal", "topic", "distribute", "intro", "preposition", "street", "compound", "abroad", "other-state", "rank", "unit-subject", "body-field", "charge", "force", "provincial", "construction", "adjunct", "numbered", "eponymous", "firm", "clan", "foreign-field", "national-field", "modified", "region", "unnamed-seat", "unreal"}
ENUMS = {
    ("heads.tsv", "type"): set(ENTITY_TYPES),
    ("cues.tsv", "relation"): set(RELATIONS) | CUE_HELPERS,
    ("country_words.tsv", "kind"): {"attribute", "qualifier", "before", "not-before", "short"},
    ("persons.tsv", "kind"): {"title", "post", "deputy", "surname"},
    ("events.tsv", "kind"): set(EVENT_CLASSES),
    ("gazetteer/locations.tsv", "kind"): {"", "province", "city", "region", "district", "venue"},
    ("generic.tsv", "whole"): {"", "yes"},
    ("words.tsv", "class"): {"noun", "verb", "adjective", "preposition", "conjunction", "adverb",
                             "determiner", "pronoun", "particle", "numeral", "other", "mixed"},
    ("word_classes.tsv", "class"): {"noun", "verb", "adjective", "preposition", "conjunction", "adverb",
                                    "determiner", "pronoun", "particle", "numeral", "other", "mixed"},
    ("topic.tsv", "kind"): {"topic", "sale", "person", "action", "mask"},
}
# topic.tsv kinds whose cues carry a weight (the others must leave it empty)
WEIGHTED_TOPIC_KINDS = frozenset({"topic", "sale"})
# topic_settings.tsv: every setting and what its value must be
TOPIC_SETTINGS: dict[str, str] = {
    "name": "text", "threshold": "number", "title": "number", "lead": "number", "body": "number",
    "lead_sentences": "count", "window": "count", "unacted": "number",
}
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
# columns that must hold a whole number when not empty: (file, column)
INTEGERS = {("heads.tsv", "level")}
_WHOLE = re.compile(r"^[0-9]{1,6}$")
ALIAS_SEP = "|"


@dataclass(frozen=True)
class Rule:
    """One line of a rule table: its fields plus where it came from."""
    file: str
    line: int
    fields: tuple[tuple[str, str], ...]

    def __getitem__(self, key: str) -> str:
        for k, v in self.fields:
            if k == key:
                return v
        return ""

    @property
    def id(self) -> str:
        return self["id"]

    def list(self, key: str) -> tuple[str, ...]:
        return tuple(a.strip() for a in self[key].split(ALIAS_SEP) if a.strip())


@dataclass(frozen=True)
class Rules:
    """All rule tables, by file name, plus a hash of their bytes (for caches)."""
    tables: dict[str, tuple[Rule, ...]] = field(default_factory=dict)
    digest: str = ""
    folder: str = ""

    def table(self, name: str) -> tuple[Rule, ...]:
        return self.tables.get(name, ())


def _check_regex_safety(text: str, where: str) -> None:
    """Cue and head phrases are literal words, not regexes (`(a+)+$` matches those six characters);
    refuse control characters and line separators, and a phrase with no letter or digit (`-`, `.`),
    which would match everywhere."""
    import unicodedata
    if any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in text):
        raise RuleError(f"{where}: control character in phrase")
    for phrase in text.split(ALIAS_SEP):
        if phrase.strip() and not any(c.isalnum() for c in phrase):
            raise RuleError(f"{where}: phrase {phrase.strip()!r} has no letter or digit")


def read_table_bytes(path: Path, label: str) -> bytes:
    """The bytes of a rule table, which must be a regular file (`stat` first: a pipe is never opened)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise RuleError(f"{label}: missing; every table in rules/README.md is required "
                        "(copy it from the project's rules/)") from None
    except OSError as exc:
        raise RuleError(f"{label}: cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise RuleError(f"{label}: is a folder, not a table")
    if not stat.S_ISREG(st.st_mode):
        raise RuleError(f"{label}: not a regular file (a pipe, socket or device)")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise RuleError(f"{label}: cannot read: {exc.strerror or exc}") from None


def load_table(path: Path, name: str, label: str, raw: bytes | None = None) -> tuple[Rule, ...]:
    required, optional = SCHEMAS[name]
    if raw is None:
        raw = read_table_bytes(path, label)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise RuleError(f"{label}:{line}: not UTF-8 (byte 0x{raw[exc.start]:02x}: {exc.reason}); "
                        "save the table as UTF-8") from exc
    import unicodedata
    text = unicodedata.normalize("NFC", text)
    header: list[str] | None = None
    rules: list[Rule] = []
    seen: dict[str, int] = {}
    for lineno, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        where = f"{label}:{lineno}"
        if header is None:
            header = cells
            unknown = [c for c in header if c not in required + optional]
            if unknown:
                raise RuleError(f"{where}: unknown column {unknown[0]!r} (expected {', '.join(required + optional)})")
            missing = [c for c in required if c not in header]
            if missing:
                raise RuleError(f"{where}: header lacks column {missing[0]!r}")
            if len(set(header)) != len(header):
                raise RuleError(f"{where}: duplicate column in header")
            continue
        while len(cells) > len(header) and not cells[-1]:
            cells.pop()                       # trailing tabs a spreadsheet added
        if len(cells) > len(header):
            raise RuleError(f"{where}: {len(cells)} fields, header has {len(header)} (a stray tab?)")
        cells += [""] * (len(header) - len(cells))
        row = dict(zip(header, cells))
        for col in required:
            if not row[col]:
                raise RuleError(f"{where}: empty {col!r}")
        rid = row["id"] if "id" in required else row[required[0]]   # a word list is keyed by its word
        if "id" in required and not _ID.match(rid):
            raise RuleError(f"{where}: bad id {rid!r} (letters, digits, _ . : - only)")
        if rid in seen:
            raise RuleError(f"{where}: duplicate {required[0]} {rid!r} (first on line {seen[rid]})")
        seen[rid] = lineno
        for (fname, col), allowed in ENUMS.items():
            if fname == name and col in row and row[col] not in allowed:
                raise RuleError(f"{where}: unknown {col} {row[col]!r} (one of {', '.join(sorted(a for a in allowed if a))})")
        for (fname, col) in INTEGERS:
            if fname == name and row.get(col) and not _WHOLE.match(row[col]):
                raise RuleError(f"{where}: {col} {row[col]!r} is not a whole number")
        if name == "cues.tsv" and row.get("role") and not re.fullmatch(r"[a-z]+", row["role"]):
            raise RuleError(f"{where}: role {row['role']!r} is not a lower-case word")
        if name == "events.tsv":
            _check_event_row(row, where)
        for col in ("name", "head", "cue", "word", "phrase", "aliases"):
            if col in row and not (name == "events.tsv" and row["kind"] == "name"):
                _check_regex_safety(row[col], where)
        if name == "topic.tsv":
            _check_topic_cue(row, where)
        elif name == "topic_settings.tsv":
            _check_topic_setting(row, where)
        rules.append(Rule(label, lineno, tuple(row.items())))
    if header is None:
        raise RuleError(f"{label}:1: no header line")
    return tuple(rules)


def _check_event_row(row: dict[str, str], where: str) -> None:
    """events.tsv: the class fits the kind; a name template uses its class's slots only."""
    kind, cls = row["kind"], row.get("class", "")
    allowed = EVENT_CLASSES[kind]
    values = cls.split(ALIAS_SEP) if kind == "object" else [cls]
    if allowed is not None and any(v.strip() not in allowed for v in values):
        raise RuleError(f"{where}: class {cls!r} does not fit kind {kind!r} "
                        "(one of " + ", ".join(a or "(empty)" for a in allowed) + ")")
    if allowed is None and not cls:
        raise RuleError(f"{where}: kind {kind!r} needs a class (the head of the event's name)")
    if kind == "name":
        slots = set(re.findall(r"\{(\w*)\}", row["phrase"]))
        unknown = slots - EVENT_NAME_SLOTS[cls]
        if unknown or re.sub(r"\{\w*\}", "", row["phrase"]).count("{") or row["phrase"].count("[") != row["phrase"].count("]"):
            raise RuleError(f"{where}: name template {row['phrase']!r}: unknown slot or stray brace "
                            f"(slots for {cls}: {', '.join(sorted(EVENT_NAME_SLOTS[cls]))})")


def _number(text: str) -> float | None:
    try:
        x = float(text)
    except ValueError:
        return None
    return x if x == x and abs(x) != float("inf") else None       # no NaN, no infinity


def _check_topic_cue(row: dict[str, str], where: str) -> None:
    """A topic or sale cue needs a weight > 0; the other kinds take none."""
    if row["kind"] in WEIGHTED_TOPIC_KINDS:
        w = _number(row.get("weight", ""))
        if w is None or w <= 0:
            raise RuleError(f"{where}: weight {row.get('weight', '')!r} of a {row['kind']!r} cue must be a number > 0")
    elif row.get("weight"):
        raise RuleError(f"{where}: {row['kind']!r} cues take no weight (only {', '.join(sorted(WEIGHTED_TOPIC_KINDS))} cues do)")


def _check_topic_setting(row: dict[str, str], where: str) -> None:
    kind = TOPIC_SETTINGS.get(row["id"])
    if kind is None:
        raise RuleError(f"{where}: unknown setting {row['id']!r} (one of {', '.join(TOPIC_SETTINGS)})")
    x = _number(row["value"])
    if kind == "number" and (x is None or x < 0):
        raise RuleError(f"{where}: {row['id']} must be a number >= 0, got {row['value']!r}")
    if kind == "count" and (x is None or x < 0 or x != int(x)):
        raise RuleError(f"{where}: {row['id']} must be a whole number >= 0, got {row['value']!r}")


def load_rules(folder: str | Path | None = None) -> Rules:
    """Load every known table under `folder` (default: the project's `rules/`)."""
    folder = Path(folder) if folder is not None else DEFAULT_RULES_DIR
    try:
        is_dir = stat.S_ISDIR(os.stat(folder).st_mode)
    except FileNotFoundError:
        raise RuleError(f"{shown(folder)}: rules folder does not exist") from None
    except OSError as exc:
        raise RuleError(f"{shown(folder)}: cannot read the rules folder: {exc.strerror or exc}") from None
    if not is_dir:
        raise RuleError(f"{shown(folder)}: not a folder (--rules must name the rules folder)")
    tables: dict[str, tuple[Rule, ...]] = {}
    h = hashlib.sha256()
    for name in sorted(SCHEMAS):
        path = folder / name
        label = f"{shown(folder.name or folder.resolve().name or folder)}/{name}"
        if name in OPTIONAL_TABLES and not os.path.lexists(path):
            continue                      # no topic rules: no article is judged, every one is kept
        raw = read_table_bytes(path, label)
        tables[name] = load_table(path, name, label, raw)
        h.update(name.encode() + b"\0" + raw + b"\0")
    _cross_check(tables, folder.name)
    _check_topic_tables(tables, folder)
    return Rules(tables, h.hexdigest(), str(folder))


def _check_topic_tables(tables: dict[str, tuple[Rule, ...]], folder: Path) -> None:
    """topic.tsv and topic_settings.tsv come together, and the settings name every setting once."""
    label = f"{folder.name}/topic_settings.tsv"
    if "topic.tsv" in tables and "topic_settings.tsv" not in tables:
        raise RuleError(f"{label}: missing (topic.tsv needs its threshold and weights)")
    if "topic_settings.tsv" in tables:
        given = {r.id for r in tables["topic_settings.tsv"]}
        missing = [k for k in TOPIC_SETTINGS if k not in given]
        if missing:
            raise RuleError(f"{label}: setting {missing[0]!r} missing")
        if "topic.tsv" not in tables:
            raise RuleError(f"{folder.name}/topic.tsv: missing (topic_settings.tsv has no cues to weigh)")
    seen: dict[str, Rule] = {}
    for r in tables.get("topic.tsv", ()):
        words = cue_words(r["cue"])
        if words in seen:
            first = seen[words]
            raise RuleError(f"{r.file}:{r.line}: cue {r['cue']!r} is already a {first['kind']} cue "
                            f"(line {first.line}); a phrase has one kind")
        seen[words] = r


_WORD = re.compile(r"\w+")


def cue_words(phrase: str) -> str:
    """A topic cue as the relevance matcher reads it: lower-case words, one space, no punctuation
    ("Phòng, chống" -> "phòng chống")."""
    return " ".join(_WORD.findall(phrase.lower()))


def _cross_check(tables: dict[str, tuple[Rule, ...]], label: str) -> None:
    """References between tables (parent, country) must point at known ids; every relation rule
    must parse, with word classes that the other tables define."""
    from .extract.lexicon import word_classes
    from .extract.patterns import parse_rule
    classes = set(word_classes(Rules(tables)))
    read = set(CODE_CLASSES)
    for r in tables.get("relations.tsv", ()):
        read |= parse_rule(r, classes).classes
    if "relations.tsv" in tables:
        for r in tables.get("cues.tsv", ()):
            cls = f"{r['relation']}/{r['role']}" if r["role"] else r["relation"]
            if cls not in read:
                raise RuleError(f"{r.file}:{r.line}: no rule reads the cue class {cls!r} (a pattern of "
                                f"relations.tsv reads it as <{cls}>)")
    orgs = {r.id for r in tables.get("gazetteer/organizations.tsv", ())}
    countries = {r.id for r in tables.get("gazetteer/countries.tsv", ())}
    agreements = {r.id for r in tables.get("gazetteer/agreements.tsv", ())}
    for r in tables.get("gazetteer/organizations.tsv", ()):
        if r["parent"] and r["parent"] not in orgs:
            raise RuleError(f"{r.file}:{r.line}: parent {r['parent']!r} is not an organisation id")
        if r["country"] and r["country"] not in countries:
            raise RuleError(f"{r.file}:{r.line}: country {r['country']!r} is not a country id")
    locations = {r.id for r in tables.get("gazetteer/locations.tsv", ())}
    for r in tables.get("gazetteer/locations.tsv", ()):
        if r["parent"] and r["parent"] not in locations:
            raise RuleError(f"{r.file}:{r.line}: parent {r['parent']!r} is not a location id")
        if r["country"] and r["country"] not in countries:
            raise RuleError(f"{r.file}:{r.line}: country {r['country']!r} is not a country id")
    for r in tables.get("gazetteer/agreements.tsv", ()):
        if r["parent"] and r["parent"] not in agreements:
            raise RuleError(f"{r.file}:{r.line}: parent {r['parent']!r} is not an agreement id")
    for r in tables.get("gazetteer/subdivisions.tsv", ()):
        if r["country"] not in countries:
            raise RuleError(f"{r.file}:{r.line}: country {r['country']!r} is not a country id")
    for r in tables.get("country_words.tsv", ()):
        if r["kind"] in ("qualifier", "short") and r["country"] not in countries:
            raise RuleError(f"{r.file}:{r.line}: country {r['country']!r} is not a country id")
    for r in tables.get("governments.tsv", ()):
        if r["country"] and r["country"] not in countries:
            raise RuleError(f"{r.file}:{r.line}: country {r['country']!r} is not a country id")
    all_ids: dict[str, str] = {}
    for name in ("gazetteer/organizations.tsv", "gazetteer/countries.tsv", "gazetteer/locations.tsv",
                 "gazetteer/agreements.tsv"):
        for r in tables.get(name, ()):
            if r.id in all_ids:
                raise RuleError(f"{r.file}:{r.line}: id {r.id!r} already used in {all_ids[r.id]}")
            all_ids[r.id] = f"{r.file}:{r.line}"
