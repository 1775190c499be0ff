"""Name normalisation: diacritics folding, title stripping, match keys.

Not a stable API beyond what :mod:`passerelle.resolve` re-exports.
"""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

# Leading words that are titles or honorifics, not part of a name (English, French,
# Vietnamese, already folded). Only *leading* tokens are stripped: "Ambassador Thang"
# becomes "thang", which is then too short to match across articles.
_TITLE_WORDS = frozenset(
    """
    mr mrs ms miss dr prof professor sir madam madame mme mlle m monsieur his her excellency he
    ambassador ambassadeur ambassadress mayor maire president presidente minister ministre
    deputy vice chairman chairwoman chair secretary general consul governor prefect prefet
    senator senateur depute deputee premier prime director directeur directrice head chief
    comrade ong ba
    """.split()
)
# Vietnamese titles are two-syllable phrases whose syllables are also surnames
# ("Truong", "Chu"), so they are stripped only as whole phrases.
_TITLE_PHRASES = (
    "dai su", "thi truong", "chu tich", "bi thu", "dong chi", "tong lanh su", "lanh su",
    "pho chu tich", "pho thi truong", "bo truong", "thu truong", "thu tuong",
)
_ARTICLES = frozenset({"the", "le", "la", "les", "l"})
# Before a person's name only these: "Le" and "La" are Vietnamese surnames (Lê, La).
_PERSON_ARTICLES = frozenset({"the", "l"})
_NON_WORD = re.compile(r"[^a-z0-9]+")
_ACRONYM = re.compile(r"^[A-ZĐ][A-Z0-9Đ&.-]{1,9}$")


def fold(text: str) -> str:
    """Lower-case ASCII form with punctuation turned into single spaces.

    Args:
        text: any name or phrase ("Đinh Toàn Thắng", "Hà-Nội").

    Returns:
        The folded form ("dinh toan thang", "ha noi").
    """
    text = text or ""
    return _fold_name(text) if len(text) <= 120 else _fold(text)


def _fold(text: str) -> str:
    return _NON_WORD.sub(" ", unidecode(text).lower()).strip()


# Names are folded many times per article (match keys, lookups): remember recent ones.
_fold_name = lru_cache(maxsize=65536)(_fold)


def strip_titles(folded: str) -> str:
    """Remove leading title words and articles from a folded name.

    Args:
        folded: output of :func:`fold`.

    Returns:
        The name without its leading titles (may be empty).
    """
    tokens = folded.split()
    changed = True
    while tokens and changed:
        changed = False
        if tokens[0] in _TITLE_WORDS or tokens[0] in _PERSON_ARTICLES:
            tokens.pop(0)
            changed = True
            continue
        for phrase in _TITLE_PHRASES:
            size = phrase.count(" ") + 1
            if " ".join(tokens[:size]) == phrase and len(tokens) > size:
                del tokens[:size]
                changed = True
                break
    return " ".join(tokens)


def person_key(name: str) -> tuple[str, bool]:
    """Match key of a person's name form and whether it may match across articles.

    Only full names (two tokens or more once titles are stripped) match across
    articles: a surname ("Nguyen") or a title with a surname ("Ambassador Thang")
    never does.

    Args:
        name: a name form as written.

    Returns:
        ``(key, matchable)``.
    """
    key = strip_titles(fold(name))
    return key, len(key.split()) >= 2


# Words of generic organisation names ("Municipal People's Committee", "Comité populaire
# municipal", "Ministry of Foreign Affairs" is *not* all generic). A name made only of
# these says which kind of body, not which one, so it never matches across articles.
_GENERIC_ORG_WORDS = frozenset(
    """
    the of de du des la le les l and et s people peoples committee comite populaire municipal
    municipale provincial provinciale city town province council conseil departmental
    departemental regional government gouvernement ministry ministere department office
    authorities authority administration embassy ambassade consulate consulat chamber
    ubnd uy ban nhan dan tinh thanh pho so bo dai su quan
    """.split()
)


def org_key(name: str) -> tuple[str, bool]:
    """Match key of an organisation's name form and whether it may match.

    Multi-word names and acronyms ("AFD", "UNESCO") match; a single ordinary word
    ("Ministry") does not.

    Args:
        name: a name form as written.

    Returns:
        ``(key, matchable)``.
    """
    tokens = fold(name).split()
    while tokens and tokens[0] in _ARTICLES:
        tokens.pop(0)
    key = " ".join(tokens)
    if all(t in _GENERIC_ORG_WORDS for t in tokens):
        return key, False
    return key, len(tokens) >= 2 or bool(_ACRONYM.match(name.strip()))


def place_key(name: str) -> tuple[str, bool]:
    """Match key of a place name: folded with spaces removed ("Ha Noi" = "Hanoi").

    Args:
        name: a place name as written.

    Returns:
        ``(key, matchable)``; every non-empty place name may match (country and
        gazetteer id decide compatibility).
    """
    key = fold(name).replace(" ", "")
    return key, bool(key)


_KEYERS = {"person": person_key, "organization": org_key, "place": place_key}


def name_forms(kind: str, name: str, aliases: list[str]) -> list[tuple[str, str, bool, bool]]:
    """All distinct name forms of one entity of one article.

    Args:
        kind: ``person``, ``organization`` or ``place``.
        name: the main name.
        aliases: other forms seen in the article.

    Returns:
        ``[(form, key, primary, matchable)]``, the main name first, one per spelling.
    """
    keyer = _KEYERS[kind]
    out: list[tuple[str, str, bool, bool]] = []
    seen: set[str] = set()
    for i, form in enumerate([name, *aliases]):
        key, matchable = keyer(form)
        if key and form.strip() not in seen:
            seen.add(form.strip())
            out.append((form.strip(), key, i == 0, matchable))
    return out
