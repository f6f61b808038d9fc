"""WordNet 3.0 for the comparator: how two words relate in meaning.

The comparator meets word swaps between two claims — ``partnership`` / ``alliance``,
``blue`` / ``white``, ``rose`` / ``fell``, ``killed`` / ``murdered`` — and must tell a
paraphrase from a changed fact. Word lists cannot cover English; WordNet does. Its database
(Princeton University, WordNet 3.0, as Debian's ``wordnet-base`` ships it) is distilled by
``scripts/distill_wordnet.py`` into ``claimcmp/data/wordnet.json.gz`` (3 MB; licence in
``claimcmp/data/WORDNET-LICENSE``) and read here on first use, offline.

:func:`relation` answers, for two words as they appear in text:

==========  ============================================================  =================
relation    meaning                                                       e.g.
==========  ============================================================  =================
same        one base form (inflection, spelling)                          killed / kill
synonym     they share a sense, or are adjectives marked similar          begin / start
derived     one is derived from the other                                 invade / invasion
hypernym    the second is a more general word for the first               murder / kill
hyponym     the second is a more specific word for the first              vehicle / truck
antonym     opposites (directly, or a satellite adjective's head's)       rise / fall
sister      two different things of one kind (nouns: a close hypernym)    blue / white
unrelated   both known, none of the above                                 invasion / annexation
unknown     one of them is not in WordNet                                 —
==========  ============================================================  =================

Only the most frequent senses (WordNet's sense order) count for ``hypernym``, ``hyponym`` and
``sister``, so a rare sense does not make two everyday words look related; any sense counts
for ``synonym`` and ``antonym``.
"""

from __future__ import annotations

import gzip
import json
import re
import threading
from importlib import resources
from typing import Any, Literal

import attrs

from claimcmp.memo import memoize, on_clear

__all__ = [
    "CONTRAST_KINDS",
    "LEXICOGRAPHER_FILES",
    "Relation",
    "Senses",
    "WordNet",
    "adjective_of",
    "antonyms",
    "base_forms",
    "contrast_kind",
    "is_agent",
    "is_common_word",
    "opposed_through_synonym",
    "place_scale",
    "relation",
    "same_name",
    "senses",
    "sister_kind",
    "wordnet",
]

Relation = Literal[
    "same", "synonym", "derived", "hypernym", "hyponym", "antonym", "sister", "unrelated", "unknown"
]

POS = ("n", "v", "a", "r")

#: Kinds of thing (WordNet lemmas of hypernyms) whose members news does not swap for one
#: another, with how an explanation names them: a wound in the ankle is not one in the
#: hamstring, a mortar round no rocket, arson no vandalism. Two words of one such kind swapped
#: in one slot of a copy are a changed fact (`TermDetector`).
CONTRAST_KINDS = {
    "body_part": "parts of the body",
    "weapon": "weapons",
    "weaponry": "weapons",
    "crime": "crimes",
    "disease": "diseases",
    "drug": "drugs",
    "vehicle": "vehicles",
    "natural_phenomenon": "natural phenomena",
}

# WordNet's detachment rules (morphy): suffix → replacement, per part of speech.
_RULES: dict[str, tuple[tuple[str, str], ...]] = {
    "n": (
        ("s", ""),
        ("ses", "s"),
        ("xes", "x"),
        ("zes", "z"),
        ("ches", "ch"),
        ("shes", "sh"),
        ("men", "man"),
        ("ies", "y"),
    ),
    "v": (
        ("s", ""),
        ("ies", "y"),
        ("es", "e"),
        ("es", ""),
        ("ed", "e"),
        ("ed", ""),
        ("ing", "e"),
        ("ing", ""),
    ),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "r": (),
}

#: WordNet's lexicographer files, by number (lexnames(5WN)): the broad kind of every synset.
LEXICOGRAPHER_FILES = (
    "adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute "
    "noun.body noun.cognition noun.communication noun.event noun.feeling noun.food noun.group "
    "noun.location noun.motive noun.object noun.person noun.phenomenon noun.plant "
    "noun.possession noun.process noun.quantity noun.relation noun.shape noun.state "
    "noun.substance noun.time verb.body verb.change verb.cognition verb.communication "
    "verb.competition verb.consumption verb.contact verb.creation verb.emotion verb.motion "
    "verb.perception verb.possession verb.social verb.stative verb.weather adj.ppl"
).split()

#: Heads of the adjective clusters of number and amount words.
_AMOUNT_HEADS = frozenset({"cardinal", "ordinal", "whole", "fractional", "complete", "incomplete"})
#: Lexicographer files of a people word's senses: the person, the language, the adjective
#: ("Ukrainian" is only a language and an adjective in WordNet).
_PEOPLE_WORD_FILES = frozenset({"noun.person", "noun.communication", "adj.pert"})
#: How many senses of a word (in WordNet's frequency order) count for hypernyms and sisters.
TOP_SENSES = 3
#: A common hypernym closer to the root than this is too general to make two nouns sisters
#: ("entity", "object", "abstraction").
MIN_SISTER_DEPTH = 5


@attrs.frozen
class Senses:
    """What WordNet knows of one word, as sets that two words can be intersected on.

    ``forms``: its base forms and the forms derived from them ("invade", "invasion");
    ``synsets``: its most frequent senses (:data:`TOP_SENSES` per base form), plus adjectives
    marked similar to them; ``general``: the hypernyms (up to two steps) of those senses.
    """

    forms: frozenset[str]
    synsets: frozenset[int]
    general: frozenset[int]
    #: Direct hypernyms of its most frequent verb senses: two verbs that share one say nearly
    #: the same ("reported" / "stated" → "inform"), unlike two nouns that share one.
    verb_parents: frozenset[int] = frozenset()


class WordNet:
    """The distilled WordNet table, with the lookups the comparator needs."""

    def __init__(self, data: dict[str, Any]) -> None:
        if data.get("format") != "claimcmp.wordnet/2":
            raise ValueError(f"'format' must be 'claimcmp.wordnet/2' (got {data.get('format')!r}).")
        self._synsets: list[dict[str, Any]] = data["synsets"]
        self._index: dict[str, dict[str, list[int]]] = data["index"]
        self._exceptions: dict[str, dict[str, list[str]]] = data["exceptions"]
        self._depth: dict[int, int] = {}
        self._agent_roots: frozenset[int] | None = None
        self._people_roots: frozenset[int] | None = None
        # Per-word results, asked for again and again by every compared pair (bounded by the
        # vocabulary of what is compared; cleared with the other caches).
        self._cache: dict[tuple[str, str], Any] = {}

    def _cached(self, what: str, word: str, compute: Any) -> Any:
        key = (what, word)
        if key not in self._cache:
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[key] = compute(word)
        return self._cache[key]

    def base_forms(self, word: str) -> tuple[tuple[str, str], ...]:
        """``(pos, lemma)`` for every base form of ``word`` in WordNet (morphy)."""
        result: tuple[tuple[str, str], ...] = self._cached("base", word, self._base_forms)
        return result

    def antonyms(self, word: str) -> frozenset[str]:
        """Lower-cased lemmas that are opposites of a sense of ``word`` (see :meth:`_antonyms`)."""
        result: frozenset[str] = self._cached("antonyms", word, self._antonyms)
        return result

    def main_antonyms(self, word: str) -> frozenset[str]:
        """Lower-cased direct opposites of ``word`` in its most frequent sense of each part of
        speech; an inflected verb form ("said", "lost", "are") is read as a verb only. "rise" /
        "fall", "closed" / "open"; not "said" / "other" (the rare adjective of "the said
        agreement") nor "are" / "nonbeing"."""
        forms = self.base_forms(word)
        w = word.lower()
        if any(pos == "v" and lemma != w for pos, lemma in forms):
            forms = tuple((pos, lemma) for pos, lemma in forms if pos == "v")
        out: set[str] = set()
        for pos, lemma in forms:
            entry = self._synsets[self._index[pos][lemma][0]]
            names = [n.lower() for n in entry["lemmas"]]
            out.update(
                self._synsets[target]["lemmas"][tgt].lower()
                for src, target, tgt in entry.get("antonym", ())
                if names[src] == lemma
            )
        return frozenset(out)

    def derived(self, word: str) -> frozenset[str]:
        """Lower-cased lemmas derived from or deriving ``word`` ("invade" / "invasion")."""
        result: frozenset[str] = self._cached("derived", word, self._derived)
        return result

    # ---------------------------------------------------------------- lookups

    def _base_forms(self, word: str) -> tuple[tuple[str, str], ...]:
        """``(pos, lemma)`` for every base form of ``word`` in WordNet (morphy)."""
        w = word.lower().replace(" ", "_").replace("’", "'")
        out: list[tuple[str, str]] = []
        for pos in POS:
            table = self._index[pos]
            forms = [w] if w in table else []
            forms += [f for f in self._exceptions[pos].get(w, ()) if f in table]
            if pos == "a" and not forms and w in self._index["n"] and w not in self._index["v"]:
                # A noun (and no verb) is not also read as a comparative: "teenager" is not
                # more "teenage", whose opposite "old" made "16-year-old" / "the teenager"
                # opposites. ("lower" is a verb too, and stays "low".)
                continue
            for suffix, repl in _RULES[pos]:
                if w.endswith(suffix) and len(w) > len(suffix) + 1:
                    f = w[: len(w) - len(suffix)] + repl
                    if f in table:
                        forms.append(f)
            out.extend((pos, f) for f in dict.fromkeys(forms))
        return tuple(out)

    def synsets(
        self, word: str, *, top: int | None = None, pos: str | None = None
    ) -> tuple[int, ...]:
        """Synset ids of ``word``'s base forms, most frequent sense first per base form."""
        result: tuple[int, ...] = self._cached(
            f"synsets/{top}/{pos}", word, lambda w: self._synsets_of(w, top, pos)
        )
        return result

    def _synsets_of(self, word: str, top: int | None, pos: str | None) -> tuple[int, ...]:
        out: list[int] = []
        for p, lemma in self.base_forms(word):
            if pos is None or p == pos:
                senses = self._index[p][lemma]
                out.extend(senses[:top] if top else senses)
        return tuple(dict.fromkeys(out))

    def lemma_names(self, synset: int) -> list[str]:
        return list(self._synsets[synset]["lemmas"])

    def pos_of(self, synset: int) -> str:
        return str(self._synsets[synset]["pos"])

    def hypernyms(self, synset: int) -> list[int]:
        return list(self._synsets[synset].get("hyper", ()))

    def part_of(self, synset: int) -> list[int]:
        return list(self._synsets[synset].get("part_of", ()))

    def depth(self, synset: int) -> int:
        """Shortest hypernym path from ``synset`` to a root."""
        if synset not in self._depth:
            seen = {synset}
            frontier = [synset]
            d = 0
            while frontier and all(self.hypernyms(s) for s in frontier):
                frontier = [h for s in frontier for h in self.hypernyms(s) if h not in seen]
                seen.update(frontier)
                d += 1
            self._depth[synset] = d
        return self._depth[synset]

    def ancestors(self, synset: int, max_distance: int) -> dict[int, int]:
        """Hypernyms of ``synset`` up to ``max_distance`` steps, with their distance."""
        out = {synset: 0}
        frontier = [synset]
        for d in range(1, max_distance + 1):
            frontier = [h for s in frontier for h in self.hypernyms(s) if h not in out]
            for h in frontier:
                out[h] = d
        return out

    def _antonyms(self, word: str) -> frozenset[str]:
        """Lower-cased lemmas that are opposites of a sense of ``word``.

        Direct antonyms ("rise" / "fall"), antonyms of the head adjective a satellite is
        similar to ("huge" → "large" → "small"), and of a word it derives from
        ("decrease" noun → "decrease" verb → "increase").
        """
        out: set[str] = set()
        for pos, lemma in self.base_forms(word):
            for s in self._index[pos][lemma]:
                entry = self._synsets[s]
                names = [n.lower() for n in entry["lemmas"]]
                for src, target, tgt in entry.get("antonym", ()):
                    if names[src] == lemma:
                        out.add(self._synsets[target]["lemmas"][tgt].lower())
                if (
                    entry["pos"] == "a"
                    and "antonym" not in entry
                    and s == self._index[pos][lemma][0]
                ):
                    # A satellite adjective in its main sense ("huge" → "large"): the opposites
                    # of the head it is similar to. Rarer senses do not count ("close" in time
                    # is not the opposite of "long").
                    for head in entry.get("similar", ()):
                        hentry = self._synsets[head]
                        for _src, target, tgt in hentry.get("antonym", ()):
                            out.add(self._synsets[target]["lemmas"][tgt].lower())
                for src, target, tgt in entry.get("derived", ()):
                    if names[src] != lemma:
                        continue
                    dentry = self._synsets[target]
                    dname = dentry["lemmas"][tgt].lower()
                    for dsrc, atarget, atgt in dentry.get("antonym", ()):
                        if dentry["lemmas"][dsrc].lower() == dname:
                            out.add(self._synsets[atarget]["lemmas"][atgt].lower())
        out.discard(word.lower())
        return frozenset(out)

    def _derived(self, word: str) -> frozenset[str]:
        """Lower-cased lemmas derived from or deriving ``word`` ("invade" / "invasion")."""
        out: set[str] = set()
        for pos, lemma in self.base_forms(word):
            for s in self._index[pos][lemma]:
                entry = self._synsets[s]
                for src, target, tgt in entry.get("derived", ()):
                    if entry["lemmas"][src].lower() == lemma:
                        out.add(self._synsets[target]["lemmas"][tgt].lower())
        return frozenset(out)

    def is_common_word(self, word: str) -> bool:
        """Whether ``word`` (any case) is an English common word: WordNet lists it in lower case.

        "Similar", "Herald" and "Red" are; "Beijing" and "Lukashenko" are not.
        """
        for pos, lemma in self.base_forms(word):
            for s in self._index[pos][lemma]:
                if any(n == lemma for n in self._synsets[s]["lemmas"]):
                    return True
        return False

    def is_known(self, word: str) -> bool:
        return bool(self.base_forms(word))

    def is_agent(self, word: str) -> bool:
        """Whether ``word``'s most frequent noun sense is a person or a social group: someone
        who can say something ("witnesses", "coach", "prosecutors", "council"), unlike "report"
        or "study"."""
        result: bool = self._cached("agent", word, self._is_agent)
        return result

    def _is_agent(self, word: str) -> bool:
        if self._agent_roots is None:
            self._agent_roots = frozenset(
                s
                for lemma in ("person", "social_group")
                for s in self._index["n"].get(lemma, ())[:1]
            )
        return any(
            not self._agent_roots.isdisjoint(self.ancestors(s, 20))
            for s in self.synsets(word, top=1, pos="n")
        )

    def _proper_senses(self, word: str) -> list[int]:
        """The senses of ``word`` written with a capital: names of places, peoples, persons."""
        return [
            s
            for s in self.synsets(word.replace(" ", "_"))
            if any(n[:1].isupper() for n in self.lemma_names(s))
        ]

    def is_place(self, word: str) -> bool:
        """Whether WordNet knows ``word`` as the name of a place ("Austria", "Niger", "Oakland")."""
        result: bool = self._cached("place", word, self._is_place)
        return result

    def _is_place(self, word: str) -> bool:
        return any(self.lexicographer_file(s) == "noun.location" for s in self._proper_senses(word))

    def is_demonym(self, word: str) -> bool:
        """Whether WordNet knows ``word`` as a people or nationality word: derived from a
        place's name ("Ukrainian" from Ukraine, "Texan" from Texas, "Londoner" from London),
        or a person of a people (a kind of inhabitant, native, people or nation) that is also
        an adjective ("Roman", "Swiss", "Filipino"). Given names that end the same way are not
        ("Brian", "Christian", "Julian"), nor given names WordNet files under a people
        ("Frank", "Paddy"); nouns of a people without an adjective ("Scot", "Dane") are left to
        :func:`claimcmp.text.names.is_demonym`'s list."""
        result: bool = self._cached("demonym", word, self._is_demonym)
        return result

    def _is_demonym(self, word: str) -> bool:
        if self._people_roots is None:
            self._people_roots = frozenset(
                s
                for lemma in ("inhabitant", "native", "people", "ethnic_group", "African")
                for s in self._index["n"].get(lemma.lower(), ())
                if lemma in self._synsets[s]["lemmas"]
            )
        senses = self._proper_senses(word)
        files = {self.lexicographer_file(s) for s in senses}
        if files.isdisjoint(_PEOPLE_WORD_FILES):
            return False
        lemmas = {lemma for _, lemma in self.base_forms(word)}
        # Derived from a place of another name: "Ukrainians" through "Ukrainian", the adjective
        # of Ukraine; "Londoner" of London ("Rams" is not from "Ram").
        if any(
            self.is_place(d) for lemma in lemmas for d in self.derived(lemma) if d not in lemmas
        ):
            return True
        # Or a person of a people that is also an adjective ("Roman", "Swiss", "Filipino"):
        # not a given name or nickname WordNet files under a people ("Frank", "Paddy").
        return "adj.pert" in files and any(
            self.lexicographer_file(s) == "noun.person"
            and not self._people_roots.isdisjoint(self.ancestors(s, 4))
            for s in senses
        )

    def senses(self, word: str) -> Senses:
        """:class:`Senses` of ``word`` (empty sets for a word WordNet does not know)."""
        bases = self.base_forms(word)
        forms = {lemma for _, lemma in bases} | set(self.derived(word))
        # The most frequent senses only: everyday verbs have dozens of senses, and a shared rare
        # one ("answer" / "say", "leverage" / "use") does not make two words say the same.
        synsets = set(self.synsets(word, top=TOP_SENSES))
        for s in list(synsets):
            synsets.update(self._synsets[s].get("similar", ()))
        general: set[int] = set()
        for s in self.synsets(word, top=TOP_SENSES):
            general.update(h for h, d in self.ancestors(s, 2).items() if d > 0)
        # Only for words written as verbs ("reported", "stating"): "blue" and "white" are verbs
        # too (to blue, to white), both kinds of "discolor".
        verb_parents = (
            {h for s in self.synsets(word, top=TOP_SENSES, pos="v") for h in self.hypernyms(s)}
            if self._verb_form(word)
            else set()
        )
        return Senses(
            frozenset(forms), frozenset(synsets), frozenset(general), frozenset(verb_parents)
        )

    # ------------------------------------------------------------- relations

    def relation(self, x: str, y: str) -> Relation:
        """How ``y`` relates in meaning to ``x`` (see the module docstring)."""
        bx, by = self.base_forms(x), self.base_forms(y)
        if not bx or not by:
            return "same" if x.lower() == y.lower() else "unknown"
        if {lemma for _, lemma in bx} & {lemma for _, lemma in by}:
            return "same"
        lx = {lemma for _, lemma in bx}
        ly = {lemma for _, lemma in by}
        sx, sy = set(self.synsets(x)), set(self.synsets(y))
        if sx & sy or self._similar(sx, sy):
            return "synonym"
        if ly & self.antonyms(x) or lx & self.antonyms(y):
            return "antonym"
        if self._opposite_senses(x, y):
            return "antonym"
        if ly & self.derived(x) or lx & self.derived(y):
            return "derived"
        tx, ty = self.synsets(x, top=TOP_SENSES), self.synsets(y, top=TOP_SENSES)
        up_x, up_y = self._main_ancestors(x), self._main_ancestors(y)
        if any(t in up_x for t in ty):
            return "hypernym"
        if any(t in up_y for t in tx):
            return "hyponym"
        # Sisters among nouns only: verb and adjective hierarchies are too flat for a shared
        # hypernym to mean "another thing of the same kind" ("win" / "defeat"), and a word
        # written as an inflected verb ("won", "defeated") is not used as a noun.
        if self._verb_form(x) or self._verb_form(y):
            return "unrelated"
        return "sister" if self._kind_of_both(up_x, up_y) is not None else "unrelated"

    def _main_ancestors(self, word: str) -> dict[int, int]:
        """The main senses of ``word`` (:data:`TOP_SENSES`) and their hypernyms up to three
        steps, with their distance."""
        return {
            s: d
            for t in self.synsets(word, top=TOP_SENSES)
            for s, d in self.ancestors(t, 3).items()
        }

    def _kind_of_both(self, up_x: dict[int, int], up_y: dict[int, int]) -> int | None:
        """The closest noun hypernym two words' senses share, near enough to both and specific
        enough for them to be two things of one kind (sisters); None if there is none."""
        common = [
            c
            for c in set(up_x) & set(up_y)
            if self.pos_of(c) == "n"
            and up_x[c] + up_y[c] <= 4
            and max(up_x[c], up_y[c]) <= 2
            and self._specific(c)
        ]
        return min(common, key=lambda c: (up_x[c] + up_y[c], c), default=None)

    def contrast_kind(self, x: str, y: str) -> str | None:
        """What two nouns both are, when it is one of :data:`CONTRAST_KINDS` (kinds whose
        members news does not swap for each other: "ankle" / "hamstring" are two parts of the
        body, "mortar" / "grenade" two weapons) and neither word is the other's kind; None
        otherwise. Read from each word's most frequent noun sense, up to eight steps up."""
        if self.relation(x, y) not in ("unrelated", "sister"):
            return None
        if self._verb_form(x) or self._verb_form(y):
            return None
        kinds = []
        for word in (x, y):
            top = self.synsets(word, top=1, pos="n")
            if not top:
                return None
            up = self.ancestors(top[0], 8)
            kinds.append({n for h in up if up[h] > 0 for n in self.lemma_names(h)})
        shared = kinds[0] & kinds[1] & set(CONTRAST_KINDS)
        return CONTRAST_KINDS[min(shared)] if shared else None

    def sister_kind(self, x: str, y: str) -> str | None:
        """The lexicographer file of the kind two sister words are both of ("noun.food" for
        "milk" / "butter", "noun.communication" for "instructions" / "guidance"); None when
        :meth:`relation` does not call them sisters."""
        if self.relation(x, y) != "sister":
            return None
        kind = self._kind_of_both(self._main_ancestors(x), self._main_ancestors(y))
        return None if kind is None else self.lexicographer_file(kind)

    def lexicographer_file(self, synset: int) -> str:
        """The WordNet lexicographer file a synset belongs to ("noun.food", "verb.motion")."""
        return LEXICOGRAPHER_FILES[int(self._synsets[synset]["lex"])]

    def _opposite_senses(self, x: str, y: str) -> bool:
        """Whether a main adjective sense of one word is the opposite of one of the other,
        through a synonym of the listed antonym: WordNet lists "easy" / "difficult", and "hard"
        is a lemma of that sense of "difficult"; or through the heads two satellite adjectives
        are similar to. Only the :data:`TOP_SENSES` of each word
        count, so a rare sense does not make two everyday words opposites."""
        # Adjectives only: WordNet's verbs share senses too loosely ("14:05 **left**" is not
        # the opposite of "needed 9 points **coming** in", though come / leave are opposites).
        # With the heads their satellites are similar to: "extensive" is similar to "large",
        # "limited" to "small", and WordNet lists large / small ("diverse" / "identical",
        # "free" / "paid" the same way).
        main_x = self.synsets(x, top=TOP_SENSES, pos="a")
        main_y = self.synsets(y, top=TOP_SENSES, pos="a")
        tx, ty = set(main_x) | self._heads(main_x), set(main_y) | self._heads(main_y)
        for own, other in ((tx, ty), (ty, tx)):
            for s in own:
                if any(
                    target in other for _src, target, _tgt in self._synsets[s].get("antonym", ())
                ):
                    return True
        return False

    def _heads(self, synsets: tuple[int, ...]) -> set[int]:
        """For each satellite among ``synsets`` (an adjective without an opposite of its own),
        the head it is similar to. (A head's "similar" are its satellites.)"""
        out: set[int] = set()
        for s in synsets:
            if "antonym" in self._synsets[s]:
                continue
            out.update(
                h
                for h in self._synsets[s].get("similar", ())
                # Words of amount are satellites of "cardinal" / "ordinal", "whole" /
                # "fractional" and "complete" / "incomplete", which WordNet lists as
                # opposites: "six" / "sixth" are not, nor "a total of 288" / "half of the 288".
                if not _AMOUNT_HEADS & set(self._synsets[h]["lemmas"])
            )
        return out

    def _verb_form(self, word: str) -> bool:
        w = word.lower()
        if w in self._exceptions["v"]:
            return True
        return w.endswith(("ed", "ing")) and any(
            p == "v" and lemma != w for p, lemma in self.base_forms(w)
        )

    def _specific(self, synset: int) -> bool:
        return self.depth(synset) >= MIN_SISTER_DEPTH

    def _similar(self, sx: set[int], sy: set[int]) -> bool:
        for s in sx:
            sim = self._synsets[s].get("similar", ())
            if any(t in sy for t in sim):
                return True
        return False

    def same_name(self, x: str, y: str) -> bool:
        """Whether two names are one thing in WordNet ("US" / "United States", "HP" is not listed)."""
        sx = {s for s in self.synsets(x) if self.pos_of(s) == "n"}
        return bool(sx) and bool(sx & set(self.synsets(y)))


_loaded: WordNet | None = None
_lock = threading.Lock()


def wordnet() -> WordNet:
    """The shipped WordNet table, loaded on first use (about half a second)."""
    global _loaded
    with _lock:
        if _loaded is None:
            path = resources.files("claimcmp") / "data" / "wordnet.json.gz"
            with path.open("rb") as raw, gzip.GzipFile(fileobj=raw) as fh:
                _loaded = WordNet(json.loads(fh.read()))
            on_clear(_loaded._cache.clear)
        return _loaded


@memoize(65536)
def relation(x: str, y: str) -> Relation:
    """:meth:`WordNet.relation` on the shipped table (memoised)."""
    return wordnet().relation(x, y)


@memoize(65536)
def antonyms(word: str) -> frozenset[str]:
    """:meth:`WordNet.antonyms` of a lower-cased word on the shipped table (memoised)."""
    if not word or not word[0].isalpha():
        return frozenset()
    return wordnet().antonyms(word)


@memoize(65536)
def base_forms(word: str) -> tuple[tuple[str, str], ...]:
    return wordnet().base_forms(word)


@memoize(65536)
def is_common_word(word: str) -> bool:
    """:meth:`WordNet.is_common_word` on the shipped table (memoised)."""
    return wordnet().is_common_word(word)


@memoize(65536)
def contrast_kind(x: str, y: str) -> str | None:
    """:meth:`WordNet.contrast_kind` on the shipped table (memoised)."""
    return wordnet().contrast_kind(x, y)


@memoize(65536)
def sister_kind(x: str, y: str) -> str | None:
    """:meth:`WordNet.sister_kind` on the shipped table (memoised)."""
    return wordnet().sister_kind(x, y)


@memoize(65536)
def opposed_through_synonym(x: str, y: str) -> bool:
    """Whether one word is the opposite of a word that means the same as the other: WordNet
    lists "lower" / "raise", and "raise" shares a sense with "increase", so "lowered" /
    "increased" are opposites; likewise "vivid" / "dull" through "bright". Also the opposite
    of a more general word ("criticized" / "applauded": to applaud is to praise, whose
    opposite is to criticize) and of the word the other is made from ("failed" /
    "successful": the opposite of failing is success)."""

    def opposes(word: str, other: str) -> bool:
        for o in antonyms(word):
            related = relation(o, other)
            if related in ("same", "synonym"):
                return True
            # A kind of the opposite, among verbs only: adjectives' "more general" words are
            # loose ("steady" would be a kind of "changed").
            if related == "hyponym" and _verbs(o) and _verbs(other):
                return True
            if len(o) >= 5 and other.startswith(o) and len(other) - len(o) <= 3:
                return True  # "success" -> "successful", "care" -> "careful"
        return False

    return opposes(x, y) or opposes(y, x)


def _verbs(word: str) -> bool:
    """Whether ``word`` reads as a verb and not as an adjective ("applauded", "praise"; not
    "steady", which is also an adjective)."""
    forms = base_forms(word)
    return any(pos == "v" for pos, _ in forms) and not any(pos in ("a", "s") for pos, _ in forms)


@memoize(16384)
def adjective_of(adverb: str) -> str | None:
    """The adjective an "-ly" adverb is made from, if WordNet knows it ("commonly" → "common",
    "happily" → "happy", "probably" → "probable", "fully" → "full"); None otherwise. The
    distilled table keeps no adverb pertainyms, so the form is undone by spelling."""
    if not adverb.endswith("ly") or len(adverb) < 5:
        return None
    wn = wordnet()
    for candidate in (adverb[:-2], adverb[:-3] + "y", adverb[:-1] + "e", adverb[:-1]):
        if any(pos in ("a", "s") and lemma == candidate for pos, lemma in wn.base_forms(candidate)):
            return candidate
    return None


@memoize(16384)
def is_agent(word: str) -> bool:
    """:meth:`WordNet.is_agent` of a lower-cased word on the shipped table (memoised)."""
    if not word or not word[0].isalpha():
        return False
    return wordnet().is_agent(word)


@memoize(16384)
def same_name(x: str, y: str) -> bool:
    """:meth:`WordNet.same_name` on the shipped table (memoised)."""
    return wordnet().same_name(x, y)


_NO_SENSES = Senses(frozenset(), frozenset(), frozenset(), frozenset())


@memoize(65536)
def senses(word: str) -> Senses:
    """:meth:`WordNet.senses` of a lower-cased word on the shipped table (memoised)."""
    if not word or not word[0].isalpha():
        return _NO_SENSES
    return wordnet().senses(word)


# What a place name is an instance of, by scale: a town and the state around it are both
# right ("a Spiro man" / "an Oklahoma man").
_SCALES = {
    "city": "city",
    "town": "city",
    "national_capital": "city",
    "state_capital": "city",
    "port": "city",
    "port_of_entry": "city",
    "village": "city",
    "provincial_capital": "city",
    "resort": "city",
    "borough": "district",
    "district": "district",
    "neighborhood": "district",
    "suburb": "district",
    "American_state": "state",
    "state": "state",
    "province": "state",
    "county": "state",
    "region": "state",
    "country": "country",
    "European_country": "country",
    "European_nation": "country",
    "African_country": "country",
    "African_nation": "country",
    "Asian_country": "country",
    "Asian_nation": "country",
    "South_American_country": "country",
    "North_American_country": "country",
    "island": "island",
    "kingdom": "country",
    "continent": "continent",
    "geographical_area": "state",
}
#: Lexicographer files of places: towns and countries; islands and continents are objects.
_PLACE_FILES = frozenset({"noun.location", "noun.object"})
#: Kinds of place too general to tell a place's scale two steps up.
_AREAS = frozenset({"region", "geographical_area", "district"})


_OWNER_END = re.compile(r"['’]s?$")


@memoize(8192)  # asked for every name swap of every compared pair
def place_scale(name: str) -> str | None:
    """The scale of a place WordNet knows by its name ("country" for "Japan", "state" for
    "Aceh" or "Texas", "city" for "Manokwari"), read from its nearest kind of place; None for a
    name WordNet does not know as a place. (Here rather than in :mod:`claimcmp.text.places`
    because the name reader asks it too: a country opening a sentence is a name.)"""
    wn = wordnet()
    key = _OWNER_END.sub("", name).replace(" ", "_")
    for s in (wn.synsets(key) or wn.synsets(key.replace(".", "")))[:3]:
        if wn.pos_of(s) != "n" or not any(n[:1].isupper() for n in wn.lemma_names(s)):
            continue
        if wn.lexicographer_file(s) not in _PLACE_FILES:
            continue  # "Spanish" (the people) is a nation, which WordNet also calls "country"
        # The nearest kind of place: Sweden is a Scandinavian country, a European country.
        # Two steps up only to a country, state or city: every sign of the zodiac is a
        # region, every residential district a district.
        up = wn.ancestors(s, 2)
        for h in sorted(up, key=lambda h: (up[h], h)):
            for n in wn.lemma_names(h):
                if n in _SCALES and (up[h] == 1 or n not in _AREAS):
                    return _SCALES[n]
    return None
