"""The chain: normalise -> sentences -> candidate filter -> clauses -> facts."""
EXTRACTOR_VERSION = "0.0.1"


def extract_facts(text, *, title=None, published=None, url=None, home_province=None):
    """Return the OCOP facts stated in an article (a list of FACTS.md dicts).

    ``text`` is the body (the title may also be its first line); ``published`` an
    ISO date or datetime string; ``home_province`` the source's home province.
    Each fact carries every FACTS.md field plus ``province_2025``,
    ``sent_start``/``sent_end`` (character offsets of the evidence in ``text``).
    """
    return []
