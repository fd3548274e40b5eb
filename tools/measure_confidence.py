"""Measure each rule's precision on a scored development corpus and write it into the
rule files as the ``confidence`` every fact of that rule carries.

A developer's tool, run by hand after a change to the rules; nothing in the project
calls it and it reads nothing by default. Give it a database loaded with the corpus
(``kbio load``), the corpus's gold file and the scorer whose matching it reuses:

    python tools/measure_confidence.py --db postgresql://localhost/dev \\
        --gold PATH/gold.json --scorer PATH/score.py [--write]

A fact is right when the scorer would match it to a required or allowed fact of its
article's gold; a rule's confidence is (right + 1) / (facts + 2), so a rule seen
rarely stays near 0.5 instead of claiming 0 or 1.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from collections import defaultdict
from pathlib import Path

import psycopg

RULES = Path(__file__).resolve().parent.parent / "etl" / "extract" / "rules"
FAMILIES = ("agreements", "visits", "entities", "code_rules")


def _scorer(path: Path):
    spec = importlib.util.spec_from_file_location("scorer", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def measure(conn: psycopg.Connection, gold: dict, sc) -> dict[str, list[int]]:
    """pattern id -> [right, total]."""
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    rows = conn.execute("select article_id, source_name from api_v1.articles").fetchall()
    names = {article_id: name for article_id, name in rows}
    for article_id, name in names.items():
        g = gold["articles"].get(name)
        if g is None:
            continue
        visits = conn.execute(
            "select o.name_ko, o.name_en, g.name_ko, g.name_en, v.place, v.status, v.pattern_id "
            "from api_v1.visits v join api_v1.officials o on o.official_id = v.official_id "
            "left join api_v1.organizations g on g.organization_id = v.organization_id "
            "where v.article_id = %s",
            (article_id,),
        ).fetchall()
        wanted = g["visits"]["required"] + g["visits"].get("allowed", [])
        for off_ko, off_en, org_ko, org_en, place, status, pattern in visits:
            offk = sc.keys_for([off_ko, off_en], [sc.OFF_IDX])
            tgt = sc.keys_for([org_ko, org_en], [sc.ORG_IDX]) | sc.keys_for(
                [place], [sc.PLACE_IDX, sc.ORG_IDX]
            )
            right = any(
                sc.slot_ok(o, offk) and sc.slot_ok(t, tgt) and (s == "*" or s == status)
                for o, t, s in wanted
            )
            tally[pattern or "?"][0] += right
            tally[pattern or "?"][1] += 1
        agreements = conn.execute(
            "select a.agreement_id, a.kind, a.status, a.pattern_id from api_v1.agreements a "
            "where a.article_id = %s",
            (article_id,),
        ).fetchall()
        for agreement_id, kind, status, pattern in agreements:
            parties = conn.execute(
                "select name_ko, name_en from api_v1.agreement_parties where agreement_id = %s",
                (agreement_id,),
            ).fetchall()
            keys = set()
            for party in parties:
                keys |= sc.keys_for(list(party), [sc.ORG_IDX, sc.PLACE_IDX])
            right = any(
                all(sc.slot_ok(slot, keys) for slot in ga["parties"])
                and kind in ga["kind"]
                and status in ga["status"]
                for ga in g["agreements"]["required"]
            )
            tally[pattern or "?"][0] += right
            tally[pattern or "?"][1] += 1
        mentions = conn.execute(
            "select distinct on (e.organization_id) e.name_ko, e.name_en, m.pattern_id "
            "from api_v1.mentions m join api_v1.organizations e on e.organization_id = m.entity_id "
            "where m.article_id = %s and m.entity_type = 'organization' "
            "order by e.organization_id, m.char_start",
            (article_id,),
        ).fetchall()
        known = set()
        for slot in g["organizations"]["required"] + g["organizations"].get("allowed", []):
            known |= set(slot if isinstance(slot, list) else [slot])
        for name_ko, name_en, pattern in mentions:
            keys = sc.keys_for([name_ko, name_en], [sc.ORG_IDX, sc.PLACE_IDX])
            tally[pattern or "?"][0] += bool(keys & known)
            tally[pattern or "?"][1] += 1
    return dict(tally)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--gold", required=True, type=Path)
    parser.add_argument("--scorer", required=True, type=Path)
    parser.add_argument("--write", action="store_true", help="write the confidences")
    args = parser.parse_args()
    sc = _scorer(args.scorer)
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    with psycopg.connect(args.db) as conn:
        tally = measure(conn, gold, sc)
    for pattern, (right, total) in sorted(tally.items()):
        print(f"{pattern:24} {right:4}/{total:<4} {(right + 1) / (total + 2):.2f}")
    if not args.write:
        return
    for family in FAMILIES:
        path = RULES / f"{family}.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        for pattern in data["patterns"]:
            if pattern["id"] in tally:
                right, total = tally[pattern["id"]]
                pattern["confidence"] = round((right + 1) / (total + 2), 2)
                pattern["measured"] = f"{right}/{total} right on the development corpus"
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
