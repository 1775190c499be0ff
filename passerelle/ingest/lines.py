"""What each line of a scraped page is: paragraph, caption, credit, stamp, navigation...

The plain-text cleaner (``passerelle.ingest.text``) reads a page line by line; this
module only names the shape of one line, so every rule can be tested alone. The
rules are about shape (length, end punctuation, credit markers), never about the
topic of one article. Internal to ``passerelle.ingest`` (not a stable API).
"""

from __future__ import annotations

import re
import unicodedata
from enum import Enum

from passerelle.ingest.dates import find_date


class Kind(str, Enum):
    """The shape of one line of a scraped page."""

    BLANK = "blank"
    PARAGRAPH = "paragraph"  # a sentence or more of running text
    TITLELIKE = "titlelike"  # short, no sentence punctuation: headline, kicker, subheading
    CAPTION = "caption"  # text followed by a photo credit "(Photo: VNA)"
    CREDIT = "credit"  # a credit alone: "Photo: NAME" (the line before is the caption)
    PLACEHOLDER = "placeholder"  # "<headline> photo 1": where an image was
    IMAGE = "image"  # markup left over from an image or a table
    SOURCE = "source"  # "Source: https://..."
    NAV = "nav"  # navigation words and comment counters
    STAMP = "stamp"  # outlet and date stamp: "Báo Nhân dân 10/03/2025"
    COUNTER = "counter"  # "Guest Online : 31"
    BYLINE = "byline"  # "By NAME", "Theo NAME", a name in capitals
    RELATED = "related"  # ">>" links, headlines glued together
    JUNK = "junk"  # long runs of words without any punctuation (tag clouds)


# A sentence ends with . ! ? … : or ; possibly followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…:;][\"”’'»)\]]*$")
_INTERNAL_PUNCT = re.compile(r"[.,;:!?] \S")
_CREDIT_WORDS = r"(?:photos?|ảnh|foto|crédits?(?: photo)?|credits?|photo credit|image|nguồn ảnh)"
_CREDIT_TAIL = re.compile(
    rf"(?i)[\s\-–—]*\(?\s*{_CREDIT_WORDS}\s*:\s*([^()\n]{{1,80}}?)\s*\)?\s*[.|]*\s*$"
)
# A credit without a colon after the caption's last sentence: "... on Monday. Photo
# courtesy of NAME", "... lundi. Photo La Gazette / NAME", "... © NAME".
_CREDIT_LOOSE = re.compile(
    r"(?i)(?<=[.!?\"”»])\s+(?:photos?|ảnh|crédit photo|©)"
    r"(?:\s+(?:courtesy of|by|credit|de|par))?\s*:?\s+([^\s.!?()][^.!?()\n]{0,60})$"
    r"|(?<=[.!?\"”»])\s+\|\s+([^\s.!?()|][^.!?()|\n]{0,50})$"  # "... in the city. | KYODO"
)
# A colon-less credit in brackets: "(Photo courtesy of NAME)", "(Photo by NAME)".
_CREDIT_PAREN = re.compile(
    r"(?i)\s*\(\s*(?:photos?|ảnh|image|credit)\s+(?:courtesy(?: of)?|by|de|par)\s+"
    r"([^()\n]{1,80}?)\s*\)\s*[.|]*\s*$"
)
# A bare credit in brackets, French style: "(Photo Le Courrier/J.D.)", "(Photo K.L.)". The
# credit must start with a capital (``_bare_paren_credit``): "(photo ci-dessus)" is text.
_CREDIT_PAREN_BARE = re.compile(
    r"(?i)\s*\(\s*(?:photos?|foto|ảnh)\s+([^()\n:]{1,60}?)\s*\)\s*[.|]*\s*$"
)
# A copyright credit, wherever the caption stops (with or without a full stop, maybe in
# brackets, maybe after "Photo"): "... au siège du port © Port Autonome", "(© AFP)".
_CREDIT_COPYRIGHT = re.compile(
    r"(?i)\s*[(\[]?\s*(?:(?:photos?|ảnh|crédits?(?: photo)?|credits?|image)\s*:?\s*)?©\s*"
    r"([^©()\[\]\n]{1,60}?)\s*[)\]]?\s*\.?$"
)
# A copyright notice of the site ("Tous droits réservés © Outlet") is not a caption.
_RIGHTS = re.compile(r"(?i)rights reserved|droits réservés|bản quyền|copyright")
_CREDIT_ONLY = re.compile(rf"(?i)^\(?\s*{_CREDIT_WORDS}\s*:\s*[^()]{{1,80}}\)?\.?$")
_PLACEHOLDER = re.compile(r"(?i)\s(?:photo|ảnh|image|hình)\s*\d{1,2}$")
_SOURCE = re.compile(r"(?i)^(?:source|nguồn|source url|lien|lien source)\s*:\s*(https?://\S+)$")
_COUNTER = re.compile(r"^[^\d:]{2,40}\s*:\s*\d[\d.,]*$")
_COMMENTS = re.compile(
    r"(?i)^(?:comments?|bình luận|ý kiến|commentaires?|kommentare?)\s*[\(\[]?\s*\d*\s*[\)\]]?$"
)
_BYLINE = re.compile(r"(?i)^(?:by|par|theo|written by|bài và ảnh|bài, ảnh|von)\s+[^.!?]{2,60}$")
# Who wrote the story, in the shapes outlets use with or without "By": a lead-in
# ("Reported by", "Text and photos:", "Bài và ảnh:", "Correspondance de", "From our
# correspondent in") then names; "NAME reports from PLACE"; "— NAME, VNA correspondent
# in PLACE". The names part is checked apart (``_names``) so a headline that starts
# with "By" ("By 2030, Hanoi aims ...") stays a headline.
_BYLINE_LEAD = re.compile(
    r"(?i)^[\-–—]?\s*(?:(?:written|reported|report|story|words|text|reporting|compiled)"
    r"(?: and (?:photos?|text|words))? by|by|par|theo|von"
    r"|(?:story|text|words|texte|reportage|rédaction|reporters?|report|bài|bài và ảnh|bài, ảnh"
    r"|text and photos?|texte et photos?|words and pictures|story and photos?)\s*:"
    r"|correspondance (?:de|d'|du)|de notre (?:envoyée?|correspondante?)s?"
    r"(?: spéciale?s?| permanente?s?)?(?: (?:à|en|au|aux))?"
    r"|from our (?:own |special |staff )?correspondents?(?: in| at)?"
    r"|our (?:own |special )?correspondents? in|nhóm phóng viên|phóng viên)\s*(?=\S)"
)
# The same with no name or place after it: "From our correspondent", "De notre envoyé spécial".
_BYLINE_ALONE = re.compile(
    r"(?i)^(?:(?:from )?our (?:own |special |staff )?correspondents?"
    r"|de (?:notre|nos) (?:envoyée?|correspondante?)s?(?: spéciale?s?| permanente?s?)?)\.?$"
)
# An author label, then names, maybe then the author's office after a dash: "Tác giả: NAME
# - Trung tâm Truyền thông tỉnh", "Auteur : NAME", "Author: NAME - Press office".
_AUTHOR_LABEL = re.compile(r"(?i)^(?:tác giả|auteure?|autrice|authors?)\s*:\s*(?=\S)")
_BYLINE_REPORTS = re.compile(
    r"^(?P<name>[^,]{3,50}?)\s+(?:reports|reporting|writes|writing) from\s+(?P<place>.{2,40})$"
)
# "— NAME, VNA correspondent in PLACE", "NAME, Staff Reporter", "NAME, envoyé spécial à PLACE".
_BYLINE_ROLE = re.compile(
    r"(?i)^[\-–—]?\s*(?P<name>[^,]{3,50}),\s*(?:[\w.'’]+\s+){0,3}(?:correspondents?|reporters?"
    r"|correspondante?s?|envoyée?s? spéciale?s?|journalistes?|staff writer|phóng viên(?:\s+\w+)?)"
    r"(?:\s+(?:in|at|for|à|en|au|tại|ở)\s+(?P<place>[^,]{2,40}))?\.?$"
)
# Words that may sit between the capitalised words of names and places.
_NAME_JOINERS = frozenset(
    "and & et und và y de du des d' la le van von der den da di al bin ibn in at à en au aux"
    " of tại ở".split()
)
_BYLINE_MAX_WORDS = 14
_IMAGE = re.compile(r"^(?:!\[[^\]]*\]\([^)]*\)\s*\|?|[|\s\-:]+)$")
_BULLET = re.compile(r"^[-•*+–▪●]\s+\S")
_RELATED_MARK = re.compile(r"^(?:>>|»|›|\+\+)")
# A link in a box written on one line: "READ MORE: <headline>", "Lire aussi : <headline>".
_BOX_LINK = re.compile(
    r"(?i)^(?:read more|read also|see also|related|also read|lire aussi|à lire aussi|voir aussi"
    r"|xem thêm|tin liên quan|đọc thêm|mehr zum thema|lesen sie auch"
    r"|related (?:news|stories|articles)|(?:also on|more from|more on) [^:]{1,30})\s*[:>»|\-–]\s*\S"
)
# Headlines of other stories strung on one line: "A headline | Another headline".
_PIPED = re.compile(r"\s[|•]\s")
_PIPED_MIN_WORDS = 3
# An agency footer alone on its line after the story: "VNA/VNP", "TTXVN/VNP".
_AGENCY_FOOTER = re.compile(r"^[A-Z]{2,6}(?:/[A-Z]{2,6})+$")
# Chrome that may sit anywhere: consent banners, subscription and advertising inserts,
# the wire's standards line.
_COOKIE = re.compile(r"(?i)\bcookies?\b")
_CONSENT = re.compile(
    r"(?i)\b(?:we use|nous utilisons|this (?:web)?site|ce site|our (?:web)?site|notre site"
    r"|site web|trang web|uses cookies|utilise des cookies|sử dụng cookie)"
)
_PROMO = re.compile(
    r"(?i)^(?:advertisement|publicité|quảng cáo|sponsored|annonce|anzeige|werbung"
    r"|scroll to continue"
    r"|sign up\b|subscribe\b|abonnez-vous\b|inscrivez-vous\b|s'abonner\b|đăng ký nhận\b"
    r"|our standards\b|was this article|did you (?:find|like) this"
    r"|cet article vous a (?:été utile|plu)"
    r"|vous avez aimé cet article|bài viết (?:này )?có hữu ích)"
)
# Reading time: "Lecture : 2 min.", "3 min read", "Lesezeit: 4 Minuten".
_READING_TIME = re.compile(
    r"(?i)^(?:(?:temps de )?lecture|reading time|read time|lesezeit|thời gian đọc)\s*:?\s*\d+\s*min"
    r"|^\d+\s*(?:min(?:ute)?s?|minuten)\.?\s*(?:read|de lecture|lesezeit|đọc)?\.?$"
)
# A plea to subscribe: "quality journalism is more crucial than ever", "By subscribing..."
_JOURNALISM = re.compile(r"(?i)journalism|subscrib|abonn|đăng ký")
_PITCH = re.compile(
    r"(?i)by subscribing|support (?:our|quality|independent)|more crucial than ever"
    r"|help us|become a (?:member|subscriber)|en vous abonnant|soutenez"
)
# The wire's credits after a story: "Reporting by NAME; Editing by NAME".
_WIRE_CREDITS = re.compile(r"(?i)^\(?(?:additional )?(?:reporting|writing|editing|compiled) by\b")

# Navigation words of the outlets we read (English, French, Vietnamese), compared
# case-folded. Chosen from the page chrome of Vietnamese news sites and their
# French/English editions; extend when a new outlet shows others.
NAV_WORDS = frozenset(
    """same tag|same category|same author|no data|no videos available|related news|related
    |related articles|related stories|read more|see also|more news|latest news|most read
    |most popular|tags|tag|share|print|back to top|tin liên quan|tin cùng chuyên mục
    |xem thêm|bài liên quan|tin khác|tin mới|đọc nhiều|chia sẻ|từ khóa|lire aussi|voir aussi
    |sur le même sujet|à lire aussi|dans la même rubrique|articles liés|mots-clés|other news
    |read next|read also|related posts|more stories|share this article|share this|email|e-mail
    |facebook|twitter|linkedin|zalo|copy link|copier le lien|imprimer|partager|back to top
    |tin cùng chủ đề|đọc thêm|tin nổi bật|mehr zum thema|lesen sie auch|keywords|key words
    |mots clés|schlagwörter|từ khoá|in bài viết|in bài|gửi email|gửi bài viết|artikel teilen
    |các tin khác|tin đã đưa|editor's picks|recommended|you may also like|trending""".replace(
        "\n", ""
    ).split("|")
)
NAV_WORDS = frozenset(w.strip() for w in NAV_WORDS)
# Headings of boxes of links that some sites put in the middle of a story.
BOX_WORDS = frozenset(
    """related news|related|related articles|related stories|read more|read also|see also
    |more news|tin liên quan|bài liên quan|xem thêm|đọc thêm|lire aussi|à lire aussi|voir aussi
    |sur le même sujet|mehr zum thema|lesen sie auch""".replace("\n", "").split("|")
)
BOX_WORDS = frozenset(w.strip() for w in BOX_WORDS)

# Longest line still read as a headline: tag clouds and menus glued on one line run
# longer. Chosen from headlines of the dev corpus (the longest is ~25 words).
MAX_TITLE_WORDS = 30


def words(line: str) -> list[str]:
    """Whitespace-separated words of ``line``."""
    return line.split()


def ends_sentence(line: str) -> bool:
    """True when ``line`` ends like a sentence (". ! ? … : ;", maybe then a quote)."""
    return bool(_SENTENCE_END.search(line)) and not line.endswith("...)")


def glued_joints(line: str) -> int:
    """How many times a lower-case letter is glued to an upper-case one ("KỳLãnh")."""
    return sum(1 for a, b in zip(line, line[1:]) if b.isupper() and a.islower())


def split_credit(line: str) -> tuple[str, str] | None:
    """``(caption, credit)`` when ``line`` ends with a photo credit, else None."""
    m = (_CREDIT_TAIL.search(line) or _CREDIT_PAREN.search(line) or _loose_credit(line)
         or _copyright_credit(line) or _bare_paren_credit(line))
    credit = m and next(g for g in m.groups() if g)
    if not credit or len(credit.split()) > 8:
        return None
    caption = line[: m.start()].rstrip(" -–—|")
    if len(words(caption)) < 2 or _RIGHTS.search(caption):
        return None
    return caption, credit.strip()


def _copyright_credit(line: str) -> re.Match[str] | None:
    """A "© NAME" credit naming its holder with a capital ("© 2026 ..." is a notice)."""
    m = _CREDIT_COPYRIGHT.search(line)
    return m if m and m.group(1)[0].isupper() else None


def _bare_paren_credit(line: str) -> re.Match[str] | None:
    """A "(Photo NAME)" credit naming a holder with a capital, not a number ("(Photo 2)")."""
    m = _CREDIT_PAREN_BARE.search(line)
    return m if m and m.group(1)[0].isupper() else None


def _loose_credit(line: str) -> re.Match[str] | None:
    """A colon-less credit whose text starts with a capital ("Photo by Nam Tran")."""
    m = _CREDIT_LOOSE.search(line)
    return m if m and (m.group(1) or m.group(2))[0].isupper() else None


def source_url(line: str) -> str | None:
    """The URL of a ``Source: URL`` line."""
    m = _SOURCE.match(line)
    return m.group(1) if m else None


def is_nav(line: str) -> bool:
    """True for navigation words ("Same tag"), a row of them ("Print | Email"),
    comment counters ("Comment (0)") and an agency footer ("VNA/VNP")."""
    key = unicodedata.normalize("NFC", line).casefold().strip(" :|•·-")
    if key in NAV_WORDS or _COMMENTS.match(line) or _AGENCY_FOOTER.match(line):
        return True
    parts = [p.strip() for p in re.split(r"\s[|•·/]\s", key)]
    return len(parts) > 1 and all(p in NAV_WORDS for p in parts)


def is_box_word(line: str) -> bool:
    """True for the heading of a box of links ("Related news", "READ MORE:", "Tin liên quan").

    Such a box sits at the end of a story or, on many sites, in its middle.
    """
    key = unicodedata.normalize("NFC", line).casefold().strip(" :|•·-")
    return key in BOX_WORDS


def is_byline(line: str) -> bool:
    """True for "By NAME", "Theo NAME", another byline shape or a short name in capitals.

    See ``byline_shaped`` for the shapes without "By".
    """
    n = len(words(line))
    if (n <= 6 and _BYLINE.match(line)) or byline_shaped(line):
        return True
    letters = [c for c in line if c.isalpha()]
    return 1 <= n <= 5 and bool(letters) and all(c.isupper() for c in letters) and (
        not ends_sentence(line) or line.endswith(".")
    ) and not any(c.isdigit() for c in line)


def byline_shaped(line: str) -> bool:
    """True for a byline with or without "By", whatever the words before the names.

    Shapes: "Reported by NAME", "By NAME and NAME", "Story: NAME", "Text and photos:
    NAME", "Bài và ảnh: NAME", "Par NAME", "Correspondance de NAME", "From our
    correspondent in PLACE", "NAME reports from PLACE", "— NAME, VNA correspondent in
    PLACE". The names (and places) must be words with capitals, so a headline or a
    sentence that starts the same way ("By 2030, ...", "Story: how the port grew") is
    not a byline.
    """
    if len(words(line)) > _BYLINE_MAX_WORDS or any(c in line for c in "()[]|!?;\"“”"):
        return False
    if _BYLINE_ALONE.match(line):
        return True
    m = _AUTHOR_LABEL.match(line)
    if m:
        return _names(re.split(r"\s[-–—]\s", line[m.end():], maxsplit=1)[0])
    m = _BYLINE_LEAD.match(line)
    if m:
        return _names(line[m.end():])
    m = _BYLINE_REPORTS.match(line.lstrip("-–— "))
    if m:
        return _names(m.group("name")) and _names(m.group("place"))
    m = _BYLINE_ROLE.match(line)
    if m:
        return _names(m.group("name")) and (m.group("place") is None or _names(m.group("place")))
    return False


def _names(text: str) -> bool:
    """True when ``text`` reads as names or places: capitalised words and joiners only.

    "Minh Chau and Le Thu", "Paris", "NGỌC HÂN", "Camille Bertin et Hugo Lemaire".
    """
    text = text.strip().rstrip(".").strip()
    tokens = [w for w in re.split(r"[\s,/]+", text) if w]
    if not tokens or any(c.isdigit() for c in text):
        return False
    for w in tokens:
        if w.casefold() in _NAME_JOINERS or w.casefold().startswith(("d'", "d’", "l'", "l’")):
            continue
        if not w[0].isupper() or not any(c.isalpha() for c in w):
            return False
    return tokens[0] not in _NAME_JOINERS and tokens[-1] not in _NAME_JOINERS  # "Le" is a name


# A publication or update label that opens a stamp: "Publié le", "Mis à jour :",
# "Updated:", "Cập nhật lúc". Such a line may carry two dates and two times, so it may run
# longer than a bare stamp.
_STAMP_LABEL = re.compile(
    r"(?i)^(?:last |dernière )?(?:published|posted|updated|modified|publié(?:e)?|mis(?:e)? à jour"
    r"|modifié(?:e)?|actualisé(?:e)?|cập nhật|đăng(?: lúc| ngày)?|ngày đăng|thời gian)"
    r"(?=\s*(?::|le\b|on\b|at\b|à\b|lúc\b|ngày\b|\d))"
)
# A clock time: "16:20", "14h05", "9h", "4.20 pm".
_TIME = re.compile(r"(?i)\b\d{1,2}(?:[:h]\d{2}|h\b|[.:]\d{2}\s*[ap]\.?m\b)")
MAX_STAMP_WORDS = 12
MAX_LABELLED_STAMP_WORDS = 30


def stamp_labelled(line: str) -> bool:
    """True for a line that opens with a publication/update label and writes a date or time.

    "Publié le 12/03/2025 à 14h05 - Mis à jour le 12/03/2025 à 16h20", "Updated: 10:20".
    Such a line is never a headline, whatever its length.
    """
    return bool(_STAMP_LABEL.match(line)) and bool(_TIME.search(line) or find_date(line))


def is_stamp(line: str, host: str | None = None) -> bool:
    """True for a short outlet/date stamp: a full date and no sentence.

    A stamp that opens with a label ("Publié le ... - Mis à jour le ...") may be longer.
    """
    limit = MAX_LABELLED_STAMP_WORDS if _STAMP_LABEL.match(line) else MAX_STAMP_WORDS
    if len(words(line)) > limit or (ends_sentence(line) and not line.endswith(tuple("0123456789"))):
        return False
    return find_date(line, host=host) is not None


def classify(line: str, host: str | None = None) -> Kind:
    """The shape of one (stripped) line.

    Args:
        line: the line, with surrounding white space and table pipes removed.
        host: the outlet's host, for day-first/month-first stamps.

    Returns:
        The line's ``Kind``.
    """
    if not line:
        return Kind.BLANK
    for test, kind in _ORDERED_TESTS:
        if test(line, host):
            return kind
    return _text_kind(line)


def _piped_headlines(line: str) -> bool:
    """Two or more headline-long pieces separated by " | " (a menu's pieces are single words)."""
    parts = _PIPED.split(line)
    return len(parts) >= 2 and all(len(words(p)) >= _PIPED_MIN_WORDS for p in parts)


def _text_kind(line: str) -> Kind:
    n = len(words(line))
    if _BULLET.match(line) and n >= 4:
        return Kind.PARAGRAPH  # an item of a list inside the story
    if ends_sentence(line):
        return Kind.PARAGRAPH if n >= 4 else Kind.TITLELIKE
    if glued_joints(line) >= 2 or _piped_headlines(line):
        return Kind.RELATED
    if n > MAX_TITLE_WORDS:
        return Kind.PARAGRAPH if _INTERNAL_PUNCT.search(line) else Kind.JUNK
    if n >= 12 and _INTERNAL_PUNCT.search(line) and _sentence_break(line):
        return Kind.PARAGRAPH
    return Kind.TITLELIKE


def _sentence_break(line: str) -> bool:
    """True when a full stop inside ``line`` ends a sentence, not an abbreviation.

    "TP. Hồ Chí Minh", "Mr. Lam", "St. Malo", "U.S. envoy" hold abbreviations: a short
    capitalised word or dotted letters before the stop.
    """
    return any(not _abbreviation(m.group(1)) for m in _STOP.finditer(line))


_STOP = re.compile(r"(\S+)\.(?= \S)")
# Capitals this short before a stop abbreviate ("TP." thành phố, "Q." quận, "M." monsieur,
# initials); a short name ("Hue.") ends a sentence.
_ABBREVIATION_CAPITALS = 2
# Titles and words abbreviated in running text, compared case-folded.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st mt ste mme mlle mgr pr prof jr sr gen col capt lt sen rep gov no vs"
    " ths ts pgs gs tx tt".split()
)


def _abbreviation(word: str) -> bool:
    word = word.lstrip("([\"“'‘«")
    if "." in word:  # "U.S", "e.g"
        return all(len(p) <= 2 and p.isalpha() for p in word.split("."))
    if word.isalpha() and word.isupper() and len(word) <= _ABBREVIATION_CAPITALS:
        return True
    return word.casefold() in _ABBREVIATIONS


def is_chrome(line: str) -> bool:
    """True for consent banners, subscription or advertising inserts ("Sign up here.")."""
    if (_COOKIE.search(line) and _CONSENT.search(line)) or _READING_TIME.match(line):
        return True
    if _JOURNALISM.search(line) and _PITCH.search(line) and len(words(line)) <= 40:
        return True
    return bool(_PROMO.match(line)) and len(words(line)) <= 25


_ORDERED_TESTS = (
    (lambda s, h: bool(_IMAGE.match(s)), Kind.IMAGE),
    (lambda s, h: is_chrome(s), Kind.JUNK),
    (lambda s, h: bool(_WIRE_CREDITS.match(s)) and len(words(s)) <= 30, Kind.NAV),
    (lambda s, h: bool(_BOX_LINK.match(s)), Kind.RELATED),
    (lambda s, h: source_url(s) is not None, Kind.SOURCE),
    (lambda s, h: is_nav(s), Kind.NAV),
    (lambda s, h: byline_shaped(s), Kind.BYLINE),  # before credits: "Text and photos: X"
    (lambda s, h: bool(_CREDIT_ONLY.match(s)), Kind.CREDIT),
    (lambda s, h: split_credit(s) is not None, Kind.CAPTION),
    (lambda s, h: bool(_PLACEHOLDER.search(s)) and len(words(s)) >= 3, Kind.PLACEHOLDER),
    (lambda s, h: bool(_RELATED_MARK.match(s)), Kind.RELATED),
    (lambda s, h: bool(_COUNTER.match(s)), Kind.COUNTER),
    (lambda s, h: is_stamp(s, h), Kind.STAMP),
    (lambda s, h: is_byline(s), Kind.BYLINE),
)
