"""Setting up: `make build` needs only the runtime dependencies, and `make test` says loudly when the
browser tests cannot run."""
import os
import subprocess
import sys
import tomllib

from conftest import ROOT


def test_make_build_installs_the_runtime_dependencies_only():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    runtime = makefile.split("$(RUNTIME): pyproject.toml", 1)[1].split("\n\n", 1)[0]
    assert "pip install --quiet -e .\n" in runtime and "[test]" not in runtime
    assert "build: $(RUNTIME)\n" in makefile


def test_the_project_licence_is_an_spdx_string():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert meta["project"]["license"] == "MIT"


def test_skipped_browser_tests_are_announced_with_how_to_install_chromium(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["KG_CHROMIUM"] = str(tmp_path / "no-chromium-here")
    out = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          "tests/browser/test_report_page.py"], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=600)
    assert "1 BROWSER TESTS SKIPPED: chromium is missing" in out.stdout
    assert "sudo apt-get install chromium" in out.stdout


def test_the_readme_python_example_runs(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## From Python (a notebook)", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    code = block.replace('"corpus"', repr(str(ROOT / "corpus")))
    subprocess.run([sys.executable, "-c", code], cwd=tmp_path, check=True, capture_output=True, timeout=600)
