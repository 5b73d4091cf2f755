"""The project's own error types: every failure a user can cause is one of these, with a one-line message."""


class KgError(Exception):
    """Base class: a clear, one-line problem with the input, never a bug."""


class CorpusError(KgError):
    """The corpus folder or an article file cannot be read."""


class RuleError(KgError):
    """A rule file is malformed; the message reads `path:line: what is wrong`."""


class QueryError(KgError):
    """A query is refused or names an unknown entity."""
