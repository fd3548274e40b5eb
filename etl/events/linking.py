"""Events: one real-world signing or visit, one row, however many articles report it.

A wire story, three newspapers and the province's own press release report one MOU,
often days apart and first as planned. Each reported agreement (or visit) joins the
event it is compatible with, or starts one; the event's summary (furthest status,
signing date, report dates, article count) is then recomputed in SQL for the events a
batch touched (``kbio_private.refresh_*_events``), in the batch's transaction, so an
event never outlives or misses the facts it is made of.

When two reports are the same agreement:
- parties: their party sets (a province and its government are one party) share at
  least two parties and one contains the other: a report that names only the two main
  signatories joins one that also names a witness institution;
- kind: the same, or one is a plain cooperation (reported without naming the document);
- dates: stated signing dates agree (within a day, for the time difference between
  Boston and Korea; at month or year precision, the same month or year); the date that
  anchors a report (its stated date, else its publication date) is within
  AGREEMENT_WINDOW_DAYS of every report already in the event. A date that is not
  known contradicts nothing.

A visit joins an event of the same official and the same institution or place whose
stated dates are within one trip (TRIP_DAYS) and whose anchors are within
VISIT_WINDOW_DAYS.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, Table, bindparam, select, text

from etl.bulk import copy_rows, reserve_ids
from etl.models import (
    agreement_event_members,
    agreement_events,
    agreements,
    articles,
    visit_event_members,
    visit_events,
    visits,
)

# An MOU is announced up to a few weeks before it is signed ("체결할 예정"), and
# follow-up stories run for days after; the same two parties rarely sign twice within
# two months, while yearly renewals stay apart.
AGREEMENT_WINDOW_DAYS = 60
# An official's trip abroad lasts at most about two weeks; reports of it (planned,
# under way, results) come within a month of it.
TRIP_DAYS = 14
VISIT_WINDOW_DAYS = 30


def dates_agree(
    a: date | None, a_precision: str | None, b: date | None, b_precision: str | None, days: int
) -> bool:
    """Two stated dates that may be the same occasion: within ``days`` at day
    precision, else the same month or year at the coarser precision of the two."""
    if a is None or b is None:
        return True
    if a_precision == "day" and b_precision == "day":
        return abs((a - b).days) <= days
    if "year" in (a_precision, b_precision):
        return a.year == b.year
    return (a.year, a.month) == (b.year, b.month)


def within(anchor: date | None, start: date | None, end: date | None, days: int) -> bool:
    """``anchor`` is within ``days`` of both ends of [start, end] (unknown agrees)."""
    if anchor is None or start is None or end is None:
        return True
    return abs((anchor - start).days) <= days and abs((anchor - end).days) <= days


def kinds_agree(a: str, b: str) -> bool:
    return a == b or "cooperation" in (a, b)


def parties_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    return len(a & b) >= 2 and (a <= b or b <= a)


@dataclass
class AgreementReport:
    agreement_id: int
    kind: str
    signed_on: date | None
    signed_on_precision: str | None
    published_on: date | None
    party_keys: frozenset[str]

    @property
    def anchor(self) -> date | None:
        return self.signed_on or self.published_on


@dataclass(eq=False)  # an event is itself, whatever it holds
class AgreementEvent:
    agreement_event_id: int | None  # None until a new event is inserted
    kind: str
    signed_on: date | None
    signed_on_precision: str | None
    party_keys: frozenset[str]
    anchor_from: date | None
    anchor_to: date | None

    def admits(self, report: AgreementReport) -> bool:
        return (
            kinds_agree(self.kind, report.kind)
            and parties_agree(self.party_keys, report.party_keys)
            and dates_agree(
                self.signed_on,
                self.signed_on_precision,
                report.signed_on,
                report.signed_on_precision,
                days=1,
            )
            and within(report.anchor, self.anchor_from, self.anchor_to, AGREEMENT_WINDOW_DAYS)
        )

    def absorb(self, report: AgreementReport) -> None:
        """What the next report of this batch compares with (the SQL refresh redoes it)."""
        if self.kind == "cooperation":
            self.kind = report.kind
        if self.signed_on is None and report.signed_on is not None:
            self.signed_on, self.signed_on_precision = report.signed_on, report.signed_on_precision
        self.party_keys |= report.party_keys
        self.anchor_from, self.anchor_to = _widen(self.anchor_from, self.anchor_to, report.anchor)


@dataclass
class VisitReport:
    visit_id: int
    official_id: int
    organization_id: int | None
    place_id: int | None
    visit_on: date | None
    date_precision: str | None
    published_on: date | None

    @property
    def anchor(self) -> date | None:
        return self.visit_on or self.published_on

    @property
    def target(self) -> tuple[int, int | None, int | None]:
        return self.official_id, self.organization_id, self.place_id


@dataclass(eq=False)
class VisitEvent:
    visit_event_id: int | None  # None until a new event is inserted
    visit_on: date | None
    date_precision: str | None
    anchor_from: date | None
    anchor_to: date | None

    def admits(self, report: VisitReport) -> bool:
        return dates_agree(
            self.visit_on, self.date_precision, report.visit_on, report.date_precision, TRIP_DAYS
        ) and within(report.anchor, self.anchor_from, self.anchor_to, VISIT_WINDOW_DAYS)

    def absorb(self, report: VisitReport) -> None:
        if self.visit_on is None and report.visit_on is not None:
            self.visit_on, self.date_precision = report.visit_on, report.date_precision
        self.anchor_from, self.anchor_to = _widen(self.anchor_from, self.anchor_to, report.anchor)


def _widen(start: date | None, end: date | None, anchor: date | None) -> tuple:
    if anchor is None:
        return start, end
    return min(start or anchor, anchor), max(end or anchor, anchor)


@dataclass
class Touched:
    """Events whose summary must be recomputed at the end of a batch."""

    agreement_event_ids: set[int] = field(default_factory=set)
    visit_event_ids: set[int] = field(default_factory=set)

    def add(self, other: Touched) -> None:
        self.agreement_event_ids |= other.agreement_event_ids
        self.visit_event_ids |= other.visit_event_ids


def events_of(conn: Connection, article_ids: Iterable[int]) -> Touched:
    """The events these articles' facts belong to (read before the facts are replaced:
    their members go with the facts, and the events must be recomputed or dropped)."""
    ids = list(article_ids)
    touched = Touched()
    if not ids:
        return touched
    touched.agreement_event_ids = set(
        conn.execute(
            select(agreement_event_members.c.agreement_event_id)
            .join(agreements, agreements.c.agreement_id == agreement_event_members.c.agreement_id)
            .where(agreements.c.article_id.in_(ids))
        ).scalars()
    )
    touched.visit_event_ids = set(
        conn.execute(
            select(visit_event_members.c.visit_event_id)
            .join(visits, visits.c.visit_id == visit_event_members.c.visit_id)
            .where(visits.c.article_id.in_(ids))
        ).scalars()
    )
    return touched


def link(conn: Connection, article_ids: list[int], run_id: int, touched: Touched) -> None:
    """Give each new agreement and visit of these articles its event, then recompute
    every event touched (``touched`` comes in with the events of replaced facts and of
    the originals these articles copy)."""
    _link_agreements(conn, article_ids, run_id, touched)
    _link_visits(conn, article_ids, run_id, touched)
    if touched.agreement_event_ids:
        conn.execute(
            text("select kbio_private.refresh_agreement_events(:ids, :run_id)"),
            {"ids": sorted(touched.agreement_event_ids), "run_id": run_id},
        )
    if touched.visit_event_ids:
        conn.execute(
            text("select kbio_private.refresh_visit_events(:ids, :run_id)"),
            {"ids": sorted(touched.visit_event_ids), "run_id": run_id},
        )


_AGREEMENT_REPORTS = text(
    """
    select
        agreements.agreement_id, agreements.kind, agreements.signed_on,
        agreements.signed_on_precision, articles.published_on,
        coalesce(array_agg(keys.party_key) filter (where keys.party_key is not null), '{}')
            as party_keys
    from agreements
    join articles on articles.article_id = agreements.article_id
    left join kbio_private.agreement_party_keys as keys
        on keys.agreement_id = agreements.agreement_id
    where agreements.article_id = any(:ids)
        and not exists (
            select from agreement_event_members as members
            where members.agreement_id = agreements.agreement_id
        )
    group by agreements.agreement_id, articles.published_on
    order by coalesce(agreements.signed_on, articles.published_on) nulls last,
        agreements.agreement_id
    """
)


def pairs(keys: frozenset[str]) -> set[str]:
    """Every pair of party keys, as agreement_events.party_pairs stores them."""
    ordered = sorted(keys)
    return {f"{a}|{b}" for i, a in enumerate(ordered) for b in ordered[i + 1 :]}


def _link_agreements(
    conn: Connection, article_ids: list[int], run_id: int, touched: Touched
) -> None:
    reports = [
        AgreementReport(
            row.agreement_id,
            row.kind,
            row.signed_on,
            row.signed_on_precision,
            row.published_on,
            frozenset(row.party_keys),
        )
        for row in conn.execute(_AGREEMENT_REPORTS, {"ids": article_ids})
    ]
    if not reports:
        return
    wanted = sorted(set().union(*(pairs(r.party_keys) for r in reports)))
    by_pair: dict[str, list[AgreementEvent]] = {}
    if wanted:
        for row in conn.execute(
            select(agreement_events).where(agreement_events.c.party_pairs.overlap(wanted))
        ):
            event = AgreementEvent(
                row.agreement_event_id,
                row.kind,
                row.signed_on,
                row.signed_on_precision,
                frozenset(row.party_keys),
                row.anchor_from,
                row.anchor_to,
            )
            for pair in row.party_pairs:
                by_pair.setdefault(pair, []).append(event)
    fresh: list[AgreementEvent] = []
    chosen: list[AgreementEvent] = []
    for report in reports:
        candidates = {id(e): e for p in pairs(report.party_keys) for e in by_pair.get(p, [])}
        fitting = [e for e in candidates.values() if e.admits(report)]
        if fitting:
            event = _closest(fitting, report.anchor, lambda e: e.agreement_event_id)
            event.absorb(report)
        else:
            event = AgreementEvent(
                None,
                report.kind,
                report.signed_on,
                report.signed_on_precision,
                frozenset(report.party_keys),
                report.anchor,
                report.anchor,
            )
            fresh.append(event)
        for pair in pairs(event.party_keys):
            if event not in by_pair.setdefault(pair, []):
                by_pair[pair].append(event)
        chosen.append(event)
    if fresh:
        rows = [
            {
                "kind": e.kind,
                "status": "planned",  # the refresh sets the summary
                "party_keys": sorted(e.party_keys),
                "party_pairs": sorted(pairs(e.party_keys)),
                "run_id": run_id,
            }
            for e in fresh
        ]
        for event, event_id in zip(
            fresh, _insert_events(conn, agreement_events, rows), strict=True
        ):
            event.agreement_event_id = event_id
    _insert_members(
        conn,
        agreement_event_members,
        [(r.agreement_id, e.agreement_event_id) for r, e in zip(reports, chosen, strict=True)],
    )
    touched.agreement_event_ids.update(e.agreement_event_id for e in chosen)


def _insert_events(conn: Connection, table: Table, rows: list[dict]) -> list[int]:
    """New events with COPY, their ids reserved first; ids in the order of ``rows``."""
    (id_column,) = table.primary_key.columns
    ids = reserve_ids(conn, table.name, id_column.name, len(rows))
    columns = [id_column.name, *rows[0]]
    copy_rows(
        conn, table.name, columns, ((i, *row.values()) for i, row in zip(ids, rows, strict=True))
    )
    return ids


def _insert_members(conn: Connection, table: Table, members: list[tuple[int, int]]) -> None:
    """(fact id, event id) rows of a members table (its two columns, in that order)."""
    copy_rows(conn, table.name, [column.name for column in table.columns], members)


def _closest(events: list, anchor: date | None, event_id: Callable) -> Any:
    """The event closest in time to ``anchor``, then the oldest (one made in this batch,
    with no id yet, is the newest)."""

    def rank(event: AgreementEvent | VisitEvent) -> tuple[int, float]:
        known = event_id(event)
        distance = abs((anchor - event.anchor_from).days) if anchor and event.anchor_from else 0
        return distance, known if known is not None else float("inf")

    return min(events, key=rank)


_VISIT_REPORTS = (
    select(
        visits.c.visit_id,
        visits.c.official_id,
        visits.c.organization_id,
        visits.c.place_id,
        visits.c.visit_on,
        visits.c.date_precision,
        articles.c.published_on,
    )
    .join(articles, articles.c.article_id == visits.c.article_id)
    .where(visits.c.article_id.in_(bindparam("ids", expanding=True)))
    .where(
        ~select(visit_event_members.c.visit_id)
        .where(visit_event_members.c.visit_id == visits.c.visit_id)
        .exists()
    )
    .order_by(visits.c.visit_on.nulls_last(), visits.c.visit_id)
)

_VISIT_CANDIDATES = text(
    """
    select events.*
    from visit_events as events
    join unnest(cast(:officials as bigint[]), cast(:organizations as bigint[]),
                cast(:places as bigint[])) as wanted(official_id, organization_id, place_id)
        on events.official_id = wanted.official_id
        and events.organization_id is not distinct from wanted.organization_id
        and events.place_id is not distinct from wanted.place_id
    """
)


def _link_visits(conn: Connection, article_ids: list[int], run_id: int, touched: Touched) -> None:
    reports = [VisitReport(*row) for row in conn.execute(_VISIT_REPORTS, {"ids": article_ids})]
    if not reports:
        return
    targets = sorted({r.target for r in reports}, key=lambda t: tuple(x or 0 for x in t))
    by_target: dict[tuple, list[VisitEvent]] = {}
    for row in conn.execute(
        _VISIT_CANDIDATES,
        {
            "officials": [t[0] for t in targets],
            "organizations": [t[1] for t in targets],
            "places": [t[2] for t in targets],
        },
    ):
        target = (row.official_id, row.organization_id, row.place_id)
        by_target.setdefault(target, []).append(
            VisitEvent(
                row.visit_event_id, row.visit_on, row.date_precision, row.anchor_from, row.anchor_to
            )
        )
    fresh: list[tuple[VisitReport, VisitEvent]] = []
    chosen: list[VisitEvent] = []
    for report in reports:
        fitting = [e for e in by_target.get(report.target, []) if e.admits(report)]
        if fitting:
            event = _closest(fitting, report.anchor, lambda e: e.visit_event_id)
            event.absorb(report)
        else:
            event = VisitEvent(
                None, report.visit_on, report.date_precision, report.anchor, report.anchor
            )
            fresh.append((report, event))
            by_target.setdefault(report.target, []).append(event)
        chosen.append(event)
    if fresh:
        rows = [
            {
                "official_id": r.official_id,
                "organization_id": r.organization_id,
                "place_id": r.place_id,
                "status": "planned",  # the refresh sets the summary
                "run_id": run_id,
            }
            for r, _ in fresh
        ]
        ids = _insert_events(conn, visit_events, rows)
        for (_, event), event_id in zip(fresh, ids, strict=True):
            event.visit_event_id = event_id
    _insert_members(
        conn,
        visit_event_members,
        [(r.visit_id, e.visit_event_id) for r, e in zip(reports, chosen, strict=True)],
    )
    touched.visit_event_ids.update(e.visit_event_id for e in chosen)
