"""Commitments in English news: forward-looking statements of a named side.

Component ``commitments.en.v1`` (issue 4). One sentence of the body at a time, a
table of trigger phrases gives the kind:

- intent: "expressed the desire / his interest in (doing)", "wish", "hope(d) to / that",
  "aim to", "is considering";
- proposal: "proposed", "suggested", "recommended";
- appeal: "called on", "urged", "asked ... to" (an invitation when it is one);
- pledge: "pledged", "vowed", "affirmed X's commitment", "is committed to", "will do
  his best/utmost", "ready to", "offers all possible support", "<actor> will <verb>";
- agreement: "the (two) sides agreed to / on";
- invitation: "invited ... to", "invitation".

The actor is the person named (or referred to by a pronoun or a role such as "the
Mayor") nearest before the trigger, else the speaker of a "he said" clause, else the
organisation nearest before it. "Representatives of the X city government" makes
"X city government" the actor, with X and its mayor as ``actor_aliases``. A person's
town or organisation (the ``of`` of their title) joins the aliases when the sentence
speaks for it ("his city's wish", "the city will"). Praise and descriptions of the
past have no trigger; wishes of unnamed sides ("the desire of local partners",
"companies expressed their intention") have no actor and are dropped. Travel plans
("will visit", "will attend") are events, not commitments.

Not commitments either: a "courtesy call on" or a ship's "port call", a leader's order
to his own administration ("asked the competent agencies to"), a programme item ("is
scheduled to visit X, where Y will present"). "The two sides agreed to set up a
twinning between A and B" is A's agreement; "Under the agreement, the two universities
will ..." is the agreement of the first party of the signing the article reported.

``status`` is ``signed`` when the sentence says a document was signed, ``agreed`` for
agreements, else ``proposed``.
"""

from __future__ import annotations

import re

from passerelle import registry
from passerelle.extract.actors import Actor, Hit, SentenceActors, resolve_sentences
from passerelle.extract.base import Analysis
from passerelle.extract.eventkit import sectors_of
from passerelle.records import Commitment, Person

__all__ = ["run", "extract_commitments", "TRIGGERS"]

_I = re.IGNORECASE
# (kind, pattern); one sentence may hold several kinds, but one item per actor and kind.
TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    ("invitation", re.compile(r"\binvit(?:ed|es|e|ing)\b[^.;]{0,80}?\bto\b|"
                              r"(?<!at the )(?<!at the official )\binvitation\b(?!\s+of\b)",
                              _I)),  # "welcomed the invitation": see _ANSWERED
    ("agreement", re.compile(r"\bagreed\s+(?:to|on)\b", _I)),
    ("appeal", re.compile(r"\b(?:called|calls|call)\s+(?:on|upon|for)\b|\b(?:urged|urges|urge)\b|"
                          r"\b(?:asked|asks|requested|requests|encouraged|encourages|encouraging)\b"
                          r"(?=[^.;]{0,80}?\bto\b)", _I)),
    ("proposal", re.compile(r"\b(?:proposed|proposes|propose|suggested|suggesting|suggests|"
                            r"recommended|put forward)\b", _I)),
    ("pledge", re.compile(
        r"\b(?:pledged|pledges|pledge|vowed|vows|promised|promises)\b|"
        r"\bcommitment\s+to\b|\b(?:is|are|was|were|remains?)\s+committed\s+to\b|"
        r"\bdo\s+(?:his|her|their|its)\s+(?:best|utmost)\b|"
        r"\b(?:always\s+)?ready\s+to\b|\breadiness\s+to\b|\boffers?\s+(?:all\s+possible|every|full)\s+support\b|"
        # A lender's decision: "the bank has approved a loan of 45 million EUR".
        r"\b(?:has|have)\s+(?:also\s+)?(?:approved|granted|earmarked)\s+(?:a|an)\s+"
        r"(?:[\w$€£.,-]+\s+){0,4}?(?:loan|grant|credit\s+line)\b",
        _I)),
    ("intent", re.compile(
        r"\b(?:desire|wish|wishes|interest|intention|willingness)\s+"
        r"(?:to|that|in\s+\w+ing|for)\b|\b(?:hope|hopes|hoped|hoping)\b|\b(?:aim(?:s|ed)?|want(?:s|ed)?|wished|intend(?:s|ed)?|plans?)\s+to\b|"
        r"\b(?:is|are)\s+considering\b|\bconsidering\s+the\b|"
        r"\b(?:looks?|looked|looking)\s+forward\s+to\b|\bwould\s+like\s+to\b|"
        r"\b(?:is|are|was|were)\s+willing\s+to\b|\b(?:keen|eager)\s+to\b|"
        r"\b(?:is|are)\s+(?:(?:very|also|keen|highly)\s+)?interested\s+in\b|"
        r"(?:(?<=expressed )|(?<=expressed his )|(?<=expressed her )|(?<=expressed their )|"
        r"(?<=expressed its )|(?<=expressed great )|(?<=expressed strong ))interest\s+in\b",
        _I)),
]
# Heading a delegation or mission is a travel plan too ("will lead a delegation to X").
_LEAD_DELEGATION = (r"lead\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,3}?"
                    r"(?:delegation|mission)\b")
# "<actor> will <verb>" (not "will be", a forecast); the actor must stand right before.
# Travel plans ("will visit", "will attend") are schedules, not commitments.
_WILL = re.compile(
    r"\b(?:also\s+)?will\s+(?!be\b|have\b|also\s+be\b|visit|pay\b|attend|arrive|travel|"
    r"leave|meet\b|hold\b|host\b|take\s+part|celebrate|" + _LEAD_DELEGATION + r")(\w+)", _I)
# Reported pledges: "X said the German government would continue to support ...",
# "... and would bring ..." (a second clause of a statement already made).
_WOULD = re.compile(
    r"\bwould\s+(?:also\s+|further\s+)?(?!be\b|have\b|like\b|need|not\b|rather\b|"
    r"visit|pay\b|attend|arrive|travel|leave|meet\b|hold\b|host\b|take\s+part|" + _LEAD_DELEGATION
    + r")(\w+)", _I)
_REPORTED = re.compile(
    r"\b(?:said|says|added|adding|affirmed|assured|stated|stressed|noted|confirmed|"
    r"emphasi[sz]ed|announced)\s+(?:that\s+)?(?P<subj>[^,.;]{1,60}?)\s+$", _I)
# Who may stand before a reported "would": the speaker's own side, not a third party.
_OWN_SIDE = re.compile(
    r"^(?:he|she|it|they|we|(?:his|her|its|their)\s+[\w’'-]+(?:\s+[\w’'-]+)?|"
    r"the\s+(?:[\w-]+\s+)?(?:government|city|town|province|region|group|company|"
    r"university|side|ministry|embassy|prefecture|council|authorities|chamber|board|"
    r"association|agency|institute|school|centre|center|federation|consulate|department))$")
# A place or body named as a subject: "Pays de la Loire", "the Free State of Saxony".
_PROPER_NAME = re.compile(
    r"^(?:the\s+)?[A-ZÀ-Ý][\w’'-]+(?:\s+(?:[A-ZÀ-Ý][\w’'-]+|de|la|du|des|of|and|the)){0,5}$")
_COORDINATED = re.compile(r"(?:,\s*)?\band\s+(?:also\s+)?$", _I)
_WILL_SUBJECT = re.compile(
    r"(?:\b(?i:the)\s+(?:[A-ZÀ-Ý][\w’'-]*\s+){0,3}(?i:city|town|province|company|group|"
    r"region)|\b(?i:it|we))\s+$")
_PLAN = re.compile(r"(?:plans?|aims?|intends?|wants?)\s+to\b", _I)
_SPEECH = re.compile(
    r"\b(?:said|says|added|adding|affirmed|stated|noted|stressed|emphasised|emphasized|"
    r"told|highlighted)\b", _I)
_UNNAMED_OWNER = re.compile(r"\b(?:desire|wish|intention|hope)\s+of\s+(?!the\s+[A-Z])", _I)
_BOTH_SIDES = re.compile(
    r"\b(?:both sides|the (?:two )?sides|they|"
    r"the two (?:leaders|parties|officials|[a-z]+(?:ors|ers|ents|ars|ies)))\b", _I)
_CITY_SELF = re.compile(r"\b(?:his|her|the)\s+city(?:['’]s)?\b|\bthe\s+(?:town|province)\b", _I)
_GOVERNMENT = re.compile(
    r"\b[Rr]epresentatives\s+of\s+the\s+((?:[A-ZÀ-Ý][\w’'-]*\s+)+)"
    r"((?:city|town|provincial|municipal|regional|local)\s+(?:government|authorities|"
    r"administration|council))")


@registry.register("commitments.en.v1")
def run(analysis: Analysis) -> None:
    """Fill ``analysis.doc.commitments`` from the body's sentences."""
    analysis.doc.commitments = extract_commitments(analysis)


def extract_commitments(analysis: Analysis) -> list[Commitment]:
    """The commitments of a prepared document, in reading order."""
    out: list[Commitment] = []
    signer: Actor | None = None
    for sa in resolve_sentences(analysis):
        if sa.sentence.segment != "body":
            continue
        terms = _terms_of_signed(sa, signer)
        out += [terms] if terms is not None else _in_sentence(analysis, sa)
        signer = _first_signer(sa) or signer
    return out


# "Under the agreement, the two universities will ...": the terms of the document the
# article said was signed, agreed by the parties (the first of them is the actor).
_UNDER_TERMS = re.compile(
    r"^\s*Under the (?:agreement|memorandum(?: of understanding)?|MoU|deal|accord|"
    r"contract|document),\s+(?:both sides|the (?:two )?(?:sides|parties|[a-z]+(?:ies|s)))\s+"
    r"(?:will|would|are to|agreed)\b", _I)


def _first_signer(sa: SentenceActors) -> Actor | None:
    """The first body (else person) named before "signed" in a signing sentence."""
    m = _SIGNED_DOCUMENT.search(sa.sentence.text)
    if m is None:
        return None
    before = [h for h in sa.hits if h.end <= m.start() and h.actor.kind != "place"]
    chosen = [h for h in before if h.actor.kind == "organization"] or before
    return chosen[0].actor if chosen else None


def _terms_of_signed(sa: SentenceActors, signer: Actor | None) -> Commitment | None:
    """The agreement an "Under the agreement, the two sides will ..." sentence states."""
    text = sa.sentence.text
    if signer is None or not _UNDER_TERMS.match(text):
        return None
    return Commitment(actor=signer.name, kind="agreement", counterpart=None,
                      sectors=sectors_of(text), summary=_summary(text, 0), evidence=text,
                      actor_aliases=[], status="signed")


def _in_sentence(analysis: Analysis, sa: SentenceActors) -> list[Commitment]:
    out: list[Commitment] = []
    seen: set[tuple[str, str]] = set()
    for kind, start, end in _triggers(sa):
        item = _commitment(analysis, sa, kind, start, end)
        if item is None:
            continue
        if out and _SAME_SUBJECT.search(sa.sentence.text[:start]):
            item.actor, item.actor_aliases = out[-1].actor, out[-1].actor_aliases
        # A second request in a coordinated clause ("urged X ..., and asked Y ...") is
        # another commitment; a second wish or promise restates the same stance.
        again = item.kind in ("appeal", "proposal", "invitation") \
            and _COORDINATED.search(sa.sentence.text[:start]) is not None
        if (item.actor, item.kind) not in seen or again:
            seen.add((item.actor, item.kind))
            out.append(item)
    return out


def _triggers(sa: SentenceActors) -> list[tuple[str, int, int]]:
    """(kind, start, end) of every trigger, in reading order; "will" only when no
    stronger trigger came before it (a hope that X will ... is an intent)."""
    text = sa.sentence.text
    found: list[tuple[str, int, int]] = []
    for kind, pattern in TRIGGERS:
        for m in pattern.finditer(text):
            if _not_a_trigger(kind, text, m.start()):
                continue
            if not any(s <= m.start() < e for _, s, e in found):
                found.append((_refine(kind, text, m), m.start(), m.end()))
    reported = bool(_ACCORDING.match(text))
    for m in _WILL.finditer(text):
        if reported or _bare_future_excluded(text, m.start()):
            break
        if not any(s < m.start() for _, s, _ in found) and _will_subject(sa, m.start()):
            found.append(("pledge", m.start(), m.end()))
    for m in _EXPECTED.finditer(text):
        said = _REPORTED.search(text[: m.start()])
        if said and _OWN_SIDE.match(said.group("subj").strip()) \
                and not any(s < m.start() for _, s, _ in found):
            found.append(("intent", m.start(), m.end()))
    for m in _WOULD.finditer(text):
        if reported or _bare_future_excluded(text, m.start()):
            break
        if _would_pledge(sa, m, found):
            found.append(("pledge", m.start(), m.end()))
    return sorted(found, key=lambda t: t[1])


def _would_pledge(sa: SentenceActors, m: re.Match[str], found: list[tuple[str, int, int]]) -> bool:
    """A reported "would <verb>": right after "said (that) <own side>" with no trigger
    before it, or coordinated ("... and would bring") after an intent or a pledge."""
    text = sa.sentence.text
    if _COORDINATED.search(text[: m.start()]):
        return any(k in ("intent", "pledge") and s < m.start() for k, s, _ in found)
    said = _REPORTED.search(text[: m.start()])
    if any(s < m.start() for _, s, _ in found) and not _fresh_statement(said, found):
        return False  # "hoped that X would ...": the hope is the commitment
    if not said:
        return False
    if _OWN_SIDE.match(said.group("subj").strip()):
        return True
    # "... said Lyon would ...": a town or body named alone as the subject.
    begin, stop = said.start("subj"), said.end("subj")
    if any(h.start <= begin + 4 and h.end >= stop and h.actor.kind != "person"
           for h in sa.hits):
        return True
    # ... also when its name is a proper name the entity lists missed, not a person's.
    return bool(_PROPER_NAME.match(said.group("subj").strip())) and not any(
        begin <= h.start < stop and h.actor.kind == "person" for h in sa.hits)


def _fresh_statement(said: re.Match[str] | None, found: list[tuple[str, int, int]]) -> bool:
    """Whether "..., adding that the council would send ..." opens a new statement after
    every trigger found so far (the earlier wish does not cover the new promise)."""
    return said is not None and said.group(0).lower().startswith(("adding", "added")) \
        and all(end <= said.start() for _, _, end in found)


# "Scientists from Can Tho and southern France will ...": the place is where the
# subject comes from, not the subject.
_FROM_PHRASE = re.compile(r"\bfrom\s+[^,.;]{0,60}$", _I)


def _will_subject(sa: SentenceActors, offset: int) -> bool:
    """Is "will" right after a named side or "the city"?"""
    text = sa.sentence.text
    if _WILL_SUBJECT.search(text[:offset]):
        return True
    return any(0 <= offset - h.end <= 1 and h.via == "name"
               and not (h.actor.kind == "place" and _FROM_PHRASE.search(text[:h.start]))
               for h in sa.hits)


# Answering the other side's invitation ("welcomed / accepted the invitation") is not
# inviting; people who plan something in a relative clause ("students who plan to")
# are not a named side.
_ANSWERED = re.compile(
    r"\b(?:welcomed|welcomes|welcoming|accepted|accepts|accepting|appreciated|thanked"
    r"(?:\s+[\w’'-]+){0,3}\s+for)\s+(?:the|this|his|her|their|its|an|that)\s+(?:kind\s+)?$", _I)
_UNNAMED_RELATIVE = re.compile(r"\b[a-z]+s\s+(?:who|that)\s+(?:also\s+)?$")


# The terms of a signed document ("a memorandum under which X will ...": a bare "will"
# is no one's promise), and a clause about a later moment ("..., when the two sides
# hope to sign"): no one's statement.
_DOCUMENT_TERMS = re.compile(r"\b(?:under which|whereby|by which)\b[^.;]*$", _I)
_LATER_CLAUSE = re.compile(
    r",\s+(?:when|where)\s+(?:both sides|the (?:two )?sides|they|the two \w+)\s+$", _I)
# "X met Y, where the two sides agreed to ...": what the meeting settled, not a later
# moment (an agreement is in the past tense, unlike "when the two sides hope to").
_MEETING_WHERE = re.compile(r"\b(?:met|meeting|talks|received|visited)\b[^.;]*,\s+where\s+"
                            r"[^,.;]*$", _I)
# "According to the office, X will ...": a third party reports a plan.
_ACCORDING = re.compile(r"^\s*According to\b", _I)
# A programme item: "the delegation is scheduled to visit X, where Y will present ...".
_SCHEDULE = re.compile(r"\b(?:is|are|was|were)\s+(?:scheduled|due|set)\s+to\b", _I)


def _bare_future_excluded(text: str, start: int) -> bool:
    """A "will"/"would" inside a document's terms or a clause about a later moment."""
    before = text[:start]
    return bool(_DOCUMENT_TERMS.search(before) or _LATER_CLAUSE.search(before)
                or _SCHEDULE.search(before))


# A visit's "courtesy call on the province" or a ship's "port call" is no appeal; nor
# is a leader's instruction to his own administration ("asked the competent agencies
# of the province to ...", "urged local authorities to ..."), which commits no partner.
_CALL_NOUN = re.compile(r"\b(?:courtesy|port|phone|telephone|farewell|house|official)\s+$", _I)
_OWN_ADMINISTRATION = re.compile(
    r"^\w+\s+(?:on\s+)?(?:the\s+|its\s+|his\s+|her\s+)?(?:competent|relevant|concerned|"
    r"local|provincial|municipal|city|functional)\s+(?:[\w-]+\s+){0,2}?(?:agencies|"
    r"departments|authorities|sectors|units|bodies|forces|services)\b", _I)


def _not_a_trigger(kind: str, text: str, start: int) -> bool:
    """Words that look like a trigger but commit nobody."""
    if kind == "invitation" and _ANSWERED.search(text[:start]):
        return True
    if kind == "appeal" and (_CALL_NOUN.search(text[:start])
                             or _OWN_ADMINISTRATION.match(text[start:])):
        return True
    if _LATER_CLAUSE.search(text[:start]) and not (
            kind == "agreement" and _MEETING_WHERE.search(text[:start])):
        return True
    if kind == "intent" and (_OTHERS_VISIT.match(text[start:])
                             or _PLANS_DRAFTED.search(text[:start])):
        return True
    return kind == "intent" and bool(_UNNAMED_RELATIVE.search(text[:start]))


# "The ministry was preparing plans to upgrade ...": plans as documents being drafted
# (a domestic work item), not a side's stated wish.
_PLANS_DRAFTED = re.compile(r"\b(?:preparing|drafting|drawing\s+up|developing|working\s+on|"
                            r"finali[sz]ing)\s+(?:the\s+|its\s+|their\s+)?$", _I)
# Looking forward to the other side's visit states no commitment of one's own.
_OTHERS_VISIT = re.compile(
    r"(?:looks?|looked|looking)\s+forward\s+to\s+(?:the|a|an|their|his|her)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:visit|arrival|return)\s+of\b", _I)


def _refine(kind: str, text: str, m: re.Match[str]) -> str:
    """An appeal to "deliver an invitation" is an invitation."""
    if kind == "appeal" and re.search(r"\binvit", text[m.end() : m.end() + 80], _I):
        return "invitation"
    return kind


def _commitment(
    analysis: Analysis, sa: SentenceActors, kind: str, start: int, end: int
) -> Commitment | None:
    text = sa.sentence.text
    if _UNNAMED_OWNER.search(text[start : end + 12]):
        return None
    government = _government(analysis, sa, start)
    actor, aliases = government if government else _actor(sa, start, analysis.doc.people)
    if actor is None:
        return None
    return Commitment(
        actor=actor, kind=kind, counterpart=_counterpart(sa, end, actor),
        sectors=sectors_of(text), summary=_summary(text, start),
        evidence=text, actor_aliases=aliases,
        status=_status(kind, text),
    )


_SIGNED_DOCUMENT = re.compile(
    r"\b(?:signed|inked)\b[^.;]{0,60}?\b(?:agreement|memorandum|MoU|charter|contract|accord)",
    _I)


def _status(kind: str, text: str) -> str:
    """signed when the sentence puts it on paper, agreed for agreements, else proposed."""
    if _SIGNED_DOCUMENT.search(text):
        return "signed"
    return "agreed" if kind == "agreement" else "proposed"


def _actor(sa: SentenceActors, start: int,
           people_of_doc: list[Person] = ()) -> tuple[str | None, list[str]]:
    """The committing side and the names it speaks for."""
    text = sa.sentence.text
    quoted = _quote_speaker(sa, start)
    if quoted is not None:
        return quoted.name, []
    if _HOST.search(text[:start]) and sa.lead is not None and sa.lead.kind == "person":
        return sa.lead.name, []
    before = [h for h in sa.hits if h.end <= start]
    people = [h for h in before if h.actor.kind == "person"]
    adjacent = [h for h in people if _SUBJECT_GAP.match(text[h.end:start])]
    titled = None if adjacent else _titled_given_name(text[:start], people_of_doc)
    if titled is not None:  # "Governor Khamphanh had asked ...": right before the verb
        return titled.name, []
    people = adjacent[-1:] or [h for h in people if not h.is_object] or people
    if not adjacent and _both_sides_subject(text[:start]):
        people = []  # "X met Y, and the two sides agreed to": not Y's alone
    chosen: Actor | None = people[-1].actor if people else _speaker(sa)
    if chosen is None and not people:
        chosen = _named_speaker(sa.sentence.text[:start], people_of_doc)
    if chosen is None and _both_sides_subject(text[:start]):
        party = _first_party(sa, start)
        if party is not None:  # "agreed to set up a twinning between A and B": A
            return party.name, []
        # "The two sides agreed to ...": the story's protagonist (the host who received
        # or met the other side), else the last subject.
        chosen = sa.lead or sa.previous_subject
    if chosen is None:
        orgs = [h for h in before if h.actor.kind == "organization"]
        if orgs and start - orgs[-1].end < 60:
            return orgs[-1].actor.name, []
        if before and before[-1].actor.kind == "place" and start - before[-1].end <= 1 \
                and not _PLAN.match(text[start:]):
            return before[-1].actor.name, []  # "Lyon pledges to ..." ("Hanoi plans to
            # build ..." is a domestic plan, not a commitment to a partner)
        return None, []
    return chosen.name, _aliases(chosen, before, text, start)


# "X said her company is expected to open ...": a plan of the speaker's own side.
_EXPECTED = re.compile(r"\b(?:is|are)\s+(?:also\s+)?expected\s+to\b", _I)
# "X proposed ..., and asked ...": a verb right after "and" shares the clause's subject.
_SAME_SUBJECT = re.compile(r",?\s+and\s+(?:also\s+|then\s+)?$", _I)
# "The host proposed ...": the story's protagonist, who received the other side.
_HOST = re.compile(r"(?:^|[,;]\s+(?:and\s+)?)\s*[Tt]he\s+hosts?\s+(?:also\s+|then\s+)?$")
_QUOTES = "\"“”"
_QUOTE_SPEECH = re.compile(
    r"^[\s,]*(?:(?:said|added|affirmed|stressed|noted|stated)\s+(?:[\w’'-]+\s+){0,4}?$|"
    r"(?:[\w’'-]+\s+){0,4}?$)", _I)


def _quote_speaker(sa: SentenceActors, start: int) -> Actor | None:
    """The person a quotation is attributed to, when the trigger is inside it
    (""We hope to ...," said Jane Roe." / "..." Jane Roe said.)."""
    text = sa.sentence.text
    opening = len(text) - len(text.lstrip())
    if text[opening : opening + 1] not in _QUOTES:
        return None
    close = next((i for i in range(opening + 1, len(text)) if text[i] in _QUOTES), -1)
    if close < start:
        return None
    for h in sa.hits:
        if h.start > close and h.actor.kind == "person" and h.start - close < 40 \
                and _QUOTE_SPEECH.match(text[close + 1 : h.start]) \
                and (_SPEECH.search(text[close + 1 : h.start])
                     or _SPEECH.match(text[h.end :].lstrip())):
            return h.actor
    return None


# Only auxiliaries and adverbs between a name and the trigger: the name is its subject
# ("..., and that Deputy Mayor Lemaire had then promised to ...").
_SUBJECT_GAP = re.compile(
    r"^\s*(?:(?:had|has|have|also|then|later|once|already|further|again|both)\s+)*$", _I)


_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", _I)


def _first_party(sa: SentenceActors, start: int) -> Actor | None:
    """The first of two bodies "between A and B" in the clause after an agreement."""
    text = sa.sentence.text
    after = [h for h in sa.hits if h.start >= start and h.actor.kind != "person"]
    for a, b in zip(after, after[1:]):
        if a.start - start > 80 or re.search(r"[;,]", text[start:a.start]):
            return None
        if _BETWEEN.search(text[:a.start]) and re.fullmatch(r"\s+and\s+(?:the\s+)?",
                                                           text[a.end:b.start]):
            return a.actor
    return None


def _both_sides_subject(before: str) -> bool:
    """Are "both sides" / "they" the subject of the trigger ("Both sides agreed to"),
    not a complement ("Researchers from both sides ... hope")?"""
    m = None
    for m in _BOTH_SIDES.finditer(before):
        pass
    if m is None or len(before) - m.end() > 20:
        return False
    return not re.search(r"\b(?:from|of|between|with|for|by)\s+$", before[: m.start()], _I)


def _speaker(sa: SentenceActors) -> Actor | None:
    """The person of a "he said" / "X affirmed" clause anywhere in the sentence."""
    text = sa.sentence.text
    for m in _SPEECH.finditer(text):
        near = [h for h in sa.hits if h.actor.kind == "person" and 0 <= m.start() - h.end < 25]
        if near:
            return near[-1].actor
    return None


# "Ha said ..." (a two-letter short name the name index skips) or "The Vice Chairman
# said ..." (an office of one person of the article) opening the statement.
_SAID_BY = re.compile(
    r"(?:^|[,;:]\s+)(?:[Tt]he\s+)?(?P<who>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})\s+"
    r"(?:said|added|affirmed|stated|stressed|noted|emphasi[sz]ed|suggested|proposed|"
    r"asked|urged|invited|pledged|promised|hoped|called|met|received|hosted|welcomed)\b")


# "Governor Khamphanh had asked": an office and the first word of a person's name (Lao,
# Thai and Cambodian people go by their given name), right before the verb.
_TITLED_GIVEN = re.compile(
    r"\b(?P<role>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})\s+(?P<given>[A-Z][\w-]+)\s+"
    r"(?:(?:had|has|have|also|then|later|once|already|further|again)\s+)*$")


def _titled_given_name(before: str, people: list[Person]) -> Person | None:
    """The one person whose office and first name stand right before the trigger."""
    m = _TITLED_GIVEN.search(before)
    if m is None:
        return None
    role, given = m.group("role").lower(), m.group("given")
    found = [p for p in people if len(p.name.split()) > 1 and p.name.split()[0] == given
             and any(role.endswith(t.role.lower()) for t in p.titles)]
    return found[0] if len(found) == 1 else None


def _named_speaker(before: str, people: list[Person]) -> Actor | None:
    """The person a "<short name or office> said" clause before the trigger names.

    Args:
        before: the sentence up to the trigger.
        people: the document's people.
    """
    m = None
    for m in _SAID_BY.finditer(before):
        pass
    if m is None:
        return None
    who = m.group("who")
    found = [p for p in people if who == p.name or who in p.aliases]
    if len(found) != 1:
        found = [p for p in people if any(t.role.lower() == who.lower() for t in p.titles)]
    if len(found) != 1:
        return None
    p = found[0]
    return Actor(p.name, "person", [p.name, *p.aliases],
                 [(t.role.lower(), t.of or "") for t in p.titles])


def _aliases(actor: Actor, before: list[Hit], text: str, start: int) -> list[str]:
    """Names the actor speaks for: a side named just before the trigger ("Vietnam's
    commitment", "Lyon pledges"), and their own town when the text says "the city"."""
    out: list[str] = []
    last = before[-1] if before else None
    if last is not None and last.actor is not actor and last.actor.kind != "person":
        if start - last.end < 30:
            out.append(last.actor.name)
    if _CITY_SELF.search(text[:start]) and actor.kind == "person":
        out += [of for of in actor.title_places()[:1] if of]
    return [a for i, a in enumerate(out) if a not in out[:i]]


def _government(
    analysis: Analysis, sa: SentenceActors, start: int
) -> tuple[str, list[str]] | None:
    """"Representatives of the Béziers city government ..." -> that government."""
    m = _GOVERNMENT.search(sa.sentence.text[:start])
    if not m:
        return None
    town = m.group(1).strip()
    name = f"{town} {m.group(2)}"
    aliases = [town] + [
        p.name for p in analysis.doc.people
        if any(t.of and t.of.lower() == town.lower() for t in p.titles)
    ]
    return name, aliases


def _counterpart(sa: SentenceActors, end: int, actor: str) -> str | None:
    for h in sa.hits:
        if h.start >= end and h.actor.name != actor and h.via in ("name", "role"):
            return h.actor.name
    return None


def _summary(text: str, start: int) -> str:
    """The key clause: from the trigger to the end of its clause, at most ~160 chars."""
    clause = re.split(r"[;]|,\s+(?:he|she|they)\s+(?:said|added|affirmed)", text[start:])[0]
    clause = clause.strip().rstrip(".")
    return clause if len(clause) <= 160 else clause[:157].rsplit(" ", 1)[0] + "..."


# --- French and Vietnamese (rules in ``intl_commitments.py``) -------------------------


@registry.register("commitments.fr.v1")
def run_fr(analysis: Analysis) -> None:
    """Fill ``analysis.doc.commitments`` of a French document."""
    from passerelle.extract import intl_commitments  # noqa: PLC0415

    analysis.doc.commitments = intl_commitments.extract_commitments(analysis, "fr")


@registry.register("commitments.vi.v1")
def run_vi(analysis: Analysis) -> None:
    """Fill ``analysis.doc.commitments`` of a Vietnamese document."""
    from passerelle.extract import intl_commitments  # noqa: PLC0415

    analysis.doc.commitments = intl_commitments.extract_commitments(analysis, "vi")
