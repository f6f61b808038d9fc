"""Places a text names together with their kind: "Indonesia's **Aceh province**", "the
**province of Aceh**", "the town of **Bireun**", "**Sumatra island**".

News names the place of an event with the kind of place next to its name far more often than
a gazetteer or WordNet could tell it (WordNet knows neither Aceh nor Manokwari). Two claims
that place their events in two places of one kind ("West Papua province" / "the province of
Aceh") tell of two events: their figures and days are not one fact told two ways
(:func:`other_places`).
"""

from __future__ import annotations

import re

import attrs

from claimcmp.memo import memoize
from claimcmp.text.names import is_demonym, name_runs, named_in, same_entity
from claimcmp.text.normalize import Token
from claimcmp.text.wordnet import place_scale

__all__ = [
    "PLACE_KINDS",
    "TypedPlace",
    "city_and_nickname",
    "other_places",
    "place_scale",
    "typed_places",
]

#: Words for a kind of place, as news writes them beside a name (singular and plural), with
#: the scale they are compared at (:func:`place_scale`'s: a province is a state's scale, a town
#: a city's).
PLACE_KINDS: dict[str, tuple[str, str]] = {
    word: (kind, scale)
    for kind, scale in (
        ("province", "state"),
        ("state", "state"),
        ("county", "state"),
        ("city", "city"),
        ("town", "city"),
        ("village", "city"),
        # A camp is a settlement of its own: "the Jabaliya refugee camp" / "the city of Khan
        # Younis" are two places of a city's scale.
        ("refugee camp", "city"),
        ("district", "district"),
        ("island", "island"),
    )
    for word in (kind, "cities" if kind == "city" else f"{kind}s")
}
#: A name right after one of these ("in Papua", "near the Jordan") is where something is; its
#: scale, if WordNet knows the name as a place, types it.
_LOCATED_BEFORE = re.compile(r"\b(?:in|at|near|off|from)\s+(?:the\s+)?$", re.I)

_KIND_BEFORE = re.compile(
    r"\b(?P<kind>"
    + "|".join(sorted(PLACE_KINDS, key=len, reverse=True))
    + r")\s+of\s+(?:the\s+)?$",
    re.I,
)
_KIND_AFTER = re.compile(
    r"\s+(?P<kind>" + "|".join(sorted(PLACE_KINDS, key=len, reverse=True)) + r")\b", re.I
)
_POSSESSIVE = re.compile(r"['’]s?$")


@attrs.frozen
class TypedPlace:
    """A name with the kind of place the text gives it (as a scale: "state" for "Aceh
    province"), and its span in the text."""

    name: str
    kind: str  # as written beside it ("province"), or WordNet's scale for a name alone
    start: int
    end: int
    scale: str  # the kind's scale, at which places are compared: "state" for a province


@memoize(8192)
def typed_places(text: str) -> tuple[TypedPlace, ...]:
    """Names of ``text`` that a kind of place word stands right next to: after the name ("Aceh
    province", "Sumatra island") or before it with "of" ("the province of Aceh", "the town of
    Bireun"); or that follow "in", "at", "near", "off" or "from" and WordNet knows as a place
    ("in Papua"). A capitalised kind is part of a longer name ("the State Department",
    "Province House") and not read."""
    out: list[TypedPlace] = []
    for run in (part for whole in name_runs(text) for part in _owners_apart(whole)):
        start, end = run[0].start, run[-1].end
        name = _POSSESSIVE.sub("", text[start:end])
        if len(run) == 1 and is_demonym(name):
            continue  # "the Indonesian province of Aceh": a people's word, not the place
        kind: tuple[str, str] | None = None
        after = _KIND_AFTER.match(text, end)
        if after and after["kind"].islower():
            kind = PLACE_KINDS[after["kind"].lower()]
        before = _KIND_BEFORE.search(text, 0, start)
        if kind is None and before:
            kind = PLACE_KINDS[before["kind"].lower()]
        if kind is None and _LOCATED_BEFORE.search(text, 0, start):
            scale = place_scale(name)  # "quakes in Papua": a place WordNet knows, of its scale
            kind = (scale, scale) if scale else None
        if kind is not None:
            out.append(TypedPlace(name, kind[0], start, end, kind[1]))
    return tuple(out)


def _owners_apart(run: list[Token]) -> list[list[Token]]:
    """A run of capitalised words split after an owner's "'s": "Indonesia's West Papua" is
    Indonesia and West Papua."""
    parts: list[list[Token]] = [[]]
    for tok in run:
        parts[-1].append(tok)
        if _POSSESSIVE.search(tok.text):
            parts.append([])
    return [p for p in parts if p]


def other_places(a: str, b: str) -> tuple[TypedPlace, TypedPlace] | None:
    """Two places of one kind, one named by each text and by no other, none that both name:
    "Indonesia's **West Papua province**" / "the Indonesian **province of Aceh**". None when
    the texts share a place of that kind, or name the other's anywhere."""
    pa, pb = typed_places(a), typed_places(b)
    for x in pa:
        same_kind = [y for y in pb if y.scale == x.scale]
        if not same_kind:
            continue
        if any(same_entity(x.name, y.name) for y in same_kind):
            continue
        for y in same_kind:
            if any(same_entity(y.name, z.name) for z in pa if z.scale == y.scale):
                continue
            if named_in(x.name, [b]) or named_in(y.name, [a]):
                continue
            return x, y
    return None


def city_and_nickname(place: str, other: str) -> bool:
    """A place WordNet knows and a plural of ordinary words naming living things, written as a
    name ("Detroit" / "Lions", "New Orleans" / "Saints", "Evansville" / "Purple Aces"): one
    team named by its city and by its nickname. ("Windows" / "Denver" is not: a window is not a
    living thing.)"""
    from claimcmp.text.wordnet import is_common_word

    words = other.split()
    if not words:
        return False
    head = words[-1].lower().removesuffix("s")
    return (
        words[-1].endswith("s")
        and all(
            is_common_word(w.lower().removesuffix("s")) or is_common_word(w.lower()) for w in words
        )
        and _living(head)
        and place_scale(place) is not None
        # "Queens" is a borough before it is a plural of "queen": two places, not a team.
        and place_scale(other) is None
    )


#: WordNet's roots of living things: what a team's nickname is named after.
_LIVING = frozenset({"organism", "living_thing", "person", "animal"})


@memoize(4096)
def _living(noun: str) -> bool:
    from claimcmp.text.wordnet import wordnet

    wn = wordnet()
    for s in wn.synsets(noun, pos="n")[:3]:
        if any(_LIVING & set(wn.lemma_names(h)) for h in wn.ancestors(s, 14)):
            return True
    return False
