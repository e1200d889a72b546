"""Word lists the extraction rules rest on. General English and world knowledge only."""

from __future__ import annotations

#: Verbs that report speech or thought; their subject is a speaker, their clause what was said.
SPEECH_VERBS = frozenset(
    """say tell warn accuse claim announce add state insist argue deny admit explain note
    suggest describe label believe think report confirm complain urge ask estimate predict
    reveal acknowledge allege assert concede declare maintain promise vow pledge threaten write
    agree fear hope reply respond stress emphasise emphasize caution comment contend dismiss
    criticise criticize condemn praise blame recall remark observe mention indicate propose
    recommend demand question wonder worry tweet post testify charge plead counter conclude
    characterise characterize call brand term dub signal express voice reiterate repeat
    announce disclose predict forecast estimate doubt expect rule talk speak blurt quip crow
    sniff stutter scold retort confess assure joke lament shout yell scream whisper mutter
    exclaim boast brag tease chide snap gush muse recount continue highlight""".split()
)

#: Words a title or a heading keeps in lower case: "Convoy to Ottawa", "The Lord of the Rings".
TITLE_SMALL_WORDS = frozenset("a an the of and or nor but for to in on at by with from as vs via is are be".split())
#: The forms of the verbs of speech as a headline writes them in title case after a name ("Clinton
#: Said", "Mayor Warns"): the verb, never the end of a name.
SPEECH_VERB_FORMS = frozenset(f"{v}{end}" for v in SPEECH_VERBS for end in ("s", "es", "d", "ed")) | frozenset(
    "said says told tells wrote writes".split()
)
#: Verbs that report speech only when they take a clause or a quote, never alone.
WEAK_SPEECH_VERBS = frozenset(
    "add note call term dub brand describe label expect believe think hope fear plead talk speak continue".split()
)

#: Verbs by which a speaker names someone or something as they see it: "called him a “liar”",
#: "described the plan as “a disgrace”". What they name it is the speaker's words.
NAMING_VERBS = frozenset("call describe label dub brand term characterise characterize".split())

#: Verbs of thought, inference or evidence: their clause is what someone thinks or what a record
#: shows, not what anyone said ("she believes ...", "the data indicate ..."). Never reported speech.
COGNITION_VERBS = frozenset(
    """think believe expect hope fear wonder worry doubt suspect feel know assume presume imagine
    guess estimate conclude indicate reckon figure""".split()
)

#: Verbs that ask rather than state: "asked whether ...", "asked the city to ...". A question or a
#: request is no statement, so never reported speech (a direct quote may still be asked).
QUESTION_VERBS = frozenset("ask inquire enquire query".split())

#: Nouns that turn "expressed/voiced X" into a speech act.
SPEECH_NOUNS = frozenset("concern concerns fear fears hope hopes doubt doubts worry worries belief view".split())

#: Verbs where what was said sits in an object and "of"/"against"/"to" phrase, not a clause.
OBJECT_SPEECH_VERBS = frozenset("accuse warn urge tell ask blame charge criticise criticize condemn praise".split())

#: Words of a title that may stand before a name and are not part of it.
HONORIFICS = frozenset(
    """mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir dame lord lady rev rev.
    reverend sen sen. senator rep rep. gov gov. governor gen gen. general col col. capt capt.
    president prime minister chancellor judge justice mayor king queen prince princess pope
    sheikh chief premier secretary ambassador baroness baron earl sgt sgt. cpl cpl. const
    const. insp insp. det det. supt supt. lt lt. maj maj. cmdr cmdr. adm adm. atty atty.
    sergeant corporal constable lieutenant major commander admiral inspector superintendent
    detective councillor councilor alderman""".split()
)

#: Nouns that head a role ("the NATO chief", "defence minister").
ROLE_NOUNS = frozenset(
    """chief minister president secretary spokesman spokeswoman spokesperson director head
    leader executive officer official chairman chairwoman chair ceo founder co-founder
    commander general ambassador governor mayor senator chancellor premier envoy adviser
    advisor aide analyst economist professor lawyer attorney judge manager editor reporter
    correspondent researcher scientist expert member representative negotiator diplomat
    king queen prince princess monarch emperor pope bishop archbishop owner partner worker
    survivor witness victim father mother son daughter brother sister wife husband mp mep
    congressman congresswoman lawmaker legislator councillor councilman councilwoman
    candidate nominee chancellor qc kc affiliate group party faction militia
    organizer organiser coach captain detective constable sergeant corporal inspector
    superintendent commissioner sheriff trooper deputy firefighter paramedic nurse doctor
    physician surgeon dentist pharmacist teacher principal student pastor priest rabbi imam
    reverend pilot driver farmer accountant retiree resident activist advocate host anchor
    actor actress singer rapper musician artist author writer novelist poet playwright
    filmmaker director producer photographer journalist columnist player striker goalkeeper
    defenceman defenseman forward quarterback pitcher caddie golfer boxer fighter athlete
    skater swimmer rookie veteran champion coordinator planner engineer architect designer
    developer consultant strategist historian scholar curator chef entrepreneur investor
    banker broker trader contractor landlord tenant homeowner shopkeeper storekeeper
    entrepreneur administrator superintendent registrar clerk treasurer trustee steward
    volunteer organizer campaigner protester demonstrator spokesman spokeswoman keeper""".split()
)

#: Words that make a name an organisation's: "I-DEV International", "Siena College".
ORG_WORDS = frozenset(
    """international inc inc. corp corp. corporation company co co. group university college bank
    council committee agency association party ministry institute foundation times news network
    post journal press service services partners holdings ltd ltd. llc plc union league club
    commission department office board court authority fund trust diocese archdiocese parish
    church""".split()
)

#: Head words of a news agency or outlet's name, as credits write them ("The Canadian Press",
#: "Getty Images", "Reuters"): the wires and picture agencies, and the words outlets are named by.
AGENCY_WORDS = frozenset(
    """press news images photos photo pictures reuters ap afp bloomberg getty upi efe dpa ansa
    xinhua tass pa aap cp ips wire wires agency agencies times post star globe mail herald
    tribune journal telegraph guardian gazette sun observer chronicle daily media cbc ctv bbc
    cnn nbc abc cbs""".split()
)

#: Last words of the name of a place, a building, a text or an event rather than a person.
FACILITY_WORDS = frozenset(
    """station school centre center hospital airport avenue highway stadium arena mall
    building cathedral museum report program programme project award prize festival gmbh ag
    llp lrt""".split()
)

#: Role nouns that stand for a group, never for one person.
GROUP_ROLE_NOUNS = frozenset("affiliate group party faction militia".split())

#: Names of one actor, the canonical name first: countries, blocs and the main UK/US parties.
SYNONYMS = [
    ["United States", "US", "U.S.", "USA", "U.S.A.", "America", "United States of America"],
    ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain"],
    ["United Nations", "UN", "U.N."],
    ["European Union", "EU", "E.U."],
    ["Soviet Union", "USSR", "U.S.S.R."],
    ["United Arab Emirates", "UAE", "U.A.E."],
    ["Conservative Party", "Conservatives", "Tory", "Tories", "Tory Party"],
    ["Labour Party", "Labour"],
    ["Liberal Democrats", "Lib Dems", "Lib Dem", "Liberal Democrat"],
    ["Republican Party", "Republicans", "GOP"],
    ["Democratic Party", "Democrats"],
]
#: Each name in SYNONYMS -> the canonical name of its actor.
SYNONYM_OF = {form: group[0] for group in SYNONYMS for form in group}

#: Titles of nobility and knighthood that are part of how a British name is written.
PEERAGE = frozenset("lord lady baroness baron sir dame earl viscount duke duchess countess".split())
#: Courtesy words that are no role on their own.
COURTESY = frozenset("mr mr. mrs mrs. ms ms. miss mx the".split()) | PEERAGE
#: Letters after a name: not part of it, but a role ("Philippe Sands QC").
POSTNOMINALS = frozenset("QC KC MP MEP MSP MLA MPP".split())
NAME_SUFFIXES = frozenset("Jr Jr. Sr Sr. II III PhD".split())

#: Family words: "Spindler's father, Joseph," is a Spindler, not another Joseph.
KINSHIP = frozenset(
    "father mother son daughter brother sister wife husband uncle aunt cousin grandfather grandmother widow".split()
)

#: Verbs that report a thing noted in their object, when it says enough ("noted the army's lack
#: of winter equipment"; not "noted the time").
NOTING_VERBS = frozenset("note stress emphasise emphasize highlight reiterate".split())
#: Verbs that report what was said in their object: "announced the end of the siege".
OBJECT_REPORT_VERBS = frozenset(
    "announce confirm deny claim reveal admit acknowledge demand disclose vow pledge promise threaten".split()
)

#: Nouns for a text that speaks for someone: "A statement said ..." speaks for its author.
DOCUMENT_NOUNS = frozenset(
    """statement release report letter post tweet communique communiqué announcement message
    notice remarks remark comments comment words testimony speech interview reply response
    email memo note filing ruling decision""".split()
)
#: Texts and records that are cited as sources: "the study says", "according to the data".
SOURCE_TEXT_NOUNS = frozenset(
    """study studies survey surveys poll polls data figures numbers statistics research analysis
    review audit document documents records suit lawsuit claim complaint panel inquiry
    investigation book article paper documentary video""".split()
)

#: Heads of a nationality's institution: "the Kenyan government", "Russian forces".
INSTITUTION_NOUNS = frozenset(
    """government authorities police army military forces parliament ministry navy
    cabinet administration regime junta senate congress""".split()
)
#: Heads of a definite description of a body the story may refer to without naming it ("the
#: board", "the Prime Minister's Office", "the ministry"), and that "the ..." refers back to.
BODY_DESCRIPTION_HEADS = INSTITUTION_NOUNS | frozenset(
    """office committee commission court council board department agency embassy consulate union
    prosecutors prosecution ministry regulator watchdog""".split()
)
#: Words that end the capitalised name of a body: "Alley Cats Association", "Ontario Civic
#: Action Fund".
BODY_NAME_ENDS = frozenset(
    """foundation association society institute coalition alliance campaign council committee
    league union federation fund trust charity network centre center agency commission
    authority board club group company corporation university college church ministry
    department office project initiative movement""".split()
)
#: Nouns after an adjective of place that make one place: "Crimean Peninsula" is Crimea.
GEO_NOUNS = frozenset("peninsula island islands region province coast republic".split())

#: Capital -> country, for a capital used to mean its government ("Moscow warned ...").
CAPITALS = {
    "Moscow": "Russia",
    "Kyiv": "Ukraine",
    "Kiev": "Ukraine",
    "Washington": "United States",
    "London": "United Kingdom",
    "Beijing": "China",
    "Paris": "France",
    "Berlin": "Germany",
    "Tokyo": "Japan",
    "Tehran": "Iran",
    "Pyongyang": "North Korea",
    "Seoul": "South Korea",
    "Ottawa": "Canada",
    "Canberra": "Australia",
    "New Delhi": "India",
    "Delhi": "India",
    "Islamabad": "Pakistan",
    "Kabul": "Afghanistan",
    "Baghdad": "Iraq",
    "Damascus": "Syria",
    "Ankara": "Turkey",
    "Riyadh": "Saudi Arabia",
    "Cairo": "Egypt",
    "Jerusalem": "Israel",
    "Brussels": "Belgium",
    "Rome": "Italy",
    "Madrid": "Spain",
    "Warsaw": "Poland",
    "Minsk": "Belarus",
    "Tbilisi": "Georgia",
    "Riga": "Latvia",
    "Vilnius": "Lithuania",
    "Tallinn": "Estonia",
    "Nairobi": "Kenya",
    "Mogadishu": "Somalia",
    "Abuja": "Nigeria",
    "Pretoria": "South Africa",
    "Havana": "Cuba",
    "Caracas": "Venezuela",
    "Mexico City": "Mexico",
    "Brasilia": "Brazil",
    "Buenos Aires": "Argentina",
    "Taipei": "Taiwan",
    "Hanoi": "Vietnam",
    "Bangkok": "Thailand",
    "Manila": "Philippines",
    "Jakarta": "Indonesia",
    "Dublin": "Ireland",
    "Athens": "Greece",
    "Vienna": "Austria",
    "Stockholm": "Sweden",
    "Oslo": "Norway",
    "Helsinki": "Finland",
    "Copenhagen": "Denmark",
    "Budapest": "Hungary",
    "Prague": "Czech Republic",
    "Bern": "Switzerland",
    "Lisbon": "Portugal",
    "Amsterdam": "Netherlands",
    "Doha": "Qatar",
    "Beirut": "Lebanon",
    "Amman": "Jordan",
    "Sanaa": "Yemen",
    "Tripoli": "Libya",
    "Khartoum": "Sudan",
}

#: Words that show a person is a man or a woman: honorifics, family and gendered role words.
MALE_WORDS = frozenset(
    """mr sir lord king prince duke earl baron father son husband brother boyfriend man boy
    grandfather grandson uncle nephew stepfather stepson spokesman chairman congressman
    businessman councilman widower fiance fiancé""".split()
)
FEMALE_WORDS = frozenset(
    """mrs ms miss lady dame queen princess duchess countess baroness mother daughter wife
    sister girlfriend woman girl grandmother granddaughter aunt niece stepmother stepdaughter
    spokeswoman chairwoman congresswoman businesswoman councilwoman actress widow fiancee
    fiancée""".split()
)

#: Nouns for people in general: with ROLE_NOUNS and the gendered words, what can head a speaker
#: who is a person ("residents", "a local man", "critics").
GENERIC_PERSON_NOUNS = frozenset(
    """person people man men woman women child children kid kids boy boys girl girls baby teen
    teenager teenagers adult adults resident residents citizen citizens individual individuals
    family families friend friends neighbour neighbours neighbor neighbors parent parents
    relative relatives local locals voter voters critic critics supporter supporters opponent
    opponents observer observers source sources insider insiders official officials expert
    experts analyst analysts witness witnesses victim victims survivor survivors customer
    customers user users fan fans viewer viewers reader readers listener listeners passenger
    passengers patient patients employee employees staff worker workers member members
    participant participants organiser organizers organisers leader leaders everyone someone
    somebody anyone nobody others many some few community communities public crowd crowds
    audience electorate population suspect suspects inmate inmates""".split()
)

#: Nouns for bodies that speak: "the company said", "the ministry said", "the city said".
BODY_NOUNS = frozenset(
    """company companies firm firms business businesses government governments ministry
    ministries department departments office offices police court courts agency agencies
    committee committees union unions group groups team teams club clubs council councils board
    boards campaign coalition organization organizations organisation organisations association
    associations foundation foundations charity charities network networks newspaper magazine
    broadcaster channel station university universities college school schools hospital
    hospitals clinic church diocese party parties administration city town municipality
    province state country nation county region regime army military navy forces service
    services authority authorities commission prosecutors prosecution defence defense embassy
    consulate bank banks regulator watchdog airline carrier manufacturer maker retailer
    operator owner owners developer developers publisher studio league federation alliance
    bloc cabinet parliament congress senate assembly legislature""".split()
)

#: Every noun that can name a person: a role, a gendered word, or a general one.
PERSON_NOUNS = ROLE_NOUNS | MALE_WORDS | FEMALE_WORDS | GENERIC_PERSON_NOUNS

#: Nouns for a source the story keeps unnamed by agreement: "a source", "Pentagon sources",
#: "an insider".
ANONYMOUS_SOURCE_NOUNS = frozenset("source sources insider insiders".split())

#: Pronouns that may stand for a person, and for a group or organisation.
MALE_PRONOUNS = frozenset("he him his himself".split())
FEMALE_PRONOUNS = frozenset("she her hers herself".split())
PERSON_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS
GROUP_PRONOUNS = frozenset("they them their it its we".split())

#: Words before a figure that make it approximate or a bound.
QUALIFIERS = (
    "more than",
    "less than",
    "fewer than",
    "greater than",
    "at least",
    "at most",
    "up to",
    "as many as",
    "as much as",
    "as few as",
    "as little as",
    "no more than",
    "no fewer than",
    "just over",
    "just under",
    "well over",
    "nearly",
    "almost",
    "about",
    "around",
    "some",
    "roughly",
    "approximately",
    "over",
    "under",
    "close to",
    "an estimated",
    "estimated",
    "upwards of",
    "below",
    "above",
    "only",
    "just",
    "barely",
)

UNITS_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a": 1,
    "an": 1,
    "single": 1,
    "dozen": 12,
    "half": 0.5,
    "quarter": 0.25,
    "twice": 2,
    "once": 1,
    "thrice": 3,
    "double": 2,
    "triple": 3,
    "couple": 2,
    "pair": 2,
}
SCALE_WORDS = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "mln": 1_000_000,
    "bln": 1_000_000_000,
    "m": 1_000_000,
    "bn": 1_000_000_000,
    "k": 1_000,
    "tn": 1_000_000_000_000,
}
ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "hundredth": 100,
    "thousandth": 1000,
    "millionth": 1_000_000,
}
#: Plural scale words that make a figure vague: "tens of thousands", "hundreds of people".
VAGUE_WORDS = frozenset("tens dozens hundreds thousands millions billions scores".split())

CURRENCIES = {
    "$": "dollars",
    "US$": "US dollars",
    "C$": "Canadian dollars",
    "A$": "Australian dollars",
    "£": "pounds",
    "€": "euros",
    "¥": "yen",
    "₹": "rupees",
    "₽": "roubles",
}
CURRENCY_WORDS = frozenset(
    """dollar dollars pound pounds euro euros yen yuan rupee rupees rouble roubles ruble rubles
    franc francs peso pesos shilling shillings rand cent cents pence penny krona kronor krone
    kroner króna krónur zloty zlotys forint forints koruna korunas lira liras lev leva lei leu
    dinar dinars dirham dirhams riyal riyals rial rials shekel shekels naira baht ringgit rupiah
    rupiahs hryvnia hryvnias renminbi""".split()
)
