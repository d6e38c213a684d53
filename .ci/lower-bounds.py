#!/usr/bin/env python3
"""Print a pip constraints file pinning every dependency of pyproject.toml (and its test extras) to
its declared lower bound: `pip install -c` with it tests that the bounds are true."""
import re
import sys
from pathlib import Path

pyproject = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[1] / "pyproject.toml")
for name, version in re.findall(r'"([A-Za-z0-9_.\-]+)>=([0-9][^",;\s]*)', pyproject.read_text()):
    if name != "setuptools":
        print(f"{name}=={version}")
