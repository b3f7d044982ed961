"""The extractor never raises, its evidence is the caller's own text, and its work is bounded.

Hypothesis drives ``nlp.extract.extract_facts`` with random text, with text built
from the words an OCOP report uses (numbers, "sản phẩm", "sao", years, "%"), and
with the sample site's own articles (written for this project) made hostile:
NFD, "Ð" for "Đ", zero-width characters, hard-wrapped lines. For every fact:
``text[sent_start:sent_end] == evidence`` (offsets index the caller's string as
given, see ``nlp/offsets.py``), no share above 100 %, no year outside 2000–2040.
No timing here: ``nlp.limits.WORK`` counts what the sentence reader was given.
"""
from __future__ import annotations

import json
import math
import random
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp import limits
from nlp.extract import extract_facts
from ocop_crawler import samplesite

SETTINGS = settings(max_examples=60, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

WORDS = ["sản phẩm", "OCOP", "đạt", "3 sao", "4 sao", "5 sao", "từ 3 sao trở lên", "chủ thể", "HTX",
         "hợp tác xã", "trong đó", "gồm", "chiếm", "%", "năm", "2024", "2025", "1900", "3024",
         "Hà Tĩnh", "Đồng Tháp", "huyện Can Lộc", "toàn tỉnh", "cả nước", "phấn đấu", "đến nay",
         "công nhận", "thêm", "mới", "Ðến nay", "Ðắk Lắk", "kế hoạch", "KH", "(", ")", ";", ",", ".",
         ":", "-", "+", "\n", "\n\n", " ", "  ", "\u200b", "\u00a0", "\u00ad", "“", "”", "…", "/",
         "1.250", "12,5", "150%", "250 %", "99,9%", "0", "01", "một", "hai", "mười", "nghìn",
         "9" * 309, "1" + "0" * 40, "giai đoạn 2021-2025", "quý 1/2024", "năm nay", "Tin liên quan",
         "<b>", "</b>", "&amp;", "&nbsp;"]
token = st.one_of(st.sampled_from(WORDS), st.integers(0, 100000).map(str),
                  st.text(min_size=1, max_size=6))
ocop_text = st.lists(token, max_size=120).map(" ".join)
published = st.one_of(st.none(), st.sampled_from(["2024-05-01", "1900-01-01", "9999-12-31", "2024",
                                                  "abc", "", "0000", "2025-02-30T10:00"]))


def check_facts(text: str, facts: list[dict]) -> None:
    for f in facts:
        if f["sent_start"] is not None:
            assert text[f["sent_start"]:f["sent_end"]] == f["evidence"], f
        assert isinstance(f["value"], (int, float)) and math.isfinite(f["value"]), f
        assert f["value"] >= 0
        if f["unit"] == "percent":
            assert f["value"] <= 100, f
        assert f["year"] is None or 2000 <= f["year"] <= 2040, f
        assert f["metric"] in ("products", "subjects") and f["kind"] in ("actual", "target")


@SETTINGS
@given(st.text(max_size=2000))
def test_random_text_never_raises(text):
    check_facts(text, extract_facts(text))


@SETTINGS
@given(ocop_text, published, st.one_of(st.none(), st.sampled_from(["Hà Tĩnh", "Hoà Bình", "x", ""])))
def test_ocop_like_text(text, pub, home):
    facts = extract_facts(text, published=pub, home_province=home, url="http://127.0.0.1/2024/a.html")
    check_facts(text, facts)


@SETTINGS
@given(ocop_text, st.sampled_from(["NFD", "NFC", "NFKD"]))
def test_decomposed_text(text, form):
    text = unicodedata.normalize(form, text)
    check_facts(text, extract_facts(text))


def _gold():
    return [json.loads(line) for line in samplesite.gold_path().read_text("utf-8").splitlines() if line]


GOLD = _gold()


def _figures(facts):
    return sorted((f["value"], f["metric"], f["unit"], f["kind"], f["province"] or "", f["year"] or 0)
                  for f in facts)


def _zero_width(text, rnd):
    chars = list(text)
    for _ in range(len(chars) // 15):
        chars.insert(rnd.randrange(len(chars)), rnd.choice("\u200b\u200c\u200d\ufeff\u2060"))
    return "".join(chars)


def _icelandic(text, rnd):
    return text.replace("Đ", "Ð").replace("đ", "ð")


def _nfd(text, rnd):
    return unicodedata.normalize("NFD", text)


def _hard_wrap(text, rnd):
    width = rnd.randrange(40, 90)
    out = []
    for para in text.split("\n"):
        line = ""
        for word in para.split(" "):
            if len(line) + len(word) > width and line:
                out.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("change", [_nfd, _icelandic, _zero_width])
def test_hostile_copies_of_sample_articles_keep_their_facts(change):
    """NFD, "Ð" and zero-width characters change no figure, and evidence stays the caller's text."""
    rnd = random.Random(11)
    for art in GOLD:
        text = change(art["text"], rnd)
        facts = extract_facts(text, published=art.get("published"))
        check_facts(text, facts)
        assert _figures(facts) == _figures(extract_facts(art["text"], published=art.get("published"))), art["id"]
        assert all(f["sent_start"] is not None for f in facts), art["id"]   # the title is the first line


def test_hard_wrapped_sample_articles():
    """Hard-wrapped lines are re-joined: the evidence spans the line breaks as written."""
    rnd = random.Random(5)
    wrapped_facts = 0
    for art in GOLD:
        text = _hard_wrap(art["text"], rnd)
        facts = extract_facts(text, published=art.get("published"))
        check_facts(text, facts)
        assert all(f["sent_start"] is not None for f in facts), art["id"]
        wrapped_facts += sum("\n" in f["evidence"] for f in facts)
    assert wrapped_facts > 50


@SETTINGS
@given(st.sampled_from(GOLD), st.randoms(use_true_random=False))
def test_sample_articles_with_every_change(art, rnd):
    text = art["text"]
    for change in rnd.sample([_nfd, _icelandic, _zero_width, _hard_wrap], k=rnd.randrange(1, 5)):
        text = change(text, rnd)
    check_facts(text, extract_facts(text, published=art.get("published")))


def test_huge_numbers_do_not_overflow():
    text = f"Tỉnh Hà Tĩnh có {'9' * 309} sản phẩm OCOP và {'1' * 400}% chủ thể đạt 3 sao."
    assert extract_facts(text) == []
    facts = extract_facts("Tỉnh Hà Tĩnh có 1" + "0" * 20 + " sản phẩm OCOP, 287 sản phẩm đạt 3 sao.")
    assert [f["value"] for f in facts] == [287]
    big = "9" * 309
    for text in (f"Hà Tĩnh có 40 sản phẩm OCOP, chiếm {big}%.",
                 f"Hà Tĩnh có 50 sản phẩm OCOP, {big}% đạt 3 sao.",
                 f"Hà Tĩnh có 20 chủ thể OCOP, trong đó {big} là hợp tác xã."):
        values = [f["value"] for f in extract_facts(text)]
        assert values and None not in values, (text[:40], values)


def test_shares_above_100_and_impossible_years_are_dropped():
    explain = []
    facts = extract_facts("Đến nay, Hà Tĩnh có 287 sản phẩm OCOP, chiếm 150% số sản phẩm cả nước.",
                          explain=explain)
    assert [(f["value"], f["unit"]) for f in facts] == [(287, "count")]
    assert any("above 100%" in r["why"] and not r["fact"] for r in explain)
    facts = extract_facts("Năm nay, Hà Tĩnh công nhận thêm 40 sản phẩm OCOP.", published="1890-01-01")
    assert [(f["value"], f["year"]) for f in facts] == [(40, None)]
    assert "impossible" in facts[0]["why"]
    facts = extract_facts("Năm nay, Hà Tĩnh công nhận thêm 40 sản phẩm OCOP.", published="2024-03-01")
    assert [(f["value"], f["year"]) for f in facts] == [(40, 2024)]


def test_work_is_bounded_on_a_page_without_line_breaks():
    """A table that lost its line breaks: one 60,000-character 'sentence' full of counts.

    The reader gets pieces of at most MAX_SENTENCE characters and never the same text
    twice, so its work grows linearly with the length (benchmarks/extract_speed.py times it).
    """
    row = "huyện Can Lộc có 12 sản phẩm OCOP, 5 sản phẩm đạt 4 sao; "
    text = "Hà Tĩnh: " + row * (60000 // len(row))
    limits.WORK.clear()
    facts = extract_facts(text)
    assert limits.WORK["cut"] >= 1
    assert limits.WORK["longest"] <= limits.MAX_SENTENCE and limits.WORK["pieces"] >= len(text) // limits.PIECE
    assert limits.WORK["chars"] <= len(text)
    check_facts(text, facts)
    assert facts and all(f["sent_end"] - f["sent_start"] <= limits.MAX_SENTENCE for f in facts)


def test_long_paragraphs_are_cut_and_offsets_stay_exact():
    para = " ".join(f"Năm 2024, huyện Can Lộc có {n} sản phẩm OCOP đạt 3 sao." for n in range(10, 400))
    text = "Hà Tĩnh\n\n" + para
    limits.WORK.clear()
    facts = extract_facts(text)
    assert limits.WORK["paragraphs cut"] == 1
    check_facts(text, facts)
    assert len({f["value"] for f in facts}) >= 380


# -- nlp.fold: a folded pattern finds what its IGNORECASE original finds ------------------------
def _folded_patterns():
    from nlp import clauses, cues, extract, mentions, segments, sentences
    from nlp.fold import Folded
    seen = []
    values = [v for module in (cues, clauses, mentions, segments, sentences, extract)
              for v in vars(module).values()]
    for value in values:
        for it in value if isinstance(value, list) else [value]:
            for p in it if isinstance(it, tuple) else (it,):
                if isinstance(p, Folded) and p not in seen:
                    seen.append(p)
    return seen


FOLDED = _folded_patterns()
MIXED_CASE = st.lists(st.one_of(st.sampled_from(WORDS + ["MỤC TIÊU", "Phấn Đấu", "ĐẾN NAY", "Năm 2024",
                                                           "İ", "ẞ", "K", "ﬁ", "Σ", "×5 sản phẩm", "Ø3 HTX",
                                                           "QUÝ IV/2024", "Một HTX"]),
                                token), max_size=60).map(" ".join)


def test_fold_covers_the_cue_patterns():
    assert len(FOLDED) >= 45


@SETTINGS
@given(MIXED_CASE)
def test_folded_pattern_spans_equal_the_ignorecase_ones(text):
    import re
    for p in FOLDED:
        ci = re.compile(p.pattern, re.IGNORECASE)
        assert [m.span() for m in p.finditer(text)] == [m.span() for m in ci.finditer(text)], p.pattern
        assert bool(p.search(text)) == bool(ci.search(text))
        masked = p.mask(text)
        assert len(masked) == len(text)
        assert masked == ci.sub(lambda m: " " * len(m.group(0)), text).lower() or lower_changes_length(text)


@SETTINGS
@given(MIXED_CASE, st.data())
def test_a_focused_sentence_changes_no_answer_on_its_stretches(text, data):
    """With a sentence in focus (nlp.fold.focus), a pattern whose required strings are not
    in it answers "no match" for its stretches without lowering them: every answer on
    stretches of it, and on a text that is not one, equals the IGNORECASE pattern's."""
    import re
    from nlp import fold
    n = len(text)
    cuts = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)), min_size=1, max_size=4))
    stretches = [text[min(a, b):max(a, b)] for a, b in cuts] + [text, text + " mới đến nay", "Hiện có"]
    fold.focus(text)
    try:
        for p in FOLDED:
            ci = re.compile(p.pattern, re.IGNORECASE)
            for part in stretches:
                assert [m.span() for m in p.finditer(part)] == [m.span() for m in ci.finditer(part)], p.pattern
                assert bool(p.search(part)) == bool(ci.search(part)), (p.pattern, part)
                assert bool(p.match(part)) == bool(ci.match(part)), (p.pattern, part)
                assert p.mask(part) == ci.sub(lambda m: " " * len(m.group(0)), part).lower() \
                    or lower_changes_length(part)
    finally:
        fold.unfocus()


def test_focus_skips_the_cues_a_sentence_lacks():
    """The point of focus(): a cue absent from the sentence is not searched in its stretches."""
    from nlp import fold
    p = fold.folded(r"mục tiêu|chỉ tiêu")
    s = "Toàn tỉnh có 120 sản phẩm OCOP, trong đó 30 sản phẩm đạt 4 sao"
    fold.focus(s)
    try:
        assert p._prepare(s[5:40]) is fold.NOWHERE
        assert p._prepare("Mục tiêu 200 sản phẩm") == "mục tiêu 200 sản phẩm"   # not a stretch of s
    finally:
        fold.unfocus()
    assert p._prepare(s[5:40]) is fold.NOWHERE                          # absent from the stretch itself


def test_a_stretch_of_the_last_sentence_is_searched_again_in_the_next():
    """focus() remembers the last stretch it found inside the sentence (an identity check
    spares the substring scan); a new sentence, or none, forgets it."""
    from nlp import fold
    target, new = fold.folded(r"mục tiêu"), fold.folded(r"\bmới\b")
    s1 = "Toàn tỉnh có 120 sản phẩm OCOP mới"
    part = s1[5:]
    for after in (lambda: fold.focus("Có 5 sản phẩm"), fold.unfocus):
        fold.focus(s1)
        assert target.search(part) is None          # inside s1, which lacks "mục tiêu"
        after()                                     # "mới" is not in the next sentence, nor part in it
        try:
            assert new.search(part) is not None and new.match(part) is None
        finally:
            fold.unfocus()


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(["MTQG", "mtqgKH", "KH", "1/KH", "Kế hoạch số", "vượt kế hoạch",
                                           "đạt 90% chỉ tiêu", "mục tiêu quốc gia", "phấn  đấu", "sẽ"]),
                          st.text(alphabet="ab /1KHsẽ", max_size=4)), max_size=12).map("".join) | MIXED_CASE)
def test_target_cue_equals_masking_then_searching(text):
    """nlp.cues.target_cue skips its mask when no target word is in the text: the answer is
    still that of blanking every "not a target" phrase, then taking the last target cue."""
    import re
    from nlp import cues
    ci = re.compile(cues._TARGET.pattern, re.IGNORECASE)
    cleaned = re.compile(cues._NOT_TARGET.pattern, re.IGNORECASE).sub(lambda m: " " * len(m.group(0)), text)
    ends = [m.end() for m in ci.finditer(cleaned)]
    assert cues.target_cue(text) == (ends[-1] if ends else None)


def test_target_cue_without_a_target_word_does_not_mask(monkeypatch):
    from nlp import cues

    class NoMask:
        def possible(self, text):
            return True

        def mask(self, text):
            raise AssertionError("masked a text without a target word")
    monkeypatch.setattr(cues, "_NOT_TARGET", NoMask())
    assert cues.target_cue("Toàn tỉnh có 120 sản phẩm OCOP, 30 sản phẩm đạt 4 sao") is None


@SETTINGS
@given(st.text(alphabet="0123456789.,/%-aĐđ x\n", max_size=40))
def test_digit_led_number_pattern_finds_what_the_lookbehind_one_finds(text):
    """nlp.numbers.FREE_DIGITS, written digit first so that re can scan for digits, matches
    exactly what the plain form (a lookbehind, then DIGITS) matches."""
    import re
    from nlp.numbers import DIGITS, FREE_DIGITS
    plain = re.compile(rf"(?<![\w.,/%-])(?P<n>{DIGITS})(?:\s*%)?", re.IGNORECASE)
    led = re.compile(rf"(?P<n>{FREE_DIGITS})(?:\s*%)?", re.IGNORECASE)
    assert [(m.span(), m["n"]) for m in led.finditer(text)] == [(m.span(), m["n"]) for m in plain.finditer(text)]


def lower_changes_length(text):
    return len(text.lower()) != len(text)


def test_fold_keeps_escapes_and_group_names():
    from nlp.fold import folded, lower_source
    assert lower_source(r"(?P<Noun>SẢN PHẨM)\S+\W(?P=Noun)") == r"(?P<Noun>sản phẩm)\S+\W(?P=Noun)"
    # a class with letters is tested case-insensitively as written ("À-ỹ" lowered would lose "×")
    assert lower_source(r"(?<![\wÀ-ỹ])Q[IVX\d]+[\d.,]") == r"(?<!(?i:[\wÀ-ỹ]))q(?i:[IVX\d])+[\d.,]"
    assert folded(r"(?<![\wÀ-ỹ])5 SP").search("×5 sp") is None
    p = folded(r"(?P<N>Đạt)\s+\S+")
    assert p.search("x ĐẠT 4SAO").span() == (2, 10) and p.search("x ĐẠT 4SAO")["N"] == "đạt"
    assert p.search("İ đạt 4sao").span() == (2, 10)      # "İ".lower() is two characters: no fold


def test_required_strings_of_a_pattern():
    import re
    from nlp.fold import required
    assert required(r"\bthêm\b|\bmới\b") == ("mới", "thêm")
    assert required(r"đến nay|tới nay") == ("tới nay", "đến nay")
    assert required(r"năm|năm nay") == ("năm",)                 # "năm nay" contains "năm"
    assert required(r"(?:tính )?(?:đến|tới) hết") == (" hết",)  # the optional part adds nothing
    assert required(r"x?yz") == ("yz",)
    assert required(r"(?:ab)+c") == ("ab",)
    assert required(r"(?:ab)*c") == ("c",)
    assert required(r"(?:ab){0,3}") is None
    assert required(r"(?i:abc)") is None                        # case-insensitive part: no literal
    assert required(r"(?i)abc") is None and required("abc", re.IGNORECASE) is None
    assert required(r"(?<=abc)\d+") is None                     # a lookbehind is not in the match
    assert required(r"a|\d") is None                            # one branch has no literal
    assert required(r"(?:a|)b") == ("b",)
    assert required(r"[") is None                               # not a pattern: no filter


def _sample_texts():
    from nlp.sentences import paragraphs
    return [p.lower() for a in _gold() for _, p in paragraphs(a["text"])]


def test_every_match_of_a_folded_pattern_holds_one_of_its_required_strings():
    """The filter that skips a folded pattern when none of its required strings is in the
    text is exact only if every match contains one: checked on every match of every folded
    pattern in the sample articles' paragraphs (lowercased, as the patterns run)."""
    texts = _sample_texts()
    checked = 0
    for p in FOLDED:
        if not p._need:
            continue
        for text in texts:
            for m in p._cs.finditer(text):
                checked += 1
                assert any(n in m.group(0) for n in p._need), (p.pattern, m.group(0), p._need)
    assert checked > 1000
