"""The project's own error types: every failure a user can cause is one of these, with a one-line message."""


class KgError(Exception):
    """Base class: a clear, one-line problem with the input, never a bug."""


class CorpusError(KgError):
    """The corpus folder or an article file cannot be read."""


class RuleError(KgError):
    """A rule file is malformed; the message reads `path:line: what is wrong`."""


class QueryError(KgError):
    """A query is refused or names an unknown entity."""


def shown(name: object, limit: int = 300) -> str:
    """A file name (or any text from outside) as it goes into a one-line message: as it is when
    every character is printable, else in quotes with escapes, so a newline or an escape sequence
    in a name can neither forge a second line nor drive the terminal. Bytes that are not UTF-8
    (kept by Python as surrogates) are shown as \\xNN; very long names are cut in the middle."""
    text = str(name)
    if len(text) > limit:
        text = text[:limit // 2] + "…" + text[-limit // 2:]
    if text.isprintable():
        return text
    out = []
    for c in text:
        if c == "\\" or c == "'":
            out.append("\\" + c)
        elif c.isprintable():
            out.append(c)
        elif "\udc80" <= c <= "\udcff":
            out.append(f"\\x{ord(c) - 0xDC00:02x}")
        else:
            out.append(c.encode("unicode_escape").decode("ascii"))
    return "'" + "".join(out) + "'"
