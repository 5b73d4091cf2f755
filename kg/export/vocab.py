"""The RDF vocabulary of kg, defined once: reused W3C / schema.org terms, the project's own terms
(with labels and comments, published as docs/ontology.ttl), and how graph types and relations map
onto them. The exporter, the SHACL shapes, the docs and the ready-made queries all follow this table.
"""
from __future__ import annotations

from dataclasses import dataclass

KG = "https://kg.example.org/ontology#"       # project terms: fixed, independent of --base-iri
ORG = "http://www.w3.org/ns/org#"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
OWL = "http://www.w3.org/2002/07/owl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SH = "http://www.w3.org/ns/shacl#"
WD = "http://www.wikidata.org/entity/"

PREFIXES = {"kg": KG, "org": ORG, "schema": SCHEMA, "prov": PROV, "dcterms": DCTERMS, "skos": SKOS,
            "owl": OWL, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "wd": WD}

TYPE_CLASSES = {
    "Organization": ORG + "Organization",
    "Country": SCHEMA + "Country",
    "Agreement": KG + "Agreement",
    "Event": SCHEMA + "Event",
    "Person": SCHEMA + "Person",
    "Location": SCHEMA + "Place",
}
FALLBACK_CLASS = KG + "Entity"


@dataclass(frozen=True)
class RelationTerm:
    """How one graph relation is written in RDF, and which node types it may link."""
    name: str
    prop: str
    domain: tuple[str, ...]
    range: tuple[str, ...]


_AGENTS = ("Organization", "Country")
RELATIONS = {r.name: r for r in (
    RelationTerm("partOf", ORG + "subOrganizationOf", ("Organization",), ("Organization",)),
    RelationTerm("country", KG + "country", ("Organization",), ("Country",)),
    RelationTerm("basedIn", KG + "basedIn", ("Organization",), ("Country",)),
    RelationTerm("organized", KG + "organized", _AGENTS, ("Event",)),
    RelationTerm("participatedIn", KG + "participatedIn", _AGENTS + ("Person",), ("Event",)),
    RelationTerm("cooperatesWith", KG + "cooperatesWith", _AGENTS, _AGENTS),
    RelationTerm("funded", KG + "funded", _AGENTS, ("Event", "Agreement")),
    RelationTerm("partyTo", KG + "partyTo", _AGENTS, ("Agreement",)),
    RelationTerm("memberOf", ORG + "memberOf", _AGENTS, ("Organization",)),
    RelationTerm("heldIn", SCHEMA + "location", ("Event",), ("Location", "Country")),
    RelationTerm("underFramework", KG + "underFramework", ("Event", "Agreement"), ("Agreement",)),
    RelationTerm("holdsPosition", KG + "holdsPosition", ("Person",), ("Organization",)),
)}


def relation_property(relation: str) -> str:
    """The property IRI of a relation; an unknown relation name becomes a project term of that name."""
    known = RELATIONS.get(relation)
    return known.prop if known else KG + _local_name(relation)


def _local_name(name: str) -> str:
    """A safe local name for an unforeseen relation (letters and digits only)."""
    cleaned = "".join(c for c in name if c.isascii() and c.isalnum())
    return cleaned or "relatedTo"


@dataclass(frozen=True)
class Term:
    """One project term: its kind (owl class or property), label, comment and extra axioms."""
    local: str
    kind: str
    label: str
    comment: str
    axioms: tuple[tuple[str, str], ...] = ()

    @property
    def iri(self) -> str:
        return KG + self.local


_OBJ, _DATA, _CLASS = OWL + "ObjectProperty", OWL + "DatatypeProperty", OWL + "Class"
TERMS = (
    Term("Agreement", _CLASS, "agreement",
         "A treaty, memorandum of understanding, convention, protocol, law, resolution, or a "
         "national or joint programme, plan or framework of cooperation.",
         ((RDFS + "subClassOf", SCHEMA + "CreativeWork"),)),
    Term("Entity", _CLASS, "entity",
         "Something the extractor found whose type is none of the known ones.",),
    Term("Evidence", _CLASS, "evidence",
         "One sentence of one article that states a link: a reified statement (rdf:subject, "
         "rdf:predicate, rdf:object) with the sentence, its character offsets and the rule that fired.",
         ((RDFS + "subClassOf", RDF + "Statement"), (RDFS + "subClassOf", PROV + "Entity"))),
    Term("country", _OBJ, "country", "The country an organisation belongs to (\"Bộ Nội vụ Vương quốc Anh\").",
         ((RDFS + "domain", ORG + "Organization"), (RDFS + "range", SCHEMA + "Country"))),
    Term("basedIn", _OBJ, "based in", "The country where an international body's office or a mission abroad "
         "works (\"IOM Việt Nam\", \"Đại sứ quán Việt Nam tại Philippines\").",
         ((RDFS + "domain", ORG + "Organization"), (RDFS + "range", SCHEMA + "Country"))),
    Term("countryName", _DATA, "country name",
         "The name of an organisation's country when no Country node of that name is in the graph."),
    Term("organized", _OBJ, "organized", "An organisation or country chaired, hosted or organised an event.",
         ((OWL + "inverseOf", SCHEMA + "organizer"), (RDFS + "range", SCHEMA + "Event"))),
    Term("participatedIn", _OBJ, "participated in", "An organisation, country or person took part in an event.",
         ((OWL + "inverseOf", SCHEMA + "attendee"), (RDFS + "range", SCHEMA + "Event"))),
    Term("cooperatesWith", _OBJ, "cooperates with",
         "Two organisations or countries work together (\"phối hợp với\", \"hợp tác với\"). Symmetric.",
         ((RDF + "type", OWL + "SymmetricProperty"), (RDFS + "subPropertyOf", ORG + "linkedTo"))),
    Term("funded", _OBJ, "funded", "An organisation or country funded an event or an agreement (\"tài trợ\").",
         ((OWL + "inverseOf", SCHEMA + "funder"),)),
    Term("partyTo", _OBJ, "party to", "An organisation or country signed or is a party to an agreement.",
         ((RDFS + "range", KG + "Agreement"),)),
    Term("underFramework", _OBJ, "under framework",
         "An event or agreement happens within the framework of an agreement or programme "
         "(\"trong khuôn khổ\").", ((RDFS + "range", KG + "Agreement"),)),
    Term("holdsPosition", _OBJ, "holds position", "A person holds a position in an organisation.",
         ((RDFS + "subPropertyOf", ORG + "memberOf"), (RDFS + "domain", SCHEMA + "Person"),
          (RDFS + "range", ORG + "Organization"))),
    Term("isoCode", _DATA, "ISO code", "ISO 3166-1 alpha-2 code of a country.",
         ((RDFS + "subPropertyOf", SKOS + "notation"), (RDFS + "domain", SCHEMA + "Country"))),
    Term("kind", _DATA, "kind", "A finer kind of location or organisation from the gazetteer (e.g. province)."),
    Term("sentence", _DATA, "sentence", "The sentence of the article that states the link (NFC text).",
         ((RDFS + "domain", KG + "Evidence"),)),
    Term("startOffset", _DATA, "start offset",
         "Character offset where the evidence sentence starts in the raw article file.",
         ((RDFS + "domain", KG + "Evidence"), (RDFS + "range", XSD + "integer"))),
    Term("endOffset", _DATA, "end offset",
         "Character offset just after the evidence sentence in the raw article file.",
         ((RDFS + "domain", KG + "Evidence"), (RDFS + "range", XSD + "integer"))),
    Term("rule", _DATA, "rule", "Id of the extraction rule that found the link (see rules/).",
         ((RDFS + "domain", KG + "Evidence"),)),
)


def ontology_quads():
    """The ontology as (graph, subject, predicate, object) quads in the exporter's N-Triples term form."""
    from .rdf import iri, lit
    onto = iri(KG.rstrip("#"))
    a, label, comment = iri(RDF + "type"), iri(RDFS + "label"), iri(RDFS + "comment")
    yield ("", onto, a, iri(OWL + "Ontology"))
    yield ("", onto, label, lit("kg ontology", "en"))
    yield ("", onto, comment, lit(
        "Project terms of kg, a knowledge graph of anti-trafficking cooperation built from Vietnamese "
        "news articles. Everything else reuses W3C ORG, schema.org, PROV-O, Dublin Core and SKOS.", "en"))
    for t in TERMS:
        s = iri(t.iri)
        yield ("", s, a, iri(t.kind))
        yield ("", s, label, lit(t.label, "en"))
        yield ("", s, comment, lit(t.comment, "en"))
        yield ("", s, iri(RDFS + "isDefinedBy"), onto)
        for p, o in t.axioms:
            yield ("", s, iri(p), iri(o))


ONTOLOGY_HEADER = ("# kg ontology: the project's own RDF terms, with labels and comments.\n"
                   "# Generated from kg/export/vocab.py (TERMS); do not edit by hand. Regenerate with\n"
                   "#   python -c 'from kg.export.vocab import write_ontology; write_ontology()'\n")


def generate_ontology() -> str:
    """docs/ontology.ttl, generated from TERMS so the published file never drifts from the code."""
    from .rdf import serialize_turtle, sorted_triples
    return ONTOLOGY_HEADER + serialize_turtle(sorted_triples(ontology_quads()), PREFIXES)


def write_ontology(path: str = "docs/ontology.ttl") -> None:
    from .atomic import write_atomic
    write_atomic(path, generate_ontology())
