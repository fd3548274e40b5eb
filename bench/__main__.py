"""python -m bench [--articles N | --samples N] [--seed S] [--workdir DIR] [--out FILE]
[--generate-only DIR]

Runs against DATABASE_URL's server (it creates the database kbio_bench_<corpus>_<N>
there), or the embedded server when DATABASE_URL is unset. Prints a table and writes the
figures as JSON to bench/out/results-<N>.json (results-samples-<N>.json), or to --out.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bench.generate import write_corpus
from bench.run import report, run, save
from bench.samples import write_samples


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="corpus size (100 to 100000)")
    parser.add_argument(
        "--samples",
        type=int,
        default=None,
        help="instead: N pages built from the five sample articles (bench/samples.py)",
    )
    parser.add_argument("--out", type=Path, default=None, help="where to write the JSON")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--workdir", type=Path, default=Path("bench/out"))
    parser.add_argument("--workers", type=int, default=None, help="default: all cores")
    parser.add_argument(
        "--generate-only", type=Path, default=None, help="write the corpus to DIR and stop"
    )
    args = parser.parse_args()
    samples = args.samples is not None
    articles = args.samples if samples else args.articles
    if args.generate_only:
        (write_samples if samples else write_corpus)(args.generate_only, articles, args.seed)
        print(f"wrote {articles} articles to {args.generate_only}")
        return
    results = run(articles, args.seed, args.workdir, args.workers, samples)
    print(report(results))
    name = f"results-samples-{articles}.json" if samples else f"results-{articles}.json"
    out = args.out or args.workdir / name
    save(results, out)
    print(f"\nfigures written to {out}")


if __name__ == "__main__":
    main()
