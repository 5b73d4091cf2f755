"""The RDF vocabulary of kg, defined once: reused W3C / schema.org terms, the project's own terms
(with labels and comments, published as docs/ontology.ttl), and how graph types and relations map
onto them. The exporter, the SHACL shapes, the docs and the ready-made queries all follow this table.
"""
from __future__ import annotations

import re
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


# What a reader sees instead of code names, in English and Vietnamese: the page, the report, the
# GraphML labels and the ontology's rdfs:label all read these two tables.
TYPE_LABELS = {
    "Organization": ("organisation", "tổ chức"),
    "Country": ("country", "quốc gia"),
    "Agreement": ("agreement", "văn kiện, thỏa thuận"),
    "Event": ("event", "sự kiện"),
    "Person": ("person", "cá nhân"),
    "Location": ("place", "địa điểm"),
}
RELATION_LABELS = {
    "partOf": ("part of", "trực thuộc"),
    "country": ("country", "thuộc quốc gia"),
    "basedIn": ("based in", "đặt tại"),
    "organized": ("organised", "tổ chức"),
    "participatedIn": ("participated in", "tham dự"),
    "cooperatesWith": ("cooperates with", "hợp tác với"),
    "funded": ("funded", "tài trợ"),
    "partyTo": ("party to", "là bên của"),
    "memberOf": ("member of", "là thành viên của"),
    "heldIn": ("held in", "diễn ra tại"),
    "underFramework": ("under the framework of", "trong khuôn khổ"),
    "holdsPosition": ("holds a position in", "giữ chức vụ tại"),
}
LANGUAGES = ("en", "vi")


def type_label(etype: str, lang: str = "en") -> str:
    """The readable name of an entity type ("organisation" / "tổ chức"); unknown types as they are."""
    pair = TYPE_LABELS.get(etype)
    return pair[LANGUAGES.index(lang)] if pair else etype


def relation_label(relation: str, lang: str = "en") -> str:
    """The readable name of a relation ("part of" / "trực thuộc"); unknown relations as they are."""
    pair = RELATION_LABELS.get(relation)
    return pair[LANGUAGES.index(lang)] if pair else relation


# Names come from Vietnamese articles, which also print English names of bodies ("Ministry of Public
# Security", "International Organization for Migration"). A name is English when it is plain ASCII
# and has one of these words; anything else (Vietnamese, acronyms such as IOM, bare proper names) is
# tagged @vi, the language of the text it was read in.
ENGLISH_WORDS = frozenset("""
    of for the and against on in to with from by
    ministry ministries department office agency bureau committee commission council court procuracy
    police embassy consulate government republic kingdom states union nations united federation
    organization organisation organizations international national regional global world
    association foundation fund programme program project process initiative partnership network
    development migration labour labor security public foreign affairs defence defense justice
    affairs interior home supreme people's peoples children women human rights trafficking persons
    crime crimes drugs smuggling transnational related counter anti combating prevention protection
    convention protocol agreement memorandum understanding declaration plan strategy framework
    coordinated ministerial mekong southeast asian european external action service vision
    cambodia laos thailand china vietnam
""".split())
_WORD = re.compile(r"[a-z']+")


def name_language(name: str) -> str:
    """'en' for an English name, else 'vi' (see ENGLISH_WORDS)."""
    text = str(name)
    if not text.isascii():
        return "vi"
    return "en" if any(w in ENGLISH_WORDS for w in _WORD.findall(text.lower())) else "vi"


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
    """One project term: its kind (owl class or property), English and Vietnamese labels, comment and
    extra axioms."""
    local: str
    kind: str
    label: str
    label_vi: str
    comment: str
    axioms: tuple[tuple[str, str], ...] = ()

    @property
    def iri(self) -> str:
        return KG + self.local


_OBJ, _DATA, _CLASS = OWL + "ObjectProperty", OWL + "DatatypeProperty", OWL + "Class"
TERMS = (
    Term("Agreement", _CLASS, "agreement", "văn kiện, thỏa thuận",
         "A treaty, memorandum of understanding, convention, protocol, law, resolution, or a "
         "national or joint programme, plan or framework of cooperation.",
         ((RDFS + "subClassOf", SCHEMA + "CreativeWork"),)),
    Term("Entity", _CLASS, "entity", "thực thể",
         "Something the extractor found whose type is none of the known ones.",),
    Term("Evidence", _CLASS, "evidence", "bằng chứng",
         "One sentence of one article that states a link: a reified statement (rdf:subject, "
         "rdf:predicate, rdf:object) with the sentence node that states it and the rule that fired.",
         ((RDFS + "subClassOf", RDF + "Statement"), (RDFS + "subClassOf", PROV + "Entity"))),
    Term("Sentence", _CLASS, "sentence", "câu",
         "One sentence of one article that states at least one link, stored once however many links it "
         "states: its text, its article (dcterms:isPartOf) and its character offsets in the raw file.",
         ((RDFS + "subClassOf", PROV + "Entity"),)),
    Term("country", _OBJ, "country", "thuộc quốc gia",
         "The state an organisation belongs to (\"Bộ Nội vụ Vương quốc Anh\"; an embassy's own state).",
         ((RDFS + "domain", ORG + "Organization"), (RDFS + "range", SCHEMA + "Country"))),
    Term("basedIn", _OBJ, "based in", "đặt tại",
         "The country where an office works: an international body's country office (\"IOM Việt Nam\") or "
         "a mission abroad (\"Đại sứ quán Việt Nam tại Myanmar\" is based in Myanmar). Not its own state.",
         ((RDFS + "domain", ORG + "Organization"), (RDFS + "range", SCHEMA + "Country"))),
    Term("countryName", _DATA, "country name", "tên quốc gia",
         "The name of an organisation's country when no Country node of that name is in the graph."),
    Term("organized", _OBJ, "organised", "tổ chức",
         "An organisation or country chaired, hosted or organised an event.",
         ((OWL + "inverseOf", SCHEMA + "organizer"), (RDFS + "range", SCHEMA + "Event"))),
    Term("participatedIn", _OBJ, "participated in", "tham dự",
         "An organisation, country or person took part in an event.",
         ((OWL + "inverseOf", SCHEMA + "attendee"), (RDFS + "range", SCHEMA + "Event"))),
    Term("cooperatesWith", _OBJ, "cooperates with", "hợp tác với",
         "Two organisations or countries work together (\"phối hợp với\", \"hợp tác với\"). Symmetric.",
         ((RDF + "type", OWL + "SymmetricProperty"), (RDFS + "subPropertyOf", ORG + "linkedTo"))),
    Term("funded", _OBJ, "funded", "tài trợ",
         "An organisation or country funded an event or an agreement (\"tài trợ\").",
         ((OWL + "inverseOf", SCHEMA + "funder"),)),
    Term("partyTo", _OBJ, "party to", "là bên của",
         "An organisation or country signed or is a party to an agreement.",
         ((RDFS + "range", KG + "Agreement"),)),
    Term("underFramework", _OBJ, "under the framework of", "trong khuôn khổ",
         "An event or agreement happens within the framework of an agreement or programme "
         "(\"trong khuôn khổ\").", ((RDFS + "range", KG + "Agreement"),)),
    Term("holdsPosition", _OBJ, "holds a position in", "giữ chức vụ tại",
         "A person holds a position in an organisation. (Not declared a sub-property of org:memberOf: "
         "kg's memberOf links organisations and countries to the bodies they belong to.)",
         ((RDFS + "domain", SCHEMA + "Person"), (RDFS + "range", ORG + "Organization"))),
    Term("isoCode", _DATA, "ISO code", "mã ISO", "ISO 3166-1 alpha-2 code of a country.",
         ((RDFS + "subPropertyOf", SKOS + "notation"), (RDFS + "domain", SCHEMA + "Country"))),
    Term("kind", _DATA, "kind", "loại",
         "A finer kind of location or organisation from the gazetteer (e.g. province)."),
    Term("sentence", _OBJ, "sentence", "câu",
         "The sentence of the article that states the link (a kg:Sentence node, stored once).",
         ((RDFS + "domain", KG + "Evidence"), (RDFS + "range", KG + "Sentence"))),
    Term("text", _DATA, "text", "văn bản",
         "The text of an evidence sentence (NFC).",
         ((RDFS + "domain", KG + "Sentence"),)),
    Term("startOffset", _DATA, "start offset", "vị trí đầu",
         "Character offset where the evidence sentence starts in the raw article file.",
         ((RDFS + "domain", KG + "Sentence"), (RDFS + "range", XSD + "integer"))),
    Term("endOffset", _DATA, "end offset", "vị trí cuối",
         "Character offset just after the evidence sentence in the raw article file.",
         ((RDFS + "domain", KG + "Sentence"), (RDFS + "range", XSD + "integer"))),
    Term("rule", _DATA, "rule", "quy tắc", "Id of the extraction rule that found the link (see rules/).",
         ((RDFS + "domain", KG + "Evidence"),)),
    Term("onTopic", _DATA, "on topic",
         "Whether the article is on the build's topic (rules/topic.tsv): only on-topic articles give "
         "nodes and links, unless the graph was built with --all-topics.",
         ((RDFS + "domain", SCHEMA + "NewsArticle"), (RDFS + "range", XSD + "boolean"))),
    Term("relevanceScore", _DATA, "relevance score",
         "The article's topic score: the weights of its topic cues that a body acts on (rules/topic.tsv); "
         "on topic from the threshold of rules/topic_settings.tsv.",
         ((RDFS + "domain", SCHEMA + "NewsArticle"), (RDFS + "range", XSD + "decimal"))),
    Term("relevanceReason", _DATA, "relevance reason",
         "Why the article is on or off topic: its score against the threshold and the cues that made it.",
         ((RDFS + "domain", SCHEMA + "NewsArticle"),)),
)


def reused_labels() -> list[tuple[str, str, str]]:
    """(IRI, English label, Vietnamese label) of the reused W3C / schema.org classes and properties
    the export writes, so a store or a tool can show every type and link in either language."""
    out = [(cls, *TYPE_LABELS[t]) for t, cls in TYPE_CLASSES.items() if not cls.startswith(KG)]
    out += [(r.prop, *RELATION_LABELS[r.name]) for r in RELATIONS.values() if not r.prop.startswith(KG)]
    return sorted(out)


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
        yield ("", s, label, lit(t.label_vi, "vi"))
        yield ("", s, comment, lit(t.comment, "en"))
        yield ("", s, iri(RDFS + "isDefinedBy"), onto)
        for p, o in t.axioms:
            yield ("", s, iri(p), iri(o))
    for term, en, vi in reused_labels():
        yield ("", iri(term), label, lit(en, "en"))
        yield ("", iri(term), label, lit(vi, "vi"))


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
