"""Distil WordNet 3.0 into the compact table claimcmp ships (``claimcmp/data/wordnet.json.gz``).

    apt-get install wordnet-base                  # Debian's WordNet 3.0 database files
    python scripts/distill_wordnet.py [--wordnet /usr/share/wordnet] [--out claimcmp/data/wordnet.json.gz]

What is kept (everything the comparator asks of a word pair; glosses, examples, verb frames and
sense keys are dropped):

* per part of speech, every lemma with its synsets in WordNet's sense order (most frequent
  sense first), and the morphological exception lists (``went`` → ``go``);
* per synset: its part of speech, its lexicographer file (``lex``: 13 is ``noun.food``, 9
  ``noun.cognition``; the names are in :data:`claimcmp.text.wordnet.LEXICOGRAPHER_FILES`), its
  lemmas as written (case kept: ``Beijing``, ``US``), its hypernyms (``@`` and instance ``@i``), similar-to links between adjectives (``&``), part
  holonyms (``#p``: Beijing is part of China), and the lemma-level antonym (``!``) and
  derivation (``+``) links as ``[source lemma index, target synset, target lemma index]``.

The output is deterministic (same input files, same bytes) and carries WordNet's licence text,
which must travel with it (``claimcmp/data/WORDNET-LICENSE``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
KEPT_POINTERS = {
    "@": "hyper",
    "@i": "hyper",
    "&": "similar",
    "#p": "part_of",
    "!": "antonym",
    "+": "derived",
}


def parse(root: Path) -> dict[str, object]:
    ids: dict[tuple[str, int], int] = {}
    raw: list[tuple[str, int, list[str], list[tuple[str, int, str, str]]]] = []
    for pos, name in POS_FILES.items():
        with (root / f"data.{name}").open(encoding="latin-1") as fh:
            for line in fh:
                if line.startswith("  "):
                    continue  # licence header
                fields = line.split(" | ", 1)[0].split()
                offset = int(fields[0])
                lex = int(fields[1])
                ss_type = fields[2]
                n_words = int(fields[3], 16)
                words = [fields[4 + 2 * i] for i in range(n_words)]
                # Adjective lemmas may carry a syntactic marker: "galore(ip)".
                words = [w.split("(")[0] for w in words]
                k = 4 + 2 * n_words
                n_ptrs = int(fields[k])
                ptrs = []
                for i in range(n_ptrs):
                    sym, target, tpos, srctgt = fields[k + 1 + 4 * i : k + 5 + 4 * i]
                    ptrs.append((sym, int(target), "a" if tpos == "s" else tpos, srctgt))
                ids[(pos, offset)] = len(raw)
                raw.append(("a" if ss_type == "s" else pos, lex, words, ptrs))
    synsets = []
    for pos, lex, words, ptrs in raw:
        entry: dict[str, object] = {"pos": pos, "lex": lex, "lemmas": words}
        for sym, target, tpos, srctgt in ptrs:
            field = KEPT_POINTERS.get(sym)
            if field is None:
                continue
            tid = ids[(tpos, target)]
            if field in ("antonym", "derived"):
                src, tgt = int(srctgt[:2], 16), int(srctgt[2:], 16)
                entry.setdefault(field, []).append([src - 1, tid, tgt - 1])  # type: ignore[attr-defined]
            else:
                entry.setdefault(field, []).append(tid)  # type: ignore[attr-defined]
        synsets.append(entry)
    index: dict[str, dict[str, list[int]]] = {}
    for pos, name in POS_FILES.items():
        table: dict[str, list[int]] = {}
        with (root / f"index.{name}").open(encoding="latin-1") as fh:
            for line in fh:
                if line.startswith("  "):
                    continue
                f = line.split()
                lemma, p, synset_cnt, p_cnt = f[0], f[1], int(f[2]), int(f[3])
                offsets = f[4 + p_cnt + 2 :]
                assert len(offsets) == synset_cnt, line
                table[lemma] = [ids[(p if p != "s" else "a", int(o))] for o in offsets]
        index[pos] = table
    exceptions: dict[str, dict[str, list[str]]] = {}
    for pos, name in POS_FILES.items():
        table_e: dict[str, list[str]] = {}
        path = root / f"{name}.exc"
        if path.exists():
            with path.open(encoding="latin-1") as fh:
                for line in fh:
                    f = line.split()
                    if len(f) >= 2:
                        table_e[f[0]] = f[1:]
        exceptions[pos] = table_e
    return {
        "format": "claimcmp.wordnet/2",
        "source": "WordNet 3.0 (Princeton University), distilled by scripts/distill_wordnet.py",
        "pointers": {
            "hyper": "@ @i",
            "similar": "&",
            "part_of": "#p",
            "antonym": "!",
            "derived": "+",
        },
        "synsets": synsets,
        "index": index,
        "exceptions": exceptions,
    }


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wordnet", default="/usr/share/wordnet")
    parser.add_argument("--out", default=str(here / "claimcmp" / "data" / "wordnet.json.gz"))
    args = parser.parse_args(argv)
    root = Path(args.wordnet)
    if not (root / "data.noun").is_file():
        print(
            f"error: no WordNet database at {root}; apt-get install wordnet-base", file=sys.stderr
        )
        return 2
    data = parse(root)
    text = json.dumps(data, separators=(",", ":"), sort_keys=True).encode("utf-8")
    out = Path(args.out)
    # mtime=0: the same input gives the same bytes.
    with (
        out.open("wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0, filename="") as fh,
    ):
        fh.write(text)
    n = len(data["synsets"])  # type: ignore[arg-type]
    print(
        f"wrote {out}: {n} synsets, {len(text) / 1e6:.1f} MB of JSON, {out.stat().st_size / 1e6:.1f} MB gzipped"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
