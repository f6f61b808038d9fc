"""The text layer: WordNet relations, names of one thing, the word alignment of two claims."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from claimcmp.text.diff import token_diff
from claimcmp.text.lexicon import prefix_change
from claimcmp.text.names import antecedent, is_demonym, named_in, same_entity
from claimcmp.text.places import other_places, typed_places
from claimcmp.text.wordnet import (
    LEXICOGRAPHER_FILES,
    adjective_of,
    is_agent,
    is_common_word,
    opposed_through_synonym,
    relation,
    sister_kind,
    wordnet,
)

WORDNET_FILES = Path("/usr/share/wordnet")


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [
        ("killed", "kill", "same"),
        ("begin", "start", "synonym"),
        ("invade", "invasion", "derived"),
        ("murdered", "killed", "hypernym"),
        ("cars", "vehicles", "hypernym"),
        ("rose", "fell", "antonym"),
        ("huge", "small", "antonym"),
        ("accepted", "rejected", "antonym"),
        ("blue", "white", "sister"),
        ("Monday", "Tuesday", "sister"),
        ("won", "defeated", "unrelated"),  # verbs: no sisters
        ("close", "long", "unrelated"),  # a rare satellite sense does not make opposites
        ("invasion", "annexation", "unrelated"),
        ("old", "teenager", "unrelated"),  # a noun is not read as a comparative ("teenage-r")
        ("low", "lower", "same"),  # a verb too: still the comparative of "low"
        ("qwertyx", "invasion", "unknown"),
    ],
)
def test_relations(x: str, y: str, expected: str) -> None:
    assert relation(x, y) == expected


def test_common_words_and_names() -> None:
    assert is_common_word("Similar") and is_common_word("RED") and is_common_word("Herald")
    assert not is_common_word("Beijing") and not is_common_word("Lukashenko")


@pytest.mark.parametrize(
    ("x", "y", "same"),
    [
        ("HP", "Hewlett-Packard", True),
        ("US", "United States", True),
        ("U.S.", "America", True),
        ("RED SOX", "Red Sox", True),
        ("Russia", "Russian", True),
        ("Kiev", "Kyiv", True),
        ("Xi", "Xi Jinping", True),
        ("FBI", "Federal Bureau of Investigation", True),
        ("Zelensky", "Zelenskiy", True),
        ("BestInsuranceXYZ", "BestInsuranceABC", False),
        ("Herald", "RED", False),
        ("Capaldi", "Smith", False),
        ("Tim", "Timothy", True),
        ("Bill Ingaldson", "William Ingaldson", True),  # a familiar form of a given name
        ("Mike", "Michael", True),
        ("Bill", "Bob", False),
        ("FAA", "Federal Aviation Administration", True),  # a key folds the doubled letter
        ("NAACP", "National Association for the Advancement of Colored People", True),
        ("DNNs", "Deep Neural Networks", True),
        ("Dan Smith", "Daniel Smith", True),
        ("Nigeria", "Nigerian", True),
        # Spelled alike, but WordNet knows them as two places or two peoples.
        ("Austria", "Australia", False),
        ("Nigeria", "Niger", False),
        ("Slovenia", "Slovakia", False),
        ("Jackson", "Jacksonville", False),
        ("Austrian", "Australian", False),
    ],
)
def test_same_entity(x: str, y: str, same: bool) -> None:
    assert same_entity(x, y) is same
    assert same_entity(y, x) is same


@pytest.mark.parametrize(
    "word",
    [
        "Australian",
        "Chinese",
        "Englishman",
        "Swiss",
        "Iraqi",
        "Roman",
        "Texan",
        "Kenyan",
        "Filipino",
        "Londoner",
        "Ukrainians",
        "russian",
        "Scot",
    ],
)
def test_demonyms(word: str) -> None:
    assert is_demonym(word)


@pytest.mark.parametrize(
    # Given names and nicknames that end like a people or that WordNet files under one.
    "word",
    ["Brian", "Sebastian", "Christian", "Julian", "Frank", "Mickey", "Rams", "Republican", "Paris"],
)
def test_not_demonyms(word: str) -> None:
    assert not is_demonym(word)


def test_word_alignment_matches_meaning_in_its_slot_and_keeps_opposites_apart() -> None:
    d = token_diff(
        "The rebels began the attack on Monday.", "On Monday the rebels started the assault."
    )
    pairs = {(d.a[i].lower, d.b[j].lower) for i, j, _ in d.matches}
    assert ("began", "started") in pairs and ("attack", "assault") in pairs
    assert not d.only_a and not d.only_b
    d = token_diff("Investors bought shares.", "Investors sold shares.")
    assert [t.text for t in d.only_a] == ["bought"] and [t.text for t in d.only_b] == ["sold"]
    # A name matched in part: the rest of it is not a detail of its own.
    d = token_diff("Xi Jinping met Lukashenko.", "Xi met Lukashenko.")
    assert not d.only_a
    # Two different names after a shared title are two names.
    d = token_diff("Prime Minister Rishi Sunak spoke.", "Prime Minister Keir Starmer spoke.")
    assert {t.text for t in d.only_a} == {"Rishi", "Sunak"}


def test_shipped_table_is_what_the_script_distils(tmp_path: Path) -> None:
    if not (WORDNET_FILES / "data.noun").is_file():
        if os.environ.get("CLAIMCMP_REQUIRE_WORDNET") == "1":
            pytest.fail(
                "CLAIMCMP_REQUIRE_WORDNET=1 but /usr/share/wordnet is missing (apt-get install wordnet-base)"
            )
        pytest.skip("WordNet database files not installed (apt-get install wordnet-base)")
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "distill_wordnet", Path(__file__).resolve().parents[1] / "scripts" / "distill_wordnet.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path / "wordnet.json.gz"
    assert module.main(["--wordnet", str(WORDNET_FILES), "--out", str(out)]) == 0
    shipped = Path(__file__).resolve().parents[1] / "claimcmp" / "data" / "wordnet.json.gz"
    assert out.read_bytes() == shipped.read_bytes()
    data = json.loads(gzip.decompress(out.read_bytes()))
    assert len(data["synsets"]) == len(wordnet()._synsets)


def test_word_weights_count_a_fact_s_rare_words_more_than_the_story_s() -> None:
    from claimcmp.text.lexicon import stem
    from claimcmp.text.overlap import WordWeights, content_stems

    assert stem("falling") in content_stems("He fell; she was falling.")
    story = [
        "A 36-year-old climber died after falling 150 metres from a ridge.",
        "On Friday the 36-year-old climber died after falling 200 feet from a ridge.",
        "A second climber died in the park on Saturday.",
        "The park's rangers said the climber had died.",
    ]
    weights = WordWeights(story)
    same_fact, story_words = weights.shared(0, 1), weights.shared(0, 2)
    assert all(0.0 <= x <= 1.0 for x in (*same_fact, *story_words))
    assert same_fact[0] > story_words[0] and same_fact[1] > story_words[1]
    assert weights.idf[stem("ridge")] > weights.idf[stem("climber")]
    # Two texts alone: every word is in one or both, and shared words still count.
    alone = WordWeights(["Police said 12 people were hurt.", "Police said 14 people were hurt."])
    assert 0.5 < alone.shared(0, 1)[0] < 1.0
    assert WordWeights(["", "Police said so."]).shared(0, 1) == (0.0, 0.0)


def test_main_antonyms_read_the_main_sense_only() -> None:
    wn = wordnet()
    assert "unsuccessful" in wn.main_antonyms("successful")
    assert "open" in wn.main_antonyms("closed")
    assert "innocent" in wn.main_antonyms("guilty")
    # "said" is an inflected verb: the rare adjective ("the said agreement") does not count.
    assert wn.main_antonyms("said") == frozenset()
    assert wn.main_antonyms("are") == frozenset()


def test_opposite_senses_through_synonyms() -> None:
    assert relation("easy", "hard") == "antonym"
    assert relation("large", "little") == "antonym"
    # Adjectives only: "coming in" / "14:05 left" are not opposites through come / leave.
    assert relation("coming", "left") != "antonym"
    assert relation("said", "told") != "antonym"
    assert relation("blue", "white") == "sister"
    # Through the heads of two satellites: extensive → large, limited → small.
    assert relation("extensive", "limited") == "antonym"
    assert relation("free", "paid") == "antonym"
    assert relation("happy", "pleased") != "antonym"
    # Amount words: WordNet's cardinal / ordinal and whole / fractional are no opposites here.
    assert relation("six", "sixth") != "antonym"
    assert relation("total", "half") != "antonym"


def test_opposed_through_a_synonym() -> None:
    # lower / raise, and raise shares a sense with increase; vivid is a kind of bright.
    assert opposed_through_synonym("lowered", "increased")
    assert opposed_through_synonym("vivid", "dull")
    assert opposed_through_synonym("increased", "lowered")
    # The chain can oppose words that share a sense; the negation detector asks relation()
    # first, and "newest" / "latest" are synonyms (tests/test_detectors_lexical.py).
    assert relation("newest", "latest") == "synonym"
    assert not opposed_through_synonym("reported", "said")


@pytest.mark.parametrize(
    ("x", "y", "kind"),
    [
        ("milk", "butter", "noun.food"),
        ("station", "airport", "noun.artifact"),
        ("blue", "white", "noun.attribute"),
        ("verification", "validation", "noun.cognition"),
        ("instructions", "guidance", "noun.act"),
        ("invasion", "annexation", None),  # not sisters at all
    ],
)
def test_sister_kind(x: str, y: str, kind: str | None) -> None:
    assert sister_kind(x, y) == kind
    assert kind is None or kind in LEXICOGRAPHER_FILES


@pytest.mark.parametrize(
    ("word", "agent"),
    [
        ("witnesses", True),
        ("coach", True),
        ("prosecutors", True),
        ("council", True),
        ("report", False),
        ("study", False),
        ("said", False),
        ("Reuters", False),
    ],
)
def test_nouns_for_people(word: str, agent: bool) -> None:
    assert is_agent(word.lower()) is agent


def test_stem_undoes_a_doubled_consonant() -> None:
    from claimcmp.text.lexicon import stem

    assert stem("dropped") == stem("drop")
    assert stem("planning") == stem("plan")
    assert stem("added") == stem("add")  # a short stem keeps its double letter
    assert stem("called") == stem("call")


def test_inflected_opposites_are_not_aligned_as_synonyms() -> None:
    d = token_diff("She refused the offer.", "She accepted the offer.")
    assert [t.text for t in d.only_a] == ["refused"] and [t.text for t in d.only_b] == ["accepted"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The polls closed at 8 p.m. on Tuesday.", ["8 p.m."]),
        ("Police arrived at 6:55 a.m. EST.", ["6:55 a.m. EST"]),
        ("The store is open from 9 a.m. to 5 p.m. daily.", ["from 9 a.m. to 5 p.m."]),
        ("The vote is between 8 and 10 p.m.", ["between 8 and 10 p.m."]),
        ("The blast came at 14:30, and a second one at noon.", ["14:30", "noon"]),
        ("Talks resumed at 1430 GMT.", ["1430 GMT"]),
        # Scores, ratios, game clocks, years: no times of day.
        ("He scored with 4:43 left.", []),
        ("The Lakers won 102-98 in 2009.", []),
        ("The odds were 2:1 against.", []),
    ],
)
def test_find_times(text: str, found: list[str]) -> None:
    from claimcmp.text.dates import find_times

    assert [text[t.start : t.end] for t in find_times(text)] == found


def test_times_agree_on_either_clock_and_across_zones() -> None:
    from claimcmp.text.dates import TimeMention, find_times, times_agree

    def one(text: str) -> TimeMention:
        (t,) = find_times(text)
        return t

    assert times_agree(one("at 6:55"), one("at 6:55 p.m."))  # no a.m./p.m.: either
    assert not times_agree(one("at 6:55"), one("at 8:55 p.m."))
    assert times_agree(one("at 8 p.m. ET"), one("at 5 p.m. PT"))
    assert times_agree(one("at 1 a.m. GMT"), one("at 8 p.m. EST"))  # the day before
    assert not times_agree(one("at 8 p.m."), one("at 8:30 p.m."))
    assert times_agree(one("at about 8 p.m."), one("at 8:30 p.m."))


def test_find_times_reads_a_tokenised_colon_and_noon_only_as_a_time() -> None:
    from claimcmp.text.dates import find_times

    def found(text: str) -> list[str]:
        return [text[t.start : t.end] for t in find_times(text)]

    # "7: 48 am" as a tokenised corpus writes it is 7:48, not "48 am" or "48" hours.
    assert found("The quake hit at 7: 48 am local time.") == ["7: 48 am"]
    assert found("Posted December 23, 2012 6: 11 PM") == ["6: 11 PM"]
    assert found("Just before midnight on Tuesday, shots rang out.") == ["midnight"]
    assert found("Reversing the administration's midnight action.") == []


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [
        ("ex-roommate", "roommate", ("ex", "")),
        ("pre-war", "post-war", ("pre", "post")),
        ("suboptimal", "optimal", ("sub", "")),
        ("final", "semifinal", ("", "semi")),
        ("subway", "way", None),  # too short a word under the prefix
        ("exchange", "change", None),  # "ex" counts only with a hyphen
        ("re-elected", "elected", None),  # not a prefix that makes another thing
    ],
)
def test_prefix_change(x: str, y: str, expected: tuple[str, str] | None) -> None:
    assert prefix_change(x, y) == expected


@pytest.mark.parametrize(
    ("adverb", "adjective"),
    [
        ("commonly", "common"),
        ("happily", "happy"),
        ("probably", "probable"),
        ("fully", "full"),
        ("rarely", "rare"),
        ("seldom", None),
        ("only", None),
        ("fly", None),
    ],
)
def test_adjective_of(adverb: str, adjective: str | None) -> None:
    assert adjective_of(adverb) == adjective


# ---------------------------------------------------------------- pronouns


@pytest.mark.parametrize(
    ("pronoun", "before", "name"),
    [
        # The subject of the sentence before, after an aside.
        ("He", ("Garza, who missed the opener, was listed as inactive.", ""), "Garza"),
        ("she", ("Judge Amy Holt (appointed in 2011) has ruled twice.", ""), "Holt"),
        # A name that is also a word, opening the sentence before a verb.
        ("his", ("Crane played in ten games.", "If so, "), "Crane"),
        # The subject of the pronoun's own sentence comes first.
        ("he", ("Nadal won in Paris.", "Wright lost the final before he "), "Wright"),
        ("he", ("Police said Marsh was hurt.", "Crane lost the final before he "), "Crane"),
        # "who" stands for the name right before it.
        ("who", ("", "The team will rely on Ana Ruiz and Jo Park, "), "Park"),
        # No named subject: nothing is guessed.
        ("He", ("The suspect was arrested on Tuesday.", ""), None),
        ("He", ("Don't cry for Cheeks on the financial front.", ""), None),
        # Words for people are not what "he" stands for; the name after them is.
        ("he", ("Officials said Marsh was taken to hospital.", ""), "Marsh"),
        ("he", ("Police said he fled.", ""), None),
        # "who" after words that are not a name.
        ("who", ("", "Two men were arrested, "), None),
        # Only the sentence before, no further.
        ("He", ("Garza was listed as inactive.", "The team lost.", ""), None),
        # Not a personal pronoun.
        ("they", ("Garza was listed as inactive.", ""), None),
        ("He", (), None),
    ],
)
def test_a_pronoun_stands_for_the_named_subject_before_it(
    pronoun: str, before: tuple[str, ...], name: str | None
) -> None:
    assert antecedent(pronoun, before) == name


def test_named_in_finds_a_name_written_another_way() -> None:
    assert named_in("Harrison", ("Marvin Harrison did not play.",))
    assert named_in("US", ("The United States said no.",))
    assert not named_in("Manning", ("Marvin Harrison did not play.", ""))


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("An earthquake rattled Indonesia's West Papua province.", [("West Papua", "province")]),
        ("It struck the northern Indonesian province of Aceh.", [("Aceh", "province")]),
        (
            "It was 55 km west of the town of Bireun on Sumatra island.",
            [("Bireun", "town"), ("Sumatra", "island")],
        ),
        ("Papua's main city of Manokwari", [("Manokwari", "city")]),
        ("a school in the Jabaliya refugee camp", [("Jabaliya", "refugee camp")]),
        # A capitalised kind is part of a longer name.
        ("The State Department and Province House said so.", []),
        # A name WordNet knows as a place, where something is: its scale.
        ("The powerful quakes in Papua on Sunday.", [("Papua", "state")]),
        ("A Texas man said so.", []),
    ],
)
def test_typed_places(text: str, places: list[tuple[str, str]]) -> None:
    found = typed_places(text)
    assert [(p.name, p.kind) for p in found] == places
    assert all(text[p.start : p.end].startswith(p.name) for p in found)


def test_other_places_are_two_places_of_one_kind_neither_text_shares() -> None:
    a = "A quake rattled Indonesia's West Papua province on Wednesday."
    b = "A quake struck the northern Indonesian province of Aceh on Tuesday."
    x, y = other_places(a, b)  # type: ignore[misc]
    assert (x.name, y.name, x.kind) == ("West Papua", "Aceh", "province")
    # One place of that kind in both, or the other's place named anywhere: not two places.
    assert other_places(a, "A quake struck West Papua province and Aceh province.") is None
    assert other_places(a, "A quake in Aceh province was felt in West Papua.") is None
    # Places of two kinds are not compared (a town may lie in the province).
    assert other_places(a, "A quake struck the town of Bireun on Tuesday.") is None
    # Kinds are compared at their scale: a province and a state WordNet knows.
    c = "A powerful earthquake in Indonesia's Aceh province killed five people."
    x, y = other_places(c, "The powerful quakes in Papua killed one person.")  # type: ignore[misc]
    assert (x.name, y.name, x.scale, y.scale) == ("Aceh", "Papua", "state", "state")
    # "West Papua" and "Papua" can be one place.
    assert other_places(a, "The powerful quakes in Papua killed one person.") is None
