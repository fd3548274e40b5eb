"""Near-duplicate articles: a syndicated copy or a lightly edited re-post of an article
already stored is linked to it (``articles.duplicate_of``) and adds no fact of its own.

Exact hashes miss these copies (another byline, a dropped caption, a reworded lead), so
each body gets a MinHash signature (datasketch) over its character 5-grams with spaces
removed, which suits Korean, where a word is short and takes particles. Locality
sensitive hashing splits the signature into bands; two articles sharing a band's
bucket are candidates (one index lookup per batch), and the share of equal signature
values, an estimate of the Jaccard similarity of the 5-gram sets, decides.
"""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass

import numpy as np
from sqlalchemy import Connection, bindparam, select, update

from etl.bulk import copy_rows
from etl.models import article_buckets, article_signatures, articles

NUM_PERM = 128
# 16 bands of 8 values: a copy at similarity 0.85 shares a bucket with its original
# 99% of the time (0.75: 81%), while two unrelated articles of one outlet's template
# (similarity 0.3) almost never do; 32 bands of 4 made a candidate of one pair in four
# in the benchmark's corpus, and the comparisons grew with the archive.
BANDS = 16
SHINGLE = 5
# A wire copy under another byline scores 0.9 and above, a re-post with a reworded lead
# and a dropped paragraph 0.75-0.9; two reports of one event by different newsrooms
# rarely pass 0.4, and the same outlet's template articles (weather, market close) stay
# below 0.7 because their numbers and names differ.
SIMILAR_ENOUGH = 0.75
_SEED = 20261203  # fixed, so that signatures stored by earlier runs stay comparable


def signature(body: str) -> bytes:
    """The body's MinHash: NUM_PERM 32-bit values (bytes, to store as they are)."""
    # Imported here: datasketch brings scipy, which only the worker processes need.
    from datasketch import MinHash

    text = "".join(body.split())
    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED, hashfunc=zlib.crc32)
    grams = {text[i : i + SHINGLE] for i in range(max(1, len(text) - SHINGLE + 1))}
    minhash.update_batch([g.encode("utf-8") for g in grams])
    return minhash.hashvalues.astype(np.uint32).tobytes()


def buckets(minhash: bytes) -> list[int]:
    """One bucket per band: a signed 64-bit hash of the band's values and its number."""
    width = len(minhash) // BANDS
    return [
        int.from_bytes(
            hashlib.blake2b(
                bytes([band]) + minhash[band * width : (band + 1) * width], digest_size=8
            ).digest(),
            "big",
            signed=True,
        )
        for band in range(BANDS)
    ]


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two bodies' 5-gram sets."""
    return float(np.mean(np.frombuffer(a, np.uint32) == np.frombuffer(b, np.uint32)))


@dataclass(frozen=True)
class Copy:
    """An article found to copy another."""

    article_id: int
    original_id: int
    similarity: float


@dataclass(frozen=True)
class _Known:
    article_id: int
    minhash: bytes
    buckets: frozenset[int]
    original_id: int  # itself, or what it copies: a copy of a copy points at the first


def mark_copies(
    conn: Connection, items: list[tuple[int, bytes | None]]
) -> tuple[set[int], list[Copy]]:
    """Store the signatures of articles that have none yet and link each to the
    earlier article it copies. Returns every copy among ``items`` (also those linked
    by an earlier run) and the links made now."""
    ids = [article_id for article_id, _ in items]
    stored = dict(
        conn.execute(
            select(articles.c.article_id, articles.c.duplicate_of)
            .join(article_signatures, article_signatures.c.article_id == articles.c.article_id)
            .where(articles.c.article_id.in_(ids))
        ).all()
    )
    copies = {article_id for article_id, original in stored.items() if original is not None}
    fresh = sorted((i, m) for i, m in items if i not in stored and m)
    if not fresh:
        return copies, []
    signed = [(i, m, buckets(m)) for i, m in fresh]
    wanted = sorted({b for _, _, bs in signed for b in bs})
    # Candidates: the stored articles sharing a bucket with any article of the batch.
    shared: dict[int, set[int]] = {}
    for bucket, article_id in conn.execute(
        select(article_buckets.c.bucket, article_buckets.c.article_id).where(
            article_buckets.c.bucket.in_(wanted)
        )
    ):
        shared.setdefault(article_id, set()).add(bucket)
    known = (
        [
            _Known(
                row.article_id,
                row.minhash,
                frozenset(shared[row.article_id]),
                row.duplicate_of or row.article_id,
            )
            for row in conn.execute(
                select(
                    article_signatures.c.article_id,
                    article_signatures.c.minhash,
                    articles.c.duplicate_of,
                )
                .join(articles, articles.c.article_id == article_signatures.c.article_id)
                .where(article_signatures.c.article_id.in_(list(shared)))
            )
        ]
        if shared
        else []
    )
    links: list[Copy] = []
    for article_id, minhash, own_buckets in signed:
        mine = frozenset(own_buckets)
        best: tuple[float, int] | None = None
        for other in known:
            if other.article_id >= article_id or not (other.buckets & mine):
                continue
            score = similarity(minhash, other.minhash)
            if score >= SIMILAR_ENOUGH and (best is None or score > best[0]):
                best = (score, other.original_id)
        original = article_id
        if best is not None:
            original = best[1]
            links.append(Copy(article_id, original, round(best[0], 3)))
            copies.add(article_id)
        # Later articles of this batch may copy this one.
        known.append(_Known(article_id, minhash, mine, original))
    copy_rows(conn, "article_signatures", ["article_id", "minhash"], [(i, m) for i, m, _ in signed])
    copy_rows(
        conn,
        "article_buckets",
        ["bucket", "article_id"],
        sorted({(b, i) for i, _, bs in signed for b in bs}),
    )
    if links:
        conn.execute(
            update(articles)
            .where(articles.c.article_id == bindparam("copy_id"))
            .values(duplicate_of=bindparam("original_id"), duplicate_similarity=bindparam("score")),
            [
                {"copy_id": c.article_id, "original_id": c.original_id, "score": c.similarity}
                for c in links
            ],
        )
    return copies, links
