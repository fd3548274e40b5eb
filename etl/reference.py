"""Reference data: regions, places, organizations and titles from ``seeds/reference``.

Loaded once per process into memory (resolution never queries the database), and
written to the database by the loader so users can query and curate it.
"""

from __future__ import annotations

import csv
import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path

from etl.paths import seeds_dir
from etl.records import EntityRef

# Places and organizations are kept one file per category (``places/us.csv``,
# ``organizations/kr_universities.csv``, …), all with the same columns; see
# ``seeds/reference/README.md`` for where each file's facts come from.
_CATEGORY_DIRS = ("places", "organizations")

# A province's government is a party to agreements and the employer of its governor;
# its place is where things happen. The government gets these suffixes as aliases.
_GOVERNMENT_SUFFIX = {"province": "청", "municipality": "청"}
# The English names the provincial governments use for themselves: 서울특별시 is Seoul
# Metropolitan Government, a 광역시 is a Metropolitan City, a 도 its Provincial Government.
_GOVERNMENT_EN = (
    ("특별시", "{} Metropolitan Government"),
    ("특별자치시", "{} Special Self-Governing City"),
    ("광역시", "{} Metropolitan City"),
)
# Foreign places that act through a government row, and how that row is named.
_GOVERNED = ("state", "province", "county", "city", "town")
_GOVERNMENT_FORMS = {
    "state": ("주정부", "정부", "주청"),
    "province": ("주정부", "성정부", "정부", "도청", "현청"),
    "county": ("정부", "청", "카운티정부"),
    "city": ("시정부", "시청", "정부", "시"),
    "town": ("시정부", "시청", "정부", "타운정부"),
}


@dataclass(frozen=True)
class PlaceRef:
    key: str
    name_ko: str
    name_en: str | None
    place_type: str
    country: str | None
    parent_key: str | None
    is_boston_area: bool
    aliases: tuple[str, ...]

    @property
    def is_korean_region(self) -> bool:
        return self.place_type in ("province", "municipality") and self.country == "KR"


@dataclass(frozen=True)
class OrganizationRef:
    key: str
    name_ko: str
    name_en: str | None
    org_type: str
    city: str | None
    country: str | None
    region_key: str | None  # a province key, for Korean organizations
    is_boston_area: bool
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class TitleRef:
    title_ko: str
    title_en: str
    affiliation: str  # region | organization | country


def _split(aliases: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in aliases.split("|") if a.strip())


def _truthy(value: str) -> bool:
    return value.strip().lower() in ("true", "1", "yes", "y")


def _university_variants(form: str) -> tuple[str, ...]:
    """OO대학교 is also written OO대학 and OO대, and the other way round."""
    for suffix in ("대학교", "대학", "대"):
        stem = form[: -len(suffix)]
        if form.endswith(suffix) and len(stem) >= 2 and not stem.endswith(("대", " ")):
            return tuple(stem + s for s in ("대학교", "대학", "대") if s != suffix)
    return ()


def government_key(place_key: str) -> str:
    return f"gov:{place_key}"


def _government_name_en(place: PlaceRef) -> str | None:
    """The English name of a Korean region's government (the place's name for a city)."""
    name = place.name_en
    if name is None or place.place_type != "province":
        return name
    for suffix, form in _GOVERNMENT_EN:
        if place.name_ko.endswith(suffix):
            return form.format(name)
    if name.endswith(" Province"):
        return name.removesuffix(" Province") + " Provincial Government"
    return f"{name} Government"  # Gangwon State Government


class Reference:
    """All reference entities plus an index from every written form to its entities."""

    def __init__(self, directory: Path) -> None:
        from korean_romanizer.romanizer import Romanizer

        self.directory = directory
        self.sha256 = reference_sha256(directory)

        self.places: dict[str, PlaceRef] = {}
        for row in self._rows("regions.csv"):
            level = row["level"]
            name_en = row["name_en"] or None
            if name_en is None:
                stem, suffix = row["name_ko"][:-1], row["name_ko"][-1]
                romanized = Romanizer(stem).romanize().capitalize()
                name_en = f"{romanized}-{ {'시': 'si', '군': 'gun', '구': 'gu'}.get(suffix, '') }"
            self.places[row["key"]] = PlaceRef(
                key=row["key"],
                name_ko=row["name_ko"],
                name_en=name_en,
                place_type=level,
                country="KR",
                parent_key=row["parent_key"] or None,
                is_boston_area=False,
                aliases=_split(row["aliases"]),
            )
        for row in self._category_rows("places"):
            self.places[row["key"]] = PlaceRef(
                key=row["key"],
                name_ko=row["name_ko"],
                name_en=row["name_en"] or None,
                place_type=row["place_type"],
                country=row["country"] or None,
                parent_key=row["parent_key"] or None,
                is_boston_area=_truthy(row["is_boston_area"]),
                aliases=_split(row["aliases"]),
            )

        self.organizations: dict[str, OrganizationRef] = {}
        for row in self._category_rows("organizations"):
            self.organizations[row["key"]] = OrganizationRef(
                key=row["key"],
                name_ko=row["name_ko"],
                name_en=row["name_en"] or None,
                org_type=row["org_type"],
                city=row["city"] or None,
                country=row["country"] or None,
                region_key=row["region_key"] or None,
                is_boston_area=_truthy(row["is_boston_area"]),
                aliases=_split(row["aliases"]),
            )
        for place in list(self.places.values()):
            if place.is_korean_region:
                self.organizations[government_key(place.key)] = self._government(place)

        self.titles: dict[str, TitleRef] = {
            row["title_ko"]: TitleRef(row["title_ko"], row["title_en"], row["affiliation"])
            for row in self._rows("titles.csv")
        }
        self.index = self._build_index()

    @staticmethod
    def files(directory: Path) -> list[Path]:
        singles = [directory / name for name in ("regions.csv", "titles.csv")]
        return singles + [
            path for name in _CATEGORY_DIRS for path in sorted((directory / name).glob("*.csv"))
        ]

    def _rows(self, name: str) -> list[dict[str, str]]:
        with (self.directory / name).open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    def _category_rows(self, name: str) -> list[dict[str, str]]:
        """The rows of every category file under ``name/``, in file-name order."""
        return [
            row
            for path in sorted((self.directory / name).glob("*.csv"))
            for row in self._rows(path.relative_to(self.directory).as_posix())
        ]

    def _government(self, place: PlaceRef) -> OrganizationRef:
        forms = {place.name_ko, *place.aliases}
        aliases = tuple(
            sorted(
                f + _GOVERNMENT_SUFFIX[place.place_type]
                for f in forms
                if " " not in f and f[-1] in "도시군구" and not f.endswith("청")
            )
        )
        province = place if place.place_type == "province" else self.places[place.parent_key or ""]
        return OrganizationRef(
            key=government_key(place.key),
            name_ko=place.name_ko,
            name_en=_government_name_en(place),
            org_type="local_government",
            city=place.name_en if place.place_type == "municipality" else None,
            country="KR",
            region_key=province.key,
            is_boston_area=False,
            aliases=aliases,
        )

    def _build_index(self) -> dict[str, EntityRef]:
        """Every written form to one entity; a form shared by several is dropped as
        ambiguous, except that a province outranks a municipality (광주 is the city of
        광주, not 경기도 광주시)."""
        candidates: dict[str, list[tuple[int, EntityRef]]] = {}

        def add(form: str, ref: EntityRef, rank: int) -> None:
            candidates.setdefault(form, []).append((rank, ref))

        for place in self.places.values():
            rank = 0 if place.place_type in ("country", "province", "state") else 1
            for form in (place.name_ko, *place.aliases):
                add(form, EntityRef("place", place.key), rank)
        for org in self.organizations.values():
            forms = (org.name_ko, *org.aliases)
            if org.org_type == "local_government" and org.key.startswith("gov:"):
                forms = org.aliases  # the bare name is the place
            for form in forms:
                add(form, EntityRef("organization", org.key), 0)
            if org.org_type == "university":
                for form in forms:
                    for variant in _university_variants(form):
                        add(variant, EntityRef("organization", org.key), 1)
            if org.name_en and org.key not in ("kr-president-office",):
                add(org.name_en, EntityRef("organization", org.key), 0)

        index: dict[str, EntityRef] = {}
        for form, refs in candidates.items():
            unique = {ref for _, ref in refs}
            if len(unique) == 1:
                index[form] = refs[0][1]
                continue
            best = min(rank for rank, _ in refs)
            top = {ref for rank, ref in refs if rank == best}
            if len(top) == 1:
                index[form] = next(iter(top))
        return index

    def government_of(self, place_key: str) -> str | None:
        """The organization that governs a place, when it acts (signs, hosts, is the
        employer of its governor): a Korean region's government, or the reference
        government of a foreign state or city (텍사스주 → 텍사스주 정부)."""
        place = self.places.get(place_key)
        if place is None:
            return None
        if place.is_korean_region:
            return government_key(place_key)
        return self._foreign_governments().get(place_key)

    @functools.cache  # noqa: B019 - one Reference per process, kept for its lifetime
    def _foreign_governments(self) -> dict[str, str]:
        """Each foreign state, province, county or city with a government row: the one
        named after it (텍사스주 → 텍사스주 정부, 몽고메리카운티 → 몽고메리카운티 정부,
        샌디에이고 → 샌디에이고시 정부). A city never takes its state's government
        (뉴욕 the city is not 뉴욕주 정부)."""
        governments: dict[str, list[OrganizationRef]] = {}
        for org in self.organizations.values():
            if org.org_type in ("government", "local_government") and org.country != "KR":
                for form in (org.name_ko, *org.aliases):
                    governments.setdefault(form.replace(" ", ""), []).append(org)
        found: dict[str, str] = {}
        for place in self.places.values():
            if place.country == "KR" or place.place_type not in _GOVERNED:
                continue
            suffixes = _GOVERNMENT_FORMS[place.place_type]
            for name in (place.name_ko, *place.aliases):
                base = name.replace(" ", "")
                stems = {base, base.removesuffix("주"), base.removesuffix("시")}
                candidates = [
                    org
                    for stem in stems
                    for suffix in suffixes
                    for org in governments.get(stem + suffix, [])
                    if org.country == place.country
                ]
                if candidates:
                    found[place.key] = min(candidates, key=lambda o: len(o.name_ko)).key
                    break
        return found

    def state_of(self, place_key: str) -> str | None:
        """The state or province a place lies in (itself when it is one)."""
        place = self.places.get(place_key)
        while place is not None and place.place_type not in ("state", "province"):
            place = self.places.get(place.parent_key or "")
        return place.key if place is not None else None

    def province_of(self, place_key: str | None) -> str | None:
        """The provincial-level division containing a Korean place, else None."""
        place = self.places.get(place_key or "")
        while place is not None and place.place_type not in ("province",):
            place = self.places.get(place.parent_key or "")
        if place is not None and place.country == "KR":
            return place.key
        return None

    def entity_name(self, ref: EntityRef) -> str:
        if ref.kind == "place":
            return self.places[ref.key].name_ko
        return self.organizations[ref.key].name_ko


def reference_sha256(directory: Path | None = None) -> str:
    """The version of the reference data: a hash of its files' names and bytes, read
    without parsing them (a run with nothing new to load needs no more)."""
    directory = directory or seeds_dir() / "reference"
    digest = hashlib.sha256()
    for path in Reference.files(directory):
        digest.update(path.relative_to(directory).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@functools.cache
def load_reference(directory: Path | None = None) -> Reference:
    return Reference(directory or seeds_dir() / "reference")
