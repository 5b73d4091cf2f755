"""`json.dumps(value, ensure_ascii=False, sort_keys=True)` for graph records and attribute values, the
same text, built from pieces: each distinct string is encoded once per export (evidence sentences,
article ids and rule names repeat across many nodes and links), and evidence entries, the bulk of every
file, are printed from one format string. Anything of another shape goes to json itself.
"""
from __future__ import annotations

import json
from json.encoder import encode_basestring     # the C quoting that json.dumps(ensure_ascii=False) uses

_dumps = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
_EVIDENCE_KEYS = frozenset(("doc", "end", "rule", "sentence", "start"))


class JsonText:
    """The JSON text of values, with a cache of encoded strings local to one export.

    `escape`, if given, is applied to every piece that may hold text (XML escaping for GraphML): it
    must act character by character, so that escaping the pieces equals escaping the whole, and
    leave JSON's own punctuation and digits alone."""

    def __init__(self, escape=None):
        self._strings: dict[str, str] = {}
        self._escape = escape

    def string(self, s: str) -> str:
        out = self._strings.get(s)
        if out is None:
            out = encode_basestring(s)
            if self._escape is not None:
                out = self._escape(out)
            self._strings[s] = out
        return out

    def value(self, v) -> str:
        t = type(v)
        if t is str:
            return self.string(v)
        if t is int:
            return int.__repr__(v)
        if t is list:                       # (get(x) or string(x)): string(x), one call less when cached
            get, string, value = self._strings.get, self.string, self.value
            return "[" + ", ".join([(get(x) or string(x)) if type(x) is str else value(x) for x in v]) + "]"
        if t is dict:
            if v.keys() == _EVIDENCE_KEYS:
                out = self._evidence(v)
                if out is not None:
                    return out
            return self.record(v)
        out = _dumps(v)
        return out if self._escape is None else self._escape(out)

    def record(self, d: dict) -> str:
        """A dict, keys sorted (json's own text when a key is not a string: json sorts those differently)."""
        if not all(type(k) is str for k in d):
            out = _dumps(d)
            return out if self._escape is None else self._escape(out)
        string, value = self.string, self.value
        return "{" + ", ".join([f"{string(k)}: {value(d[k])}" for k in sorted(d)]) + "}"

    def _evidence(self, e: dict) -> str | None:
        doc, end, rule, sentence, start = e["doc"], e["end"], e["rule"], e["sentence"], e["start"]
        if type(doc) is str and type(rule) is str and type(sentence) is str and type(end) is int \
                and type(start) is int:
            get, string = self._strings.get, self.string
            return (f'{{"doc": {get(doc) or string(doc)}, "end": {int.__repr__(end)}, '
                    f'"rule": {get(rule) or string(rule)}, "sentence": {get(sentence) or string(sentence)}, '
                    f'"start": {int.__repr__(start)}}}')
        return None
