"""Ablation of the certification test's selection rule under exposure control.

Run: .venv/bin/python benchmarks/cat_exposure.py [--seeds 1 2 3] [--candidates 1000]
Every design sees the same bank, the same candidates and the same answers: candidate j answers
item i correctly when u[j, i] < P(theta_j, i), with u drawn once per seed (common random
numbers). So the difference between two designs is measured on paired errors, far less noisy
than two independent runs. The reference is Octet's engine with every constraint off, i.e.
pure maximum information, the rule catsim's MaxInfoSelector implements. The bank's exposure
prices are fitted once per seed on a separate simulated population (`fit_exposure_prices`).
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from cat_bank import make_bank  # noqa: E402

from octet.evaluation.domain.certification import (  # noqa: E402
    CertificationConfig,
    CertificationTest,
    ExposureControl,
    fit_exposure_prices,
)
from octet.evaluation.domain.irt import ItemBank, p_correct  # noqa: E402

LENGTH = 32
FREE = CertificationConfig(
    length=LENGTH,
    r_max=1.0,
    one_per_tube=False,
    cover_all_competences=False,
    max_per_competence=LENGTH,
    use_exposure_price=False,
)
BASE = CertificationConfig(length=LENGTH)
DESIGNS: dict[str, CertificationConfig] = {
    "free": FREE,
    "balance_only": replace(BASE, r_max=1.0, use_exposure_price=False),
    "r_max=0.2": replace(BASE, r_max=0.2, use_exposure_price=False),
    "no_prices": replace(BASE, use_exposure_price=False),  # the cap alone (engine 1.0)
    "default": BASE,  # r_max 0.25, exposure prices, the cap as a safety net
}


def design(name: str) -> CertificationConfig:
    """A named design, or `key=value,key=value` overrides of the default configuration."""
    if name in DESIGNS:
        return DESIGNS[name]
    fields = {}
    for pair in name.split(","):
        key, value = pair.split("=")
        kind = type(getattr(BASE, key, 0.0))
        kind = int if kind is type(None) else kind
        fields[key] = value == "1" if kind is bool else kind(value)
    return replace(BASE, **fields)


def simulate(bank, thetas, u, config):
    """Squared errors (candidates x length), exposure rates and the share of balanced tests."""
    exposure = ExposureControl(len(bank), config.r_max)
    sq = np.full((len(thetas), config.length), np.nan)
    balanced = 0
    n_comp = len(bank.competences)
    for j, theta in enumerate(thetas):
        test = CertificationTest(bank, config, exposure, seed=j)
        p = p_correct(theta, bank.a, bank.b)
        while (index := test.next_index()) is not None:
            test.record_index(index, bool(u[j, index] < p[index]))
            sq[j, len(test.administered) - 1] = (test.theta - theta) ** 2
        tubes = bank.tube_index[test.administered]
        comps = np.unique(bank.competence_index[test.administered])
        balanced += len(set(tubes.tolist())) == len(tubes) and len(comps) == n_comp
    return sq, exposure.counts / len(thetas), balanced / len(thetas)


def run_seed(seed, n_cand, names):
    bank = ItemBank.from_items(make_bank(np.random.default_rng([seed, 1]), 3000), "ablation")
    thetas = np.random.default_rng([seed, 2]).normal(size=n_cand)
    u = np.random.default_rng([seed, 3]).random((n_cand, len(bank)))
    bank.exposure_price = fit_exposure_prices(bank, BASE, seed=seed)
    out = {}
    for name in ["free", *names]:
        sq, rates, balanced = simulate(bank, thetas, u, design(name))
        out[name] = (sq, float(rates.max()), balanced)
    return seed, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="+", default=[2024, 7])
    parser.add_argument("--candidates", type=int, default=1000)
    parser.add_argument("--designs", nargs="+", default=[d for d in DESIGNS if d != "free"])
    args = parser.parse_args()
    with ProcessPoolExecutor(max_workers=2) as pool:
        runs = list(
            pool.map(
                run_seed,
                args.seeds,
                [args.candidates] * len(args.seeds),
                [args.designs] * len(args.seeds),
            )
        )
    results = {}
    print(
        f"{'design':<24}{'seed':>6}{'rmse8':>8}{'rmse16':>8}{'rmse32':>8}"
        f"{'vs free':>9}{'+-':>6}{'maxexp':>8}{'bal':>6}"
    )
    for name in args.designs:
        ratios = []
        for seed, out in runs:
            sq, max_exp, bal = out[name]
            free = out["free"][0][:, -1]
            m32, f32 = sq[:, -1].mean(), free.mean()
            ratio = np.sqrt(m32 / f32)
            # delta-method SE of the ratio of paired mean squared errors
            d = sq[:, -1] / m32 - free / f32
            se = 0.5 * ratio * d.std(ddof=1) / np.sqrt(len(d))
            ratios.append(ratio)
            r = np.sqrt(np.nanmean(sq, axis=0))
            print(
                f"{name[:24]:<24}{seed:>6}{r[7]:>8.4f}{r[15]:>8.4f}{r[31]:>8.4f}"
                f"{100 * (ratio - 1):>+8.1f}%{100 * se:>5.1f}{max_exp:>8.3f}{bal:>6.2f}"
            )
        results[name] = round(100 * (float(np.mean(ratios)) - 1), 2)
    print(json.dumps({"rmse32_vs_free_pct": results}))


if __name__ == "__main__":
    main()
