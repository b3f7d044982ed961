"""Vietnamese OCOP fact extraction (see FACTS.md for the record it emits).

    >>> from nlp import extract_facts
    >>> facts = extract_facts("Hà Tĩnh hiện có 287 sản phẩm OCOP.")
"""
from .extract import EXTRACTOR_VERSION, extract_facts

__all__ = ["EXTRACTOR_VERSION", "extract_facts"]
