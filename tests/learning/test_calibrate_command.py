"""`manage.py calibrate`: from the answers stored by real tests to a parameter set the bank
uses, without any personal data in it."""

import io
import json

import numpy as np
import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from octet.content.domain.release import current_release
from octet.learning.models import Answer, Assessment

pytestmark = pytest.mark.django_db

TRUE_DIFFICULTY = {0: -1.5, 1: -0.5, 2: 0.5, 3: 1.5}  # of the first four challenges


def _store_answers(learners: int, seed: int = 3) -> list[str]:
    """Learners of known ability answer four challenges as a 2PL model says."""
    challenges = list(current_release().challenges)[:5]
    rng = np.random.default_rng(seed)
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"learner{k}", email=f"learner{k}@example.org")
        for k in range(learners)
    )
    tests = Assessment.objects.bulk_create(
        Assessment(user=user, competence_id="1.1", locale="fr", seed=k, release="r")
        for k, user in enumerate(users)
    )
    answers = []
    for test in tests:
        theta = rng.normal()
        for k, difficulty in TRUE_DIFFICULTY.items():
            right = rng.random() < 1 / (1 + np.exp(-1.2 * (theta - difficulty)))
            answers.append(_answer(test, challenges[k], "ok" if right else "ko"))
    # a fifth challenge answered by a few learners only, skipped by them
    answers += [_answer(test, challenges[4], "skipped") for test in tests[:5]]
    Answer.objects.bulk_create(answers)
    return challenges


def _answer(test, challenge_id, outcome):
    return Answer(
        assessment=test,
        challenge_id=challenge_id,
        skill_id="@x",
        outcome=outcome,
        release="r",
        engine_version="e",
        difficulty=0.0,
        discrimination=1.0,
    )


def test_it_fits_the_stored_answers_and_writes_a_set_the_bank_can_use(tmp_path):
    challenges = _store_answers(600)
    out = tmp_path / "item_params.json"
    printed = io.StringIO()
    call_command("calibrate", out=out, stdout=printed)

    fitted = json.loads(out.read_text())
    items = fitted["items"]
    assert fitted["responses"] == 600 * 4 + 5 and fitted["learners"] == 600
    assert fitted["release"] == current_release().version
    recovered = [items[challenges[k]]["difficulty"] for k in TRUE_DIFFICULTY]
    assert recovered == sorted(recovered)  # the order of the true difficulties
    assert np.corrcoef(recovered, list(TRUE_DIFFICULTY.values()))[0, 1] > 0.97
    assert all(items[challenges[k]]["calibrated"] for k in TRUE_DIFFICULTY)
    # five answers are too few: the challenge keeps the parameters the engine uses today
    few = current_release().challenges[challenges[4]]
    assert items[few.id]["calibrated"] is False
    assert (items[few.id]["difficulty"], items[few.id]["discrimination"]) == (
        round(few.difficulty, 4),
        round(few.discrimination, 4),
    )
    assert "2405 answers from 600 learners on 5 challenges" in printed.getvalue()
    assert "4 calibrated, 1 kept as they were (fewer than 100 answers)" in printed.getvalue()
    assert "learner0" not in out.read_text() and "example.org" not in out.read_text()


def test_a_challenge_answered_again_counts_once_and_a_removed_one_not_at_all(tmp_path):
    challenges = _store_answers(150)
    test = Assessment.objects.first()
    again = Assessment.objects.create(
        user=test.user, competence_id="1.1", locale="fr", seed=1, release="r"
    )
    Answer.objects.bulk_create(
        [_answer(again, challenges[0], "ok"), _answer(again, "gone-since-then", "ok")]
    )
    out = tmp_path / "params.json"
    printed = io.StringIO()
    call_command("calibrate", out=out, min_responses=10, stdout=printed)
    assert json.loads(out.read_text())["responses"] == 150 * 4 + 5
    assert "gone-since-then" not in json.loads(out.read_text())["items"]
    assert "no longer in the bank, left out: 1)" in printed.getvalue()


def test_without_answers_it_says_so_and_writes_nothing(tmp_path):
    out = tmp_path / "params.json"
    with pytest.raises(CommandError, match="nothing to fit"):
        call_command("calibrate", out=out)
    assert not out.exists()


def test_when_no_challenge_has_enough_answers_nothing_is_written(tmp_path):
    _store_answers(20)
    out = tmp_path / "params.json"
    printed = io.StringIO()
    call_command("calibrate", out=out, stdout=printed)
    assert "85 answers: no challenge has 100 yet" in printed.getvalue()
    assert not out.exists()
