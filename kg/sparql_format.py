"""SPARQL answers as text, streamed: an aligned table whose long cells wrap inside their column, W3C
SPARQL CSV, W3C SPARQL JSON results; CONSTRUCT / DESCRIBE as Turtle (table), N-Triples (csv) or
JSON-LD (json). Rows are printed as they come: only the first TABLE_SAMPLE rows are held, to size the
table's columns."""
from __future__ import annotations

import csv
import io
import json
import textwrap
from itertools import islice

from .export.vocab import PREFIXES

TABLE_SAMPLE = 200           # rows read before the table's column widths are fixed
MIN_COLUMN = 12              # a column is never squeezed below this width
SEPARATOR = " | "


def cell(t, prefixes: dict | None = None) -> str:
    """Literals as their text (spaces folded); IRIs shortened with the usual prefixes (kg:, org: …) and
    the build's own (id:, article: …)."""
    import pyoxigraph as ox
    if t is None:
        return ""
    if isinstance(t, ox.NamedNode):
        for pfx, ns in sorted((prefixes or PREFIXES).items(), key=lambda x: -len(x[1])):
            if t.value.startswith(ns) and len(t.value) > len(ns):
                return f"{pfx}:{t.value[len(ns):]}"
        return t.value
    if isinstance(t, ox.Literal):
        return " ".join(t.value.split())
    return str(t)


def json_term(t) -> dict:
    import pyoxigraph as ox
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        out = {"type": "literal", "value": t.value}
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = t.datatype.value
        return out
    return {"type": "literal", "value": str(t)}


def column_widths(header, rows, width: int = 0) -> list[int]:
    """Each column as wide as its widest cell (in `rows`, a sample); when the table is wider than `width`,
    the widest columns give way first (never below MIN_COLUMN)."""
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    if width <= 0:
        return widths
    room = width - len(SEPARATOR) * (len(widths) - 1)
    while sum(widths) > room:
        i = max(range(len(widths)), key=lambda j: (widths[j], -j))
        if widths[i] <= MIN_COLUMN:
            break
        widths[i] -= 1
    return widths


def table_lines(cells: list[str], widths: list[int]) -> list[str]:
    """One row as one or more lines: a cell longer than its column wraps inside it."""
    parts = [textwrap.wrap(c, w, break_long_words=True, break_on_hyphens=False) or [""] if len(c) > w else [c]
             for c, w in zip(cells, widths)]
    height = max(len(p) for p in parts)
    return [SEPARATOR.join((p[i] if i < len(p) else "").ljust(w) for p, w in zip(parts, widths)).rstrip()
            for i in range(height)]


def select_table(variables, rows, width: int = 0, prefixes: dict | None = None):
    """Text chunks of an aligned table; `rows` is any iterable of term tuples, read lazily."""
    rows = iter(rows)
    header = list(variables)
    if not header:
        yield ""
        return
    sample = [[cell(t, prefixes) for t in r] for r in islice(rows, TABLE_SAMPLE)]
    widths = column_widths(header, sample, width)
    yield "\n".join(table_lines(header, widths) + ["-+-".join("-" * w for w in widths)]) + "\n"
    n = 0
    for r in sample:
        yield "\n".join(table_lines(r, widths)) + "\n"
        n += 1
    for r in rows:
        yield "\n".join(table_lines([cell(t, prefixes) for t in r], widths)) + "\n"
        n += 1
    yield f"({n} row{'s' if n != 1 else ''})\n"


def select_csv(variables, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(variables)
    yield buf.getvalue()
    for r in rows:
        buf.seek(0)
        buf.truncate()
        w.writerow(["" if t is None else t.value for t in r])
        yield buf.getvalue()


def select_json(variables, rows):
    yield '{"head": {"vars": ' + json.dumps(list(variables), ensure_ascii=False) + '}, "results": {"bindings": ['
    first = True
    for r in rows:
        binding = {v: json_term(t) for v, t in zip(variables, r) if t is not None}
        yield ("\n " if first else ",\n ") + json.dumps(binding, ensure_ascii=False)
        first = False
    yield ("\n" if not first else "") + "]}}\n"


def ask_text(boolean: bool, fmt: str) -> str:
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": boolean}) + "\n"
    return "true\n" if boolean else "false\n"


def triples_text(triples, fmt: str) -> str:
    """CONSTRUCT / DESCRIBE results: Turtle (table), N-Triples (csv) or JSON-LD (json)."""
    import pyoxigraph as ox
    from .export.rdf import _fixed_prefix_order
    triples = list(triples)
    if fmt == "csv":
        return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    if fmt == "json":
        return ox.serialize(triples, format=ox.RdfFormat.JSON_LD, prefixes=PREFIXES).decode("utf-8") + "\n"
    out = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    return _fixed_prefix_order(out, PREFIXES).decode("utf-8")


def stream_result(res, fmt: str = "table", width: int = 0, prefixes: dict | None = None):
    """Text chunks of a pyoxigraph query result (QuerySolutions, QueryBoolean or QueryTriples)."""
    import pyoxigraph as ox
    if isinstance(res, ox.QueryBoolean):
        yield ask_text(bool(res), fmt)
        return
    if isinstance(res, ox.QuerySolutions):
        variables = [v.value for v in res.variables]
        rows = (tuple(sol[v] for v in variables) for sol in res)
        if fmt == "csv":
            yield from select_csv(variables, rows)
        elif fmt == "json":
            yield from select_json(variables, rows)
        else:
            yield from select_table(variables, rows, width, prefixes)
        return
    yield triples_text(res, fmt)
