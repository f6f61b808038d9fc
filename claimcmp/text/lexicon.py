"""Word lists the detectors share: antonyms, negators, hedges, non-interchangeable news terms,
entity aliases and attribution verbs.

These are general English and news-style knowledge (the distinctions style guides such as the
AP Stylebook ask editors to keep), written out because no lexical database ships offline with
claimcmp's dependencies. Users extend them through the detectors' options (``glossary=``,
``aliases=``, ``antonyms=``) rather than by editing this file.
"""

from __future__ import annotations

import re

from claimcmp.memo import memoize

__all__ = [
    "ANTONYM_PAIRS",
    "APPROXIMATORS",
    "ATTRIBUTION_VERBS",
    "DEGREE_NEGATORS",
    "ENTITY_ALIASES",
    "FIGURE_QUALIFIERS",
    "GIVEN_NAME_FORMS",
    "HEDGE_LEVELS",
    "MEANING_PREFIXES",
    "NEGATORS",
    "PLAN_HEDGES",
    "REPORTING_HEDGES",
    "SYMMETRIC_PREDICATES",
    "TERM_GROUPS",
    "TITLE_CASE_SMALL_WORDS",
    "TITLE_WORDS",
    "VAGUE_SOURCES",
    "antonym_key",
    "are_antonyms",
    "opposite_candidates",
    "prefix_change",
    "stem",
]

#: Words that qualify a figure ("at **least** 5", "**more than** 1,000", "**about** 50"): read with
#: the figure, never as a word of their own.
FIGURE_QUALIFIERS = frozenset(
    # "only 20 people" / "all 25 people": what the count is said of comes after them too.
    "least most more than nearly almost about around some over under only just all".split()
)

#: Words that approximate a figure ("**approximately** twice", "**nearly** 200"): the number
#: detector's, never a term swapped for another.
APPROXIMATORS = frozenset("about around roughly approximately nearly almost some estimated".split())

#: Words that flip the polarity of what follows.
NEGATORS = frozenset(
    "not no never n't nt canot nobody nothing none neither nor without cannot cant dont doesnt didnt isnt "
    "wasnt arent werent wont wouldnt couldnt shouldnt hasnt havent hadnt".split()
)

#: Words that deny the full extent of what follows: "**nearly** destroyed" is not destroyed. (Before
#: a figure they are approximations, the number detector's.)
DEGREE_NEGATORS = frozenset("nearly almost partially partly barely".split())

# Pairs of opposites (base forms; inflections are matched through stem()).
# Irregular inflections are listed as their own pairs.
_ANTONYMS = """
increase decrease | increase reduce | increase cut | increase drop | increase decline | increase fall
rise fall | rose fell | risen fallen | rise drop | rise decline | climb fall | climb drop | gain loss | gain lose
up down | higher lower | high low | more less | more fewer | most least | greater smaller | larger smaller
grow shrink | grew shrank | growth decline | growth contraction | expand contract | expansion contraction
strong weak | stronger weaker | strength weakness | improve worsen | improved worsened | improvement deterioration
better worse | best worst | positive negative | profit loss | profitable unprofitable | surplus deficit
boost cut | raise lower | raise cut | hike cut | accelerate slow | fast slow | faster slower
confirm deny | confirmed denied | accept reject | approve reject | approve veto | admit deny | agree disagree
support oppose | supporter opponent | for against | allow ban | allow forbid | allow prohibit | permit ban
include exclude | including excluding | inclusive exclusive | within outside | inside outside | above below
over under | pre post | pro anti | inbound outbound | upstream downstream | uphill downhill
before after | earlier later | early late | first last | start end | begin end | began ended | open close
opened closed | win lose | won lost | winner loser | victory defeat | success failure | succeed fail
succeeded failed | pass fail | guilty innocent | convict acquit | convicted acquitted | legal illegal
lawful unlawful | true false | correct incorrect | accurate inaccurate | possible impossible | likely unlikely
certain uncertain | certainty uncertainty | known unknown | clear unclear | stable unstable | safe unsafe
safe dangerous | peace war | peaceful violent | calm violent | alive dead | live die | survive die
lived died | born died | join leave | joined left | enter exit | arrive depart | arrived departed
import export | imports exports | buy sell | bought sold | buyer seller | borrow lend | debit credit
asset liability | rich poor | wealthy poor | majority minority | maximum minimum | upper lower
north south | east west | northern southern | eastern western | domestic foreign | internal external
public private | official unofficial | formal informal | full empty | full partial | all none
all some | every some | none some | near far | nearby distant | always sometimes
always never | everyone no-one | present absent | presence absence | attend skip | resume suspend
resumed suspended | continue stop | continued stopped | continue halt | lift impose | lifted imposed
tighten loosen | tightened eased | tighten ease | strengthen weaken | strengthened weakened | hawkish dovish
bullish bearish | optimistic pessimistic | optimism pessimism | overvalued undervalued | overestimate underestimate
outperform underperform | outperformed underperformed | beat miss | exceed miss | exceeded missed
ahead behind | inflow outflow | inflows outflows | upgrade downgrade | upgraded downgraded | long short
strengthening weakening | favorable unfavorable | favourable unfavourable | significant insignificant
sufficient insufficient | adequate inadequate | consistent inconsistent | effective ineffective
efficient inefficient | able unable | capable incapable | available unavailable | responsible irresponsible
regular irregular | friendly hostile | ally enemy | allies enemies | attack defend | offensive defensive
offense defense | victory loss | won defeated | arrest release | arrested released | detain release
charged cleared | guilty acquitted | elected defeated | hire fire | hired fired | employ dismiss
men women | male female | long-term short-term | prior current | previous current | earn lose
earned lost | raised lowered | raise lower | past future | boy girl | husband wife | father mother | son daughter | brother sister
"""

# Whole classes of opposite direction or polarity: any word of one class against any word
# of its opposite is a polarity flip ("significant rise" / "substantial decrease").
_OPPOSITE_CLASSES = (
    (
        "increase rise grow gain climb jump surge soar up higher boost expand improve strengthen "
        "advance rally accelerate upturn uptick growth expansion recovery rebound rose risen grew grown".split(),
        "decrease fall drop decline shrink lose loss slide plunge slump down lower cut reduce "
        "contract worsen weaken dip tumble sink decelerate downturn contraction slowdown fell fallen shrank shrunk lost shrinkage".split(),
    ),
    (
        "strong positive good better best robust solid favorable favourable healthy upbeat "
        "encouraging optimistic successful".split(),
        "weak negative poor bad worse worst disappointing soft unfavorable unfavourable sluggish "
        "discouraging pessimistic unsuccessful".split(),
    ),
    (
        "unchanged flat steady stable constant".split(),
        "changed different increase decrease rise fall".split(),
    ),
    ("single".split(), "double triple".split()),
    (
        "significant substantial sharp major large huge massive big considerable marked steep dramatic".split(),
        "slight modest minor small marginal minimal tiny negligible".split(),
    ),
)

ANTONYM_PAIRS: tuple[tuple[str, str], ...] = tuple(
    (p.split()[0], p.split()[1])
    for p in _ANTONYMS.replace("\n", " | ").split("|")
    if len(p.split()) == 2
)

_SUFFIXES = ("ations", "ation", "ings", "ing", "edly", "ed", "es", "s", "er", "ly", "d")
_DOUBLING = frozenset({"ings", "ing", "edly", "ed", "er"})


@memoize(65536)  # called for every word pair of every compared claim pair
def stem(word: str) -> str:
    """A crude English stem: enough to match inflections of the listed words."""
    w = word.lower().replace("’", "'")
    if len(w) > 5 and w.endswith(("ied", "ies")):
        return w[:-3] + "y"  # "denied", "denies": "deny" (but "died", "lies" stay)
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            if suffix in _DOUBLING and len(w) >= 4 and w[-1] == w[-2] and w[-1] in "bdgmnprt":
                w = w[:-1]  # "dropped", "planning", "bigger": the consonant doubled before it
            return w.rstrip("e")
    return w.rstrip("e")


def antonym_key(a: str, b: str) -> tuple[str, str]:
    x, y = stem(a), stem(b)
    return (x, y) if x <= y else (y, x)


_ANTONYM_INDEX: set[tuple[str, str]] = {antonym_key(a, b) for a, b in ANTONYM_PAIRS}
_EXACT_INDEX: set[frozenset[str]] = {frozenset((a, b)) for a, b in ANTONYM_PAIRS}
_OPPOSITE_CLASS_STEMS = tuple(
    (frozenset(stem(w) for w in up), frozenset(stem(w) for w in down))
    for up, down in _OPPOSITE_CLASSES
)
_LISTED_WORDS = frozenset(w for pair in ANTONYM_PAIRS for w in pair)
_LISTED_STEMS = frozenset(
    {x for key in _ANTONYM_INDEX for x in key}
    | {x for up, down in _OPPOSITE_CLASS_STEMS for x in up | down}
)
_NEG_PREFIX = re.compile(r"^(un|in|im|il|ir|dis|non-?|a)(?P<rest>[a-z].{3,})$")


def are_antonyms(a: str, b: str, extra: set[tuple[str, str]] | None = None) -> bool:
    """Whether ``a`` and ``b`` are opposites (listed pair, or one is the other with a negating prefix)."""
    x, y = a.lower(), b.lower()
    if x == y:
        return False
    if extra and (antonym_key(x, y) in extra):
        return True
    if not extra:
        return _listed_opposites(x, y)
    return _opposites(x, y, extra)


def _listed_opposites(x: str, y: str) -> bool:
    # Every content word of one claim is tried against every word of the other,
    # so the common case — neither word in any list, no shared prefix or stem —
    # is settled by two cached per-word lookups.
    if (_in_lexicon(x) and _in_lexicon(y)) or x.endswith(y) or y.endswith(x):
        return _opposites(x, y, None)
    return "-" in x and "-" in y and _opposites(x, y, None)


def opposite_candidates(xs: list[str], ys: list[str]) -> set[tuple[int, int]]:
    """Index pairs ``(i, j)`` for which ``are_antonyms(xs[i], ys[j])`` (without extra pairs)
    may be true; for every other pair it is false. Lower-cased words expected.

    Detectors try every word one claim lacks against every word the other lacks; this finds
    the few pairs worth the full test without a test per pair. Outside the lists, only two
    rules can make words opposites, and both are looked up here: hyphenated compounds
    ("pro-war" / "anti-war") and a negating prefix ("able" / "unable").
    """
    in_x = [i for i, x in enumerate(xs) if _in_lexicon(x)]
    in_y = [j for j, y in enumerate(ys) if _in_lexicon(y)]
    out = {(i, j) for i in in_x for j in in_y}
    hx = [i for i, x in enumerate(xs) if "-" in x]
    out.update((i, j) for j, y in enumerate(ys) if "-" in y for i in hx)
    at_x: dict[str, list[int]] = {}
    at_y: dict[str, list[int]] = {}
    for i, x in enumerate(xs):
        at_x.setdefault(x, []).append(i)
    for j, y in enumerate(ys):
        at_y.setdefault(y, []).append(j)
    for i, x in enumerate(xs):
        m = _NEG_PREFIX.match(x)
        if m:
            out.update((i, j) for j in at_y.get(m["rest"], ()))
    for j, y in enumerate(ys):
        m = _NEG_PREFIX.match(y)
        if m:
            out.update((i, j) for i in at_x.get(m["rest"], ()))
    return out


@memoize(65536)
def _in_lexicon(word: str) -> bool:
    """Whether ``word`` or its stem is in an antonym pair or an opposite class."""
    return word in _LISTED_WORDS or stem(word) in _LISTED_STEMS


def _opposites(x: str, y: str, extra: set[tuple[str, str]] | None) -> bool:
    if frozenset((x, y)) in _EXACT_INDEX or antonym_key(x, y) in _ANTONYM_INDEX:
        return True
    px, py = x.split("-"), y.split("-")
    if len(px) == len(py) > 1:
        differing = [(p, q) for p, q in zip(px, py, strict=True) if p != q]
        if len(differing) == 1:
            return are_antonyms(*differing[0], extra)
    sx, sy = stem(x), stem(y)
    for up, down in _OPPOSITE_CLASS_STEMS:
        if (sx in up and sy in down) or (sx in down and sy in up):
            return True
    for p, q in ((x, y), (y, x)):
        m = _NEG_PREFIX.match(p)
        if m and m["rest"] == q and m.group(1) != "a":
            return True
        if m and m.group(1) == "a" and m["rest"] == q and len(q) >= 6:  # symmetric/asymmetric
            return True
    return False


#: Prefixes that make a word mean another thing, not its opposite (those are antonyms): what each
#: adds. "ex-husband" is not the husband, "pre-war" levels are not wartime levels,
#: "suboptimal" is not optimal. Not "re-" or "co-": a re-elected mayor was elected, a
#: co-founder founded it.
MEANING_PREFIXES: dict[str, str] = {
    "ex": "former",
    "pre": "before",
    "post": "after",
    "sub": "below",
    "semi": "partly",
    "pseudo": "false",
    "quasi": "partly",
    "mis": "wrongly",
    "mid": "the middle of",
}

#: Prefixes read without a hyphen too: words that merely begin so are rare.
_UNHYPHENATED_PREFIXES = frozenset({"sub", "semi", "pseudo", "quasi", "mis"})


@memoize(65536)
def prefix_change(x: str, y: str) -> tuple[str, str] | None:
    """The prefixes that tell two forms of one word apart — ``("ex", "")`` for "ex-roommate" /
    "roommate", ``("pre", "post")`` for "pre-war" / "post-war" — or None. Lower-cased words
    expected. Written without a hyphen, only :data:`_UNHYPHENATED_PREFIXES` count, over a word
    of five letters or more ("suboptimal" / "optimal", "semifinal" / "final"; not "subway" /
    "way"): "exchange" and "present" are words of their own."""

    def split(word: str) -> tuple[str, str]:
        for prefix in MEANING_PREFIXES:
            if word.startswith(prefix + "-") and len(word) > len(prefix) + 2:
                return prefix, word[len(prefix) + 1 :]
            if (
                prefix in _UNHYPHENATED_PREFIXES
                and word.startswith(prefix)
                and len(word) - len(prefix) >= 5
            ):
                return prefix, word[len(prefix) :]
        return "", word

    (px, rx), (py, ry) = split(x), split(y)
    if px == py:
        return None
    if rx == ry:
        return px, py
    # One side without a prefix: compare it whole ("roommate" / "ex-roommate").
    if not px and x == ry:
        return "", py
    if not py and y == rx:
        return px, ""
    return None


# Each line is one field of meaning, split by "/" into classes of words that ARE
# interchangeable; words from different classes of one line are not.
_TERMS = """
partnership / alliance / coalition / pact / union federation / bloc
agreement deal accord / treaty / memorandum
arrested / detained held / charged / convicted / sentenced / indicted / questioned / jailed imprisoned
arrest / detention / charge charges / conviction / sentence / indictment
suspect accused defendant / perpetrator culprit
protest protests demonstration demonstrations / riot riots / unrest / uprising rebellion revolt
protesters demonstrators / rioters
migrant migrants immigrant immigrants / refugee refugees / asylum-seeker asylum-seekers
invasion / incursion / raid / attack offensive / intervention / occupation
ceasefire truce / armistice
sanctions / tariffs / embargo
terrorist terrorists / militant militants / insurgent insurgents / rebel rebels / gunman gunmen
resigned / fired dismissed sacked / ousted / suspended
year-over-year year-on-year annual yearly / quarter-over-quarter quarter-on-quarter quarterly / month-over-month month-on-month monthly
lethal / nonlethal non-lethal
loan loans / grant grants / investment investments / donation donations
minister / secretary / ambassador envoy
state-run state-owned / independent
murder / manslaughter / homicide
rape / assault / harassment
bankruptcy insolvency / default / restructuring
acquisition takeover / merger
nuclear / chemical / biological / conventional
genocide / massacre
civilian civilians / soldier soldiers troops
killed / injured wounded hurt / missing
hostage hostages / prisoner prisoners
"""

TERM_GROUPS: tuple[tuple[frozenset[str], ...], ...] = tuple(
    tuple(frozenset(cls.split()) for cls in line.split("/"))
    for line in _TERMS.strip().splitlines()
    if line.strip()
)
"""Fields of news terms whose classes are *not* interchangeable even though embeddings put
them close together (partnership / alliance, killed / died, arrested / detained). Words of two
different classes of one field in the same slot are a ``term`` divergence."""

#: Names of one place or body written differently. Matching is on spelling keys.
ENTITY_ALIASES: tuple[frozenset[str], ...] = tuple(
    frozenset(x.strip().lower() for x in g.split("|"))
    for g in (
        "us|u.s.|usa|u.s.a.|united states|united states of america|america|washington",
        "uk|u.k.|united kingdom|britain|great britain|london",
        "un|u.n.|united nations",
        "eu|e.u.|european union|brussels",
        "kyiv|kiev",
        "belarus|byelorussia",
        "moldova|moldavia",
        "myanmar|burma",
        "czechia|czech republic",
        "turkey|türkiye|turkiye",
        "ivory coast|côte d'ivoire|cote d'ivoire",
        "eswatini|swaziland",
        "north macedonia|macedonia",
        "beijing|peking|china|prc|people's republic of china",
        "moscow|russia|kremlin|the kremlin",
        "minsk|belarus",
        "mumbai|bombay",
        "chennai|madras",
        "kolkata|calcutta",
        "odesa|odessa",
        "kharkiv|kharkov",
        "lviv|lvov",
        "nato|north atlantic treaty organization",
        "who|world health organization",
        "imf|international monetary fund",
        "uae|united arab emirates",
        "dprk|north korea",
        "rok|south korea",
        # Demonyms that are not the country's name plus a suffix.
        "american|americans|us|u.s.|united states",
        "british|briton|britons|britain|uk|u.k.|united kingdom",
        "greek|greeks|greece",
        "french|france",
        "dutch|netherlands|holland",
        "swiss|switzerland",
        "spanish|spaniard|spain",
        "german|germans|germany",
        "turkish|turk|turks|turkey",
        "polish|pole|poles|poland",
        "danish|dane|danes|denmark",
        "swedish|swede|swedes|sweden",
        "finnish|finn|finns|finland",
        "irish|ireland",
        "welsh|wales",
        "scottish|scot|scots|scotland",
        "english|england",
        "thai|thailand",
        "filipino|filipinos|philippine|philippines",
        "pakistani|pakistan",
        "israeli|israelis|israel",
        "iraqi|iraqis|iraq",
        "saudi|saudis|saudi arabia",
        "emirati|uae",
        "afghan|afghans|afghanistan",
        "peruvian|peru",
        "chilean|chile",
    )
)

#: Short and familiar forms of English given names, which WordNet does not hold: "Bill
#: Ingaldson" and "William Ingaldson" are one attorney. Each group is one name; names are
#: generous on purpose (see :mod:`claimcmp.text.names`), so "Bill" and "Will" may both be a
#: William.
GIVEN_NAME_FORMS: tuple[frozenset[str], ...] = tuple(
    frozenset(g.split("|"))
    for g in (
        "william|bill|billy|will|willie|liam",
        "robert|bob|bobby|rob|robbie|bert",
        "richard|dick|rick|ricky|rich|richie",
        "james|jim|jimmy|jamie",
        "john|jack|johnny|jon",
        "michael|mike|mikey|mick",
        "thomas|tom|tommy",
        "joseph|joe|joey",
        "charles|charlie|chuck|chas",
        "edward|ed|eddie|ted|ned",
        "anthony|tony",
        "daniel|dan|danny",
        "christopher|chris",
        "matthew|matt",
        "nicholas|nick|nicky",
        "benjamin|ben|benny",
        "samuel|sam|sammy",
        "alexander|alex|sandy",
        "andrew|andy|drew",
        "stephen|steven|steve",
        "patrick|pat|paddy",
        "peter|pete",
        "gregory|greg",
        "timothy|tim",
        "kenneth|ken|kenny",
        "ronald|ron|ronnie",
        "donald|don|donnie",
        "gerald|gerry|jerry",
        "lawrence|larry",
        "raymond|ray",
        "frederick|fred|freddie",
        "elizabeth|liz|beth|betty|lizzie|eliza",
        "margaret|maggie|peggy|meg",
        "katherine|catherine|kathryn|kate|katie|kathy|cathy",
        "jennifer|jen|jenny",
        "rebecca|becky",
        "susan|sue|suzy",
        "deborah|debra|debbie|deb",
        "patricia|patty|trish|pat",
        "victoria|vicky|tori",
        "abigail|abby",
        "jacqueline|jackie",
        "christine|christina|chris|chrissy",
        "alexandra|alex|sandra",
    )
)

#: Certainty levels of hedges and modal expressions, from sure (4) to speculative (0).
HEDGE_LEVELS: dict[str, int] = {
    "will": 4,
    "is set to": 4,
    "are set to": 4,
    "is to": 4,
    "are to": 4,
    "is due to": 4,
    "plans to": 3,
    "plan to": 3,
    "is planning": 3,
    "are planning": 3,
    "intends to": 3,
    "aims to": 3,
    "is expected to": 3,
    "are expected to": 3,
    "expects to": 3,
    "is preparing": 3,
    # Told in the past: "was expected to sign" (and the signing is not told as done).
    "was expected to": 3,
    "were expected to": 3,
    "was set to": 4,
    "were set to": 4,
    "was due to": 4,
    "is poised to": 3,
    # A commitment: "vowed to continue the legal battle" / "said they might continue" it.
    "vowed to": 3,
    "vows to": 3,
    "pledged to": 3,
    "pledges to": 3,
    "promised to": 3,
    "promises to": 3,
    "are poised to": 3,
    "was poised to": 3,
    "were poised to": 3,
    "is likely to": 2,
    "likely": 2,
    "probably": 2,
    "would": 3,
    "is considering": 1,
    "are considering": 1,
    "considers": 1,
    "is weighing": 1,
    "is mulling": 1,
    # "is under serious consideration for the post" / "has been offered the post" ("being
    # considered" is not one: "being considered pests" is being regarded as pests).
    "under consideration": 1,
    "under serious consideration": 1,
    "can": 3,
    "may": 1,
    "might": 0,
    "could": 2,
    "possibly": 1,
    "perhaps": 0,
    "reportedly": 1,
    "allegedly": 1,
    # "police suspect arson" (a verb; "the suspect" and "a murder suspect" are nouns, which
    # the modality detector tells apart).
    "suspect": 1,
    "suspected": 1,
    "apparently": 2,
    "possible": 1,
    "potential": 1,
    "potentially": 1,
    "prospective": 1,
    "is believed to": 1,
    "are believed to": 1,
    "is said to": 1,
    "appears to": 1,
    "seems to": 1,
    "appeared to": 1,
    "seemed to": 1,
    "is thought to": 1,
    "are thought to": 1,
    "was believed to": 1,
    "were believed to": 1,
    "was thought to": 1,
    "were thought to": 1,
    # "were feared killed", "is feared dead" (only after a form of "be": "residents feared
    # another quake" fears, and hedges nothing; the modality detector tells them apart).
    "feared": 1,
    "rumored": 0,
    "rumoured": 0,
    "unconfirmed": 0,
}

#: Hedges that say where a statement comes from, not how sure it is: news writes "allegedly",
#: "reportedly", "the suspected gunman" out of legal caution while another outlet states the
#: same fact plainly. Of 22 real cross-source pairs (ECB+ development rounds) in which one
#: sentence says "allegedly" and the other does not, readers found none in conflict. Such a
#: hedge on one side only is listed at low severity, never decisive. ("believed to" and
#: "thought to" are doubts, not sources: "are believed to be members" / "are members" is
#: another state of knowledge.)
REPORTING_HEDGES = frozenset(
    {
        "allegedly",
        "reportedly",
        "suspected",
        "is said to",
        "are said to",
    }
)

#: Hedges that tell a plan or an expectation: what they bear on has not happened yet ("is
#: expected to check into rehab" / "has checked into rehab"). Not the future tense, "will"
#: ("again will be required" / "previously were required" tells two times), "would" (reported
#: speech writes "will" so) nor "can".
PLAN_HEDGES = frozenset(
    h for h, level in HEDGE_LEVELS.items() if level >= 3 and h not in ("will", "would", "can")
)

#: Verbs that attribute a statement to a source.
ATTRIBUTION_VERBS = frozenset(
    "said says say told tells added adds announced announces stated states claimed claims "
    "confirmed confirms denied denies warned warns noted notes explained explains insisted "
    "insists argued argues wrote writes reported reports tweeted posted asserted asserts "
    "acknowledged admitted according allege alleges".split()
)

#: Words of relations that hold both ways: "Smith met Jones" is "Jones met Smith", so the two
#: swapping places around them changes nothing (stems: "met", "meets", "meeting" → "met").
SYMMETRIC_PREDICATES = frozenset(
    "meet met meets meeting married marry marries wed weds fought fight fights faced face faces "
    "played play plays battled battle battles clashed clash clashes talked talk talks spoke speak "
    "speaks negotiated negotiate negotiates merged merge merges tied tie ties drew draw draws "
    "competed compete competes debated debate debates partnered partner partners collided "
    "collide collides versus vs against with between among joined join joins together both "
    "alongside divorced divorce dated date dating agreed agree agrees signed sign signs traded "
    "trade trades exchanged exchange exchanges shared share shares split".split()
)

#: Heads of vague sources: "a spokesperson", "officials", "sources".
VAGUE_SOURCES = frozenset(
    "spokesperson spokesman spokeswoman official officials source sources sources aide aides "
    "person people insider insiders diplomat diplomats analyst analysts observer observers "
    "ministry government authorities police media report reports statement agency".split()
)

#: Titles and office words: shared by different people, so never evidence of the same speaker.
TITLE_WORDS = frozenset(
    "president vice prime minister ministry secretary director chief general governor senator "
    "representative mayor chairman chairwoman chair ceo spokesperson spokesman spokeswoman "
    "ambassador premier chancellor king queen prince judge justice attorney commissioner "
    "foreign interior defence defense finance health justice trade state deputy leader "
    "head officer captain colonel lieutenant sergeant major commander".split()
)

#: Short words Title Case leaves in lower case ("Man **of the** Year"): they do not count when
#: judging whether a line or a phrase is written in Title Case.
TITLE_CASE_SMALL_WORDS = frozenset(
    "a an the of to in on at for with by from and or but as vs is are".split()
)
