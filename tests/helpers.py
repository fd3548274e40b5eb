"""Running the extractor on a seed file or on a sentence of our own, without a database."""

from __future__ import annotations

import functools
import hashlib
from datetime import date
from pathlib import Path

from etl.clean import clean
from etl.extract import extract
from etl.ingest import read_bytes, stat_source, to_document
from etl.records import CleanArticle, Document, Extraction, SourceFile
from etl.resolve import resolve

SEEDS = Path(__file__).resolve().parent.parent / "seeds" / "articles"


@functools.cache
def seed(prefix: str) -> Extraction:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    source = stat_source(path)
    return resolve(extract(clean(to_document(source, read_bytes(source)))))


def extract_text(
    body: str, published_on: date | None = None, reporter: str | None = None
) -> Extraction:
    """Extract from a body we wrote, one paragraph per line."""
    document = Document(
        source=SourceFile(Path("test.txt"), "test.txt", len(body), 0),
        text=body,
        encoding="utf-8",
        bytes_sha256=hashlib.sha256(body.encode()).hexdigest(),
        content_sha256=hashlib.sha256(body.encode()).hexdigest(),
    )
    spans = []
    offset = 0
    for line in body.split("\n"):
        spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    article = CleanArticle(document, body, None, None, reporter, published_on, tuple(spans))
    return resolve(extract(article))


def official_names(extraction: Extraction) -> set[str]:
    return {o.name_ko for o in extraction.officials.values()}


def visits(extraction: Extraction) -> dict[tuple[str, str], tuple[str, date | None]]:
    """(official name, target key) → (status, date)."""
    names = {o.person_key: o.name_ko for o in extraction.officials.values()}
    return {
        (names[v.official_key], v.target.key): (v.status, v.when.on if v.when else None)
        for v in extraction.visits
    }


def agreements(extraction: Extraction) -> dict[tuple[str, frozenset[str]], tuple[str, date | None]]:
    """(kind, party keys) → (status, date)."""
    return {
        (a.kind, frozenset(k for k, _ in a.parties)): (a.status, a.when.on if a.when else None)
        for a in extraction.agreements
    }


def amounts(extraction: Extraction) -> set[tuple[int, str, str]]:
    return {(int(a.value), a.currency, a.qualifier) for a in extraction.amounts}
