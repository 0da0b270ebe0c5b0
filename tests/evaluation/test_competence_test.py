from octet.evaluation.domain.competence_test import CompetenceTest, next_challenge
from octet.evaluation.domain.types import ENGINE_VERSION, AnswerRecord, Item, SkillRef


def _release(timed=(), fr_only=(), en_only=()):
    """Competence 1.1: tubes a (levels 1-6), b (1-3), c (1-5); two challenges per skill."""
    skills, items = [], []
    for tube, top in (("a", 6), ("b", 3), ("c", 5)):
        for level in range(1, top + 1):
            sid = f"{tube}{level}"
            skills.append(SkillRef(sid, tube, "1.1", level))
            for k in range(2):
                cid = f"{sid}-{k}"
                locales = frozenset({"fr"}) if sid in fr_only else frozenset({"fr", "en"})
                if sid in en_only:
                    locales = frozenset({"en"})
                items.append(Item(cid, sid, tube, "1.1", level, locales, timed=cid in timed))
    return skills, items


def _play(test, outcome_for, locale="fr", seed=1, limit=60):
    answers, decision = [], None
    for _ in range(limit):
        decision = test.next_challenge(answers, locale, seed)
        if decision.finished:
            break
        item = test.items[decision.item_id]
        answers.append(AnswerRecord(item.id, outcome_for(item), timed=item.timed))
    return answers, decision


def test_starts_easy_and_records_version_and_estimate():
    skills, items = _release()
    decision = next_challenge(items, skills, [], "fr", seed=3)
    assert not decision.finished
    assert decision.item_id.split("-")[0][1:] == "2"  # a level-2 skill first
    assert decision.engine_version == ENGINE_VERSION
    assert decision.estimate is not None


def test_deterministic_for_a_seed_and_varied_between_learners():
    skills, items = _release()
    answers = [AnswerRecord("a2-0", "ok"), AnswerRecord("b3-1", "ok")]
    first = next_challenge(items, skills, answers, "fr", seed=42)
    assert next_challenge(items, skills, answers, "fr", seed=42).item_id == first.item_id
    chosen = {next_challenge(items, skills, [], "fr", seed=s).item_id for s in range(30)}
    assert len(chosen) > 1


def test_never_repeats_a_challenge_and_finishes():
    skills, items = _release()
    test = CompetenceTest(items, skills)
    answers, decision = _play(test, lambda item: "ok" if item.level <= 3 else "ko")
    ids = [a.item_id for a in answers]
    assert len(ids) == len(set(ids))
    assert decision.finished
    assert decision.details["assessment"].competences["1.1"].level >= 0


def test_adapts_quickly_and_stops_before_asking_everything():
    skills, items = _release()
    test = CompetenceTest(items, skills)
    answers, decision = _play(test, lambda item: "ok")
    assert decision.finished and decision.reason == "confident"
    assert len(answers) < len(skills)
    state = decision.details["assessment"].competences["1.1"]
    # 3 tubes, every skill validated: level 1 (3 skills) ... all levels reached.
    assert state.level >= 4


def test_all_answers_skipped_ends_at_level_zero():
    skills, items = _release()
    answers, decision = _play(CompetenceTest(items, skills), lambda item: "skipped")
    assert decision.finished
    assert decision.details["assessment"].competences["1.1"].level == 0
    assert len(answers) <= 10


def test_no_timed_challenge_right_after_a_timed_one():
    timed = {
        f"{s}-{k}" for s in ("a1", "a2", "b1", "b2", "c1", "c2", "a3", "b3", "c3") for k in (0, 1)
    }
    skills, items = _release(timed=timed - {"a2-0", "a2-1"})
    test = CompetenceTest(items, skills)
    answers = [AnswerRecord("b2-0", "ok", timed=True)]
    for seed in range(10):
        decision = test.next_challenge(answers, "fr", seed)
        assert not test.items[decision.item_id].timed


def test_the_first_question_is_untimed_unless_nothing_else_is_left():
    # Every level-2 challenge but one is timed: the test starts with that one.
    timed = {f"{s}2-{k}" for s in "abc" for k in (0, 1)} - {"c2-1"}
    skills, items = _release(timed=timed)
    test = CompetenceTest(items, skills)
    firsts = {test.next_challenge([], "fr", seed).item_id for seed in range(20)}
    assert firsts == {"c2-1"}
    # With every challenge timed, a timed one is still served rather than none.
    everything = {item.id for item in items}
    skills, items = _release(timed=everything)
    decision = CompetenceTest(items, skills).next_challenge([], "fr", 0)
    assert not decision.finished and decision.item_id in everything


def test_prefers_the_learner_language_and_skips_skills_without_it():
    skills, items = _release(en_only={"a2", "b2", "c2"})
    test = CompetenceTest(items, skills)
    answers, _ = _play(test, lambda item: "ok" if item.level <= 4 else "ko")
    for answer in answers:
        assert "fr" in test.items[answer.item_id].locales
    assert not any(a.item_id[:2] in {"a2", "b2", "c2"} for a in answers)


def test_no_challenge_left():
    skills, items = _release()
    test = CompetenceTest(items[:2], skills)  # only a1's two challenges exist
    answers = [AnswerRecord("a1-0", "ok"), AnswerRecord("a1-1", "ok")]
    decision = test.next_challenge(answers, "fr", 0)
    assert decision.finished


def test_archived_challenge_already_answered_counts_and_is_not_served():
    skills, items = _release()
    items = [
        Item(i.id, i.skill_id, i.tube, i.competence, i.level, i.locales, status="archived")
        if i.skill_id == "a3"
        else i
        for i in items
    ]
    test = CompetenceTest(items, skills)
    answers = [AnswerRecord("a3-0", "ok")]
    state = test.assess(answers)
    assert state.mastery["a3"] > 0.8
    answers, _ = _play(test, lambda item: "ok")
    assert not any(a.item_id.startswith("a3") for a in answers)


def _two_full_tubes_and_a_late_one():
    """Tubes a and b (levels 1-6) and c (3-6): the first question is at level 2 in a or b."""
    skills, items = [], []
    for tube, levels in (("a", range(1, 7)), ("b", range(1, 7)), ("c", range(3, 7))):
        for level in levels:
            sid = f"{tube}{level}"
            skills.append(SkillRef(sid, tube, "1.1", level))
            for k in range(2):
                items.append(Item(f"{sid}-{k}", sid, tube, "1.1", level, frozenset({"fr", "en"})))
    return CompetenceTest(items, skills)


def test_two_slips_at_the_start_do_not_end_an_experts_test_at_level_1():
    # Before engine 1.3.0: wrong, wrong, right at level 1, right at level 1 -> "level 1", after
    # four questions, for a learner who would have answered everything else right.
    test = _two_full_tubes_and_a_late_one()
    for seed in range(6):
        count = iter(range(100))
        answers, decision = _play(
            test, lambda item, count=count: "ko" if next(count) < 2 else "ok", seed=seed
        )
        assert decision.reason == "confident"
        assert decision.details["assessment"].competences["1.1"].level >= 5, answers


def test_a_test_ends_on_a_right_answer_only_at_the_highest_level():
    test = _two_full_tubes_and_a_late_one()
    for ceiling in range(7):
        for seed in range(5):
            answers, decision = _play(
                test,
                lambda item, ceiling=ceiling: "ok" if item.level <= ceiling else "ko",
                seed=seed,
            )
            level = decision.details["assessment"].competences["1.1"].level
            if answers[-1].outcome == "ok":
                assert level == 6, (ceiling, seed, answers)
            if ceiling <= 5:  # a clean learner is placed right, and briefly
                assert level == ceiling and len(answers) <= 10, (ceiling, seed, answers)


def test_a_challenge_set_aside_is_not_asked_again_and_another_of_its_skill_comes():
    """A simulator the learner's browser cannot run is set aside: the same answers would choose
    it again; set aside, the other challenge of its skill comes, and nothing counts for it."""
    skills, items = _release()
    first = next_challenge(items, skills, [], "fr", seed=3)

    instead = next_challenge(items, skills, [], "fr", seed=3, set_aside=[first.item_id])

    assert instead.item_id != first.item_id
    assert instead.item_id.split("-")[0] == first.item_id.split("-")[0]
    assert instead.estimate == first.estimate
