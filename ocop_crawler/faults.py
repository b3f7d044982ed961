"""A test hook: stop the process at a named point so that a test can kill it there.

The writers call ``pause_point(name)`` at the places where a kill used to lose data
(between deleting an article's facts and inserting the new ones, in the middle of a
summary refresh). It does nothing unless the environment asks for it:

    OCOP_PAUSE_AT=facts:5        pause at the 5th call of pause_point("facts") (":N"
                                 omitted: the 1st)
    OCOP_PAUSE_FILE=/tmp/x       written (with the point's name) once paused
    OCOP_PAUSE_SECONDS=2         how long to stay paused (default: until killed)

``tests/test_atomic.py`` sets these on an ``ocop crawl``/``ocop reextract`` process,
waits for the file, then sends SIGKILL (or reads Datasette while the writer waits
inside its transaction).
"""
from __future__ import annotations

import os
import time
from collections import Counter

_calls: Counter = Counter()


def pause_point(name: str) -> None:
    want = os.environ.get("OCOP_PAUSE_AT")
    if not want:
        return
    point, _, nth = want.partition(":")
    if point != name:
        return
    _calls[name] += 1
    if _calls[name] != (int(nth) if nth else 1):
        return
    marker = os.environ.get("OCOP_PAUSE_FILE")
    if marker:
        with open(marker, "w", encoding="utf-8") as fh:
            fh.write(f"{name}:{_calls[name]}\n")
    seconds = os.environ.get("OCOP_PAUSE_SECONDS")
    end = time.monotonic() + float(seconds) if seconds else None
    while end is None or time.monotonic() < end:
        time.sleep(0.05 if end is None else max(0.0, min(0.05, end - time.monotonic())))
