"""Shared text knowledge for the comparator's stages: lexical relations between words.

* :mod:`claimcmp.text.wordnet` — WordNet 3.0 (distilled into ``claimcmp/data/wordnet.json.gz``
  by ``scripts/distill_wordnet.py``): base forms, synonyms, antonyms, hypernyms, sister terms,
  derivations, and whether a word is a common English word or only a name.
"""

from __future__ import annotations

__all__: list[str] = []
