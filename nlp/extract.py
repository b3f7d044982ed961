"""The chain: normalise -> paragraphs -> candidate sentences -> mentions -> facts.

``extract_facts(text, title=, published=, url=, home_province=)`` returns the
OCOP facts an article states, one dict per fact with every FACTS.md field,
``province_2025`` and the evidence sentence's offsets in ``text``.

Paragraphs come from ``nlp.sentences`` (boilerplate cut, cheap filter first,
underthesea's splitter only on candidates); each candidate sentence is read by
``nlp.clauses`` against the article context of ``nlp.context``; ``_merge`` makes
one fact of a figure stated twice (headline and body, summary and detail).
"""
from __future__ import annotations

import re

from . import areas, cues, limits, offsets
from .clauses import Draft, read_sentence
from .context import Doc, doc_province
from .fold import folded
from .normalize import normalize
from .places import find_places
from .sentences import BULLET, is_candidate, paragraphs, sentences
from .source import province_from_source_line, province_from_url

EXTRACTOR_VERSION = "1.2.0"   # 1.1: frames, segment, why; 1.2: round years, list items, lead district, below 3 stars

_OCOP = folded(r"ocop|\bsao\b|mỗi xã,? (?:phường )?một sản phẩm|công nhận|chứng nhận|phân hạng|đạt chuẩn")


def extract_facts(text, *, title=None, published=None, url=None, home_province=None, explain=None):
    """Return the OCOP facts stated in an article (a list of FACTS.md dicts).

    ``text`` is the body (the title may also be its first line); ``published`` an
    ISO date or datetime string (else a year in ``url`` stands in); ``home_province``
    the source's home province. Each fact carries every FACTS.md field plus
    ``province_2025`` and ``sent_start``/``sent_end``, the character offsets of the
    evidence in ``normalize(text)`` (None for a fact read from a separate title).

    ``explain``, when a list, receives one record per counted number of every
    candidate sentence: ``{"sentence", "text", "number", "fact", "why"}``.
    """
    body = normalize(text or "")
    title = normalize(title or "").strip()
    paras = limits.split_paragraphs(paragraphs(body))   # no paragraph too long to read in linear time
    if title and not body.lstrip().startswith(title[:60]):
        paras = [(-1, title)] + paras
    if not paras:
        return []
    if not published and url:
        m = re.search(r"/(20[0-4]\d)/", url)
        published = m.group(1) if m else None
    given = home_province
    home_province = home_province or province_from_source_line(body) or province_from_url(url)
    province_note = ("province given by the caller" if given else
                     "province from the source line or the publishing site" if home_province else None)
    doc = Doc(published, home_province)
    first = paras[0][1]
    head_text = first if (paras[0][0] < 0 or (len(first) < 220 and not re.search(r"[.;]\s*$", first))) else ""
    title_places = find_places(head_text) if head_text else []
    body_places, lead_places = [], []
    for off, para in paras:
        if "OCOP" in para or "sản phẩm" in para or off == paras[0][0]:
            found = find_places(para, doc.home)   # a district name shared by two provinces: the site's
            lead_places = lead_places or found
            body_places.extend(found)
    doc.province = doc_province(title_places, body_places, doc.home)
    doc.named_province = any(p.province == doc.province for p in title_places + body_places)
    if head_text and doc.province:   # bare district names need the province to be recognised
        title_places = find_places(head_text, doc.province) or title_places
    doc.settle(title_places, lead_places)
    doc.round_year = next((y for _, p in paras if _ROUND.search(p) for _, y in cues.years(p)), None)
    if doc.pub_year is None:           # no date: a running total takes the year of the round the article reports
        doc.year_actual = doc.round_year

    facts = []
    n_sent = 0
    bullets_ocop = False
    cue = [bool(_OCOP.search(p)) for _, p in paras]
    for n, (off, para) in enumerate(paras):
        ocop_para = cue[n] or (n > 0 and cue[n - 1]) or (n + 1 < len(cue) and cue[n + 1]) \
            or (bool(BULLET.match(para)) and bullets_ocop)
        bullets_ocop = ocop_para          # "+ 7 sản phẩm thuộc ngành đồ uống": an item of the list above
        doc.list_target, doc.open_target = doc.open_target, False
        if not is_candidate(para):
            doc.remember(find_places(para, doc.province))
            doc.note_years(cues.years(para))
            continue
        for s_off, sent in limits.capped(sentences(para)):   # bounded work per piece
            start = None if off < 0 else off + s_off
            places = find_places(sent, doc.province)
            if sent == para or is_candidate(sent):     # the paragraph itself passed the test above
                n_sent += 1
                for d in read_sentence(sent, places, doc, ocop_para):
                    limits.sane(d)                      # no share above 100%, no impossible year
                    why = _why(d, doc, province_note)
                    if explain is not None:
                        explain.append({"sentence": n_sent, "text": sent, "number": sent[d.mention.start:d.mention.end],
                                        "fact": not d.drop, "why": why})
                    if not d.drop:
                        d.why = [why]
                        facts.extend(_emit(d, sent, start, headline=bool(head_text) and off == paras[0][0]))
            doc.remember(places)
            years = cues.years(sent)
            doc.note_years(years)
            if years and years[0][0] < 30 and not doc.year_actual:
                doc.year_actual = years[0][1]     # "Trong năm 2024, huyện …": the year of what follows
    facts = _merge(facts)
    _point_into(text or "", facts)     # offsets and evidence in the caller's text (nlp.offsets)
    return facts


_ROUND = re.compile(r"công nhận|chứng nhận|công bố|phân hạng|xếp hạng|đạt \d\s*sao|đạt (?:chuẩn|tiêu chuẩn)", re.I)


_LOOSE = {" ": r"(?:\s|&nbsp;|&#160;|\u00ad)+", '"': r'(?:["“”„«»]|&quot;)', "'": r"['‘’`]", "-": r"[-–—−‐‑]",
          "&": r"(?:&amp;|&)", "...": r"(?:\.\.\.|…)"}
_LOOSE_TOKEN = re.compile(r"\.\.\.|.", re.S)


def _point_into(original: str, facts: list[dict]) -> None:
    """Offsets and evidence as in the caller's text, which normalisation changed
    (typographic quotes, dashes, spaces, entities): each fact keeps the words of
    the page itself, located near where the normalised text had them."""
    found: dict[tuple, tuple] = {}
    keyed = None
    for f in facts:
        if f["sent_start"] is None:
            continue
        key = (f["sent_start"], f["evidence"])
        if key not in found:
            start, ev = f["sent_start"], f["evidence"]
            if original[start:start + len(ev)] == ev:
                found[key] = (start, start + len(ev))
            else:
                keyed = keyed or offsets.Keyed(original)
                found[key] = keyed.find(ev, start) or _locate(original, ev, start)
        span = found[key]
        if span is None:
            f["sent_start"] = f["sent_end"] = None
        else:
            f["sent_start"], f["sent_end"] = span
            f["evidence"] = original[span[0]:span[1]]


def _locate(original: str, evidence: str, hint: int):
    """The span of ``evidence`` in ``original`` read loosely (entities, NFD, odd spaces)."""
    pattern = re.compile("".join(_LOOSE.get(c, re.escape(c)) for c in _LOOSE_TOKEN.findall(evidence)))
    m = pattern.search(original, max(0, hint - 300)) or pattern.search(original)
    return (m.start(), m.end()) if m else None


def _why(d: Draft, doc, province_note) -> str:
    """The reasons of a decision, in words a researcher can check (for a dropped
    number, why it is not a fact; ``explain`` records carry ``fact`` beside it)."""
    if d.drop:
        return "; ".join(d.rejected) or "not an OCOP count"
    parts = [f"{d.kind}{' addition' if d.increment else ' total'}",
             f"stars {d.stars[0]}..{d.stars[1]}" + ("" if d.stars_explicit else " (default)")]
    if d.child:
        parts.append("part of the count before it")
    area = d.area
    if area is not None and area.level == "national":
        parts.append("area: nation")
    elif area is not None:
        parts.append(f"area: {area.district or area.province}")
        if doc.province == area.province and province_note and not doc.named_province:
            parts.append(province_note)
    parts.extend(d.why)
    return "; ".join(parts)


def _emit(d: Draft, sent: str, start, headline=False):
    """FACTS.md dicts of a draft (one per area when a count is distributed: "mỗi huyện 4")."""
    out = []
    for area in [d.area] + list(d.extra_areas):
        if area is None:
            continue
        level = area.level
        province = area.province if level != "national" else None
        district = area.district if level == "district" else None
        if level in ("province", "district") and not province:
            continue
        value = d.mention.value
        out.append({
            "level": level, "province": province, "district": district,
            "metric": d.mention.metric, "unit": d.mention.unit, "kind": d.kind,
            "increment": bool(d.increment), "value": value, "comparator": d.comparator,
            "stars_min": d.stars[0], "stars_max": d.stars[1], "year": d.year,
            "segment": d.segment, "why": "; ".join(d.why),
            "evidence": sent,
            "province_2025": areas.province_2025(province) if province else None,
            "sent_start": start, "sent_end": None if start is None else start + len(sent),
            "_explicit": (d.stars_explicit, d.comparator != "eq", d.year_explicit), "_headline": headline,
        })
    return out


def _merge(facts):
    """One fact per figure: repeated statements merge into the most specific one.

    Body sentences are merged first; a headline figure then folds into the body
    fact with the same area, metric, unit and value (the body says more: its
    target or addition cue, its star range), or stands alone if the body lacks it.
    """
    key = lambda f: (f["level"], f["province"], f["district"], f["metric"], f["unit"], f["kind"], f["value"])
    loose = lambda f: (f["level"], f["province"], f["district"], f["metric"], f["unit"], f["value"])
    body = [f for f in facts if not f["_headline"]]
    title = [f for f in facts if f["_headline"]]
    out = []
    by_key: dict[tuple, list] = {}     # the facts of ``out`` by key: linear, not quadratic
    for f in body:
        same = by_key.get(key(f), [])
        target = next((g for g in same if (g["stars_min"], g["stars_max"]) == (f["stars_min"], f["stars_max"])), None)
        if target is None:
            # the same figure with and without a star range, stated in different sentences
            target = next((g for g in same if g["evidence"] != f["evidence"]
                           and (not g["_explicit"][0] or not f["_explicit"][0])
                           and f["value"] >= 10 and f["increment"] == g["increment"]), None)
        if target is None:
            out.append(f)
            by_key.setdefault(key(f), []).append(f)
        else:
            _specialise(target, f)
    for f in title:
        target = next((g for g in out if loose(g) == loose(f) and (
            (g["stars_min"], g["stars_max"]) == (f["stars_min"], f["stars_max"])
            or not g["_explicit"][0] or not f["_explicit"][0])), None)
        if target is None:
            out.append(f)
        else:
            _specialise(target, f)
    for f in out:
        f.pop("_explicit", None)
        f.pop("_headline", None)
    return out


def _specialise(target, f):
    """Give ``target`` whatever ``f`` states more precisely: stars, comparator, year."""
    stars, comp, year = target["_explicit"]
    if f["_explicit"][0] and not stars:
        target.update(stars_min=f["stars_min"], stars_max=f["stars_max"])
        stars = True
    if f["_explicit"][1] and not comp:
        target["comparator"] = f["comparator"]
        comp = True
    if f["_explicit"][2] and not year:
        target["year"] = f["year"]
        year = True
    elif not f["_explicit"][2] and not target["increment"] and cues.AS_OF_NOW.search(f["evidence"][:30]) \
            and not cues.AS_OF_NOW.search(target["evidence"][:30]):
        target["year"] = f["year"]             # "… năm 2023, nâng tổng số lên 362" then "Đến nay, toàn tỉnh có 362"
        year = True
    target["_explicit"] = (stars, comp, year)

