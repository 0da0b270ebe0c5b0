from datetime import datetime, timedelta

from octet.evaluation.domain.knowledge import (
    can_improve,
    can_reset,
    competence_score,
    current_knowledge,
    elements_kept_for_improvement,
    knowledge_elements_for_answer,
    pix_values,
    reset_elements,
    score_from_pix,
    total_score,
)
from octet.evaluation.domain.types import AnswerRecord, KnowledgeElement, SkillRef

TUBE = [SkillRef(f"web{n}", "web", "1.1", n) for n in range(1, 6)]
OTHER = [SkillRef("mail2", "mail", "1.1", 2)]
TARGET = TUBE + OTHER


def _by_skill(elements):
    return {e.skill_id: (e.status, e.source) for e in elements}


def test_success_validates_skill_and_easier_skills_of_its_tube():
    elements = knowledge_elements_for_answer(AnswerRecord("c1", "ok"), TUBE[2], TARGET)
    assert _by_skill(elements) == {
        "web3": ("validated", "direct"),
        "web1": ("validated", "inferred"),
        "web2": ("validated", "inferred"),
    }


def test_failure_invalidates_skill_and_harder_skills():
    elements = knowledge_elements_for_answer(AnswerRecord("c1", "ko"), TUBE[2], TARGET)
    assert _by_skill(elements) == {
        "web3": ("invalidated", "direct"),
        "web4": ("invalidated", "inferred"),
        "web5": ("invalidated", "inferred"),
    }


def test_skip_and_timeout_count_as_failures():
    for outcome in ("skipped", "timedout"):
        elements = knowledge_elements_for_answer(AnswerRecord("c1", outcome), TUBE[4], TARGET)
        assert _by_skill(elements) == {"web5": ("invalidated", "direct")}


def test_already_assessed_skills_are_not_rewritten():
    assert knowledge_elements_for_answer(AnswerRecord("c", "ok"), TUBE[2], TARGET, {"web3"}) == []
    elements = knowledge_elements_for_answer(AnswerRecord("c", "ok"), TUBE[2], TARGET, {"web1"})
    assert set(_by_skill(elements)) == {"web3", "web2"}


def test_skill_outside_target_yields_nothing():
    outside = SkillRef("x1", "x", "1.1", 1)
    assert knowledge_elements_for_answer(AnswerRecord("c", "ok"), outside, TARGET) == []


def test_pix_values_share_eight_pix_per_level_capped_at_four():
    skills = [SkillRef(f"s{i}", f"t{i}", "c", 2) for i in range(4)] + [
        SkillRef("solo", "t9", "c", 3)
    ]
    pix = pix_values(skills)
    assert pix["s0"] == 2.0
    assert pix["solo"] == 4.0  # a lone skill at its level is worth only 4


def test_competence_score_levels_progress_and_cap():
    assert score_from_pix("c", 8 / 3 * 3).level == 1  # float sums still reach the level
    score = score_from_pix("c", 21.5)
    assert (score.pix, score.level, score.pix_to_next_level) == (21, 2, 5)
    assert score.progress == 5 / 8
    capped = score_from_pix("c", 70, max_reachable_level=6)
    assert (capped.pix, capped.level, capped.pix_to_next_level) == (48, 6, 0)
    assert score_from_pix("c", 70, max_reachable_level=5).pix == 40


def test_competence_and_total_score_use_the_latest_non_reset_element():
    pix = {"a": 4.0, "b": 4.0, "c": 4.0}
    elements = [
        KnowledgeElement("a", "validated", "direct", "1.1"),
        KnowledgeElement("b", "validated", "direct", "1.1"),
        KnowledgeElement("b", "reset", "direct", "1.1"),
        KnowledgeElement("c", "validated", "direct", "2.1"),
    ]
    assert set(current_knowledge(elements)) == {"a", "c"}
    assert competence_score("1.1", elements, pix).pix == 4
    assert total_score(elements, pix) == 8


NOW = datetime(2025, 3, 10, 12, 0)


def test_improve_after_four_days_and_never_at_max_level():
    assert can_improve(NOW - timedelta(days=4), NOW).allowed
    early = can_improve(NOW - timedelta(days=2, hours=12), NOW)
    assert not early.allowed
    assert early.remaining_days == 2
    assert early.wait == timedelta(days=1, hours=12)
    assert not can_improve(NOW - timedelta(days=30), NOW, level=6).allowed


def test_reset_after_seven_days():
    assert can_reset(NOW - timedelta(days=7), NOW).allowed
    wait = can_reset(NOW - timedelta(days=6, hours=23), NOW)
    assert not wait.allowed
    assert wait.remaining_days == 1


def test_improvement_drops_old_failures_only():
    old, recent = NOW - timedelta(days=5), NOW - timedelta(days=1)
    elements = [
        KnowledgeElement("a", "validated", "direct", "1.1", created_at=old),
        KnowledgeElement("b", "invalidated", "direct", "1.1", created_at=old),
        KnowledgeElement("c", "invalidated", "direct", "1.1", created_at=recent),
    ]
    kept = {e.skill_id for e in elements_kept_for_improvement(elements, NOW)}
    assert kept == {"a", "c"}


def test_reset_writes_a_reset_element_per_current_element_of_the_competence():
    elements = [
        KnowledgeElement("a", "validated", "direct", "1.1"),
        KnowledgeElement("z", "validated", "direct", "2.1"),
    ]
    resets = reset_elements(elements, "1.1", NOW)
    assert [(e.skill_id, e.status) for e in resets] == [("a", "reset")]
    assert current_knowledge(elements + resets).keys() == {"z"}
