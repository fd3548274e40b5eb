"""The facts a careful reader finds in each seed article, written by reading them.

Each test names what is required, and what else a reader would accept (an extra fact
outside both fails the test). Organization and place keys are the reference data's.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from tests.helpers import agreements, amounts, official_names, seed, visits

JEONBUK = "gov:kr-jeonbuk"
GANGWON = "gov:kr-gangwon"
PAJU = "gov:kr-gyeonggi/파주시"


def _check(found: set, required: set, acceptable: set = frozenset()) -> None:
    missing = required - found
    extra = found - required - acceptable
    assert not missing, f"missing: {missing}"
    assert not extra, f"not in the article: {extra}"


# -- 000: 데일리연합, the Korea–US cluster round table in Boston ---------------------


def test_000_metadata_and_body() -> None:
    article = seed("000").article
    assert (
        article.title
        == "윤석열 대통령, '지구상 가장 혁신적인 1 스퀘어 마일'에서 한-미 첨단 클러스터 협력 논의"
    )
    assert article.publisher == "데일리연합"
    assert article.reporter == "김준"
    # 2024.04.24 (수) above the weather widget is the page's date, not the article's.
    assert article.published_on is None
    assert article.body.startswith("윤석열 대통령은 28일 미국 보스턴에서")
    # The unrelated 포토뉴스 article after the footer is not part of the body.
    assert "유승례" not in article.body and "홍익대학교" not in article.body
    assert "℃" not in article.body and "배너" not in article.body


def test_000_officials_visits() -> None:
    extraction = seed("000")
    _check(official_names(extraction), {"윤석열"})
    found = visits(extraction)
    _check(set(found), {("윤석열", "us-ma-boston")})
    assert found[("윤석열", "us-ma-boston")] == ("completed", None)  # no publication date


def test_000_agreements_and_counts() -> None:
    found = agreements(seed("000"))
    required = {
        (
            "mou",
            frozenset({"tipa", "labcentral"}),
        ),  # 추진 주체(중소기업기술정보진흥원 등)는 랩센트럴과 MOU
        ("mou", frozenset({"kaist", "mgh"})),
        ("contract", frozenset({"daewoong", "unresolved:auditumbio"})),
        ("mou", frozenset({"kakao-healthcare", "google"})),
        ("mou", frozenset({"unresolved:지엠에스헬스케어", "unresolved:westcarbenterprises"})),
    }
    _check(set(found), required)
    assert all(value == ("signed", None) for value in found.values())
    counts = {(c.kind, c.quantity) for c in seed("000").agreement_counts}
    assert counts == {("mou", 4), ("mou", 9)}


def test_000_amounts() -> None:
    extraction = seed("000")
    assert amounts(extraction) == {(15_000_000, "USD", "at_least"), (20_000_000, "USD", "at_most")}
    by_value = {int(a.value): a for a in extraction.amounts}
    assert by_value[15_000_000].agreement_local_id is None  # investment expected, no agreement
    owner = next(
        a for a in extraction.agreements if a.local_id == by_value[20_000_000].agreement_local_id
    )
    assert {k for k, _ in owner.parties} == {
        "unresolved:지엠에스헬스케어",
        "unresolved:westcarbenterprises",
    }
    for amount in extraction.amounts:
        assert extraction.article.body[amount.start : amount.end] == amount.raw_text


# -- 001: presidential press release, export strategy meeting ------------------------


def test_001_metadata() -> None:
    article = seed("001").article
    assert article.title == "尹 대통령, 한국판 보스턴 클러스터 조성을 위한 지원 확대 약속"
    assert article.published_on == date(2023, 6, 1)  # 배포 : 2023년 6월 1일(목)
    assert article.publisher is None and article.reporter is None


def test_001_titles_without_names_are_not_officials() -> None:
    extraction = seed("001")
    # 경제부총리, 과학기술정보통신부 장관, 충청북도지사 … name no person.
    _check(official_names(extraction), {"윤석열"})
    # 지난 4월 보스턴을 함께 방문했던: the president's April visit, acceptable; 지난 미국
    # 방문시 (another sentence) is the same trip named by its country, acceptable too.
    _check(set(visits(extraction)), set(), {("윤석열", "us-ma-boston"), ("윤석열", "us")})
    assert all(status == "completed" for status, _ in visits(extraction).values())


def test_001_nothing_signed() -> None:
    found = agreements(seed("001"))
    # 서울대병원·MIT 간 연구협력 is discussed and to be pursued: at most a cooperation.
    _check(set(found), set(), {("cooperation", frozenset({"snuh", "mit"}))})
    assert amounts(seed("001")) == set()


# -- 002: 아주경제, Gangwon governor in Boston -------------------------------------


def test_002_metadata_and_summary_block() -> None:
    article = seed("002").article
    assert (
        article.title == "김진태 도지사, 강원형 K-바이오 클러스터 조성 위해 글로벌 협력 구체화 시동"
    )
    assert article.publisher == "아주경제"
    assert article.reporter is None
    assert article.published_on == date(2024, 9, 29)
    # The AI summary repeats the first paragraphs: they appear once.
    assert article.body.count("김진태 지사가 지난 9월 27일 미국 보스턴을 방문해") == 1
    assert "로그인" not in article.body and "댓글" not in article.body


def test_002_officials() -> None:
    extraction = seed("002")
    _check(official_names(extraction), {"김진태", "박순만", "조셉 M.페티"})
    by_name = {o.name_ko: o for o in extraction.officials.values()}
    assert by_name["김진태"].organization_key == GANGWON
    assert by_name["김진태"].region_key == "kr-gangwon"
    assert by_name["김진태"].name_en == "Kim Jintae"
    assert by_name["박순만"].organization_key == "khidi"  # 보건산업진흥원의 박순만 미국지사장
    assert by_name["박순만"].title_ko == "미국지사장"
    assert by_name["조셉 M.페티"].title_ko == "시장"
    assert by_name["조셉 M.페티"].organization_key == "worcester-city"


def test_002_visits() -> None:
    found = visits(seed("002"))
    required = {("김진태", "us-ma-boston"), ("김진태", "cic"), ("김진태", "harvard-med")}
    _check(set(found), required, {("김진태", "umass-chan")})
    assert found[("김진태", "us-ma-boston")] == ("completed", date(2024, 9, 27))
    assert found[("김진태", "cic")][0] == "completed"
    assert found[("김진태", "harvard-med")][0] == "completed"


def test_002_cooperation_agreed_not_signed() -> None:
    extraction = seed("002")
    (agreement,) = extraction.agreements
    assert (agreement.kind, agreement.status) == ("cooperation", "agreed")
    parties = {k for k, _ in agreement.parties}
    assert (
        {"umass-chan", "hallym", "hallym-chuncheon"}
        <= parties
        <= {"umass-chan", "hallym", "hallym-chuncheon", GANGWON}
    )
    assert amounts(extraction) == set()  # 30개 바이오 기업 is no amount


# -- 003: 데일리스포츠한국, Jeonbuk governor's delegation in Boston -------------------


def test_003_metadata_and_repeated_captions() -> None:
    article = seed("003").article
    assert article.title == "미국 보스턴에서 전북형 바이오산업 미래 비전 찾는다"
    assert article.publisher == "데일리스포츠한국"
    assert article.reporter == "이석희"
    assert article.published_on == date(2024, 1, 13)  # 입력 2024.01.13 17:21
    assert article.body.count("스타트업 성공모델로 부상한 랩센트럴을 방문하여") == 1


def test_003_officials() -> None:
    extraction = seed("003")
    _check(
        official_names(extraction),
        {"김관영", "송철규", "오택림", "패트릭 벅스테드"},
        {"Roger D Kamm"},
    )
    by_name = {o.name_ko: o for o in extraction.officials.values()}
    assert by_name["김관영"].organization_key == JEONBUK
    assert by_name["김관영"].region_key == "kr-jeonbuk"
    assert by_name["송철규"].organization_key == "jbnu" and by_name["송철규"].title_ko == "부총장"
    assert by_name["오택림"].organization_key == JEONBUK
    assert by_name["오택림"].title_ko == "미래산업국장"
    assert by_name["패트릭 벅스테드"].name_en == "Patrick Bergstedt"
    assert by_name["패트릭 벅스테드"].organization_key == "moderna"
    assert "이석희" not in official_names(extraction)  # the reporter


def test_003_visits() -> None:
    found = visits(seed("003"))
    required = {
        ("김관영", "labcentral"),
        ("김관영", "moderna"),
        ("김관영", "mit"),
        ("김관영", "us-ma-boston"),
    }
    _check(set(found), required)
    assert found[("김관영", "labcentral")] == ("completed", date(2024, 1, 12))  # 12일(현지시간)
    assert found[("김관영", "us-ma-boston")] == ("completed", date(2024, 1, 12))
    assert found[("김관영", "moderna")][0] == "completed"
    assert found[("김관영", "mit")][0] == "completed"


def test_003_agreement() -> None:
    found = agreements(seed("003"))
    _check(set(found), {("mou", frozenset({"jbnu", "mit"}))})
    assert found[("mou", frozenset({"jbnu", "mit"}))] == ("signed", None)
    assert amounts(seed("003")) == set()  # 1,000개가 넘는, 70여년: no money


# -- 004: 경기헤드라인, Paju mayor's planned trip ---------------------------------------


def test_004_metadata() -> None:
    article = seed("004").article
    assert article.title == "김경일 파주시장, 파주메디컬 클러스터 성공적 조성 위해 발 벗고 나선다"
    assert article.publisher == "경기헤드라인"
    assert article.reporter == "김윤종"
    assert article.published_on is None  # 2024.04.28 (일) is the weather widget's date


def test_004_official_and_planned_visits() -> None:
    extraction = seed("004")
    _check(official_names(extraction), {"김경일"})
    (official,) = extraction.officials.values()
    assert official.organization_key == PAJU and official.region_key == "kr-gyeonggi"
    assert official.title_ko == "시장"
    found = visits(extraction)
    _check(set(found), {("김경일", "us-ma-boston"), ("김경일", "us-fl-miami")}, {("김경일", "cic")})
    # 오는 27일부터 4월 3일까지: planned; no publication date, so no date.
    assert all(value == ("planned", None) for value in found.values())


def test_004_agreements() -> None:
    found = agreements(seed("004"))
    required = {
        ("mou", frozenset({PAJU, "umiami-med"})),
        ("mou", frozenset({PAJU, "miami-dade"})),
    }
    _check(set(found), required)
    assert found[("mou", frozenset({PAJU, "umiami-med"}))] == (
        "signed",
        date(2022, 7, 1),
    )  # 지난 22년 7월
    assert found[("mou", frozenset({PAJU, "miami-dade"}))] == (
        "planned",
        None,
    )  # 오는 28일 … 체결을 시작으로
    assert amounts(seed("004")) == set()  # 100만 자족도시 is no amount


# -- all seeds -----------------------------------------------------------------------


def test_every_offset_slices_to_its_surface() -> None:
    for prefix in ("000", "001", "002", "003", "004"):
        extraction = seed(prefix)
        body = extraction.article.body
        for sentence in extraction.sentences:
            assert body[sentence.start : sentence.end] == sentence.text
        for mention in extraction.mentions:
            assert body[mention.start : mention.end] == mention.surface


def test_headline_view_on_the_seeds(seeded_engine) -> None:
    with seeded_engine.connect() as conn:
        rows = set(
            conn.execute(
                text(
                    "select region_ko, korean_party, boston_party, kind, status "
                    "from api_v1.boston_agreements_by_region"
                )
            ).all()
        )
    # Signed, with a Massachusetts institution: not the planned Paju–Miami-Dade MOU,
    # not the Miami or Google ones, not the Gangwon cooperation only agreed.
    assert rows == {
        ("대전광역시", "중소기업기술정보진흥원", "LabCentral", "mou", "signed"),
        ("대전광역시", "한국과학기술원", "Massachusetts General Hospital", "mou", "signed"),
        ("전북특별자치도", "전북대학교", "Massachusetts Institute of Technology", "mou", "signed"),
    }
