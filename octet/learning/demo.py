"""A partly filled profile for the demo learner of `make run` (never used in production)."""

from datetime import timedelta

from django.utils import timezone

from octet.content.domain.checking import solution_answer
from octet.content.domain.release import current_release
from octet.learning import services
from octet.learning.models import Assessment, KnowledgeElement

# competence -> (level the demo learner really has, days since the test)
DEMO_PLAN = {"1.1": (4, 6), "2.1": (3, 2), "4.1": (2, 9), "3.1": (5, 1)}
STARTED = "5.1"


def answer_data(challenge, locale: str, right: bool) -> dict:
    """Form data answering a challenge rightly (its declared solution) or wrongly."""
    data = {"challenge_id": challenge.id, "action": "validate"}
    if not right:
        if challenge.type == "qcu":
            data["answer"] = next(
                str(p)
                for p in range(1, len(challenge.proposals[locale]) + 1)
                if (p,) != challenge.solution
            )
        elif challenge.type == "qcm":
            data["answer"] = [str(challenge.solution[0])]  # only part of the right choices
        elif challenge.type in ("qroc", "numeric"):
            data["answer"] = "zzzz 99999"
        else:
            data.update({f"field-{f.key}": "zzzz" for f in challenge.fields})
        return data
    solution = solution_answer(challenge, locale)
    if challenge.type == "qcm":
        data["answer"] = solution.split(",")
    elif isinstance(solution, dict):
        data.update({f"field-{k}": v for k, v in solution.items()})
    else:
        data["answer"] = solution
    return data


def _answer_as(user, assessment: Assessment, level: int) -> None:
    challenge = current_release().challenges[assessment.current_challenge_id]
    services.mark_served(assessment)  # as its page would, so a timed question's clock runs
    services.answer_challenge(
        user=user,
        assessment_id=assessment.pk,
        challenge_id=challenge.id,
        data=answer_data(challenge, assessment.locale, right=challenge.level <= level),
        skip=False,
    )
    assessment.refresh_from_db()


def fill_demo_profile(user) -> bool:
    """Take a few tests as the demo learner; does nothing if they already took one."""
    if Assessment.objects.filter(user=user).exists():
        return False
    release = current_release()
    now = timezone.now()
    for competence_id, (level, days) in DEMO_PLAN.items():
        if not release.skills_by_competence.get(competence_id):
            continue
        assessment = services.start_competence(user, competence_id, user.language)
        while not assessment.completed:
            _answer_as(user, assessment, level)
            if assessment.answer_count % 5 == 0:
                services.see_checkpoint(assessment)
        when = now - timedelta(days=days)
        Assessment.objects.filter(pk=assessment.pk).update(created_at=when, completed_at=when)
        KnowledgeElement.objects.filter(assessment=assessment).update(created_at=when)
    if release.skills_by_competence.get(STARTED):
        assessment = services.start_competence(user, STARTED, user.language)
        for _ in range(2):
            _answer_as(user, assessment, 3)
    return True
