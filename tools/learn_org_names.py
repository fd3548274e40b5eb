"""Try a learned detector of organization names no list has and no shape shows (a
company written without an institutional head noun: ``가나다는 … 계약을 체결했다``,
``가나다 대표 홍길동``), and cross-validate it beside the patterns, on a development
corpus the project never reads. Issue 22's "learn where it pays": on the 80 development
articles it did not pay (README, "Extraction quality, measured"), so nothing of it is in
the extractor; this tool is how to try again with other features or more articles.

A developer's tool, run by hand; nothing in the project calls it and it reads nothing
by default. Give it a corpus directory holding ``raw/*.txt``, ``gold.json`` and
``catalog.json`` (as the corpus's ANNOTATION.md describes them):

    python tools/learn_org_names.py --corpus PATH [--l2 1.0] [--json OUT]

Each article goes through the project's own extraction; where the shape patterns have
run (``discover_organizations``), the candidates are recorded: runs of plain tokens
that Kiwi tags as a proper noun or Latin, or does not know, two characters at least,
one word (or Latin words in a row), that no list and no shape took. Their features are
binary and named: Kiwi's tag and unknown-word flag, script, length, whether Kiwi cut
the word, a Korean personal name, what is glued before or after it, the rules' word
classes around it (a class word such as 기업 before it, a title or 관계자 after it), a
bracket of Latin after it, the role its particle gives it (``np_role``), organizations
beside it in a list, an agreement or a visit word in the sentence.

A candidate is labelled 1 when its name matches (as the corpus's scorer matches names)
an organization the article's gold requires or allows, 0 when it matches nothing of the
catalog or an organization the gold forbids, and is left out otherwise (a person or a
place the catalog knows, an organization of another article). Figures are per article
and name, as the scorer counts: the patterns have a name when an occurrence of it is an
organization mention of the extraction (or, for a gold organization, when the
extraction has it under another spelling); the detector, when some occurrence's
probability reaches the threshold. ``learned_new`` is the detector on the names the
patterns miss; ``patterns_plus_learned`` what the extractor would have with both.

The model is a logistic regression with an L2 penalty fitted by Newton's method in
numpy. Cross-validation is grouped by article: five folds, and the two halves of the
corpus (d1-d4, d5) each trained on the other. Each outer fold's threshold is chosen by
an inner cross-validation on its own training articles: the lowest of 0.3-0.9 whose
precision on new names reaches ``--min-precision`` (1.01, nothing, if none does).
``--json OUT`` writes the figures and the weights fitted on every article (feature
names and numbers only) to OUT.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import etl.extract as extract_module  # noqa: E402
from etl.clean import clean  # noqa: E402
from etl.extract.clauses import np_role  # noqa: E402
from etl.extract.context import Found, SentenceContext  # noqa: E402
from etl.extract.lexicon import head_of  # noqa: E402
from etl.extract.names import is_korean_name  # noqa: E402
from etl.extract.tokens import Tok, token_view  # noqa: E402
from etl.ingest import read_bytes, stat_source, to_document  # noqa: E402
from etl.reference import load_reference  # noqa: E402

GRID = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)

# The candidates and their features, as the detector would see them where the shape
# patterns have run.
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_LATIN = re.compile(r"[A-Za-z]")
_NAME_TAGS = frozenset({"NNP", "SL", "SH"})
# Separators of a list of names: 가나, 다라, 마바 / △가나 △다라 / 가나·다라.
_LIST_MARKS = frozenset({",", "·", "△", "▲", "/", "、", "ㆍ"})
_AGREEMENT_CLASSES = frozenset({"agr_mou", "agr_contract", "agr_coop", "agr_deal", "sign"})
_VISIT_CLASSES = frozenset({"visit", "visit_country", "trip", "meet"})
_MOST_TOKENS = 4


@dataclass(slots=True)
class Candidate:
    first: int  # token indices into the view, first..last inclusive
    last: int
    start: int  # offsets into the article body
    end: int
    text: str
    features: tuple[str, ...]


def _plain_candidate(tok: Tok) -> bool:
    return not tok.is_entity and not tok.lex and (tok.tag in _NAME_TAGS or tok.oov)


def candidates(ctx: SentenceContext, view: list[Tok], taken: list[Found]) -> list[Candidate]:
    """Every run of name-like plain tokens that neither a list nor a shape took."""
    reference = load_reference()
    out = []
    i = 0
    while i < len(view):
        if not _plain_candidate(view[i]):
            i += 1
            continue
        j = i
        # One word (a name Kiwi cut in pieces), or Latin words in a row (Acme Bio): a
        # space between Hangul words ends the run (홍길동 OO바이오 is two names).
        while (
            j + 1 < len(view)
            and _plain_candidate(view[j + 1])
            and (not view[j + 1].space_before or view[j].tag == view[j + 1].tag == "SL")
        ):
            j += 1
        first, last = i, j
        i = j + 1
        if last - first + 1 > _MOST_TOKENS:
            continue
        start, end = view[first].start, view[last].end
        text = ctx.slice(start, end)
        if len(text.replace(" ", "")) < 2 or text in reference.index:
            continue
        if any(f.start < end and start < f.end for f in taken):
            continue
        out.append(Candidate(first, last, start, end, text, _features(ctx, view, first, last)))
    return out


def _script(text: str) -> str:
    hangul, latin = bool(_HANGUL.search(text)), bool(_LATIN.search(text))
    if hangul and latin:
        return "mixed"
    return "hangul" if hangul else "latin" if latin else "other"


def _features(ctx: SentenceContext, view: list[Tok], first: int, last: int) -> tuple[str, ...]:
    reference = load_reference()
    words = view[first : last + 1]
    text = ctx.slice(words[0].start, words[-1].end)
    compact = text.replace(" ", "")
    f = {"bias"}
    f.add("script=" + _script(text))
    f.add("len=" + str(min(len(compact), 6)))
    f.add("tokens=" + str(min(len(words), 3)))
    for t in words:
        f.add("tag=" + t.tag)
    if all(t.oov for t in words):
        f.add("oov")
    elif any(t.oov for t in words):
        f.add("oov_part")
    if len(words) > 1 and not any(t.space_before for t in words[1:]):
        f.add("kiwi_split")  # one word Kiwi cut in pieces
    if is_korean_name(compact, reference):
        f.add("korean_name")
    if compact in reference.titles or text in reference.titles:
        f.add("title_word")
    if head_of(compact) is not None:
        f.add("ends_in_head")
    if compact.isupper() and _script(text) == "latin":
        f.add("all_caps")
    # Before the name.
    before = view[first - 1] if first > 0 else None
    if before is None:
        f.add("sentence_start")
    else:
        if not words[0].space_before and before.tag not in ("SSO", "SS", "SP", "SW"):
            f.add("glued_before")  # the end of a longer word
        if before.form in _LIST_MARKS or before.tag == "SW":
            f.add("prev=list_mark")
        elif before.tag in ("SSO", "SS"):
            f.add("prev=open")
        if before.lex:
            f.add("prev_lex=" + before.lex)
        if before.ent:
            f.add("prev_ent=" + before.ent)
        if before.tag == "ETM":
            f.add("prev=adnominal")
    for t in view[max(0, first - 4) : first]:
        if t.lex in ("generic_party", "class"):
            f.add("class_word_before")  # 기업 OO, 기업인 OO
    # After the name.
    after = view[last + 1] if last + 1 < len(view) else None
    if after is None:
        f.add("sentence_end")
    else:
        if not after.space_before and after.tag.startswith(("NN", "XSN")):
            f.add("glued_noun_after")  # the start of a longer word
        if after.lex:
            f.add("next_lex=" + after.lex)
        if after.ent:
            f.add("next_ent=" + after.ent)
        if after.form in _LIST_MARKS:
            f.add("next=list_mark")
        if after.tag == "SSO" and after.close > last + 1:
            inner = view[last + 2 : after.close]
            if inner and all(t.tag == "SL" or t.form in ".&-" for t in inner):
                f.add("next=bracket_latin")
            elif any(t.ent == "person" or t.lex == "title" for t in inner):
                f.add("next=bracket_person")
        if after.form == "사" and not after.space_before:
            f.add("next=sa")
    if after is not None and after.ent == "person":
        f.add("next_person")  # OO 대표 홍길동 / OO 홍길동 대표
    role, _ = np_role(view, last)
    f.add("role=" + (role or "none"))
    # In a list with organizations: a name beside another across a separator.
    listed = _LIST_MARKS | {"와", "과"}
    if first >= 2 and before.form in listed and view[first - 2].ent in ("org", "gov"):
        f.add("list_after_org")
    beyond = view[last + 2] if last + 2 < len(view) else None
    if after is not None and after.form in _LIST_MARKS and beyond and beyond.ent in ("org", "gov"):
        f.add("list_before_org")
    # The sentence's other words.
    classes = {t.lex for t in view}
    if classes & _AGREEMENT_CLASSES:
        f.add("sentence_agreement")
    if classes & _VISIT_CLASSES:
        f.add("sentence_visit")
    if "generic_party" in classes:
        f.add("sentence_class_word")
    if ctx.in_brackets(words[0].start, words[-1].end):
        f.add("in_brackets")
    if ctx.in_quotes(words[0].start, words[-1].end):
        f.add("in_quotes")
    return tuple(sorted(f))


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).lower()
    return re.sub(r"[\W_]+", "", s)


class Catalog:
    def __init__(self, data: dict):
        self.index: dict[str, dict[str, set[str]]] = {}
        for kind in ("organizations", "places", "officials"):
            idx: dict[str, set[str]] = {}
            for key, aliases in data.get(kind, {}).items():
                if key.startswith("_"):
                    continue
                for alias in aliases:
                    idx.setdefault(norm(alias), set()).add(key)
            self.index[kind] = idx

    def keys(self, name: str, kind: str) -> set[str]:
        """As the scorer matches: an exact alias, else the longest alias of 4+ characters
        inside the name."""
        n = norm(name)
        idx = self.index[kind]
        if n in idx:
            return set(idx[n])
        best: set[str] = set()
        best_len = 0
        for alias, keys in idx.items():
            if len(alias) >= 4 and alias in n and len(alias) > best_len:
                best, best_len = set(keys), len(alias)
        return best


def _flat(slots: list) -> set[str]:
    out: set[str] = set()
    for slot in slots:
        out |= set(slot) if isinstance(slot, list) else {slot}
    return out


def label(name: str, gold: dict, catalog: Catalog) -> int | None:
    orgs = gold["organizations"]
    good = _flat(orgs["required"]) | _flat(orgs.get("allowed", []))
    bad = _flat(orgs.get("forbidden", []))
    org_keys = catalog.keys(name, "organizations")
    if org_keys & good:
        return 1
    if org_keys & bad:
        return 0
    if org_keys or catalog.keys(name, "places") or catalog.keys(name, "officials"):
        return None  # a person, a place, another article's organization: not ours to judge
    return 0


@dataclass
class Row:
    article: str
    name: str  # normalised
    features: tuple[str, ...]
    label: int
    by_patterns: bool


def collect(corpus: Path) -> list[Row]:
    """Run the pipeline on every article, recording the detector's candidates."""
    gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))["articles"]
    catalog = Catalog(json.loads((corpus / "catalog.json").read_text(encoding="utf-8")))
    recorded: list[Candidate] = []
    original = extract_module.discover_organizations

    def recording(ctx, registry):
        found = original(ctx, registry)
        recorded.extend(candidates(ctx, token_view(ctx), found))
        return found

    extract_module.discover_organizations = recording
    reference = load_reference()
    rows: list[Row] = []
    for path in sorted((corpus / "raw").glob("*.txt")):
        if path.name not in gold:
            continue
        recorded.clear()
        source = stat_source(path)
        result = extract_module.extract(clean(to_document(source, read_bytes(source))))
        orgs = [m for m in result.mentions if m.entity.kind == "organization"]
        found_keys: set[str] = set()  # the gold organizations the extraction has already
        for m in orgs:
            record = reference.organizations.get(m.entity.key)
            spellings = [m.surface] + ([record.name_ko, record.name_en] if record else [])
            for spelling in filter(None, spellings):
                found_keys |= catalog.keys(spelling, "organizations")
        for cand in recorded:
            y = label(cand.text, gold[path.name], catalog)
            if y is None:
                continue
            # Found by the patterns: the same words are a mention, or (for a name of the
            # gold) its organization is in the extraction under another spelling.
            hit = any(m.start < cand.end and cand.start < m.end for m in orgs) or bool(
                y and catalog.keys(cand.text, "organizations") & found_keys
            )
            rows.append(Row(path.name, norm(cand.text), cand.features, y, hit))
    extract_module.discover_organizations = original
    return rows


def design(rows: list[Row], names: list[str]) -> np.ndarray:
    column = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for r, row in enumerate(rows):
        for f in row.features:
            if f in column:
                x[r, column[f]] = 1.0
    return x


def fit(rows: list[Row], l2: float) -> dict[str, float]:
    """Logistic regression with an L2 penalty (the bias unpenalised), by Newton's method."""
    names = sorted({f for row in rows for f in row.features})
    x = design(rows, names)
    y = np.array([row.label for row in rows], dtype=float)
    w = np.zeros(len(names))
    penalty = np.full(len(names), l2)
    if "bias" in names:
        penalty[names.index("bias")] = 1e-6
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {n: float(v) for n, v in zip(names, w, strict=True) if abs(v) > 1e-9}


def probabilities(rows: list[Row], weights: dict[str, float]) -> list[float]:
    return [1.0 / (1.0 + math.exp(-sum(weights.get(f, 0.0) for f in row.features))) for row in rows]


def by_name(rows: list[Row], probs: list[float]) -> dict[tuple[str, str], list]:
    """(article, name) -> [label, found by the patterns, highest probability]."""
    out: dict[tuple[str, str], list] = {}
    for row, p in zip(rows, probs, strict=True):
        entry = out.setdefault((row.article, row.name), [row.label, False, 0.0])
        entry[0] = max(entry[0], row.label)
        entry[1] = entry[1] or row.by_patterns
        entry[2] = max(entry[2], p)
    return out


def figures(names: dict, threshold: float) -> dict:
    """Patterns alone, the detector on the names the patterns miss, and both."""
    pat = [0, 0, 0]  # tp fp fn over all candidate names
    new = [0, 0, 0]  # over the names the patterns miss
    both = [0, 0, 0]
    for y, hit, p in names.values():
        said = p >= threshold
        pat[0] += hit and y
        pat[1] += hit and not y
        pat[2] += (not hit) and y
        if not hit:
            new[0] += said and y
            new[1] += said and not y
            new[2] += (not said) and y
        either = hit or said
        both[0] += either and y
        both[1] += either and not y
        both[2] += (not either) and y
    return {"patterns": _prf(pat), "learned_new": _prf(new), "patterns_plus_learned": _prf(both)}


def _prf(c: list[int]) -> dict:
    tp, fp, fn = c
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def out_of_fold(rows: list[Row], folds: list[set[str]], l2: float) -> list[float]:
    probs = [0.0] * len(rows)
    for fold in folds:
        train = [r for r in rows if r.article not in fold]
        weights = fit(train, l2)
        test = [i for i, r in enumerate(rows) if r.article in fold]
        for i, p in zip(test, probabilities([rows[i] for i in test], weights), strict=True):
            probs[i] = p
    return probs


def choose_threshold(rows: list[Row], l2: float, min_precision: float, seed: int) -> float:
    """The lowest threshold whose precision on new names, in a cross-validation of
    ``rows`` by article, reaches ``min_precision`` (the highest tried if none does)."""
    folds = split(sorted({r.article for r in rows}), 4, seed)
    names = by_name(rows, out_of_fold(rows, folds, l2))
    for t in GRID:
        fig = figures(names, t)["learned_new"]
        if fig["tp"] and fig["p"] >= min_precision:
            return t
    return 1.01


def split(articles: list[str], k: int, seed: int) -> list[set[str]]:
    shuffled = list(articles)
    random.Random(seed).shuffle(shuffled)
    return [set(shuffled[i::k]) for i in range(k)]


def evaluate(rows, folds, l2, min_precision, seed) -> tuple[dict, list[dict]]:
    """Nested cross-validation: each outer fold's threshold from its training articles."""
    probs = [0.0] * len(rows)
    said = [False] * len(rows)
    per_fold = []
    for fold in folds:
        train = [r for r in rows if r.article not in fold]
        t = choose_threshold(train, l2, min_precision, seed)
        weights = fit(train, l2)
        test_idx = [i for i, r in enumerate(rows) if r.article in fold]
        test = [rows[i] for i in test_idx]
        ps = probabilities(test, weights)
        for i, p in zip(test_idx, ps, strict=True):
            probs[i] = p
            said[i] = p >= t
        fold_fig = figures(by_name(test, [1.0 if p >= t else 0.0 for p in ps]), 0.5)
        per_fold.append({"articles": len(fold), "threshold": t, **fold_fig})
    total = figures(by_name(rows, [1.0 if s else 0.0 for s in said]), 0.5)
    return total, per_fold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--min-precision", type=float, default=0.9)
    parser.add_argument("--seed", type=int, default=22)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    rows = collect(args.corpus)
    articles = sorted({r.article for r in rows})
    names = by_name(rows, [0.0] * len(rows))
    positives = sum(1 for y, _, _ in names.values() if y)
    print(
        f"{len(rows)} candidates in {len(articles)} articles; {len(names)} names, "
        f"{positives} of them organizations of the gold, "
        f"{sum(1 for y, h, _ in names.values() if y and not h)} missed by the patterns"
    )
    report: dict = {}
    total, per_fold = evaluate(
        rows, split(articles, 5, args.seed), args.l2, args.min_precision, args.seed
    )
    report["cv5"] = {"total": total, "folds": per_fold}
    early = {a for a in articles if not a.startswith("d5")}
    halves = {}
    for name, test in (
        ("d5_trained_on_d1-d4", set(articles) - early),
        ("d1-d4_trained_on_d5", early),
    ):
        t = choose_threshold(
            [r for r in rows if r.article not in test], args.l2, args.min_precision, args.seed
        )
        weights = fit([r for r in rows if r.article not in test], args.l2)
        test_rows = [r for r in rows if r.article in test]
        ps = probabilities(test_rows, weights)
        halves[name] = {"threshold": t, **figures(by_name(test_rows, ps), t)}
    report["halves"] = halves
    oof = by_name(rows, out_of_fold(rows, split(articles, 5, args.seed), args.l2))
    report["cv5_by_threshold"] = {str(t): figures(oof, t)["learned_new"] for t in GRID}
    print(json.dumps(report, indent=1))

    threshold = choose_threshold(rows, args.l2, args.min_precision, args.seed)
    weights = fit(rows, args.l2)
    print("threshold on all articles:", threshold)
    for n, w in sorted(weights.items(), key=lambda kv: -abs(kv[1]))[:25]:
        print(f"  {w:+.2f} {n}")
    if args.json:
        out = {
            "l2": args.l2,
            "threshold": threshold,
            "cross_validated": report,
            "weights": dict(sorted(weights.items())),
        }
        args.json.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
