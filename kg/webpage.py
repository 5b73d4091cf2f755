"""The article in a saved news page: a small HTML tokenizer and the choice of the article's element.

Why not the standard library's html.parser: its behaviour on broken markup changes between Python
releases, `<![ x ]>` raised AssertionError, and an unclosed `<!--` or deep nesting took time
growing with the square of the page. Everything here is linear in the size of the page, whatever
it holds: every position is read a bounded number of times (`str.find` and anchored regexes that
cannot backtrack past what they consume), and the article is chosen from per-element counters, not
from each text run's list of ancestors. Malformed markup is read the way browsers do (HTML5
tokenizer rules, simplified): an unclosed comment runs to the end of the page, `<!…>` and `<?…>`
are bogus comments up to the next `>`, a tag cut by the end of the page is dropped, a `<` that
starts no tag is text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape

SKIP_TAGS = frozenset({"script", "style", "nav", "header", "footer", "aside", "noscript", "template", "svg",
                       "form", "iframe", "button", "select", "textarea", "object", "embed", "canvas", "menu",
                       "head", "title", "dialog"})
BLOCK_TAGS = frozenset({"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "article",
                        "section", "main", "blockquote", "tr", "table", "figcaption", "figure", "pre", "dd",
                        "dt", "dl", "hr", "address", "body", "center", "details", "summary", "caption"})
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                       "source", "track", "wbr", "keygen", "command"})
RAW_TEXT_TAGS = frozenset({"script", "style"})      # their content is text up to their end tag, never markup

_WS = "\t\n\f\r "
_TAG_NAME = re.compile(r"[^\t\n\f\r />]*")
# Spaces and slashes, then at most one attribute (a name, optionally `= value`). Each alternative of
# the value is decided by its first character; an unclosed quote runs to the end of the page.
_ATTR = re.compile(r"""[\t\n\f\r /]*(?:([^\t\n\f\r />][^\t\n\f\r />=]*)"""
                   r"""(?:[\t\n\f\r ]*=[\t\n\f\r ]*("[^"]*"?|'[^']*'?|[^\t\n\f\r >]*))?)?""")
_RAW_END = {t: re.compile(rf"</{t}[\t\n\f\r />]|</{t}\Z", re.IGNORECASE) for t in RAW_TEXT_TAGS}


@dataclass
class Tag:
    name: str
    attrs: dict[str, str]
    self_closing: bool = False


def _is_letter(c: str) -> bool:
    return ("a" <= c <= "z") or ("A" <= c <= "Z")


def _scan_attributes(s: str, i: int) -> tuple[dict[str, str], bool, int] | None:
    """Attributes from position `i` to the tag's `>`: (attrs, self-closing, position after `>`),
    or None when the page ends inside the tag."""
    attrs: dict[str, str] = {}
    n = len(s)
    while True:
        m = _ATTR.match(s, i)
        j = m.end()
        name = m.group(1)
        if name is None:
            if j >= n:
                return None
            # Only '>' can follow: anything else would have started an attribute name.
            return attrs, j > m.start() and s[j - 1] == "/", j + 1
        value = m.group(2) or ""
        if value[:1] in ('"', "'"):
            value = value[1:-1] if len(value) > 1 and value[-1] == value[0] else value[1:]
        attrs.setdefault(name.lower(), unescape(value))
        i = j


def tokens(s: str):
    """Tag (start), str (end tag name, prefixed with '/'), or text runs (already unescaped), in
    page order. Text runs are yielded as ('text', str); tags as ('start', Tag) and ('end', name)."""
    n = len(s)
    pos = 0
    while pos < n:
        lt = s.find("<", pos)
        if lt < 0:
            yield "text", unescape(s[pos:])
            return
        if lt > pos:
            yield "text", unescape(s[pos:lt])
        c = s[lt + 1:lt + 2]
        if _is_letter(c):
            name_end = _TAG_NAME.match(s, lt + 1).end()
            scanned = _scan_attributes(s, name_end)
            if scanned is None:                   # the page ends inside the tag: dropped
                return
            attrs, closing, pos = scanned
            name = s[lt + 1:name_end].lower()
            yield "start", Tag(name, attrs, closing)
            if name in RAW_TEXT_TAGS:
                m = _RAW_END[name].search(s, pos)
                end = m.start() if m else n
                if end > pos:
                    yield "raw", s[pos:end]
                pos = end
        elif c == "/":
            c2 = s[lt + 2:lt + 3]
            if _is_letter(c2):
                name_end = _TAG_NAME.match(s, lt + 2).end()
                scanned = _scan_attributes(s, name_end)
                if scanned is None:
                    return
                pos = scanned[2]
                yield "end", s[lt + 2:name_end].lower()
            elif c2 == ">":
                pos = lt + 3                          # '</>' is nothing
            elif not c2:
                yield "text", "</"
                pos = n
            else:
                pos = _after(s, ">", lt + 2)         # '</ x>' and the like: a bogus comment
        elif c == "!":
            if s.startswith("<!--", lt):
                if s.startswith(">", lt + 4):        # '<!-->' is an empty comment
                    pos = lt + 5
                elif s.startswith("->", lt + 4):     # so is '<!--->'
                    pos = lt + 6
                else:
                    pos = _after(s, "-->", lt + 4)   # unclosed: a comment to the end of the page
            else:
                pos = _after(s, ">", lt + 2)         # <!DOCTYPE …>, <![CDATA[ … ]]>, <![ x ]>: skipped to '>'
        elif c == "?":
            pos = _after(s, ">", lt + 2)             # <?xml …?>: a bogus comment
        else:
            yield "text", "<"
            pos = lt + 1


def _after(s: str, needle: str, start: int) -> int:
    """The position just after the next `needle` from `start`, or the end of `s`."""
    k = s.find(needle, start)
    return len(s) if k < 0 else k + len(needle)


@dataclass
class PageParts:
    """What `read_page` found: the article's lines, the page's first <title> and its <meta> values."""
    lines: list[str]
    title: str
    metas: dict[str, str] = field(default_factory=dict)


class _Tree:
    """Text runs and block breaks, each with its innermost open element; elements with their
    parent, their nearest enclosing <p> and the last element opened inside them."""

    def __init__(self) -> None:
        self.events: list[tuple[str | None, int]] = []   # (text, or None for a break; innermost element or -1)
        self.tags: list[str] = []                       # element id -> tag
        self.parent: list[int] = []
        self.nearest_p: list[int] = []                  # the element itself if a <p>, else its parent's
        self.last_inside: list[int] = []                # the last element id opened before it closed
        self.stack: list[int] = []
        self.open: dict[str, int] = {}                  # tag -> how many such elements are open
        self.metas: dict[str, str] = {}
        self.title: list[str] = []
        self.title_done = False
        self.skipping = 0
        self.svg = 0

    def top(self) -> int:
        return self.stack[-1] if self.stack else -1

    def start(self, tag: Tag) -> None:
        name, attrs = tag.name, tag.attrs
        if name == "meta":
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            if key and attrs.get("content") and key not in self.metas:
                self.metas[key] = attrs["content"]
            return
        if name == "time" and not self.skipping and attrs.get("datetime") and "time" not in self.metas:
            self.metas["time"] = attrs["datetime"]
        if name in BLOCK_TAGS and not self.skipping:
            self.events.append((None, self.top()))
        if name in VOID_TAGS:
            return
        ident = len(self.tags)
        parent = self.top()
        self.tags.append(name)
        self.parent.append(parent)
        self.nearest_p.append(ident if name == "p" else (self.nearest_p[parent] if parent >= 0 else -1))
        self.last_inside.append(ident)
        self.stack.append(ident)
        self.open[name] = self.open.get(name, 0) + 1
        if name in SKIP_TAGS:
            self.skipping += 1
        if name == "svg":
            self.svg += 1
        if tag.self_closing:
            self.end(name)

    def end(self, name: str) -> None:
        if not self.open.get(name):
            return                                   # a stray end tag: ignored, as browsers do
        last = len(self.tags) - 1
        while self.stack:
            ident = self.stack.pop()
            t = self.tags[ident]
            self.open[t] -= 1
            self.last_inside[ident] = last
            if t in SKIP_TAGS:
                self.skipping -= 1
            if t == "svg":
                self.svg -= 1
            if t == "title" and self.title:
                self.title_done = True
            if t == name:
                break
        if name in BLOCK_TAGS and not self.skipping:
            self.events.append((None, self.top()))

    def text(self, data: str) -> None:
        top = self.top()
        if top >= 0 and self.tags[top] == "title" and not self.title_done and not self.svg:
            self.title.append(data)                 # an icon's <title> inside <svg> is not the page's
        if not self.skipping and data:
            self.events.append((data, top))

    def finish(self) -> None:
        last = len(self.tags) - 1
        for ident in self.stack:                     # elements never closed hold everything after them
            self.last_inside[ident] = last

    def article_root(self) -> int | None:
        """The element holding the article: the <article> (or else <main>) with the most text,
        else the element whose <p> children (fully) and grandchildren (half, for paragraphs wrapped
        one per <div>) hold the most text; None = the whole page."""
        size = [0] * len(self.tags)
        para: dict[int, float] = {}
        for text, el in self.events:
            if text is None or el < 0:
                continue
            k = len(text.strip())
            if not k:
                continue
            size[el] += k
            p = self.nearest_p[el]
            if p >= 0 and self.parent[p] >= 0:
                up = self.parent[p]
                para[up] = para.get(up, 0) + k
                if self.parent[up] >= 0:
                    para[self.parent[up]] = para.get(self.parent[up], 0) + k / 2
        for el in range(len(self.tags) - 1, -1, -1):   # children were opened after their parent
            if self.parent[el] >= 0:
                size[self.parent[el]] += size[el]
        for tag in ("article", "main"):
            best = max((i for i, t in enumerate(self.tags) if t == tag and size[i]),
                       key=lambda i: (size[i], -i), default=None)
            if best is not None:
                return best
        if para:
            return max(para, key=lambda i: (para[i], -i))
        return None


def read_page(markup: str) -> PageParts:
    """The article text of a page as lines (one per paragraph or heading; scripts, styles,
    navigation, header, footer and asides dropped; the <article>, else <main>, else the largest
    block of paragraphs kept), the page's first <title> and its <meta> values."""
    tree = _Tree()
    for kind, value in tokens(markup):
        if kind == "text":
            tree.text(value)
        elif kind == "start":
            tree.start(value)
        elif kind == "end":
            tree.end(value)
        else:                                        # the content of a <script> or <style>
            tree.text(value)
    tree.finish()
    root = tree.article_root()
    lines: list[str] = []
    run: list[str] = []
    for text, el in tree.events + [(None, -1)]:
        if text is not None:
            if root is None or root <= el <= tree.last_inside[root]:
                run.append(text)
            continue
        line = " ".join("".join(run).split())
        if line:
            lines.append(line)
        run = []
    return PageParts(lines, " ".join("".join(tree.title).split()), tree.metas)
