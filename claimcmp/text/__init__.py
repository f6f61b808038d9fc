"""The text layer: how every stage reads text (no stage is imported from here).

The bottom layer of the package: it imports nothing of claimcmp but :mod:`claimcmp.memo`
(``tests/test_layers.py`` checks it). Detectors, the comparator, the verdict features, ingest
and the anomaly finder use it through these public names.

* :mod:`claimcmp.text.normalize` — tokens with offsets and spelling keys, function words,
  honorifics, contractions; whether two texts have the same wording.
* :mod:`claimcmp.text.diff` — the word alignment of two claims (:func:`~claimcmp.text.diff.token_diff`):
  which words correspond, and what was swapped, dropped or added.
* :mod:`claimcmp.text.quantities` — figures, number words, scales, currencies and units of
  measure (converted with pint); conversions inside one text that do not convert.
* :mod:`claimcmp.text.dates` — the month table; publication dates (``parse_date``) and date
  expressions resolved to days (``find_dates``).
* :mod:`claimcmp.text.wordnet` — WordNet 3.0 (distilled into ``claimcmp/data/wordnet.json.gz``
  by ``scripts/distill_wordnet.py``): base forms, synonyms, antonyms, hypernyms, sister terms,
  derivations, and whether a word is a common English word or only a name.
* :mod:`claimcmp.text.names` — when two names can be one thing; what is a name at all.
* :mod:`claimcmp.text.lexicon` — news-style word lists WordNet does not hold: term fields
  editors keep apart, negators, hedges, aliases, attribution verbs, titles.
"""

from __future__ import annotations

__all__: list[str] = []
