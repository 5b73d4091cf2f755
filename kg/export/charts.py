"""Charts of the report as inline SVG, drawn offline with matplotlib: byte-identical for the same data
(fixed ids, no date), text kept as text (the browser draws Vietnamese with its own fonts), names never
read as mathtext."""
from __future__ import annotations

import io

INK, ACCENT, SECOND = "#333333", "#0072B2", "#E69F00"


def _pyplot():
    import matplotlib
    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt
    rc = matplotlib.rcParams
    rc["svg.hashsalt"] = "kg-report"            # stable element ids
    rc["svg.fonttype"] = "none"                 # text stays text
    rc["font.family"] = ["DejaVu Sans"]
    rc["font.size"] = 10
    rc["axes.spines.top"] = rc["axes.spines.right"] = False
    rc["axes.edgecolor"] = rc["xtick.color"] = rc["ytick.color"] = rc["axes.labelcolor"] = INK
    if "text.parse_math" in rc:
        rc["text.parse_math"] = False           # a name with '$' is a name, not a formula
    return plt


def _plain(text: str) -> str:
    """Labels from articles, safe for matplotlib: no mathtext, one line, at most 60 characters."""
    text = " ".join(str(text).split())
    return (text[:57] + "…" if len(text) > 60 else text).replace("$", r"\$")


def _svg(fig) -> str:
    plt = _pyplot()
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    plt.close(fig)
    text = buf.getvalue()
    return text[text.index("<svg"):]            # inline: no XML declaration or DOCTYPE


def bar_chart(labels: list[str], values: list[float], title: str, xlabel: str = "") -> str:
    """Horizontal bars, largest on top."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7.5, 0.32 * max(len(labels), 3) + 0.9))
    y = list(range(len(labels)))[::-1]
    ax.barh(y, values, color=ACCENT)
    ax.set_yticks(y, [_plain(x) for x in labels])
    ax.set_title(_plain(title), loc="left", color=INK)
    if xlabel:
        ax.set_xlabel(_plain(xlabel))
    ax.xaxis.get_major_locator().set_params(integer=True)
    for yi, v in zip(y, values):
        ax.text(v, yi, f" {v:g}", va="center", color=INK, fontsize=9)
    return _svg(fig)


def year_chart(years: list[str], series: dict[str, list[int]], title: str) -> str:
    """Grouped columns per year (e.g. articles and events)."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7.5, 3.2))
    n = max(len(series), 1)
    width = 0.8 / n
    for i, (name, values) in enumerate(series.items()):
        xs = [j + (i - (n - 1) / 2) * width for j in range(len(years))]
        ax.bar(xs, values, width, label=_plain(name), color=(ACCENT, SECOND, "#009E73")[i % 3])
    ax.set_xticks(range(len(years)), [_plain(y) for y in years], rotation=45 if len(years) > 12 else 0)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_title(_plain(title), loc="left", color=INK)
    ax.legend(frameon=False)
    return _svg(fig)
