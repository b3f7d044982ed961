"""``python -m ocop_crawler.samplesite``: serve the sample outlets in the foreground."""
from __future__ import annotations

import argparse
import time

from . import start


def main():
    ap = argparse.ArgumentParser(description="Serve the bundled sample news outlets on loopback.")
    ap.add_argument("--host", default="127.0.0.1", help="interface to bind (default 127.0.0.1)")
    args = ap.parse_args()
    with start(host=args.host) as sites:
        for name, url in sites.urls.items():
            print(f"{name:18} {url}/")
        print("Ctrl-C to stop.", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
