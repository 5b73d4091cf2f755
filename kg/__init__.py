"""kg: a knowledge-graph builder for anti-trafficking cooperation, from Vietnamese news articles.

    import kg
    g = kg.build_graph(kg.read_corpus("corpus"))     # a networkx MultiDiGraph

Names are imported when first used, so `kg query` and its query process start without loading the
extraction pipeline.
"""
from importlib import import_module

from .errors import CorpusError, KgError, QueryError, RuleError

_LAZY = {
    "Corpus": ".corpus", "read_corpus": ".corpus", "read_document": ".corpus",
    "build": ".pipeline", "build_graph": ".pipeline", "extract_corpus": ".pipeline",
    "graph_from_extractions": ".pipeline", "render_outputs": ".pipeline",
    "load_rules": ".rules",
}

__all__ = ["Corpus", "read_corpus", "read_document", "build", "build_graph", "extract_corpus",
           "graph_from_extractions", "render_outputs", "load_rules", "KgError", "CorpusError",
           "RuleError", "QueryError"]
__version__ = "0.1.0"


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_LAZY))
