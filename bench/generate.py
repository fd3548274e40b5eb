"""A deterministic synthetic corpus of Korean news pages about the Boston bio cluster.

Article i depends only on (seed, i): generating 100 then 101 articles gives the same
first 100 files, which is how the benchmark adds 1% to a corpus. Pages carry the
noise of real ones (date and weather widgets, bylines, repeated captions, comment UI,
most-read lists) around bodies of visits, agreements, amounts and filler, with names
drawn from the reference data and dates and amounts in varied Korean forms.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from etl.reference import load_reference

SURNAMES = [
    "김",
    "이",
    "박",
    "최",
    "정",
    "강",
    "조",
    "윤",
    "장",
    "임",
    "한",
    "오",
    "서",
    "신",
    "권",
    "황",
    "안",
    "송",
    "류",
    "홍",
    "전",
    "고",
    "문",
    "양",
    "손",
    "배",
    "백",
    "허",
    "남",
    "심",
]
GIVEN = [
    "민",
    "서",
    "준",
    "영",
    "진",
    "현",
    "우",
    "수",
    "호",
    "석",
    "철",
    "희",
    "경",
    "태",
    "성",
    "동",
    "재",
    "광",
    "상",
    "용",
    "정",
    "선",
    "미",
    "은",
    "혜",
    "규",
    "훈",
    "관",
    "기",
    "택",
]
PUBLISHERS = ["가상일보", "한빛경제", "바이오타임즈", "지역뉴스24", "메디컬투데이K", "경제헤럴드"]
CITIES = [
    "서울",
    "인천",
    "수원",
    "청주",
    "대전",
    "대구",
    "전주",
    "광주",
    "부산",
    "춘천",
    "원주",
    "제주",
]
WEATHER = ["맑음", "흐림", "구름많음", "비", ""]
TOPICS = [
    "바이오 인재 양성",
    "공동 연구",
    "신약 개발",
    "디지털 헬스케어",
    "임상 협력",
    "스타트업 육성",
    "유전체 분석",
    "의료기기 인증",
    "세포치료제 생산",
    "AI 기반 진단",
]
FILLER = [
    "보스턴은 세계 최고 수준의 바이오 클러스터로 꼽힌다.",
    "이 지역에는 1,000개가 넘는 바이오 기업과 연구기관이 밀집해 있다.",
    "참석자들은 산학연 협력 생태계의 중요성에 공감했다.",
    "관계자는 앞으로도 긴밀한 협력을 이어가겠다고 말했다.",
    "국내 30개 바이오 기업이 현지에 진출해 있다.",
    "250여 년의 역사를 지닌 도시는 혁신의 중심지로 거듭났다.",
    "이번 교류는 지역 바이오산업의 경쟁력을 높이는 계기가 될 전망이다.",
    "전문가들은 규제 개선과 대규모 투자가 필요하다고 지적했다.",
]


@dataclass(frozen=True)
class Names:
    provinces: list[tuple[str, str]]  # (short form used in titles, canonical)
    korean_orgs: list[str]
    korean_companies: list[str]
    boston_orgs: list[str]
    boston_companies: list[str]
    boston_places: list[str]


def _names() -> Names:
    reference = load_reference()
    provinces = []
    for place in reference.places.values():
        if place.place_type == "province" and place.country == "KR":
            short = next((a for a in place.aliases if len(a) == 2), place.name_ko[:2])
            provinces.append((short, place.name_ko))
    orgs = list(reference.organizations.values())
    korean = [
        o.name_ko
        for o in orgs
        if o.country == "KR"
        and o.org_type in ("university", "hospital", "public_agency", "research_institute")
    ]
    korean_companies = [o.name_ko for o in orgs if o.country == "KR" and o.org_type == "company"]
    boston = [
        o.name_ko
        for o in orgs
        if o.is_boston_area
        and o.org_type in ("university", "hospital", "research_institute", "incubator")
    ]
    boston_companies = [o.name_ko for o in orgs if o.is_boston_area and o.org_type == "company"]
    places = [
        p.name_ko for p in reference.places.values() if p.is_boston_area and p.place_type == "city"
    ]
    return Names(
        sorted(provinces),
        sorted(korean),
        sorted(korean_companies),
        sorted(boston),
        sorted(boston_companies),
        sorted(places),
    )


def _josa(word: str, pair: str) -> str:
    """Attach the particle that fits the last syllable: 은/는, 이/가, 을/를, 과/와."""
    last = word[-1]
    has_coda = "가" <= last <= "힣" and (ord(last) - 0xAC00) % 28 != 0
    with_coda, without = pair.split("/")
    return word + (with_coda if has_coda else without)


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)


def _amount(rng: random.Random) -> str:
    forms = [
        lambda: f"{rng.randint(1, 9)},{rng.randint(0, 9)}00만 달러",
        lambda: f"{rng.randint(2, 9)}천만 달러",
        lambda: f"{rng.randint(1, 9)}억 {rng.randint(1, 9)}천만 원",
        lambda: f"약 {rng.randint(10, 900)}억 원",
        lambda: f"최대 {rng.randint(1, 50)}억 원",
        lambda: f"${rng.randint(2, 90)} million",
        lambda: f"{rng.randint(1, 9)}00억원대",
        lambda: f"{rng.randint(1, 9)}조 {rng.randint(1, 9)}천억 원",
        lambda: f"{rng.randint(100, 900)}만 유로 이상",
    ]
    return rng.choice(forms)()


def _day_expr(rng: random.Random, published: date, future: bool) -> str:
    if future:
        day = min(28, published.day + rng.randint(1, 10))
        return rng.choice([f"오는 {day}일", f"{published.month}월 {day}일", "다음 달"])
    day = max(1, published.day - rng.randint(0, 6))
    return rng.choice(
        [f"{day}일(현지시간)", f"지난 {day}일", f"{published.month}월 {day}일", "이날"]
    )


def _sentences(rng: random.Random, names: Names, published: date) -> tuple[list[str], str, str]:
    short, canonical = rng.choice(names.provinces)
    head = _person(rng)
    title = rng.choice(
        [f"{short}도지사", "지사", f"{short}시장" if canonical.endswith("시") else "도지사"]
    )
    boston = rng.choice(names.boston_orgs)
    company = rng.choice(names.boston_companies)
    korean = rng.choice(names.korean_orgs)
    kcompany = rng.choice(names.korean_companies)
    city = rng.choice(names.boston_places)
    topic = rng.choice(TOPICS)
    other = rng.choice(names.boston_orgs)
    sentences = [
        f"{_josa(head + ' ' + title, '은/는')} {_day_expr(rng, published, False)} 미국 {city}의 "
        f"{_josa(boston, '을/를')} 방문해 {topic} 방안을 논의했다.",
        f"{head} {title} 등 대표단은 이어 {_josa(company, '을/를')} 찾아 {rng.choice(TOPICS)} 분야 협력을 모색했다.",
        f"{_josa(korean, '은/는')} {_day_expr(rng, published, False)} {_josa(boston, '과/와')} "
        f"{topic}을 위한 업무협약(MOU)을 체결했다.",
        f"{_josa(kcompany, '은/는')} {_josa(company, '과/와')} {_amount(rng)} 규모의 기술수출 계약을 맺었다.",
        f"{_josa(korean, '과/와')} {_josa(other, '은/는')} {rng.choice(TOPICS)} 공동연구를 추진하기로 합의했다.",
        f"{_josa(head + ' ' + title, '은/는')} {_day_expr(rng, published, True)} "
        f"{_josa(rng.choice(names.boston_orgs), '을/를')} 방문할 예정이다.",
        f"{_josa(canonical, '은/는')} {_amount(rng)}을 투자해 바이오 특화단지를 조성할 계획이다.",
        f"이번 순방에서 총 {rng.randint(2, 12)}건의 MOU가 체결됐다.",
    ]
    rng.shuffle(sentences)
    chosen = sentences[: rng.randint(3, 7)]
    for _ in range(rng.randint(3, 8)):
        chosen.insert(rng.randint(0, len(chosen)), rng.choice(FILLER))
    return chosen, head, f"{head} {title}, 보스턴서 {topic} 협력 나서"


def article(index: int, seed: int = 42) -> tuple[str, str]:
    """(file name, page text) of article ``index``."""
    rng = random.Random(seed * 1_000_003 + index)
    names = _names_cached()
    published = date(2022, 1, 1) + timedelta(days=rng.randint(0, 1400))
    sentences, _head, headline = _sentences(rng, names, published)
    publisher = rng.choice(PUBLISHERS)
    reporter = _person(rng)
    paragraphs = [" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2)]
    caption = f"{sentences[0].rstrip('.')} [사진={publisher} 제공]"
    body = [f"[{publisher}={reporter} 기자] " + paragraphs[0], caption, caption, *paragraphs[1:]]
    return page(rng, index, published, headline, publisher, lambda: body)


def page(
    rng: random.Random,
    index: int,
    published: date,
    headline: str,
    publisher: str,
    body: Callable[[], list[str]],
) -> tuple[str, str]:
    """(file name, page text): a news page's chrome around ``body`` (called once the
    header is drawn, so that what it draws from ``rng`` comes after the header's)."""
    lines: list[str] = []
    if rng.random() < 0.6:  # the page's own date and weather widget, above the headline
        widget = published + timedelta(days=rng.randint(30, 300))
        lines.append(f"{widget:%Y.%m.%d} (월)")
        lines.extend(
            f"  • {rng.choice(WEATHER)}{c} {rng.uniform(-5, 30):.1f}℃"
            for c in rng.sample(CITIES, 8)
        )
        lines.append("기상청 제공")
    lines += ["배너", rng.choice(["경제", "바이오", "지역", "국제"]), headline, ""]
    lines.append(f"입력 {published:%Y.%m.%d} {rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}")
    lines.append("이 기사를 공유합니다")
    lines.extend(body())
    lines += [
        "",
        f"저작권자 © {publisher} 무단전재 및 재배포 금지",
        "0개의 댓글",
        "로그인 후 댓글작성이 가능합니다.",
        "가장 많이 본 뉴스",
        *(f"{_person(rng)} 의원, 지역 현안 점검" for _ in range(3)),
    ]
    text = "\n".join(lines) + "\n"
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    return f"{index:06d}_{digest}.txt", text


_NAMES: Names | None = None


def _names_cached() -> Names:
    global _NAMES
    if _NAMES is None:
        _NAMES = _names()
    return _NAMES


def write_corpus(folder: Path, count: int, seed: int = 42, start: int = 0) -> list[Path]:
    """Write articles ``start`` … ``start + count - 1`` into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(start, start + count):
        name, text = article(index, seed)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
