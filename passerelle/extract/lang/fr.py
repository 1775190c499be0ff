"""French word tables for extraction: offices, event and commitment triggers.

Data only, no logic. Every key is lower case and NFC-normalised, with diacritics
kept ("préfète"); multi-word keys are separated by single spaces, and hyphens and
apostrophes are kept as written ("vice-président", "secrétaire d'état"). Match the
longest key first, so that "adjoint au maire" wins over "maire" (see
``passerelle.extract.lang.find_phrase``).

Roles are the usual English name of the office, title-cased, without the place
(``shared/spec/RECORD.md``): "maire" -> "Mayor", "préfet" -> "Prefect",
"vice-présidente" -> "Vice President". Masculine and feminine forms, and the usual
spelling variants, map to the same role. The entries were chosen from the offices
that French news about decentralised cooperation names: local and regional
government, the prefecture, diplomats, national government, universities and
companies.
"""

from __future__ import annotations

# French office -> English role.
ROLES: dict[str, str] = {
    # communes
    "maire": "Mayor",
    "maire adjoint": "Deputy Mayor",
    "maire adjointe": "Deputy Mayor",
    "maire-adjoint": "Deputy Mayor",
    "maire-adjointe": "Deputy Mayor",
    "adjoint au maire": "Deputy Mayor",
    "adjointe au maire": "Deputy Mayor",
    "adjoint à la maire": "Deputy Mayor",
    "adjointe à la maire": "Deputy Mayor",
    "premier adjoint au maire": "First Deputy Mayor",
    "première adjointe au maire": "First Deputy Mayor",
    # "son adjointe chargée de la culture": a mayor's deputy, named without "au maire"
    # (lower case, it counts only after an article or possessive, see entities_intl)
    "adjoint": "Deputy Mayor", "adjointe": "Deputy Mayor",
    "conseiller municipal": "Municipal Councillor",
    "conseillère municipale": "Municipal Councillor",
    # departments and regions
    "président du conseil départemental": "President",
    "présidente du conseil départemental": "President",
    "président du conseil régional": "President",
    "présidente du conseil régional": "President",
    "président de région": "President",
    "présidente de région": "President",
    "conseiller départemental": "Departmental Councillor",
    "conseillère départementale": "Departmental Councillor",
    "conseiller régional": "Regional Councillor",
    "conseillère régionale": "Regional Councillor",
    # Vietnamese offices as French news names them
    "président du comité populaire": "Chairman",
    "présidente du comité populaire": "Chairman",
    "vice-président du comité populaire": "Vice Chairman",
    "vice-présidente du comité populaire": "Vice Chairman",
    "secrétaire du comité du parti": "Secretary",
    "secrétaire du comité provincial du parti": "Secretary",
    "secrétaire du comité municipal du parti": "Secretary",
    "secrétaire du comité du parti de la province": "Secretary",
    # the State in the territories
    "préfet": "Prefect",
    "préfète": "Prefect",
    "sous-préfet": "Sub-Prefect",
    "sous-préfète": "Sub-Prefect",
    "gouverneur": "Governor",
    # diplomats
    "ambassadeur": "Ambassador",
    "ambassadrice": "Ambassador",
    "consul": "Consul",
    "consule": "Consul",
    "consul général": "Consul General",
    "consule générale": "Consul General",
    "consul honoraire": "Honorary Consul",
    "consule honoraire": "Honorary Consul",
    "premier conseiller": "Minister Counsellor",
    "première conseillère": "Minister Counsellor",
    # heads and deputies of any body
    "président": "President",
    "présidente": "President",
    "vice-président": "Vice President",
    "vice-présidente": "Vice President",
    "vice président": "Vice President",
    "vice présidente": "Vice President",
    "secrétaire général": "General Secretary",
    "secrétaire générale": "General Secretary",
    "secrétaire général adjoint": "Deputy General Secretary",
    "secrétaire générale adjointe": "Deputy General Secretary",
    "directeur": "Director",
    "directrice": "Director",
    "directeur général": "Director General",
    "directrice générale": "Director General",
    "directeur adjoint": "Deputy Director",
    "directrice adjointe": "Deputy Director",
    "directeur commercial": "Commercial Director",
    "directeur des relations internationales": "Director of International Relations",
    "directrice des relations internationales": "Director of International Relations",
    "directrice commerciale": "Commercial Director",
    "président-directeur général": "CEO",
    "présidente-directrice générale": "CEO",
    "pdg": "CEO",
    # national government and parliament
    "président de la république": "President",
    "premier ministre": "Prime Minister",
    "première ministre": "Prime Minister",
    "ministre": "Minister",
    "ministre des affaires étrangères": "Foreign Minister",
    "vice-premier ministre": "Deputy Prime Minister",
    "vice-première ministre": "Deputy Prime Minister",
    "vice-ministre": "Deputy Minister",
    "vice ministre": "Deputy Minister",
    "ministre délégué": "Minister Delegate",
    "ministre déléguée": "Minister Delegate",
    "secrétaire d'état": "Secretary of State",
    "député": "Member of Parliament",
    "députée": "Member of Parliament",
    "sénateur": "Senator",
    "sénatrice": "Senator",
    # universities and schools
    "recteur": "Rector",
    "rectrice": "Rector",
    "doyen": "Dean",
    "doyenne": "Dean",
    "proviseur": "Principal",
    "proviseure": "Principal",
}

# Event type (RECORD.md) -> phrases that state one.
EVENT_TRIGGERS: dict[str, tuple[str, ...]] = {
    "visit": (
        "visite de travail", "visite officielle", "visite d'état", "en visite",
        "s'est rendu", "s'est rendue", "se sont rendus", "a visité", "ont visité",
        "déplacement",
    ),
    "meeting": (
        "a rencontré", "ont rencontré", "rencontre avec", "a reçu", "ont reçu",
        "a accueilli", "s'est entretenu", "s'est entretenue", "entretien avec",
        "séance de travail", "réunion de travail", "a échangé avec", "ont échangé avec",
        "a eu des échanges avec", "a eu un échange avec", "entretiens avec",
        "rencontre entre", "entretien entre", "entretiens entre", "séance de travail entre",
    ),
    "agreement": (
        "a signé", "ont signé", "signature", "protocole d'accord", "accord de coopération",
        "charte de jumelage", "mémorandum d'entente", "convention de partenariat",
        "lettre d'intention",
    ),
    "conference": (
        "forum", "colloque", "séminaire", "conférence", "cérémonie", "a assisté",
        "ont assisté", "a participé", "ont participé", "assises",
    ),
}

# Commitment kind (RECORD.md) -> phrases that state one.
COMMITMENT_TRIGGERS: dict[str, tuple[str, ...]] = {
    "intent": (
        "souhaite", "a souhaité", "souhaitent", "ont souhaité", "espère", "a espéré",
        "espèrent", "désire", "a exprimé le souhait", "a exprimé son souhait",
        "a exprimé le désir", "s'est dit intéressé", "s'est dite intéressée",
        "envisage", "envisagent", "aimerait", "voudrait", "souhaiterait",
        "a exprimé son intérêt", "a manifesté son intérêt", "a émis le souhait",
        "a fait part de son souhait", "cherche à", "compte sur", "dit souhaiter",
        "dit espérer", "a formé le vœu", "a émis le vœu",
    ),
    "proposal": (
        "a proposé", "propose", "proposent", "ont proposé", "a suggéré", "suggère",
        "ont suggéré", "a plaidé pour", "plaide pour", "a recommandé", "recommande",
    ),
    "appeal": (
        "a appelé", "appelle", "a exhorté", "exhorte", "a demandé", "ont demandé",
        "a encouragé", "encourage",
    ),
    "pledge": (
        "s'engage", "s'est engagé", "s'est engagée", "se sont engagés", "se sont engagées",
        "s'engageait", "s'engageaient", "a promis",
        "promet", "soutiendra", "fera tout son possible", "a réaffirmé son engagement",
        "continuera", "va continuer", "est prêt à", "est prête à", "était prêt à",
        "était prête à", "sont prêts à", "étaient prêts à", "s'efforcera",
        "apporterait", "apporteraient", "s'est dit prêt", "s'est dite prête",
        "s'est déclaré prêt", "s'est déclarée prête", "se sont dits prêts",
        "se sont déclarés prêts",
        "partagera", "accélérera",
    ),
    "agreement": (
        "sont convenus", "sont convenues", "ont convenu", "se sont mis d'accord", "se sont accordés",
        "ont décidé de", "se sont accordées", "ont accepté de",
    ),
    "invitation": (
        "a invité", "invite", "ont invité", "a convié", "convie", "a lancé une invitation",
        "a adressé une invitation",
    ),
}

# Honorifics written before a name ("M. Dupont", "S.E. Mme ...").
HONORIFICS: frozenset[str] = frozenset({"m.", "mme", "mlle", "s.e.", "pr", "dr"})

# Generic words of French place names -> the place kind they announce.
PLACE_WORDS: dict[str, str] = {
    "ville": "city",
    "commune": "city",
    "métropole": "city",
    "département": "province",
    "région": "region",
    "province": "province",
    "arrondissement": "district",
    "pays": "country",
}

# Month names -> month number, for dates such as "le 6 mars 2025".
MONTHS: dict[str, int] = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}

# Nationality adjectives (every gender and number) -> ISO 3166-1 alpha-2.
NATIONALITIES: dict[str, str] = {
    **dict.fromkeys(("vietnamien", "vietnamienne", "vietnamiens", "vietnamiennes"), "VN"),
    **dict.fromkeys(("français", "française", "françaises"), "FR"),
    **dict.fromkeys(("allemand", "allemande", "allemands", "allemandes"), "DE"),
    **dict.fromkeys(("japonais", "japonaise", "japonaises"), "JP"),
    **dict.fromkeys(("chinois", "chinoise", "chinoises"), "CN"),
    **dict.fromkeys(("belge", "belges"), "BE"),
    **dict.fromkeys(("laotien", "laotienne", "laotiens", "laotiennes"), "LA"),
    **dict.fromkeys(("cambodgien", "cambodgienne", "cambodgiens", "cambodgiennes"), "KH"),
}

# Country names as written in French -> ISO 3166-1 alpha-2.
COUNTRIES: dict[str, str] = {
    "vietnam": "VN", "viêt nam": "VN", "viet nam": "VN", "viêt-nam": "VN",
    "france": "FR", "allemagne": "DE", "japon": "JP", "chine": "CN", "belgique": "BE",
    "laos": "LA", "cambodge": "KH", "suisse": "CH", "italie": "IT", "espagne": "ES",
}

# First words of organisation names (lower case) -> organisation kind. A name is the
# head, then capitalised words, "de/du/des/et" and a few adjectives ("Comité populaire
# municipal", "Université Paul Valéry Montpellier", "Chambre de commerce et
# d'industrie de Perpignan"), then an acronym in brackets.
ORGANIZATION_HEADS: dict[str, str] = {
    "ambassade": "government", "consulat": "government", "consulat général": "government",
    "comité populaire": "government", "conseil départemental": "government",
    "conseil régional": "government", "conseil municipal": "government",
    "communauté urbaine": "government", "communauté d'agglomération": "government",
    "communauté de communes": "government", "métropole": "government",
    "ministère": "government", "préfecture": "government", "mairie": "government",
    "assemblée populaire": "government",
    "université": "university", "institut national": "university", "école": "university",
    "lycée": "university", "académie": "university",
    "institut": "agency", "agence": "agency",
    "chambre de commerce et d'industrie": "association", "chambre de commerce": "association",
    "cci": "association", "musée": "other", "coopérative": "company", "ville": "government",
    "association": "association", "fédération": "association", "fondation": "association",
    "groupe": "company", "société": "company", "compagnie": "company", "banque": "company",
    "parti communiste": "other", "région": "government",
    "grand port maritime": "agency", "port autonome": "agency",
    "union": "association", "groupe d'amitié": "government",
}

# Words before an outlet's name ("selon le quotidien Le Monde"): what follows is not a person.
OUTLET_WORDS: frozenset[str] = frozenset(
    {"journal", "quotidien", "hebdomadaire", "magazine", "revue", "radio", "chaîne",
     "agence de presse", "site"}
)

# Bodies often named by a bare name, written as news writes them -> kind.
KNOWN_ORGANIZATIONS: dict[str, str] = {
    "Francophonie": "other",
    "Organisation internationale de la Francophonie": "other",
    "Agence française de développement": "agency",
    "Union européenne": "other",
    "Nations unies": "other",
    "Assemblée nationale": "government",
    "Banque mondiale": "other",
    "Fonds monétaire international": "other",
    "Banque asiatique de développement": "other",
    "UNESCO": "other", "Unesco": "other",
    # French public agencies of trade, study and development abroad
    "Business France": "agency", "Campus France": "agency", "Atout France": "agency",
    "Expertise France": "agency", "Bpifrance": "agency",
    # large companies that French and Vietnamese cooperation news names by a bare name
    "Airbus": "company", "Thales": "company", "Safran": "company", "Alstom": "company",
    "Veolia": "company", "TotalEnergies": "company", "EDF": "company", "Sanofi": "company",
    "Michelin": "company", "Bouygues": "company", "Vinci": "company", "Dassault": "company",
    "Vietnam Airlines": "company", "Vingroup": "company", "VinFast": "company",
    "Viettel": "company", "PetroVietnam": "company",
    "ASEAN": "other",
}

__all__ = [
    "ORGANIZATION_HEADS", "KNOWN_ORGANIZATIONS", "OUTLET_WORDS",
    "ROLES", "EVENT_TRIGGERS", "COMMITMENT_TRIGGERS", "HONORIFICS", "PLACE_WORDS", "MONTHS",
    "NATIONALITIES", "COUNTRIES",
]
