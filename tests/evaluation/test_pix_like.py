from octet.evaluation.domain.baselines.pix_like import PixLikeTest, int_hash, predicted_level
from octet.evaluation.domain.types import AnswerRecord, Item, SkillRef


def test_hash_is_a_deterministic_signed_32_bit_mix():
    assert int_hash(7) == int_hash(7)
    assert int_hash(7) != int_hash(8)
    assert all(-(2**31) <= int_hash(v) < 2**31 for v in range(1000))


def test_predicted_level_rises_with_successes():
    assert predicted_level([]) < predicted_level([(3, True), (4, True)])
    assert predicted_level([(1, False), (2, False)]) <= 2


def test_first_question_is_level_two_of_an_easy_tube():
    skills = [
        SkillRef(f"{t}{n}", t, "1.1", n)
        for t, top in (("a", 6), ("b", 3))
        for n in range(1, top + 1)
    ]
    items = [Item(f"{s.id}-0", s.id, s.tube, "1.1", s.level) for s in skills]
    test = PixLikeTest(items, skills)
    decision = test.next_challenge([], "fr", seed=1)
    assert decision.item_id == "b2-0"
    answers = [AnswerRecord("b2-0", "ok")]
    assert test.next_challenge(answers, "fr", seed=1).item_id == "b3-0"
    assert test.levels(answers)["1.1"] == 1  # b1 + b2: 4 + 4 pix
