"""`kbio report` on the five samples: what the page shows, read back from its HTML.

The nodes, edges and counts are the Korea–Boston visits and agreements a reader finds
in the samples (tests/test_seed_facts.py lists them article by article).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text

from etl.cli import cli
from etl.report.page import decode_payload
from tests.conftest import cli_env

BOSTON_SIDE = {
    "보스턴",
    "케임브리지 혁신센터",  # Gangwon's governor at CIC
    "하버드 의과대학",
    "매사추세츠 의과대학",  # UMass Chan: visited, and Hallym's cooperation
    "모더나",  # Jeonbuk's governor
    "랩센트럴",  # Jeonbuk's governor; TIPA's MOU
    "매사추세츠 공과대학",  # Jeonbuk's governor; Jeonbuk National University's MOU
    "매사추세츠 종합병원",  # KAIST's MOU
}
KOREAN_SIDE = {
    "강원특별자치도",
    "전북특별자치도",
    "윤석열 대통령",  # the President in Boston, for no institution of his own
    "파주시",  # the mayor's planned trip to Boston
    "전북대학교",
    "한림대학교",
    "한림대학교춘천성심병원",
    "한국과학기술원",
    "중소기업기술정보진흥원",
}
AGREEMENT_EDGES = {
    ("전북대학교", "매사추세츠 공과대학", "mou", 1),
    ("한림대학교", "매사추세츠 의과대학", "cooperation", 1),
    ("한림대학교춘천성심병원", "매사추세츠 의과대학", "cooperation", 1),
    ("한국과학기술원", "매사추세츠 종합병원", "mou", 1),
    ("중소기업기술정보진흥원", "랩센트럴", "mou", 1),
}
SOME_VISIT_EDGES = {
    ("강원특별자치도", "케임브리지 혁신센터", "visit", 1),
    ("강원특별자치도", "하버드 의과대학", "visit", 1),
    ("전북특별자치도", "모더나", "visit", 1),
    ("전북특별자치도", "랩센트럴", "visit", 1),
    ("윤석열 대통령", "보스턴", "visit", 1),
    ("파주시", "보스턴", "visit", 1),
}


def _report(runner: CliRunner, url: str, out: Path, *options: str) -> str:
    result = runner.invoke(cli, ["report", "--out", str(out), *options], env=cli_env(url))
    assert result.exit_code == 0, result.output
    assert f"wrote {out}" in result.output
    return out.read_text(encoding="utf-8")


def _network(page: str) -> tuple[dict[str, str], set[tuple[str, str, str, int]]]:
    svg = page[page.index('<svg xmlns="http://www.w3.org/2000/svg" class="network"') :]
    svg = svg[: svg.index("</svg>")]
    names = dict(
        re.findall(r'<g class="node" data-key="([^"]+)">.*?<text[^>]*>([^<]+)</text>', svg)
    )
    edges = {
        (names[source], names[target], kind, int(count))
        for source, target, kind, count in re.findall(
            r'data-source="([^"]+)" data-target="([^"]+)" data-kind="(\w+)" data-count="(\d+)"', svg
        )
    }
    return names, edges


def _payload(page: str) -> dict:
    return decode_payload(re.search(r'id="kbio-data">([^<]+)</script>', page).group(1))


def test_report_of_the_samples(runner: CliRunner, seeded_db_url: str, tmp_path: Path) -> None:
    page = _report(runner, seeded_db_url, tmp_path / "report.html")
    names, edges = _network(page)
    boston = {name for key, name in names.items() if key.startswith("b")}
    korean = {name for key, name in names.items() if not key.startswith("b")}
    assert boston == BOSTON_SIDE
    assert korean == KOREAN_SIDE
    assert {e for e in edges if e[2] != "visit"} == AGREEMENT_EDGES
    assert edges >= SOME_VISIT_EDGES
    # Ten visits (four by each governor, the President's, the mayor's planned one) and
    # four agreement events (Hallym and its hospital sign one cooperation together).
    assert "10 visits, 4 agreements" in page
    # English names on hover.
    assert "<title>매사추세츠 공과대학 — Massachusetts Institute of Technology</title>" in page
    assert len(page.encode("utf-8")) < 5_000_000


def test_every_evidence_link_resolves_to_a_sentence_of_its_article(
    runner: CliRunner, seeded_db_url: str, tmp_path: Path
) -> None:
    data = _payload(_report(runner, seeded_db_url, tmp_path / "report.html"))
    assert len(data["facts"]) == 15  # ten visits; five Korean × Boston agreement pairs
    engine = create_engine(seeded_db_url)
    with engine.connect() as conn:
        for row in data["facts"] + data["amounts"]:
            evidence_index = row[9] if len(row) > 6 else row[5]
            article_index, sentence = data["evidence"][evidence_index]
            article_id = data["articles"][article_index][0]
            found = conn.execute(
                text("select count(*) from sentences where article_id = :a and text = :t"),
                {"a": article_id, "t": sentence},
            ).scalar_one()
            assert found == 1, (article_id, sentence)
    engine.dispose()


def test_the_page_fetches_nothing(runner: CliRunner, seeded_db_url: str, tmp_path: Path) -> None:
    page = _report(runner, seeded_db_url, tmp_path / "report.html")
    for tag in re.findall(r"<(?:script|link|img|style|iframe)\b[^>]*>", page):
        assert not re.search(r"\b(?:src|href)\s*=", tag), tag
    assert not re.search(r"url\(\s*['\"]?https?:", page)
    assert "@import" not in page
    # The only addresses in the page are SVG's namespace names, which nothing fetches.
    assert set(re.findall(r"https?://[^\s\"'<>)]+", page)) <= {
        "http://www.w3.org/2000/svg",
        "http://www.w3.org/1999/xlink",
        "http://creativecommons.org/ns#",
        "http://purl.org/dc/elements/1.1/",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "http://purl.org/dc/dcmitype/StillImage",
        "https://matplotlib.org/",
    }


def test_filters_by_region_and_date(runner: CliRunner, seeded_db_url: str, tmp_path: Path) -> None:
    page = _report(runner, seeded_db_url, tmp_path / "gangwon.html", "--region", "강원")
    names, edges = _network(page)
    assert {n for k, n in names.items() if not k.startswith("b")} == {
        "강원특별자치도",
        "한림대학교",
        "한림대학교춘천성심병원",
    }
    assert "region 강원특별자치도" in page
    page = _report(runner, seeded_db_url, tmp_path / "recent.html", "--since", "2024-06-01")
    data = _payload(page)
    # Only Gangwon's trip (September 2024) is dated after June 2024.
    assert {row[3] for row in data["facts"]} == {"강원특별자치도"}
    assert all(row[2] >= "2024-06-01" for row in data["facts"])


@pytest.mark.parametrize("region", ["화성", "Atlantis"])
def test_an_unknown_region_is_one_clear_line(
    runner: CliRunner, seeded_db_url: str, tmp_path: Path, region: str
) -> None:
    out = tmp_path / "report.html"
    result = runner.invoke(
        cli, ["report", "--out", str(out), "--region", region], env=cli_env(seeded_db_url)
    )
    assert result.exit_code == 2
    assert "no Korean province-level region named" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()
