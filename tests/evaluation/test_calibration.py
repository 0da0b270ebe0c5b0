import json

import numpy as np

from octet.evaluation.domain.calibration import fit_2pl, main


def _simulate(n_items=40, persons=4000, per=20, seed=0):
    rng = np.random.default_rng(seed)
    a = np.exp(rng.normal(0.15, 0.25, n_items))
    b = rng.normal(0, 1, n_items)
    theta = rng.normal(size=persons)
    pi = np.repeat(np.arange(persons), per)
    ii = np.argsort(rng.random((persons, n_items)), axis=1)[:, :per].ravel()
    y = rng.random(len(ii)) < 1 / (1 + np.exp(-a[ii] * (theta[pi] - b[ii])))
    return a, b, pi, ii, y


def test_recovers_known_parameters():
    a, b, pi, ii, y = _simulate()
    result = fit_2pl({"learner": pi, "item": [f"i{k:02d}" for k in ii], "outcome": y})
    order = [int(i[1:]) for i in result.item_ids]
    assert result.converged
    assert np.corrcoef(result.difficulty, b[order])[0, 1] > 0.98
    assert np.corrcoef(result.discrimination, a[order])[0, 1] > 0.8
    assert np.sqrt(np.mean((result.difficulty - b[order]) ** 2)) < 0.15
    assert np.all(np.isfinite(result.se_difficulty)) and np.all(result.se_difficulty > 0)


def test_items_with_few_answers_keep_their_defaults():
    a, b, pi, ii, y = _simulate()
    keep = (ii != 3) | (pi < 50)  # item 3 answered by a handful of learners only
    ids = np.array([f"i{k:02d}" for k in ii])[keep]
    result = fit_2pl(
        {"learner": pi[keep], "item": ids, "outcome": y[keep]},
        defaults={"i03": (1.5, 1.0)},
        min_responses=100,
    )
    k = result.item_ids.index("i03")
    assert not result.calibrated[k]
    assert (result.difficulty[k], result.discrimination[k]) == (1.5, 1.0)
    assert result.calibrated.sum() == 39


def test_flags_a_misfitting_item():
    a, b, pi, ii, y = _simulate()
    y = y.copy()
    y[ii == 7] = ~y[ii == 7]  # a miskeyed item: strong learners fail it
    result = fit_2pl({"learner": pi, "item": [f"i{k:02d}" for k in ii], "outcome": y})
    assert "i07" in result.misfit
    assert len(result.misfit) <= 3


def test_command_writes_a_parameter_set(tmp_path):
    a, b, pi, ii, y = _simulate(n_items=10, persons=1500, per=8)
    csv_path = tmp_path / "responses.csv"
    lines = ["learner,item,outcome"] + [
        f"l{p},i{i},{'ok' if ok else 'ko'}" for p, i, ok in zip(pi, ii, y, strict=True)
    ]
    csv_path.write_text("\n".join(lines) + "\n")
    out = tmp_path / "params.json"
    assert main(["--responses", str(csv_path), "--out", str(out)]) == 0
    data = json.loads(out.read_text())
    assert data["model"] == "2PL"
    assert set(data["items"]) == {f"i{k}" for k in range(10)}
    assert all(item["calibrated"] for item in data["items"].values())
