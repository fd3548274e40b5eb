"""Events: one real-world signing or visit, one row, however many articles report it.

A wire story, three newspapers and the province's own press release report one MOU,
often days apart and first as planned. Each reported agreement (or visit) joins the
event it is compatible with, or starts one; the event's summary (furthest status,
signing date, report dates, article count) is then recomputed in SQL for the events
touched (``kbio_private.refresh_*_events``).

When: a batch's transaction writes its facts and queues its articles
(``event_link_queue``, and the events whose reports changed in
``event_refresh_queue``); ``drain`` links everything queued in one transaction, every
few batches and at the end of a run. Reports are taken article by article in article
order, and an event in memory holds exactly what the SQL refresh would give it, so the
events do not depend on how the articles were grouped into drains: a run killed
between a batch and its drain, completed by the next run, ends as one clean load.

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

from sqlalchemy import Connection, Table, bindparam, func, select, text

from etl.bulk import copy_rows, reserve_ids
from etl.models import (
    agreement_event_members,
    agreement_events,
    agreements,
    articles,
    event_link_queue,
    event_refresh_queue,
    visit_event_members,
    visit_events,
    visits,
)
from etl.profile import Profile

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
    status: str
    signed_on: date | None
    signed_on_precision: str | None
    published_on: date | None
    party_keys: frozenset[str]

    @property
    def anchor(self) -> date | None:
        return self.signed_on or self.published_on


_PRECISIONS = ("day", "month", "year")


def _dating_rank(precision: str | None, on: date) -> tuple[int, date]:
    """The most precise date first, then the earliest (as the SQL refresh orders)."""
    return (_PRECISIONS.index(precision) if precision in _PRECISIONS else 3), on


@dataclass(eq=False)  # an event is itself, whatever it holds
class AgreementEvent:
    agreement_event_id: int | None  # None until a new event is inserted
    kind: str
    signed_on: date | None
    signed_on_precision: str | None
    party_keys: frozenset[str]
    anchor_from: date | None
    anchor_to: date | None
    # Whether signed_on comes from a report that says the agreement was signed: the
    # refresh prefers such a report's date to a planned one's, however precise.
    signing_is_signed: bool = False
    made_as: int = 0  # order of creation in this drain, for an event with no id yet

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
        """What the next report compares with: exactly what the SQL refresh
        (sql/revisions/0009_events/02_refresh_agreement_events.sql) will store."""
        if self.kind == "cooperation":
            self.kind = report.kind
        if report.signed_on is not None:
            signed = report.status == "signed"
            mine = (not signed, *_dating_rank(report.signed_on_precision, report.signed_on))
            if self.signed_on is None or mine < (
                not self.signing_is_signed,
                *_dating_rank(self.signed_on_precision, self.signed_on),
            ):
                self.signed_on, self.signed_on_precision = (
                    report.signed_on,
                    report.signed_on_precision,
                )
                self.signing_is_signed = signed
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
    made_as: int = 0  # order of creation in this drain, for an event with no id yet

    def admits(self, report: VisitReport) -> bool:
        return dates_agree(
            self.visit_on, self.date_precision, report.visit_on, report.date_precision, TRIP_DAYS
        ) and within(report.anchor, self.anchor_from, self.anchor_to, VISIT_WINDOW_DAYS)

    def absorb(self, report: VisitReport) -> None:
        """Exactly what the SQL refresh will store (the most precise date, then the
        earliest: sql/revisions/0009_events/03_refresh_visit_events.sql)."""
        if report.visit_on is not None and (
            self.visit_on is None
            or _dating_rank(report.date_precision, report.visit_on)
            < _dating_rank(self.date_precision, self.visit_on)
        ):
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


def queue(conn: Connection, article_ids: list[int], run_id: int, touched: Touched) -> None:
    """In the transaction that writes these articles' facts: queue them for linking,
    and the events whose reports changed for a refresh (``drain`` does both)."""
    if article_ids:
        conn.execute(
            text(
                "insert into event_link_queue (article_id, run_id) "
                "select unnest(cast(:ids as bigint[])), :run_id on conflict do nothing"
            ),
            {"ids": sorted(article_ids), "run_id": run_id},
        )
    for kind, ids in (
        ("agreement", touched.agreement_event_ids),
        ("visit", touched.visit_event_ids),
    ):
        if ids:
            conn.execute(
                text(
                    "insert into event_refresh_queue (event_kind, event_id) "
                    "select :kind, unnest(cast(:ids as bigint[])) on conflict do nothing"
                ),
                {"kind": kind, "ids": sorted(ids)},
            )


def queued(conn: Connection) -> int:
    """How many articles wait for their events."""
    return conn.execute(select(func.count()).select_from(event_link_queue)).scalar_one()


def drain(conn: Connection, run_id: int, profile: Profile | None = None) -> int:
    """Link every queued article's facts to their events and recompute the events
    touched, in the caller's transaction; returns how many articles were linked.

    The events whose reports changed are recomputed (or dropped) first, so that new
    reports compare with what those events hold now."""
    profile = profile or Profile()
    changed = Touched()
    for kind, event_id in conn.execute(
        event_refresh_queue.delete().returning(
            event_refresh_queue.c.event_kind, event_refresh_queue.c.event_id
        )
    ):
        if kind == "agreement":
            changed.agreement_event_ids.add(event_id)
        else:
            changed.visit_event_ids.add(event_id)
    article_ids = sorted(
        conn.execute(event_link_queue.delete().returning(event_link_queue.c.article_id)).scalars()
    )
    with profile.stage("event summaries"):
        _refresh(conn, changed, run_id)
    linked = Touched()
    with profile.stage("event linking"):
        _link_agreements(conn, article_ids, run_id, linked)
        _link_visits(conn, article_ids, run_id, linked)
    with profile.stage("event summaries"):
        _refresh(conn, linked, run_id)
    return len(article_ids)


def _refresh(conn: Connection, touched: Touched, run_id: int) -> None:
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


# Article by article, in article order (then by date within an article): the order a
# clean load writes them in, whatever drain they fall in.
_AGREEMENT_REPORTS = text(
    """
    select
        agreements.agreement_id, agreements.kind, agreements.status, agreements.signed_on,
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
    order by agreements.article_id,
        coalesce(agreements.signed_on, articles.published_on) nulls last,
        agreements.agreement_id
    """
)

# The candidate events, with whether their signing date comes from a signed report
# (what the refresh ranks first), so that absorbing a report redoes the refresh.
_AGREEMENT_CANDIDATES = text(
    """
    select events.*,
        exists (
            select from agreement_event_members as members
            join agreements on agreements.agreement_id = members.agreement_id
            where members.agreement_event_id = events.agreement_event_id
                and agreements.status = 'signed'
                and agreements.signed_on = events.signed_on
                and agreements.signed_on_precision = events.signed_on_precision
        ) as signing_is_signed
    from agreement_events as events
    where events.party_pairs && cast(:pairs as text[])
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
            row.status,
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
        for row in conn.execute(_AGREEMENT_CANDIDATES, {"pairs": wanted}):
            event = AgreementEvent(
                row.agreement_event_id,
                row.kind,
                row.signed_on,
                row.signed_on_precision,
                frozenset(row.party_keys),
                row.anchor_from,
                row.anchor_to,
                row.signing_is_signed,
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
        else:
            event = AgreementEvent(
                None,
                report.kind,
                None,
                None,
                frozenset(report.party_keys),
                report.anchor,
                report.anchor,
                made_as=len(fresh),
            )
            fresh.append(event)
        event.absorb(report)
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
    """The event closest in time to ``anchor``, then the oldest: stored events by id,
    then the ones made in this drain in the order they were made (the order their
    ids will have), as if every earlier article had been linked on its own."""

    def rank(event: AgreementEvent | VisitEvent) -> tuple[int, int, int]:
        known = event_id(event)
        distance = abs((anchor - event.anchor_from).days) if anchor and event.anchor_from else 0
        return (distance, 0, known) if known is not None else (distance, 1, event.made_as)

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
    .order_by(visits.c.article_id, visits.c.visit_on.nulls_last(), visits.c.visit_id)
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
    if not article_ids:
        return
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
        else:
            event = VisitEvent(None, None, None, report.anchor, report.anchor, made_as=len(fresh))
            fresh.append((report, event))
            by_target.setdefault(report.target, []).append(event)
        event.absorb(report)
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
