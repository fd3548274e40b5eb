"""A corpus built from the five sample articles (``seeds/articles/``): real sentences,
several Korea–Boston facts per page, as the extraction rules meet them in real news.

Each page takes paragraphs from the samples' cleaned bodies: ones that carry facts
(visits, agreements, amounts, as the extractor finds them in the sample) until the page
has 3 or 4, and two to four that carry none (with one or two, a fifth of the pages
shared enough text to be stored as copies of another), in a shuffled order, under a page chrome of
its own (date and weather widget, headline, publication line, byline, footer, most-read
list, as in ``bench.generate``). Pages drawing on the same sample paragraphs report the
same events, published within days of the sample, so events gather several articles;
the random choice of paragraphs and chrome keeps pages apart as near-duplicates.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from bench.generate import PUBLISHERS, _person, page

SAMPLES = Path(__file__).resolve().parents[1] / "seeds" / "articles"
# Two samples state no publication date; their events are of late April 2024.
UNDATED = date(2024, 4, 29)


@dataclass(frozen=True)
class Paragraph:
    text: str
    facts: int  # visits, agreements and amounts the extractor finds in it
    published: date  # its sample's publication date
    title: str


@cache
def pool() -> tuple[Paragraph, ...]:
    """Every non-empty paragraph of the samples' bodies, with its facts counted."""
    from etl.ingest import read_bytes, stat_source, to_document
    from etl.transform import transform

    paragraphs = []
    for path in sorted(SAMPLES.iterdir()):
        source = stat_source(path)
        extraction = transform(to_document(source, read_bytes(source)))
        body = extraction.article.body
        starts = [
            e.start for e in (*extraction.visits, *extraction.agreements, *extraction.amounts)
        ]
        offset = 0
        for text in body.split("\n"):
            end = offset + len(text)
            if text.strip():
                paragraphs.append(
                    Paragraph(
                        text.strip(),
                        sum(offset <= s < end for s in starts),
                        extraction.article.published_on or UNDATED,
                        extraction.article.title or "",
                    )
                )
            offset = end + 1
    return tuple(paragraphs)


def sample_page(index: int, seed: int = 42) -> tuple[str, str]:
    """(file name, page text) of page ``index``."""
    rng = random.Random(seed * 1_000_003 + index)
    paragraphs = pool()
    with_facts = [p for p in paragraphs if 0 < p.facts <= 4]
    without = [p for p in paragraphs if p.facts == 0 and len(p.text) > 40]
    wanted = rng.choice((3, 4))
    chosen: list[Paragraph] = []
    for paragraph in rng.sample(with_facts, len(with_facts)):
        if sum(p.facts for p in chosen) + paragraph.facts <= wanted:
            chosen.append(paragraph)
        if sum(p.facts for p in chosen) == wanted:
            break
    body = chosen + rng.sample(without, rng.randint(2, 4))
    rng.shuffle(body)
    published = chosen[0].published + timedelta(days=rng.randint(0, 3))
    publisher = rng.choice(PUBLISHERS)
    return page(
        rng,
        index,
        published,
        chosen[0].title,
        publisher,
        lambda: [f"[{publisher}={_person(rng)} 기자] " + body[0].text, *(p.text for p in body[1:])],
    )


def write_samples(folder: Path, count: int, seed: int = 42, start: int = 0) -> list[Path]:
    """Write pages ``start`` … ``start + count - 1`` into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(start, start + count):
        name, text = sample_page(index, seed)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
