"""Transform: one document to its extraction, with no database (clean → extract →
resolve, and the body's MinHash). Worker processes run only this."""

from __future__ import annotations

from etl.clean import clean
from etl.events.minhash import signature
from etl.extract import extract
from etl.records import Document, Extraction
from etl.resolve import resolve


def transform(document: Document) -> Extraction:
    """The CPU part of a file's journey: no database needed."""
    extraction = resolve(extract(clean(document)))
    extraction.minhash = signature(extraction.article.body)
    return extraction
