"""What an article is about: sector slugs from a weighted keyword lexicon.

Component ``sectors.keywords.v1``. Each sector of ``passerelle.records.SECTORS`` has,
per language, a list of ``(pattern, weight)``: a *strong* term (weight 1.0) names the
sector on its own ("aquaculture", "railway"); a *weak* one (0.5) only hints at it
("partnership", "innovation") and needs a second sentence to agree. A sentence counts
once per sector (its best term), the title and the lead count more, and a sector is
kept when its score reaches the threshold. The evidence of a sector is the body
sentences that matched it.

The dev gold tags an article with every field of cooperation the body names, even
once, so a single strong term in the body is enough (see ``THRESHOLD``).

Passing mentions are read for what they are: an airport flown to is a place, a weak
term becomes strong only after a "fields of ..." frame, and an article without
cooperation is read by its main subject: in a storm or flood story the damage list
(schools, crops, boats, roads) counts at a discount, and a domestic law is no economy
story through the companies it binds. A host's portrait of its locality (a briefing
of the guests, what a merged province "now" covers) counts at ``PROFILE_WEIGHT``, and
a ship's port call is a visit, not transport.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from passerelle import registry
from passerelle.extract.base import Analysis, Sentence
from passerelle.records import SECTORS

S, W = 1.0, 0.5  # strong and weak terms
# "Friendship" is in nearly every diplomatic article; it hints at people-to-people ties
# only when it recurs (three sentences); so does "delegation" for diplomacy (a university
# or business delegation is no diplomatic act).
F = 0.34

# Tuned on the English dev gold (16 documents with the two seeds), micro F1:
# 0.5 -> 0.91 (precision 0.85), 1.0 -> 0.96 (one strong term, or weak terms in two
# sentences), 1.5 -> 0.74 (precision 1.00 but recall 0.59: gold tags single mentions).
THRESHOLD = 1.0
# Long articles (press releases of several thousand characters) mention more in passing:
# past this many body sentences, the threshold rises by ``LONG_STEP`` per extra block.
LONG_SENTENCES = 40
LONG_STEP = 0.5
# The title and the first body sentence say what the article is about.
TITLE_WEIGHT = 1.5
LEAD_WEIGHT = 1.5
# Photo captions only repeat or illustrate; they count half.
CAPTION_WEIGHT = 0.5
# A host's portrait of the locality ("briefed the guests on the enlarged province, which
# now stretches to the coast and has fishing ports and tea farms") lists what the place
# has, not what the two sides will do together: its terms count like a frequent word.
PROFILE_WEIGHT = 0.34

Lexicon = dict[str, list[tuple[str, float]]]

LEXICON_EN: Lexicon = {
    "diplomacy": [
        (r"ambassadors?", S), (r"embass(?:y|ies)", S), (r"diplomatic", S), (r"diplomacy", S),
        (r"(?:comprehensive )?strategic partnership", S), (r"comprehensive partnership", S),
        (r"bilateral (?:relations?|ties|relationship|cooperation|friendship)", S),
        (r"letters? of credentials?", S), (r"(?:state|official) visit", S),
        (r"foreign (?:minister|ministry|affairs|policy)", S),
        (r"decentrali[sz]ed cooperation", S), (r"decentrali[sz]ation conference", S),
        (r"twinning", S), (r"sister[- ]cit(?:y|ies)", S), (r"twin (?:relations|cities|city)", S),
        (r"consul(?:ate|s)?(?: general)?", S), (r"political (?:trust|relations|ties)", S),
        (r"relations? between the two (?:countries|nations|sides|peoples)", S),
        (r"locality-to-locality", S), (r"(?:prime minister|president)'?s? (?:visit|trip)", S),
        (r"bilateral", W), (r"partnerships?", W), (r"delegations?", F),
        (r"cooperation agreements?", W), (r"memorandum of understanding|mou", W),
    ],
    "economy": [
        (r"econom(?:y|ic|ies)", S), (r"trade", S), (r"trading", S), (r"investments?", S),
        (r"investors?", S), (r"invest(?:s|ed|ing)?", S), (r"free[- ]trade", S),
        (r"evfta|fta", S), (r"commerce", S),
        (r"commercial", S), (r"exports?", S), (r"imports?", S), (r"enterprises?", S),
        (r"securities", S), (r"chambers? of commerce", S), (r"industrial (?:parks?|zones?)", S),
        (r"financ(?:e|ial)", S), (r"banking", S), (r"gdp", S),
        (r"business(?:es)?", W), (r"compan(?:y|ies)", W), (r"firms?", W), (r"markets?", W),
        (r"tax(?:es|payers?)?", W), (r"(?<!defence )(?<!defense )industr(?:y|ies)", W),
    ],
    "education": [
        (r"education(?:al)?", S), (r"schools?", S), (r"universit(?:y|ies)(?! hospitals?)", S),
        (r"students?", S), (r"training", S), (r"lecturers?", S), (r"teachers?", S),
        (r"teaching", S), (r"academic", S),
        (r"train(?:s|ed)? (?:\w+ ){0,2}(?:engineers|workers|staff|technicians|teachers|doctors|"
         r"nurses|personnel|officials|students|colleagues)", S), (r"scholarships?", S),
        (r"vocational", S),
        (r"fellowships?", S), (r"language (?:courses?|classes|lessons)", S),
        (r"pupils?", S), (r"alumni", S), (r"internships?", S), (r"interning", S),
        (r"research", W), (r"human resources?", W), (r"institutes?", W),
    ],
    "culture": [
        (r"culture", S), (r"cultural(?! heritage)", S), (r"(?<!of[- ]the[- ])arts?", S),
        (r"artists?", S),
        (r"music(?:al|ians?)?", S), (r"films?", S), (r"cinema", S), (r"francophon(?:e|ie)", S),
        (r"literature", S),
        # a language course before a stay abroad is training (education), not culture
        (r"(?:french|vietnamese)[- ]language(?! courses?)(?! classes)(?! lessons)", S),
        (r"(?:french|english|german|spanish)-speaking", S), (r"theatre|theater", W),
        (r"festivals?", W), (r"exhibitions?", W), (r"costumes?", W), (r"language", W),
        (r"sports?", W), (r"(?:handi)?crafts?", W),
    ],
    "heritage": [
        (r"heritage", S), (r"(?:preservation|conservation|restoration) of", S),
        (r"heritage preservation", S), (r"conservation", W), (r"monuments?", S),
        (r"relics?", S), (r"old quarters?", S), (r"ancient (?:town|city|capital)", W),
        (r"citadel", S), (r"historic(?:al)? (?:sites?|buildings?|architecture)", S),
        (r"unesco", S), (r"restor(?:e|ed|ing|ation)", W), (r"museums?", W),
    ],
    "tourism": [
        (r"touris(?:m|ts?|tic)", S), (r"hotels?", S), (r"resorts?", S), (r"holidays?", W),
        (r"(?:more|foreign|international) (?:\w+ )?visitors", S),
        (r"visitors", W), (r"destinations?", W),
    ],
    "agriculture": [
        (r"agricultur(?:e|al)", S), (r"agro", S), (r"agri-?food", S),
        (r"(?<!solar )(?<!wind )(?<!server )farm(?:s|ing)?", S), (r"dairy", S), (r"cider", S),
        (r"cheeses?", S),
        (r"farmers?", S), (r"food (?:industry|security|products?|safety)", S), (r"food processing", W),
        (r"wines?", S), (r"vineyards?", S), (r"winegrowing|viticulture", S), (r"crops?", S),
        (r"rice", S), (r"coffee", S), (r"livestock", S), (r"fruits?", W), (r"organic", W),
        (r"foods?", W),
    ],
    "fisheries": [
        (r"fisher(?:y|ies|men|man)", S), (r"fishing", S), (r"seafood", S),
        (r"aquaculture", S), (r"shrimps?", S), (r"fish", W),
    ],
    "climate": [
        (r"climate[- ](?:change|action|adaptation|resilien(?:ce|t)|crisis|finance|goals?|"
         r"targets?|neutral(?:ity)?|commitments?|smart|friendly|related|policy|policies)", S),
        (r"(?<!investment )(?<!business )(?<!cool )(?<!cool-)(?<!mountain )(?<!mild )"
         r"(?<!warm )(?<!temperate )(?<!tropical )(?<!cold )(?<!dry )(?<!humid )"
         r"(?<!pleasant )(?<!political )(?<!economic )climate", W),
        (r"(?<!policy )(?<!business )(?<!investment )(?<!legal )(?<!working )"
         r"environment(?:al)?", S),
        (r"(?:rising|rise in|rise of the) sea[- ]levels?|sea[- ]level rise", S),
        (r"sea[- ]levels?", W),
        (r"coastal erosion", S), (r"saltwater intrusion|salini[sz]ation|salinity", S),
        (r"(?<!indian )(?<!pacific )(?<!atlantic )(?<!arctic )ocean(?:ic|ography)?", S),
        (r"marine (?:environment|ecosystems?|management|"
                                       r"science|pollution|protection)", S),
        (r"emissions?", S), (r"biodiversity", S), (r"pollution", S),
        (r"natural disasters?", S), (r"eco-industrial", S), (r"flood(?:s|ed|ing)?", W), (r"droughts?", S),
        (r"typhoons?|(?:tropical )?storms?|cyclones?|landslides?|disaster prevention", W),
        (r"carbon[- ](?:neutral|neutrality)|net[- ]zero", S), (r"decarboni[sz]\w*", S),
        (r"sustainable development", W), (r"green (?:growth|transition|economy)", W),
    ],
    "energy": [
        (r"energy", S), (r"renewables?", S), (r"solar", S), (r"wind (?:power|farms?|energy|"
                                                            r"turbines?)", S),
        (r"hydrogen", S), (r"nuclear", S), (r"power plants?", S), (r"electricity", S),
        (r"lng", S), (r"hydropower", S), (r"offshore wind", S),
    ],
    "health": [
        (r"health(?:care| care)?(?! records?)(?! data)", S), (r"hospitals?", S), (r"medic(?:al|ine|ines)", S),
        (r"doctors?", S), (r"nurses?|nursing", S), (r"patients?", S), (r"clinics?", S),
        (r"vaccines?", S), (r"diseases?", S), (r"pharmaceuticals?", W), (r"pandemic", W),
    ],
    "technology": [
        (r"science and technology", S),
        (r"high[- ]tech(?:nology)?(?! agricultur)(?! farm)", S),
        (r"digital (?:transformation|economy|technology|technologies)", S),
        (r"information technology", S), (r"software", S), (r"artificial intelligence", S),
        (r"(?-i:AI)", S), (r"automation", S), (r"start-?ups?", S), (r"semiconductors?", S),
        (r"video games?", S), (r"technology parks?", S), (r"smart cit(?:y|ies)", S),
        (r"digital", W), (r"technolog(?:y|ies|ical)", W), (r"innovation", W),
        (r"research and development|r&d", W),
        (r"(?:virtual|augmented) reality", S),
        # "transfer of vaccine filling technology": a named technology changes hands
        # ("transfer skills and technology" is know-how in general).
        (r"technology transfers?|transfer(?:s|red|ring)?\b[^.;]{0,60}?\b(?!and\b)[a-z-]+ "
         r"technolog(?:y|ies)", S),
    ],
    "aerospace": [
        (r"aerospace", S), (r"aviation", S), (r"aircraft", S), (r"airlines?", S),
        (r"airbus", S), (r"boeing", S), (r"space (?:agency|industry|technology|cooperation)", S),
        (r"satellites?", S), (r"earth observation", S), (r"a3[2-5]0s?", S), (r"fleet", W),
    ],
    "transport": [
        (r"transport(?:ation)?", S), (r"railways?", S), (r"rail", S), (r"metro", S),
        (r"seaports?", S), (r"(?<!fishing )ports?", S),
        (r"(?:direct )?air (?:links?|routes?|connections?)|direct flights?", S), (r"logistics", W), (r"airports?", S),
        (r"highways?|expressways?", S), (r"shipping", S),
        # maritime law and security are rules of the sea, not shipping
        (r"maritime(?! security)(?! law)(?! boundar)(?! disputes?)(?! sovereignty)", S),
        (r"wharf|wharves", S), (r"infrastructure", W), (r"roads?", W), (r"bridges?", W),
        (r"tram", W), (r"(?:urban|sustainable|electric|public) mobility", S),
    ],
    "urban": [
        (r"urban(?! communit)(?! areas?)(?! transport)", S), (r"clean water", S),
        (r"(?:city|town) planning", S),
        (r"(?<!naval )architecture(?! schools?)(?! students?)(?! faculty)", S),
        (r"architects?", W), (r"water supply", S), (r"sanitation", S), (r"wastewater", S),
        (r"waste (?:treatment|management|collection)", S), (r"drainage", S),
        (r"smart cit(?:y|ies)", S), (r"(?:public|urban) light(?:n)?ing", S), (r"housing", S),
        (r"construction", W), (r"lighting", W),
    ],
    "community": [
        (r"(?:vietnamese|overseas|french|expatriate) communit(?:y|ies)", S),
        (r"diaspora", S), (r"overseas vietnamese", S), (r"people-to-people", S),
        (r"friendship associations?", S), (r"exchanges? (?:among|between) (?:citizens|"
                                            r"people|young people)", S),
        (r"youth exchanges?", S), (r"friendship(?! groups?)", F), (r"young people", W),
        (r"(?:vietnamese|migrant|foreign|overseas) workers and trainees", S),
        (r"(?:vietnamese|migrant|foreign) (?:workers|nationals|residents) (?:living|working|"
         r"residing) (?:in|abroad)", S),
    ],
    "defence": [
        (r"defen[cs]e", S), (r"military", S), (r"army", S), (r"armed forces", S),
        (r"reserve forces", S), (r"navy|naval(?! architect)(?! engineer)", S), (r"coast guard", S),
        (r"peacekeeping", S), (r"(?<!food )(?<!social )security", W), (r"police", W),
    ],
}

LEXICON_FR: Lexicon = {
    "diplomacy": [
        (r"ambassad(?:eur|rice|e)s?", S), (r"diplomati(?:que|e)s?", S),
        (r"partenariat stratégique", S), (r"relations? bilatérales?", S),
        (r"coopération décentralisée", S), (r"jumelage", S), (r"villes? jumelles?", S),
        (r"consul(?:at)?(?: général)?", S), (r"visite officielle", S),
        (r"affaires étrangères", S), (r"bilatérale?s?", W), (r"partenariats?", W),
        (r"délégations?", F),
    ],
    "economy": [
        (r"économi(?:e|que)s?", S), (r"commerc(?:e|ial|iaux|iale)s?", S),
        (r"investissements?", S), (r"investisseurs?", S), (r"investir", S),
        (r"exportations?", S), (r"libre-échange", S), (r"chambre de commerce", S),
        (r"entreprises?", W), (r"sociétés?", W), (r"industri(?:e|el|elle)s?", W),
        (r"marchés?", W),
    ],
    "education": [
        (r"éducati(?:on|f)s?", S), (r"enseignement", S), (r"écoles?", S),
        (r"(?<!hôpitaux )(?<!hôpital )(?<!hospitalier )universit(?:é|aire)s?", S),
        (r"étudiants?", S), (r"formations?", S), (r"lycées?", S), (r"bourses?", W),
        (r"recherche", W), (r"enseignants?", S), (r"stagiaires?|stages?", W),
    ],
    "culture": [
        (r"culture", S), (r"culturel(?:le)?s?(?! patrimoine)", S), (r"arts?", S),
        (r"artistes?", S), (r"musique", S), (r"cinéma|films?", S), (r"francophon(?:e|ie)", S),
        (r"langue (?:française|vietnamienne)", S), (r"festivals?", W), (r"expositions?", W),
    ],
    "heritage": [
        (r"patrimoine", S), (r"préservation|conservation", S), (r"monuments?", S),
        (r"vieux quartier", S), (r"citadelle", S), (r"unesco", S), (r"restauration", W),
        (r"musées?", W),
    ],
    "tourism": [(r"touris(?:me|tes?|tique)s?", S), (r"hôtel(?:s|lerie)?(?! de ville)(?! de région)(?! du département)", S), (r"voyages?", W)],
    "agriculture": [
        (r"agricult(?:ure|eurs?)", S), (r"agricoles?", S), (r"agroalimentaires?", S),
        (r"vins?|viticulture|vignobles?", S), (r"sécurité alimentaire", S), (r"riz", S),
        (r"rizicult\w*", S),
        (r"café", W), (r"alimentaires?", W),
    ],
    "fisheries": [(r"pêche", S), (r"pêcheurs?", S), (r"aquaculture", S),
                  (r"produits de la mer|fruits de mer", S), (r"crevettes?", S)],
    "climate": [
        (r"(?<!affaires )climat(?:ique)?s?", S),
        (r"environnement(?:al|ale|aux)?(?! des affaires)(?! d[’']investissement)(?! juridique)", S),
        (r"(?:montée|élévation|hausse) du niveau de la mer", S), (r"niveau de la mer", W), (r"catastrophes? naturelles?", S), (r"érosion côtière", S), (r"salinisation|intrusion saline", S),
        (r"océan(?:s|ique|ographique)?", S), (r"biodiversité", S), (r"pollution", S),
        (r"inondations?", S), (r"développement durable", W), (r"transition écologique", S),
        (r"décarbon\w*", S),
        (r"typhons?|tempêtes?|cyclones?|glissements? de terrain|crues?", W),
    ],
    "energy": [(r"énergies?", S), (r"énergétiques?", S), (r"renouvelables?", S),
               (r"solaire", S), (r"éolien(?:ne)?s?", S), (r"hydrogène", S), (r"nucléaire", S)],
    "health": [(r"santé", S), (r"hôpita(?:l|ux)", S), (r"médic(?:al|ale|aux|ament)s?", S),
               (r"médecine", S), (r"sanitaires?", W), (r"pharmaceutiques?", W)],
    "technology": [
        (r"hautes? technologies?", S), (r"numériques?", S), (r"intelligence artificielle", S),
        (r"logiciels?", S), (r"start-?ups?", S), (r"technologi(?:e|que)s?", W),
        (r"innovations?", W), (r"scientifiques?", W),
    ],
    "aerospace": [(r"aéronauti(?:que|ques)", S), (r"aérospatiale?s?", S), (r"aviation", S),
                  (r"avions?", S), (r"satellites?", S), (r"spatiale?s?", S), (r"airbus", S)],
    "transport": [(r"transports?", S), (r"ferroviaires?", S), (r"portuaires?", S),
                  (r"ports?", S), (r"logistique", W), (r"aéroports?", S), (r"métro", S),
                  (r"infrastructures?", W), (r"routes?", W)],
    "urban": [(r"(?<!communauté )(?<!transports )(?<!transport )urbain(?:e|s|es)?", S), (r"réhabilit\w*", W),
              (r"planification", W), (r"urbanisme", S), (r"architecture", S),
              (r"assainissement", S), (r"eau potable", S), (r"gestion des déchets", S),
              (r"ville intelligente", S), (r"déchets", W)],
    "community": [(r"communauté (?:vietnamienne|française)", S), (r"diaspora", S),
                  (r"association d'amitié", S), (r"vietnamiens de l'étranger", S),
                  (r"amitié", F), (r"jeunes(?:se)?", W)],
    "defence": [(r"défense", S), (r"militaires?", S), (r"armée", S),
                (r"sécurité(?! alimentaire)", W)],
}

LEXICON_VI: Lexicon = {
    "diplomacy": [
        (r"đại sứ(?: quán)?", S), (r"ngoại giao", S), (r"đối tác chiến lược", S),
        (r"quan hệ song phương", S), (r"hợp tác phi tập trung", S), (r"kết nghĩa", S),
        (r"tổng lãnh sự", S), (r"lãnh sự", S), (r"thăm chính thức", S), (r"song phương", W),
        (r"đối tác", W), (r"đoàn công tác", F), (r"quan hệ hợp tác", W), (r"đối ngoại", S),
        (r"biên bản ghi nhớ", W),
    ],
    "economy": [(r"kinh tế", S), (r"thương mại", S), (r"đầu tư", S), (r"nhà đầu tư", S),
                (r"doanh nghiệp", S), (r"xuất khẩu", S), (r"nhập khẩu", S), (r"kinh doanh", W),
                (r"công ty", W), (r"công nghiệp", W)],
    "education": [(r"giáo dục", S), (r"đào tạo", S), (r"trường (?:học|đại học)", S),
                  (r"đại học", S), (r"sinh viên", S), (r"học sinh", S), (r"giảng viên", S),
                  (r"học bổng", S), (r"nghiên cứu", W), (r"nguồn nhân lực", W)],
    "culture": [(r"(?<!di sản )(?:văn hóa|văn hoá)", S), (r"nghệ thuật", S), (r"nghệ sĩ", S),
                (r"pháp ngữ", S), (r"tiếng pháp", S), (r"âm nhạc", S), (r"điện ảnh", S),
                (r"lễ hội", W), (r"triển lãm", W)],
    "heritage": [(r"di sản", S), (r"bảo tồn", S), (r"di tích", S), (r"trùng tu", S),
                 (r"cố đô", S), (r"phố cổ", S), (r"hoàng thành", S), (r"unesco", S)],
    "tourism": [(r"du lịch", S), (r"du khách", S), (r"khách sạn", S)],
    "agriculture": [(r"nông nghiệp", S), (r"nông sản", S), (r"nông dân", S),
                    (r"an ninh lương thực", S), (r"chế biến thực phẩm", W), (r"rượu vang", S),
                    (r"lúa gạo|cà phê", S), (r"thực phẩm", W)],
    "fisheries": [(r"thủy sản|thuỷ sản", S), (r"nuôi trồng", S), (r"đánh bắt", S),
                  (r"hải sản", S), (r"ngư dân", S)],
    "climate": [(r"biến đổi khí hậu", S), (r"khí hậu", S), (r"môi trường(?! (?:đầu tư|kinh doanh|pháp lý))", S),
                (r"nước biển dâng", S), (r"thiên tai", S), (r"xâm nhập mặn", S), (r"sạt lở", S),
                (r"đại dương", S), (r"phát triển bền vững", W), (r"tăng trưởng xanh", W),
                (r"kinh tế xanh", W), (r"bão|lũ lụt|lũ quét", W)],
    "energy": [(r"năng lượng", S), (r"tái tạo", S), (r"điện gió", S), (r"điện mặt trời", S),
               (r"hydro(?:gen)?", S), (r"hạt nhân", S)],
    "health": [(r"y tế", S), (r"bệnh viện", S), (r"y khoa|y học", S), (r"sức khỏe|sức khoẻ", S),
               (r"bác sĩ", S), (r"dược", W)],
    "technology": [(r"(?<!nông nghiệp )công nghệ cao", S), (r"số hóa|số hoá", S), (r"khoa học công nghệ|khoa học và công nghệ", S),
                   (r"chuyển đổi số", S), (r"trí tuệ nhân tạo", S), (r"khởi nghiệp", S),
                   (r"phần mềm", S), (r"công nghệ", W), (r"đổi mới sáng tạo", W)],
    "aerospace": [(r"hàng không", S), (r"vũ trụ", S), (r"vệ tinh", S), (r"máy bay", S),
                  (r"airbus", S)],
    "transport": [(r"giao thông", S), (r"đường sắt", S), (r"cảng biển", S), (r"cảng(?! cá)", S),
                  (r"logistics", W), (r"sân bay", S), (r"vận tải", S), (r"hạ tầng", W)],
    "urban": [(r"đô thị(?! cổ)", S), (r"quy hoạch", S), (r"(?<!biệt thự )kiến trúc", S), (r"cấp nước", S),
              (r"thoát nước", S), (r"xử lý (?:rác|chất thải|nước thải)", S),
              (r"thành phố thông minh", S)],
    "community": [(r"cộng đồng người việt", S), (r"kiều bào", S),
                  (r"người việt nam ở nước ngoài", S),
                  (r"hội hữu nghị", S), (r"giao lưu nhân dân", S), (r"hữu nghị", F)],
    "defence": [(r"quốc phòng", S), (r"quân đội", S), (r"quân sự", S),
                (r"an ninh(?! lương thực)", W)],
}

# Names of ministries, departments, chambers and committees ("Ministry of Public Security",
# "Deputy Minister of Agriculture", "Department of Agriculture and Environment", "Chamber
# of Commerce and Industry", "National Defence and Security Committee"): a body's name
# says who speaks, not what the article is about.
_CAP = r"[A-Z][\w'’-]*"
_BODY_NAMES = re.compile(
    rf"\b(?:Minist(?:ry|er)|Department|Chamber) (?:of|for) (?:the )?{_CAP}"
    rf"(?:(?:,? and |, | & | ){_CAP})*"
    rf"|\b(?:{_CAP} )+(?:and (?:{_CAP} )+)?(?:Committee|Commission)\b"
)

# The same in Vietnamese: "Sở Nông nghiệp và Môi trường", "Bộ Khoa học và Công nghệ"
# (each element of the name opens with a capital).
_UP = "A-ZÀ-ÝĂĐĨŨƠƯẠ-Ỹ"
_BODY_NAMES_VI = re.compile(
    rf"(?<!\w)(?:Bộ|Sở|Cục|Vụ|Ủy ban|Uỷ ban|Ban) [{_UP}]\w*(?: [^\W{_UP}\d]\w*)?"
    rf"(?:(?:,| và) [{_UP}]\w*(?: [^\W{_UP}\d]\w*)?)*"
)

LEXICONS: dict[str, Lexicon] = {"en": LEXICON_EN, "fr": LEXICON_FR, "vi": LEXICON_VI}

# Places named in passing: an airport one flies to or lands at ("air routes to Da Nang
# airport", "welcomed at Noi Bai International Airport") is where, not what, the article
# is about; building or running one still counts.
# So is a port where a ship calls or docks: a navy frigate's "port call" or a cruise ship
# "docking at Cam Ranh Port" is a visit, not a field of cooperation.
_PASSING: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\b(?:at|to|from|via|into|near|in) (?:the )?(?:nearby |new )?"
                     rf"(?:(?:{_CAP}|international) ){{0,4}}airports?\b"
                     r"|\bport calls?\b|\b(?:dock|berth|moor|call)(?:s|ed|ing)? (?:at|in) "
                     r"(?:the )?(?:[\w'-]+ ){0,4}?ports?\b"
                     # an envoy's office before their name says who, not what about
                     r"|(?-i:\b(?:Consul General|Ambassador)(?: (?:in|of|to)(?: [A-Z][\w-]+){1,4})?"
                     r"(?= (?:Dr |Mr |Ms |Mrs )?[A-Z][\w'-]+\b))", re.IGNORECASE),
    "fr": re.compile(r"\b(?:à|de|depuis|vers|par) l[’']aéroport\b", re.IGNORECASE),
    "vi": re.compile(r"(?:tại|đến|ở|từ) sân bay", re.IGNORECASE),
}
# A sentence that lists fields of cooperation ("in the fields of education and logistics",
# "dans les domaines de la santé", "các lĩnh vực ... logistics") names each as a subject:
# after such a frame, a weak term counts as a strong one.
_FIELDS: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\b(?:fields? (?:of|such as|including|like)|areas? (?:of cooperation|"
                     r"such as|including|like)|(?:cooperation|collaboration) in)\b",
                     re.IGNORECASE),
    "fr": re.compile(r"\b(?:domaines? (?:de|d[’']|des|comme|tels? que)|coopération dans)",
                     re.IGNORECASE),
    "vi": re.compile(r"lĩnh vực", re.IGNORECASE),
}


@lru_cache(maxsize=None)
def _compiled(language: str) -> dict[str, list[tuple[re.Pattern[str], float]]]:
    """Per sector, one word-bounded pattern per weight, heaviest first; not a stable API.

    Joining a sector's terms of equal weight into one alternation makes a sentence
    cost at most three searches per sector instead of one per term.
    """
    out: dict[str, list[tuple[re.Pattern[str], float]]] = {}
    for sector, terms in LEXICONS.get(language, {}).items():
        weights = sorted({w for _, w in terms}, reverse=True)
        out[sector] = [(_join([p for p, w in terms if w == weight]), weight)
                       for weight in weights]
    return out


@lru_cache(maxsize=None)
def _gates(language: str) -> dict[str, re.Pattern[str]]:
    """Per sector, one pattern of all its terms, heaviest first; not a stable API.

    Most sentences name no term of most sectors: one search of the gate settles
    those. When the gate matches, the group that matched is its heaviest term at the
    leftmost place; only a lighter one needs the per-weight searches.
    """
    out: dict[str, re.Pattern[str]] = {}
    for sector, terms in LEXICONS.get(language, {}).items():
        weights = sorted({w for _, w in terms}, reverse=True)
        groups = ["(?P<g%d>%s)" % (i, "|".join(f"(?:{p})" for p, w in terms if w == weight))
                  for i, weight in enumerate(weights)]
        out[sector] = re.compile(rf"(?<!\w)(?:{'|'.join(groups)})(?!\w)", re.IGNORECASE)
    return out


# A disaster story (a storm, flood or landslide in the title or the lead, and no
# cooperation): its main subject is the disaster (climate); the schools used as
# shelters, the crops flooded, the boats kept ashore and the roads cut are damage, not
# fields of cooperation. In such a story, these sectors count at ``DAMAGE_FACTOR``
# unless the title names them.
_DISASTER: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\b(?:typhoons?|(?:tropical )?storms?|cyclones?|floods?|flooding|"
                     r"landslides?|earthquakes?|tsunamis?|natural disasters?|heavy rains?|"
                     r"downpours?|tropical depression)\b", re.IGNORECASE),
    "fr": re.compile(r"\b(?:typhons?|tempêtes?|cyclones?|inondations?|crues?|"
                     r"glissements? de terrain|séismes?|tremblements? de terre|tsunamis?|"
                     r"catastrophes? naturelles?|fortes pluies|pluies torrentielles)\b",
                     re.IGNORECASE),
    "vi": re.compile(r"(?<!\w)(?:bão|áp thấp nhiệt đới|lũ|lụt|sạt lở|động đất|sóng thần|"
                     r"thiên tai|mưa lớn)(?!\w)", re.IGNORECASE),
}
DAMAGE_SECTORS = frozenset({"education", "agriculture", "fisheries", "transport", "energy",
                            "urban", "health", "tourism", "heritage"})
DAMAGE_FACTOR = 0.5
# A domestic law passed by a parliament (no cooperation): the companies, firms and
# enterprises it binds are who the law applies to; economy needs a word of the economy
# itself (trade, investment, exports).
_LAW_TITLE: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\b(?:pass(?:es|ed)?|adopts?|approves?|enacts?|amends?)\b.*\b(?:law|"
                     r"bill|decree|code)\b|\blaw on\b", re.IGNORECASE),
    "fr": re.compile(r"\b(?:adopte|vote|promulgue|approuve)\b.*\b(?:loi|décret|code)\b"
                     r"|\bloi (?:sur|relative)\b", re.IGNORECASE),
    "vi": re.compile(r"thông qua (?:luật|nghị quyết|bộ luật)|(?<!\w)luật (?:sửa đổi|về)?",
                     re.IGNORECASE),
}
_ECONOMY_PROPER: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\b(?:econom(?:y|ic|ies)|trade|investments?|exports?|imports?)\b",
                     re.IGNORECASE),
    "fr": re.compile(r"\b(?:économi(?:e|que)s?|commerce|investissements?|exportations?)\b",
                     re.IGNORECASE),
    "vi": re.compile(r"kinh tế|thương mại|đầu tư|xuất khẩu|nhập khẩu", re.IGNORECASE),
}


# Sentences that portray the host locality: a briefing of the guests, a merger of
# provinces and what the enlarged one "now" covers or offers, its strengths.
_PROFILE: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        r"\bbrief(?:ed|ing) (?:the |his |her )?(?:[\w-]+ ){0,2}?(?:guests?|visitors?|"
        r"delegation|him|her|them) (?:on|about) (?:the |its )?(?:[\w-]+ )?(?:province|city|"
        r"town|region|locality|department|prefecture|county|area)\b"
        r"|\bbriefing (?:the |his |her )?(?:guests?|visitors?|delegation),"
        r"|\b(?:enlarged|merged) (?:province|city)\b|\bafter merging with\b"
        r"|\b(?:since|after) (?:its|the) (?:\d{4} )?(?:provincial )?merger\b"
        r"|\babsorbed (?:neighbouring|neighboring)\b|\badministrative reorgani[sz]ation\b"
        r"|\bwas merged (?:into|with)\b|\bbrought together the former\b"
        r"|\bnow (?:covers|stretches|offers|boasts)\b"
        r"|\bproud of (?:its|their)\b|\b(?:is|are) (?:also )?home to\b", re.IGNORECASE),
    # "informing the guests, ...", "after merging with ... province", "the new province
    # has ... both ... and ..."
    "vi": re.compile(
        r"\bthông tin với (?:khách|đoàn)\b|\bgiới thiệu với (?:khách|đoàn)\b"
        r"|\bsau khi (?:sáp nhập|hợp nhất)\b|\bsau (?:sáp nhập|hợp nhất)\b", re.IGNORECASE),
}
# What follows a turn to a request ("..., and called on German firms to invest in
# chips") is what the host asks of the guests, at full weight.
_TURN: dict[str, re.Pattern[str]] = {
    "en": re.compile(r",? and (?:called on|calls on|asked|urged|invited|proposed|suggested|"
                     r"hoped|wished)\b", re.IGNORECASE),
}


def _join(patterns: list[str]) -> re.Pattern[str]:
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def sentence_weights(text: str, language: str = "en") -> dict[str, float]:
    """Best term weight of each sector found in one sentence.

    Args:
        text: one sentence.
        language: ISO 639-1 code; a language without a lexicon finds nothing (precision
            first: English words in another language's text say little).

    Returns:
        ``{slug: weight}`` for the sectors with at least one term in ``text``.
    """
    return dict(_weights(text, language))


@lru_cache(maxsize=1024)
def _weights(text: str, language: str) -> tuple[tuple[str, float], ...]:
    """``sentence_weights`` as a tuple, cached: the events and commitments steps ask
    again about the sentences of the article that the sectors step has just scored
    (1024 sentences: a few articles' worth)."""
    if language == "en" and ("Minist" in text or "Commit" in text or "Commission" in text
                             or "Department" in text or "Chamber" in text):
        text = _BODY_NAMES.sub(" ", text)
    elif language == "vi" and ("Bộ " in text or "Sở " in text or "an " in text or "Cục " in text
                               or "Vụ " in text):
        text = _BODY_NAMES_VI.sub(" ", text)
    if language in _PASSING:
        text = _PASSING[language].sub(" ", text)
    found = dict(_scan(text, language))
    frame = _FIELDS[language].search(text) if language in _FIELDS else None
    if frame is not None:
        for sector, weight in _scan(text[frame.end():], language):
            found[sector] = max(found[sector], S if weight >= W else weight)
    return tuple(found.items())


def _scan(text: str, language: str) -> list[tuple[str, float]]:
    """Best term weight of each sector named in ``text``, in lexicon order."""
    out: list[tuple[str, float]] = []
    gates = _gates(language)
    for sector, patterns in _compiled(language).items():
        hit = gates[sector].search(text)
        if hit is None:
            continue
        if hit.group("g0") is not None:
            out.append((sector, patterns[0][1]))
            continue
        for pattern, weight in patterns:
            if pattern.search(text):
                out.append((sector, weight))
                break
    return out


def sectors_of(text: str, language: str = "en") -> list[str]:
    """Sectors one sentence is about: those it names with a strong term.

    Args:
        text: one sentence (of an event or commitment).
        language: ISO 639-1 code of the text.

    Returns:
        Sector slugs in the order of ``SECTORS``.
    """
    weights = sentence_weights(text, language)
    return [s for s in SECTORS if weights.get(s, 0.0) >= THRESHOLD]


def threshold_for(n_sentences: int) -> float:
    """The score a sector needs in an article of ``n_sentences`` body sentences."""
    extra = max(0, n_sentences - LONG_SENTENCES) // LONG_SENTENCES
    return THRESHOLD + LONG_STEP * extra


def score_sentences(
    sentences: Iterable[Sentence], title: str | None, language: str
) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Sector scores of an article and the body sentences behind them.

    Args:
        sentences: the article's sentences (body and captions), in reading order.
        title: the article's title, if any.
        language: the article's language.

    Returns:
        ``(scores, evidence)``: ``{slug: score}`` and ``{slug: [body sentences]}``.
    """
    scores: dict[str, float] = {}
    evidence: dict[str, list[str]] = {}
    for sector, w in sentence_weights(title or "", language).items():
        scores[sector] = scores.get(sector, 0.0) + w * TITLE_WEIGHT
    first_body = True
    for sent in sentences:
        factor = _factor(sent, first_body)
        first_body = first_body and sent.segment != "body"
        for sector, w in _sentence_scores(sent.text, language, factor).items():
            scores[sector] = scores.get(sector, 0.0) + w
            if sent.segment == "body":
                evidence.setdefault(sector, []).append(sent.text)
    return scores, evidence


def _sentence_scores(text: str, language: str, factor: float) -> dict[str, float]:
    """Score of each sector in one sentence counted at ``factor``.

    A portrait of the host locality counts at ``PROFILE_WEIGHT`` up to a turn to a
    request, after which the request counts at ``factor``.
    """
    profile = _PROFILE.get(language)
    if profile is None or not profile.search(text):
        return {s: w * factor for s, w in sentence_weights(text, language).items()}
    turn = _TURN[language].search(text) if language in _TURN else None
    cut = turn.start() if turn else len(text)
    out = {s: w * min(factor, PROFILE_WEIGHT)
           for s, w in sentence_weights(text[:cut], language).items()}
    for sector, w in sentence_weights(text[cut:], language).items():
        out[sector] = max(out.get(sector, 0.0), w * factor)
    return out


def _factor(sent: Sentence, first_body: bool) -> float:
    if sent.segment != "body":
        return CAPTION_WEIGHT
    return LEAD_WEIGHT if first_body else 1.0


def classify(sentences: list[Sentence], title: str | None,
             language: str) -> tuple[list[str], dict[str, list[str]]]:
    """Sectors of an article with their evidence.

    Args:
        sentences: the article's sentences (body and captions).
        title: the article's title.
        language: the article's language.

    Returns:
        ``(slugs in SECTORS order, {slug: body sentences})``; a sector needs at least
        one body sentence, so a title or caption alone never makes it.
    """
    n_body = sum(1 for s in sentences if s.segment == "body")
    scores, evidence = score_sentences(sentences, title, language)
    need = threshold_for(n_body)
    if scores.get("diplomacy", 0.0) < need:  # no cooperation: read the main subject
        _dampen_damage(scores, sentences, title, language)
        _domestic_law(scores, evidence, title, language)
    chosen = [s for s in SECTORS if scores.get(s, 0.0) >= need and evidence.get(s)
              and not _hints_only(s, evidence[s], title, language)]
    return chosen, {s: evidence[s] for s in chosen}


def _hints_only(sector: str, evidence: list[str], title: str | None, language: str) -> bool:
    """Only frequent hints behind a sector ("delegation" in four sentences of a business
    trip): no title term and no body sentence with a term stronger than ``F``."""
    if sentence_weights(title or "", language).get(sector):
        return False
    return all(sentence_weights(text, language).get(sector, 0.0) <= F for text in evidence)


def is_disaster_story(sentences: list[Sentence], title: str | None, language: str) -> bool:
    """True when the title or the lead reports a storm, flood, landslide or the like.

    Args:
        sentences: the article's sentences (body and captions).
        title: the article's title.
        language: the article's language.
    """
    pattern = _DISASTER.get(language)
    lead = next((s.text for s in sentences if s.segment == "body"), "")
    return pattern is not None and bool(pattern.search(title or "") or pattern.search(lead))


def _dampen_damage(scores: dict[str, float], sentences: list[Sentence], title: str | None,
                   language: str) -> None:
    """In a disaster story, count the damage sectors the title does not name at a discount."""
    if not is_disaster_story(sentences, title, language):
        return
    in_title = sentence_weights(title or "", language)
    for sector in DAMAGE_SECTORS & scores.keys() - in_title.keys():
        scores[sector] *= DAMAGE_FACTOR


def _domestic_law(scores: dict[str, float], evidence: dict[str, list[str]], title: str | None,
                  language: str) -> None:
    """In a story about a law being passed, drop economy named only through companies."""
    law = _LAW_TITLE.get(language)
    if law is None or not law.search(title or "") or "economy" not in scores:
        return
    proper = _ECONOMY_PROPER[language]
    if not any(proper.search(text) for text in evidence.get("economy", [])):
        scores["economy"] = 0.0


@registry.register("sectors.keywords.v1")
def run(analysis: Analysis) -> None:
    """Fill ``doc.sectors`` and ``doc.sector_evidence`` from the article's text.

    Args:
        analysis: the document being extracted.
    """
    doc = analysis.doc
    doc.sectors, doc.sector_evidence = classify(analysis.sentences, doc.title,
                                                analysis.language)


__all__ = ["LEXICONS", "THRESHOLD", "sectors_of", "sentence_weights", "classify",
           "threshold_for", "run"]
