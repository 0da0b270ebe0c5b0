"""What the learning context holds about a person, for the export and the account deletion."""

from octet.learning.models import (
    Assessment,
    KnowledgeElement,
    ProblemReport,
    SavedTutorial,
    TutorialFeedback,
)


def export(user) -> dict:
    assessments = []
    for assessment in Assessment.objects.filter(user=user).prefetch_related("answers"):
        assessments.append(
            {
                "competence": assessment.competence_id,
                "state": assessment.state,
                "started_at": assessment.created_at.isoformat(),
                "completed_at": assessment.completed_at.isoformat()
                if assessment.completed_at
                else None,
                "answers": [
                    {
                        "challenge": a.challenge_id,
                        "answer": a.value,
                        "outcome": a.outcome,
                        "time_spent_seconds": a.time_spent,
                        "answered_at": a.created_at.isoformat(),
                    }
                    for a in assessment.answers.all()
                ],
            }
        )
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
        "useful_tutorials": list(
            TutorialFeedback.objects.filter(user=user, useful=True).values_list(
                "tutorial_id", flat=True
            )
        ),
        "problem_reports": [
            {
                "challenge": r.challenge_id,
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
