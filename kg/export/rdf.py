"""RDF export (rdflib): entities as typed resources with labels, relations as triples."""
from __future__ import annotations

import networkx as nx
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from ..text import slug
from .atomic import write_atomic

DEFAULT_BASE = "https://kg.example.org/"
KG = Namespace("https://kg.example.org/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")

TYPE_CLASSES = {
    "Organization": ORG.Organization, "Country": SCHEMA.Country, "Agreement": KG.Agreement,
    "Event": SCHEMA.Event, "Person": SCHEMA.Person, "Location": SCHEMA.Place,
}
RELATION_PROPS = {"partOf": ORG.subOrganizationOf, "heldIn": SCHEMA.location}


def entity_iri(base: str, node_id: str) -> URIRef:
    return URIRef(f"{base}id/{slug(node_id, 120)}")


def to_rdf(g: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> Graph:
    rdf = Graph()
    for prefix, ns in (("kg", KG), ("org", ORG), ("schema", SCHEMA), ("skos", SKOS), ("owl", OWL)):
        rdf.bind(prefix, ns)
    for n, d in g.nodes(data=True):
        s = entity_iri(base, n)
        rdf.add((s, RDF.type, TYPE_CLASSES.get(d.get("type"), KG.Entity)))
        rdf.add((s, RDFS.label, Literal(d.get("label", n), lang="vi")))
        for a in d.get("aliases", []):
            rdf.add((s, SKOS.altLabel, Literal(a, lang="vi")))
        if d.get("wikidata"):
            rdf.add((s, OWL.sameAs, WD[d["wikidata"]]))
        if d.get("iso"):
            rdf.add((s, KG.isoCode, Literal(d["iso"])))
    for u, v, k, d in g.edges(keys=True, data=True):
        rel = d.get("relation", k)
        rdf.add((entity_iri(base, u), RELATION_PROPS.get(rel, KG[rel]), entity_iri(base, v)))
    return rdf


def generate_turtle(g: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> str:
    return to_rdf(g, base).serialize(format="turtle")


def write_turtle(g: nx.MultiDiGraph, path, base: str = DEFAULT_BASE) -> None:
    write_atomic(path, generate_turtle(g, base))
