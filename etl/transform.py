"""Transform: one document to its extraction, with no database (clean → extract →
resolve, and the body's MinHash). Worker processes run only this."""

from __future__ import annotations

from etl.clean import clean
from etl.events.minhash import signature
from etl.extract import extract
from etl.nlp import seconds_analyzing
from etl.profile import Profile
from etl.records import Document, Extraction
from etl.resolve import resolve


def transform(document: Document) -> Extraction:
    """The CPU part of a file's journey: no database needed. Each stage's time goes
    back with the extraction (etl/profile.py)."""
    profile = Profile()
    with profile.stage("clean"):
        article = clean(document)
    analyzing = seconds_analyzing()
    with profile.stage("rules"):
        extracted = extract(article)
    kiwi = seconds_analyzing() - analyzing
    profile.charge("kiwi", kiwi)
    profile.charge("rules", -kiwi)
    with profile.stage("resolve"):
        extraction = resolve(extracted)
    with profile.stage("signature"):
        extraction.minhash = signature(extraction.article.body)
    extraction.stage_seconds = profile.seconds
    return extraction
