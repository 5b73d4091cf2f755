"""Run the robustness matrix alone and print how many hostile cases were tried and handled:

    .venv/bin/python tests/robustness/matrix.py [pytest options, e.g. -k signals]

Exit status is pytest's (0 when every case was handled)."""
import sys
from pathlib import Path

import pytest

if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    sys.exit(pytest.main([str(here), "-q", "-p", "no:cacheprovider", *sys.argv[1:]]))
