from dataclasses import replace

import numpy as np
import pytest

from octet.evaluation.domain.certification import (
    CertificationConfig,
    CertificationTest,
    ExposureControl,
    ScoreBands,
    fit_exposure_prices,
    replay,
)
from octet.evaluation.domain.irt import GRID, ItemBank, information, p_correct
from octet.evaluation.domain.types import ENGINE_VERSION, Item


def _bank(n_comp=4, tubes=6, levels=6, per_skill=2, seed=0):
    rng = np.random.default_rng(seed)
    items = []
    for c in range(n_comp):
        for t in range(tubes):
            for level in range(1, levels + 1):
                for k in range(per_skill):
                    items.append(
                        Item(
                            f"c{c}t{t}s{level}-{k}",
                            f"c{c}t{t}s{level}",
                            f"c{c}t{t}",
                            f"c{c}",
                            level,
                            difficulty=(level - 3.5) * 0.75 + rng.normal(0, 0.3),
                            discrimination=float(np.exp(rng.normal(0.2, 0.3))),
                            calibrated=True,
                        )
                    )
    return ItemBank.from_items(items, release="r1")


def _simulate(bank, config, n, seed=0, exposure=None):
    rng = np.random.default_rng(seed)
    tests = []
    for j in range(n):
        theta = rng.normal()
        test = CertificationTest(bank, config, exposure, seed=j)
        while (index := test.next_index()) is not None:
            p = 1 / (1 + np.exp(-bank.a[index] * (theta - bank.b[index])))
            test.record_index(index, bool(rng.random() < p))
        tests.append(test)
    return tests


def test_incremental_estimate_matches_a_full_recomputation():
    bank = _bank()
    test = _simulate(bank, CertificationConfig(length=12), 1)[0]
    log_post = -0.5 * GRID**2
    for index, ok in zip(test.administered, test.responses, strict=True):
        p = 1 / (1 + np.exp(-bank.a[index] * (GRID - bank.b[index])))
        log_post += np.log(p if ok else 1 - p)
    w = np.exp(log_post - log_post.max())
    w /= w.sum()
    assert test.theta == pytest.approx(float(w @ GRID), abs=1e-9)


def test_exposure_stays_under_r_max():
    bank = _bank()
    exposure = ExposureControl(len(bank), r_max=0.2)
    tests = _simulate(bank, CertificationConfig(length=12, r_max=0.2), 100, exposure=exposure)
    assert len(tests) == 100
    assert exposure.counts.max() / 100 <= 0.2 + 1e-9


def _priced_bank(length=12, **kwargs):
    bank = _bank(**kwargs)
    config = CertificationConfig(length=length)
    bank.exposure_price = fit_exposure_prices(bank, config, candidates=200, rounds=4, seed=1)
    return bank


@pytest.mark.parametrize("r_max,priced", [(0.25, False), (0.3, False), (0.25, True)])
def test_exposure_never_above_the_cap_after_any_candidate(r_max, priced):
    # 0.3 does not divide evenly: the rate must still never pass the cap. With exposure prices
    # the cap stays a hard rule.
    bank = _priced_bank() if priced else _bank()
    config = CertificationConfig(length=12, r_max=r_max)
    exposure = ExposureControl(len(bank), r_max=r_max)
    rng = np.random.default_rng(3)
    for j in range(301):
        theta = rng.normal()
        test = CertificationTest(bank, config, exposure, seed=j)
        while (index := test.next_index()) is not None:
            p = 1 / (1 + np.exp(-bank.a[index] * (theta - bank.b[index])))
            test.record_index(index, bool(rng.random() < p))
        assert len(test.administered) == 12
        if exposure.tests >= 1 / r_max:
            assert exposure.rates().max() <= r_max + 1e-12
        else:
            assert exposure.counts.max() <= 1  # the first tests share no item


@pytest.mark.parametrize("priced", [False, True], ids=["plain", "with-exposure-prices"])
def test_default_test_is_content_balanced_under_exposure_control(priced):
    bank = (_priced_bank if priced else _bank)(n_comp=4)
    assert CertificationConfig().r_max == ExposureControl(1).r_max == 0.25
    exposure = ExposureControl(len(bank))
    for test in _simulate(bank, CertificationConfig(length=12), 60, exposure=exposure):
        tubes = bank.tube_index[test.administered]
        assert len(set(tubes.tolist())) == len(tubes) == 12
        counts = np.bincount(bank.competence_index[test.administered], minlength=4)
        assert counts.min() >= 1 and counts.max() <= 4
    assert exposure.rates().max() <= 0.25


def test_exposure_prices_are_reproducible_and_curb_overused_items():
    bank = _bank()
    config = CertificationConfig(length=12)
    prices = fit_exposure_prices(bank, config, candidates=200, rounds=4, seed=1)
    again = fit_exposure_prices(bank, config, candidates=200, rounds=4, seed=1)
    assert (prices == again).all()
    assert prices.min() >= 0 and (prices > 0).any()
    # Without the cap, pure maximum information over-serves a few items; the prices curb them.
    rates = {}
    for priced in (False, True):
        bank.exposure_price = prices if priced else None
        counts = np.zeros(len(bank))
        for test in _simulate(bank, config, 200, seed=2):
            counts[test.administered] += 1
        rates[priced] = counts / 200
    # (Everyone's first item is the same without the cap, so compare the total excess.)
    excess = {k: np.maximum(r - 0.25, 0).sum() for k, r in rates.items()}
    assert excess[True] < 0.8 * excess[False]
    # The bound and other reference designs can switch them off.
    off = CertificationTest(bank, CertificationConfig(length=12, use_exposure_price=False))
    assert off.price is None


class _NoRead(list):
    """A list that fails if read: a step must not go back over earlier answers."""

    def __iter__(self):
        raise AssertionError("earlier answers were read")

    __getitem__ = __contains__ = __iter__  # type: ignore[assignment]


def test_one_step_never_reads_earlier_answers():
    bank = _priced_bank()
    test = CertificationTest(bank, CertificationConfig(length=12), ExposureControl(len(bank)))
    test.administered, test.responses = _NoRead(), _NoRead()
    rng = np.random.default_rng(0)
    while (index := test.next_index()) is not None:
        test.record_index(index, bool(rng.random() < 0.5))
    assert len(test.administered) == 12


def test_same_seed_same_tests_and_exposure():
    bank = _bank()
    runs = []
    for _ in range(2):
        exposure = ExposureControl(len(bank))
        tests = _simulate(bank, CertificationConfig(length=10, top_k=2), 30, 9, exposure)
        runs.append(([t.administered for t in tests], exposure.counts.copy()))
    assert runs[0][0] == runs[1][0]
    assert (runs[0][1] == runs[1][1]).all()


def test_content_balance_every_competence_and_one_item_per_tube():
    bank = _bank(n_comp=4)
    for test in _simulate(bank, CertificationConfig(length=12), 20):
        tubes = bank.tube_index[test.administered]
        assert len(set(tubes.tolist())) == len(tubes) == 12
        counts = np.bincount(bank.competence_index[test.administered], minlength=4)
        assert counts.min() >= 1
        assert counts.max() <= 4  # ceil(12 / 4) + 1


def test_standard_error_stop_waits_for_coverage():
    bank = _bank(n_comp=4)
    config = CertificationConfig(length=40, se_target=0.45)
    for test in _simulate(bank, config, 10):
        n = len(test.administered)
        assert test.se <= 0.45 or n == 40
        assert len(set(bank.competence_index[test.administered].tolist())) == 4
        assert n < 40


@pytest.mark.parametrize("priced", [False, True])
def test_replay_from_recorded_answers_and_seed(priced):
    bank = _priced_bank(length=10) if priced else _bank()
    config = CertificationConfig(length=10, top_k=3)
    test = _simulate(bank, config, 1, seed=5)[0]
    answers = [
        test.answer_record(bank.ids[i], "ok" if ok else "ko")
        for i, ok in zip(test.administered, test.responses, strict=True)
    ]
    assert answers[0].engine_version == ENGINE_VERSION
    assert answers[0].release == "r1"
    assert answers[0].difficulty == pytest.approx(bank.b[test.administered[0]])
    again = replay(bank, answers, config, seed=0)
    assert again.theta == pytest.approx(test.theta)
    # Same seed, same answers so far: the same choices, step by step.
    other = CertificationTest(bank, config, seed=0)
    for index, ok in zip(test.administered, test.responses, strict=True):
        assert other.next_index() == index
        other.record_index(index, ok)


def test_score_bands_are_monotonic_and_capped():
    bands = ScoreBands()
    thetas = np.linspace(-4, 6, 200)
    scores = [bands.score(t) for t in thetas]
    assert scores == sorted(scores)
    assert scores[0] == 0
    assert scores[-1] == 7 * 128 - 1
    assert bands.level(-3) == 0 and bands.level(6) == 7


def test_competence_levels_use_configurable_bands():
    bank = _bank()
    strict = ScoreBands(thresholds=tuple(np.arange(1, 9) * 10.0))
    config = CertificationConfig(length=8, competence_bands={"c0": strict})
    test = _simulate(bank, config, 1)[0]
    levels = test.competence_levels()
    assert levels["c0"] == 0
    assert set(levels) == {"c0", "c1", "c2", "c3"}


def test_no_item_left_ends_the_test():
    bank = _bank(n_comp=1, tubes=2, levels=1, per_skill=1)
    test = CertificationTest(bank, CertificationConfig(length=32))
    test.record_index(test.next_index(), True)
    test.record_index(test.next_index(), False)
    assert test.next_index() is None
    assert test.next_challenge().reason == "no-challenge-left"


def test_information_at_the_estimate_itself_chooses_by_the_exact_estimate():
    bank = _bank(n_comp=2, tubes=12, per_skill=3, seed=5)
    free = CertificationConfig(
        length=16, one_per_tube=False, cover_all_competences=False, max_per_competence=16
    )
    exact = replace(free, info_at_estimate=True)
    rng = np.random.default_rng(3)
    differs = 0
    for j in range(20):
        theta = rng.normal()
        test = CertificationTest(bank, exact, None, seed=j)
        while (index := test.next_index()) is not None:
            info = information(test.theta, bank.a, bank.b)
            assert index == int(np.where(test.available, info, -np.inf).argmax())
            grid_rule = CertificationTest(bank, free, None, seed=j)
            for done, ok in zip(test.administered, test.responses, strict=True):
                grid_rule.record_index(done, ok)
            differs += grid_rule.next_index() != index
            test.record_index(
                index, bool(rng.random() < p_correct(theta, bank.a[index], bank.b[index]))
            )
    assert differs > 0  # the nearest grid point is another rule, not the same one
