"""MinHash signatures of article bodies, and what is computed from them alone: the LSH
bucket of each band and the estimated similarity of two bodies. Pure (numpy, and
datasketch where a signature is made): worker processes import it, the database side
(``etl.events.copies``) stores and compares what it computes.

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
