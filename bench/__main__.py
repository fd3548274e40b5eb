"""python -m bench [--articles N] [--seed S] [--workdir DIR] [--generate-only DIR]

Runs against DATABASE_URL's server (it creates the database kbio_bench_<N> there), or the
embedded server when DATABASE_URL is unset. Prints a table and writes the figures as
JSON to bench/out/results-<N>.json.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bench.generate import write_corpus
from bench.run import report, run, save


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="corpus size (100 to 100000)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--workdir", type=Path, default=Path("bench/out"))
    parser.add_argument("--workers", type=int, default=None, help="default: all cores")
    parser.add_argument(
        "--generate-only", type=Path, default=None, help="write the corpus to DIR and stop"
    )
    args = parser.parse_args()
    if args.generate_only:
        write_corpus(args.generate_only, args.articles, args.seed)
        print(f"wrote {args.articles} articles to {args.generate_only}")
        return
    results = run(args.articles, args.seed, args.workdir, args.workers)
    print(report(results))
    out = args.workdir / f"results-{args.articles}.json"
    save(results, out)
    print(f"\nfigures written to {out}")


if __name__ == "__main__":
    main()
