"""`python -m farm --port 8899 --scale 1 --out farm-out/`: serve the farm until interrupted.

Writes `seeds.csv` (for `scrapy crawl reports -a seeds=…`) and `manifest.json`
into --out, then serves; point the crawler at it with http_proxy and https_proxy=http://127.0.0.1:<port>.
"""
from __future__ import annotations

import argparse
import time

from . import build
from .server import FarmServer
from .run import write_inputs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8899)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--out", default="farm-out")
    args = parser.parse_args()
    farm = build(args.scale)
    seeds, manifest = write_inputs(farm, args.out)
    with FarmServer(farm, port=args.port) as server:
        print(f"farm on {server.proxy}: {len(farm.sites)} sites; seeds {seeds}; manifest {manifest}", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
