"""The reference data itself (``seeds/reference/``): what the extractor can recognise by
name, checked as data, the way dbt checks a model: each test lists the rows that break
a rule and expects none.

Rules: keys are unique; every written form is NFKC-normalised and trimmed; no form names
two entities unless ``ambiguous_aliases.txt`` says so; no form is a common word of
``stopwords.txt``; every Korean university, hospital,
research institute and company has a province; the Boston-area flag agrees
with the city (an organization or place in Massachusetts, and only there); and each
category holds at least the real-world count the product needs (the issue's table).
"""

from __future__ import annotations

import csv
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import pytest

REFERENCE = Path(__file__).resolve().parent.parent / "seeds" / "reference"


def _rows(kind: str) -> list[dict[str, str]]:
    rows = []
    for path in sorted((REFERENCE / kind).glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                row["_file"] = path.name
                rows.append(row)
    return rows


def _regions() -> list[dict[str, str]]:
    with (REFERENCE / "regions.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _lines(name: str) -> list[str]:
    return [
        line.strip()
        for line in (REFERENCE / name).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


ORGANIZATIONS = _rows("organizations")
PLACES = _rows("places")
REGIONS = _regions()
PLACE_KEYS = {r["key"] for r in PLACES} | {r["key"] for r in REGIONS}
AMBIGUOUS = {line.split("\t")[0] for line in _lines("ambiguous_aliases.txt")}
STOPWORDS = {w.casefold() for w in _lines("stopwords.txt")}


def _forms(row: dict[str, str]) -> list[str]:
    return [row["name_ko"], row.get("name_en") or "", *row["aliases"].split("|")]


def _all_rows() -> list[dict[str, str]]:
    return ORGANIZATIONS + PLACES + REGIONS


def test_keys_are_unique() -> None:
    counts = Counter(r["key"] for r in _all_rows())
    assert [k for k, n in counts.items() if n > 1] == []


def test_every_form_is_normalised_and_trimmed() -> None:
    bad = [
        (r["key"], form)
        for r in _all_rows()
        for form in _forms(r)
        if form and (form != form.strip() or unicodedata.normalize("NFKC", form) != form)
    ]
    assert bad == []


def test_no_form_names_two_entities_unless_marked_ambiguous() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for r in _all_rows():
        for form in _forms(r):
            if form.strip():
                owners[form.strip().casefold()].add(r["key"])
    shared = sorted(
        (form, sorted(keys))
        for form, keys in owners.items()
        if len(keys) > 1 and form not in {a.casefold() for a in AMBIGUOUS}
    )
    assert shared == []


def test_no_form_is_a_common_word() -> None:
    bad = [
        (r["key"], form)
        for r in ORGANIZATIONS + PLACES
        for form in _forms(r)
        if form.strip().casefold() in STOPWORDS
    ]
    assert bad == []


def test_rows_are_complete() -> None:
    org_types = {
        "university",
        "hospital",
        "research_institute",
        "public_agency",
        "government",
        "local_government",
        "company",
        "incubator",
        "investor",
        "association",
        "other",
    }
    bad = [
        (r["_file"], r["key"])
        for r in ORGANIZATIONS
        if not r["name_ko"]
        or r["org_type"] not in org_types
        or not r["country"]
        or (
            r["country"] == "KR"
            and r["org_type"] in ("university", "hospital", "research_institute", "company")
            and not r["region_key"]
        )
        or (r["region_key"] and r["region_key"] not in PLACE_KEYS)
    ]
    bad += [
        (r["_file"], r["key"])
        for r in PLACES
        if not r["name_ko"] or (r["parent_key"] and r["parent_key"] not in PLACE_KEYS)
    ]
    assert bad == []


def _in_massachusetts(place_key: str) -> bool:
    parents = {r["key"]: r["parent_key"] for r in PLACES}
    key: str | None = place_key
    while key:
        if key == "us-ma":
            return True
        key = parents.get(key) or None
    return False


MA_CITIES = {
    r["name_en"].casefold()
    for r in PLACES
    if r["place_type"] in ("city", "town") and _in_massachusetts(r["key"])
}


def test_the_boston_area_flag_agrees_with_the_place() -> None:
    bad = [
        r["key"]
        for r in PLACES
        if (r["is_boston_area"].lower() == "true") != _in_massachusetts(r["key"])
    ]
    assert bad == []


def test_the_boston_area_flag_agrees_with_the_city() -> None:
    bad = [
        (r["key"], r["city"])
        for r in ORGANIZATIONS
        if r["country"] == "US"
        and (r["is_boston_area"].lower() == "true") != (r["city"].casefold() in MA_CITIES)
    ]
    bad += [
        r["key"]
        for r in ORGANIZATIONS
        if r["country"] != "US" and r["is_boston_area"].lower() == "true"
    ]
    assert bad == []


def _count(org_type: str, country: str, boston: bool | None = None) -> int:
    return sum(
        1
        for r in ORGANIZATIONS
        if r["org_type"] == org_type
        and r["country"] == country
        and (boston is None or (r["is_boston_area"].lower() == "true") == boston)
    )


@pytest.mark.parametrize(
    ("what", "org_type", "country", "boston", "at_least"),
    [
        # about 190 four-year universities plus the six science and technology institutes
        ("Korean universities", "university", "KR", None, 190),
        # 47 tertiary hospitals plus research hospitals and university medical centres
        ("Korean hospitals", "hospital", "KR", None, 60),
        # the 23 NST institutes plus ministries' institutes, technoparks, bio foundations
        ("Korean public research institutes", "research_institute", "KR", None, 40),
        # the 187 R1 universities plus medical and liberal-arts schools in the news
        ("US universities", "university", "US", None, 187),
        ("Boston-area companies", "company", "US", True, 150),
    ],
)
def test_each_category_covers_the_field(
    what: str, org_type: str, country: str, boston: bool | None, at_least: int
) -> None:
    assert _count(org_type, country, boston) >= at_least, what


def test_states_counties_and_massachusetts_municipalities() -> None:
    states = {r["key"] for r in PLACES if r["place_type"] == "state" and r["country"] == "US"}
    assert len(states) >= 50
    assert {"us-ma", "us-ca", "us-md", "us-tx", "us-ny"} <= states
    counties = [r for r in PLACES if r["place_type"] == "county" and r["country"] == "US"]
    assert len(counties) >= 10
    ma_municipalities = [
        r for r in PLACES if r["place_type"] in ("city", "town") and r["parent_key"] == "us-ma"
    ]
    assert len(ma_municipalities) >= 351


# The page of twenty institutions from the lists (issue 19): written here, each name in
# the form Korean news uses, in sentences that give it a role or none.
TWENTY = {
    "jnu": "전남대학교",
    "chosun": "조선대",
    "hyumc": "한양대병원",
    "kimm": "한국기계연구원",
    "tp-gyeonggi": "경기테크노파크",
    "alteogen": "알테오젠",
    "abl-bio": "에이비엘바이오",
    "msd-korea": "한국MSD",
    "novartis": "노바티스",
    "stanford": "스탠퍼드대",
    "jhu": "존스홉킨스대",
    "oxford": "옥스퍼드대",
    "utokyo": "도쿄대",
    "karolinska": "카롤린스카 연구소",
    "intellia": "인텔리아",
    "us-tx-gov": "텍사스주 정부",
    "kddf": "국가신약개발재단",
    "unist": "UNIST",
    "bwh": "브리검 여성병원",
    "ca-on-gov": "온타리오주 정부",
}
PAGE = (
    "전남대학교와 조선대는 한양대병원, 한국기계연구원과 함께 의료기기 공동연구를 시작했다.\n"
    "경기테크노파크는 알테오젠, 에이비엘바이오의 미국 진출을 돕기로 했다.\n"
    "한국MSD와 노바티스는 국내 임상시험을 늘린다고 밝혔다.\n"
    "연구진은 스탠퍼드대, 존스홉킨스대, 옥스퍼드대, 도쿄대 출신이다.\n"
    "카롤린스카 연구소와 인텔리아의 발표가 이어졌다.\n"
    "텍사스주 정부는 국가신약개발재단과 교류 방안을 논의했다.\n"
    "UNIST 연구팀은 브리검 여성병원과 온타리오주 정부의 지원을 받았다.\n"
)


def test_twenty_institutions_from_the_lists_are_found_on_a_page() -> None:
    from datetime import date

    from tests.helpers import extract_text

    found = {m.entity.key for m in extract_text(PAGE, date(2024, 5, 20)).mentions}
    assert set(TWENTY) - found == set()


def test_former_names_are_aliases_of_their_organization() -> None:
    by_key = {r["key"]: r for r in ORGANIZATIONS}
    with (REFERENCE / "former_names.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    bad = [
        (row["key"], row["former_name"])
        for row in rows
        if row["key"] not in by_key
        or row["former_name"] not in by_key[row["key"]]["aliases"].split("|")
    ]
    assert bad == []
    assert all(
        not row["to_year"] or int(row["to_year"]) >= int(row["from_year"] or 0) for row in rows
    )


@pytest.mark.parametrize(
    ("key", "name_en"),
    [
        ("gov:kr-seoul", "Seoul Metropolitan Government"),
        ("gov:kr-busan", "Busan Metropolitan City"),
        ("gov:kr-sejong", "Sejong Special Self-Governing City"),
        ("gov:kr-gyeonggi", "Gyeonggi Provincial Government"),
        ("gov:kr-chungbuk", "North Chungcheong Provincial Government"),
        ("gov:kr-gangwon", "Gangwon State Government"),
    ],
)
def test_a_provincial_government_has_the_english_name_it_uses(key: str, name_en: str) -> None:
    from etl.reference import load_reference

    assert load_reference().organizations[key].name_en == name_en
