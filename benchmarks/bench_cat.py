"""Benchmark of Octet's evaluation engine against catsim, a Pix-like baseline and fixed forms.

Run: .venv/bin/python benchmarks/bench_cat.py [--quick] [--seed 7] [--candidates 3000]
Prints a table, writes PNG plots to benchmarks/out/, and prints one JSON object as its last line.
Everything is simulated: a generated bank of known 2PL parameters, candidates of known ability,
competences and learners of known mastery. Same process, same data for every design.

Answers use common random numbers: candidate j answers item i correctly iff u[j, i] < P_i(theta_j),
with u (candidates x items) drawn once per run from the seed and shared by every design (Octet,
catsim, the bound, the fixed form, the oracle), so their RMSEs differ only through the items they
choose and their estimators. catsim sees all the candidates (3,000 in a full run, the same
candidates and answers as cat_exposure.py --candidates 3000), on two processes.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from cat_bank import make_bank  # noqa: E402
from cat_competence import make_competence, make_learner, run_test, true_level  # noqa: E402

from octet.evaluation.domain.baselines.pix_like import PixLikeTest  # noqa: E402
from octet.evaluation.domain.calibration import fit_2pl  # noqa: E402
from octet.evaluation.domain.certification import (  # noqa: E402
    CertificationConfig,
    CertificationTest,
    ExposureControl,
    fit_exposure_prices,
)
from octet.evaluation.domain.competence_test import CompetenceTest  # noqa: E402
from octet.evaluation.domain.irt import GRID, ItemBank, grid_index, p_correct  # noqa: E402

CHECKPOINTS = (8, 16, 24, 32)
LENGTH = 32


def eap(log_post: np.ndarray) -> tuple[float, float]:
    w = np.exp(log_post - log_post.max())
    w /= w.sum()
    mean = float(w @ GRID)
    return mean, float(np.sqrt(w @ (GRID - mean) ** 2))


def uniforms(seed: int, candidates: int, items: int) -> np.ndarray:
    """The common random numbers of a run: u[j, i] decides candidate j's answer to item i.

    The same stream as cat_exposure.py: its first rows are the same for any number of candidates.
    """
    return np.random.default_rng([seed, 3]).random((candidates, items))


def answer(u_j, index, theta, a, b) -> bool:
    """Candidate j's answer to item `index`, from its row u_j of the common random numbers."""
    return bool(u_j[index] < p_correct(theta, a, b))


def run_octet(bank, thetas, u, config, timings=None):
    exposure = ExposureControl(len(bank), config.r_max)
    est = np.full((len(thetas), config.length), np.nan)
    lengths, balanced = [], 0
    n_comp = len(bank.competences)
    for j, theta in enumerate(thetas):
        test = CertificationTest(bank, config, exposure, seed=j)
        while True:
            t0 = time.perf_counter_ns()
            index = test.next_index()
            if timings is not None:
                timings.append(time.perf_counter_ns() - t0)
            if index is None:
                break
            test.record_index(index, answer(u[j], index, theta, bank.a[index], bank.b[index]))
            est[j, len(test.administered) - 1] = test.theta
        lengths.append(len(test.administered))
        tubes = bank.tube_index[test.administered]
        comps = np.unique(bank.competence_index[test.administered])
        balanced += len(set(tubes.tolist())) == len(tubes) and len(comps) == n_comp
    return est, np.array(lengths), exposure, balanced / len(thetas)


def run_oracle(bank, thetas, u, length=LENGTH, se_target=None, max_len=60):
    """Items chosen at the true ability (unknowable in practice), no constraints."""
    est = np.full((len(thetas), length), np.nan)
    lengths = []
    for j, theta in enumerate(thetas):
        order = np.argsort(-bank.info[grid_index(theta)], kind="stable")
        log_post = -0.5 * GRID**2
        n = length if se_target is None else max_len
        for k, index in enumerate(order[:n]):
            ok = answer(u[j], index, theta, bank.a[index], bank.b[index])
            log_post = log_post + (bank.log_p[index] if ok else bank.log_q[index])
            mean, se = eap(log_post)
            if k < length:
                est[j, k] = mean
            if se_target is not None and se <= se_target:
                break
        lengths.append(k + 1)
    return est, np.array(lengths)


def run_fixed(bank, thetas, u, seed):
    """One random fixed-length form of 32 items for everyone, scored by EAP."""
    form = np.random.default_rng([seed, 99]).choice(len(bank), LENGTH, replace=False)
    est = np.full((len(thetas), LENGTH), np.nan)
    for j, theta in enumerate(thetas):
        log_post = -0.5 * GRID**2
        for k, index in enumerate(form):
            ok = answer(u[j], index, theta, bank.a[index], bank.b[index])
            log_post = log_post + (bank.log_p[index] if ok else bank.log_q[index])
            est[j, k] = eap(log_post)[0]
    return est


def run_catsim(bank, thetas, u, workers=2):
    """catsim on every candidate, the candidates split into contiguous blocks over processes.

    Candidates are independent under catsim (no exposure state), so the result does not depend
    on the split. Returns the estimates, the item counts and the selection times (ns).
    """
    blocks = np.array_split(np.arange(len(thetas)), max(1, min(workers, len(thetas))))
    with ProcessPoolExecutor(max_workers=len(blocks)) as pool:
        parts = list(
            pool.map(_catsim_block, *zip(*[(bank, thetas[b], u[b]) for b in blocks], strict=True))
        )
    est = np.concatenate([p[0] for p in parts])
    counts = sum(p[1] for p in parts)
    timings = [t for p in parts for t in p[2]]
    return est, counts, timings


def _catsim_block(bank, thetas, u):
    """catsim's maximum-information selector, unconstrained, with the same EAP estimator."""
    from catsim.item_bank import ItemBank as CatsimBank
    from catsim.selection import MaxInfoSelector

    cbank = CatsimBank(np.column_stack([bank.a, bank.b]))
    selector = MaxInfoSelector()
    est = np.full((len(thetas), LENGTH), np.nan)
    counts = np.zeros(len(bank), dtype=int)
    timings: list[int] = []
    # catsim's choice is a function of the items given and the estimate. Candidates who share
    # both (every candidate at the first item, and many over the first ten) get the choice
    # catsim made for the first of them, without asking it again: the same choices, about a
    # third fewer calls. Only real calls are timed.
    seen: dict[tuple[tuple[int, ...], float], int] = {}
    for j, theta in enumerate(thetas):
        log_post = -0.5 * GRID**2
        administered: list[int] = []
        theta_hat = 0.0
        for k in range(LENGTH):
            key = (tuple(administered), theta_hat)
            if key in seen:
                index = seen[key]
            else:
                t0 = time.perf_counter_ns()
                index = int(
                    selector.select(
                        item_bank=cbank, administered_items=administered, est_theta=theta_hat
                    )
                )
                timings.append(time.perf_counter_ns() - t0)
                seen[key] = index
            administered.append(index)
            counts[index] += 1
            ok = answer(u[j], index, theta, bank.a[index], bank.b[index])
            log_post = log_post + (bank.log_p[index] if ok else bank.log_q[index])
            theta_hat = eap(log_post)[0]
            est[j, k] = theta_hat
    return est, counts, timings


def rmse(est, thetas):
    return np.sqrt(np.nanmean((est - thetas[:, None]) ** 2, axis=0))


def paired_ratio(est, ref, thetas, k=LENGTH):
    """RMSE ratio of two designs at length k minus 1, and its standard error (delta method).

    The designs see the same candidates and answers, so the error is that of the paired
    difference of squared errors, candidate by candidate.
    """
    sq, sq_ref = (est[:, k - 1] - thetas) ** 2, (ref[:, k - 1] - thetas) ** 2
    m, m_ref = sq.mean(), sq_ref.mean()
    ratio = np.sqrt(m / m_ref)
    d = sq / m - sq_ref / m_ref
    return ratio - 1, 0.5 * ratio * d.std(ddof=1) / np.sqrt(len(d))


def competence_benchmark(n_competences, learners, seed):
    rng = np.random.default_rng([seed, 21])
    comps = [make_competence(rng, f"c{i}") for i in range(n_competences)]
    res = {"octet": [], "pix_like": []}
    for ci, comp in enumerate(comps):
        octet = CompetenceTest(comp.items, comp.skills)
        pix = PixLikeTest(comp.items, comp.skills)
        for j in range(learners):
            learner = make_learner(rng, comp)
            truth = true_level(comp, learner)
            s = ci * 10_000 + j
            answers, decision = run_test(octet, learner, np.random.default_rng(s), "fr", s)
            level = decision.details["assessment"].competences[comp.id].level
            res["octet"].append((level == truth, len(answers)))
            answers, _ = run_test(pix, learner, np.random.default_rng(s), "fr", s)
            res["pix_like"].append((pix.levels(answers)[comp.id] == truth, len(answers)))
    return {k: np.array(v, dtype=float) for k, v in res.items()}


def calibration_benchmark(items, n_responses, seed):
    rng = np.random.default_rng([seed, 31])
    a = np.array([i.discrimination for i in items])
    b = np.array([i.difficulty for i in items])
    per = 20
    persons = n_responses // per
    theta = rng.normal(size=persons)
    pi = np.repeat(np.arange(persons), per)
    ii = np.argsort(rng.random((persons, len(items))), axis=1)[:, :per].ravel()
    y = rng.random(len(ii)) < p_correct(theta[pi], a[ii], b[ii])
    t0 = time.perf_counter()
    result = fit_2pl({"learner": pi, "item": ii, "outcome": y}, min_responses=50)
    seconds = time.perf_counter() - t0
    idx = np.array([int(x) for x in result.item_ids])
    return {
        "seconds": round(seconds, 2),
        "correlation": round(float(np.corrcoef(result.difficulty, b[idx])[0, 1]), 4),
        "correlation_a": round(float(np.corrcoef(result.discrimination, a[idx])[0, 1]), 4),
        "responses": int(len(y)),
        "iterations": result.iterations,
        "misfit": len(result.misfit),
    }


def plots(out_dir, curves, exposure_octet, exposure_catsim):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out_dir.mkdir(parents=True, exist_ok=True)
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for name, values in curves.items():
        ax.plot(np.arange(1, len(values) + 1), values, label=name)
    ax.set_xlabel("items administered")
    ax.set_ylabel("RMSE of ability (logits)")
    ax.set_title("Certification test: precision against length (3,000-item bank)")
    ax.set_ylim(0, 1.0)
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(out_dir / "rmse_by_length.png", dpi=110)
    plt.close(fig)
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for name, rates in (("octet", exposure_octet), ("catsim (max info)", exposure_catsim)):
        used = np.sort(rates[rates > 0])[::-1]
        ax.plot(np.arange(1, len(used) + 1), used, label=f"{name}: {len(used)} items used")
    ax.axhline(0.25, color="grey", linestyle="--", linewidth=1, label="goal 0.25")
    ax.set_xscale("log")
    ax.set_xlabel("items, most exposed first")
    ax.set_ylabel("exposure rate")
    ax.set_title("Item exposure, 32-item certification test")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(out_dir / "exposure.png", dpi=110)
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a smaller, faster run")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument(
        "--candidates", type=int, default=None, help="certification candidates (default 3000)"
    )
    parser.add_argument("--out", default=str(HERE / "out"))
    args = parser.parse_args()
    seed = args.seed
    quick = args.quick
    n_cand = args.candidates or (200 if quick else 3000)
    n_catsim = n_cand  # catsim sees every candidate (two processes)
    started = time.perf_counter()

    items = make_bank(np.random.default_rng([seed, 1]), 3000)
    bank = ItemBank.from_items(items, release="bench")
    thetas = np.random.default_rng([seed, 2]).normal(size=n_cand)
    u = uniforms(seed, n_cand, len(bank))  # common random numbers, shared by every design

    octet_times: list[int] = []
    cfg = CertificationConfig(length=LENGTH)
    # Once per release: exposure prices from a pre-simulation on its own simulated population.
    t0 = time.perf_counter()
    bank.exposure_price = fit_exposure_prices(bank, cfg, 500 if quick else 1500, seed=seed)
    price_seconds = time.perf_counter() - t0
    est_o, _, exposure, balanced = run_octet(bank, thetas, u, cfg, octet_times)
    # The bound: Octet's own engine with every constraint off (pure maximum information).
    free = CertificationConfig(
        length=LENGTH,
        r_max=1.0,
        one_per_tube=False,
        cover_all_competences=False,
        max_per_competence=LENGTH,
        use_exposure_price=False,
    )
    est_b, _, _, _ = run_octet(bank, thetas, u, free)
    est_x, _ = run_oracle(bank, thetas, u)
    est_f = run_fixed(bank, thetas, u, seed)
    est_c, counts_c, catsim_times = run_catsim(bank, thetas[:n_catsim], u[:n_catsim])
    # Octet on the very candidates catsim saw (all of them now), for a like-for-like comparison.
    curves = {
        "octet": rmse(est_o, thetas),
        "catsim": rmse(est_c, thetas[:n_catsim]),
        "fixed": rmse(est_f, thetas),
        "bound": rmse(est_b, thetas),
        "oracle": rmse(est_x, thetas),
    }
    octet_same = rmse(est_o[:n_catsim], thetas[:n_catsim])
    vs_catsim = paired_ratio(est_o[:n_catsim], est_c, thetas[:n_catsim])
    vs_bound = paired_ratio(est_o, est_b, thetas)

    var_cfg = CertificationConfig(length=60, se_target=0.30)
    _, len_var, _, _ = run_octet(bank, thetas, u, var_cfg)
    free_var = CertificationConfig(
        length=60,
        se_target=0.30,
        r_max=1.0,
        one_per_tube=False,
        cover_all_competences=False,
        max_per_competence=60,
        use_exposure_price=False,
    )
    _, len_bound, _, _ = run_octet(bank, thetas, u, free_var)
    # The SE-only stop of Octet's constrained engine, without waiting for full coverage.
    se_only = CertificationConfig(length=60, se_target=0.30, cover_all_competences=False)
    _, len_se_only, _, _ = run_octet(bank, thetas, u, se_only)

    rates = exposure.counts / n_cand
    overlap = float(
        (exposure.counts * (exposure.counts - 1)).sum() / (n_cand * (n_cand - 1) * LENGTH)
    )

    comp = competence_benchmark(4 if quick else 10, 20 if quick else 60, seed)
    calib = calibration_benchmark(items, 200_000 if quick else 1_000_000, seed)

    plots(
        Path(args.out),
        {k: v for k, v in curves.items() if k != "oracle"},
        rates,
        counts_c / n_catsim,
    )

    result = {
        "rmse": {
            name: {str(k): round(float(curve[k - 1]), 4) for k in CHECKPOINTS}
            for name, curve in curves.items()
        },
        "rmse_octet_on_catsim_candidates": {
            str(k): round(float(octet_same[k - 1]), 4) for k in CHECKPOINTS
        },
        "items_to_se30": {
            "octet": round(float(len_var.mean()), 2),
            "bound": round(float(len_bound.mean()), 2),
            "octet_without_coverage": round(float(len_se_only.mean()), 2),
        },
        "max_exposure": round(float(rates.max()), 4),
        "mean_overlap": round(overlap, 4),
        "content_balanced": round(float(balanced), 4),
        "price_fit_seconds": round(price_seconds, 1),
        "select_us": {
            "octet": round(float(np.median(octet_times)) / 1000, 1),
            "catsim": round(float(np.median(catsim_times)) / 1000, 1),
        },
        "level_accuracy": {k: round(float(v[:, 0].mean()), 4) for k, v in comp.items()},
        "mean_length": {k: round(float(v[:, 1].mean()), 2) for k, v in comp.items()},
        "calibration": calib,
        "bank_items": len(bank),
        "candidates": {"octet": n_cand, "catsim": n_catsim},
        "competence_tests": int(len(comp["octet"])),
        "quick": quick,
        "seconds": round(time.perf_counter() - started, 1),
    }
    r = result["rmse"]
    # catsim is compared on the very candidates it saw (all of them), with the same answers.
    o32, c32, b32 = r["octet"]["32"], r["catsim"]["32"], r["bound"]["32"]
    o32_same = result["rmse_octet_on_catsim_candidates"]["32"]
    goals = {
        "rmse32_within_3pct_of_catsim": o32_same <= 1.03 * c32,
        "rmse32_within_10pct_of_bound": o32 <= 1.10 * b32,
        "max_exposure_le_0.25": result["max_exposure"] <= 0.25,
        "content_balanced": result["content_balanced"] == 1.0,
        "select_10x_faster": result["select_us"]["octet"] * 10 <= result["select_us"]["catsim"],
        "competence_as_accurate": result["level_accuracy"]["octet"]
        >= result["level_accuracy"]["pix_like"],
        "competence_25pct_fewer": result["mean_length"]["octet"]
        <= 0.75 * result["mean_length"]["pix_like"],
        "calibration_under_60s": calib["seconds"] < 60,
        "calibration_corr_ge_0.95": calib["correlation"] >= 0.95,
    }
    result["goals"] = goals

    print(f"Octet evaluation benchmark ({'quick' if quick else 'full'} run, seed {seed})")
    print(f"bank: {len(bank)} items, {len(bank.competences)} competences, {len(bank.tubes)} tubes")
    print()
    print(f"{'RMSE of ability':<22}" + "".join(f"{k:>8}" for k in CHECKPOINTS))
    for name in ("octet", "catsim", "bound", "oracle", "fixed"):
        print(f"{name:<22}" + "".join(f"{r[name][str(k)]:>8.3f}" for k in CHECKPOINTS))
    print(
        f"{'octet (catsim cands)':<22}"
        + "".join(f"{result['rmse_octet_on_catsim_candidates'][str(k)]:>8.3f}" for k in CHECKPOINTS)
    )
    print(
        f"RMSE at {LENGTH}, paired (same candidates, same answers): "
        f"octet vs catsim {100 * vs_catsim[0]:+.1f} % (SE {100 * vs_catsim[1]:.1f}), "
        f"octet vs bound {100 * vs_bound[0]:+.1f} % (SE {100 * vs_bound[1]:.1f}); "
        f"catsim on {n_catsim} candidates"
    )
    print()
    print(
        f"items to SE <= 0.30: octet {result['items_to_se30']['octet']:.1f} "
        f"(all 16 competences covered first), "
        f"{result['items_to_se30']['octet_without_coverage']:.1f} without coverage rule, "
        f"bound {result['items_to_se30']['bound']:.1f}"
    )
    print(
        f"exposure: max {result['max_exposure']:.3f}, mean overlap {overlap:.3f}, "
        f"content balanced {balanced:.0%}; exposure prices fitted in "
        f"{result['price_fit_seconds']:.1f} s ({int((bank.exposure_price > 0).sum())} items priced)"
    )
    print(
        f"selection step: octet {result['select_us']['octet']:.1f} us, "
        f"catsim {result['select_us']['catsim']:.1f} us (median)"
    )
    print(
        f"competence tests ({len(comp['octet'])} learners): "
        + ", ".join(
            f"{k} accuracy {result['level_accuracy'][k]:.3f} length {result['mean_length'][k]:.2f}"
            for k in comp
        )
    )
    print(
        f"calibration: {calib['responses']:,} responses in {calib['seconds']:.1f} s, "
        f"r(b) {calib['correlation']:.3f}, r(a) {calib['correlation_a']:.3f}"
    )
    print("goals: " + ", ".join(f"{k} {'OK' if v else 'MISSED'}" for k, v in goals.items()))
    print(f"plots: {os.path.relpath(args.out)}/rmse_by_length.png, exposure.png")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
