"""Shared text knowledge for the comparator's stages (no stage is imported from here).

* :mod:`claimcmp.text.wordnet` — WordNet 3.0 (distilled into ``claimcmp/data/wordnet.json.gz``
  by ``scripts/distill_wordnet.py``): base forms, synonyms, antonyms, hypernyms, sister terms,
  derivations, and whether a word is a common English word or only a name.
* :mod:`claimcmp.text.names` — when two names can be one thing; what is a name at all.
* :mod:`claimcmp.text.lexicon` — news-style word lists WordNet does not hold: term fields
  editors keep apart, negators, hedges, aliases, attribution verbs, titles.
"""

from __future__ import annotations

__all__: list[str] = []
