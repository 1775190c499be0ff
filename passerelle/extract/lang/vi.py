"""Vietnamese word tables for extraction: offices, event and commitment triggers.

Data only, no logic. Every key is lower case and NFC-normalised, with diacritics
kept. Vietnamese text places tone marks in two styles ("thỏa" and "thoả", "ủy" and
"uỷ"); the tables list both where either is common. Multi-word keys are separated
by single spaces. Match the longest key first, on whole words, so that "phó chủ
tịch" wins over "chủ tịch" and "đại sứ quán" (an embassy, in ``ORGANIZATION_WORDS``)
is not read as "đại sứ" (see ``passerelle.extract.lang.find_phrase``).

Roles are the usual English name of the office, title-cased, without the place
(``shared/spec/RECORD.md``): "Chủ tịch UBND tỉnh" is "Chairman" of that province's
People's Committee, "Bí thư Tỉnh ủy" is "Secretary" of that provincial Party
Committee, "Đại sứ" is "Ambassador". Vietnamese news also names foreign offices
with Vietnamese words: a French prefect is a "tỉnh trưởng", the president of a
French region a "chủ tịch hội đồng vùng". The entries were chosen from the offices
of provincial and national government, the Party, diplomacy, universities and
companies that cooperation news names.
"""

from __future__ import annotations

# Abbreviations of Vietnamese news -> the words they stand for (lower case).
ABBREVIATIONS: dict[str, str] = {
    "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân",
    "tp": "thành phố",
    "tp.": "thành phố",
    "đsq": "đại sứ quán",
    "ts.": "tiến sĩ",
    "gs.": "giáo sư",
    "pgs.": "phó giáo sư",
}

_PC = ("ubnd", "ủy ban nhân dân", "uỷ ban nhân dân")  # People's Committee, three spellings
# Provincial and city Party Committees, both tone-mark styles.
_PROVINCE_PARTY = ("tỉnh ủy", "tỉnh uỷ", "thành ủy", "thành uỷ")


def _each(prefix: str, heads: tuple[str, ...], suffixes: tuple[str, ...] = ("",)) -> list[str]:
    """Every "prefix head suffix" spelling (a build-time helper for the tables below)."""
    return [" ".join(w for w in (prefix, h, s) if w) for h in heads for s in suffixes]


_UNITS = ("tỉnh", "thành phố", "tp")

# Vietnamese office -> English role.
ROLES: dict[str, str] = {
    # provincial and city People's Committees and Councils
    **dict.fromkeys(_each("chủ tịch", _PC, _UNITS), "Chairman"),
    **dict.fromkeys(_each("phó chủ tịch", _PC, _UNITS), "Vice Chairman"),
    **dict.fromkeys(_each("phó chủ tịch thường trực", _PC, _UNITS), "Permanent Vice Chairman"),
    "phó chủ tịch thường trực": "Permanent Vice Chairman",
    **dict.fromkeys(_each("chủ tịch", ("hđnd", "hội đồng nhân dân"), _UNITS), "Chairman"),
    # the Party
    **dict.fromkeys(_each("bí thư", _PROVINCE_PARTY), "Secretary"),
    **dict.fromkeys(_each("phó bí thư", _PROVINCE_PARTY), "Deputy Secretary"),
    **dict.fromkeys(_each("phó bí thư thường trực", _PROVINCE_PARTY), "Standing Deputy Secretary"),
    "bí thư": "Secretary",
    "phó bí thư": "Deputy Secretary",
    "tổng bí thư": "General Secretary",
    **dict.fromkeys(("ủy viên trung ương đảng", "uỷ viên trung ương đảng",
                     "ủy viên ban chấp hành trung ương đảng",
                     "uỷ viên ban chấp hành trung ương đảng"),
                    "Member of the Party Central Committee"),
    **dict.fromkeys(_each("ủy viên ban thường vụ", _PROVINCE_PARTY)
                    + _each("uỷ viên ban thường vụ", _PROVINCE_PARTY),
                    "Member of the Standing Committee"),
    "ủy viên bộ chính trị": "Politburo Member",
    "uỷ viên bộ chính trị": "Politburo Member",
    # national government and parliament
    "chủ tịch nước": "President",
    "tổng thống": "President",
    "chủ tịch quốc hội": "Chairman",
    "thủ tướng": "Prime Minister",
    "phó thủ tướng": "Deputy Prime Minister",
    "bộ trưởng": "Minister",
    "bộ trưởng ngoại giao": "Foreign Minister",
    "thứ trưởng": "Deputy Minister",
    "thượng nghị sĩ": "Senator",
    "nghị sĩ": "Member of Parliament",
    "hạ nghị sĩ": "Member of Parliament",
    "đại biểu quốc hội": "Member of Parliament",
    # diplomats
    "đại sứ": "Ambassador",
    "đại sứ đặc mệnh toàn quyền": "Ambassador",
    "tổng lãnh sự": "Consul General",
    "lãnh sự": "Consul",
    "lãnh sự danh dự": "Honorary Consul",
    "tham tán": "Counsellor",
    "trưởng đại diện": "Chief Representative",
    "công sứ": "Minister Counsellor",
    # foreign local offices as Vietnamese news names them
    "thị trưởng": "Mayor",
    "phó thị trưởng": "Deputy Mayor",
    "tỉnh trưởng": "Prefect",  # a French préfet; a Lao or Thai governor (see entities_vi)
    "phó tỉnh trưởng": "Deputy Prefect",
    "thống đốc": "Governor",  # of a Japanese prefecture, a US state
    "phó thống đốc": "Vice Governor",
    "chủ tịch hội đồng vùng": "President",
    "chủ tịch vùng": "President",
    "chủ tịch hội đồng tỉnh": "President",
    # heads and deputies of any body
    "chủ tịch": "Chairman",
    "phó chủ tịch": "Vice Chairman",
    "chủ nhiệm": "Chairman",
    "giám đốc": "Director",
    "phó giám đốc": "Deputy Director",
    "giám đốc sở": "Director",
    "tổng giám đốc": "General Director",
    "tổng thư ký": "General Secretary",
    "trưởng ban": "Head",
    "phó trưởng ban": "Deputy Head",
    # universities
    "hiệu trưởng": "Rector",
    "phó hiệu trưởng": "Vice Rector",
}

# Words that start an organisation's name, which must not be read as an office.
ORGANIZATION_WORDS: dict[str, str] = {
    "đại sứ quán": "government",
    "tổng lãnh sự quán": "government",
    "lãnh sự quán": "government",
    "ủy ban nhân dân": "government",
    "uỷ ban nhân dân": "government",
    "ubnd": "government",
    "hội đồng nhân dân": "government",
    "hđnd": "government",
    "bộ": "government",
    "sở": "government",
    "trường đại học": "university",
    "đại học": "university",
    "học viện": "university",
    "công ty": "company",
    "tập đoàn": "company",
    "hội hữu nghị": "association",
    "hiệp hội": "association",
    "liên hiệp các tổ chức hữu nghị": "association",
}

# Event type (RECORD.md) -> phrases that state one.
EVENT_TRIGGERS: dict[str, tuple[str, ...]] = {
    "visit": (
        "chuyến thăm", "thăm và làm việc", "thăm làm việc", "chuyến công tác", "đến thăm",
        "sang thăm", "thăm chính thức", "chuyến thăm chính thức",
    ),
    "meeting": (
        "làm việc với", "buổi làm việc", "hội kiến", "hội đàm", "tiếp xúc", "đã tiếp",
        "tiếp đón", "gặp gỡ", "gặp mặt", "tọa đàm", "toạ đàm",
    ),
    "agreement": (
        "ký kết", "lễ ký", "đã ký", "biên bản ghi nhớ", "thỏa thuận hợp tác",
        "thoả thuận hợp tác", "ký thỏa thuận", "ký thoả thuận", "kết nghĩa",
    ),
    "conference": (
        "hội thảo", "diễn đàn", "hội nghị", "lễ kỷ niệm", "buổi lễ", "dự lễ", "tham dự",
        "lễ khai mạc",
    ),
}

# Commitment kind (RECORD.md) -> phrases that state one.
COMMITMENT_TRIGGERS: dict[str, tuple[str, ...]] = {
    "intent": (
        "mong muốn", "bày tỏ mong muốn", "hy vọng", "hi vọng", "mong", "có nguyện vọng",
        "quan tâm", "muốn", "tìm kiếm cơ hội",
    ),
    "proposal": ("đề nghị", "đề xuất", "gợi ý"),
    "appeal": ("kêu gọi", "yêu cầu"),
    "pledge": (
        "cam kết", "khẳng định sẽ", "sẵn sàng", "luôn sẵn sàng", "sẽ tạo điều kiện",
        "sẽ hỗ trợ", "sẽ tiếp tục", "hứa",
    ),
    "agreement": ("nhất trí", "thống nhất", "đồng ý"),
    "invitation": ("mời", "lời mời", "đã mời", "trân trọng mời"),
}

# Honorifics and academic titles written before a name ("ông Nguyễn Văn A").
HONORIFICS: frozenset[str] = frozenset(
    {"ông", "bà", "ngài", "đồng chí", "tiến sĩ", "giáo sư", "phó giáo sư", "ts.", "gs.", "pgs."}
)

# Generic words written before Vietnamese place names -> the place kind they announce.
PLACE_WORDS: dict[str, str] = {
    "tỉnh": "province",
    "thành phố": "city",
    "tp": "city",
    "tp.": "city",
    "thủ đô": "city",
    "thị xã": "city",
    "huyện": "district",
    "quận": "district",
    "xã": "other",
    "phường": "other",
    "vùng": "region",
    "miền": "region",
    "nước": "country",
}

# Country names as written in Vietnamese -> ISO 3166-1 alpha-2. "Anh" (the United
# Kingdom) is left out: it is also a common word ("he", "elder brother").
COUNTRIES: dict[str, str] = {
    "việt nam": "VN", "pháp": "FR", "cộng hòa pháp": "FR", "cộng hoà pháp": "FR",
    "đức": "DE", "nhật bản": "JP", "trung quốc": "CN", "hoa kỳ": "US", "mỹ": "US",
    "hàn quốc": "KR", "nga": "RU", "ấn độ": "IN", "thái lan": "TH", "lào": "LA",
    "campuchia": "KH", "bỉ": "BE", "hà lan": "NL", "thụy sĩ": "CH", "thuỵ sĩ": "CH",
    "italy": "IT", "tây ban nha": "ES", "australia": "AU", "úc": "AU", "canada": "CA",
    "singapore": "SG", "indonesia": "ID", "malaysia": "MY", "philippines": "PH",
}

# How an organisation's name goes on after its head word (see ``entities_vi``):
# "unit": an administrative unit and its place ("UBND tỉnh Thừa Thiên Huế");
# "party": a place ("Tỉnh ủy Thừa Thiên Huế"); "country": a country ("Chính phủ
# Pháp"); "embassy": a country, then "tại" and a place ("Đại sứ quán Việt Nam tại
# Pháp"); "named": capitalised words ("Bộ Ngoại giao", "Trường Đại học Huế");
# "company": the company's own name after a generic word ("tập đoàn VinFast");
# "fixed": the head is the whole name ("Cộng đồng Pháp ngữ").
ORGANIZATION_HEADS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(("ubnd", "ủy ban nhân dân", "uỷ ban nhân dân", "hđnd",
                     "hội đồng nhân dân"), ("government", "unit")),
    **dict.fromkeys(_PROVINCE_PARTY, ("other", "party")),
    **dict.fromkeys(("chính phủ", "quốc hội", "thượng nghị viện", "thượng viện", "hạ viện",
                     "nghị viện", "bộ ngoại giao"), ("government", "country")),
    "tổ chức": ("agency", "named"),  # "Tổ chức Xúc tiến Thương mại Nhật Bản (JETRO)"
    "hợp tác xã": ("other", "named"),  # "Hợp tác xã Nông nghiệp Vĩnh Hanh"
    **dict.fromkeys(("đại sứ quán", "tổng lãnh sự quán", "lãnh sự quán"),
                    ("government", "embassy")),
    **dict.fromkeys(("bộ", "sở", "ban"), ("government", "named")),
    **dict.fromkeys(("trường đại học", "đại học", "học viện", "trường"), ("university", "named")),
    **dict.fromkeys(("viện", "cơ quan", "trung tâm"), ("agency", "named")),
    **dict.fromkeys(("phòng thương mại và công nghiệp", "phòng thương mại", "hội hữu nghị",
                     "hiệp hội", "hội", "liên hiệp các tổ chức hữu nghị", "quỹ"),
                    ("association", "named")),
    **dict.fromkeys(("tập đoàn", "công ty", "hãng"), ("company", "company")),
    "ngân hàng": ("company", "named"),
    **dict.fromkeys(("cộng đồng pháp ngữ", "tổ chức quốc tế pháp ngữ", "liên hợp quốc",
                     "liên minh châu âu", "đảng cộng sản việt nam"), ("other", "fixed")),
    "cơ quan phát triển pháp": ("agency", "fixed"),
    # French public agencies, written in Vietnamese news by their French name
    **dict.fromkeys(("business france", "campus france", "atout france", "expertise france"),
                    ("agency", "fixed")),
    # bodies of other countries, with their own (foreign) name after the head
    **dict.fromkeys(("hội đồng vùng", "hội đồng tỉnh", "hội đồng thành phố"),
                    ("government", "foreign")),
    **dict.fromkeys(("khu lâu đài quốc gia", "khu lâu đài"), ("agency", "foreign")),
}

# Names that are generic bodies of any event or institution, not organisations.
GENERIC_BODIES: frozenset[str] = frozenset(
    {"ban tổ chức", "ban giám đốc", "ban lãnh đạo", "ban giám hiệu", "ban giám khảo",
     "ban quản lý", "ban điều hành", "ban thư ký", "trung tâm hành chính"}
)

# Words before an outlet's name ("theo báo Nhân Dân"): what follows is not a person.
OUTLET_WORDS: frozenset[str] = frozenset(
    {"báo", "tờ", "tạp chí", "đài", "kênh", "hãng thông tấn", "thông tấn xã", "cổng thông tin"}
)

# Unit words written between "UBND" and the place -> the kind of that place.
UNIT_WORDS: dict[str, str] = {
    "tỉnh": "province", "thành phố": "city", "tp": "city", "tp.": "city", "huyện": "district",
    "quận": "district", "thị xã": "city", "xã": "other", "phường": "other",
}

# Lower-case syllables that never continue an organisation's name ("Chính phủ Pháp
# đối với ...", "Bộ Ngoại giao cho biết").
NAME_STOPWORDS: frozenset[str] = frozenset(
    """và với của cho có là được đã sẽ đang vẫn cũng để khi theo cùng đến từ về trong ngoài
    trên dưới tại này đó kia những các một hai ba nhiều nói biết đối nhằm do bởi như mà thì
    nên vì nay năm ngày tháng ông bà anh chị tác làm việc tiếp đón thăm dự phối ký kết
    đánh trì dẫn vào ra lên xuống sang qua tới đi ở""".split()
)

__all__ = [
    "ORGANIZATION_HEADS", "UNIT_WORDS", "NAME_STOPWORDS", "GENERIC_BODIES", "OUTLET_WORDS",
    "ABBREVIATIONS", "ROLES", "ORGANIZATION_WORDS", "EVENT_TRIGGERS", "COMMITMENT_TRIGGERS",
    "HONORIFICS", "PLACE_WORDS", "COUNTRIES",
]
