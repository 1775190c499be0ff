"""English word tables for the entities step (offices, organisations, places).

Data only, no logic: the rules in ``people.py``, ``organizations.py`` and
``placenames.py`` read these tables through ``lexicon(language)`` so that French and
Vietnamese tables can be added beside this one without touching the rules. All
entries are lower case; multi-word entries are space-separated.
"""

from __future__ import annotations

# Head words of offices. A role is [modifier]* head [postfix]: "deputy mayor",
# "chief commercial officer", "consul general". Chosen from the offices that
# cooperation news names (diplomats, local and national government, companies,
# universities, associations).
ROLE_HEADS = frozenset(
    """ambassador mayor governor prefect president chairman chairwoman chairperson chair
    minister secretary director officer consul head member rector dean principal founder
    ceo cfo coo cto manager speaker senator councillor councilor commissioner chancellor
    envoy counsellor counselor attaché attache spokesperson spokesman spokeswoman leader
    premier king queen sub-prefect mp deputy-mayor alderman alderwoman deputy commander
    secretary-general director-general""".split()
)

# Heads that are multi-word offices of their own.
ROLE_PHRASES = frozenset(
    """prime minister|general secretary|secretary general|director general|consul general|
    deputy mayor|vice mayor|vice president|vice chairman|vice chairwoman|vice governor|
    vice rector|managing director|chief executive|chief executive officer|
    chief commercial officer|chief financial officer|chief operating officer|
    chief technology officer|permanent vice chairman|standing vice chairman|
    member of parliament|deputy prime minister|deputy minister|deputy director|
    deputy chairman|deputy head|deputy secretary|deputy governor|honorary consul|
    commercial director|general director|executive director|sales director|
    technical director|financial director|regional director|country director|
    state secretary|foreign minister|defence attaché|defense attaché|defence attache|
    defense attache|military attaché|military attache|
    chief representative|chargé d affaires|charge d affaires""".replace("\n    ", "").split("|")
)

# Words that modify a head and stay in the role ("Deputy Mayor", "Honorary Consul").
ROLE_MODIFIERS = frozenset(
    """deputy vice permanent standing first acting honorary executive chief managing
    commercial general assistant senior associate sales technical financial regional
    country foreign interim""".split()
)

# Words that follow a head and stay in the role ("Consul General").
ROLE_POSTFIXES = frozenset({"general"})

# Roles that take "of International"-like departments into the role itself.
ROLE_WITH_DEPARTMENT = frozenset(
    {"head", "minister", "deputy minister", "vice minister", "secretary", "state secretary"}
)

# Roles whose holder belongs to the nationality written before them even when a
# destination follows: "Vietnamese Ambassador to France" serves Vietnam.
DIPLOMATIC_ROLES = frozenset({"ambassador", "consul", "consul general", "envoy", "honorary consul"})

# Roles that say the "of" is a company (used to give an organisation its kind).
COMPANY_ROLES = frozenset(
    """ceo|cfo|coo|cto|managing director|commercial director|sales director|
    chief executive officer|chief commercial officer|chief financial officer|
    chief operating officer|chief technology officer|founder|general director|
    executive director|technical director|financial director|manager""".replace("\n    ", "")
    .split("|")
)

# Plural place nouns after names joined by "and" ("the Xa and Yb districts"): the
# names are places, not people.
PLURAL_PLACE_NOUNS = frozenset({"areas", "districts", "provinces", "communes", "localities",
                                "towns", "villages", "prefectures", "regions"})

# Military ranks before a name are forms of address too ("Colonel Le Van Son").
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "madam", "sir",
                        "h.e", "he", "colonel", "admiral"})

# Nationality adjective -> ISO country code. The country's usual English name comes
# from ``COUNTRY_NAMES``.
NATIONALITIES = {
    "vietnamese": "VN", "french": "FR", "german": "DE", "japanese": "JP", "chinese": "CN",
    "american": "US", "british": "GB", "italian": "IT", "spanish": "ES", "korean": "KR",
    "south korean": "KR", "russian": "RU", "indian": "IN", "thai": "TH", "lao": "LA",
    "laotian": "LA", "cambodian": "KH", "indonesian": "ID", "malaysian": "MY",
    "singaporean": "SG", "philippine": "PH", "filipino": "PH", "australian": "AU",
    "canadian": "CA", "belgian": "BE", "dutch": "NL", "swiss": "CH", "austrian": "AT",
    "polish": "PL", "czech": "CZ", "hungarian": "HU", "swedish": "SE", "norwegian": "NO",
    "danish": "DK", "finnish": "FI", "portuguese": "PT", "greek": "GR", "turkish": "TR",
    "brazilian": "BR", "mexican": "MX", "argentine": "AR", "chilean": "CL", "cuban": "CU",
    "egyptian": "EG", "moroccan": "MA", "algerian": "DZ", "tunisian": "TN",
    "south african": "ZA", "israeli": "IL", "iranian": "IR", "saudi": "SA", "emirati": "AE",
    "ukrainian": "UA", "irish": "IE", "luxembourgish": "LU", "new zealand": "NZ",
    "myanmar": "MM", "burmese": "MM", "mongolian": "MN", "bangladeshi": "BD",
    "pakistani": "PK", "senegalese": "SN", "romanian": "RO", "bulgarian": "BG",
}

COUNTRY_NAMES = {
    "VN": "Vietnam", "FR": "France", "DE": "Germany", "JP": "Japan", "CN": "China",
    "US": "United States", "GB": "United Kingdom", "KR": "South Korea", "RU": "Russia",
    "LA": "Laos", "IR": "Iran", "CZ": "Czech Republic",
}

# Organisation words -> kind. The last keyword found in a name decides ("Toulouse
# School of Architecture" is a university through "school of").
ORG_KEYWORDS = {
    "university": "university", "universities": "university", "faculty": "university",
    "institute": "university", "college": "university", "polytechnic": "university",
    "academy": "university", "école": "university", "iut": "university",
    "université": "university",
    "school of": "university", "lycée": "other", "school": "other",
    "committee": "government", "council": "government", "assembly": "government",
    "embassy": "government", "consulate": "government", "ministry": "government",
    "government": "government", "parliament": "government", "senate": "government",
    "bundestag": "government", "bundesrat": "government", "congress": "government",
    "municipality": "government", "party": "government", "command": "government",
    "urban community": "government", "metropolis": "government",
    "métropole": "government", "metropole": "government", "agglomération": "government",
    "agglomeration": "government", "navy": "government", "agence": "agency",
    "pharma": "company", "armed forces": "government", "administration": "agency",
    "agency": "agency", "programme": "agency", "program": "agency", "organisation": "agency",
    "organization": "agency", "authority": "agency", "centre": "agency",
    "center": "agency", "fund": "agency", "bank": "company",
    "association": "association", "chamber": "association", "federation": "association",
    "union": "association", "club": "association", "foundation": "association",
    "society": "association", "network": "association", "alliance": "association",
    "group": "company", "company": "company", "corporation": "company", "corp": "company",
    "inc": "company", "ltd": "company", "sa": "company", "sas": "company", "jsc": "company",
    "plc": "company", "gmbh": "company", "airlines": "company", "airways": "company",
    "holdings": "company", "energy": "company", "motors": "company", "airport": "company",
    "news": "media", "newspaper": "media", "television": "media", "radio": "media",
    "board": "agency", "institut": "agency", "biennale": "other",
    "university hospital": "other", "hospital": "other", "electronics": "company",
    "hôpitaux": "other", "hôpital": "other",
}

# International organisations known by their acronym alone ("a UNESCO World Heritage
# site"): an organisation wherever written in capitals.
INTERNATIONAL_BODIES = {
    "UNESCO": "agency", "UNICEF": "agency", "UNDP": "agency", "FAO": "agency",
    "OECD": "agency", "WTO": "agency", "IMF": "agency", "ILO": "agency", "UNIDO": "agency",
    "IAEA": "agency", "UNHCR": "agency",
}

# Words that end an organisation's name ("... Urban Community", "... Assembly").
ORG_TAIL_WORDS = frozenset(
    """university faculty institute college polytechnic academy school committee council
    assembly embassy consulate ministry government parliament senate congress
    municipality party community agency programme program organisation
    organization authority centre center fund bank association chamber federation
    union club foundation society network alliance group company corporation corp inc ltd
    sa sas jsc plc gmbh airlines airways holdings board biennale hospital electronics
    université command métropole metropole agglomération agglomeration navy pharma
    administration forces""".split()
)

# Organisation words that may follow a capitalised name in lower case
# ("Thang Long Gifted school").
ORG_LOWER_TAILS = frozenset({"school", "college", "university", "group", "hospital"})
# Lower-case organisation heads of two words after a capitalised name ("X port company").
ORG_LOWER_PAIRS = frozenset({("port", "company"), ("port", "operator"), ("port", "authority"),
                             ("prefectural", "government"), ("provincial", "government")})
# Lower-case level adjectives allowed inside a name before a capitalised word
# ("X provincial People's Committee").
ORG_INNER_LEVELS = frozenset({"provincial", "municipal"})
# Lower-case words allowed between such a name and its tail ("X vocational school").
ORG_LOWER_MODIFIERS = frozenset(
    """vocational high secondary primary gifted international technical business engineering
    medical middle elementary boarding language art music agricultural maritime nursing
    naval""".split()
)

# Words that may follow an organisation word inside one name ("University Hospital",
# "Party Committee"): any other capitalised word after it starts a new name.
ORG_NAME_CONTINUATIONS = frozenset({"hospital"})

# Nouns written right before a company's short name ("transport operator ABC").
ORG_LEADING_DESCRIPTORS = frozenset(
    """operator company firm carrier giant manufacturer maker airline startup group
    conglomerate retailer developer producer supplier agency""".split()
)

# Heads written first in a French name: the name goes on after them ("Université
# Grenoble Alpes", "CCI Lyon Métropole").
ORG_LEADING_HEADS = frozenset({"université", "école", "institut", "agence", "cci"})
# Organisation words that only count as the first word of a name ("CCI France Japon";
# not the acronym in "Chamber of Commerce and Industry (CCI)").
ORG_FIRST_WORDS = {"cci": "association"}

# Lower-case nouns after a capitalised name that make it an organisation, without
# joining the name ("the Minalogic cluster" -> "Minalogic").
ORG_TRAILING_NOUNS = frozenset({"cluster", "technopole", "consortium", "institute"})

# Months and weekdays: a name never runs on into a date ("X Committee on May 4").
DATE_WORDS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday""".split()
)

# Nouns that describe an organisation in an apposition ("Loft Orbital, a space
# startup"): noun -> kind.
ORG_DESCRIPTORS = {
    "company": "company", "startup": "company", "start-up": "company", "firm": "company",
    "enterprise": "company", "publisher": "company", "group": "company",
    "manufacturer": "company", "maker": "company", "producer": "company",
    "airline": "company", "carrier": "company", "corporation": "company",
    "developer": "company", "operator": "company", "bank": "company", "business": "company",
    "conglomerate": "company", "giant": "company", "chaebol": "company",
    "organisation": "agency", "organization": "agency", "agency": "agency",
    "institution": "agency", "body": "agency", "programme": "agency",
    "association": "association", "ngo": "association", "federation": "association",
    "university": "university", "school": "university", "institute": "university",
    "newspaper": "media", "broadcaster": "media", "outlet": "media",
}

# Connectors allowed inside organisation and place names.
NAME_CONNECTORS = frozenset({"of", "for", "and", "de", "du", "des", "la", "le", "d", "with", "on", "in", "&"})

# Generic words a place name may carry: "Da Nang city", "Hérault province".
PLACE_GENERIC = frozenset(
    """city town province region department prefecture commune district state county
    municipality village capital land""".split()
)

# Words that end a natural feature's name.
NATURAL_TAILS = frozenset(
    """delta bay river mountain mountains lake sea ocean island islands highlands gulf
    valley plateau peninsula coast strait pass estuary lagoon""".split()
)

# Continents and supranational regions: not places of a story.
NOT_PLACES = frozenset({"europe", "asia", "africa", "america", "americas", "oceania", "earth",
               "southeast asia", "east asia", "south asia", "north america", "south america",
               "latin america", "middle east", "european union", "eu", "asean", "indo-pacific",
               "central asia", "western europe", "eastern europe",
               "roman"})  # "its Roman heritage": an adjective, not the Romanian town

# News outlets and agencies that appear in bylines and datelines: never people,
# never organisations of the story.
OUTLETS = frozenset({"vna", "vns", "vov", "vtv", "vietnam news agency", "vietnamplus", "nhan dan",
               "nhân dân", "tuoi tre", "thanh nien", "vnexpress", "xinhua", "afp", "reuters",
               "ap", "bbc", "cnn", "vietnam news", "vir", "hanoi times", "vietnam plus",
               "the world and vietnam report", "saigon giai phong", "sggp"})

# Function words: never part of a name, never the qualifier of an office.
FUNCTION_WORDS = frozenset(
    """the a an in on at of for from to by with and or but as during after before when while
    this that these those his her its their our my your he she it they we i there here
    also both all some many most several other another each every such
    speaking welcoming receiving hosting thanking highlighting following within among
    according under over between through across since until upon about into onto
    meanwhile however moreover furthermore besides additionally accordingly therefore""".split()
)

# Capitalised words that start sentences or headings and never begin a name.
STOPWORDS = FUNCTION_WORDS | frozenset(
    """the a an in on at of for from to by with and or but as during after before when while
    this that these those his her its their our my your he she it they we i there here
    also both all some many most several other another each every such one two three
    speaking welcoming receiving hosting thanking highlighting following within among
    according under over between through across since until upon about into onto
    mr mrs ms dr prof photo source caption read more related tags share comments
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    meanwhile however moreover furthermore besides additionally accordingly therefore
    on-site state national international local central regional municipal city people
    representatives leaders delegates members officials states nations""".split()
) | frozenset()

# Plural common nouns that start sentences before "of the ...": never part of a name.
COMMON_HEADS = frozenset(
    """representatives leaders delegates members officials students experts staff
    businesses companies partners guests visitors""".split()
)

# Words of ministerial portfolios and departments: never part of a personal name
# ("Minister of Foreign Affairs Bui Thanh Son").
PORTFOLIO_WORDS = frozenset(
    """affairs foreign trade industry defence defense finance education training health
    culture sports tourism agriculture rural development planning investment justice home
    interior labour labor invalids social science technology information communications
    transport construction resources environment security economy commerce cooperation
    external relations ethnic minorities religious veterans energy natural public climate
    sport youth employment digital housing mobility heritage international""".split()
)

# Common Vietnamese family names (ASCII): the first token of a 2-4 token name.
VIETNAMESE_SURNAMES = frozenset(
    """nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh trinh
    truong mai lam ha to doan luong cao ta chu kieu quach lai thai tong lu khuat nong
    giang la van tang hua diep ong mac""".split()
)

# Place aliases that newswire English uses and gazetteers miss.
PLACE_ALIASES = {
    "hcm city": ("Ho Chi Minh City", "city", "VN"),
    "hcmc": ("Ho Chi Minh City", "city", "VN"),
    "ho chi minh city": ("Ho Chi Minh City", "city", "VN"),
    "ho chiminh city": ("Ho Chi Minh City", "city", "VN"),
    "saigon": ("Ho Chi Minh City", "city", "VN"),
    "hanoi": ("Hanoi", "city", "VN"),
    "ha noi": ("Hanoi", "city", "VN"),
    "haiphong": ("Hai Phong", "city", "VN"),
    "hai phong": ("Hai Phong", "city", "VN"),
    "quangninh": ("Quang Ninh", "province", "VN"),
    "danang": ("Da Nang", "city", "VN"),
    "da nang": ("Da Nang", "city", "VN"),
    "dalat": ("Da Lat", "city", "VN"),
    "da lat": ("Da Lat", "city", "VN"),
    "viet nam": ("Vietnam", "country", "VN"),
    "central highlands": ("Central Highlands", "region", "VN"),
    "mekong delta": ("Mekong Delta", "natural", "VN"),
    "red river delta": ("Red River Delta", "natural", "VN"),
    "ha long bay": ("Ha Long Bay", "natural", "VN"),
    "halong bay": ("Ha Long Bay", "natural", "VN"),
    "us": ("United States", "country", "US"),
    "usa": ("United States", "country", "US"),
    "uk": ("United Kingdom", "country", "GB"),
    "nouvelle aquitaine": ("Nouvelle-Aquitaine", "region", "FR"),
    "republic of korea": ("Republic of Korea", "country", "KR"),
    "south korea": ("South Korea", "country", "KR"),
    "mount fuji": ("Mount Fuji", "natural", "JP"),
    "mt. fuji": ("Mount Fuji", "natural", "JP"),
    "alps": ("Alps", "natural", None),
}

# Lower-case words allowed inside a place name ("Pays de la Loire", "Temple of Literature").
PLACE_CONNECTORS = frozenset({"of", "de", "la", "du", "des", "le", "the", "d", "sur", "en"})

# Adjectives of a level of government before an office ("Departmental Councillor"):
# never the body the office is held in.
LEVEL_ADJECTIVES = frozenset(
    """departmental regional provincial municipal communal national federal local district
    city state county general""".split()
)

# Office heads whose "of" portfolio names a ministry ("Minister of Trade" -> Ministry of Trade).
MINISTER_ROLES = frozenset({"minister", "deputy minister", "vice minister"})

# Words that, after "the", refer back to an organisation or place named earlier
# ("the agency's President", "President of the region").
ANAPHORIC_ORG_NOUNS = frozenset(
    """company agency group firm association university school organisation organization
    committee council chamber startup enterprise corporation centre center institute hospital
    museum ministry department board authority office""".split()
)
ANAPHORIC_PLACE_NOUNS = frozenset({"region", "city", "province", "town", "department", "state", "country"})


def lexicon(language: str = "en") -> dict[str, object]:
    """The word tables for ``language`` (only English for now).

    Args:
        language: ISO 639-1 code.

    Returns:
        A mapping from table name to table.
    """
    return {k: v for k, v in globals().items() if k.isupper()}
