"""kg: a knowledge-graph builder for anti-trafficking cooperation, from Vietnamese news articles.

    import kg
    g = kg.build_graph(kg.read_corpus("corpus"))     # a networkx MultiDiGraph
"""
from .corpus import Corpus, read_corpus, read_document
from .errors import CorpusError, KgError, QueryError, RuleError
from .pipeline import build, build_graph, extract_corpus, graph_from_extractions, render_outputs
from .rules import load_rules

__all__ = ["Corpus", "read_corpus", "read_document", "build", "build_graph", "extract_corpus",
           "graph_from_extractions", "render_outputs", "load_rules", "KgError", "CorpusError",
           "RuleError", "QueryError"]
__version__ = "0.1.0"
