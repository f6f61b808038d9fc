"""``python -m claimcmp``: the same command line as ``claimcmp`` (see :mod:`claimcmp.cli`)."""

from claimcmp.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
