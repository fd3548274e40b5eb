"""MinHash signatures of article bodies, and what is computed from them alone: the LSH
bucket of each band and the estimated similarity of two bodies. Pure numpy: worker
processes import it, the database side (``etl.events.copies``) stores and compares what
it computes.

Exact hashes miss syndicated copies (another byline, a dropped caption, a reworded
lead), so each body gets a MinHash signature over its character 5-grams with spaces
removed, which suits Korean, where a word is short and takes particles. Locality
sensitive hashing splits the signature into bands; two articles sharing a band's
bucket are candidates, and the share of equal signature values, an estimate of the
Jaccard similarity of the 5-gram sets, decides.
"""

from __future__ import annotations

import hashlib
import zlib
from functools import cache

import numpy as np

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

# The signature is datasketch 2's MinHash (its default "affine32" scheme, which the
# stored signatures were made with), computed with numpy alone: each 5-gram's CRC-32 is
# mixed by MurmurHash3's finalizer, then value i is min over 5-grams of
# (a_i * h + b_i) mod 2^32, with odd a_i and b_i drawn from RandomState(_SEED) in
# datasketch's order. tests/test_minhash.py checks the values equal datasketch's on
# the sample articles. datasketch itself brought scipy into every worker, and took
# 0.54 ms per bench article against 0.33 ms here. (datasketch 1.x, the "legacy"
# scheme, gives other values: a database whose signatures were made with it compares
# them with new ones as unrelated articles; ``kbio reprocess --all`` does not redo
# signatures, so such a database finds no copy of its older articles.)
_FMIX = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    generator = np.random.RandomState(_SEED)
    a = generator.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _mix(hashes: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, wrapping as uint32 arithmetic does."""
    s1, m1, s2, m2, s3 = (np.uint32(c) for c in _FMIX)
    hashes = hashes ^ (hashes >> s1)
    hashes = hashes * m1
    hashes = hashes ^ (hashes >> s2)
    hashes = hashes * m2
    return hashes ^ (hashes >> s3)


def signature(body: str) -> bytes:
    """The body's MinHash: NUM_PERM 32-bit values (bytes, to store as they are)."""
    text = "".join(body.split())
    grams = {text[i : i + SHINGLE] for i in range(max(1, len(text) - SHINGLE + 1))}
    hashes = _mix(
        np.fromiter(
            (zlib.crc32(g.encode("utf-8")) for g in grams), dtype=np.uint32, count=len(grams)
        )
    )
    a, b = _permutations()
    values = np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    # In slices, so that the (5-grams x NUM_PERM) products stay small in memory.
    for first in range(0, len(hashes), 1024):
        permuted = hashes[first : first + 1024, None] * a + b
        values = np.minimum(values, permuted.min(axis=0))
    return values.tobytes()


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
