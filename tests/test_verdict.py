"""The verdict model: JSON round trip, probabilities, and that the training command reproduces it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from claimcmp.verdict import CLASSES, FEATURE_NAMES, VerdictModel, load_default_model


def test_shipped_model_loads_and_matches_features() -> None:
    model = load_default_model()
    assert model is not None
    assert model.feature_names == FEATURE_NAMES
    assert model.classes == CLASSES
    p = model.probabilities(model.mean)
    assert set(p) == set(CLASSES)
    assert sum(p.values()) == pytest.approx(1.0)


def test_json_round_trip_and_validation() -> None:
    model = load_default_model()
    assert model is not None
    again = VerdictModel.from_json(model.to_json())
    x = np.linspace(0, 1, len(FEATURE_NAMES))
    assert again.probabilities(x) == pytest.approx(model.probabilities(x))
    data = json.loads(model.to_json())
    data["feature_names"] = data["feature_names"][:-1]
    with pytest.raises(ValueError, match="retrain"):
        VerdictModel.from_json(json.dumps(data))
    with pytest.raises(ValueError, match="'format' must be"):
        VerdictModel.from_json(json.dumps({"format": "pickle"}))


def test_decisive_findings_raise_divergence_probability() -> None:
    model = load_default_model()
    assert model is not None
    base = dict.fromkeys(FEATURE_NAMES, 0.0)
    base.update(similarity=0.9, token_ratio=0.9, content_overlap=0.9, length_ratio=0.95, unshared_content=0.1)
    plain = np.array([base[f] for f in FEATURE_NAMES])
    base.update(decisive_max=0.85, decisive_count=np.log1p(1), kind_number=0.85)
    flagged = np.array([base[f] for f in FEATURE_NAMES])
    assert model.probabilities(flagged)["divergence"] > model.probabilities(plain)["divergence"]
    assert model.probabilities(flagged)["divergence"] > 0.5


@pytest.mark.slow
@pytest.mark.shared
def test_training_command_reproduces_the_shipped_model(shared: Path, tmp_path: Path, embedder: Any) -> None:
    from claimcmp.training import main

    out = tmp_path / "model.json"
    assert main(["--shared", str(shared), "--out", str(out)]) == 0
    new = json.loads(out.read_text())
    shipped = load_default_model()
    assert shipped is not None
    # Same data, same command: the same model up to float noise.
    assert np.allclose(new["coef"], shipped.coef, atol=1e-3)
    assert np.allclose(new["intercept"], shipped.intercept, atol=1e-3)
