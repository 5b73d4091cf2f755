"""A real SPARQL server answers the ready-made queries with the rows `kg query` prints.

The Oxigraph server (pip `oxigraph`, a test extra) is started on loopback, graph.trig is loaded through
its own loader, and every query in queries/ is sent over HTTP, as docs/rdf.md tells researchers to do:
  1. the recipe (graph.trig + graph.ttl loaded, the TTL being every article merged, each triple once);
  2. a store that only has graph.trig and serves the union of all graphs as its default graph: the
     queries use DISTINCT / COUNT(DISTINCT …) so that a link stated by three articles is still one row.
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT
from partner_graph import write_build

from kg.cli import main

QUERIES = sorted((ROOT / "queries").glob("*.rq"))


def oxigraph_cli() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not os.access(found, os.X_OK):
        pytest.skip("the Oxigraph server is not installed (pip install -e '.[test]' installs it)")
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`oxigraph serve-read-only` on 127.0.0.1, over a store loaded with `oxigraph load`."""

    def __init__(self, location: Path, files: list[Path], union: bool):
        cli = oxigraph_cli()
        subprocess.run([cli, "load", "--location", str(location), "--file", *map(str, files)], check=True,
                       capture_output=True, timeout=120)
        self.port = free_port()
        args = [cli, "serve-read-only", "--location", str(location), "--bind", f"127.0.0.1:{self.port}"]
        self.proc = subprocess.Popen(args + (["--union-default-graph"] if union else []),
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    break
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"oxigraph server did not start: {self.proc.stderr.read()!r}")
                time.sleep(0.1)

    def select(self, query: str) -> dict:
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}/query",
                                     data=urllib.parse.urlencode({"query": query}).encode(),
                                     headers={"Accept": "application/sparql-results+json",
                                              "Content-Type": "application/x-www-form-urlencoded"})
        with urllib.request.urlopen(req, timeout=60) as resp:
            return json.loads(resp.read())

    def close(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def rows(results: dict) -> list[tuple]:
    vars_ = results["head"]["vars"]
    return [tuple(json.dumps(b.get(v), sort_keys=True) for v in vars_) for b in results["results"]["bindings"]]


@pytest.fixture(scope="module")
def builds(built, tmp_path_factory):
    partner = tmp_path_factory.mktemp("partner-build")
    write_build(partner)
    return {"seed": Path(built.out_dir), "partner": partner}


@pytest.fixture(scope="module", params=["recipe", "union-default-graph"])
def servers(request, builds, tmp_path_factory):
    started = {}
    try:
        for name, folder in builds.items():
            location = tmp_path_factory.mktemp(f"store-{name}-{request.param}")
            files = [folder / "graph.trig", folder / "graph.ttl"] if request.param == "recipe" else [folder / "graph.trig"]
            started[name] = Server(location, files, union=request.param != "recipe")
        yield started
    finally:
        for s in started.values():
            s.close()


def kg_rows(capsys, folder: Path, rq: Path) -> list[tuple]:
    code = main(["query", "--file", str(rq), "--graph", str(folder), "--format", "json"])
    out = capsys.readouterr().out
    assert code == 0
    return rows(json.loads(out))


@pytest.mark.parametrize("rq", QUERIES, ids=[q.name for q in QUERIES])
@pytest.mark.parametrize("build", ["seed", "partner"])
def test_the_server_answers_a_ready_made_query_with_the_rows_of_kg_query(servers, builds, capsys, rq, build):
    expected = kg_rows(capsys, builds[build], rq)
    got = rows(servers[build].select(rq.read_text(encoding="utf-8")))
    assert sorted(got) == sorted(expected)
    assert len(got) == len(set(got)), "a row repeated: a link counted once per article that states it"


def test_the_foreign_partners_query_lists_iom_for_bo_cong_an_with_its_office(servers, builds, capsys):
    got = servers["partner"].select((ROOT / "queries" / "foreign-partners-of-ministries.rq").read_text(encoding="utf-8"))
    table = [{v: b.get(v, {}).get("value", "") for v in got["head"]["vars"]} for b in got["results"]["bindings"]]
    iom = next(r for r in table if r["partner"] == "Tổ chức Di cư quốc tế")
    assert (iom["ministry"], iom["partnerCountry"], iom["basedIn"]) == ("Bộ Công an", "(international)", "Việt Nam")
    assert "agreement: Biên bản ghi nhớ về hỗ trợ nạn nhân bị mua bán" in iom["ties"]
    assert {r["partner"] for r in table} == {"Tổ chức Di cư quốc tế", "Liên minh châu Âu",
                                             "Văn phòng Liên hợp quốc về Ma túy và Tội phạm"}
