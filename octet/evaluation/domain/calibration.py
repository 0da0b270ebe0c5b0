"""Calibration: fit 2PL item parameters from stored answers (marginal maximum likelihood, EM).

Bock-Aitkin EM on a fixed quadrature of the N(0, 1) ability distribution, on sparse long-format
data (each learner answers a few items of a large bank). Items with too few answers are not
fitted: they keep their default parameters (from their skill level) and `calibrated=False`.
Standard errors come from the inverse of each item's information matrix at convergence;
misfit is flagged from the RMSD between observed and expected success per ability node, and
from a too low discrimination.

Command line:
    python -m octet.evaluation.domain.calibration --responses responses.csv --out params.json
with CSV columns learner,item,outcome (outcome ok/1/true counts as correct, anything else not),
and optionally --items items.csv (columns item,level) for the defaults of uncalibrated items.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from scipy.special import expit, log_expit, logsumexp

from octet.evaluation.domain.params import default_item_params
from octet.evaluation.domain.types import ENGINE_VERSION

CORRECT_VALUES = frozenset({"ok", "1", "true", "yes", "correct"})


@dataclass
class CalibrationResult:
    item_ids: list[str]
    difficulty: np.ndarray
    discrimination: np.ndarray
    se_difficulty: np.ndarray  # nan for uncalibrated items
    se_discrimination: np.ndarray
    n_responses: np.ndarray
    calibrated: np.ndarray  # bool: fitted (False: defaults kept)
    misfit: dict[str, list[str]]  # item id -> reasons
    rmsd: np.ndarray
    iterations: int
    converged: bool
    log_likelihood: float
    seconds: float
    engine_version: str = ENGINE_VERSION
    extra: dict = field(default_factory=dict)

    def params(self) -> dict[str, dict]:
        """Parameter set keyed by item id, ready to be written as JSON."""
        out = {}
        for k, item in enumerate(self.item_ids):
            out[item] = {
                "difficulty": round(float(self.difficulty[k]), 4),
                "discrimination": round(float(self.discrimination[k]), 4),
                "se_difficulty": _json_float(self.se_difficulty[k]),
                "se_discrimination": _json_float(self.se_discrimination[k]),
                "n": int(self.n_responses[k]),
                "calibrated": bool(self.calibrated[k]),
                "misfit": self.misfit.get(item, []),
            }
        return out

    def to_json(self) -> dict:
        return {
            "engine_version": self.engine_version,
            "model": "2PL",
            "iterations": self.iterations,
            "converged": self.converged,
            "log_likelihood": self.log_likelihood,
            "seconds": round(self.seconds, 3),
            "items": self.params(),
        }


def _json_float(x: float) -> float | None:
    return None if not math.isfinite(x) else round(float(x), 4)


def _to_arrays(responses) -> tuple[list[str], list[str], np.ndarray, np.ndarray, np.ndarray]:
    """(learner ids, item ids, learner index, item index, y) from triples or a dict of arrays."""
    if isinstance(responses, Mapping):
        learners = np.asarray(responses["learner"])
        items = np.asarray(responses["item"])
        y = np.asarray(responses["outcome"])
    else:
        rows = list(responses)
        learners = np.array([r[0] for r in rows])
        items = np.array([r[1] for r in rows])
        y = np.array([r[2] for r in rows], dtype=object)
    if y.dtype.kind in "biuf":
        y = y.astype(float) > 0.5
    else:
        y = np.array([str(v).strip().lower() in CORRECT_VALUES for v in y], dtype=bool)
    learner_ids, learner_ix = np.unique(learners, return_inverse=True)
    item_ids, item_ix = np.unique(items, return_inverse=True)
    return (
        [str(x) for x in learner_ids],
        [str(x) for x in item_ids],
        learner_ix,
        item_ix,
        y,
    )


def fit_2pl(
    responses: Iterable[tuple[str, str, object]] | Mapping[str, np.ndarray],
    *,
    defaults: Mapping[str, tuple[float, float]] | None = None,
    min_responses: int = 100,
    nodes: int = 41,
    max_iterations: int = 200,
    tolerance: float = 1e-3,
    rmsd_threshold: float = 0.12,
    min_discrimination: float = 0.25,
) -> CalibrationResult:
    """Fit 2PL parameters (difficulty b, discrimination a) to long-format answers.

    `responses` is an iterable of (learner, item, outcome) or a mapping with arrays under
    "learner", "item" and "outcome". `defaults` gives (difficulty, discrimination) for items
    that cannot be fitted; others default to (0, 1).
    """
    start = time.perf_counter()
    _, item_ids, p_ix, i_ix, y = _to_arrays(responses)
    n_persons, n_items = int(p_ix.max()) + 1, len(item_ids)
    ones = np.ones(len(y))
    x1 = sparse.csr_matrix((ones * y, (p_ix, i_ix)), shape=(n_persons, n_items))
    x0 = sparse.csr_matrix((ones * ~y, (p_ix, i_ix)), shape=(n_persons, n_items))
    x1.eliminate_zeros()
    x0.eliminate_zeros()
    x1t, x0t = x1.T.tocsr(), x0.T.tocsr()
    n_resp = np.bincount(i_ix, minlength=n_items)
    n_ok = np.bincount(i_ix, weights=y.astype(float), minlength=n_items)

    theta = np.linspace(-5, 5, nodes)
    log_w = -0.5 * theta**2
    log_w -= logsumexp(log_w)

    defaults = defaults or {}
    b_def = np.array([defaults.get(i, (0.0, 1.0))[0] for i in item_ids], dtype=float)
    a_def = np.array([defaults.get(i, (0.0, 1.0))[1] for i in item_ids], dtype=float)
    fit = n_resp >= min_responses
    # Start fitted items from their success rate, the others from their defaults.
    p_obs = np.clip((n_ok + 0.5) / (n_resp + 1.0), 0.02, 0.98)
    a = np.where(fit, 1.0, a_def)
    c = np.where(fit, np.log(p_obs / (1 - p_obs)) * 1.2, -a_def * b_def)
    # Weak priors keep sparse items finite: a ~ N(1, 1), intercept ~ N(0, 20^2).
    a_mu, a_var, c_var = 1.0, 0.25, 400.0

    loglik, converged, iteration = -np.inf, False, 0
    for iteration in range(1, max_iterations + 1):  # noqa: B007
        z = a[:, None] * theta[None, :] + c[:, None]
        lp, lq = log_expit(z), log_expit(-z)
        ll = np.asarray(x1 @ lp) + np.asarray(x0 @ lq) + log_w[None, :]
        norm = logsumexp(ll, axis=1, keepdims=True)
        post = np.exp(ll - norm)
        new_loglik = float(norm.sum())
        r1 = np.asarray(x1t @ post)  # expected correct answers per item and node
        nn = r1 + np.asarray(x0t @ post)  # expected answers per item and node
        a_old, c_old = a.copy(), c.copy()
        for _ in range(3):  # Newton steps on each item's expected log-likelihood
            p = expit(a[:, None] * theta[None, :] + c[:, None])
            resid = r1 - nn * p
            g_a = resid @ theta - (a - a_mu) / a_var
            g_c = resid.sum(axis=1) - c / c_var
            wq = nn * p * (1 - p)
            h_aa = wq @ theta**2 + 1 / a_var
            h_ac = wq @ theta
            h_cc = wq.sum(axis=1) + 1 / c_var
            det = h_aa * h_cc - h_ac**2
            da = (h_cc * g_a - h_ac * g_c) / det
            dc = (h_aa * g_c - h_ac * g_a) / det
            step = 1.0 / np.maximum(1.0, np.maximum(np.abs(da), np.abs(dc)))  # damped
            a = np.where(fit, a + step * da, a)
            c = np.where(fit, c + step * dc, c)
        change = max(np.abs(a - a_old).max(), np.abs(c - c_old).max()) if fit.any() else 0.0
        if change < tolerance:
            loglik = new_loglik
            converged = True
            break
        loglik = new_loglik

    # Standard errors from the inverse information of (a, c); delta method for b = -c / a.
    p = expit(a[:, None] * theta[None, :] + c[:, None])
    wq = nn * p * (1 - p)
    h_aa, h_ac, h_cc = wq @ theta**2, wq @ theta, wq.sum(axis=1)
    det = np.maximum(h_aa * h_cc - h_ac**2, 1e-12)
    var_a, var_c, cov_ac = h_cc / det, h_aa / det, -h_ac / det
    b = -c / a
    g_a, g_c = c / a**2, -1 / a
    var_b = g_a**2 * var_a + g_c**2 * var_c + 2 * g_a * g_c * cov_ac
    se_a = np.where(fit, np.sqrt(np.maximum(var_a, 0)), np.nan)
    se_b = np.where(fit, np.sqrt(np.maximum(var_b, 0)), np.nan)
    b = np.where(fit, b, b_def)
    a = np.where(fit, a, a_def)

    with np.errstate(invalid="ignore", divide="ignore"):
        observed = np.where(nn > 0, r1 / nn, 0.0)
    rmsd = np.sqrt((nn * (observed - p) ** 2).sum(axis=1) / np.maximum(nn.sum(axis=1), 1e-12))
    misfit: dict[str, list[str]] = {}
    for k in np.flatnonzero(fit):
        reasons = []
        if rmsd[k] > rmsd_threshold:
            reasons.append(f"rmsd {rmsd[k]:.3f} > {rmsd_threshold}")
        if a[k] < min_discrimination:
            reasons.append(f"discrimination {a[k]:.2f} < {min_discrimination}")
        if abs(b[k]) > 5:
            reasons.append(f"difficulty {b[k]:.2f} out of range")
        if reasons:
            misfit[item_ids[k]] = reasons
    return CalibrationResult(
        item_ids=item_ids,
        difficulty=b,
        discrimination=a,
        se_difficulty=se_b,
        se_discrimination=se_a,
        n_responses=n_resp,
        calibrated=fit,
        misfit=misfit,
        rmsd=np.where(fit, rmsd, np.nan),
        iterations=iteration,
        converged=converged,
        log_likelihood=loglik,
        seconds=time.perf_counter() - start,
    )


def read_responses_csv(path: str) -> dict[str, np.ndarray]:
    learners, items, outcomes = [], [], []
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            learners.append(row["learner"])
            items.append(row["item"])
            outcomes.append(row["outcome"].strip().lower() in CORRECT_VALUES)
    return {
        "learner": np.array(learners),
        "item": np.array(items),
        "outcome": np.array(outcomes, dtype=bool),
    }


def read_item_defaults(path: str) -> dict[str, tuple[float, float]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return {
            row["item"]: default_item_params(int(row["level"])) for row in csv.DictReader(handle)
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fit 2PL item parameters (MML-EM).")
    parser.add_argument("--responses", required=True, help="CSV with learner,item,outcome")
    parser.add_argument("--out", required=True, help="JSON parameter set to write")
    parser.add_argument("--items", help="CSV with item,level: defaults of uncalibrated items")
    parser.add_argument("--min-responses", type=int, default=100)
    args = parser.parse_args(argv)
    responses = read_responses_csv(args.responses)
    defaults = read_item_defaults(args.items) if args.items else None
    result = fit_2pl(responses, defaults=defaults, min_responses=args.min_responses)
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(result.to_json(), handle, indent=1, sort_keys=True)
    fitted = int(result.calibrated.sum())
    print(
        f"{len(result.item_ids)} items, {fitted} calibrated, {len(result.misfit)} misfitting, "
        f"{result.iterations} EM cycles, {result.seconds:.1f} s -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
