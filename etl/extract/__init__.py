"""Extract: facts out of a clean article, each with its sentence and character offsets.

The stage runs per article and needs no database: reference data is in memory and
the analyzer is built once per process.
"""

from __future__ import annotations

from datetime import date

from etl.extract.agreements import Carried, find_agreements, merge_agreements
from etl.extract.amounts import find_amounts
from etl.extract.clauses import past_clause_end, quoted_tense, sentence_tense
from etl.extract.context import Found, SentenceContext, build_context
from etl.extract.dates import DateMention, find_dates
from etl.extract.entities import (
    apply_aliases,
    bracket_aliases,
    discover_organizations,
    drop_common_words,
    find_reference_entities,
    foreign_generic_names,
    names_spelled_before_brackets,
    regions_as_actors,
    self_references,
)
from etl.extract.lexicon import pattern_by_id
from etl.extract.names import is_korean_name
from etl.extract.officials import coreferences, find_official_hits, person_records
from etl.extract.regions import home_governments
from etl.extract.tokens import Tok, token_view
from etl.extract.visits import CarriedVisitor, find_visits, merge_visits
from etl.nlp import analyze
from etl.records import (
    AgreementRecord,
    AmountRecord,
    CleanArticle,
    EntityRef,
    Extraction,
    Mention,
    OrganizationRecord,
    Sentence,
)
from etl.reference import Reference, load_reference


def _contexts(article: CleanArticle) -> list[SentenceContext]:
    contexts: list[SentenceContext] = []
    paragraphs = article.paragraphs or ((0, len(article.body)),)
    for start, end in paragraphs:
        for sentence in analyze(article.body[start:end], start):
            if not sentence.text.strip():
                continue
            contexts.append(build_context(len(contexts), sentence))
    return contexts


def _country_of(reference: Reference, ref: EntityRef) -> str | None:
    if ref.kind == "place":
        return reference.places[ref.key].country if ref.key in reference.places else None
    org = reference.organizations.get(ref.key)
    return org.country if org else None


def _find_entities(
    article: CleanArticle,
    contexts: list[SentenceContext],
    discovered: dict[str, OrganizationRecord],
) -> None:
    """Entities first: reference names, names by shape, short names in brackets carried
    through the article, then what a bare 도/시 or 본교 refers to and which regions act."""
    aliases: dict[str, Found] = {}
    for ctx in contexts:
        ctx.entities = find_reference_entities(ctx.text, ctx.start)
        drop_common_words(ctx)
        foreign_generic_names(ctx, discovered)
        # 매사추세츠주 생명과학센터(MLSC): a long name spelled before a known short one is
        # that institution, before any shape could take its words for another name.
        names_spelled_before_brackets(ctx)
        found = discover_organizations(ctx, discovered)  # may drop places inside names
        ctx.entities.extend(found)
        ctx.entities.sort(key=lambda f: f.start)
        aliases.update(bracket_aliases(ctx))
    for ctx in contexts:
        apply_aliases(ctx, aliases)
        regions_as_actors(ctx)
    homes = home_governments(contexts)
    for ctx in contexts:
        self_references(ctx, homes, article.publisher)


def _dates(ctx: SentenceContext, view: list[Tok], published: date | None) -> list[DateMention]:
    """The sentence's dates, a date without a month or year read by the tense of its
    own clause: in 21일 협약을 체결한다고 밝혔다 the 21st is coming, though the saying
    is past."""
    future = sentence_tense(view) == "future"
    dates = find_dates(ctx.text, published, future_hint=future)
    # (end of a clause, its tense) where a clause's tense differs from the sentence's.
    splits: list[tuple[int, bool | None]] = []
    quoted = quoted_tense(view)
    if quoted is not None and (quoted[1] == "future") != future:
        splits.append((view[quoted[0]].end, quoted[1] == "future"))
    before = past_clause_end(view) if future else None
    if before is not None:
        # 15일 협약을 맺었고 내년부터 …: the 15th is past; 21일 방문한 뒤 귀국할 예정:
        # the clause only comes first, its day is the nearest one.
        end, past = before
        splits.append((end, False if past else None))
    for end, hint in splits:
        boundary = end - ctx.start
        inner = find_dates(ctx.text, published, future_hint=hint)
        dates = [d for d in inner if d.end <= boundary] + [d for d in dates if d.end > boundary]
    return dates


def extract(article: CleanArticle) -> Extraction:
    reference = load_reference()
    result = Extraction(article=article)
    contexts = _contexts(article)
    result.sentences = [Sentence(c.index, c.start, c.end, c.text) for c in contexts]

    discovered: dict[str, OrganizationRecord] = {}
    _find_entities(article, contexts, discovered)

    hits = find_official_hits(contexts, article.reporter)
    officials, person_of = person_records(hits, contexts)
    result.officials = officials
    mentions_by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    for hit in hits:
        mentions_by_sentence.setdefault(hit.sentence_index, []).append(
            (hit.start, hit.end, person_of[hit.start])
        )
    for index, start, end, key in coreferences(contexts, officials, hits):
        mentions_by_sentence.setdefault(index, []).append((start, end, key))
    for spans in mentions_by_sentence.values():
        spans.sort()
    people = {
        key: record.organization_key for key, record in officials.items() if record.organization_key
    }
    for key in officials:
        # 그레고리 비아렉키 매사추세츠 주택·경제개발장관: an official known only by the
        # place they serve acts for its government.
        identity = key.split("|", 1)[1] if "|" in key else ""
        if key not in people and identity.startswith("place:"):
            government = reference.government_of(identity.removeprefix("place:"))
            if government:
                people[key] = government

    def official_country(person_key: str) -> str | None:
        record = officials.get(person_key)
        if record is None:
            return None
        if record.organization_key:
            org = reference.organizations.get(record.organization_key)
            found = discovered.get(record.organization_key)
            return org.country if org else (found.country if found else None)
        if record.region_key or (
            record.name_en and record.name_ko and is_korean_name(record.name_ko, reference)
        ):
            return "KR"  # a Korean region's official, or a Korean minister or president
        return None

    def country_of(ref: EntityRef) -> str | None:
        found = discovered.get(ref.key)
        return found.country if found is not None else _country_of(reference, ref)

    published = article.published_on
    amount_rule = pattern_by_id("amount.money")
    carried = Carried()
    visitor = CarriedVisitor()
    visits = []
    agreements = []
    amounts: list[AmountRecord] = []
    for ctx in contexts:
        view = token_view(ctx, mentions_by_sentence.get(ctx.index, []))
        dates = _dates(ctx, view, published)
        found_agreements, counts = find_agreements(
            ctx,
            view,
            dates,
            published,
            len(agreements) + 1,
            people,
            carried,
            discovered,
            country_of,
        )
        agreements.extend(found_agreements)
        result.agreement_counts.extend(counts)
        places_that_signed = _places_as_parties(ctx, found_agreements, reference)
        visits.extend(
            find_visits(
                ctx,
                view,
                visitor,
                dates,
                published,
                country_of_official=official_country,
                country_of_target=country_of,
            )
        )
        # After this sentence's visits, which read the place as where someone went:
        # the place that signed is its government's mention (provenance of the party).
        for index, government in places_that_signed:
            place = ctx.entities[index]
            ctx.entities[index] = Found(
                EntityRef("organization", government),
                place.start,
                place.end,
                place.surface,
                pattern_id=place.pattern_id,
                confidence=place.confidence,
            )
        for amount in find_amounts(ctx.text):
            start, end = ctx.start + amount.start, ctx.start + amount.end
            owner = next(
                (
                    a.local_id
                    for a in found_agreements
                    if ctx.clause_of(a.end - 1)[0] <= start and end <= a.end
                ),
                None,
            )
            amounts.append(
                AmountRecord(
                    value=amount.value,
                    currency=amount.currency,
                    qualifier=amount.qualifier,
                    raw_text=amount.raw_text,
                    sentence_index=ctx.index,
                    start=start,
                    end=end,
                    agreement_local_id=owner,
                    pattern_id=amount_rule.id,
                    confidence=amount_rule.confidence,
                )
            )

    result.visits = merge_visits(
        visits,
        lambda ref: _country_of(reference, ref),
        lambda ref: ref.kind == "place" and reference.places[ref.key].place_type == "country",
    )

    def region_of(key: str) -> str | None:
        org = reference.organizations.get(key)
        return org.region_key if org is not None else None

    result.agreements, remap = merge_agreements(agreements, region_of)
    result.amounts = [
        AmountRecord(**{**a.__dict__, "agreement_local_id": remap.get(a.agreement_local_id)})
        if a.agreement_local_id
        else a
        for a in amounts
    ]

    # Mentions: every entity occurrence, officials included.
    seen_spans: set[tuple[int, int]] = set()
    official_rule = pattern_by_id("off.name_title")
    for ctx in contexts:
        for entity in ctx.entities:
            _add_mention(result, entity, ctx.index, seen_spans)
    for index, spans in mentions_by_sentence.items():
        for start, end, key in spans:
            found = Found(
                EntityRef("official", key),
                start,
                end,
                article.body[start:end],
                pattern_id=official_rule.id,
                confidence=official_rule.confidence,
            )
            _add_mention(result, found, index, seen_spans)
    result.mentions.sort(key=lambda m: m.start)

    result.organizations = discovered
    return result


def _places_as_parties(
    ctx: SentenceContext, found: list[AgreementRecord], reference: Reference
) -> list[tuple[int, str]]:
    """(index in ``ctx.entities``, government key) of each place in an agreement's span
    whose government is one of its parties (몽고메리카운티와 MOU를 체결: the county's
    government signed)."""
    out = []
    for agreement in found:
        parties = {key for key, _ in agreement.parties}
        for index, entity in enumerate(ctx.entities):
            if entity.ref.kind != "place" or not agreement.start <= entity.start < agreement.end:
                continue
            government = reference.government_of(entity.ref.key)
            if government in parties:
                out.append((index, government))
    return out


def _add_mention(
    result: Extraction, entity: Found, sentence_index: int, seen: set[tuple[int, int]]
) -> None:
    if (entity.start, entity.end) in seen:
        return
    seen.add((entity.start, entity.end))
    result.mentions.append(
        Mention(
            entity.ref,
            entity.surface,
            sentence_index,
            entity.start,
            entity.end,
            entity.pattern_id,
            entity.confidence,
        )
    )
