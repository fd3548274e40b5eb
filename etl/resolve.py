"""Resolve: every entity an article's facts point at, as a canonical record.

Reference entities come from the in-memory reference data (``is_resolved``); names
the extractor discovered stay as they are, flagged unresolved, for the curation queue.
"""

from __future__ import annotations

from etl.records import Extraction, OrganizationRecord
from etl.reference import Reference, load_reference


def _reference_record(reference: Reference, key: str) -> OrganizationRecord | None:
    org = reference.organizations.get(key)
    if org is None:
        return None
    return OrganizationRecord(
        canonical_key=org.key,
        name_ko=org.name_ko,
        name_en=org.name_en,
        org_type=org.org_type,
        is_resolved=True,
        country=org.country,
        region_key=org.region_key,
    )


def resolve(extraction: Extraction) -> Extraction:
    """Fill ``extraction.organizations`` with a record for every organization referred to."""
    reference = load_reference()
    keys = {m.entity.key for m in extraction.mentions if m.entity.kind == "organization"}
    keys |= {o.organization_key for o in extraction.officials.values() if o.organization_key}
    keys |= {key for agreement in extraction.agreements for key, _ in agreement.parties}
    keys |= {v.target.key for v in extraction.visits if v.target.kind == "organization"}
    discovered = extraction.organizations
    resolved: dict[str, OrganizationRecord] = {}
    for key in sorted(keys):
        record = _reference_record(reference, key) or discovered.get(key)
        if record is None:
            raise KeyError(f"no organization record for {key!r}")
        resolved[key] = record
    extraction.organizations = resolved
    return extraction
