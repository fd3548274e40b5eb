"""Clean: the article body and its metadata out of a scraped news page.

Pages carry weather widgets, banners, share/comment/login UI, "most read" lists,
captions repeated two or three times, AI-summary blocks that repeat the body, and
sometimes a whole unrelated article at the end. The rules below are about the shape
of such pages, not about any one site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from etl.outlets import outlet_named, outlet_of_domain, publisher_name
from etl.records import CleanArticle, Document

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_SPACES = re.compile(r"\s+")

# Lines that are page furniture wherever they appear.
_FURNITURE = [
    re.compile(p)
    for p in (
        r"-?\d+(\.\d+)?\s*(℃|°C)",  # weather widget
        r"^기상청\s*제공$",
        r"^(배너|광고|AD|닫기|로그인|로그아웃|회원가입|공유하기|더보기|스크랩|인쇄|목록|이전|다음|"
        r"구독|구독하기|좋아요|추천|알림|검색|메뉴|전체메뉴|홈|TOP|맨위로|SNS TV|.{0,20}바로가기|모바일버전|PC버전|"
        r"글자크기 설정|본문 글씨 키우기|본문 글씨 줄이기|이 기사를 공유합니다|기사 이미지 확대 보기|"
        r"댓글|댓글 정렬|BEST댓글|댓글삭제|댓글수정|내 댓글 모음|신고사유|신고하기|닫기)$",
        r"^\d+\s*/\s*\d+$",  # comment length counter
        r"^\d+$",
        r"^\d*개의 댓글$",
        r"^\[?사진\s*=?\s*[^\]]{0,20}\]?$",  # a photo credit on its own
        r"(로그인|댓글|신고|차단|삭제).{0,20}(하시겠습니까|가능합니다|완료되었습니다|"
        r"없습니다|있습니다|접수한 게시물입니다|참여하셨습니다|노출됩니다|가능합니다)",
        r"^그래도 삭제하시겠습니까\?$",
        r"^※?\s*엠바고",
    )
]
# The first of these after the body has started ends it: what follows is footer,
# related or most-read lists, or another article.
_END_OF_BODY = re.compile(
    r"^※?\s*(<끝>|\[?뉴스출처|관련\s?기사|관련\s?뉴스|가장 많이 본|많이 본 뉴스|인기\s?기사|포토\s?뉴스|"
    r"주요\s?뉴스|최신\s?뉴스|실시간\s?뉴스|이 시각|오늘의 주요|댓글\s*\d*$|저작권자|Copyright|"
    r"[©ⓒ]|\d*개의 댓글)"
    r"|무단\s?전재|재배포\s?금지",
    re.I,
)
_SUMMARY_MARKER = re.compile(r"(AI|자동).{0,10}요약|요약.{0,5}(AI|자동)")
_CAPTION_END = re.compile(r"[\[(<]\s*(사진|자료|그래픽|영상)\s*[=:]?[^\])>]*[\])>]\s*$")
# A caption's sentence with the credit after it: 기념촬영을 하고 있다. OO병원 제공,
# …개최했다./OO 제공, …있다. 사진=OO시 제공.
_CREDIT_END = re.compile(r"[.다]\s*/?\s*(?:사진\s*=\s*)?[^\s/.]{2,20}\s*제공\.?\s*$")
# A caption that lists who is in the photo: (왼쪽부터) 홍길동 시장, …; 오른쪽 두 번째 ….
_CAPTION_START = re.compile(r"^[(\[]?\s*(왼쪽|오른쪽|좌측|우측)\s*(부터|\s*(첫|두|세|네)\s*번째)")
_PREDICATE_END = re.compile(r"(다|요|음|함|됨|임)\s*[.!?\"'”’]*\s*$|[.!?]\s*$")

_DATE = r"(?P<y>(19|20)\d{2})\s*(년|[.\-/])\s*(?P<m>\d{1,2})\s*(월|[.\-/])\s*(?P<d>\d{1,2})\s*일?"
_LABELED_DATE = re.compile(
    r"(기사입력|입력|등록|게재|발행|배포|작성|승인|송고)\s*(일시|일자|시간|일)?\s*[:：]?\s*" + _DATE
)
_BARE_DATE_LINE = re.compile(
    r"^" + _DATE + r"\.?\s*(\([월화수목금토일]\))?\s*(?P<time>\d{1,2}:\d{2}(:\d{2})?)?\s*$"
)
_DATE_ONLY = re.compile(_DATE)
# ⓒOO일보 2024.01.02: a photo credit dated by the outlet on the day it published.
_OUTLET_CREDIT_DATE = re.compile(r"[ⓒ©]\s?(?P<pub>[^\s\d]{2,20})\s+" + _DATE)
_YEAR2_DATE = re.compile(r"'(?P<y>\d{2})\.\s*(?P<m>\d{1,2})\.\s*(?P<d>\d{1,2})")

_REPORTER = r"(?P<rep>[가-힣]{2,4})\s*(?:객원|수습|인턴|선임|전문|수석|대표|편집|취재)?\s*(?:기자|특파원)"
_TRAILING_BYLINE = re.compile(
    r"(?<=[.다”\"'])\s*/?\s*[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+\s*" + _REPORTER + r"\s*$"
)
# (보스턴=연합뉴스) 정아란 이동환 기자 =: a wire byline may name two reporters.
_REPORTERS = (
    r"(?P<rep>[가-힣]{2,4}(?:\s[가-힣]{2,4})?)\s*(?:객원|수습|인턴|선임|전문|수석|대표|편집|취재)?"
    r"\s*(?:기자|특파원)"
)
_BYLINE_PATTERNS = (
    # 데일리연합(월간, 한국뉴스신문) 김준 기자 | body...
    re.compile(r"^(?P<pub>[^|\[\]]{2,40}?)\s+" + _REPORTER + r"\s*[|│ㅣ]\s*"),
    # [경기헤드라인=김윤종 기자] / [데일리스포츠한국 이석희 기자] / 【OO뉴스 울산=홍길동 기자】
    re.compile(r"^[\[【]\s*(?:(?P<pub>[^\]】]{2,40}?)\s*[= ]\s*)?" + _REPORTER + r"\s*[\]】]\s*"),
    # (서울=연합뉴스) 홍길동 기자 = body...
    re.compile(r"^\((?:[가-힣]+\s*=\s*)?(?P<pub>[^)=]{2,20})\)\s*" + _REPORTERS + r"\s*=\s*"),
    # OO경제 홍길동 기자=body...  /  OO뉴스 보스턴(미국)=홍길동 기자
    re.compile(
        r"^(?P<pub>[^\s=\[\]()]{2,20}(?:\s[^\s=]{1,12})?)\s*(?:\s|=)\s*"
        + _REPORTER
        + r"\s*(?:=\s*|$)"
    ),
)
# [ 홍길동 기자 ] / 홍길동 기자 ㅣ name@outlet.com / 기자명 홍길동 / 홍길동 대표기자 | 입력 …
# 청주=홍길동 기자 name@ / /홍길동기자 name@ / name@outlet.com홍길동 기자 /
# 홍길동 기자 (name@outlet.com)2025-04-15 10:06
_REPORTER_LINE = re.compile(
    r"^[\[(/]?\s*(기자명\s*)?(?:[가-힣]{2,6}\s*=\s*)?(?:/?[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+)?"
    + _REPORTER
    + r"\s*[\])]?\s*(?:[|│ㅣ]\s*)?"
    + r"(?P<tail>\S+@\S*|\S*@\S+|\(\S+@\S+\).*|[|│ㅣ].*|입력.*|기사입력.*)?$"
)
_EMAIL_DOMAIN = re.compile(r"[A-Za-z0-9._%+\-]+@(?P<host>[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)")
_WEB_HOST = re.compile(r"(?:https?://|www\.)(?P<host>[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)")
# OO일보 2024.01.02 09:30: an outlet's name and a time under the headline.
_OUTLET_DATE_LINE = re.compile(
    r"^(?!(?:기사)?(?:입력|등록|승인|수정|게재|발행|배포|작성|송고|업데이트))(?P<pub>\S{2,20}(?:\s\S{1,10})?)\s+"
    + r"(?P<date>(19|20)\d{2}[.\-/]\d{1,2}[.\-/]\d{1,2})[.,]?\s*\d{1,2}:\d{2}"
)
# A scraper's ` date 2025-09-15` in front of the first line.
# (date 2021-08: a month only, which dates nothing but is no part of the headline)
_SCRAPED_DATE = re.compile(r"^date\s+(?P<y>(19|20)\d{2})-(?P<m>\d{2})(?:-(?P<d>\d{2}))?\s+")
_MARKDOWN_IMAGE = re.compile(r"^!?\[(?P<text>.+)\]\(\S+\)$")
_COPYRIGHT = re.compile(r"(?:저작권자\s*)?(?:[©ⓒ]|Copyright\s*[©ⓒ]?|\(c\))\s*(?P<rest>.+)", re.I)


_GLUED_CREDIT = re.compile(
    r"^(?:사진\s*=\s*)?[가-힣A-Za-z]{0,12}(?:도|시|군|구|청|원|대|부|처|병원|재단)\s*제공(?=[가-힣])"
)
_ZOOM_LABEL = re.compile(r"^\s*(기사\s*)?이미지\s*확대\s*보기\s*")


@dataclass(frozen=True)
class _Line:
    index: int
    text: str


def _normalise(line: str) -> str:
    line = line.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    line = re.sub(r"^[\s•·▶▷■□◆◇●○※*\-–]+(?=\S)", lambda m: "※" if "※" in m.group() else "", line)
    # A photo widget's label glued to the first words of the text (이미지 확대보기한국…).
    line = _ZOOM_LABEL.sub("", line)
    # A photo credit the scraper glued to the next words (OO도 제공홍길동 지사가 …).
    line = _GLUED_CREDIT.sub("", line)
    return line.strip()


# A menu or breadcrumb: three or more short items (or two after HOME) joined by | > › »
# (경상북도 | 도정소식 | 보도자료, HOME > 뉴스 > 경제); a headline's items are longer.
_MENU_SEPARATORS = re.compile(r"\s*[|>›»]\s*")
_MENU_ITEM_CHARS = 12


def _is_menu(text: str) -> bool:
    items = [item for item in _MENU_SEPARATORS.split(text.strip()) if item]
    if len(items) < 2 or not _MENU_SEPARATORS.search(text):
        return False
    short = all(len(item) <= _MENU_ITEM_CHARS for item in items)
    return short and (len(items) >= 3 or items[0].upper() in ("HOME", "홈"))


def _is_furniture(text: str) -> bool:
    return _is_menu(text) or any(p.search(text) for p in _FURNITURE)


def _is_paragraph(text: str) -> bool:
    """Running text (or a caption), as opposed to a headline, deck or label."""
    text = re.sub(r"\s+[-–]+$", "", text)  # a share widget's dash glued to the last line
    if len(text) < 25 or not _HANGUL.search(text):
        return False
    if len(text) >= 120 and re.search(r"[다요]\.\s*\S", text):
        return True  # several sentences run together on one line
    return bool(
        _PREDICATE_END.search(text)
        or _CAPTION_END.search(text)
        or _CREDIT_END.search(text)
        or _CAPTION_START.search(text)
    )


def _is_headline(text: str) -> bool:
    """A headline is short and does not end like a sentence of running text."""
    return len(text) <= 150 and not re.search(r"다\.[\"'”’]?\s*$", text)


def _date(match: re.Match) -> date | None:
    try:
        return date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


def _key(text: str) -> str:
    return _SPACES.sub("", text)


def _publisher_from_copyright(text: str) -> str | None:
    """The outlet of a copyright line; a bare ``ⓒOO시`` photo credit names a known
    outlet or nothing (it credits the photo, not the page)."""
    match = _COPYRIGHT.search(text)
    if not match:
        return None
    rest = re.split(r"무단|All rights|\.\s|\.$|,", match["rest"], maxsplit=1)[0]
    rest = re.sub(r"['‘’\"“”][^'‘’\"“”]*['‘’\"“”]", " ", rest)  # a quoted slogan
    rest = re.sub(r"\b(19|20)\d{2}([.\-/]\d{1,2}){0,2}\.?", " ", rest)
    rest = re.sub(r"\(?www\.\S+\)?", " ", rest)
    words = [w for w in rest.replace("저작권자", " ").split() if w]
    if not words:
        return None
    for word in words:
        outlet = outlet_named(word.strip(".,"))
        if outlet is not None:
            return outlet.name_ko
    if not re.search(r"저작권|무단|Copyright|All rights|재배포", text, re.I):
        return None
    name = words[-1].strip(".,")
    return name if len(name) >= 2 else None  # ⓒ 파: a name cut by the page's end


def _credit_date(lines: list[_Line]) -> date | None:
    for line in lines:
        for match in _OUTLET_CREDIT_DATE.finditer(line.text):
            if outlet_named(match["pub"]) is not None:
                return _date(match)
    return None


def _publisher_from_addresses(lines: list[str]) -> str | None:
    """The outlet that owns a web address or a reporter's e-mail domain on the page."""
    for text in lines:
        for pattern in (_WEB_HOST, _EMAIL_DOMAIN):
            for match in pattern.finditer(text):
                outlet = outlet_of_domain(match["host"])
                if outlet is not None:
                    return outlet.name_ko
    return None


_PHOTO_CREDIT = re.compile(r"\(\s*사진\s*=\s*(?P<pub>[^)=]{2,20}?)\s*\)")


def _publisher_from_photo_credit(lines: list[str]) -> str | None:
    """(사진=전자신문): an outlet credits the photos it took itself."""
    for text in lines:
        for match in _PHOTO_CREDIT.finditer(text):
            outlet = outlet_named(match["pub"])
            if outlet is not None:
                return outlet.name_ko
    return None


def _publisher_from_header(lines: list[str]) -> str | None:
    """A known outlet's name leading a line of the page header (a logo's alt text,
    ``OO뉴스TV 유튜브 바로가기``)."""
    for text in lines:
        words = text.split()
        for n in (2, 1):
            lead = " ".join(words[:n])
            if len(words) >= n and _norm_len(lead) >= 2 and (outlet := outlet_named(lead)):
                return outlet.name_ko
    return None


def _norm_len(text: str) -> int:
    return len(re.sub(r"\W+", "", text))


def clean(document: Document) -> CleanArticle:
    raw_lines = [_Line(i, _normalise(t)) for i, t in enumerate(document.text.split("\n"))]
    lines = [line for line in raw_lines if line.text]
    scraped_date: date | None = None
    if lines and (m := _SCRAPED_DATE.match(lines[0].text)):
        scraped_date = _date(m) if m["d"] else None
        lines[0] = _Line(lines[0].index, lines[0].text[m.end() :])
        lines = [line for line in lines if line.text]
    lines = [
        _Line(line.index, m["text"]) if (m := _MARKDOWN_IMAGE.match(line.text)) else line
        for line in lines
    ]

    title_pos = next(
        (
            pos
            for pos, line in enumerate(lines)
            if len(line.text) >= 15
            and _HANGUL.search(line.text)
            and not _is_furniture(line.text)
            and not _SUMMARY_MARKER.search(line.text)
            and not _LABELED_DATE.search(line.text)
            and not _OUTLET_DATE_LINE.match(line.text)
            and not any(p.search(line.text) for p in _BYLINE_PATTERNS)
            and not line.text.startswith("※")
        ),
        None,
    )
    if title_pos is not None and not _is_headline(lines[title_pos].text):
        title_pos = None  # the page starts with its body: no headline in the text
    title = lines[title_pos].text if title_pos is not None else None

    publisher = reporter = None
    published_on: date | None = None
    bare_date: date | None = None
    body_lines: list[tuple[str, bool]] = []  # (text, is_summary)
    header: list[str] = []  # lines met before the body starts
    in_summary = False
    started = False
    start = (title_pos + 1) if title_pos is not None else 0
    stop = len(lines)
    for pos in range(start, len(lines)):
        text = lines[pos].text
        stop = pos
        if not started:
            header.append(text)
        if bare_date is None and pos - start < 6 and (m := _BARE_DATE_LINE.match(text)):
            # A date line just under the headline is the article's; the one at the
            # top of a page (above the headline) is the page's date widget.
            if m["time"] or not started:
                bare_date = _date(m)
            continue
        if not started and (m := _OUTLET_DATE_LINE.match(text)):
            publisher = publisher or publisher_name(m["pub"])
            bare_date = bare_date or _date(_DATE_ONLY.match(m["date"]))
            continue
        if text == title:
            continue
        if m := _REPORTER_LINE.match(text):
            reporter = reporter or m["rep"]
            if m["tail"] and (dated := _DATE_ONLY.search(m["tail"])):
                bare_date = bare_date or _date(dated)  # 홍길동 기자 (email)2025-04-15 10:06
            continue
        if m := _TRAILING_BYLINE.search(text):
            # …계획이다. /name@outlet.com홍길동 기자: the byline glued to the last sentence.
            reporter = reporter or m["rep"]
            text = text[: m.start()].strip()
        for pattern in _BYLINE_PATTERNS:
            if m := pattern.match(text):
                if m["pub"] and "@" not in m["pub"]:  # camila@outlet.com 홍길동 기자
                    publisher = publisher or publisher_name(m["pub"])
                reporter = reporter or m["rep"]
                text = text[m.end() :].strip()
                break
        if not text:
            continue
        if _LABELED_DATE.search(text) and len(text) < 60:
            continue
        if _SUMMARY_MARKER.search(text) and len(text) < 120:
            in_summary = True
            continue
        if _is_furniture(text):
            in_summary = False
            continue
        if started and _END_OF_BODY.search(text):
            publisher = publisher or _publisher_from_copyright(text)
            break
        if not started and not in_summary:
            if not _is_paragraph(text):
                continue  # headline repeats, deck lines, section labels
            started = True
        text = re.sub(r"\s+[-–]+$", "", text)
        if text:
            body_lines.append((text, in_summary))

    # The copyright line may sit after the point where the body ended.
    if publisher is None:
        for line in lines:
            if (found := _publisher_from_copyright(line.text)) and (
                _END_OF_BODY.search(line.text) or outlet_named(found)
            ):
                publisher = found
                break
    all_text = [line.text for line in lines]
    publisher = (
        publisher
        or _publisher_from_header(all_text[: (title_pos or 0)] + header)
        or _publisher_from_photo_credit(all_text)
        or _publisher_from_header([t.lstrip("[【(") for t in all_text[stop:]])
        or _publisher_from_addresses(all_text)
    )
    if reporter is None:
        # 홍길동 기자 name@outlet.com at the foot of the article.
        for line in lines[stop:]:
            if m := _REPORTER_LINE.match(line.text):
                reporter = m["rep"]
                break
    # Labelled dates count anywhere above the end of the body, even above the headline
    # (press releases put `배포 : 2023년 6월 1일` first).
    for line in lines[: stop + 1]:
        if m := _LABELED_DATE.search(line.text):
            published_on = _date(m)
            break
    published_on = published_on or bare_date or scraped_date or _credit_date(lines)

    # A paragraph met twice yields its facts once. Summary blocks repeat the body
    # that follows them: there the later copy (the body) is the one kept.
    later_keys = [_key(t) for t, _ in body_lines]
    kept: list[str] = []
    seen: set[str] = set()
    for pos, (text, is_summary) in enumerate(body_lines):
        key = later_keys[pos]
        if is_summary and key in later_keys[pos + 1 :]:
            continue
        if key in seen:
            continue
        seen.add(key)
        kept.append(text)

    body = "\n".join(kept)
    spans: list[tuple[int, int]] = []
    offset = 0
    for text in kept:
        spans.append((offset, offset + len(text)))
        offset += len(text) + 1
    return CleanArticle(
        document=document,
        body=body,
        title=title,
        publisher=publisher or None,
        reporter=reporter,
        published_on=published_on,
        paragraphs=tuple(spans),
    )
