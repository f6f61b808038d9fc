"""Development tools of claimcmp, run from a source checkout; not part of the installed package.

* :mod:`tools.training` — ``python -m tools.training`` trains the shipped models
  (``claimcmp/data/*_model.json``) from ``../shared/data`` (needs the ``train`` extra:
  scikit-learn);
* :mod:`tools.perturb` — the planted-edit generator behind the regression suite and the
  training pairs.
"""
