"""Number and unit detectors, with the variants that must not fire."""

from __future__ import annotations

import pytest

from claimcmp.detectors import NumberDetector, UnitDetector
from claimcmp.protocols import ClaimText
from claimcmp.text.quantities import find_quantities


def found(a: str, b: str) -> list[tuple[str, str, str, str]]:
    out = []
    for det in (NumberDetector(), UnitDetector()):
        for d in det.detect(ClaimText(a), ClaimText(b)):
            if d.severity != "low":
                assert d.a_span is not None and d.b_span is not None
                assert a[d.a_span[0] : d.a_span[1]] == d.a_text
                assert b[d.b_span[0] : d.b_span[1]] == d.b_text
                out.append((d.kind, d.a_text, d.b_text, d.explanation))
    return out


def kinds(a: str, b: str) -> list[str]:
    return [k for k, *_ in found(a, b)]


@pytest.mark.parametrize(
    ("text", "value", "category"),
    [
        ("twelve people", 12, "plain"),
        ("a dozen people", 12, "plain"),
        ("twenty-five people", 25, "plain"),
        ("$5 billion", 5e9, "money"),
        ("$5bn", 5e9, "money"),
        ("€3.2m", 3.2e6, "money"),
        ("40 percent", 40, "percent"),
        ("40%", 40, "percent"),
        ("1,000-kilometer", 1000, "measure"),
        ("in 1994", 1994, "year"),
        ("300 million dollars", 3e8, "money"),
    ],
)
def test_quantity_values(text: str, value: float, category: str) -> None:
    q = find_quantities(text)
    assert q, text
    assert q[0].value == pytest.approx(value)
    assert q[0].category == category


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # Thousands as a tokenised corpus writes them (ECB+): one figure, not "2" and "129".
        ("McDermott now has 2, 129 points.", [2129]),
        ("the record of 2, 106.", [2106]),
        ("a crowd of 1, 250, 000 people", [1250000]),
        # A day and a count: "March 3, 200 people" is not 3,200.
        ("On March 3, 200 people marched.", [200]),
        ("On Sept. 11, 300 people died.", [300]),
        ("In 2008, 150 people died.", [2008, 150]),
        ("a 2, 106.5 average", [2, 106.5]),
    ],
)
def test_tokenised_thousands(text: str, values: list[float]) -> None:
    assert [q.value for q in find_quantities(text)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # Fractions as markets and measures write them: one figure each.
        ("Shares were down three percent at 165-1/4 pence.", [3, 165.25]),
        ("The stock rose 3 1/2 points to 45 1/4.", [3.5, 45.25]),
        ("The 30-year bond lost 14/32.", [30, 0.4375]),
        # Dates and ratios written with a slash are no counts.
        ("After 9/11, on 05/02/2013, the shop stayed open 24/7 for 12 people.", [12]),
        # A time zone makes a figure a clock time.
        ("Shares fell 1.5 percent by 1420 GMT.", [1.5]),
        ("Polls opened at 8 a.m. local time (0300 GMT).", []),
    ],
)
def test_fractions_slashes_and_time_zones(text: str, values: list[float]) -> None:
    assert [q.value for q in find_quantities(text)] == pytest.approx(values)


def test_and_joins_a_range_only_after_between() -> None:
    quakes = find_quantities("Two quakes, measuring 7.6 and 7.4, struck west of Manokwari.")
    assert [(q.value, q.upper) for q in quakes] == [(2, None), (7.6, None), (7.4, None)]
    (years,) = find_quantities("They won five times between 1981 and 1994")[1:]
    assert (years.value, years.upper) == (1981, 1994)


def test_a_price_told_with_a_fraction_is_not_compared_with_its_denominator() -> None:
    a = "Shares in BA were down 1.5 percent at 168 pence by 1420 GMT, off a low of 164p."
    b = "Shares in BA were down three percent at 165-1/4 pence by 0933 GMT, off a low of 164 pence."
    compared = {t for _, x, y, _ in found(a, b) for t in (x, y)}
    assert compared & {"4", "1420", "0933"} == set(), compared
    assert "165-1/4" in compared  # the price, whole (told at two times: found, for an editor)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # Decimals as a tokenised corpus writes them (ECB+): one figure, not "6" and "1".
        ("A magnitude - 6. 1 earthquake struck Aceh.", [6.1]),
        ("He averaged 14. 4 points and 6. 9 assists.", [14.4, 6.9]),
        ("to settle a $5. 3 million debt", [5_300_000]),
        # A year ending a sentence, and a figure after a range, are not decimals.
        ("It happened in 2009. 3 people died.", [2009, 3]),
        ("The vote was 98 to 2. 3 members abstained.", [98, 3]),
    ],
)
def test_tokenised_decimals(text: str, values: list[float]) -> None:
    assert [q.value for q in find_quantities(text)] == pytest.approx(values)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A measure in words rounds like one in digits; so does a tokenised decimal.
        ("The quake struck at a depth of 6.2 miles.", "The quake struck at a depth of six miles."),
        ("The quake struck at a depth of 6. 2 miles.", "The quake struck at a depth of 6 miles."),
    ],
)
def test_a_measure_rounded_to_its_written_precision_is_not_a_conflict(a: str, b: str) -> None:
    for x, y in ((a, b), (b, a)):
        assert found(x, y) == [], (x, y)


def test_one_of_is_not_a_number() -> None:
    assert find_quantities("Belarus was one of the first to join.") == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Police said 12 people were injured.", "Police said 14 people were injured."),
        ("Trade grew 33% last year.", "Trade grew 23% last year."),
        ("The deal is worth $5 billion.", "The deal is worth $6 billion."),
        ("twelve people were hurt in the blast", "fifteen people were hurt in the blast"),
        ("The fire burned 300 acres.", "The fire burned 3,000 acres."),
        ("He was elected in 1994.", "He was elected in 1996."),
        ("The border is 1,000 km long.", "The border is 900 km long."),
        # The subject nearest the figure's verb holds it: VanDeest's 13, not Carter's.
        (
            "Richard Carter scored 14 points and Seth VanDeest scored 13 for the Bulldogs.",
            "Seth VanDeest scored 11 points for the Bulldogs.",
        ),
        # Scores of one moment, and counts of one part, are still compared.
        (
            "The Colts beat the Jaguars 31-24 on Sunday.",
            "The Colts beat the Jaguars 31-21 on Sunday.",
        ),
        ("The Colts led 17-7 at halftime.", "The Colts led 17-10 at halftime."),
        (
            "He scored his first 10 points in the first half.",
            "He scored his first 12 points in the first half.",
        ),
        ("McDermott now has 2, 129 points.", "McDermott now has 2, 029 points."),
        # Two numbers of one series label are compared.
        ("He was hurt in Week 3.", "He was hurt in Week 5."),
        # One person's age told two ways.
        ("Police arrested Horton, 34, on Monday.", "Police arrested Horton, 35, on Monday."),
        # One holder, named in both.
        (
            "Thomas missed nine games this season.",
            "Thomas was hurt in September and missed 10 games.",
        ),
        # "Australian" is not whom the figure is said of.
        (
            "An Australian climber fell 150 metres on Friday.",
            "Duncan Rait fell 200 metres on Friday.",
        ),
        # One toll told with two verbs.
        ("Doctors said 42 people were killed.", "Doctors said 50 people died."),
        # Quarters as business news abbreviates them.
        (
            "They expect Q3 revenue to be lower than Q2.",
            "They expect Q4 revenue to be lower than Q2.",
        ),
        # A figure written twice: its twin in the same slot is its counterpart.
        (
            "It expects earnings of $1.30 to $1.40 for Q4 2020 and saw a decrease in sales for Q3 2020.",
            "It expects earnings of $1.30 to $1.40 for Q4 2019 and saw a decrease in sales for Q3 2020.",
        ),
        # Spans of time convert exactly: a year is not six months rounded.
        ("They got a discount for a one-year deal.", "They got a discount for a six-month deal."),
        # Two spans before the same kind of moment.
        (
            "The vote was held two days before the deadline.",
            "The vote was held three days before the deadline.",
        ),
        # What two counts have is said of them alike: one count told two ways.
        (
            "Twelve people with injuries were taken to hospital.",
            "Ten people with injuries were taken to hospital.",
        ),
        # A toll of one outcome, though the other claim writes the figure for another.
        (
            "Three people were killed and five injured in the blast.",
            "Five people were killed in the blast.",
        ),
        (
            "Two soldiers died and four were wounded in the attack.",
            "Four soldiers died in the attack.",
        ),
    ],
)
def test_number_changes_are_found(a: str, b: str) -> None:
    assert kinds(a, b) == ["number"]


@pytest.mark.parametrize(
    ("a", "b", "compared"),
    [
        # One end in common, in place: the two ranges fill one slot, whatever the words around.
        (
            "The 49ers won the Super Bowl five times between 1981 and 1994.",
            "The 49ers won five Super Bowl titles between 1981 and 1995.",
            True,
        ),
        (
            "Sales will grow 4-7% this year, the firm said.",
            "Sales will expand 4-9% this year.",
            True,
        ),
        # A score or a record is two counts, not a range.
        (
            "The Tar Heels (10-0) beat visiting Evansville (7-2).",
            "Hansbrough went 7-for-14 as the Tar Heels beat Evansville.",
            False,
        ),
    ],
)
def test_ranges_with_one_end_in_common_are_compared(a: str, b: str, compared: bool) -> None:
    hits = found(a, b)
    assert bool(hits) == compared, hits
    if compared:
        assert "range" in hits[0][3]


def test_quarters_and_halves() -> None:
    found = find_quantities("Q3 sales beat Q2 and H1 profit rose; the H5N1 virus; Q7 road")
    assert [(q.text, q.value, q.category, q.context) for q in found] == [
        ("Q3", 3, "ordinal", "quarter"),
        ("Q2", 2, "ordinal", "quarter"),
        ("H1", 1, "ordinal", "half"),
    ]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Police said 12 people were injured.", "Police said twelve people were injured."),
        ("Police said 12 people were injured.", "Police said a dozen people were injured."),
        ("The plan costs 1,000 dollars.", "The plan costs 1000 dollars."),
        ("The deal is worth $5 billion.", "The deal is worth $5bn."),
        ("The deal is worth $5.2 billion.", "The deal is worth $5 billion."),
        ("about 1,000 people marched", "some 980 people marched"),
        ("more than 1,000 people marched", "1,200 people marched"),
        ("The border is 1,000 km long.", "The border is 621 miles long."),
        ("a 1,000-kilometer (621-mile) border", "a 1,000 km (621 mi) border"),
        ("It was 40°C in the shade.", "It was 104 degrees Fahrenheit in the shade."),
        ("Ten people were hurt.", "Officials gave no figure."),
        ("McDermott now has 2, 129 points.", "McDermott now has 2,129 points."),
        # Two moments of a game: a halftime lead and a later lead.
        (
            "Scobee's field goal gave Jacksonville a 17-7 halftime lead.",
            "The interception gave the Colts a 31-24 lead.",
        ),
        (
            "His three-point play made it 60 - 46 with 6: 11 to go.",
            "His three-point play stretched the Creighton lead to 50 - 44.",
        ),
        # Two counts of one noun with different things said of it.
        (
            "Some 30 people were killed when shells landed.",
            "Shells landed at the school where 350 people were taking shelter.",
        ),
        # Each figure said of someone the other claim does not name.
        (
            "McAllister rushed for 404 yards and two touchdowns.",
            "Since Week 11, Thomas has eight touchdowns on 498 rushing yards.",
        ),
        # The subject right before the figure's verb, also after a first name that is a
        # common word, a role before the name, or another subject earlier in the clause.
        (
            "Hansbrough scored 20 points last night for the Tar Heels.",
            "Mike Rosario scored 22 points for the Scarlet Knights.",
        ),
        (
            "Richard Carter scored 14 points and Seth VanDeest scored 13 for the Bulldogs.",
            "Starting center Gregory Echenique scored 11 points for the Bulldogs.",
        ),
        # "Week 3" says which week, not how many.
        (
            "He was hurt in Week 3, then missed nine games.",
            "He was hurt in September and missed nine games, his tenth season.",
        ),
        ("He was hurt in Week 3, then missed games.", "He missed 10 games."),
        # Two people's ages, each named beside their age.
        (
            "The shooting claimed the life of 34-year-old Zurana Horton.",
            "Twenty-year-old Andrew Lopez is accused of firing from a rooftop.",
        ),
        # Two people's ages even where the other claim names the first person too.
        (
            "Trial is set for June 17 for 26-year-old Christopher Kenyon Simpson of Fort Coffee.",
            "The jury convicted Christopher Kenyon Simpson in the death of 20-year-old Ka'loni Flynn.",
        ),
        # Telephone numbers are not figures.
        ("Call Sgt. La Croix at 745 - 4811.", "Call Sgt. La Croix at 907 - 745 - 4811."),
        # A clock time as a tokenised corpus writes it is not a count.
        ("Five bombs were dropped.", "Planes dropped bombs at 3: 20 p. m. on Thursday."),
        # Two distances, each with its conversion: the two 15s are not one figure.
        (
            "The camp is less than 25 km (15 miles) from the border.",
            "The camp is located 10 miles (15 kilometers) south of the border.",
        ),
        # The same span of time in two units.
        ("They got a discount for a one-year deal.", "They got a discount for a 12-month deal."),
        # A figure told for the same outcome in both claims is accounted for.
        (
            "The blast killed three people and injured five.",
            "Five people were injured and three were killed by the blast.",
        ),
        # A count of the dead and a count of people with injuries are two counts.
        (
            "Twelve people were killed by a landslide in the district, officials said.",
            '"We have received around 50 people with injuries from the landslide," a doctor '
            "in the district said.",
        ),
        # A span from now and a span before a named moment are two figures.
        (
            "The new rules will take effect in about 30 days.",
            "The new rules take effect nine days before the inauguration.",
        ),
        ("The talks lasted two weeks.", "The talks lasted 14 days."),
        # A part of a count and the whole: both true.
        (
            "Those 10 points tied McDermott with Rodney Buford.",
            "McDermott scored 23 points and became the leading scorer.",
        ),
    ],
)
def test_number_variants_do_not_fire(a: str, b: str) -> None:
    assert kinds(a, b) == []


def test_rounding_is_explained_at_low_severity() -> None:
    a, b = ClaimText("The deal is worth $5.2 billion."), ClaimText("The deal is worth $5 billion.")
    low = list(NumberDetector().detect(a, b))
    assert len(low) == 1 and low[0].severity == "low" and "rounding" in low[0].explanation


@pytest.mark.parametrize(
    ("a", "b", "a_text", "b_text"),
    [
        (
            "the 1,000 kilometer (621 kilometer) border",
            "the 1,000-kilometer (621-mile) border",
            "621 kilometer",
            "621-mile",
        ),
        ("gusts of 68 mph", "gusts of 68 km/h", "68 mph", "68 km/h"),
        ("the tank holds 50 gallons", "the tank holds 50 liters", "50 gallons", "50 liters"),
        ("a 20-pound fish", "a 20-kilogram fish", "20-pound", "20-kilogram"),
    ],
)
def test_unit_changes_are_found(a: str, b: str, a_text: str, b_text: str) -> None:
    got = found(a, b)
    assert [(k, x, y) for k, x, y, _ in got] == [("unit", a_text, b_text)]
    assert "not the same quantity" in got[0][3]


def test_unit_detector_ignores_number_changes() -> None:
    assert [
        d.kind for d in UnitDetector().detect(ClaimText("a 5 km walk"), ClaimText("a 7 km walk"))
    ] == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("through the 1,000 kilometer (621 kilometer) border", "1,000 kilometer (621 kilometer)"),
        ("gusts of 40 km (40 miles) an hour", "40 km (40 miles)"),
        ("a 5 kg (5 miles) parcel", "5 kg (5 miles)"),
        ("a camp 10 miles (25 kilometers) south", "10 miles (25 kilometers)"),
    ],
)
def test_conversion_anomalies(text: str, flagged: str) -> None:
    from claimcmp.text.quantities import conversion_anomalies

    found = conversion_anomalies(text)
    assert [text[s:e] for (s, e), _ in found] == [flagged]


@pytest.mark.parametrize(
    "text",
    [
        "the 1,000-kilometer (621-mile) border",
        "a 400 meters (1,312 feet) span",
        "about 40 kilometers (25 miles) away",
        # Rounded as news rounds conversions (7 % and 3.5 % off).
        "located 10 miles (15 kilometers) south of the border",
        "less than 25 km (15 miles) from the border",
    ],
)
def test_consistent_conversions_are_not_anomalies(text: str) -> None:
    from claimcmp.text.quantities import conversion_anomalies

    assert conversion_anomalies(text) == []


def test_ordinals_compare_in_their_slot() -> None:
    assert kinds(
        "Results for the first quarter were strong.", "Results for the fourth quarter were strong."
    ) == ["number"]
    # "the one-year anniversary" is the first, whichever way it is written.
    assert kinds(
        "Protesters marked the one-year anniversary of the war.",
        "Protesters marked the second anniversary of the war.",
    ) == ["number"]
    assert kinds("their 10-year anniversary", "their 12th anniversary") == ["number"]
    assert kinds("their 10-year anniversary", "their tenth anniversary") == []
    assert (
        kinds("the first anniversary of the crash", "the one-year anniversary of the crash") == []
    )
    # A duration before anything else stays a duration ("a 10-year contract").
    assert find_quantities("a 10-year contract")[0].category == "measure"
    assert (
        kinds("Belarus was one of the first to join.", "Belarus was among the first to join.") == []
    )


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # Counts of different things are two facts, however the neighbours align.
        (
            "Doctors said more than 40 people died when the school was hit.",
            "Mr Ging said three artillery shells hit the school.",
            [],
        ),
        (
            "Hundreds of buildings were damaged, as well as seven bridges, he said.",
            "The quake damaged 8 bridges, and 4 school buildings.",
            [("number", "seven", "8")],
        ),
        (
            "He finished with 404 yards and two touchdowns on 106 carries.",
            "He finished with 404 yards, as well as 52 catches.",
            [],
        ),
        (
            "Scobee made a 44-yard field goal before the break.",
            "Wayne got 108 yards receiving before the break.",
            [],
        ),
        (
            "Scobee made a 44-yard field goal before the break.",
            "Scobee made a 45-yard field goal before the break.",
            [("number", "44-yard", "45-yard")],
        ),
        # The same thing counted, in another word or an irregular plural.
        (
            "The quake killed one person on Sunday.",
            "The quake killed four people on Sunday.",
            [("number", "one", "four")],
        ),
        (
            "The fire hurt seven young children.",
            "The fire hurt nine children.",
            [("number", "seven", "nine")],
        ),
        # A measure's unit says what it measures: the words after it are the setting.
        (
            "A climber died after falling about 150 metres at Mount Cook.",
            "A climber died after falling about 200ft from a ridge.",
            [("number", "about 150 metres", "about 200ft")],
        ),
    ],
)
def test_counts_compare_only_what_they_count(
    a: str, b: str, expected: list[tuple[str, str, str]]
) -> None:
    assert [(k, x, y) for k, x, y, _ in found(a, b)] == expected
    assert [(k, y, x) for k, x, y, _ in found(b, a)] == expected


@pytest.mark.parametrize(
    ("a", "b", "compared"),
    [
        # The number of a name is not a count.
        (
            "The patch fixes a flaw in every version of the browser, including IE11 on Windows 8.",
            "The patch fixes 47 flaws in every version of the browser, including 10 critical flaws.",
            False,
        ),
        (
            "The vote follows the rules of the constitution, including Article 60.",
            "The vote follows the rules of the constitution, including 61 clauses.",
            False,
        ),
        # Two numbers of one name are one figure; a box score is a count.
        (
            "The rule is set out in Article 60 of the constitution.",
            "The rule is set out in Article 61 of the constitution.",
            True,
        ),
        (
            "Hansbrough 20, Ellington 15 led the Tar Heels.",
            "Hansbrough 22, Ellington 15 led the Tar Heels.",
            True,
        ),
    ],
)
def test_the_number_of_a_name_is_not_a_count(a: str, b: str, compared: bool) -> None:
    found = [d for d in NumberDetector().detect(ClaimText(a), ClaimText(b)) if d.kind == "number"]
    assert bool(found) == compared, found


@pytest.mark.parametrize(
    ("a", "b", "a_text", "b_text"),
    [
        (
            "Leaders of the G7 met in Tokyo on Friday.",
            "Leaders of the G20 met in Tokyo on Friday.",
            "G7",
            "G20",
        ),
        ("The phone runs on 4G networks.", "The phone runs on 5G networks.", "4G", "5G"),
        ("It offers a free 3D visualization.", "It offers a free 2D visualization.", "3D", "2D"),
        (
            "Doctors confirmed a case of H1N1 flu.",
            "Doctors confirmed a case of H5N1 flu.",
            "H1N1",
            "H5N1",
        ),
        (
            "The 76ers beat the Knicks on Sunday.",
            "The 49ers beat the Knicks on Sunday.",
            "76ers",
            "49ers",
        ),
        ("Deliveries for 4Q 2020 will rise.", "Deliveries for 1Q 2020 will rise.", "4Q", "1Q"),
    ],
)
def test_another_figure_in_a_designation_is_found(a: str, b: str, a_text: str, b_text: str) -> None:
    assert [(k, x, y) for k, x, y, _ in found(a, b)] == [("number", a_text, b_text)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # The same figure, written another way.
        ("Leaders of the G20 met in Tokyo.", "Leaders of the G-20 met in Tokyo."),
        ("It offers a free 3D visualization.", "It offers a free 3-D visualization."),
        # Another code with the same figure is a word swap, not another figure.
        ("Use the code ELITEFIT15 at checkout.", "Use the code FITNESS15 at checkout."),
        # Ordinals and clock times have their own rules.
        ("She was crossing near 27th Street.", "She was crossing near 117th Street."),
        # Two designations that are not each other's counterpart.
        ("The G7 met after the G20 summit.", "The G20 met after the G7 summit."),
    ],
)
def test_designations_that_agree_or_do_not_correspond_are_not_found(a: str, b: str) -> None:
    assert not [f for f in found(a, b) if "designation" in f[3]]


def test_made_and_attempted_is_one_record_not_a_count() -> None:
    a = ClaimText("Vaughn finished with 16 points and nine rebounds for North Carolina.")
    b = ClaimText(
        "Vaughn finished 7-for-14 from the field and had nine rebounds for North Carolina."
    )
    assert [d for d in NumberDetector().detect(a, b) if d.kind == "number"] == []
    c = ClaimText(
        "Vaughn finished 6-for-14 from the field and had nine rebounds for North Carolina."
    )
    (found,) = [d for d in NumberDetector().detect(b, c) if d.kind == "number"]
    assert (found.a_text, found.b_text) == ("7-for-14", "6-for-14")


def test_an_average_is_not_one_value() -> None:
    a = ClaimText(
        "In his five games, Hansbrough averaged a team-high 22.8 points and 7.2 rebounds."
    )
    b = ClaimText("In his five games, Hansbrough had 24 points and 7.2 rebounds.")
    assert [d for d in NumberDetector().detect(a, b) if d.kind == "number"] == []
    c = ClaimText(
        "In his five games, Hansbrough averaged a team-high 21.8 points and 7.2 rebounds."
    )
    (found,) = [d for d in NumberDetector().detect(a, c) if d.kind == "number"]
    assert (found.a_text, found.b_text) == ("22.8", "21.8")


def test_two_tolls_swapped_between_outcomes_are_both_found() -> None:
    a = "The blast killed three people and injured five others."
    b = "The blast killed five people and injured three others."
    for x, y in ((a, b), (b, a)):
        found = [(d.a_text, d.b_text) for d in NumberDetector().detect(ClaimText(x), ClaimText(y))]
        assert sorted(found) == sorted([("three", "five"), ("five", "three")]), (x, y)


@pytest.mark.parametrize(
    ("a", "b", "severity"),
    [
        # Two tellings of a developing toll: "at least five" holds wherever "at least one"
        # does not contradict it.
        (
            "A powerful earthquake in Aceh province flattened buildings Tuesday, killing at least five people.",
            "An earthquake which hit the province of Aceh on Tuesday killed at least one person.",
            "medium",
        ),
        (
            "More than 200 people were reported injured across the province.",
            "Officials said more than 50 people were hurt by the quake.",
            "medium",
        ),
        # In one text edited, a changed bound is a changed figure.
        (
            "More than 200 people were injured in the blast.",
            "More than 50 people were injured in the blast.",
            "high",
        ),
        # A bound and an exact figure are not two bounds (the editors' "at least three" / "10").
        ("At least three people died in the storm.", "The storm killed 10 people.", "high"),
        # Two "nearly" figures are estimates just short of their values, not bounds.
        (
            "The flood has displaced nearly 300,000 people, officials said.",
            "Nearly 235,000 people have been displaced by the flood.",
            "high",
        ),
    ],
)
def test_two_lower_bounds_of_reworded_claims_are_not_a_conflict(
    a: str, b: str, severity: str
) -> None:
    for x, y in ((a, b), (b, a)):
        (d,) = NumberDetector().detect(ClaimText(x), ClaimText(y))
        assert d.severity == severity, (x, y, d)
        assert (d.confidence >= 0.5) == (severity == "high")


def test_a_figure_written_twice_keeps_the_twin_the_alignment_pairs() -> None:
    a = "A system was used where all 25 people sent things to all 25 others."
    b = "A system was used where only 20 people sent things to all 25 others."
    for x, y in ((a, b), (b, a)):
        assert [(k, *sorted((xa, yb))) for k, xa, yb, _ in found(x, y)] == [("number", "20", "25")]


def test_what_a_qualified_figure_is_said_of_is_read_past_its_qualifier() -> None:
    # "left more 50 people with serious injuries" and "killed at least 40 people": two counts
    # of two outcomes; the verb before "at least" says what the 40 are.
    a = (
        "Mr Ging struggled to contain his anger at the attack that has also left more 50 people "
        "with serious injuries, 10 of whom remain critical."
    )
    b = (
        "Israeli forces on Tuesday killed at least 40 people during an attack on a United "
        "Nations-run school in Gaza."
    )
    for x, y in ((a, b), (b, a)):
        assert list(NumberDetector().detect(ClaimText(x), ClaimText(y))) == [], (x, y)
