"""Limits that keep extraction linear in the length of the text, and sanity checks on drafts.

Reading a sentence costs time in proportion to its number of counts times its
length (each count looks back over the clause before it). Real sentences are
short (the longest in the dev articles has 876 characters), but a page whose
table lost its line breaks, or a hostile input, can put a million characters
in one "sentence". ``capped`` cuts any sentence longer than ``MAX_SENTENCE``
into pieces of at most ``PIECE`` characters, after the last "; " (else ", ",
". ", a space) before the limit (a count looks back over its piece only), so the work per piece is bounded and the total grows
linearly; ``split_paragraphs`` does the same to paragraphs over ``MAX_PARAGRAPH``.

``WORK`` counts what the reader was given (pieces, characters, the longest
piece), so that tests can check the bound without timing anything.

``sane`` drops what cannot be true whatever the rules say: a share above 100 %,
and a year outside ``YEARS`` (e.g. one inferred from a publication date of
1900 or 9999) is dropped from the fact.
"""
from __future__ import annotations

from collections import Counter

MAX_SENTENCE = 1200          # a longer sentence is cut (the longest real one: 876 characters) ...
PIECE = 400                  # ... into pieces of at most this many characters
MAX_PARAGRAPH = 4000         # characters of one paragraph (the longest real one: ~1,000)
YEARS = (2000, 2040)         # the years cues.years accepts; OCOP itself began in 2018
WORK: Counter = Counter()    # pieces, chars, cut (sentences cut), longest


def split_paragraphs(paras, limit: int = MAX_PARAGRAPH) -> list:
    """(offset, paragraph) pairs with every paragraph longer than ``limit`` cut into pieces
    (places, the sentence splitter and the reader's memory then work on bounded text)."""
    out = []
    for off, para in paras:
        if len(para) <= limit:
            out.append((off, para))
            continue
        WORK["paragraphs cut"] += 1
        out.extend((off + p_off, piece) for p_off, piece in _pieces(para, limit, (". ", "! ", "? ", "; ", " ")))
    return out


def capped(sentences, limit: int = MAX_SENTENCE, piece: int = PIECE):
    """(offset, piece) pairs: each sentence as is, or if longer than ``limit`` cut into
    pieces of <= ``piece`` chars."""
    for off, sent in sentences:
        if len(sent) <= limit:
            _count(sent)
            yield off, sent
            continue
        WORK["cut"] += 1
        for p_off, part in _pieces(sent, piece, ("; ", ", ", ". ", " ")):
            _count(part)
            yield off + p_off, part


def _pieces(text: str, limit: int, marks: tuple):
    """(offset, piece) of ``text``, cut after the first of ``marks`` (in order of preference)
    found in the second half of each ``limit``-long stretch, else at the limit."""
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + limit)
        if end < len(text):
            half = pos + limit // 2
            for mark in marks:
                cut = text.rfind(mark, half, end)
                if cut >= 0:
                    end = cut + len(mark)
                    break
        piece = text[pos:end]
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        if piece:
            yield pos + lead, piece
        pos = end


def _count(piece: str) -> None:
    WORK["pieces"] += 1
    WORK["chars"] += len(piece)
    WORK["longest"] = max(WORK["longest"], len(piece))


def sane(draft) -> None:
    """Reject a share above 100 %; drop a year that cannot be a fact's (``YEARS``)."""
    m = draft.mention
    if m.unit == "percent" and m.value is not None and m.value > 100:
        draft.reject("a share above 100%")
    if draft.year is not None and not YEARS[0] <= draft.year <= YEARS[1]:
        draft.because(f"year {draft.year} impossible: dropped")
        draft.year = None
        draft.year_explicit = False
