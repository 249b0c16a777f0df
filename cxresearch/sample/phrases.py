"""Phrase bank for the bundled demo data ("Maison Verde").

Pure data, written by hand, used by :mod:`cxresearch.sample.text` to compose
survey comments, complaint logs, product reviews and interview answers in six
languages. Nothing here is meant to *code* text.

``PHRASES[theme][polarity][language][kind]`` is a list of short clauses a
customer could type. Kinds:

``keyword``
    contains an obvious keyword of the theme (one listed in ``KEYWORDS``);
    a simple keyword codebook should catch it.
``typo``
    the theme keyword misspelt as people do on phones (no correct ``KEYWORDS``
    entry of the theme in it). Latin-script languages and Ukrainian only.
``paraphrase``
    the theme said without any of its ``KEYWORDS``.
``negation``
    the opposite polarity's keyword negated ("not friendly at all"), carrying
    this polarity. Only for themes that have both polarities.
``mixed``
    code-switching: the key term in another language (usually English).

Rules the bank keeps (see :func:`check`): no phrase carries a ``KEYWORDS``
entry of another theme of its language (for ``mixed``, of English too), so a
composed text's planted themes are exactly the ones chosen; fillers, openers
and review titles carry no theme keyword at all. ``KEYWORDS`` are matched as
case-folded substrings; they exist for these self-checks only and are not the
product's codebook. Ukrainian is written in Ukrainian, Chinese in Simplified
characters; apostrophes in Ukrainian are ASCII ``'``.
"""

LANGUAGES = ("en", "fr", "it", "pl", "uk", "zh")  # uk = Ukrainian, zh = Simplified Chinese

THEMES = {
    "wait_time": "Waiting time / queues",
    "staff_attitude": "Staff attitude and helpfulness",
    "price_value": "Price and value for money",
    "product_quality": "Product quality",
    "stock_availability": "Stock availability",
    "store_cleanliness": "Store cleanliness and tidiness",
    "website_usability": "Website and app usability",
    "checkout_payment": "Checkout and payment",
    "delivery": "Delivery (late, damaged, missed)",
    "returns_refunds": "Returns and refunds",
    "communication": "Order updates and communication",
    "loyalty_programme": "Loyalty programme and rewards",
    "contact_centre": "Contact centre / customer service reachability",
    "product_range": "Product range and choice",
    "parking": "Parking at the store",
    "packaging_waste": "Excess / plastic packaging",
}

# Themes customers also mention positively; every theme has "neg".
POSITIVE_THEMES = ("staff_attitude", "price_value", "product_quality", "store_cleanliness",
                   "website_usability", "delivery", "loyalty_programme", "product_range",
                   "contact_centre", "checkout_payment")
POLARITIES = {t: (("neg", "pos") if t in POSITIVE_THEMES else ("neg",)) for t in THEMES}

KINDS = ("keyword", "typo", "paraphrase", "negation", "mixed")
TYPO_LANGUAGES = ("en", "fr", "it", "pl", "uk")
# Minimum phrases per (theme, polarity, language, kind) where the kind applies.
MIN_PER_KIND = {"keyword": 5, "typo": 3, "paraphrase": 3, "negation": 2, "mixed": 2}

# Obvious keywords used in "keyword" phrases: lowercase, matched as substrings
# (stems on purpose: "deliver" catches delivery/delivered). Self-checks only.
KEYWORDS = {
    "en": {
        "wait_time": ["queue", "queuing", "wait", "in line"],
        "staff_attitude": ["staff", "rude", "friendly", "helpful", "polite", "employee", "assistant",
                           "cashier", "attitude", "courteous"],
        "price_value": ["price", "pricey", "expensive", "cheap", "value", "cost", "afford", "bargain"],
        "product_quality": ["quality", "well made", "well-made", "badly made", "poorly made", "faulty",
                            "defective", "durable", "shoddy", "flimsy"],
        "stock_availability": ["stock", "sold out", "available", "availability"],
        "store_cleanliness": ["clean", "dirty", "tidy", "messy", "filthy", "spotless", "dusty", "grubby"],
        "website_usability": ["website", "web site", "webpage", "web page", "the app", "your app",
                              "mobile app", "app is", "app was", "app keeps", "login", "log in"],
        "checkout_payment": ["checkout", "check out", "check-out", "payment", "pay"],
        "delivery": ["deliver", "courier", "shipping", "shipped", "parcel"],
        "returns_refunds": ["return", "refund", "exchange", "money back"],
        "communication": ["update", "email", "e-mail", "notification", "notified", "tracking",
                          "text message", "sms", "informed", "confirmation"],
        "loyalty_programme": ["loyalty", "points", "reward", "membership", "voucher", "club card",
                              "clubcard"],
        "contact_centre": ["customer service", "customer care", "call centre", "call center", "phone",
                           "helpline", "hotline", "live chat", "chatbot", "on hold", "agent"],
        "product_range": ["range", "choice", "selection", "variety", "assortment"],
        "parking": ["park"],
        "packaging_waste": ["packaging", "packaged", "plastic", "wrap", "polystyrene", "cardboard"],
    },
    "fr": {
        "wait_time": ["attente", "attend", "queue", "patient"],
        "staff_attitude": ["personnel", "vendeu", "employé", "caissi", "aimable", "accueil",
                           "serviable", "impoli", "malpoli", "souriant"],
        "price_value": ["prix", "trop cher", "pas cher", "très cher", "c'est cher", "plus cher",
                        "si cher", "chère", "chers", "coût", "tarif", "bon marché", "onéreu",
                        "abordable"],
        "product_quality": ["qualité", "défectueu", "finition", "solide", "fabriqu"],
        "stock_availability": ["stock", "disponib", "épuisé", "rupture"],
        "store_cleanliness": ["propre", "sale", "saleté", "crasse", "désordre", "bazar", "rangé",
                              "nettoy", "poussi", "entretenu"],
        "website_usability": ["site web", "site internet", "le site", "du site", "ce site",
                              "votre site", "leur site", "appli", "connexion", "se connecter", "bug",
                              "page", "navigation"],
        "checkout_payment": ["pay", "paiement", "carte bancaire", "carte bleue", "panier",
                             "caisse automatique", "caisses automatiques"],
        "delivery": ["livr", "colis", "transporteur", "expédi", "coursier"],
        "returns_refunds": ["retour", "rembours", "échang"],
        "communication": ["mail", "courriel", "notification", "sms", "texto", "message", "suivi",
                          "inform", "mise à jour"],
        "loyalty_programme": ["fidélit", "points", "récompens", "bon d'achat", "bons d'achat", "club",
                              "cagnotte"],
        "contact_centre": ["service client", "téléphon", "hotline", "centre d'appel", "tchat",
                           "chat en ligne", "le chat", "conseill"],
        "product_range": ["choix", "gamme", "sélection", "assortiment", "variété", "diversité"],
        "parking": ["parking", "stationn", "garer"],
        "packaging_waste": ["emball", "plastique", "carton", "papier bulle", "polystyrène", "sachet"],
    },
    "it": {
        "wait_time": ["coda", "code", "fila", "attes", "aspett"],
        "staff_attitude": ["personale", "commess", "dipendent", "cortes", "gentil", "maleducat",
                           "cassier", "addett", "sgarbat", "antipatic"],
        "price_value": ["prezz", "costo", "costa", "costi", "costos", "caro", "economic",
                        "convenien", "salat"],
        "product_quality": ["qualità", "difett", "scadent", "robust", "ben fatt", "fatto bene",
                            "fatto male", "fatta male", "fatti male", "malfatt", "rifinitur"],
        "stock_availability": ["disponibil", "esaurit", "magazzin", "stock", "rifornit"],
        "store_cleanliness": ["pulit", "puliz", "sporc", "disordin", "polver", "lerci", "sudici"],
        "website_usability": ["il sito", "sul sito", "del sito", "dal sito", "nel sito", "sito web",
                              "sito internet", "applicazione", "l'app", "app ", "login",
                              "navigazion", "pagina"],
        "checkout_payment": ["pagament", "pagare", "pagato", "pagata", "carrello", "checkout",
                             "paypal", "carta di credito", "bancomat", "cassa automatica",
                             "casse automatiche", "cassa self", "casse self"],
        "delivery": ["consegn", "corrier", "spedizion", "spedit", "pacco", "pacchi"],
        "returns_refunds": ["rimbors", "restitu", "il reso", "un reso", "del reso", "al reso",
                            "i resi", "sostituzion", "cambio merce"],
        "communication": ["mail", "notific", "sms", "messagg", "aggiornament", "tracking",
                          "tracciament", "comunicazion", "informazion"],
        "loyalty_programme": ["fedeltà", "punti", "premi", "tessera", "buono sconto", "buoni sconto",
                              "club", "cashback"],
        "contact_centre": ["servizio clienti", "assistenza", "call center", "numero verde", "telefon",
                           "operator", "centralino", "chat"],
        "product_range": ["scelt", "assortiment", "gamma", "varietà", "selezion"],
        "parking": ["parchegg", "posteggi", "sosta"],
        "packaging_waste": ["imball", "plastic", "carton", "confezion", "pellicol", "polistirol",
                            "pluriball"],
    },
    "pl": {
        "wait_time": ["kolejk", "kolejc", "czeka", "oczekiw"],
        "staff_attitude": ["obsług", "personel", "pracowni", "sprzedaw", "ekspedient", "kasjer",
                           "uprzejm", "grzeczn", "chamsk", "opryskliw", "pomocn", "sympatyczn",
                           "życzliw"],
        "price_value": ["cena", "ceny", "cenie", "ceną", "cenach", "cenow", "drogo", "drogie",
                        "drogich", "za drogi", "droższ", "drożej", "tanio", "taniej", "koszt",
                        "przepłac", "opłacal"],
        "product_quality": ["jakość", "jakości", "jakościow", "wadliw", "wykonan", "solidn"],
        "stock_availability": ["dostępn", "na stanie", "magazyn", "wyprzedan", "stock",
                               "brak towaru"],
        "store_cleanliness": ["czyst", "brud", "bałagan", "syf", "sprząt", "zadban"],
        "website_usability": ["stron", "aplikacj", "apk", "apce", "witryn", "logowa", "zaloguj"],
        "checkout_payment": ["płatnoś", "zapłat", "zapłac", "blik", "koszyk", "checkout",
                             "terminal"],
        "delivery": ["dostaw", "dostarcz", "kurier", "przesył", "paczk", "wysył"],
        "returns_refunds": ["zwrot", "zwróc", "zwrac", "reklamac", "wymian"],
        "communication": ["powiadom", "mail", "sms", "wiadomoś", "informacj", "status", "śledz",
                          "aktualizac", "poinformow"],
        "loyalty_programme": ["lojaln", "punkt", "stałego klienta", "nagrod", "bonus", "kupon",
                              "voucher", "klub"],
        "contact_centre": ["infolini", "call center", "konsultan", "telefon", "czat", "hotline"],
        "product_range": ["asortymen", "wybór", "wyboru", "wyborze", "wyborem", "różnorodn",
                          "ofert", "oferc"],
        "parking": ["park"],
        "packaging_waste": ["opakow", "pakowa", "plastik", "folia", "folii", "folią", "folię", "karton", "styropian",
                            "reklamówk"],
    },
    "uk": {
        "wait_time": ["черг", "черз", "чека", "очіку"],
        "staff_attitude": ["персонал", "працівни", "продавч", "продавц", "продавець",
                           "консультант", "касир", "груб", "хам", "ввічлив", "привітн",
                           "доброзичлив", "люб'язн"],
        "price_value": ["ціна", "ціни", "ціну", "ціною", "цінах", "цінник", "цінов", "дорог",
                        "дорож", "дешев", "вартість", "вартує", "переплат"],
        "product_quality": ["якіст", "якост", "якісн", "бракован", "дефект"],
        "stock_availability": ["наявн", "на складі", "складі", "розпродан", "немає товару"],
        "store_cleanliness": ["чист", "бруд", "прибран", "безлад", "смітт", "охайн"],
        "website_usability": ["сайт", "застосун", "додаток", "додатк", "логін"],
        "checkout_payment": ["оплат", "сплат", "платіж", "платеж", "оформлення замовлення",
                             "кошик", "термінал"],
        "delivery": ["достав", "кур'єр", "посилк", "відправлен"],
        "returns_refunds": ["поверн", "відшкод", "обмін"],
        "communication": ["повідомлен", "сповіщен", "смс", "sms", "email", "імейл", "е-мейл",
                          "електронн", "відстеж", "оновлен", "статус"],
        "loyalty_programme": ["бонус", "лояльн", "кешбек", "бали", "балів", "балами", "клуб"],
        "contact_centre": ["підтримк", "служб", "гаряч", "кол-центр", "колл-центр",
                           "контакт-центр", "телефон", "оператор", "чат-бот", "чатбот",
                           "онлайн-чат", "в чаті", "у чаті"],
        "product_range": ["асортимент", "вибір", "вибору", "вибором", "різноманіт"],
        "parking": ["парк", "стоянк"],
        "packaging_waste": ["упаков", "пакуван", "пластик", "плівк", "пакет", "пінопласт",
                            "картон"],
    },
    "zh": {
        "wait_time": ["排队", "排长队", "等了", "等待", "等候", "久等", "队伍", "等很久", "等半天",
                      "等太久"],
        "staff_attitude": ["店员", "员工", "服务员", "工作人员", "售货员", "导购", "态度", "热情",
                           "友好", "礼貌", "耐心", "收银员"],
        "price_value": ["价格", "价钱", "价位", "标价", "性价比", "贵", "便宜", "划算", "实惠",
                        "物有所值"],
        "product_quality": ["质量", "品质", "做工", "劣质", "质感", "次品", "瑕疵", "耐用"],
        "stock_availability": ["缺货", "没货", "有货", "库存", "断货", "售罄", "现货", "补货",
                               "卖完"],
        "store_cleanliness": ["干净", "脏", "整洁", "卫生", "灰尘", "乱糟糟", "凌乱", "杂乱",
                              "邋遢"],
        "website_usability": ["网站", "官网", "网页", "页面", "app", "小程序", "登录", "闪退",
                              "界面"],
        "checkout_payment": ["付款", "支付", "结账", "结算", "买单", "刷卡", "扣款"],
        "delivery": ["快递", "配送", "送货", "物流", "派送", "发货", "包裹", "送到", "送达"],
        "returns_refunds": ["退货", "退款", "换货", "退换", "退钱", "退回"],
        "communication": ["通知", "短信", "邮件", "消息", "更新", "提醒", "追踪", "跟踪", "信息"],
        "loyalty_programme": ["会员", "积分", "奖励", "优惠券", "vip", "等级"],
        "contact_centre": ["客服", "电话", "热线", "呼叫中心"],
        "product_range": ["品种", "种类", "选择", "款式", "品类", "可选"],
        "parking": ["停车", "车位", "泊车"],
        "packaging_waste": ["包装", "塑料", "泡沫", "纸箱", "气泡", "胶带"],
    },
}

# theme -> polarity -> language -> kind -> phrases
PHRASES = {
    'wait_time': {
        'neg': {
            'en': {
                'keyword': [
                    'The queue at the tills was ridiculous on Saturday.',
                    'Waited twenty minutes at the tills for one lamp.',
                    'Only one till open and a queue to the back of the shop.',
                    'The waiting time at the click and collect desk is a joke.',
                    'Why do I always have to wait so long?',
                    'I was queuing for over half an hour at the garden centre.',
                ],
                'typo': [
                    'The quue at the tills was massive again.',
                    'Had to wiat forever at the collection desk.',
                    'qeueing for 25 mins is not acceptable.',
                    'Wating times at the weekend are awful.',
                ],
                'paraphrase': [
                    'I stood there for ages before anyone served me.',
                    'It took forty minutes to get to the front.',
                    'Half the morning gone just to collect one order.',
                    'Only one till open on a Saturday afternoon, seriously?',
                ],
                'mixed': [
                    'The attente at the tills was unbelievable.',
                    'Honestly the kolejka in the Warsaw store was endless.',
                    'Spent ages in the coda at the Milan shop, like always.',
                ],
            },
            'fr': {
                'keyword': [
                    "L'attente en caisse était interminable.",
                    'Une queue de vingt personnes et une seule caisse ouverte.',
                    "J'ai attendu plus de trente minutes pour être servi.",
                    "Le temps d'attente au retrait des commandes est beaucoup trop long.",
                    "On fait la queue à chaque fois, c'est usant.",
                    'Il a fallu patienter une éternité au comptoir.',
                ],
                'typo': [
                    "L'atente à la caisse était trop longue.",
                    "Trop de monde dans la quee, j'ai abandonné.",
                    "J'ai atendu 40 min pour rien.",
                ],
                'paraphrase': [
                    "Je suis restée plantée là une éternité avant qu'on s'occupe de moi.",
                    "Trois quarts d'heure pour récupérer une commande, c'est abusé.",
                    'Une seule caisse ouverte un samedi après-midi, sérieusement ?',
                ],
                'mixed': [
                    "Le waiting time en magasin est devenu n'importe quoi.",
                    'Vingt minutes de waiting pour un simple retrait, non merci.',
                ],
            },
            'it': {
                'keyword': [
                    'La coda alle casse era lunghissima.',
                    "Ho aspettato mezz'ora per essere servito.",
                    'Tempi di attesa assurdi al ritiro ordini.',
                    'Sempre in fila, anche nei giorni feriali.',
                    'Una sola cassa aperta e una fila infinita.',
                ],
                'typo': [
                    'La cdoa alle casse era infinita.',
                    'Ho asspettato venti minuti per niente.',
                    'Troppa atesa per ritirare un ordine.',
                ],
                'paraphrase': [
                    "Sono rimasta lì impalata per un'eternità prima che qualcuno mi servisse.",
                    'Quaranta minuti per arrivare al bancone, roba da matti.',
                    'Mezza mattinata persa per ritirare un ordine.',
                ],
                'mixed': [
                    'La queue alle casse era infinita, come sempre.',
                    'Troppo waiting per un semplice ritiro.',
                ],
            },
            'pl': {
                'keyword': [
                    'Kolejka do kasy ciągnęła się przez pół sklepu.',
                    'Czekałam ponad pół godziny, zanim przyszła moja kolej.',
                    'Czas oczekiwania na odbiór zamówienia to jakiś żart.',
                    'Zawsze stoję w kolejce, nawet w tygodniu.',
                    'Tylko jedna kasa otwarta i długa kolejka.',
                ],
                'typo': [
                    'Kolejak do kasy była na pół sklepu.',
                    'Czkałem 40 minut na odbiór.',
                    'Kolekja jak zawsze ogromna.',
                ],
                'paraphrase': [
                    'Stałem tam wieki, zanim ktokolwiek do mnie podszedł.',
                    'Pół godziny, żeby dojść do kasy z jedną rzeczą.',
                    'Straciłam pół przedpołudnia na odbiór jednego zamówienia.',
                ],
                'mixed': [
                    'Queue do kasy była masakryczna.',
                    'Znowu ten waiting time przy odbiorze, masakra.',
                ],
            },
            'uk': {
                'keyword': [
                    'Черга до каси була через увесь магазин.',
                    'Чекала пів години, поки хтось підійде.',
                    'Час очікування на видачу замовлень просто жахливий.',
                    'Постійно стою в черзі, навіть у будні.',
                    'Одна каса працює, а черга величезна.',
                ],
                'typo': [
                    'Чрга до каси знову на пів магазину.',
                    'Чикала хвилин сорок, це жах.',
                    'Чнрга була просто нескінченна.',
                ],
                'paraphrase': [
                    'Стояла там цілу вічність, поки мене хтось обслужив.',
                    'Сорок хвилин, щоб дійти до каси з однією річчю.',
                    'Пів ранку втратив, аби забрати одне замовлення.',
                ],
                'mixed': [
                    'Queue до каси була жахлива, як завжди.',
                    'Знову цей waiting time на видачі замовлень.',
                ],
            },
            'zh': {
                'keyword': [
                    '收银台排队排了半个小时。',
                    '等了很久都没人来招呼。',
                    '周末排长队，太折磨人了。',
                    '取货的等待时间太长了。',
                    '只开一个收银台，队伍排到门口。',
                ],
                'paraphrase': [
                    '站了快四十分钟才轮到我。',
                    '一上午都耗在取一个订单上了。',
                    '前面还有二十个人，只能干站着。',
                ],
                'mixed': [
                    '周末的queue长得离谱。',
                    'waiting time太长了，受不了。',
                ],
            },
        },
    },
    'staff_attitude': {
        'neg': {
            'en': {
                'keyword': [
                    'The staff were rude and acted like I was bothering them.',
                    "The staff at the garden centre couldn't be less interested.",
                    "Rude cashier, didn't even look at me.",
                    'Not one employee offered to help me carry the planters.',
                    'The assistant rolled her eyes when I asked a question.',
                    'Terrible attitude from the young lad on the tills.',
                ],
                'typo': [
                    "The staf couldn't care less.",
                    'Really rud lady at the till, no idea why.',
                    'Satff ignored me completely, twice.',
                    'The guy at the tills was so unfreindly.',
                ],
                'paraphrase': [
                    "The woman at the till didn't even say hello.",
                    'I asked where the candles were and got a shrug.',
                    'They were too busy chatting to each other to notice me.',
                    'He sighed loudly when I asked for a bigger size.',
                ],
                'negation': [
                    'The staff were not friendly at all.',
                    'Nobody was remotely helpful.',
                    'Far from polite, to be honest.',
                ],
                'mixed': [
                    'The vendeuse in Paris was properly rude.',
                    'Honestly the obsługa in Kraków was shocking.',
                ],
            },
            'fr': {
                'keyword': [
                    "Le personnel était désagréable et pas du tout à l'écoute.",
                    "Vendeuse très impolie, elle m'a à peine regardée.",
                    'Aucun employé pour nous renseigner au rayon jardin.',
                    "Accueil glacial à l'entrée du magasin.",
                    "La caissière a soupiré quand j'ai posé une question.",
                ],
                'typo': [
                    'Le persnnel ne dit même pas bonjour.',
                    'Un gars super inpoli au rayon déco, franchement.',
                    'Acceuil franchement nul ce matin.',
                ],
                'paraphrase': [
                    "La dame à la caisse ne m'a même pas dit bonjour.",
                    "J'ai demandé où étaient les bougies, on m'a répondu par un haussement d'épaules.",
                    'Ils discutaient entre eux sans me voir.',
                ],
                'negation': [
                    "Le personnel n'était pas aimable du tout.",
                    "Personne n'a été serviable, vraiment personne.",
                ],
                'mixed': [
                    'Le staff était franchement rude avec nous.',
                    "Le staff m'a ignorée pendant dix minutes.",
                ],
            },
            'it': {
                'keyword': [
                    'Il personale era scortese e sbrigativo.',
                    'La commessa mi ha risposto in modo sgarbato.',
                    'Nessun dipendente in giro a cui chiedere.',
                    'La cassiera maleducata non ha nemmeno salutato.',
                    'Gli addetti chiacchieravano tra loro ignorando i clienti.',
                ],
                'typo': [
                    'Il presonale non saluta nemmeno.',
                    'Una comessa antipatca, davvero.',
                    'Cassiara davvero maleduacta con tutti.',
                ],
                'paraphrase': [
                    'La signora alla cassa non mi ha nemmeno salutata.',
                    "Ho chiesto dove fossero le candele e mi ha risposto con un'alzata di spalle.",
                    'Parlavano tra di loro come se io non ci fossi.',
                ],
                'negation': [
                    'Il personale non è stato gentile per niente.',
                    "Commessi tutt'altro che cortesi.",
                ],
                'mixed': [
                    'Lo staff era proprio rude con tutti.',
                    "L'attitude della commessa era pessima.",
                ],
            },
            'pl': {
                'keyword': [
                    'Obsługa była niemiła i opryskliwa.',
                    'Pani przy kasie była wręcz chamska.',
                    'Żadnego pracownika na dziale ogrodowym.',
                    'Sprzedawca przewrócił oczami, kiedy zadałam pytanie.',
                    'Kasjerka nawet nie odpowiedziała na dzień dobry.',
                ],
                'typo': [
                    'Obsuga była bardzo niemiła.',
                    'Sprzedwaca całkowicie mnie zignorował.',
                    'Pani przy kasie była chmaska.',
                ],
                'paraphrase': [
                    'Pani przy kasie nawet nie powiedziała dzień dobry.',
                    'Zapytałam o świece i dostałam wzruszenie ramion.',
                    'Rozmawiali między sobą, jakby mnie tam nie było.',
                ],
                'negation': [
                    'Obsługa wcale nie była miła.',
                    'Sprzedawcy dalecy od uprzejmości.',
                ],
                'mixed': [
                    'Staff był totalnie niemiły.',
                    'Personel miał takie attitude, że odechciało się zakupów.',
                ],
            },
            'uk': {
                'keyword': [
                    'Персонал грубий і байдужий.',
                    'Продавчиня відповіла дуже грубо.',
                    'Жодного працівника у відділі садових товарів.',
                    'Касирка навіть не привіталась.',
                    'Консультант закотив очі, коли я спитала про розмір.',
                ],
                'typo': [
                    'Персонл взагалі не звертає уваги.',
                    'Продвчиня поводилась просто жахливо.',
                    'Кассирка навіть не глянула на мене.',
                ],
                'paraphrase': [
                    'Жінка на касі навіть не привіталася.',
                    'Спитала, де свічки, а мені лише знизали плечима.',
                    'Вони балакали між собою, наче мене там немає.',
                ],
                'negation': [
                    'Персонал був зовсім не привітний.',
                    'Продавці далеко не ввічливі.',
                ],
                'mixed': [
                    'Staff був відверто грубий.',
                    'Така attitude у продавчині, що більше не прийду.',
                ],
            },
            'zh': {
                'keyword': [
                    '店员态度很差，爱理不理的。',
                    '售货员一直在玩手机，不理顾客。',
                    '员工很没礼貌。',
                    '收银员全程黑着脸。',
                    '问了三个工作人员都说不知道。',
                ],
                'paraphrase': [
                    '收银的小姑娘连招呼都不打。',
                    '问蜡烛在哪，对方只是耸耸肩。',
                    '他们自己聊天，完全当我不存在。',
                ],
                'negation': [
                    '店员一点都不友好。',
                    '员工不太有耐心。',
                ],
                'mixed': [
                    'staff态度很差。',
                    '那个店员真的很rude。',
                ],
            },
        },
        'pos': {
            'en': {
                'keyword': [
                    'The staff were lovely and really helpful.',
                    'Such a friendly welcome at the door.',
                    'The assistant in the lighting section went above and beyond.',
                    'Polite, patient staff even on a busy Saturday.',
                    'Big thanks to the cashier who sorted everything out with a smile.',
                ],
                'typo': [
                    'The sfaff were lovely and so patient.',
                    'Really frienldy lady in the garden bit.',
                    'Super helpfl guy in the paint aisle.',
                ],
                'paraphrase': [
                    'The lady at the till recognised me from last week.',
                    'A young man walked me all the way to the right aisle.',
                    'She took the time to explain the difference between the two drills.',
                ],
                'negation': [
                    'Nobody was rude, for once.',
                    'Not a single rude word from the staff all day.',
                    'The staff were never once impolite.',
                ],
                'mixed': [
                    'The commessa in Milan was so sweet and patient.',
                    'Big shout out to the obsługa in Gdańsk, really kind.',
                ],
            },
            'fr': {
                'keyword': [
                    'Personnel très aimable et compétent.',
                    "Un vendeur vraiment serviable m'a aidé à tout porter.",
                    'Accueil chaleureux, on se sent bienvenu.',
                    'La caissière était adorable avec mes enfants.',
                    'Employés souriants et aux petits soins.',
                ],
                'typo': [
                    'Personel très gentil, merci.',
                    'Une vendeze adorable au rayon cuisine.',
                    'Equipe très aimabe, rien à dire.',
                ],
                'paraphrase': [
                    "La dame m'a accompagnée jusqu'au bon rayon.",
                    "Il a pris le temps de m'expliquer la différence entre les deux perceuses.",
                    "On m'a aidée à charger la voiture sans même que je demande.",
                ],
                'negation': [
                    'Jamais un mot impoli du personnel.',
                    "Pas du tout le genre d'accueil froid qu'on voit ailleurs.",
                ],
                'mixed': [
                    'Le staff était adorable du début à la fin.',
                    'Super friendly, la vendeuse du rayon déco.',
                ],
            },
            'it': {
                'keyword': [
                    'Personale gentilissimo e preparato.',
                    'La commessa del reparto tessile è stata squisita.',
                    'Cassiera cortese e sorridente.',
                    'Gli addetti mi hanno aiutato a caricare la macchina.',
                    'Dipendenti sempre gentili e sorridenti.',
                ],
                'typo': [
                    'Presonale gentlie e simpatico.',
                    'Commesa molto cortse e sorridente.',
                    'Cassera dolcissima, grazie ancora.',
                ],
                'paraphrase': [
                    'La signora mi ha accompagnata fino allo scaffale giusto.',
                    'Si è preso il tempo di spiegarmi la differenza tra i due trapani.',
                    'Mi hanno aiutato a mettere tutto in macchina senza che chiedessi.',
                ],
                'negation': [
                    'Nessuno è stato scortese, anzi.',
                    'Mai un commesso sgarbato in questo negozio.',
                ],
                'mixed': [
                    'Lo staff super friendly, mi sono trovata benissimo.',
                    'Personale davvero helpful e sorridente.',
                ],
            },
            'pl': {
                'keyword': [
                    'Obsługa bardzo miła i pomocna.',
                    'Sprzedawca doradził mi idealną lampę.',
                    'Pracownicy uprzejmi nawet w sobotnim tłoku.',
                    'Kasjerka była przesympatyczna dla moich dzieci.',
                    'Życzliwy personel, czuć dobrą atmosferę.',
                ],
                'typo': [
                    'Obsłga bardzo miła, dziękuję.',
                    'Sprezdawczyni przemiła i cierpliwa.',
                    'Presonel na medal, dziękuję bardzo.',
                ],
                'paraphrase': [
                    'Pani zaprowadziła mnie do właściwej alejki.',
                    'Pan poświęcił mi dużo czasu i wszystko wytłumaczył.',
                    'Pomogli mi wszystko włożyć do bagażnika.',
                ],
                'negation': [
                    'Nikt nie był niemiły ani opryskliwy.',
                    'Obsługa wcale nie chamska, wręcz przeciwnie.',
                ],
                'mixed': [
                    'Staff przemiły, naprawdę super.',
                    'Bardzo friendly obsługa na dziale oświetlenia.',
                ],
            },
            'uk': {
                'keyword': [
                    'Персонал дуже привітний і уважний.',
                    'Продавець допоміг підібрати ідеальну лампу.',
                    'Працівники ввічливі навіть у суботу, коли повно людей.',
                    'Касирка була дуже доброзичлива з дітьми.',
                    'Консультант усе детально пояснив.',
                ],
                'typo': [
                    'Пресонал дуже милий, дякую.',
                    'Продавецб порадив чудову лампу.',
                    'Дуже првітна дівчина на касі.',
                ],
                'paraphrase': [
                    'Жінка провела мене прямо до потрібної полиці.',
                    'Хлопець витратив купу часу, щоб усе мені пояснити.',
                    'Допомогли завантажити все в машину, навіть не просила.',
                ],
                'negation': [
                    'Ніхто не був грубим, навпаки.',
                    'Жодного хамства від персоналу, приємно здивована.',
                ],
                'mixed': [
                    'Дуже friendly продавчиня у відділі кухні.',
                    'Staff просто супер, дякую.',
                ],
            },
            'zh': {
                'keyword': [
                    '店员很热情，服务周到。',
                    '员工非常有耐心地帮我挑。',
                    '导购小姐姐态度特别好。',
                    '收银员很有礼貌。',
                    '工作人员帮我把东西搬到车上。',
                ],
                'paraphrase': [
                    '小姐姐直接把我带到了货架前。',
                    '他花了很多时间给我讲两款电钻的区别。',
                    '没开口就主动过来帮忙了。',
                ],
                'negation': [
                    '店员完全没有不耐烦的样子。',
                    '工作人员没有一个态度差的。',
                ],
                'mixed': [
                    '店员都很friendly。',
                    'staff超级nice，下次还来。',
                ],
            },
        },
    },
    'price_value': {
        'neg': {
            'en': {
                'keyword': [
                    'Way too expensive for what it is.',
                    'Prices have gone up again since spring.',
                    'The price of the outdoor cushions is frankly insane.',
                    'Poor value compared to other shops.',
                    'It costs twice as much as the same thing online.',
                ],
                'typo': [
                    'Way too expnsive for a basic lamp.',
                    'Prcies went up again, not happy.',
                    'Overpirced for what you get, honestly.',
                ],
                'paraphrase': [
                    "Forty quid for a watering can? You're having a laugh.",
                    'I could get the same thing for half elsewhere.',
                    'You spend a fortune and get very little for it.',
                ],
                'negation': [
                    'Not cheap at all for what it is.',
                    "Hardly what I'd call good value.",
                ],
                'mixed': [
                    'The prix in the Paris store are way higher than here.',
                    'Everything is so drogo now, even the basics.',
                ],
            },
            'fr': {
                'keyword': [
                    "Beaucoup trop cher pour ce que c'est.",
                    'Les prix ont encore augmenté depuis le printemps.',
                    "Le coût d'un simple coussin, c'est du délire.",
                    "Des tarifs qui n'ont plus rien d'abordable.",
                    'Franchement hors de prix.',
                ],
                'typo': [
                    'Beaucoup trop chre pour un simple pot.',
                    'Les pirx ont encore grimpé.',
                    "Trop cheer pour ce que c'est.",
                ],
                'paraphrase': [
                    'Quarante euros pour un arrosoir, vous rigolez ?',
                    'On trouve la même chose pour moitié moins ailleurs.',
                    'On dépense une fortune pour pas grand-chose.',
                ],
                'negation': [
                    "Pas bon marché du tout pour ce que c'est.",
                    "Le prix est loin d'être abordable.",
                ],
                'mixed': [
                    'Le price a doublé en un an.',
                    "Franchement c'est super expensive, même en promo.",
                ],
            },
            'it': {
                'keyword': [
                    'Troppo caro per quello che è.',
                    'I prezzi sono saliti di nuovo.',
                    'Un cuscino a quel costo è follia.',
                    'Prezzi salati anche per le cose base.',
                    'Costa il doppio rispetto ad altri negozi.',
                ],
                'typo': [
                    'Tropo caor per un vaso.',
                    'I przzi sono saliti ancora.',
                    'Cosotoso per quello che offre.',
                ],
                'paraphrase': [
                    'Quaranta euro per un annaffiatoio? Ma dai.',
                    'La stessa cosa altrove la trovi a metà.',
                    'Si spende una fortuna e si porta a casa poco.',
                ],
                'negation': [
                    'Per niente economico, purtroppo.',
                    'Non mi sembra affatto conveniente.',
                ],
                'mixed': [
                    'Il price dei mobili da giardino è folle.',
                    'Tutto troppo expensive ormai.',
                ],
            },
            'pl': {
                'keyword': [
                    'Zdecydowanie za drogo jak na taką rzecz.',
                    'Ceny znowu poszły w górę.',
                    'Koszt jednej poduszki to jakiś żart.',
                    'Strasznie drogie te meble ogrodowe.',
                    'Nieopłacalne, w innych sklepach jest taniej.',
                ],
                'typo': [
                    'Za dorgo jak na zwykły wazon.',
                    'Cney znowu poszły w górę.',
                    'Strasznie drgie te poduszki.',
                ],
                'paraphrase': [
                    'Czterdzieści złotych za konewkę? Bez przesady.',
                    'To samo gdzie indziej kupię za połowę.',
                    'Wydajesz fortunę, a dostajesz niewiele.',
                ],
                'negation': [
                    'Wcale nie tanio, wręcz przeciwnie.',
                    'Ceny dalekie od przystępnych.',
                ],
                'mixed': [
                    'Price są kosmiczne w porównaniu z innymi sklepami.',
                    'Wszystko strasznie expensive ostatnio.',
                ],
            },
            'uk': {
                'keyword': [
                    'Занадто дорого як на таку річ.',
                    'Ціни знову піднялися з весни.',
                    'Вартість однієї подушки — це якийсь жарт.',
                    'Страшенно дорогі меблі для саду.',
                    'Переплата вдвічі порівняно з іншими магазинами.',
                ],
                'typo': [
                    'Занадто дорго за звичайну вазу.',
                    'Цнни знову підскочили, жах.',
                    'Вартіть подушки просто смішна.',
                ],
                'paraphrase': [
                    'Сорок євро за лійку? Та ну.',
                    'Те саме в іншому місці коштує вдвічі менше.',
                    'Витрачаєш цілий статок, а отримуєш мало.',
                ],
                'negation': [
                    'Зовсім не дешево, на жаль.',
                    'Ціни далеко не доступні.',
                ],
                'mixed': [
                    'Price тут просто космічні.',
                    'Все дуже expensive останнім часом.',
                ],
            },
            'zh': {
                'keyword': [
                    '太贵了，真不值。',
                    '价格又涨了。',
                    '性价比太低。',
                    '一个靠垫卖这个价钱，离谱。',
                    '比别家贵了一倍。',
                ],
                'paraphrase': [
                    '一个浇水壶要四百块？开什么玩笑。',
                    '同样的东西别处一半的钱就能买到。',
                    '花了一大笔钱，东西却没多少。',
                ],
                'negation': [
                    '一点也不便宜。',
                    '根本谈不上实惠。',
                ],
                'mixed': [
                    'price太离谱了。',
                    '真的太expensive了。',
                ],
            },
        },
        'pos': {
            'en': {
                'keyword': [
                    'Great value for money.',
                    'Prices are very fair compared to the high street.',
                    'Surprisingly cheap for such a nice rug.',
                    'Got a real bargain in the summer sale.',
                    'Affordable and still looks stylish.',
                ],
                'typo': [
                    'Grate vaule for money overall.',
                    'Really resonable prcies for once.',
                    'Suprisingly chaep for a solid oak table.',
                ],
                'paraphrase': [
                    'You get a lot for your money here.',
                    'Half of what I expected to spend.',
                    'Worth every penny, no regrets.',
                ],
                'negation': [
                    'Not expensive at all, to be fair.',
                    'The prices never feel like a rip-off.',
                ],
                'mixed': [
                    'Everything was so tanio compared to back home.',
                    'Honestly the rapport prix is excellent.',
                ],
            },
            'fr': {
                'keyword': [
                    'Des prix très corrects par rapport à la concurrence.',
                    'Franchement pas cher pour un tapis aussi joli.',
                    'Tarifs abordables, même pour les meubles de jardin.',
                    'Un coût raisonnable pour un produit pareil.',
                    'Bonne affaire, le prix soldé valait le coup.',
                ],
                'typo': [
                    "Pirx très raisonnables dans l'ensemble.",
                    'Vraiment pas chr pour un salon de jardin.',
                    'Tarrifs correct pour une fois.',
                ],
                'paraphrase': [
                    'On en a pour son argent ici.',
                    "J'ai dépensé moitié moins que prévu.",
                    'Ça vaut chaque centime.',
                ],
                'negation': [
                    'Pas trop cher du tout, agréable surprise.',
                    "Le prix n'a rien d'excessif.",
                ],
                'mixed': [
                    'Vraiment good value, je recommande.',
                    'Les prices sont corrects pour une fois.',
                ],
            },
            'it': {
                'keyword': [
                    'Prezzi onesti rispetto alla concorrenza.',
                    'Economico ma molto carino.',
                    'Costo giusto per un tappeto così bello.',
                    'Molto conveniente durante i saldi.',
                    'Prezzo ottimo, affare fatto.',
                ],
                'typo': [
                    'Przzi onesti, niente da dire.',
                    'Molto ecnomico per essere legno massello.',
                    'Un prezo davvero onesto.',
                ],
                'paraphrase': [
                    'Con quello che spendi ti porti a casa tanto.',
                    'Ho speso la metà di quanto pensassi.',
                    'Vale davvero ogni centesimo speso.',
                ],
                'negation': [
                    'Non è per niente caro, anzi.',
                    "Prezzi tutt'altro che salati.",
                ],
                'mixed': [
                    'Tutto molto cheap ma carino.',
                    'Ottimo value for money, davvero.',
                ],
            },
            'pl': {
                'keyword': [
                    'Ceny naprawdę bardzo przystępne.',
                    'Tanio, a wygląda świetnie.',
                    'Koszt zakupów niższy, niż się spodziewałam.',
                    'Opłacalne zakupy, wrócę na pewno.',
                    'Dobra cena jak na lite drewno.',
                ],
                'typo': [
                    'Cny bardzo przystępne, polecam.',
                    'Tnio i ładnie, polecam.',
                    'Dobra cnea za dywan.',
                ],
                'paraphrase': [
                    'Za te pieniądze dostajesz naprawdę dużo.',
                    'Wydałam połowę tego, co planowałam.',
                    'Wart każdej wydanej złotówki.',
                ],
                'negation': [
                    'Wcale nie drogo, miłe zaskoczenie.',
                    'Ceny nie są wygórowane.',
                ],
                'mixed': [
                    'Mega good value, polecam.',
                    'Prices bardzo fair w porównaniu do konkurencji.',
                ],
            },
            'uk': {
                'keyword': [
                    'Ціни дуже приємні порівняно з конкурентами.',
                    'Дешево, а виглядає чудово.',
                    'Вартість цілком адекватна за такий килим.',
                    'Недорого і стильно, рекомендую.',
                    'Ціна приємно здивувала на касі.',
                ],
                'typo': [
                    'Цтни дуже приємні, дякую.',
                    'Дешвео і гарно, раджу.',
                    'Нормальна цна за дубовий стіл.',
                ],
                'paraphrase': [
                    'За ці гроші отримуєш дуже багато.',
                    'Витратила вдвічі менше, ніж планувала.',
                    'Вартий кожної витраченої копійки.',
                ],
                'negation': [
                    'Зовсім не дорого, приємний сюрприз.',
                    'Ціни тут зовсім не кусаються.',
                ],
                'mixed': [
                    'Дуже good value, раджу.',
                    'Prices адекватні, порівняно з іншими.',
                ],
            },
            'zh': {
                'keyword': [
                    '价格很公道。',
                    '性价比很高。',
                    '便宜又好看。',
                    '打折的时候买很划算。',
                    '价位合理，很实惠。',
                ],
                'paraphrase': [
                    '这点钱能买到这么多，值了。',
                    '比预想的少花了一半钱。',
                    '每一分钱都花得值。',
                ],
                'negation': [
                    '一点都不贵。',
                    '价格完全不离谱。',
                ],
                'mixed': [
                    'value for money很不错。',
                    '真的很cheap，东西还好看。',
                ],
            },
        },
    },
    'product_quality': {
        'neg': {
            'en': {
                'keyword': [
                    'The quality has really gone downhill.',
                    'Poor quality stitching on the cushion covers.',
                    'The kettle was faulty from day one.',
                    'Shoddy finish on the bookshelf, bits already peeling.',
                    'Poorly made and wobbly from the start.',
                ],
                'typo': [
                    'The qaulity is not what it used to be.',
                    'Qualty of the towels is terrible now.',
                    'Faulity lamp, stopped working after a week.',
                ],
                'paraphrase': [
                    'The handle snapped off the second time I used it.',
                    'The towels went thin after three washes.',
                    'The chair wobbles no matter what I do.',
                ],
                'negation': [
                    'Not exactly well made, is it?',
                    'The finish is far from durable.',
                ],
                'mixed': [
                    'The qualité is just not there anymore.',
                    'Total jakość fail, it broke in a week.',
                ],
            },
            'fr': {
                'keyword': [
                    'La qualité a vraiment baissé.',
                    "Finitions bâclées sur l'étagère.",
                    'Bouilloire défectueuse dès le premier jour.',
                    'Mal fabriqué, ça bouge dans tous les sens.',
                    'Une qualité franchement décevante pour du mobilier.',
                ],
                'typo': [
                    'La qualiter a bien baissé.',
                    'Qualitté vraiment décevante cette année.',
                    'Lampe défecteuse, plus rien après une semaine.',
                ],
                'paraphrase': [
                    'La poignée a cassé à la deuxième utilisation.',
                    'Les serviettes sont devenues toutes fines après trois lavages.',
                    'La chaise est bancale quoi que je fasse.',
                ],
                'negation': [
                    'Pas vraiment solide, ce meuble.',
                    "La qualité n'est clairement pas au rendez-vous.",
                ],
                'mixed': [
                    "La quality n'est plus du tout là.",
                    'Produit clairement faulty dès le premier jour.',
                ],
            },
            'it': {
                'keyword': [
                    'La qualità è calata parecchio.',
                    'Rifiniture fatte con i piedi sulla libreria.',
                    'Bollitore difettoso fin dal primo giorno.',
                    'Materiale scadente, si rovina subito.',
                    'Fatto male, traballa tutto.',
                ],
                'typo': [
                    'La qualtà è peggiorata tantissimo.',
                    'Qaulità pessima, mai più.',
                    'Lampada difetosa, spenta dopo una settimana.',
                ],
                'paraphrase': [
                    'Il manico si è staccato al secondo utilizzo.',
                    'Gli asciugamani si sono assottigliati dopo tre lavaggi.',
                    'La sedia balla qualunque cosa io faccia.',
                ],
                'negation': [
                    'Non è per niente robusto.',
                    "Qualità tutt'altro che buona.",
                ],
                'mixed': [
                    'La quality non è più quella di una volta.',
                    'Prodotto faulty, da buttare.',
                ],
            },
            'pl': {
                'keyword': [
                    'Jakość bardzo się pogorszyła.',
                    'Słaba jakość szwów na poszewkach.',
                    'Czajnik wadliwy od pierwszego dnia.',
                    'Wykonanie fatalne, wszystko się chwieje.',
                    'Regał kiepsko wykonany, już się łuszczy.',
                ],
                'typo': [
                    'Jakośc bardzo spadła w tym roku.',
                    'Jaksoć tragiczna, nie polecam.',
                    'Wadlwy czajnik, przestał działać po tygodniu.',
                ],
                'paraphrase': [
                    'Rączka odpadła przy drugim użyciu.',
                    'Ręczniki zrobiły się cienkie po trzech praniach.',
                    'Krzesło się kiwa, co bym nie robił.',
                ],
                'negation': [
                    'Wcale nie solidne, niestety.',
                    'Jakość daleka od dobrej.',
                ],
                'mixed': [
                    'Quality słaba jak nigdy.',
                    'Ten produkt to totalny fail, faulty od początku.',
                ],
            },
            'uk': {
                'keyword': [
                    'Якість останнім часом дуже погіршилася.',
                    'Неякісні шви на наволочках.',
                    'Чайник бракований з першого дня.',
                    'Дефект на дверцятах шафи.',
                    'Погана якість фарби, вже лущиться.',
                ],
                'typo': [
                    'Якисть стала дуже погана.',
                    'Нейкісний товар, не раджу.',
                    'Бркований чайник, не працює.',
                ],
                'paraphrase': [
                    'Ручка відпала після другого використання.',
                    'Рушники стали тонкими після трьох прань.',
                    'Стілець хитається, що б я не робив.',
                ],
                'negation': [
                    'Якість далеко не найкраща.',
                    'Зовсім не якісна річ.',
                ],
                'mixed': [
                    'Quality вже не та, що раніше.',
                    'Чайник faulty просто з коробки.',
                ],
            },
            'zh': {
                'keyword': [
                    '质量大不如前。',
                    '靠垫套的做工很粗糙。',
                    '水壶第一天就发现是次品。',
                    '劣质油漆，已经开始掉皮。',
                    '品质太让人失望了。',
                ],
                'paraphrase': [
                    '把手用了两次就断了。',
                    '毛巾洗了三次就变薄了。',
                    '椅子怎么放都晃。',
                ],
                'negation': [
                    '质量一点也不好。',
                    '一点都不耐用。',
                ],
                'mixed': [
                    'quality真的不行了。',
                    '这个水壶是faulty的，第一天就坏了。',
                ],
            },
        },
        'pos': {
            'en': {
                'keyword': [
                    'Excellent quality, you can feel it.',
                    'Really well made, solid oak.',
                    'The garden chairs feel durable and sturdy.',
                    'High quality linen, softer after every wash.',
                    'Well-made lamp, heavy base, nice finish.',
                ],
                'typo': [
                    'Great qualiy on the bedding.',
                    'Realy wel made, solid as a rock.',
                    'Very durabel garden furniture so far.',
                ],
                'paraphrase': [
                    'Three winters outside and the bench still looks new.',
                    'The pan heats evenly and feels solid in the hand.',
                    'The sheets have survived a hundred washes.',
                ],
                'negation': [
                    'Nothing flimsy about it at all.',
                    'Not a single faulty piece in the set.',
                ],
                'mixed': [
                    'The qualità of the ceramics is amazing.',
                    'Solid jakość, very happy with it.',
                ],
            },
            'fr': {
                'keyword': [
                    'Excellente qualité, on le sent au toucher.',
                    'Très bien fabriqué, bois massif.',
                    'Les chaises de jardin sont solides et stables.',
                    'Linge de qualité, de plus en plus doux.',
                    'Belles finitions sur la lampe.',
                ],
                'typo': [
                    'Très bonne qualiter sur le linge.',
                    'Vraiment solid, rien à redire.',
                    'Belles fintions, rien à dire.',
                ],
                'paraphrase': [
                    'Trois hivers dehors et le banc est comme neuf.',
                    'La poêle chauffe uniformément et tient bien en main.',
                    'Les draps ont survécu à des dizaines de lavages.',
                ],
                'negation': [
                    'Rien de défectueux, tout fonctionne parfaitement.',
                    'Pas du tout mal fabriqué, au contraire.',
                ],
                'mixed': [
                    'La quality est top, franchement.',
                    'Vraiment well made, je suis bluffée.',
                ],
            },
            'it': {
                'keyword': [
                    'Ottima qualità, si sente al tatto.',
                    'Ben fatto, legno massello.',
                    'Sedie da giardino robuste e stabili.',
                    'Biancheria di qualità, sempre più morbida.',
                    'Rifiniture curate sulla lampada.',
                ],
                'typo': [
                    'Ottima qualià della biancheria.',
                    'Davvero robsto, niente da dire.',
                    'Bella qulità, lo ricompro.',
                ],
                'paraphrase': [
                    'Tre inverni fuori e la panchina sembra nuova.',
                    'La padella scalda in modo uniforme e si impugna bene.',
                    'Le lenzuola hanno resistito a decine di lavaggi.',
                ],
                'negation': [
                    'Niente di difettoso, tutto perfetto.',
                    'Per niente scadente, anzi.',
                ],
                'mixed': [
                    'La quality è top.',
                    'Davvero well made, sono colpita.',
                ],
            },
            'pl': {
                'keyword': [
                    'Świetna jakość, czuć to w dotyku.',
                    'Solidnie wykonane, lite drewno.',
                    'Krzesła ogrodowe są solidne i stabilne.',
                    'Pościel dobrej jakości, coraz bardziej miękka.',
                    'Bardzo staranne wykonanie lampy.',
                ],
                'typo': [
                    'Świetna jakśoć pościeli, polecam.',
                    'Bardzo soldne meble ogrodowe.',
                    'Porządne wykoannie, nic się nie chwieje.',
                ],
                'paraphrase': [
                    'Trzy zimy na dworze, a ławka jak nowa.',
                    'Patelnia równo się nagrzewa i dobrze leży w dłoni.',
                    'Prześcieradła przetrwały dziesiątki prań.',
                ],
                'negation': [
                    'Nic wadliwego, wszystko działa.',
                    'Jakość wcale nie słaba, wręcz przeciwnie.',
                ],
                'mixed': [
                    'Quality naprawdę top, polecam.',
                    'Bardzo well made, jestem zaskoczona.',
                ],
            },
            'uk': {
                'keyword': [
                    'Чудова якість, відчувається на дотик.',
                    'Якісні меблі з масиву дуба.',
                    'Садові стільці якісні, міцні та стабільні.',
                    'Постільна білизна хорошої якості.',
                    'Дуже якісно зроблена лампа.',
                ],
                'typo': [
                    'Чудова яксть постелі, дякую.',
                    'Дуже яікісні меблі для саду.',
                    'Якіть на висоті, дякую.',
                ],
                'paraphrase': [
                    'Три зими надворі, а лавка як нова.',
                    'Сковорідка рівно гріється і зручно лежить у руці.',
                    'Простирадла пережили десятки прань.',
                ],
                'negation': [
                    'Жодного дефекту, все працює.',
                    'Якість зовсім не розчарувала.',
                ],
                'mixed': [
                    'Quality просто топ, раджу всім.',
                    'Дуже well made річ, я задоволена.',
                ],
            },
            'zh': {
                'keyword': [
                    '质量非常好，摸起来很舒服。',
                    '做工精细，实木的。',
                    '花园椅子很耐用也很稳。',
                    '床品品质很好，越洗越软。',
                    '灯的质感很高级。',
                ],
                'paraphrase': [
                    '在外面放了三个冬天，长椅还像新的一样。',
                    '锅受热均匀，拿着也顺手。',
                    '床单洗了几十次都没坏。',
                ],
                'negation': [
                    '完全没有劣质感。',
                    '一点瑕疵都没有。',
                ],
                'mixed': [
                    'quality很好，很满意。',
                    '这个灯真的很high quality。',
                ],
            },
        },
    },
    'stock_availability': {
        'neg': {
            'en': {
                'keyword': [
                    'The sofa I wanted was out of stock again.',
                    'Half the garden furniture was sold out by ten.',
                    'Shown as available online but not in the shop.',
                    'Nothing in stock in my size.',
                    'Poor availability of the basics, every single week.',
                ],
                'typo': [
                    'Out of stok for the third week running.',
                    'Evrything was sould out by lunchtime.',
                    'Never in stcok when I go.',
                ],
                'paraphrase': [
                    'The shelves where the candles should be were empty.',
                    'They said the lamp would be back next month, maybe.',
                    "Came for one thing and it simply wasn't there.",
                ],
                'mixed': [
                    'Again the rug was esaurito, third time now.',
                    'The lamp was niedostępna in every store I tried.',
                ],
            },
            'fr': {
                'keyword': [
                    'Le canapé que je voulais était encore en rupture de stock.',
                    'Rayon jardin à moitié épuisé dès dix heures.',
                    'Indiqué disponible en ligne mais introuvable en magasin.',
                    'Plus rien en stock dans ma taille.',
                    'Toujours en rupture sur les produits de base.',
                ],
                'typo': [
                    'Encore en ruptur de stok.',
                    'Indsiponible depuis trois semaines.',
                    'Tout était épuiser à midi.',
                ],
                'paraphrase': [
                    'Les étagères des bougies étaient vides.',
                    "On m'a dit que la lampe reviendrait le mois prochain, peut-être.",
                    "Je suis venue pour un seul article et il n'y était pas.",
                ],
                'mixed': [
                    'Encore out of stock, la lampe que je voulais.',
                    'Le tapis est sold out partout.',
                ],
            },
            'it': {
                'keyword': [
                    'Il divano che volevo era di nuovo esaurito.',
                    'Metà dei mobili da giardino non disponibili già alle dieci.',
                    "Risulta disponibile online ma in negozio non c'è.",
                    'Niente in magazzino nella mia taglia.',
                    'Sempre senza stock sui prodotti base.',
                ],
                'typo': [
                    'Di nuovo esaurrito, terza settimana.',
                    'Non dispnibile da settimane.',
                    'Sempre senza stok, che noia.',
                ],
                'paraphrase': [
                    'Gli scaffali delle candele erano vuoti.',
                    'Mi hanno detto che la lampada tornerà il mese prossimo, forse.',
                    "Sono venuta per una cosa sola e non c'era.",
                ],
                'mixed': [
                    'Il tappeto è sempre out of stock.',
                    'Di nuovo sold out, che delusione.',
                ],
            },
            'pl': {
                'keyword': [
                    'Sofa, którą chciałam, znowu niedostępna.',
                    'Połowa mebli ogrodowych wyprzedana już o dziesiątej.',
                    'W internecie widnieje jako dostępne, w sklepie brak.',
                    'Nic na stanie w moim rozmiarze.',
                    'Podstawowych rzeczy ciągle brak w magazynie.',
                ],
                'typo': [
                    'Znowu niedostpne, trzeci tydzień.',
                    'Wszystko wyprzdane przed południem.',
                    'Nic na satnie jak zwykle.',
                ],
                'paraphrase': [
                    'Półki ze świecami były puste.',
                    'Powiedzieli, że lampa wróci w przyszłym miesiącu, może.',
                    'Przyjechałam po jedną rzecz i jej nie było.',
                ],
                'mixed': [
                    'Znowu out of stock na tę lampę.',
                    'Dywan sold out we wszystkich sklepach.',
                ],
            },
            'uk': {
                'keyword': [
                    'Диван, який я хотіла, знову відсутній у наявності.',
                    'Половина садових меблів розпродана вже о десятій.',
                    'Немає в наявності мого розміру.',
                    'Онлайн показує, що є на складі, а в магазині немає.',
                    'Базових товарів постійно немає в наявності.',
                ],
                'typo': [
                    'Знову немає в нявності.',
                    'Все розпрдано до обіду.',
                    'Нічого нема на склді, як завжди.',
                ],
                'paraphrase': [
                    'Полиці зі свічками були порожні.',
                    "Сказали, що лампа з'явиться наступного місяця, можливо.",
                    'Приїхала по одну річ, а її просто не було.',
                ],
                'mixed': [
                    'Знову out of stock на цю лампу.',
                    'Килим sold out у всіх магазинах.',
                ],
            },
            'zh': {
                'keyword': [
                    '想买的沙发又缺货了。',
                    '十点钟花园家具就卖完了一半。',
                    '网上显示有货，店里却没有。',
                    '我要的尺码没货了。',
                    '基本款经常断货。',
                ],
                'paraphrase': [
                    '放蜡烛的货架空空的。',
                    '说那盏灯下个月可能会再来。',
                    '专门来买一样东西，结果根本没有。',
                ],
                'mixed': [
                    '又out of stock了。',
                    '那块地毯所有门店都sold out了。',
                ],
            },
        },
    },
    'store_cleanliness': {
        'neg': {
            'en': {
                'keyword': [
                    'The toilets were filthy.',
                    'Dirty floors and boxes everywhere in the aisles.',
                    'The shop felt messy and neglected.',
                    'Dusty shelves in the lighting section.',
                    'Grubby trolleys and sticky handles.',
                ],
                'typo': [
                    'The floor was so dirtey.',
                    'The toilets were absolutly filty.',
                    'Very mesy shop today.',
                ],
                'paraphrase': [
                    'There was a puddle by the entrance that nobody bothered about.',
                    'Empty boxes and torn labels all over the floor.',
                    "The toilets smelled like they hadn't been seen to in days.",
                ],
                'negation': [
                    "The store wasn't clean at all.",
                    "Hardly spotless, let's put it that way.",
                ],
                'mixed': [
                    'Honestly the bałagan in the aisles was unreal.',
                    'The toilets were really sporchi, sorry to say.',
                ],
            },
            'fr': {
                'keyword': [
                    "Les toilettes étaient d'une saleté repoussante.",
                    'Sol sale et déchets partout dans les allées.',
                    'Magasin mal rangé, on ne trouve rien.',
                    'Étagères pleines de poussière au rayon luminaires.',
                    "C'était le bazar complet au rayon déco.",
                ],
                'typo': [
                    'Toilettes vraiment salles, beurk.',
                    "Le magasin était trés sal aujourd'hui.",
                    'Pas nétoyé depuis des jours.',
                ],
                'paraphrase': [
                    "Une flaque à l'entrée que personne ne venait essuyer.",
                    'Des étiquettes déchirées et des boîtes vides par terre.',
                    "Les toilettes sentaient comme si personne n'y était passé depuis des jours.",
                ],
                'negation': [
                    "Le magasin n'était pas propre du tout.",
                    "Loin d'être bien entretenu.",
                ],
                'mixed': [
                    'Le magasin était vraiment dirty ce samedi.',
                    'Franchement messy, les allées.',
                ],
            },
            'it': {
                'keyword': [
                    'I bagni erano davvero sporchissimi.',
                    'Pavimento sporco e scatole ovunque nelle corsie.',
                    'Negozio in disordine, non si trova niente.',
                    'Scaffali pieni di polvere nel reparto luci.',
                    'Pulizia pessima in tutto il negozio.',
                ],
                'typo': [
                    'Bagni sprochi, che schifo.',
                    'Negozio tutto in disordne.',
                    'Scaffali impolvarati da settimane.',
                ],
                'paraphrase': [
                    "Una pozzanghera all'ingresso che nessuno si è preso la briga di asciugare.",
                    'Etichette strappate e scatole vuote per terra.',
                    'I bagni puzzavano come se nessuno ci passasse da giorni.',
                ],
                'negation': [
                    'Il negozio non era per niente pulito.',
                    "Tutt'altro che pulito, purtroppo.",
                ],
                'mixed': [
                    'Negozio davvero dirty oggi.',
                    'Corsie messy e piene di roba.',
                ],
            },
            'pl': {
                'keyword': [
                    'Toalety były obrzydliwie brudne.',
                    'Brudna podłoga i pudła w alejkach.',
                    'Straszny bałagan na dziale z dekoracjami.',
                    'Syf na półkach w dziale oświetlenia.',
                    'Widać, że nikt tu nie sprząta.',
                ],
                'typo': [
                    'Toalety były strasznie bdudne.',
                    'Totalny bałgan w alejkach.',
                    'Wszystko brdne i zakurzone.',
                ],
                'paraphrase': [
                    'Przy wejściu kałuża, której nikt nie wytarł.',
                    'Podarte etykiety i puste pudła na podłodze.',
                    'W toalecie śmierdziało, jakby nikt tam nie zaglądał od dni.',
                ],
                'negation': [
                    'Sklep wcale nie był czysty.',
                    'Daleko mu do zadbanego sklepu.',
                ],
                'mixed': [
                    'Toalety były mega dirty.',
                    'Taki messy sklep, że szkoda gadać.',
                ],
            },
            'uk': {
                'keyword': [
                    'Туалети були жахливо брудні.',
                    'Брудна підлога і коробки в проходах.',
                    'Безлад у відділі декору.',
                    'Сміття біля входу лежить з ранку.',
                    'В магазині нечисто і незатишно.',
                ],
                'typo': [
                    'Туалети були дуже бпудні.',
                    'Повний безлдад у проходах.',
                    'Ніхто не прибрав, все бурдне.',
                ],
                'paraphrase': [
                    'Біля входу калюжа, яку ніхто не витер.',
                    'Порвані етикетки й порожні коробки на підлозі.',
                    'У вбиральні смерділо, ніби туди днями ніхто не заходив.',
                ],
                'negation': [
                    'Магазин був зовсім не чистий.',
                    'Далеко не охайний магазин.',
                ],
                'mixed': [
                    'Туалети були дуже dirty.',
                    'Такий messy магазин, що шкода слів.',
                ],
            },
            'zh': {
                'keyword': [
                    '卫生间脏得不行。',
                    '地上很脏，过道里全是箱子。',
                    '装饰区乱糟糟的。',
                    '灯具区货架上全是灰尘。',
                    '店里很不整洁。',
                ],
                'paraphrase': [
                    '门口一滩水，没人来擦。',
                    '地上到处是撕掉的标签和空箱子。',
                    '洗手间的味道像好几天没人打理过。',
                ],
                'negation': [
                    '店里一点都不干净。',
                    '环境根本谈不上整洁。',
                ],
                'mixed': [
                    '洗手间太dirty了。',
                    '货架好messy啊。',
                ],
            },
        },
        'pos': {
            'en': {
                'keyword': [
                    'Always clean and nicely laid out.',
                    'Spotless toilets, which is rare.',
                    'Tidy aisles, easy to find things.',
                    'The store was clean and smelled lovely.',
                    'Everything neat and tidy even at closing time.',
                ],
                'typo': [
                    'Very claen store as always.',
                    'Spotles toilets for once.',
                    'Nice and tiddy inside.',
                ],
                'paraphrase': [
                    'The floors were gleaming when I walked in.',
                    'Everything was neatly lined up on the shelves.',
                    'You can tell someone looks after the place.',
                ],
                'negation': [
                    'Never seen it dirty or messy.',
                    'The toilets were not filthy for once, actually nice.',
                ],
                'mixed': [
                    'Really propre store, lovely smell too.',
                    'The shop was so pulito, like brand new.',
                ],
            },
            'fr': {
                'keyword': [
                    'Toujours propre et bien organisé.',
                    "Toilettes impeccables et propres, c'est rare.",
                    'Rayons bien rangés, on trouve tout facilement.',
                    'Magasin bien entretenu et agréable.',
                    'Sols nettoyés même en fin de journée.',
                ],
                'typo': [
                    'Magasin très propr comme toujours.',
                    'Bien ranger et agréable.',
                    "Toujour prorpe, bravo l'équipe.",
                ],
                'paraphrase': [
                    'Les sols brillaient quand je suis entrée.',
                    'Tout était parfaitement aligné sur les étagères.',
                    "On voit que quelqu'un prend soin des lieux.",
                ],
                'negation': [
                    'Jamais vu le magasin sale ni en désordre.',
                    'Pas un grain de poussière.',
                ],
                'mixed': [
                    'Magasin super clean, ça fait plaisir.',
                    'Tout était tidy et bien présenté.',
                ],
            },
            'it': {
                'keyword': [
                    'Sempre pulito e ben organizzato.',
                    'Bagni puliti, cosa rara.',
                    'Pulizia impeccabile in tutto il negozio.',
                    'Negozio pulitissimo anche a fine giornata.',
                    'Pavimenti puliti e profumo gradevole.',
                ],
                'typo': [
                    'Negozio sempre pulto e curato.',
                    'Pulzia top in tutto il negozio.',
                    'Bagni pultii e profumati.',
                ],
                'paraphrase': [
                    'I pavimenti brillavano quando sono entrata.',
                    'Tutto perfettamente allineato sugli scaffali.',
                    'Si vede che qualcuno si prende cura del posto.',
                ],
                'negation': [
                    'Mai visto sporco o in disordine.',
                    'Neanche un granello di polvere.',
                ],
                'mixed': [
                    'Negozio super clean, complimenti.',
                    'Tutto molto tidy e curato.',
                ],
            },
            'pl': {
                'keyword': [
                    'Zawsze czysto i schludnie.',
                    'Czyste toalety, co jest rzadkością.',
                    'Zadbany sklep, miło się chodzi.',
                    'Wszystko posprzątane nawet pod wieczór.',
                    'Czystość na najwyższym poziomie.',
                ],
                'typo': [
                    'Zawsze czytso w tym sklepie.',
                    'Bardzo zadabny sklep, polecam.',
                    'Czysciutko jak w aptece.',
                ],
                'paraphrase': [
                    'Podłogi lśniły, kiedy weszłam.',
                    'Wszystko równiutko poukładane na półkach.',
                    'Widać, że ktoś dba o to miejsce.',
                ],
                'negation': [
                    'Żadnego bałaganu, wszystko na miejscu.',
                    'Nigdy nie widziałam tu brudu.',
                ],
                'mixed': [
                    'Sklep super clean, brawo.',
                    'Wszystko tidy i ładnie poukładane.',
                ],
            },
            'uk': {
                'keyword': [
                    'Завжди чисто й охайно.',
                    'Чисті туалети, що рідкість.',
                    'Все прибрано навіть увечері.',
                    'Охайні полиці, все легко знайти.',
                    'Чистота в магазині просто ідеальна.',
                ],
                'typo': [
                    'Завжди чсито в цьому магазині.',
                    'Дуже охаайно всередині, молодці.',
                    'Все прибарно, приємно зайти.',
                ],
                'paraphrase': [
                    'Підлога аж блищала, коли я зайшла.',
                    'Все рівненько розкладено на полицях.',
                    'Видно, що про це місце дбають.',
                ],
                'negation': [
                    'Ніде ні сміття, ні бруду.',
                    'Жодного безладу, все на місцях.',
                ],
                'mixed': [
                    'Магазин super clean, молодці.',
                    'Все tidy і гарно розкладено.',
                ],
            },
            'zh': {
                'keyword': [
                    '店里一直很干净。',
                    '卫生间很干净，难得。',
                    '货架整洁，东西好找。',
                    '环境卫生很好。',
                    '晚上去也很整洁干净。',
                ],
                'paraphrase': [
                    '一进门地板亮得能照人。',
                    '货架上的东西摆得整整齐齐。',
                    '看得出有人用心打理。',
                ],
                'negation': [
                    '一点也不脏。',
                    '完全没有乱糟糟的感觉。',
                ],
                'mixed': [
                    '店里超级clean。',
                    '整个店很tidy，很舒服。',
                ],
            },
        },
    },
    'website_usability': {
        'neg': {
            'en': {
                'keyword': [
                    'The website keeps crashing at the last step.',
                    'The app is painfully slow on my mobile.',
                    "Can't log in, it just spins forever.",
                    'Your app keeps logging me out.',
                    'The website search is useless, shows random stuff.',
                ],
                'typo': [
                    'The webiste is a nightmare on mobile.',
                    'The ap keeps freezing every time.',
                    'Cant lgoin for two days now.',
                ],
                'paraphrase': [
                    'The search bar brings up candles when I type sofa.',
                    'Every time I tap the filters the page jumps back to the top.',
                    'It took me ten minutes to find the size guide.',
                ],
                'negation': [
                    'The website is not easy to use at all.',
                    'The app is anything but intuitive.',
                ],
                'mixed': [
                    'The aplikacja is a disaster, honestly.',
                    'Their site internet is so slow, unbelievable.',
                ],
            },
            'fr': {
                'keyword': [
                    'Le site plante à la dernière étape.',
                    "L'appli est super lente sur mon portable.",
                    'Problème de connexion, ça tourne dans le vide.',
                    "L'appli me déconnecte sans arrêt.",
                    'La page produit met une éternité à charger.',
                ],
                'typo': [
                    'Le sitte est une horreur sur mobile.',
                    "L'appi plante tout le temps.",
                    'Problème de conexion depuis hier.',
                ],
                'paraphrase': [
                    'Quand je tape canapé, on me propose des bougies.',
                    'À chaque filtre, tout remonte en haut.',
                    'Dix minutes pour trouver le guide des tailles.',
                ],
                'negation': [
                    "Le site n'est pas du tout intuitif.",
                    "L'appli est tout sauf pratique.",
                ],
                'mixed': [
                    'Le website est une catastrophe.',
                    'Le login ne marche jamais du premier coup.',
                ],
            },
            'it': {
                'keyword': [
                    "Il sito si blocca all'ultimo passaggio.",
                    "L'app è lentissima sul cellulare.",
                    'Login impossibile, gira a vuoto.',
                    "L'applicazione mi disconnette in continuazione.",
                    'La pagina del prodotto non si carica mai.',
                ],
                'typo': [
                    'Il stio è un disastro da mobile.',
                    "L'aplicazione crasha di continuo.",
                    'Non riesco a fare il logn.',
                ],
                'paraphrase': [
                    'Se cerco divano mi escono le candele.',
                    'Ogni volta che metto un filtro torna tutto in cima.',
                    'Dieci minuti per trovare la guida alle taglie.',
                ],
                'negation': [
                    'Il sito non è per niente intuitivo.',
                    "L'app è tutt'altro che veloce.",
                ],
                'mixed': [
                    'Il website è un disastro.',
                    'La mobile app si blocca di continuo.',
                ],
            },
            'pl': {
                'keyword': [
                    'Strona wywala się na ostatnim kroku.',
                    'Aplikacja strasznie muli na komórce.',
                    'Nie da się zalogować, kręci się w kółko.',
                    'Apka ciągle mnie wylogowuje.',
                    'Wyszukiwarka na stronie jest bezużyteczna.',
                ],
                'typo': [
                    'Strnoa to koszmar na komórce.',
                    'Aplkacja ciągle się zawiesza.',
                    'Nie mogę się zalgować.',
                ],
                'paraphrase': [
                    'Wpisuję sofa, a wyskakują świece.',
                    'Przy każdym filtrze wszystko wraca na górę.',
                    'Dziesięć minut szukałam tabeli rozmiarów.',
                ],
                'negation': [
                    'Strona wcale nie jest intuicyjna.',
                    'Aplikacja daleka od wygodnej.',
                ],
                'mixed': [
                    'Website to jakaś porażka.',
                    'Login nie działa od wczoraj.',
                ],
            },
            'uk': {
                'keyword': [
                    'Сайт зависає на останньому кроці.',
                    'Застосунок страшенно гальмує на смартфоні.',
                    'Не можу увійти в акаунт у додатку.',
                    'Додаток постійно мене викидає.',
                    'Пошук на сайті нічого не знаходить.',
                ],
                'typo': [
                    'Сайи жахливий на мобільному.',
                    'Застоснок постійно вилітає, жах.',
                    'Дадаток не відкривається з ранку.',
                ],
                'paraphrase': [
                    'Шукаю диван, а видає свічки.',
                    'Після кожного фільтра все стрибає нагору.',
                    'Десять хвилин шукала таблицю розмірів.',
                ],
                'negation': [
                    'Сайт зовсім не зручний.',
                    'Застосунок далеко не інтуїтивний.',
                ],
                'mixed': [
                    'Website у вас просто жах.',
                    'Mobile app постійно вилітає.',
                ],
            },
            'zh': {
                'keyword': [
                    '网站在最后一步总是崩。',
                    'app在手机上卡得要命。',
                    '登录一直转圈圈。',
                    '小程序老是闪退。',
                    '网站的搜索功能完全没用。',
                ],
                'paraphrase': [
                    '搜沙发出来的全是蜡烛。',
                    '每点一次筛选就跳回顶部。',
                    '找尺码表找了十分钟。',
                ],
                'negation': [
                    '网站一点都不好用。',
                    'app一点也不流畅。',
                ],
                'mixed': [
                    'website太难用了。',
                    '这个login根本登不上。',
                ],
            },
        },
        'pos': {
            'en': {
                'keyword': [
                    'The website is easy to use and quick.',
                    'The app is really smooth now.',
                    'Love the mobile app, ordering takes two minutes.',
                    'Login was quick and painless.',
                    "The website's room planner is brilliant.",
                ],
                'typo': [
                    'The wesbite is so easy to use.',
                    'Grat aap, very smooth.',
                    'Loved the new webstie layout.',
                ],
                'paraphrase': [
                    'Found what I wanted in three taps.',
                    'The filters actually work, which is rare.',
                    'The room planner helped me picture the sofa at home.',
                ],
                'negation': [
                    'The app never crashes on me.',
                    "The website isn't confusing at all.",
                ],
                'mixed': [
                    'The applicazione is super smooth.',
                    'Really nice site web, easy to find everything.',
                ],
            },
            'fr': {
                'keyword': [
                    'Site web clair et rapide.',
                    "L'appli est vraiment fluide.",
                    "Commande passée en deux minutes sur l'appli.",
                    'Connexion rapide, aucun souci.',
                    'Le planificateur de pièce sur le site est génial.',
                ],
                'typo': [
                    'Le stie est super clair.',
                    'Très bonne aplli, rien à dire.',
                    'Conexion facile et rapide.',
                ],
                'paraphrase': [
                    "J'ai trouvé ce que je voulais en trois clics.",
                    "Les filtres fonctionnent vraiment, c'est rare.",
                    "L'outil de simulation m'a aidée à imaginer le canapé chez moi.",
                ],
                'negation': [
                    "L'appli ne plante jamais.",
                    "Le site n'a rien de compliqué.",
                ],
                'mixed': [
                    'Le website est top.',
                    'La mobile app est très fluide.',
                ],
            },
            'it': {
                'keyword': [
                    'Il sito è chiaro e veloce.',
                    "L'app funziona benissimo ormai.",
                    "Ordine fatto in due minuti dall'applicazione.",
                    'Login veloce, nessun problema.',
                    'Il configuratore sul sito è geniale.',
                ],
                'typo': [
                    'Il siot è chiarissimo, bravi.',
                    'Applicazone molto fluida e veloce.',
                    'La paggina si carica subito.',
                ],
                'paraphrase': [
                    'Ho trovato quello che cercavo in tre clic.',
                    'I filtri funzionano davvero, cosa rara.',
                    'Lo strumento di simulazione mi ha aiutata a immaginare il divano in casa.',
                ],
                'negation': [
                    "L'app non si blocca mai.",
                    'Il sito non è affatto complicato.',
                ],
                'mixed': [
                    'Il website è top.',
                    'La mobile app è velocissima.',
                ],
            },
            'pl': {
                'keyword': [
                    'Strona przejrzysta i szybka.',
                    'Aplikacja działa bardzo płynnie.',
                    'Zamówienie przez apkę w dwie minuty.',
                    'Logowanie szybkie, bez problemu.',
                    'Planer pokoju na stronie jest świetny.',
                ],
                'typo': [
                    'Srtona bardzo przejrzysta, polecam.',
                    'Aplikajca działa super płynnie.',
                    'Logwanie szybkie i bez problemu.',
                ],
                'paraphrase': [
                    'Znalazłam, co chciałam, w trzech kliknięciach.',
                    'Filtry naprawdę działają, co jest rzadkie.',
                    'Wizualizacja pomogła mi wyobrazić sobie sofę w salonie.',
                ],
                'negation': [
                    'Aplikacja nigdy się nie zawiesza.',
                    'Strona wcale nie jest skomplikowana.',
                ],
                'mixed': [
                    'Website jest bardzo wygodny.',
                    'Mobile app działa super.',
                ],
            },
            'uk': {
                'keyword': [
                    'Сайт зрозумілий і швидкий.',
                    'Застосунок працює дуже плавно.',
                    'Замовила через додаток за дві хвилини.',
                    'Вхід на сайт швидкий, без проблем.',
                    'Планувальник кімнати на сайті — супер.',
                ],
                'typo': [
                    'Сацт дуже зручний, дякую.',
                    'Застсунок працює просто чудово.',
                    'Дуже зручний дадаток, раджу.',
                ],
                'paraphrase': [
                    'Знайшла все потрібне за три кліки.',
                    'Фільтри справді працюють, що рідкість.',
                    'Візуалізація допомогла уявити диван у вітальні.',
                ],
                'negation': [
                    'Застосунок ніколи не зависає.',
                    'Сайт зовсім не складний.',
                ],
                'mixed': [
                    'Website дуже зручний і швидкий.',
                    'Mobile app працює ідеально.',
                ],
            },
            'zh': {
                'keyword': [
                    '网站很清晰，速度也快。',
                    'app用起来很顺畅。',
                    '用小程序两分钟就下好单了。',
                    '登录很快，没问题。',
                    '官网的房间规划工具很好用。',
                ],
                'paraphrase': [
                    '点三下就找到了想要的东西。',
                    '筛选真的有用，很难得。',
                    '摆放预览让我提前看到沙发放在家里的样子。',
                ],
                'negation': [
                    'app从来没闪退过。',
                    '网站一点也不复杂。',
                ],
                'mixed': [
                    'website做得很好用。',
                    '他们的mobile app很流畅。',
                ],
            },
        },
    },
    'checkout_payment': {
        'neg': {
            'en': {
                'keyword': [
                    'The payment kept failing at the last step.',
                    'Checkout froze and I was charged twice.',
                    "Couldn't pay with my watch even though it says you can.",
                    'The self-checkout kept shouting about an unexpected item.',
                    'Payment declined three times with a perfectly good card.',
                ],
                'typo': [
                    'Pyament failed twice, no idea why.',
                    'The chekout froze again.',
                    'Couldnt py with my card at all.',
                ],
                'paraphrase': [
                    'My card got charged twice for one order.',
                    'The self-service tills never recognise anything I scan.',
                    'It took me four attempts before the order finally went through.',
                ],
                'negation': [
                    'The checkout was not quick or easy.',
                    'Paying was anything but smooth.',
                ],
                'mixed': [
                    'The paiement failed at the very end.',
                    'My płatność got stuck for ten minutes.',
                ],
            },
            'fr': {
                'keyword': [
                    'Le paiement a échoué trois fois.',
                    "Impossible de payer avec ma montre, alors que c'est indiqué.",
                    'Les caisses automatiques ne marchent jamais.',
                    'Carte bancaire débitée deux fois pour une commande.',
                    'Le panier se vide au moment de valider.',
                ],
                'typo': [
                    'Le paimeent a encore planté.',
                    'Impossible de paier en ligne.',
                    "Mon pannier s'est vidé tout seul.",
                ],
                'paraphrase': [
                    'Ma carte a été débitée deux fois pour la même commande.',
                    'Les bornes en libre-service ne reconnaissent rien.',
                    'Quatre tentatives avant que la commande passe enfin.',
                ],
                'negation': [
                    "Le paiement n'a pas été simple du tout.",
                    'Payer en ligne, tout sauf fluide.',
                ],
                'mixed': [
                    'Le checkout a planté deux fois.',
                    'Ma payment a été refusée sans raison.',
                ],
            },
            'it': {
                'keyword': [
                    'Il pagamento è fallito tre volte.',
                    "Impossibile pagare con l'orologio, anche se dicono di sì.",
                    'Le casse automatiche non funzionano mai.',
                    'Carta di credito addebitata due volte.',
                    'Il carrello si svuota al momento di confermare.',
                ],
                'typo': [
                    'Il pagamneto non va a buon fine.',
                    'Impossibile pagre online da ieri.',
                    'Il carello si è svuotato da solo.',
                ],
                'paraphrase': [
                    'Mi hanno addebitato due volte lo stesso ordine.',
                    'Le casse fai-da-te non leggono niente.',
                    "Quattro tentativi prima che l'ordine andasse a buon fine.",
                ],
                'negation': [
                    'Il pagamento non è stato per niente semplice.',
                    "Pagare online è tutt'altro che facile.",
                ],
                'mixed': [
                    'Il checkout si è bloccato di nuovo.',
                    'La payment è stata rifiutata senza motivo.',
                ],
            },
            'pl': {
                'keyword': [
                    'Płatność nie przeszła trzy razy.',
                    'Nie da się zapłacić BLIK-iem.',
                    'Terminal co chwilę się zawiesza.',
                    'Pobrali płatność dwa razy za jedno zamówienie.',
                    'Koszyk się czyści przy finalizacji zamówienia.',
                ],
                'typo': [
                    'Płanośc znowu nie przeszła.',
                    'Nie mogę zapałcić kartą.',
                    'Koszk się wyczyścił sam.',
                ],
                'paraphrase': [
                    'Z karty zeszło dwa razy za to samo zamówienie.',
                    'Kasy, przy których skanujesz sam, niczego nie czytają.',
                    'Cztery próby, zanim zamówienie w końcu przeszło.',
                ],
                'negation': [
                    'Płatność wcale nie była prosta.',
                    'Zapłacić online? Daleko od wygody.',
                ],
                'mixed': [
                    'Checkout się zawiesił dwa razy.',
                    'Payment odrzucony bez powodu.',
                ],
            },
            'uk': {
                'keyword': [
                    'Оплата не пройшла тричі.',
                    'Неможливо оплатити годинником, хоча пишуть, що можна.',
                    'Платіж списали двічі за одне замовлення.',
                    'Термінал на касі постійно зависає.',
                    'Кошик очищується на етапі оформлення замовлення.',
                ],
                'typo': [
                    'Опалта знову не пройшла.',
                    'Не можу опатити карткою.',
                    'Плтіж списали двічі, жах.',
                ],
                'paraphrase': [
                    'З картки зняли гроші двічі за те саме замовлення.',
                    'Каси самообслуговування нічого не зчитують.',
                    'Чотири спроби, поки замовлення нарешті пройшло.',
                ],
                'negation': [
                    'Оплата була зовсім не простою.',
                    'Платіж далеко не швидкий.',
                ],
                'mixed': [
                    'Checkout завис уже двічі.',
                    'Payment не проходить, хоча гроші є.',
                ],
            },
            'zh': {
                'keyword': [
                    '付款失败了三次。',
                    '明明写着能用支付宝，结果支付不了。',
                    '自助结账机老是出错。',
                    '一笔订单被扣款两次。',
                    '结算的时候购物车清空了。',
                ],
                'paraphrase': [
                    '同一个订单卡里被扣了两次钱。',
                    '自助机什么都扫不出来。',
                    '试了四次订单才下成功。',
                ],
                'negation': [
                    '付款一点都不顺利。',
                    '结账根本不方便。',
                ],
                'mixed': [
                    'checkout的时候卡住了。',
                    'payment一直失败。',
                ],
            },
        },
        'pos': {
            'en': {
                'keyword': [
                    'Checkout was quick and simple.',
                    'Paying with my watch took seconds.',
                    'Smooth payment, no extra steps.',
                    'The self-checkouts are fast and easy to use.',
                    'Love that you can pay with PayPal now.',
                ],
                'typo': [
                    'Chekcout was super quick.',
                    'Pamyent went through first time.',
                    'So easy to pya, no fuss.',
                ],
                'paraphrase': [
                    'Two taps and the order was done.',
                    'The self-service tills were a breeze.',
                    'No hiccups at all when I placed the order.',
                ],
                'negation': [
                    'Payment never failed once.',
                    "The checkout wasn't slow at all.",
                ],
                'mixed': [
                    'The pagamento was quick and easy.',
                    'Really easy paiement, no stress.',
                ],
            },
            'fr': {
                'keyword': [
                    'Paiement rapide et simple.',
                    'Payer avec la montre, en deux secondes.',
                    'Les caisses automatiques vont super vite.',
                    'Paiement en plusieurs fois très pratique.',
                    'Panier validé en un clic.',
                ],
                'typo': [
                    'Paimant rapide et sans souci.',
                    'Très facile de paiyer en ligne.',
                    'Pannier validé en une minute.',
                ],
                'paraphrase': [
                    'Deux clics et la commande était passée.',
                    'Les bornes en libre-service, un vrai bonheur.',
                    'Aucun accroc au moment de commander.',
                ],
                'negation': [
                    "Le paiement n'a jamais échoué.",
                    "Payer n'a rien de compliqué.",
                ],
                'mixed': [
                    'Le checkout est super rapide.',
                    'Payment en deux secondes, top.',
                ],
            },
            'it': {
                'keyword': [
                    'Pagamento veloce e semplice.',
                    'Pagare con lo smartwatch, due secondi.',
                    'Le casse automatiche sono velocissime.',
                    'Pagamento a rate molto comodo.',
                    'Carrello confermato in un attimo.',
                ],
                'typo': [
                    'Pagameto veloce, nessun problema.',
                    'Facilissimo pagre anche online.',
                    'Carelo confermato subito, perfetto.',
                ],
                'paraphrase': [
                    "Due clic e l'ordine era fatto.",
                    'Le casse fai-da-te sono una comodità.',
                    "Nessun intoppo al momento dell'ordine.",
                ],
                'negation': [
                    'Il pagamento non è mai fallito.',
                    'Pagare non è affatto complicato.',
                ],
                'mixed': [
                    'Il checkout è velocissimo.',
                    'Payment rapidissimo, davvero ottimo.',
                ],
            },
            'pl': {
                'keyword': [
                    'Płatność szybka i prosta.',
                    'Zapłaciłam zegarkiem w dwie sekundy.',
                    'BLIK działa bez zarzutu.',
                    'Bardzo wygodne płatności ratalne.',
                    'Koszyk zatwierdzony jednym kliknięciem.',
                ],
                'typo': [
                    'Płatnść szybka i bez problemu.',
                    'Bardzo łatwo zapałcić online.',
                    'Koszk zatwierdzony od razu.',
                ],
                'paraphrase': [
                    'Dwa kliknięcia i po zamówieniu.',
                    'Kasy, gdzie sam skanujesz, to wygoda.',
                    'Żadnych zgrzytów przy składaniu zamówienia.',
                ],
                'negation': [
                    'Płatność nigdy nie odrzucona.',
                    'Zapłata wcale nie jest skomplikowana.',
                ],
                'mixed': [
                    'Checkout bardzo szybki i prosty.',
                    'Payment przeszedł od razu.',
                ],
            },
            'uk': {
                'keyword': [
                    'Оплата швидка і проста.',
                    'Оплатила годинником за дві секунди.',
                    'Платіж пройшов з першого разу.',
                    'Дуже зручна оплата частинами.',
                    'Оформлення замовлення в один клік.',
                ],
                'typo': [
                    'Оплтаа швидка і зручна.',
                    'Дуже легко оплтити онлайн.',
                    'Плтаіж пройшов миттєво, супер.',
                ],
                'paraphrase': [
                    'Два кліки — і замовлення готове.',
                    'Каси, де скануєш сам, — це зручно.',
                    'Жодних заминок, коли оформлювала покупку.',
                ],
                'negation': [
                    'Оплата ніколи не зависала.',
                    'Оплатити зовсім не складно.',
                ],
                'mixed': [
                    'Checkout дуже швидкий і зручний.',
                    'Payment пройшов миттєво, дякую.',
                ],
            },
            'zh': {
                'keyword': [
                    '付款又快又方便。',
                    '用手表刷一下就支付好了。',
                    '自助结账很快。',
                    '支持分期付款，很方便。',
                    '结算一键完成。',
                ],
                'paraphrase': [
                    '点两下订单就搞定了。',
                    '自助机用起来很省事。',
                    '下单过程一点卡顿都没有。',
                ],
                'negation': [
                    '付款从来没失败过。',
                    '结账一点也不麻烦。',
                ],
                'mixed': [
                    'checkout很快，很方便。',
                    'payment一次就成功了。',
                ],
            },
        },
    },
    'delivery': {
        'neg': {
            'en': {
                'keyword': [
                    'The delivery was three days late.',
                    'The courier left my parcel in the rain.',
                    'Delivered to the wrong address, twice.',
                    'The sofa was delivered with a huge scratch.',
                    'Missed delivery, even though I was home all day.',
                ],
                'typo': [
                    'The delivry was a week late.',
                    "Curier didn't even knock.",
                    'My parcle was left at the wrong house.',
                ],
                'paraphrase': [
                    'My sofa showed up a week after they said it would.',
                    'The wardrobe arrived with a corner smashed in.',
                    'Nobody turned up in the slot I booked.',
                ],
                'negation': [
                    'The delivery was anything but fast.',
                    'Delivered on time? Not even close.',
                ],
                'mixed': [
                    'The livraison was a disaster from start to finish.',
                    'The kurier never showed up.',
                ],
            },
            'fr': {
                'keyword': [
                    'La livraison avait trois jours de retard.',
                    'Le livreur a laissé mon colis sous la pluie.',
                    'Livré à la mauvaise adresse, deux fois.',
                    'Le canapé a été livré avec une énorme rayure.',
                    "Le transporteur n'est jamais passé.",
                ],
                'typo': [
                    'La livaison avait une semaine de retard.',
                    "Le lirveur n'a même pas sonné.",
                    'Mon cols a été laissé chez le voisin.',
                ],
                'paraphrase': [
                    'Mon canapé est arrivé une semaine après la date promise.',
                    "L'armoire est arrivée avec un coin enfoncé.",
                    "Personne ne s'est présenté sur le créneau réservé.",
                ],
                'negation': [
                    "La livraison n'a pas été rapide du tout.",
                    "Livré à l'heure ? Pas vraiment.",
                ],
                'mixed': [
                    'Le delivery est arrivé en retard.',
                    "Le courier a déposé le colis n'importe où.",
                ],
            },
            'it': {
                'keyword': [
                    'La consegna è arrivata con tre giorni di ritardo.',
                    'Il corriere ha lasciato il pacco sotto la pioggia.',
                    "Consegnato all'indirizzo sbagliato, due volte.",
                    'Il divano è stato consegnato con un graffio enorme.',
                    'Spedizione in ritardo senza alcun motivo.',
                ],
                'typo': [
                    'La cosegna è arrivata in ritardo.',
                    'Il coriere non ha nemmeno suonato.',
                    'Il paco è stato lasciato dal vicino.',
                ],
                'paraphrase': [
                    'Il divano è arrivato una settimana dopo la data promessa.',
                    "L'armadio è arrivato con un angolo ammaccato.",
                    'Non si è presentato nessuno nella fascia oraria prenotata.',
                ],
                'negation': [
                    'La consegna non è stata affatto rapida.',
                    'Consegnato in tempo? Neanche per sogno.',
                ],
                'mixed': [
                    'Il delivery è arrivato in ritardo.',
                    'Il courier ha lasciato tutto fuori dal cancello.',
                ],
            },
            'pl': {
                'keyword': [
                    'Dostawa spóźniła się trzy dni.',
                    'Kurier zostawił paczkę na deszczu.',
                    'Dostarczono pod zły adres, dwa razy.',
                    'Sofę dostarczono z ogromną rysą.',
                    'Przesyłka utknęła gdzieś na tydzień.',
                ],
                'typo': [
                    'Dostwa spóźniona o tydzień.',
                    'Kureir nawet nie zadzwonił.',
                    'Packza została u sąsiada.',
                ],
                'paraphrase': [
                    'Sofa przyjechała tydzień po obiecanym terminie.',
                    'Szafa dotarła z wgniecionym rogiem.',
                    'Nikt się nie pojawił w zarezerwowanym przedziale godzin.',
                ],
                'negation': [
                    'Dostawa wcale nie była szybka.',
                    'Kurier na czas? Chyba żartujesz.',
                ],
                'mixed': [
                    'Delivery spóźnione o tydzień.',
                    'Courier zostawił wszystko pod bramą.',
                ],
            },
            'uk': {
                'keyword': [
                    'Доставка запізнилася на три дні.',
                    "Кур'єр залишив посилку під дощем.",
                    'Доставили не за тією адресою, двічі.',
                    'Диван доставили з величезною подряпиною.',
                    'Посилка десь застрягла на тиждень.',
                ],
                'typo': [
                    'Дотавка запізнилася на тиждень.',
                    'Курєр навіть не подзвонив.',
                    'Пасилку залишили в сусідів.',
                ],
                'paraphrase': [
                    'Диван привезли через тиждень після обіцяної дати.',
                    "Шафа приїхала з пом'ятим кутом.",
                    'У заброньований час ніхто так і не приїхав.',
                ],
                'negation': [
                    'Доставка була зовсім не швидкою.',
                    'Доставили вчасно? Та де там.',
                ],
                'mixed': [
                    'Delivery знову запізнилась на два дні.',
                    'Courier залишив усе біля воріт.',
                ],
            },
            'zh': {
                'keyword': [
                    '快递晚了三天。',
                    '快递员把包裹放在雨里。',
                    '两次都送到了错误地址。',
                    '沙发配送过来有一大道划痕。',
                    '物流卡了一个星期不动。',
                ],
                'paraphrase': [
                    '沙发比承诺的日期晚了一周才到。',
                    '衣柜到的时候一个角被撞瘪了。',
                    '约好的时间段根本没人来。',
                ],
                'negation': [
                    '配送一点都不快。',
                    '送货根本不准时。',
                ],
                'mixed': [
                    'delivery又晚了。',
                    'courier直接把东西扔在门口。',
                ],
            },
        },
        'pos': {
            'en': {
                'keyword': [
                    'Delivery was fast and the two men were careful.',
                    'Delivered the next day, brilliant.',
                    'The courier rang ahead and was bang on time.',
                    'Parcel arrived in perfect condition.',
                    'Free delivery and it came early.',
                ],
                'typo': [
                    'Delivary was super quick.',
                    'The couier was lovely.',
                    'Parsel arrived the next morning.',
                ],
                'paraphrase': [
                    'The table turned up a day earlier than promised.',
                    'They carried the wardrobe upstairs and took the old one away.',
                    'Everything arrived without a single scratch.',
                ],
                'negation': [
                    "The delivery wasn't late at all.",
                    'Not one damaged item in the whole delivery.',
                ],
                'mixed': [
                    'The consegna was super quick.',
                    'Livraison next day, perfect.',
                ],
            },
            'fr': {
                'keyword': [
                    'Livraison rapide et livreurs très soigneux.',
                    'Livré dès le lendemain, parfait.',
                    'Colis arrivé en parfait état.',
                    'Le transporteur a prévenu avant de passer.',
                    'Livraison offerte et en avance en plus.',
                ],
                'typo': [
                    'Lirvaison super rapide, merci.',
                    'Coli arrivé en parfait état.',
                    'Lvré le lendemain, top.',
                ],
                'paraphrase': [
                    'La table est arrivée un jour plus tôt que prévu.',
                    "Ils ont monté l'armoire à l'étage et emporté l'ancienne.",
                    'Tout est arrivé sans la moindre rayure.',
                ],
                'negation': [
                    "La livraison n'a pas eu une minute de retard.",
                    'Aucun colis abîmé, rien à signaler.',
                ],
                'mixed': [
                    'Le delivery était super rapide.',
                    'Courier très sympa et ponctuel.',
                ],
            },
            'it': {
                'keyword': [
                    'Consegna veloce e corrieri attentissimi.',
                    'Consegnato il giorno dopo, perfetto.',
                    'Pacco arrivato in perfette condizioni.',
                    'Il corriere ha chiamato prima di passare.',
                    'Spedizione gratuita e pure in anticipo.',
                ],
                'typo': [
                    'Cosnegna velocissima, grazie mille.',
                    'Pacoo arrivato integro e puntuale.',
                    'Il corire è arrivato puntualissimo.',
                ],
                'paraphrase': [
                    'Il tavolo è arrivato un giorno prima del previsto.',
                    "Hanno portato l'armadio al piano di sopra e ritirato quello vecchio.",
                    'È arrivato tutto senza un graffio.',
                ],
                'negation': [
                    'La consegna non ha avuto un minuto di ritardo.',
                    'Nessun pacco danneggiato, tutto ok.',
                ],
                'mixed': [
                    'Il delivery è stato velocissimo.',
                    'Courier puntualissimo, arrivato prima delle nove.',
                ],
            },
            'pl': {
                'keyword': [
                    'Dostawa szybka, panowie bardzo ostrożni.',
                    'Dostarczone już następnego dnia.',
                    'Paczka dotarła w idealnym stanie.',
                    'Kurier zadzwonił wcześniej i był na czas.',
                    'Darmowa dostawa i to przed terminem.',
                ],
                'typo': [
                    'Dosatwa bardzo szybka, dzięki.',
                    'Paczak dotarła cała i zdrowa.',
                    'Kruier bardzo sprawny, brawo.',
                ],
                'paraphrase': [
                    'Stół przyjechał dzień wcześniej, niż obiecano.',
                    'Wnieśli szafę na piętro i zabrali starą.',
                    'Wszystko dotarło bez najmniejszej rysy.',
                ],
                'negation': [
                    'Dostawa ani trochę się nie spóźniła.',
                    'Żadna paczka nie była uszkodzona.',
                ],
                'mixed': [
                    'Delivery ekspresowe, naprawdę super.',
                    'Courier przyjechał przed czasem.',
                ],
            },
            'uk': {
                'keyword': [
                    'Доставка швидка, хлопці дуже акуратні.',
                    'Доставили вже наступного дня.',
                    'Посилка прийшла в ідеальному стані.',
                    "Кур'єр подзвонив заздалегідь і приїхав вчасно.",
                    'Безкоштовна доставка, ще й раніше строку.',
                ],
                'typo': [
                    'Дотсавка дуже швидка, дякую.',
                    'Посилак прийшла ціла й неушкоджена.',
                    'Курер приїхав раніше часу.',
                ],
                'paraphrase': [
                    'Стіл привезли на день раніше, ніж обіцяли.',
                    'Занесли шафу на поверх і забрали стару.',
                    'Все приїхало без жодної подряпини.',
                ],
                'negation': [
                    'Доставка ні на хвилину не запізнилася.',
                    'Жодна посилка не була пошкоджена.',
                ],
                'mixed': [
                    'Delivery супер швидке, дякую.',
                    'Courier приїхав навіть раніше.',
                ],
            },
            'zh': {
                'keyword': [
                    '配送很快，师傅很小心。',
                    '第二天就送到了。',
                    '包裹完好无损。',
                    '快递员很准时。',
                    '免费送货，还提前到了。',
                ],
                'paraphrase': [
                    '桌子比说好的早一天到。',
                    '师傅把衣柜搬上楼，还把旧的带走了。',
                    '东西到的时候一点划痕都没有。',
                ],
                'negation': [
                    '配送一点也没延误。',
                    '包裹没有任何损坏。',
                ],
                'mixed': [
                    'delivery超快。',
                    'courier小哥特别准时。',
                ],
            },
        },
    },
    'returns_refunds': {
        'neg': {
            'en': {
                'keyword': [
                    'Still no refund after three weeks.',
                    "Returning a lamp shouldn't take two visits.",
                    'They refused the return because the box was opened.',
                    'The refund went to a card I no longer have.',
                    'No exchange without the receipt, even with the bag from your shop.',
                ],
                'typo': [
                    'Still no refnd after a month.',
                    'The retrun process is a joke.',
                    'Been chasing my refudn for weeks.',
                ],
                'paraphrase': [
                    "I'm still chasing the money for a chair I sent back in March.",
                    "They wouldn't take the rug back because I'd lost the receipt.",
                    'Three weeks on and nothing back in my account.',
                ],
                'mixed': [
                    'Still no rimborso after three weeks.',
                    'The zwrot process is way too complicated.',
                ],
            },
            'fr': {
                'keyword': [
                    'Toujours pas remboursé après trois semaines.',
                    "Le retour d'une lampe ne devrait pas prendre deux passages.",
                    'Retour refusé parce que la boîte était ouverte.',
                    "Remboursement sur une carte que je n'ai plus.",
                    "Pas d'échange sans ticket, même avec le sac du magasin.",
                ],
                'typo': [
                    "Toujours pas rembourcé, c'est honteux.",
                    'Le retrour est un parcours du combattant.',
                    "Mon rembousement n'arrive pas.",
                ],
                'paraphrase': [
                    "Je cours encore après l'argent d'une chaise renvoyée en mars.",
                    "Ils n'ont pas voulu reprendre le tapis sans le ticket.",
                    'Trois semaines plus tard, toujours rien sur mon compte.',
                ],
                'mixed': [
                    'Toujours pas de refund, trois semaines après.',
                    'Le return en magasin, un vrai calvaire.',
                ],
            },
            'it': {
                'keyword': [
                    'Ancora nessun rimborso dopo tre settimane.',
                    'Per il reso di una lampada sono dovuta tornare due volte.',
                    'Hanno rifiutato il reso perché la scatola era aperta.',
                    'Rimborso su una carta che non ho più.',
                    'Niente sostituzione senza scontrino.',
                ],
                'typo': [
                    'Ancora nessun rimborzo, vergogna.',
                    'Il resso è complicatissimo.',
                    'Rinborso mai arrivato, che pazienza.',
                ],
                'paraphrase': [
                    'Sto ancora inseguendo i soldi di una sedia rimandata a marzo.',
                    'Non hanno voluto riprendere il tappeto senza scontrino.',
                    'Tre settimane dopo, sul conto ancora niente.',
                ],
                'mixed': [
                    'Il refund non è mai arrivato.',
                    'Il return in negozio è un incubo.',
                ],
            },
            'pl': {
                'keyword': [
                    'Wciąż brak zwrotu pieniędzy po trzech tygodniach.',
                    'Zwrot lampy nie powinien wymagać dwóch wizyt.',
                    'Odrzucili reklamację, bo pudełko było otwarte.',
                    'Zwrócili pieniądze na kartę, której już nie mam.',
                    'Wymiana bez paragonu niemożliwa.',
                ],
                'typo': [
                    'Dalej brak zwortu pieniędzy.',
                    'Rekalmacja trwa już wieki.',
                    'Zwórcili mi tylko połowę.',
                ],
                'paraphrase': [
                    'Wciąż ganiam za pieniędzmi za krzesło odesłane w marcu.',
                    'Nie chcieli przyjąć dywanu z powrotem bez paragonu.',
                    'Trzy tygodnie i nadal nic na koncie.',
                ],
                'mixed': [
                    'Refund dalej nie przyszedł.',
                    'Return w sklepie to koszmar.',
                ],
            },
            'uk': {
                'keyword': [
                    'Досі немає повернення коштів після трьох тижнів.',
                    'Повернення лампи не мало б займати два візити.',
                    'Відмовили в поверненні, бо коробка відкрита.',
                    'Гроші повернули на картку, якої в мене вже немає.',
                    'Обмін без квитанції неможливий.',
                ],
                'typo': [
                    'Досі немає повренення грошей.',
                    'Вдшкодування так і не прийшло.',
                    'Обмн товару займає вічність.',
                ],
                'paraphrase': [
                    'Досі ганяюся за грошима за стілець, який відправила назад у березні.',
                    'Не захотіли забрати килим назад без квитанції.',
                    'Три тижні минуло, а на рахунку досі нічого.',
                ],
                'mixed': [
                    'Refund досі не прийшов.',
                    'Return у магазині — це справжній квест.',
                ],
            },
            'zh': {
                'keyword': [
                    '三个星期了还没退款。',
                    '退货一盏灯要跑两趟。',
                    '盒子拆了就不给退货。',
                    '退款退到了我已经注销的卡上。',
                    '没有小票不给换货。',
                ],
                'paraphrase': [
                    '三月寄回去的椅子，钱到现在还没回来。',
                    '小票丢了，地毯就不让拿回去。',
                    '三个星期过去了，账户里还是什么都没有。',
                ],
                'mixed': [
                    'refund到现在还没到账。',
                    'return流程太复杂了。',
                ],
            },
        },
    },
    'communication': {
        'neg': {
            'en': {
                'keyword': [
                    'No email, no text, nothing about my order.',
                    "The tracking hasn't moved in five days.",
                    'Order confirmation never arrived.',
                    'I only got notified after it was already cancelled.',
                    'The updates contradict each other every single day.',
                ],
                'typo': [
                    'Never got a singl emial about it.',
                    'The trakcing is useless.',
                    'No updaets for a whole week.',
                ],
                'paraphrase': [
                    'Nobody told me my order had been cancelled.',
                    'I had to guess when it would turn up.',
                    'Complete silence from the moment I ordered.',
                ],
                'mixed': [
                    'Not a single powiadomienie about my order.',
                    'The suivi says nothing useful.',
                ],
            },
            'fr': {
                'keyword': [
                    'Aucun mail, aucun SMS, rien sur ma commande.',
                    "Le suivi n'a pas bougé depuis cinq jours.",
                    'Jamais reçu le mail de confirmation.',
                    "Informée de l'annulation seulement après coup.",
                    'Les notifications se contredisent tous les jours.',
                ],
                'typo': [
                    'Jamais reçu de mial.',
                    'Le sivi de commande ne sert à rien.',
                    'Aucune notfication depuis une semaine.',
                ],
                'paraphrase': [
                    "Personne ne m'a dit que ma commande était annulée.",
                    "J'ai dû deviner quand elle arriverait.",
                    "Silence radio depuis que j'ai commandé.",
                ],
                'mixed': [
                    'Aucun update sur ma commande.',
                    'Le tracking ne marche jamais.',
                ],
            },
            'it': {
                'keyword': [
                    'Nessuna mail, nessun SMS, niente sul mio ordine.',
                    'Il tracking è fermo da cinque giorni.',
                    'Mai ricevuta la mail di conferma.',
                    "Mi hanno notificato l'annullamento solo dopo.",
                    'Gli aggiornamenti si contraddicono ogni giorno.',
                ],
                'typo': [
                    'Mai ricevuto una mial.',
                    'Il trakcing non funziona.',
                    'Nessun agiornamento da giorni.',
                ],
                'paraphrase': [
                    "Nessuno mi ha detto che l'ordine era stato annullato.",
                    'Ho dovuto indovinare quando sarebbe arrivato.',
                    'Silenzio totale da quando ho ordinato.',
                ],
                'mixed': [
                    'Nessun update sul mio ordine.',
                    'Zero notification da giorni.',
                ],
            },
            'pl': {
                'keyword': [
                    'Żadnego maila, żadnego SMS-a w sprawie zamówienia.',
                    'Status zamówienia stoi od pięciu dni.',
                    'Nigdy nie dostałam potwierdzenia mailem.',
                    'O anulowaniu poinformowali mnie dopiero po fakcie.',
                    'Powiadomienia przeczą sobie nawzajem.',
                ],
                'typo': [
                    'Nie dostałem żadnego mejla.',
                    'Brak powiadmień od tygodnia.',
                    'Stauts zamówienia się nie zmienia.',
                ],
                'paraphrase': [
                    'Nikt mi nie powiedział, że zamówienie anulowano.',
                    'Musiałam zgadywać, kiedy przyjdzie.',
                    'Cisza jak makiem zasiał od momentu zamówienia.',
                ],
                'mixed': [
                    "Zero update'ów w sprawie zamówienia.",
                    'Tracking nie działa od tygodnia.',
                ],
            },
            'uk': {
                'keyword': [
                    'Жодного листа, жодної смс щодо замовлення.',
                    "Статус замовлення не змінюється п'ять днів.",
                    'Так і не отримала email з підтвердженням.',
                    'Про скасування повідомлення прийшло вже потім.',
                    'Сповіщення суперечать одне одному.',
                ],
                'typo': [
                    'Жодного імела не отримала.',
                    'Сатус замовлення стоїть на місці.',
                    'Повідмлення так і не прийшло.',
                ],
                'paraphrase': [
                    'Ніхто не сказав, що замовлення скасували.',
                    'Довелося вгадувати, коли його привезуть.',
                    'Повна тиша з моменту замовлення.',
                ],
                'mixed': [
                    'Жодного update щодо замовлення.',
                    'Tracking не працює вже тиждень.',
                ],
            },
            'zh': {
                'keyword': [
                    '订单没有任何邮件或短信。',
                    '追踪信息五天没动了。',
                    '确认邮件一直没收到。',
                    '取消之后才收到通知。',
                    '订单状态的消息前后矛盾。',
                ],
                'paraphrase': [
                    '订单被取消了也没人告诉我。',
                    '只能自己猜什么时候到。',
                    '下单之后就音讯全无。',
                ],
                'mixed': [
                    '订单一点update都没有。',
                    'tracking一直不动。',
                ],
            },
        },
    },
    'loyalty_programme': {
        'neg': {
            'en': {
                'keyword': [
                    'My loyalty points disappeared overnight.',
                    "The rewards are so small they're pointless.",
                    'The loyalty card never scans at the till.',
                    'Vouchers expire before you can use them.',
                    'The new membership tiers are confusing.',
                ],
                'typo': [
                    'My loyality poinst vanished.',
                    'The rewrads are rubbish now.',
                    'Vouchre expired before I could use it.',
                ],
                'paraphrase': [
                    "I've spent hundreds here and got nothing back for it.",
                    'The little perks for regulars quietly disappeared.',
                    'You need to spend a fortune just to get a free candle.',
                ],
                'negation': [
                    "The loyalty scheme isn't rewarding at all.",
                    'Not worth collecting the points anymore.',
                ],
                'mixed': [
                    "My punti from the Milan store don't count here.",
                    'The fidélité scheme is a joke.',
                ],
            },
            'fr': {
                'keyword': [
                    'Mes points de fidélité ont disparu du jour au lendemain.',
                    'Les récompenses sont ridicules.',
                    'La carte de fidélité ne passe jamais en caisse.',
                    "Les bons d'achat expirent avant qu'on puisse s'en servir.",
                    'Le nouveau programme fidélité est incompréhensible.',
                ],
                'typo': [
                    'Mes poinst ont disparu.',
                    'Carte de fidelite inutile.',
                    'Les récompences sont nulles.',
                ],
                'paraphrase': [
                    "J'ai dépensé des centaines d'euros ici sans jamais rien recevoir.",
                    'Les petits gestes pour les habitués ont disparu.',
                    'Il faut dépenser une fortune pour avoir une bougie offerte.',
                ],
                'negation': [
                    "Le programme de fidélité n'a rien d'intéressant.",
                    'Les points ne valent plus grand-chose.',
                ],
                'mixed': [
                    "Le loyalty programme, c'est du vent.",
                    'Mes rewards ont expiré sans prévenir.',
                ],
            },
            'it': {
                'keyword': [
                    'I miei punti fedeltà sono spariti.',
                    'I premi sono ridicoli.',
                    'La tessera non viene mai letta alla cassa.',
                    'I buoni sconto scadono prima di poterli usare.',
                    'Il nuovo programma fedeltà è incomprensibile.',
                ],
                'typo': [
                    'I miei pnti sono spariti.',
                    'Tesera fedelta del tutto inutile.',
                    'I prmei sono ridicoli.',
                ],
                'paraphrase': [
                    'Ho speso centinaia di euro qui senza ricevere mai nulla.',
                    'I piccoli omaggi per i clienti abituali sono spariti.',
                    'Bisogna spendere una fortuna per avere una candela in regalo.',
                ],
                'negation': [
                    'Il programma fedeltà non vale per niente la pena.',
                    'I punti non valgono più nulla.',
                ],
                'mixed': [
                    'Il loyalty program è una presa in giro.',
                    'I miei rewards sono scaduti.',
                ],
            },
            'pl': {
                'keyword': [
                    'Moje punkty lojalnościowe zniknęły z dnia na dzień.',
                    'Nagrody są śmiesznie małe.',
                    'Karta stałego klienta nigdy się nie skanuje.',
                    'Kupony wygasają, zanim zdążę ich użyć.',
                    'Nowy program lojalnościowy jest niezrozumiały.',
                ],
                'typo': [
                    'Moje punky nagle zniknęły.',
                    'Program lojanościowy to żart.',
                    'Nagordy są po prostu śmieszne.',
                ],
                'paraphrase': [
                    'Wydałam tu setki złotych i nic z tego nie mam.',
                    'Drobne gesty dla stałych bywalców po cichu zniknęły.',
                    'Trzeba wydać fortunę, żeby dostać świeczkę gratis.',
                ],
                'negation': [
                    'Program lojalnościowy wcale nie jest atrakcyjny.',
                    'Punkty nic już nie są warte.',
                ],
                'mixed': [
                    'Loyalty program to jakaś ściema.',
                    'Moje rewards wygasły bez ostrzeżenia.',
                ],
            },
            'uk': {
                'keyword': [
                    'Мої бонуси зникли за одну ніч.',
                    'Балів нараховують смішно мало.',
                    'Бонусну картку ніколи не зчитує каса.',
                    'Кешбек згорає раніше, ніж встигаєш використати.',
                    'Нова програма лояльності незрозуміла.',
                ],
                'typo': [
                    'Мої бонсуи кудись зникли.',
                    'Програма лоялності — жарт.',
                    'Кешбэк згорів за тиждень.',
                ],
                'paraphrase': [
                    'Витратила тут сотні гривень і нічого з цього не маю.',
                    'Маленькі приємності для постійних клієнтів тихо зникли.',
                    'Треба витратити статок, щоб отримати свічку в подарунок.',
                ],
                'negation': [
                    'Програма лояльності зовсім не вигідна.',
                    'Бонуси вже нічого не варті.',
                ],
                'mixed': [
                    'Loyalty програма — це просто смішно.',
                    'Мої rewards згоріли без попередження.',
                ],
            },
            'zh': {
                'keyword': [
                    '我的积分一夜之间没了。',
                    '会员奖励少得可怜。',
                    '会员卡在收银台老是刷不出来。',
                    '优惠券还没用就过期了。',
                    '新的会员等级规则看不懂。',
                ],
                'paraphrase': [
                    '在这里花了几千块，什么回馈都没有。',
                    '老顾客的小福利悄悄没了。',
                    '要花一大笔钱才送一支蜡烛。',
                ],
                'negation': [
                    '会员权益一点都不实用。',
                    '积分根本没什么用。',
                ],
                'mixed': [
                    'loyalty计划就是个噱头。',
                    '我的points全过期了。',
                ],
            },
        },
        'pos': {
            'en': {
                'keyword': [
                    'Loyalty points add up quickly.',
                    'Got a lovely birthday reward.',
                    "The members' voucher covered my new lamp.",
                    'The loyalty card gets me early access to the sale.',
                    'Membership perks are genuinely useful.',
                ],
                'typo': [
                    'Loyalyt poitns add up fast.',
                    'Got a nice birthday reword.',
                    'Love the vocher I got.',
                ],
                'paraphrase': [
                    'Regulars get first dibs on the sale, which is lovely.',
                    'They sent me a free candle for my birthday.',
                    'After a few visits you start getting nice little extras.',
                ],
                'negation': [
                    'The points never seem to expire, which is great.',
                    'The loyalty scheme is not a gimmick at all.',
                ],
                'mixed': [
                    'The fedeltà card is actually worth it.',
                    'My punkty add up really fast.',
                ],
            },
            'fr': {
                'keyword': [
                    "Les points s'accumulent vite.",
                    'Jolie récompense pour mon anniversaire.',
                    "Le bon d'achat m'a offert la lampe.",
                    'Avec la carte de fidélité, accès aux soldes en avant-première.',
                    'La cagnotte fidélité est vraiment intéressante.',
                ],
                'typo': [
                    'Les pionts montent vite.',
                    'Super carte de fidlité.',
                    'Une belle récompnse pour mon anniv.',
                ],
                'paraphrase': [
                    "Les habitués ont droit aux soldes en premier, c'est appréciable.",
                    "Ils m'ont offert une bougie pour mon anniversaire.",
                    'Au bout de quelques passages, on a de jolis petits extras.',
                ],
                'negation': [
                    "Les points n'expirent jamais, c'est top.",
                    "Le programme de fidélité n'est pas du tout un gadget.",
                ],
                'mixed': [
                    'Le loyalty programme est top.',
                    'Mes rewards arrivent vite.',
                ],
            },
            'it': {
                'keyword': [
                    'I punti si accumulano in fretta.',
                    'Bel premio per il mio compleanno.',
                    'Con il buono sconto mi sono presa la lampada.',
                    'La tessera fedeltà dà accesso ai saldi in anteprima.',
                    'Il cashback della carta fedeltà è ottimo.',
                ],
                'typo': [
                    'I punit salgono velocemente.',
                    'Ottima tesera, la consiglio.',
                    'Un bel prmio di compleanno.',
                ],
                'paraphrase': [
                    'I clienti abituali hanno accesso ai saldi per primi.',
                    'Mi hanno regalato una candela per il compleanno.',
                    'Dopo qualche visita arrivano dei bei piccoli extra.',
                ],
                'negation': [
                    'I punti non scadono mai, ottimo.',
                    'La tessera non è affatto inutile.',
                ],
                'mixed': [
                    'Il loyalty program è ottimo.',
                    'I rewards arrivano subito.',
                ],
            },
            'pl': {
                'keyword': [
                    'Punkty szybko się zbierają.',
                    'Fajna nagroda na urodziny.',
                    'Za kupon kupiłam nową lampę.',
                    'Z kartą stałego klienta mam wcześniejszy dostęp do nowych kolekcji.',
                    'Klub dla stałych klientów to świetna sprawa.',
                ],
                'typo': [
                    'Pukty szybko rosną, super.',
                    'Bardzo fajna nagorda urodzinowa.',
                    'Świetny kupoon na start.',
                ],
                'paraphrase': [
                    'Stali bywalcy jako pierwsi widzą nowe kolekcje.',
                    'Dostałam świeczkę w prezencie na urodziny.',
                    'Po kilku wizytach zaczynają się miłe drobne dodatki.',
                ],
                'negation': [
                    'Punkty nigdy nie wygasają, super.',
                    'Program lojalnościowy wcale nie jest ściemą.',
                ],
                'mixed': [
                    'Loyalty program to naprawdę super sprawa.',
                    'Rewards przychodzą naprawdę szybko.',
                ],
            },
            'uk': {
                'keyword': [
                    'Бонуси накопичуються дуже швидко.',
                    'Приємний бонус на день народження.',
                    'Кешбек покрив половину нової лампи.',
                    'З картою лояльності маю ранній доступ до нових колекцій.',
                    'Клуб постійних клієнтів — класна річ.',
                ],
                'typo': [
                    'Бонсуи накопичуються дуже швидко.',
                    'Класна програма ляольності, раджу.',
                    'Кешбк прийшов одразу, супер.',
                ],
                'paraphrase': [
                    'Постійні покупці першими потрапляють на знижки.',
                    'Мені подарували свічку на день народження.',
                    "Після кількох візитів з'являються приємні дрібні подарунки.",
                ],
                'negation': [
                    'Бонуси ніколи не згоряють, супер.',
                    'Програма лояльності зовсім не марна.',
                ],
                'mixed': [
                    'Loyalty програма справді вигідна.',
                    'Rewards приходять дуже швидко.',
                ],
            },
            'zh': {
                'keyword': [
                    '积分攒得很快。',
                    '生日收到了会员礼物。',
                    '用优惠券买了新台灯。',
                    '会员能提前参加促销。',
                    'VIP等级的福利很实在。',
                ],
                'paraphrase': [
                    '老顾客可以先逛特卖，很贴心。',
                    '生日的时候送了我一支蜡烛。',
                    '来了几次之后就有各种小惊喜。',
                ],
                'negation': [
                    '积分从来不会过期，很好。',
                    '会员卡一点都不鸡肋。',
                ],
                'mixed': [
                    'loyalty program很值得。',
                    '我的points涨得很快。',
                ],
            },
        },
    },
    'contact_centre': {
        'neg': {
            'en': {
                'keyword': [
                    'Customer service never picks up.',
                    'On hold for forty minutes, then cut off.',
                    'The call centre keeps passing me around.',
                    'The live chat is just a useless chatbot.',
                    'Rang the helpline five times, no answer.',
                ],
                'typo': [
                    'Custmer servise never answers.',
                    'The cal centre hung up on me.',
                    'Impossible to reach anyone by phnoe.',
                ],
                'paraphrase': [
                    'I rang six times and nobody ever answered.',
                    'Forty minutes of the same song before the line went dead.',
                    'Every person I spoke to sent me to someone else.',
                ],
                'negation': [
                    'Customer service was anything but responsive.',
                    'The helpline is far from easy to reach.',
                ],
                'mixed': [
                    'The service client just kept transferring me.',
                    'The infolinia never picks up.',
                ],
            },
            'fr': {
                'keyword': [
                    'Le service client ne décroche jamais.',
                    'Quarante minutes au téléphone pour rien.',
                    'La hotline me renvoie de service en service.',
                    "Le chat en ligne, c'est juste un robot inutile.",
                    "Le conseiller m'a raccroché au nez.",
                ],
                'typo': [
                    'Le servise client ne répond jamais.',
                    'Impossible à joindre par télphone.',
                    "Le conseiler n'y connaissait rien.",
                ],
                'paraphrase': [
                    "J'ai appelé six fois, jamais personne au bout du fil.",
                    'Quarante minutes de musique avant que ça coupe.',
                    "Chaque personne à qui j'ai parlé me renvoyait vers quelqu'un d'autre.",
                ],
                'negation': [
                    "Le service client n'est pas joignable du tout.",
                    'La hotline est tout sauf réactive.',
                ],
                'mixed': [
                    'Le customer service ne répond jamais.',
                    'Leur call center est injoignable.',
                ],
            },
            'it': {
                'keyword': [
                    'Il servizio clienti non risponde mai.',
                    'Quaranta minuti al telefono per niente.',
                    "Il call center mi rimbalza da un reparto all'altro.",
                    'La chat è solo un robot inutile.',
                    "L'operatore mi ha chiuso il telefono in faccia.",
                ],
                'typo': [
                    'Il serivzio clienti non risponde.',
                    'Completamente irraggiungibile al telfono.',
                    "L'opratore non sapeva niente.",
                ],
                'paraphrase': [
                    'Ho chiamato sei volte e non ha mai risposto nessuno.',
                    'Quaranta minuti di musichetta e poi è caduta la linea.',
                    'Ogni persona con cui parlavo mi mandava da qualcun altro.',
                ],
                'negation': [
                    'Il servizio clienti non è per niente raggiungibile.',
                    "L'assistenza è tutt'altro che rapida.",
                ],
                'mixed': [
                    'Il customer service non risponde mai.',
                    'La hotline è sempre occupata.',
                ],
            },
            'pl': {
                'keyword': [
                    'Infolinia nigdy nie odbiera.',
                    'Czterdzieści minut przy telefonie na nic.',
                    'Konsultant przerzucał mnie od działu do działu.',
                    'Czat to tylko bezużyteczny bot.',
                    'Konsultantka rozłączyła się w połowie rozmowy.',
                ],
                'typo': [
                    'Infolnia nigdy nie odbiera.',
                    'Nie da się złapać nikogo przez telfon.',
                    'Konsulant nic nie wiedział.',
                ],
                'paraphrase': [
                    'Dzwoniłam sześć razy i nikt nie odebrał.',
                    'Czterdzieści minut muzyczki, a potem się rozłączyło.',
                    'Każda osoba odsyłała mnie do kogoś innego.',
                ],
                'negation': [
                    'Infolinia wcale nie odpowiada na czas.',
                    'Konsultanci dalecy od kompetentnych.',
                ],
                'mixed': [
                    'Customer service w ogóle nie odpowiada.',
                    'Call center to jakaś porażka.',
                ],
            },
            'uk': {
                'keyword': [
                    'Служба підтримки ніколи не відповідає.',
                    'Сорок хвилин на телефоні даремно.',
                    'Оператор перекидав мене з відділу у відділ.',
                    'Чат-бот — це просто знущання.',
                    'Гаряча лінія постійно зайнята.',
                ],
                'typo': [
                    'Слуюба підтимки не відповідає.',
                    'Неможливо додзвонитися на телфон.',
                    'Опреатор нічого не знав.',
                ],
                'paraphrase': [
                    'Дзвонила шість разів, і ніхто не взяв слухавку.',
                    "Сорок хвилин музики, а потім зв'язок обірвався.",
                    'Кожна людина відсилала мене до когось іншого.',
                ],
                'negation': [
                    'Підтримка зовсім не оперативна.',
                    'Оператори далеко не компетентні.',
                ],
                'mixed': [
                    'Customer service взагалі не відповідає.',
                    'Їхній call center — це катастрофа.',
                ],
            },
            'zh': {
                'keyword': [
                    '客服永远打不通。',
                    '打电话听了四十分钟音乐。',
                    '热线一直占线。',
                    '在线客服就是个没用的机器人。',
                    '人工客服根本转不过去。',
                ],
                'paraphrase': [
                    '打了六次都没人接。',
                    '听了四十分钟音乐，然后就断线了。',
                    '每个人都把我推给别人。',
                ],
                'negation': [
                    '客服一点都不专业。',
                    '热线根本不好打通。',
                ],
                'mixed': [
                    'customer service从来不接。',
                    'hotline永远占线。',
                ],
            },
        },
        'pos': {
            'en': {
                'keyword': [
                    'Customer service answered in under a minute.',
                    'The call centre sorted everything in one go.',
                    'Live chat was quick and actually useful.',
                    'The agent on the phone knew exactly what to do.',
                    "Best customer care I've had in years.",
                ],
                'typo': [
                    'Custommer service was brilliant.',
                    'The hepline was quick to answer.',
                    'The agnet sorted it in minutes.',
                ],
                'paraphrase': [
                    'A real person answered on the second ring.',
                    'One short conversation and everything was sorted.',
                    'They rang me back exactly when they said they would.',
                ],
                'negation': [
                    'Never on hold for more than a minute.',
                    "Customer service didn't pass me around once.",
                ],
                'mixed': [
                    'The servizio clienti was super quick.',
                    'The infolinia sorted it in minutes.',
                ],
            },
            'fr': {
                'keyword': [
                    "Le service client a répondu en moins d'une minute.",
                    'Le conseiller a tout réglé en un appel.',
                    'Le chat en ligne est rapide et efficace.',
                    "Au téléphone, on m'a tout de suite aidée.",
                    'Une hotline vraiment réactive.',
                ],
                'typo': [
                    'Servic client au top.',
                    'Le conseilé était très efficace.',
                    'Au téléfone, réponse immédiate.',
                ],
                'paraphrase': [
                    'Une vraie personne a répondu à la deuxième sonnerie.',
                    'Une seule conversation et tout était réglé.',
                    "On m'a rappelée exactement à l'heure annoncée.",
                ],
                'negation': [
                    "Le service client ne m'a jamais baladée.",
                    "Le conseiller ne m'a pas renvoyée ailleurs.",
                ],
                'mixed': [
                    'Le customer service est très réactif.',
                    "Le live chat m'a répondu tout de suite.",
                ],
            },
            'it': {
                'keyword': [
                    'Il servizio clienti ha risposto in meno di un minuto.',
                    "L'operatore ha risolto tutto con una chiamata.",
                    'La chat è veloce ed efficace.',
                    'Al telefono mi hanno aiutata subito.',
                    'Assistenza clienti davvero reattiva.',
                ],
                'typo': [
                    'Servizo clienti davvero ottimo.',
                    "L'opertore è stato velocissimo.",
                    'Al telfono risposta immediata.',
                ],
                'paraphrase': [
                    'Una persona vera ha risposto al secondo squillo.',
                    'Una sola conversazione e tutto risolto.',
                    "Mi hanno richiamata esattamente all'ora promessa.",
                ],
                'negation': [
                    'Il servizio clienti non mi ha mai rimbalzata.',
                    'Il call center non è affatto lento.',
                ],
                'mixed': [
                    'Il customer service è velocissimo.',
                    'La live chat ha risposto subito.',
                ],
            },
            'pl': {
                'keyword': [
                    'Infolinia odebrała w niecałą minutę.',
                    'Konsultant załatwił wszystko jednym telefonem.',
                    'Czat szybki i konkretny.',
                    'Przez telefon od razu mi pomogli.',
                    'Bardzo kompetentna konsultantka na infolinii.',
                ],
                'typo': [
                    'Infolina odebrała od razu.',
                    'Konsultnat szybko wszystko załatwił.',
                    'Przez telfon szybka pomoc.',
                ],
                'paraphrase': [
                    'Prawdziwy człowiek odebrał po drugim sygnale.',
                    'Jedna krótka rozmowa i sprawa załatwiona.',
                    'Oddzwonili dokładnie wtedy, kiedy obiecali.',
                ],
                'negation': [
                    'Infolinia nigdy nie przerzuca od działu do działu.',
                    'Konsultant wcale nie był niekompetentny.',
                ],
                'mixed': [
                    'Customer service mega szybki.',
                    'Live chat odpisał od razu.',
                ],
            },
            'uk': {
                'keyword': [
                    'Служба підтримки відповіла менш ніж за хвилину.',
                    'Оператор вирішив усе за один дзвінок.',
                    'Онлайн-чат швидкий і корисний.',
                    'Телефоном мені одразу допомогли.',
                    'Гаряча лінія працює чудово.',
                ],
                'typo': [
                    'Слжуба пдтримки супер швидка.',
                    'Опертаор усе чітко пояснив.',
                    'Телфоном допомогли буквально одразу.',
                ],
                'paraphrase': [
                    'Жива людина відповіла після другого гудка.',
                    'Одна коротка розмова — і все вирішено.',
                    'Передзвонили саме тоді, коли обіцяли.',
                ],
                'negation': [
                    'Підтримка ніколи не перекидає з відділу у відділ.',
                    'Оператор зовсім не був байдужим.',
                ],
                'mixed': [
                    'Customer service дуже швидкий.',
                    'Live chat відповів одразу.',
                ],
            },
            'zh': {
                'keyword': [
                    '客服一分钟之内就接了。',
                    '电话里一次就帮我解决了。',
                    '在线客服回复很快。',
                    '热线很快就接通了。',
                    '人工客服处理得很专业。',
                ],
                'paraphrase': [
                    '响了两声就有真人接起来。',
                    '聊了几句问题就解决了。',
                    '说好几点回电就几点回电。',
                ],
                'negation': [
                    '客服从来不推诿。',
                    '热线一点都不难打。',
                ],
                'mixed': [
                    'customer service很给力。',
                    'live chat秒回。',
                ],
            },
        },
    },
    'product_range': {
        'neg': {
            'en': {
                'keyword': [
                    'The range has got really boring lately.',
                    'Not much choice in bedding anymore.',
                    'The selection of garden tools is tiny.',
                    'Hardly any variety in the lighting section.',
                    'Same small assortment in every store.',
                ],
                'typo': [
                    'The rnage is so limited now.',
                    'Not much choise in rugs.',
                    'Tiny selction of plants.',
                ],
                'paraphrase': [
                    "It's the same five sofas as three years ago.",
                    'Nothing for small balconies, which is half your customers.',
                    "I couldn't find a single curtain in a plain colour.",
                ],
                'negation': [
                    'Not a great choice for anyone with a small flat.',
                    "The range is hardly what I'd call varied.",
                ],
                'mixed': [
                    'The asortyment keeps shrinking.',
                    'The gamme is so limited these days.',
                ],
            },
            'fr': {
                'keyword': [
                    'La gamme est devenue vraiment ennuyeuse.',
                    'Plus beaucoup de choix en linge de lit.',
                    "La sélection d'outils de jardin est minuscule.",
                    'Peu de variété au rayon luminaires.',
                    'Le même petit assortiment partout.',
                ],
                'typo': [
                    'Pas beaucoup de chois en tapis.',
                    'La gamm est très limitée.',
                    'Séléction de plantes minuscule.',
                ],
                'paraphrase': [
                    "Ce sont les cinq mêmes canapés qu'il y a trois ans.",
                    "Rien pour les petits balcons, alors que c'est la moitié de vos clients.",
                    'Impossible de trouver un rideau uni.',
                ],
                'negation': [
                    'Pas vraiment de choix pour les petits appartements.',
                    "La gamme n'est pas du tout variée.",
                ],
                'mixed': [
                    'Le range a vraiment rétréci.',
                    'Pas beaucoup de choice en déco.',
                ],
            },
            'it': {
                'keyword': [
                    'La gamma è diventata noiosa.',
                    'Poca scelta nella biancheria da letto.',
                    'La selezione di attrezzi da giardino è minima.',
                    'Poca varietà nel reparto luci.',
                    'Lo stesso piccolo assortimento ovunque.',
                ],
                'typo': [
                    'Poca sclta nei tappeti.',
                    'La gama è molto limitata.',
                    "L'asortimento è ridotto all'osso.",
                ],
                'paraphrase': [
                    'Sono gli stessi cinque divani di tre anni fa.',
                    'Niente per i balconi piccoli, che sono metà dei clienti.',
                    'Impossibile trovare una tenda in tinta unita.',
                ],
                'negation': [
                    "Non c'è affatto una bella scelta.",
                    "La gamma è tutt'altro che varia.",
                ],
                'mixed': [
                    'Il range si è ristretto parecchio.',
                    'Poca choice per chi ha casa piccola.',
                ],
            },
            'pl': {
                'keyword': [
                    'Asortyment zrobił się strasznie nudny.',
                    'Coraz mniejszy wybór pościeli.',
                    'Oferta narzędzi ogrodowych jest mizerna.',
                    'Mało różnorodności w dziale oświetlenia.',
                    'W każdym sklepie ten sam mały asortyment.',
                ],
                'typo': [
                    'Asortment coraz gorszy niestety.',
                    'Bardzo mały wybur dywanów.',
                    'Ofreta ogrodowa bardzo uboga.',
                ],
                'paraphrase': [
                    'To te same pięć sof co trzy lata temu.',
                    'Nic na małe balkony, a to połowa klientów.',
                    'Nie znalazłam ani jednej gładkiej zasłony.',
                ],
                'negation': [
                    'Wybór wcale nie jest duży.',
                    'Asortyment daleki od różnorodnego.',
                ],
                'mixed': [
                    'Range się bardzo skurczył.',
                    'Mało choice w dekoracjach.',
                ],
            },
            'uk': {
                'keyword': [
                    'Асортимент став дуже нудним.',
                    'Малий вибір постільної білизни.',
                    'Асортимент садових інструментів мізерний.',
                    'Мало різноманіття у відділі освітлення.',
                    'У кожному магазині той самий бідний вибір.',
                ],
                'typo': [
                    'Асортмент став дуже бідний.',
                    'Дуже малий вибыр килимів.',
                    'Асотримент садових інструментів мізерний.',
                ],
                'paraphrase': [
                    "Ті самі п'ять диванів, що й три роки тому.",
                    'Нічого для маленьких балконів, а це половина покупців.',
                    'Не знайшла жодної однотонної штори.',
                ],
                'negation': [
                    'Вибір зовсім не великий.',
                    'Асортимент далеко не різноманітний.',
                ],
                'mixed': [
                    'Range дуже скоротився останнім часом.',
                    'Мало choice у декорі.',
                ],
            },
            'zh': {
                'keyword': [
                    '品种越来越单调。',
                    '床品可选的太少了。',
                    '园艺工具种类太少。',
                    '灯具款式没什么变化。',
                    '每家店的品类都一样少。',
                ],
                'paraphrase': [
                    '还是三年前那五张沙发。',
                    '没有适合小阳台的东西。',
                    '找不到一条纯色的窗帘。',
                ],
                'negation': [
                    '选择一点都不多。',
                    '种类根本谈不上丰富。',
                ],
                'mixed': [
                    'range越来越小了。',
                    'choice太少了。',
                ],
            },
        },
        'pos': {
            'en': {
                'keyword': [
                    'Great range of garden furniture.',
                    'So much choice in cushions and throws.',
                    'A lovely selection of ceramics.',
                    'Huge variety of plants this spring.',
                    'The new assortment of outdoor lights is fab.',
                ],
                'typo': [
                    'Great rnage of lamps now.',
                    'So much chioce in rugs.',
                    'Lovely selecion of vases.',
                ],
                'paraphrase': [
                    'I could have bought half the shop.',
                    "There's something for every style, from rustic to modern.",
                    "They always have things I haven't seen anywhere else.",
                ],
                'negation': [
                    'Never short of choice here.',
                    'The range is anything but limited.',
                ],
                'mixed': [
                    'The scelta of ceramics is amazing.',
                    'Such a great wybór of plants.',
                ],
            },
            'fr': {
                'keyword': [
                    'Super gamme de mobilier de jardin.',
                    'Énormément de choix en coussins et plaids.',
                    'Une jolie sélection de céramiques.',
                    'Grande variété de plantes ce printemps.',
                    'Le nouvel assortiment de luminaires extérieurs est top.',
                ],
                'typo': [
                    'Super gamee de lampes.',
                    'Beaucoup de chox en coussins.',
                    'Jolie sélction de vases.',
                ],
                'paraphrase': [
                    "J'aurais pu acheter la moitié du magasin.",
                    'Il y a de tout, du rustique au moderne.',
                    'Toujours des articles que je ne vois nulle part ailleurs.',
                ],
                'negation': [
                    'On ne manque jamais de choix ici.',
                    'La gamme est tout sauf limitée.',
                ],
                'mixed': [
                    'Le range de jardin est top cette année.',
                    'Super selection de luminaires cette saison.',
                ],
            },
            'it': {
                'keyword': [
                    'Ottima gamma di mobili da giardino.',
                    'Tantissima scelta tra cuscini e plaid.',
                    'Una bella selezione di ceramiche.',
                    'Grande varietà di piante questa primavera.',
                    'Il nuovo assortimento di luci da esterno è top.',
                ],
                'typo': [
                    'Ottima sclta di lampade.',
                    'Bella gama di vasi.',
                    'Grande vaireta di piante.',
                ],
                'paraphrase': [
                    'Avrei comprato mezzo negozio.',
                    "C'è di tutto, dal rustico al moderno.",
                    "Trovo sempre cose che non vedo da nessun'altra parte.",
                ],
                'negation': [
                    'Non manca mai la scelta qui.',
                    "La gamma è tutt'altro che limitata.",
                ],
                'mixed': [
                    'Il range è davvero top.',
                    'Una selection di ceramiche bellissima.',
                ],
            },
            'pl': {
                'keyword': [
                    'Świetny asortyment mebli ogrodowych.',
                    'Ogromny wybór poduszek i pledów.',
                    'Piękna oferta ceramiki w tym sezonie.',
                    'Duża różnorodność roślin tej wiosny.',
                    'Nowy asortyment lamp ogrodowych jest super.',
                ],
                'typo': [
                    'Świetny asortymnet lamp ogrodowych.',
                    'Ogromny wybr poduszek i koców.',
                    'Naprawdę piękna oferat wazonów.',
                ],
                'paraphrase': [
                    'Mogłabym kupić pół sklepu.',
                    'Jest wszystko, od rustykalnych po nowoczesne.',
                    'Zawsze znajdę coś, czego nie ma nigdzie indziej.',
                ],
                'negation': [
                    'Wyboru nigdy tu nie brakuje.',
                    'Asortyment wcale nie jest ubogi.',
                ],
                'mixed': [
                    'Range naprawdę świetny w tym roku.',
                    'Super selection ceramiki i szkła.',
                ],
            },
            'uk': {
                'keyword': [
                    'Чудовий асортимент садових меблів.',
                    'Величезний вибір подушок і пледів.',
                    'Дуже гарний вибір кераміки.',
                    'Велике різноманіття рослин цієї весни.',
                    'Новий асортимент вуличних світильників — супер.',
                ],
                'typo': [
                    'Чудовий асотримент ламп для саду.',
                    'Величезний вибри подушок і пледів.',
                    'Дуже гарний выбір кераміки.',
                ],
                'paraphrase': [
                    'Могла б скупити пів магазину.',
                    'Є все — від рустикального до сучасного.',
                    'Завжди знаходжу те, чого немає ніде більше.',
                ],
                'negation': [
                    'Вибору тут ніколи не бракує.',
                    'Асортимент зовсім не бідний.',
                ],
                'mixed': [
                    'Range у вас просто чудовий.',
                    'Дуже класний selection кераміки.',
                ],
            },
            'zh': {
                'keyword': [
                    '花园家具品种很丰富。',
                    '靠垫和毯子的选择特别多。',
                    '陶瓷的款式很好看。',
                    '今年春天植物种类很多。',
                    '新上的户外灯品类很全。',
                ],
                'paraphrase': [
                    '我差点把半个店都买回家。',
                    '从田园风到现代风，什么都有。',
                    '总能找到别处没见过的东西。',
                ],
                'negation': [
                    '这里从来不缺选择。',
                    '种类一点都不少。',
                ],
                'mixed': [
                    'range很全，很好逛。',
                    'selection很丰富。',
                ],
            },
        },
    },
    'parking': {
        'neg': {
            'en': {
                'keyword': [
                    'The car park is always full on weekends.',
                    'Parking is a nightmare at the retail park.',
                    'Nowhere to park near the city store.',
                    'Only two disabled parking bays for the whole site.',
                    'The parking spaces are tiny for a normal car.',
                ],
                'typo': [
                    'The car prak was rammed again.',
                    'Parikng is a joke there.',
                    'Nowhere to prak at all.',
                ],
                'paraphrase': [
                    'I drove round three times looking for a space.',
                    'Ended up leaving the car half a mile away.',
                    'The bays are so narrow I could barely open my door.',
                ],
                'mixed': [
                    'The parcheggio in Milan is impossible.',
                    'The stationnement at the Lille store is a joke.',
                ],
            },
            'fr': {
                'keyword': [
                    'Le parking est toujours plein le week-end.',
                    'Impossible de se garer près du magasin.',
                    'Le stationnement autour du magasin est un enfer.',
                    'Places de parking minuscules.',
                    'Trop peu de places handicapées sur le parking.',
                ],
                'typo': [
                    'Le praking est toujours plein.',
                    'Impossible de se grarer.',
                    'Le parkng est saturé.',
                ],
                'paraphrase': [
                    "J'ai tourné trois fois avant de trouver une place.",
                    "J'ai dû laisser la voiture à un kilomètre.",
                    "Les places sont si étroites que j'ai à peine pu ouvrir la portière.",
                ],
                'mixed': [
                    'Le car park est toujours plein.',
                    'Franchement, pour park ici, bon courage.',
                ],
            },
            'it': {
                'keyword': [
                    'Il parcheggio è sempre pieno nel fine settimana.',
                    'Impossibile parcheggiare vicino al negozio.',
                    'Posteggi strettissimi per una macchina normale.',
                    'Pochissimi parcheggi riservati ai disabili.',
                    'Area di sosta sempre intasata.',
                ],
                'typo': [
                    'Il parchegio è sempre pieno.',
                    'Impossibile parchegiare da quelle parti.',
                    'Il posteggo è un incubo.',
                ],
                'paraphrase': [
                    'Ho girato tre volte prima di trovare un posto.',
                    'Ho dovuto lasciare la macchina a un chilometro.',
                    'I posti sono così stretti che ho aperto a fatica la portiera.',
                ],
                'mixed': [
                    'Il parking è sempre pieno.',
                    'Trovare un car park libero è impossibile.',
                ],
            },
            'pl': {
                'keyword': [
                    'Parking zawsze pełny w weekendy.',
                    'Nie ma gdzie zaparkować przy sklepie.',
                    'Miejsca parkingowe są za wąskie.',
                    'Za mało miejsc parkingowych dla niepełnosprawnych.',
                    'Parkowanie pod sklepem to koszmar.',
                ],
                'typo': [
                    'Prking zawsze pełny w soboty.',
                    'Nie ma gdzie zaprakować.',
                    'Pakring pod sklepem to porażka.',
                ],
                'paraphrase': [
                    'Krążyłam trzy razy, zanim znalazłam miejsce.',
                    'Musiałem zostawić auto kilometr dalej.',
                    'Miejsca tak wąskie, że ledwo otworzyłam drzwi.',
                ],
                'mixed': [
                    'Car park zawsze zapchany.',
                    'Znowu zero miejsc na car parku.',
                ],
            },
            'uk': {
                'keyword': [
                    'Парковка завжди переповнена на вихідних.',
                    'Ніде припаркуватися біля магазину.',
                    'Паркомісця занадто вузькі для звичайної машини.',
                    'Стоянка біля ТЦ — суцільний хаос.',
                    'Мало місць для паркування людей з інвалідністю.',
                ],
                'typo': [
                    'Пакровка завжди забита вщент.',
                    'Ніде припракуватися біля входу.',
                    'Стояка біля магазину вічно переповнена.',
                ],
                'paraphrase': [
                    "Тричі об'їхала все, поки знайшла місце.",
                    'Довелося залишити машину за кілометр.',
                    'Місця такі вузькі, що ледве відчинила двері.',
                ],
                'mixed': [
                    'Car park завжди забитий.',
                    'Parking біля магазину — це жах.',
                ],
            },
            'zh': {
                'keyword': [
                    '周末停车场永远是满的。',
                    '店附近根本没地方停车。',
                    '车位太窄了。',
                    '残疾人车位太少。',
                    '停车收费还特别乱。',
                ],
                'paraphrase': [
                    '绕了三圈才找到一个空位。',
                    '只能把车扔在一公里外。',
                    '位置窄得车门都打不开。',
                ],
                'mixed': [
                    'parking太难找了。',
                    'car park永远没位置。',
                ],
            },
        },
    },
    'packaging_waste': {
        'neg': {
            'en': {
                'keyword': [
                    'Way too much plastic around a single candle.',
                    'The packaging was three times the size of the product.',
                    'Every cushion individually wrapped in plastic.',
                    'Tons of polystyrene for one small vase.',
                    'A huge cardboard box for a tiny lamp.',
                ],
                'typo': [
                    'So much plasitc for one candle.',
                    'Ridiculous pakaging for a small vase.',
                    'Unnecessary plstic bags everywhere, seriously.',
                ],
                'paraphrase': [
                    'A box big enough for a fridge, for one candle.',
                    'My recycling bin was full after unboxing one order.',
                    'Each little item came in its own bag inside another bag.',
                ],
                'mixed': [
                    'So much plastica for one small candle.',
                    'The emballage was ridiculous for a tiny vase.',
                ],
            },
            'fr': {
                'keyword': [
                    "Beaucoup trop de plastique autour d'une seule bougie.",
                    'Un emballage trois fois plus grand que le produit.',
                    'Chaque coussin emballé individuellement.',
                    'Des tonnes de polystyrène pour un petit vase.',
                    'Un énorme carton pour une petite lampe.',
                ],
                'typo': [
                    'Trop de plasique pour une bougie.',
                    'Emabllage ridicule pour un vase.',
                    'Un cartton énorme pour rien.',
                ],
                'paraphrase': [
                    'Une boîte grande comme un frigo pour une bougie.',
                    'Ma poubelle de tri était pleine après une seule commande.',
                    'Chaque petit article dans un sac, lui-même glissé dans un autre sac.',
                ],
                'mixed': [
                    'Beaucoup trop de packaging pour si peu.',
                    'Encore du plastic partout.',
                ],
            },
            'it': {
                'keyword': [
                    'Troppa plastica attorno a una sola candela.',
                    'Un imballaggio tre volte più grande del prodotto.',
                    'Ogni cuscino confezionato singolarmente.',
                    'Chili di polistirolo per un vasetto.',
                    'Un cartone enorme per una lampadina.',
                ],
                'typo': [
                    'Troppa palstica per una candela.',
                    'Imbalaggio assurdo per un vaso.',
                    'Un catrone enorme per niente.',
                ],
                'paraphrase': [
                    'Una scatola grande come un frigo per una candela.',
                    'Il bidone della differenziata era pieno dopo un solo ordine.',
                    'Ogni oggettino nel suo sacchetto, dentro un altro sacchetto.',
                ],
                'mixed': [
                    'Troppo packaging per così poco.',
                    'Tutto avvolto nel bubble wrap, pure i cuscini.',
                ],
            },
            'pl': {
                'keyword': [
                    'Za dużo plastiku wokół jednej świeczki.',
                    'Opakowanie trzy razy większe niż produkt.',
                    'Każda poduszka osobno w folii.',
                    'Kilogramy styropianu na mały wazon.',
                    'Ogromny karton na małą lampkę.',
                ],
                'typo': [
                    'Za dużo palstiku na jedną świeczkę.',
                    'Opakwoanie większe niż sam produkt.',
                    'Wszystko owinięte w folje.',
                ],
                'paraphrase': [
                    'Pudło wielkie jak lodówka na jedną świeczkę.',
                    'Kosz na segregację pełny po jednym zamówieniu.',
                    'Każda drobnostka w osobnej torebce, a ta w jeszcze jednej.',
                ],
                'mixed': [
                    'Za dużo packaging na taką drobnostkę.',
                    'Znowu ten plastic wszędzie.',
                ],
            },
            'uk': {
                'keyword': [
                    'Забагато пластику навколо однієї свічки.',
                    'Упаковка втричі більша за сам товар.',
                    'Кожна подушка окремо загорнута в плівку.',
                    'Купа пінопласту на маленьку вазу.',
                    'Величезна картонна коробка на маленьку лампу.',
                ],
                'typo': [
                    'Забагато плстику на одну свічку.',
                    'Упковка втричі більша за товар.',
                    'Все загорнуте в плвіку.',
                ],
                'paraphrase': [
                    'Коробка завбільшки з холодильник на одну свічку.',
                    'Контейнер для сортування заповнився після одного замовлення.',
                    'Кожна дрібничка в окремому мішечку, а той — ще в одному.',
                ],
                'mixed': [
                    'Забагато packaging на таку дрібницю.',
                    'Знову цей plastic всюди.',
                ],
            },
            'zh': {
                'keyword': [
                    '一支蜡烛裹了一大堆塑料。',
                    '包装比商品大三倍。',
                    '每个靠垫都单独用塑料袋装。',
                    '一个小花瓶塞了一堆泡沫。',
                    '一个小台灯用了超大的纸箱。',
                ],
                'paraphrase': [
                    '一支蜡烛用了个冰箱那么大的盒子。',
                    '拆完一个订单垃圾桶就满了。',
                    '每个小东西都单独套一层袋子。',
                ],
                'mixed': [
                    'packaging太夸张了。',
                    '全是plastic，太浪费了。',
                ],
            },
        },
    },
}

# Theme-free sentences to pad a comment (no KEYWORDS entry of any theme).
FILLERS = {
    "en": [
        "Overall an OK experience.", "Will see next time.", "Thanks.", "Nothing else to add.",
        "I've been shopping here for years.", "It was a Saturday afternoon.",
        "I went in with my sister.", "Mostly fine, to be honest.", "Hope this feedback is useful.",
        "Not sure what else to say.", "Came in for a few bits for the garden.",
        "First time I've bought furniture there.", "That's about it really.",
        "Mixed feelings overall.",
    ],
    "fr": [
        "Dans l'ensemble, une expérience correcte.", "On verra la prochaine fois.", "Merci.",
        "Rien d'autre à ajouter.", "Je suis cliente depuis des années.",
        "C'était un samedi après-midi.", "J'y suis allée avec ma sœur.", "Globalement ça va.",
        "J'espère que cet avis vous sera utile.", "Je ne sais pas quoi dire de plus.",
        "Je venais pour quelques bricoles pour le jardin.",
        "Première fois que j'achète un meuble chez vous.", "Voilà, c'est tout.",
        "Sentiments mitigés dans l'ensemble.",
    ],
    "it": [
        "Nel complesso un'esperienza discreta.", "Vedremo la prossima volta.", "Grazie.",
        "Nient'altro da aggiungere.", "Sono cliente da anni.", "Era un sabato pomeriggio.",
        "Ci sono andata con mia sorella.", "Tutto sommato va bene.",
        "Spero che questo commento sia utile.", "Non so cos'altro dire.",
        "Ero passata per qualche cosetta per il giardino.",
        "Prima volta che compro un mobile da voi.", "Ecco, è tutto.", "Sensazioni contrastanti.",
    ],
    "pl": [
        "Ogólnie w porządku.", "Zobaczymy następnym razem.", "Dzięki.",
        "Nie mam nic więcej do dodania.", "Kupuję tu od lat.", "To była sobota po południu.",
        "Byłam tam z siostrą.", "Generalnie jest okej.", "Mam nadzieję, że ta opinia się przyda.",
        "Nie wiem, co jeszcze napisać.", "Wpadłam po kilka drobiazgów do ogrodu.",
        "Pierwszy raz kupowałem u was meble.", "To chyba wszystko.", "Mieszane uczucia.",
    ],
    "uk": [
        "Загалом нормальний досвід.", "Подивимось наступного разу.", "Дякую.",
        "Більше нічого додати.", "Купую тут уже багато років.", "Це була субота, після обіду.",
        "Ходила туди з сестрою.", "Загалом усе нормально.", "Сподіваюся, цей відгук буде корисним.",
        "Не знаю, що ще написати.", "Заходила по кілька дрібниць для саду.",
        "Вперше купувала у вас меблі.", "Ось, мабуть, і все.", "Змішані враження.",
    ],
    "zh": [
        "总体来说还行。", "下次再看吧。", "谢谢。", "没有别的要补充的了。", "我在这里买了好多年了。",
        "那天是周六下午。", "我是和妹妹一起去的。", "大体上还可以。", "希望这个反馈有用。",
        "不知道还能说什么。", "去买了点花园用的小东西。", "第一次在你们这里买家具。", "就这些吧。",
        "感受比较复杂。",
    ],
}

# Conversational starts of interview answers. The generator prepends one to a
# capitalised answer, so each ends a sentence (or trails off with "…").
OPENERS = {
    "en": ["Well, to be honest…", "Hmm, let me think.", "Good question.", "So, basically…",
           "Honestly?", "Right, so…", "Oh, where do I start."],
    "fr": ["Alors, pour être honnête…", "Hmm, laissez-moi réfléchir.", "Bonne question.",
           "Bon, en gros…", "Franchement ?", "Ah, par où commencer."],
    "it": ["Allora, a dire il vero…", "Mmh, fammi pensare.", "Bella domanda.",
           "Beh, in pratica…", "Sinceramente?", "Ah, da dove comincio."],
    "pl": ["No więc, szczerze mówiąc…", "Hmm, niech pomyślę.", "Dobre pytanie.", "W sumie to…",
           "Szczerze?", "Oj, od czego by tu zacząć."],
    "uk": ["Ну, чесно кажучи…", "Хм, дайте подумати.", "Гарне питання.", "Ну, як сказати…",
           "Чесно?", "Ой, з чого б почати."],
    "zh": ["嗯，说实话……", "让我想想。", "好问题。", "怎么说呢……", "老实讲……", "其实吧……"],
}

# Interviewer turns. Theme questions name the theme (auto-coding must skip
# interviewer turns); "_general" ones name none.
INTERVIEWER_QUESTIONS = {
    "en": {
        "wait_time": ["How long did you have to wait at the tills?",
                      "What did you think of the queues in store?"],
        "staff_attitude": ["How would you describe the staff you dealt with?",
                           "Were the staff helpful when you needed something?"],
        "price_value": ["How do you feel about our prices?",
                        "Do you think the products are good value?"],
        "product_quality": ["How would you rate the quality of what you bought?",
                            "Have you had any issues with product quality?"],
        "stock_availability": ["Was everything you wanted in stock?",
                               "Have you ever found items out of stock?"],
        "store_cleanliness": ["How clean did you find the store?",
                              "Was the store tidy when you visited?"],
        "website_usability": ["How easy is the website to use?", "Have you tried the mobile app?"],
        "checkout_payment": ["How was the checkout process?",
                             "Did you have any trouble with payment?"],
        "delivery": ["How did you find the delivery?", "Did your order get delivered on time?"],
        "returns_refunds": ["Have you ever had to return anything?",
                            "How did the refund process go?"],
        "communication": ["Did you get enough updates about your order?",
                          "Were the emails about your order useful?"],
        "loyalty_programme": ["Are you a member of our loyalty programme?",
                              "Do you collect points when you shop with us?"],
        "contact_centre": ["Have you ever contacted customer service?",
                           "How was your experience with the call centre?"],
        "product_range": ["What do you think of our product range?",
                          "Is there enough choice for you?"],
        "parking": ["How was parking when you visited?", "Did you use the car park?"],
        "packaging_waste": ["What did you think of the packaging?",
                            "Was there too much plastic in your order?"],
        "_general": ["Can you tell me about your last visit?", "What brought you in that day?",
                     "How often do you shop with us?", "Is there anything else you'd like to add?",
                     "What would make you come back more often?",
                     "How would you sum up your experience?", "Which store do you usually go to?"],
    },
    "fr": {
        "wait_time": ["Combien de temps avez-vous attendu en caisse ?",
                      "Que pensez-vous de l'attente en magasin ?"],
        "staff_attitude": ["Comment avez-vous trouvé le personnel ?",
                           "Les vendeurs ont-ils été aimables ?"],
        "price_value": ["Que pensez-vous de nos prix ?", "Trouvez-vous nos produits trop chers ?"],
        "product_quality": ["Comment jugez-vous la qualité de vos achats ?",
                            "Avez-vous eu des soucis de qualité ?"],
        "stock_availability": ["Tout ce que vous vouliez était-il en stock ?",
                               "Avez-vous déjà trouvé un article en rupture ?"],
        "store_cleanliness": ["Le magasin était-il propre ?",
                              "Comment avez-vous trouvé la propreté du magasin ?"],
        "website_usability": ["Le site web est-il facile à utiliser ?",
                              "Avez-vous essayé notre appli ?"],
        "checkout_payment": ["Comment s'est passé le paiement ?",
                             "Avez-vous utilisé les caisses automatiques ?"],
        "delivery": ["Comment s'est passée la livraison ?", "Votre colis est-il arrivé à temps ?"],
        "returns_refunds": ["Avez-vous déjà fait un retour ?",
                            "Comment s'est passé le remboursement ?"],
        "communication": ["Avez-vous reçu assez d'informations sur votre commande ?",
                          "Les mails de suivi vous ont-ils été utiles ?"],
        "loyalty_programme": ["Avez-vous la carte de fidélité ?", "Utilisez-vous vos points ?"],
        "contact_centre": ["Avez-vous déjà contacté le service client ?",
                           "Avez-vous déjà appelé notre hotline ?"],
        "product_range": ["Que pensez-vous de notre gamme ?", "Trouvez-vous assez de choix ?"],
        "parking": ["Avez-vous facilement trouvé à vous garer ?", "Que pensez-vous du parking ?"],
        "packaging_waste": ["Que pensez-vous de l'emballage ?",
                            "Y avait-il trop de plastique dans votre commande ?"],
        "_general": ["Pouvez-vous me parler de votre dernier passage ?",
                     "Qu'est-ce qui vous a amené ce jour-là ?",
                     "À quelle fréquence venez-vous chez nous ?",
                     "Souhaitez-vous ajouter quelque chose ?",
                     "Qu'est-ce qui vous ferait revenir plus souvent ?",
                     "Comment résumeriez-vous votre expérience ?"],
    },
    "it": {
        "wait_time": ["Quanto tempo ha aspettato alla cassa?", "Cosa pensa delle code in negozio?"],
        "staff_attitude": ["Come ha trovato il personale?", "I commessi sono stati gentili?"],
        "price_value": ["Cosa pensa dei nostri prezzi?", "Trova i nostri prodotti convenienti?"],
        "product_quality": ["Come valuta la qualità dei prodotti acquistati?",
                            "Ha avuto problemi di qualità?"],
        "stock_availability": ["Ha trovato tutto disponibile?",
                               "Le è capitato di trovare prodotti esauriti?"],
        "store_cleanliness": ["Il negozio era pulito?", "Come giudica la pulizia del negozio?"],
        "website_usability": ["Il sito è facile da usare?", "Ha provato la nostra applicazione?"],
        "checkout_payment": ["Com'è andato il pagamento?", "Ha usato le casse automatiche?"],
        "delivery": ["Com'è andata la consegna?", "Il pacco è arrivato in tempo?"],
        "returns_refunds": ["Ha mai fatto un reso?", "Com'è andato il rimborso?"],
        "communication": ["Ha ricevuto abbastanza aggiornamenti sull'ordine?",
                          "Le mail sull'ordine le sono state utili?"],
        "loyalty_programme": ["Ha la nostra carta fedeltà?", "Usa i punti che accumula?"],
        "contact_centre": ["Ha mai contattato il servizio clienti?",
                           "Com'è andata la telefonata con l'assistenza?"],
        "product_range": ["Cosa pensa del nostro assortimento?", "Trova abbastanza scelta?"],
        "parking": ["Ha trovato facilmente parcheggio?", "Com'era la situazione del parcheggio?"],
        "packaging_waste": ["Cosa pensa dell'imballaggio?", "C'era troppa plastica nel suo ordine?"],
        "_general": ["Mi racconta la sua ultima visita?", "Cosa l'ha portata in negozio quel giorno?",
                     "Quanto spesso fa acquisti da noi?", "C'è altro che vorrebbe aggiungere?",
                     "Cosa la farebbe tornare più spesso?",
                     "Come riassumerebbe la sua esperienza?"],
    },
    "pl": {
        "wait_time": ["Jak długo czekał Pan w kolejce do kasy?",
                      "Co sądzi Pani o czasie oczekiwania?"],
        "staff_attitude": ["Jak ocenia Pani obsługę w sklepie?", "Czy sprzedawcy byli pomocni?"],
        "price_value": ["Co sądzi Pan o naszych cenach?", "Czy nasze produkty są za drogie?"],
        "product_quality": ["Jak ocenia Pani jakość zakupionych produktów?",
                            "Czy miał Pan jakieś zastrzeżenia do jakości?"],
        "stock_availability": ["Czy wszystko, czego Pani szukała, było dostępne?",
                               "Czy zdarzył się brak towaru na półce?"],
        "store_cleanliness": ["Czy sklep był czysty?", "Jak ocenia Pan czystość w sklepie?"],
        "website_usability": ["Czy strona internetowa jest wygodna?",
                              "Czy korzysta Pani z naszej aplikacji?"],
        "checkout_payment": ["Jak przebiegła płatność?", "Czy były problemy z zapłatą?"],
        "delivery": ["Jak oceni Pan dostawę?", "Czy kurier przyjechał na czas?"],
        "returns_refunds": ["Czy robiła Pani kiedyś zwrot?", "Jak przebiegła reklamacja?"],
        "communication": ["Czy otrzymywał Pan wystarczająco dużo informacji o zamówieniu?",
                          "Czy maile o statusie zamówienia były przydatne?"],
        "loyalty_programme": ["Czy ma Pani kartę stałego klienta?", "Czy zbiera Pan punkty?"],
        "contact_centre": ["Czy kontaktowała się Pani z infolinią?",
                           "Jak oceni Pan rozmowę z konsultantem?"],
        "product_range": ["Co sądzi Pani o naszym asortymencie?", "Czy wybór jest wystarczający?"],
        "parking": ["Czy łatwo było zaparkować?", "Jak ocenia Pan parking przy sklepie?"],
        "packaging_waste": ["Co sądzi Pani o opakowaniu?",
                            "Czy w zamówieniu było za dużo plastiku?"],
        "_general": ["Proszę opowiedzieć o ostatniej wizycie.", "Co Panią sprowadziło tego dnia?",
                     "Jak często robi Pan u nas zakupy?", "Czy chce Pan coś jeszcze dodać?",
                     "Co sprawiłoby, że przychodziłaby Pani częściej?",
                     "Jak podsumowałby Pan swoje doświadczenie?"],
    },
}

# Review headlines, theme-free (the body carries the themes).
REVIEW_TITLES = {
    "en": {"pos": ["Really pleased", "Would recommend", "Lovely experience", "Five stars from me"],
           "neg": ["Very disappointed", "Never again", "Not impressed", "What a letdown"]},
    "fr": {"pos": ["Très satisfaite", "Je recommande", "Belle expérience", "Cinq étoiles"],
           "neg": ["Très déçu", "Plus jamais", "Pas convaincue", "Quelle déception"]},
    "it": {"pos": ["Molto soddisfatta", "Consigliato", "Bella esperienza", "Cinque stelle"],
           "neg": ["Molto deluso", "Mai più", "Non mi ha convinto", "Che delusione"]},
    "pl": {"pos": ["Bardzo zadowolona", "Polecam", "Świetne doświadczenie", "Pięć gwiazdek"],
           "neg": ["Wielkie rozczarowanie", "Nigdy więcej", "Nie polecam", "Szkoda słów"]},
    "uk": {"pos": ["Дуже задоволена", "Рекомендую", "Чудовий досвід", "П'ять зірок"],
           "neg": ["Дуже розчарований", "Більше ніколи", "Не раджу", "Не вразило"]},
    "zh": {"pos": ["非常满意", "推荐购买", "体验很好", "五星好评"],
           "neg": ["很失望", "不会再来了", "不推荐", "太让人失望了"]},
}


def check() -> list[str]:
    """Problems with the bank (empty if none): counts, duplicates, keyword discipline, lengths."""
    problems: list[str] = []

    def hits(text: str, lang: str, theme: str) -> list[str]:
        t = text.casefold()
        return [k for k in KEYWORDS[lang][theme] if k in t]

    def foreign(text: str, langs, theme: str) -> list[str]:
        return [f"{lg}:{th}:{k}" for lg in langs for th in THEMES if th != theme
                for k in hits(text, lg, th)]

    def size_ok(text: str, lang: str) -> bool:
        n = len("".join(text.split())) if lang == "zh" else len(text.split())
        return 4 <= n <= (25 if lang == "zh" else 20)

    for lang in KEYWORDS:
        for theme, words in KEYWORDS[lang].items():
            if any(w != w.lower() or not w for w in words):
                problems.append(f"KEYWORDS {lang}/{theme}: entries must be lowercase, non-empty")
    if set(KEYWORDS) != set(LANGUAGES) or any(set(KEYWORDS[lg]) != set(THEMES) for lg in KEYWORDS):
        problems.append("KEYWORDS must cover every language and theme")
    if set(PHRASES) != set(THEMES):
        problems.append("PHRASES themes differ from THEMES")

    seen: dict[str, str] = {}
    for theme in THEMES:
        if set(PHRASES.get(theme, {})) != set(POLARITIES[theme]):
            problems.append(f"{theme}: polarities {sorted(PHRASES.get(theme, {}))} != {POLARITIES[theme]}")
        for pol in POLARITIES[theme]:
            for lang in LANGUAGES:
                buckets = PHRASES.get(theme, {}).get(pol, {}).get(lang, {})
                where = f"{theme}/{pol}/{lang}"
                for kind in buckets:
                    if kind not in KINDS:
                        problems.append(f"{where}: unknown kind {kind!r}")
                for kind in KINDS:
                    needed = MIN_PER_KIND[kind]
                    if kind == "typo" and lang not in TYPO_LANGUAGES:
                        needed = 0
                    if kind == "negation" and len(POLARITIES[theme]) == 1:
                        needed = 0
                    got = buckets.get(kind, [])
                    if len(got) < needed:
                        problems.append(f"{where}/{kind}: {len(got)} phrases, need {needed}")
                    for p in got:
                        tag = f"{where}/{kind}: {p!r}"
                        if not isinstance(p, str) or p != p.strip() or not p:
                            problems.append(f"{tag}: not a clean string")
                            continue
                        key = p.casefold()
                        if key in seen:
                            problems.append(f"{tag}: duplicate of {seen[key]}")
                        seen[key] = tag
                        if not size_ok(p, lang):
                            problems.append(f"{tag}: length out of range")
                        own = hits(p, lang, theme)
                        if kind == "keyword" and not own:
                            problems.append(f"{tag}: no {lang} keyword of its theme")
                        if kind in ("typo", "paraphrase") and own:
                            problems.append(f"{tag}: contains own keyword {own}")
                        if kind == "negation" and not own:
                            problems.append(f"{tag}: negation without its theme's keyword")
                        if kind == "mixed" and not any(hits(p, lg, theme) for lg in LANGUAGES if lg != lang):
                            problems.append(f"{tag}: no other-language keyword of its theme")
                        cross = foreign(p, {lang, "en"} if kind == "mixed" else {lang}, theme)
                        if cross:
                            problems.append(f"{tag}: carries other themes' keywords {cross}")

    for name, table in (("FILLERS", FILLERS), ("OPENERS", OPENERS)):
        for lang in LANGUAGES:
            items = table.get(lang, [])
            if len(items) < (12 if name == "FILLERS" else 5):
                problems.append(f"{name}/{lang}: only {len(items)}")
            if len(set(items)) != len(items):
                problems.append(f"{name}/{lang}: duplicates")
            for p in items:
                if foreign(p, {lang}, None):
                    problems.append(f"{name}/{lang}: {p!r} carries {foreign(p, {lang}, None)}")
    for lang in LANGUAGES:
        for pol in ("pos", "neg"):
            items = REVIEW_TITLES.get(lang, {}).get(pol, [])
            if len(items) < 3:
                problems.append(f"REVIEW_TITLES/{lang}/{pol}: only {len(items)}")
            for p in items:
                if foreign(p, {lang}, None):
                    problems.append(f"REVIEW_TITLES/{lang}/{pol}: {p!r} carries {foreign(p, {lang}, None)}")
    for lang, table in INTERVIEWER_QUESTIONS.items():
        for theme in list(THEMES) + ["_general"]:
            qs = table.get(theme, [])
            if len(qs) < (6 if theme == "_general" else 2):
                problems.append(f"INTERVIEWER_QUESTIONS/{lang}/{theme}: only {len(qs)}")
            for q in qs:
                if theme != "_general" and not hits(q, lang, theme):
                    problems.append(f"INTERVIEWER_QUESTIONS/{lang}/{theme}: {q!r} lacks its keyword")
                cross = foreign(q, {lang}, None if theme == "_general" else theme)
                if cross:
                    problems.append(f"INTERVIEWER_QUESTIONS/{lang}/{theme}: {q!r} carries {cross}")
    for lang in ("en", "fr", "it", "pl"):
        if lang not in INTERVIEWER_QUESTIONS:
            problems.append(f"INTERVIEWER_QUESTIONS: missing {lang}")
    return problems
