"""A small made-up knowledge base for demos, tests and the benchmark.

The articles are invented for passerelle (no real text is copied); names and events
are fictional. :func:`sample_documents` builds fully extracted ``Document`` records
(with mention spans and coordinates) so the web app can be exercised without the
extraction stage; :data:`HOSTILE_BODY` is an article full of markup that must never
run. Not a stable API.
"""

from __future__ import annotations

from passerelle.records import Commitment, Document, Event, Mention, Organization, Person, Place, Source, Title

HOSTILE_BODY = (
    "Officials met in Lyon <script>alert('pwned')</script> to discuss trade.\n\n"
    "<img src=x onerror=\"alert('img')\"> The delegation from Hai Phong "
    "\"><svg onload=alert(1)> praised the port; '; DROP TABLE documents; -- was the last line."
)

_ARTICLES = [
    {
        "id": "sample-lyon-visit",
        "title": "Vietnamese ambassador tours Lyon start-ups",
        "published": "2025-03-12", "language": "en", "outlet": "Example Daily",
        "body": ("Ambassador Tran Minh Khoa visited Lyon on 10 March 2025 to meet local technology firms.\n\n"
                 "During a working session, Mayor Claire Dubois and Ambassador Tran Minh Khoa discussed "
                 "digital transformation and student exchanges.\n\n"
                 "Tran Minh Khoa proposed a pilot programme linking Lyon incubators with Da Nang start-ups."),
        "people": [("Tran Minh Khoa", "Ambassador", "Vietnam", "VN"), ("Claire Dubois", "Mayor", "Lyon", "FR")],
        "orgs": [],
        "places": [("Lyon", "city", "FR", 45.764, 4.8357), ("Da Nang", "city", "VN", 16.0544, 108.2022)],
        "events": [("visit", ["Tran Minh Khoa"], "Lyon", "2025-03-10", ["technology"], 0),
                   ("meeting", ["Claire Dubois", "Tran Minh Khoa"], "Lyon", "2025-03-10", ["technology", "education"], 1)],
        "commitments": [("Tran Minh Khoa", "proposal", "Claire Dubois", ["technology"], "pilot programme linking incubators", 2)],
        "sectors": ["technology", "education"],
    },
    {
        "id": "sample-bordeaux-wine",
        "title": "Bordeaux and Can Tho talk wine and rice",
        "published": "2025-05-02", "language": "en", "outlet": "Harbour Times",
        "body": ("A delegation led by Nguyen Thi Lan, Vice Chairwoman of Can Tho, met the Bordeaux Chamber "
                 "of Commerce on 30 April 2025.\n\n"
                 "Both sides agreed to study joint training in agricultural processing.\n\n"
                 "The Bordeaux Chamber of Commerce invited Nguyen Thi Lan to the autumn wine fair."),
        "people": [("Nguyen Thi Lan", "Vice Chairwoman", "Can Tho", "VN")],
        "orgs": [("Bordeaux Chamber of Commerce", "association", "FR")],
        "places": [("Bordeaux", "city", "FR", 44.8378, -0.5792), ("Can Tho", "city", "VN", 10.0452, 105.7469)],
        "events": [("meeting", ["Nguyen Thi Lan", "Bordeaux Chamber of Commerce"], "Bordeaux", "2025-04-30",
                    ["agriculture", "economy"], 0)],
        "commitments": [("Nguyen Thi Lan", "agreement", "Bordeaux Chamber of Commerce", ["agriculture", "education"],
                         "study joint training in agricultural processing", 1),
                        ("Bordeaux Chamber of Commerce", "invitation", "Nguyen Thi Lan", ["agriculture"],
                         "invitation to the autumn wine fair", 2)],
        "sectors": ["agriculture", "economy"],
    },
    {
        "id": "sample-hue-heritage",
        "title": "Coopération patrimoniale entre Hué et Toulouse",
        "published": "2024-11-20", "language": "fr", "outlet": "Le Journal Exemple",
        "body": ("Le maire de Toulouse, Paul Martin, a reçu Le Van Hung, président du comité populaire de Hué, "
                 "le 18 novembre 2024.\n\n"
                 "Paul Martin a souhaité renforcer la coopération pour la restauration des monuments anciens."),
        "people": [("Paul Martin", "Mayor", "Toulouse", "FR"), ("Le Van Hung", "Chairman", "Hue", "VN")],
        "orgs": [],
        "places": [("Toulouse", "city", "FR", 43.6047, 1.4442), ("Hué", "city", "VN", 16.4637, 107.5909)],
        "events": [("meeting", ["Paul Martin", "Le Van Hung"], "Toulouse", "2024-11-18", ["heritage"], 0)],
        "commitments": [("Paul Martin", "intent", "Le Van Hung", ["heritage"], "restore old monuments together", 1)],
        "sectors": ["heritage", "culture"],
    },
    {
        "id": "sample-hostile",
        "title": "Port talks <b>with</b> <script>alert('title')</script>",
        "published": "2025-06-01", "language": "en", "outlet": "<i>Mallory</i> News",
        "body": HOSTILE_BODY,
        "people": [],
        "orgs": [],
        "places": [("Hai Phong", "city", "VN", 20.8449, 106.6881)],
        "events": [("meeting", ["Hai Phong delegation"], "Lyon", "2025-06-01", ["transport"], 0)],
        "commitments": [],
        "sectors": ["transport"],
    },
]


def _mentions(body: str, name: str) -> list[Mention]:
    out, start = [], body.find(name)
    while start >= 0:
        out.append(Mention(start, start + len(name)))
        start = body.find(name, start + len(name))
    return out


def _paragraph(body: str, index: int) -> str:
    return body.split("\n\n")[index]


def _document(a: dict) -> Document:
    body = a["body"]
    return Document(
        id=a["id"], body=body, title=a["title"], published=a["published"], language=a["language"],
        source=Source(url=f"https://news.example.org/{a['id']}", outlet=a["outlet"]),
        people=[Person(n, titles=[Title(r, of)], country=c, mentions=_mentions(body, n)) for n, r, of, c in a["people"]],
        organizations=[Organization(n, kind=k, country=c, mentions=_mentions(body, n)) for n, k, c in a["orgs"]],
        places=[Place(n, kind=k, country=c, lat=lat, lon=lon, mentions=_mentions(body, n))
                for n, k, c, lat, lon in a["places"]],
        events=[Event(t, participants=p, place=pl, start=d, end=d, precision="day", sectors=s,
                      evidence=_paragraph(body, i)) for t, p, pl, d, s, i in a["events"]],
        commitments=[Commitment(ac, k, counterpart=cp, sectors=s, summary=sm, evidence=_paragraph(body, i))
                     for ac, k, cp, s, sm, i in a["commitments"]],
        sectors=list(a["sectors"]),
    )


def sample_documents() -> list[Document]:
    """Four made-up, fully extracted articles (one of them hostile markup)."""
    return [_document(a) for a in _ARTICLES]


def load_sample(db) -> list[str]:  # noqa: ANN001
    """Store :func:`sample_documents` in ``db`` (a ``passerelle.store.Database``); their ids."""
    from passerelle.store import store_document

    ids = []
    for doc in sample_documents():
        with db.transaction() as conn:
            ids.append(store_document(conn, doc, raw=None, origin=f"sample:{doc.id}").doc_id)
    return ids
