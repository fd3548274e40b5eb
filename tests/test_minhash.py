"""The numpy MinHash gives datasketch's values, so signatures stored before it
(made with datasketch) stay comparable with new ones."""

from __future__ import annotations

import zlib
from pathlib import Path

import numpy as np
import pytest
from datasketch import MinHash

from etl.clean import clean
from etl.events import minhash
from etl.ingest import read_bytes, stat_source, to_document

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "seeds" / "articles").iterdir())


def datasketch_signature(body: str) -> bytes:
    """The signature as etl/events/minhash.py made it with datasketch."""
    text = "".join(body.split())
    sketch = MinHash(num_perm=minhash.NUM_PERM, seed=minhash._SEED, hashfunc=zlib.crc32)
    grams = {text[i : i + minhash.SHINGLE] for i in range(max(1, len(text) - minhash.SHINGLE + 1))}
    sketch.update_batch([g.encode("utf-8") for g in grams])
    return sketch.hashvalues.astype(np.uint32).tobytes()


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_the_signature_of_a_sample_article_equals_datasketchs(path: Path) -> None:
    source = stat_source(path)
    document = to_document(source, read_bytes(source))
    for text in (clean(document).body, document.text):
        assert minhash.signature(text) == datasketch_signature(text)


@pytest.mark.parametrize("text", ["", "짧다", "한 줄", "가" * 5000], ids=["empty", "short", "spaced", "long"])
def test_short_empty_and_long_texts_equal_datasketchs(text: str) -> None:
    assert minhash.signature(text) == datasketch_signature(text)
