"""Speed of reading WARC files and of `ocop import-warc` (printed, never asserted).

    .venv/bin/python benchmarks/warc_import.py [N_RECORDS]

1. ``read_records`` over a synthetic CC-NEWS-like file: N response records of
   about 5 KB of HTML each, gzip per record, on hosts the registry does not know
   (what most of a CC-NEWS file is to us): records/s and MB/s, compressed and inflated.
2. ``run_import`` of the sample site's article pages (fetched from it on loopback
   and written as WARC records) into a fresh database, in a subprocess: wall and CPU
   time, start-up included, through parse, relevance, dedup, extract and store.
"""
from __future__ import annotations

import io
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ocop_crawler import samplesite  # noqa: E402
from ocop_crawler.warc import read_records  # noqa: E402

WORDS = ("tin tức kinh tế xã hội thể thao giải trí người dân địa phương sản phẩm tỉnh huyện "
         "năm tháng ngày phát triển chương trình công nghệ thị trường").split()


def record(w, url, body):
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                            protocol="HTTP/1.1")
    return w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)


def synthetic(path: Path, n: int) -> int:
    rnd = random.Random(1)
    raw = 0
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i in range(n):
            body = ("<html><body>" + "".join(
                "<p>" + " ".join(rnd.choice(WORDS) for _ in range(60)) + "</p>" for _ in range(12))
                + "</body></html>").encode()
            raw += len(body)
            w.write_record(record(w, f"https://news{i % 50}.example.com/a/b-{i}.html", body))
    return raw


def main(n: int) -> None:
    with tempfile.TemporaryDirectory(prefix="ocop-warc-bench-") as tmp:
        tmp = Path(tmp)
        big = tmp / "synthetic.warc.gz"
        raw = synthetic(big, n)
        size = big.stat().st_size
        t0, c0 = time.perf_counter(), time.process_time()
        count = sum(1 for _ in read_records(big, want=lambda r: False))
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        print(f"read_records: {count} records, {size / 1e6:.1f} MB gzip ({raw / 1e6:.0f} MB of HTML) "
              f"in {wall:.2f} s wall / {cpu:.2f} s CPU: {count / cpu:,.0f} records/s, "
              f"{size / 1e6 / cpu:.1f} MB/s gzip, {raw / 1e6 / cpu:.0f} MB/s inflated (per CPU second)")

        with samplesite.start() as sites:
            pages = [(p["site"], sites.urls[p["site"]] + p["path"]) for p in samplesite.manifest()
                     if not p["amp"] and not p["private"]]
            bodies = [(s, u, urllib.request.urlopen(u, timeout=20).read()) for s, u in pages]
            warc = tmp / "sample.warc.gz"
            with open(warc, "wb") as fh:
                w = WARCWriter(fh, gzip=True)
                for _, url, body in bodies:
                    w.write_record(record(w, url, body))
            code = ("import json, sys\nfrom ocop_crawler.warcimport import run_import\n"
                    "a = json.loads(sys.argv[1])\nsys.exit(run_import(a.pop('db'), a.pop('files'), **a))\n")
            args = {"db": str(tmp / "bench.db"), "files": [str(warc)], "sites": sorted(sites.urls),
                    "base_urls": sites.urls, "progress_interval": 0}
            t0, c0 = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
            proc = subprocess.run([sys.executable, "-c", code, json.dumps(args)], cwd=ROOT,
                                  capture_output=True, text=True)
            wall = time.perf_counter() - t0
            c1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (c1.ru_utime + c1.ru_stime) - (c0.ru_utime + c0.ru_stime)
        line = next((l for l in proc.stdout.splitlines() if l.startswith("records read")), proc.stderr[-300:])
        print(f"import-warc of the {len(bodies)} sample article pages: {wall:.1f} s wall, {cpu:.1f} s CPU "
              f"with start-up; {line}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
