"""What the learning context holds about a person, for the export and the account deletion."""

from django.utils import translation
from django.utils.translation import gettext as _

from octet.content.domain.release import current_release
from octet.learning.domain.presentation import describe_answer
from octet.learning.models import (
    Assessment,
    KnowledgeElement,
    ProblemReport,
    SavedTutorial,
    TutorialFeedback,
)


def _answer_text(release, challenge_id: str, locale: str, value) -> list[str]:
    """The answer as the learner chose or typed it (a choice's words, not its number), while
    the question is still in the bank."""
    challenge = release.challenges.get(challenge_id)
    return describe_answer(challenge, locale, value) if challenge is not None else []


def _competence_name(competence, assessment) -> str:
    """The competence's name in the test's language; for a competence a later release removed
    from the framework (its name went with it), its id and a note saying so."""
    if competence is not None:
        return competence.name.get(assessment.locale, "")
    with translation.override(assessment.locale):
        return _(
            "Competence %(id)s: removed from Octet's framework since this test; its name is no"
            " longer known."
        ) % {"id": assessment.competence_id}


def export(user) -> dict:
    release = current_release()
    assessments = []
    for assessment in Assessment.objects.filter(user=user).prefetch_related("answers"):
        competence = release.competences.get(assessment.competence_id)
        assessments.append(
            {
                "competence": assessment.competence_id,
                "competence_name": _competence_name(competence, assessment),
                "competence_in_framework": competence is not None,
                "language": assessment.locale,
                "state": assessment.state,
                "started_at": assessment.created_at.isoformat(),
                "completed_at": assessment.completed_at.isoformat()
                if assessment.completed_at
                else None,
                "answers": [
                    {
                        "challenge": a.challenge_id,
                        "answer": a.value,
                        "answer_text": _answer_text(
                            release, a.challenge_id, assessment.locale, a.value
                        ),
                        # False: a later release removed the question, so `answer_text` is
                        # empty and `answer` is all there is (a choice's number, or the text).
                        "question_in_content": a.challenge_id in release.challenges,
                        "outcome": a.outcome,
                        "time_spent_seconds": a.time_spent,
                        "answered_at": a.created_at.isoformat(),
                    }
                    for a in assessment.answers.all()
                ],
                # Questions set aside unanswered (a simulator the browser could not run).
                "questions_set_aside": list(assessment.set_aside),
            }
        )
    ratings = TutorialFeedback.objects.filter(user=user)
    return {
        "assessments": assessments,
        "knowledge_elements": [
            {
                "skill": k.skill_id,
                "competence": k.competence_id,
                "status": k.status,
                "source": k.source,
                "pix": k.earned_pix,
                "at": k.created_at.isoformat(),
            }
            for k in KnowledgeElement.objects.filter(user=user)
        ],
        "saved_tutorials": list(
            SavedTutorial.objects.filter(user=user).values_list("tutorial_id", flat=True)
        ),
        "useful_tutorials": [r.tutorial_id for r in ratings if r.useful],
        "not_useful_tutorials": [r.tutorial_id for r in ratings if not r.useful],
        "problem_reports": [
            {
                "challenge": r.challenge_id,
                "language": r.locale,
                "category": r.category,
                "comment": r.comment,
                "at": r.created_at.isoformat(),
            }
            for r in ProblemReport.objects.filter(user=user)
        ],
    }


def erase(user) -> None:
    # Reports stay for the content authors, without their author nor the free text.
    ProblemReport.objects.filter(user=user).update(user=None, assessment=None, comment="")
    KnowledgeElement.objects.filter(user=user).delete()
    Assessment.objects.filter(user=user).delete()
    SavedTutorial.objects.filter(user=user).delete()
    TutorialFeedback.objects.filter(user=user).delete()
