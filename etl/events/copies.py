"""Near-duplicate articles: a syndicated copy or a lightly edited re-post of an article
already stored is linked to it (``articles.duplicate_of``) and adds no fact of its own.

The signatures come from ``etl.events.minhash`` (computed in the workers); here they are
stored with their LSH buckets, and each new article is compared with the stored
articles sharing a bucket (one index lookup per batch).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, select, update

from etl.bulk import copy_rows
from etl.models import article_buckets, article_signatures, articles


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
    # numpy, only when there is something to compare: an unchanged reload never needs it
    from etl.events.minhash import SIMILAR_ENOUGH, buckets, similarity

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
