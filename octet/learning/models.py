from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Assessment(models.Model):
    """One competence test taken by a learner, resumable until it is completed."""

    class State(models.TextChoices):
        STARTED = "started", _("started")
        COMPLETED = "completed", _("completed")
        RESET = "reset", _("reset")  # marks a reset of the competence; holds its elements

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessments"
    )
    competence_id = models.CharField(_("competence"), max_length=8)
    state = models.CharField(
        _("state"), max_length=16, choices=State.choices, default=State.STARTED
    )
    improving = models.BooleanField(default=False)
    locale = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    seed = models.BigIntegerField()
    release = models.CharField(_("content release"), max_length=64)
    current_challenge_id = models.CharField(max_length=120, blank=True)
    current_served_at = models.DateTimeField(null=True, blank=True)
    # What the learner knew in this competence when the test started (engine elements as
    # [skill, status, source, basis, pix] rows); it cannot change during the test, so the
    # answer path reads it here instead of rebuilding it from the knowledge elements.
    prior_knowledge = models.JSONField(null=True, blank=True)
    # The test's answers as the engine reads them ([challenge, outcome, ISO time, timed] rows, in
    # order), appended with each answer under the row lock: the answer path reads them here
    # instead of querying the answers. Null on tests started before it existed.
    answer_log = models.JSONField(null=True, blank=True)
    answer_count = models.PositiveIntegerField(_("answers"), default=0)
    # Questions the learner asked to set aside, never asked again in this test and counting
    # neither way: a simulator that the learner's browser, without JavaScript, cannot run.
    set_aside = models.JSONField(default=list, blank=True)
    checkpoint_seen = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(_("started on"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed on"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("test")
        verbose_name_plural = _("tests")
        indexes = [models.Index(fields=["user", "competence_id", "state"])]

    def __str__(self) -> str:
        return f"{self.user_id} {self.competence_id} {self.state}"

    @property
    def completed(self) -> bool:
        return self.state == self.State.COMPLETED


class Answer(models.Model):
    """One answer, with everything needed to replay the decision that judged it."""

    class Outcome(models.TextChoices):
        OK = "ok", _("right")
        KO = "ko", _("wrong")
        SKIPPED = "skipped", _("skipped")
        TIMEDOUT = "timedout", _("timed out")

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    challenge_id = models.CharField(_("question"), max_length=120)
    skill_id = models.CharField(max_length=120)
    value = models.JSONField(null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices)
    per_field = models.JSONField(default=dict, blank=True)
    time_spent = models.PositiveIntegerField(_("time spent (seconds)"), default=0)
    release = models.CharField(_("content release"), max_length=64)
    engine_version = models.CharField(_("engine version"), max_length=64)
    difficulty = models.FloatField(_("difficulty"))
    discrimination = models.FloatField(_("discrimination"))
    calibrated = models.BooleanField(default=False)
    timed = models.BooleanField(default=False)
    created_at = models.DateTimeField(_("answered on"), auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "challenge_id"], name="learning_answer_once_per_challenge"
            )
        ]

    def __str__(self) -> str:
        return f"{self.challenge_id}: {self.outcome}"


class KnowledgeElement(models.Model):
    """What an answer (or the end of a test) says about one skill of a learner."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="knowledge_elements"
    )
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="knowledge_elements"
    )
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, null=True, blank=True)
    skill_id = models.CharField(max_length=120)
    competence_id = models.CharField(max_length=8)
    status = models.CharField(max_length=16)  # validated | invalidated | reset
    source = models.CharField(max_length=16)  # direct | inferred
    basis = models.CharField(max_length=16, default="answer")  # answer | tube | estimate
    earned_pix = models.FloatField(default=0)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["user", "competence_id"])]

    def __str__(self) -> str:
        return f"{self.skill_id}: {self.status}"


class SavedTutorial(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_tutorials"
    )
    tutorial_id = models.CharField(max_length=160)
    skill_id = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "tutorial_id"], name="learning_saved_once")
        ]

    def __str__(self) -> str:
        return self.tutorial_id


class TutorialFeedback(models.Model):
    """A learner found a tutorial useful (one row per learner and tutorial)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tutorial_feedback"
    )
    tutorial_id = models.CharField(max_length=160)
    useful = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "tutorial_id"], name="learning_feedback_once")
        ]

    def __str__(self) -> str:
        return f"{self.tutorial_id}: {self.useful}"


class ProblemReport(models.Model):
    """A learner's report on a challenge, for content authors (read in the admin)."""

    class Category(models.TextChoices):
        INSTRUCTION = "instruction", _("The instruction is unclear")
        ANSWER = "answer", _("My answer should be accepted")
        DISPLAY = "display", _("Something does not display")
        ATTACHMENT = "attachment", _("The file or simulator does not work")
        TRANSLATION = "translation", _("A translation is wrong")
        OTHER = "other", _("Something else")

    # The report form's comment box takes this many characters (its maxlength), and no more is kept.
    COMMENT_MAX_LENGTH = 2000

    # Named for the content authors who read them in the admin, in their language.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("learner"),
    )
    assessment = models.ForeignKey(
        Assessment, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("test")
    )
    challenge_id = models.CharField(_("question"), max_length=120)
    # its name in the admin's language ("French"), in the list, its filter and the report
    locale = models.CharField(
        _("language of the question"), max_length=8, choices=settings.LANGUAGES
    )
    category = models.CharField(_("problem"), max_length=16, choices=Category.choices)
    comment = models.TextField(_("comment"), blank=True, max_length=COMMENT_MAX_LENGTH)
    created_at = models.DateTimeField(_("reported on"), auto_now_add=True)
    # Set by an author once the challenge is fixed or the report answered; new reports are open.
    handled = models.BooleanField(_("handled"), default=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("problem report")
        verbose_name_plural = _("problem reports")

    def __str__(self) -> str:
        return f"{self.challenge_id}: {self.get_category_display()}"  # the admin's title
