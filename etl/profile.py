"""Where a run's time goes, stage by stage: ``kbio load --profile`` and the bench
print it, so that the next change to any stage shows its cost.

Stages nest (writing a batch contains its near-duplicate lookup): each stage is
charged its own time, without the stages inside it. Worker processes time their
stages on each extraction (``Extraction.stage_seconds``) and the main process adds
them up. Pure standard library: the workers import it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

# In the order a file goes through them; the first group runs in the workers.
WORKER_STAGES = ("clean", "kiwi", "rules", "resolve", "signature")
MAIN_STAGES = (
    "decode and triage",
    "write",
    "signatures and buckets",
    "event linking",
    "event summaries",
    "aggregate summaries",
    "statistics",
)


@dataclass
class Profile:
    """Seconds per stage, each stage charged its own time only."""

    seconds: dict[str, float] = field(default_factory=dict)
    articles: int = 0  # extractions whose worker stage times were added
    workers: int = 1
    _inner: list[float] = field(default_factory=list, repr=False)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        self._inner.append(0.0)
        try:
            yield
        finally:
            elapsed = time.perf_counter() - started
            inner = self._inner.pop()
            self.charge(name, elapsed - inner)
            if self._inner:
                self._inner[-1] += elapsed

    def charge(self, name: str, seconds: float) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds

    def add(self, seconds: Mapping[str, float]) -> None:
        """One extraction's worker stage times."""
        self.articles += 1
        for name, value in seconds.items():
            self.charge(name, value)


def table(profile: Profile, wall_seconds: float) -> str:
    """The profile as a table: seconds, ms per article and share, per stage."""
    articles, workers = profile.articles, profile.workers
    per = max(articles, 1)
    worker_total = sum(profile.seconds.get(s, 0.0) for s in WORKER_STAGES)
    main_total = sum(profile.seconds.get(s, 0.0) for s in MAIN_STAGES)
    lines = [
        f"profile: {articles} articles extracted in {wall_seconds:.1f} s",
        f"  {'stage':<40}{'seconds':>10}{'ms/article':>12}{'share':>8}",
        f"  in {workers} worker process(es), summed over them:",
    ]

    def row(name: str, seconds: float, total: float) -> str:
        share = 100 * seconds / total if total else 0.0
        return f"    {name:<38}{seconds:>10.2f}{1000 * seconds / per:>12.2f}{share:>7.1f}%"

    lines += [row(s, profile.seconds.get(s, 0.0), worker_total) for s in WORKER_STAGES]
    lines.append("  in the main process:")
    lines += [row(s, profile.seconds.get(s, 0.0), wall_seconds) for s in MAIN_STAGES]
    rest = max(0.0, wall_seconds - main_total)
    lines.append(row("waiting for the workers, other", rest, wall_seconds))
    return "\n".join(lines)


def parse_table(text: str) -> dict[str, float]:
    """Seconds per stage out of ``table``'s output (what the bench records)."""
    names = (*WORKER_STAGES, *MAIN_STAGES, "waiting for the workers, other")
    out: dict[str, float] = {}
    for line in text.splitlines():
        stripped = line.strip()
        for name in names:
            if stripped.startswith(name) and stripped[len(name) :][:1] == " ":
                out[name] = float(stripped[len(name) :].split()[0])
    return out
