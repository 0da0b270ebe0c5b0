from urllib.parse import urlencode

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from octet.content.domain.release import current_release
from octet.learning.models import Answer, Assessment, ProblemReport


class ReportedOnFilter(admin.DateFieldListFilter):
    """The date filter, titled so that Django's "By …" reads as a phrase."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.title = _("date reported")


class InContentFilter(admin.SimpleListFilter):
    """Reports on a challenge that a later release removed (or renamed) cannot be previewed nor
    fixed: an author finds them apart, to answer or close them."""

    title = _("presence in the content")  # Django shows it as "By presence in the content"
    parameter_name = "in_content"

    def lookups(self, request, model_admin):
        return [("yes", _("In the content served now")), ("no", _("Removed from the content"))]

    def queryset(self, request, queryset):
        served = list(current_release().challenges)
        if self.value() == "yes":
            return queryset.filter(challenge_id__in=served)
        if self.value() == "no":
            return queryset.exclude(challenge_id__in=served)
        return queryset


@admin.register(ProblemReport)
class ProblemReportAdmin(admin.ModelAdmin):
    """What an author needs to fix a challenge, and no more: never who reported it (the learner
    and their test stay in the database for the learner's own export and erasure)."""

    # "handled" before the comment, and the comment cut short, so that both fit on a 1280 px
    # screen next to the admin's sidebar; the whole comment is on the report's page.
    list_display = ("created_at", "question", "locale", "category", "handled", "short_comment")
    list_filter = (
        "handled",
        "category",
        "locale",
        InContentFilter,
        ("created_at", ReportedOnFilter),
    )
    search_fields = ("challenge_id", "comment")
    search_help_text = _("Words of the question's id or of the comment.")
    fields = ("challenge_id", "preview", "locale", "category", "comment", "created_at", "handled")
    readonly_fields = ("challenge_id", "preview", "locale", "category", "comment", "created_at")
    actions = ("mark_handled", "mark_open")

    class Media:
        css = {"all": ("learning/admin.css",)}

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # reports come from learners

    @admin.display(description=_("comment"))
    def short_comment(self, report: ProblemReport) -> str:
        return Truncator(report.comment).chars(80)

    @admin.display(description=_("preview"))
    def preview(self, report: ProblemReport) -> str:
        if report.challenge_id not in current_release().challenges:
            return _("None: this question is not in the content served now (removed or renamed).")
        return self._preview_link(report)

    @admin.display(description=_("question"), ordering="challenge_id")
    def question(self, report: ProblemReport) -> str:
        """In the list, the question opens its preview straight away, when it is still served."""
        if report.challenge_id not in current_release().challenges:
            return report.challenge_id
        return self._preview_link(report)

    @staticmethod
    def _preview_link(report: ProblemReport) -> str:
        url = reverse("learning:preview", args=[report.challenge_id])
        return format_html(
            '<a href="{}?{}">{}</a>', url, urlencode({"locale": report.locale}), report.challenge_id
        )

    @admin.action(description=_("Mark the selected reports as handled"), permissions=["change"])
    def mark_handled(self, request: HttpRequest, queryset: QuerySet) -> None:
        # said, since a report marked handled leaves the list of open ones without a trace
        count = queryset.update(handled=True)
        self.message_user(
            request,
            ngettext(
                "%(count)d report marked as handled.", "%(count)d reports marked as handled.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Mark the selected reports as open again"), permissions=["change"])
    def mark_open(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = queryset.update(handled=False)
        self.message_user(
            request,
            ngettext("%(count)d report open again.", "%(count)d reports open again.", count)
            % {"count": count},
            messages.SUCCESS,
        )


class AnswerInline(admin.TabularInline):
    """Each answer's question and outcome, enough to trace a content problem; never what the
    learner chose or typed (it stays in their own export)."""

    model = Answer
    extra = 0
    can_delete = False
    fields = (
        "challenge_id",
        "outcome",
        "time_spent",
        "release",
        "engine_version",
        "difficulty",
        "discrimination",
        "created_at",
    )
    readonly_fields = fields

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return request.user.has_perm("learning.view_assessment")  # part of the test

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    """Tests for the authors and support, read only: the account's number rather than the
    learner's name, found by the exact e-mail address of a learner who asks for help."""

    list_display = (
        "id",
        "account",
        "competence_id",
        "state",
        "answer_count",
        "created_at",
        "completed_at",
    )
    list_filter = ("state", "competence_id")
    search_fields = ("=user__email",)
    search_help_text = _("The learner's e-mail address, in full.")
    fields = (
        "account",
        "competence_id",
        "state",
        "locale",
        "release",
        "answer_count",
        "created_at",
        "completed_at",
    )
    readonly_fields = fields
    inlines = [AnswerInline]

    @admin.display(description=_("account"), ordering="user_id")
    def account(self, assessment: Assessment) -> int:
        return assessment.user_id

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # tests are taken by learners

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # a learner's answers and knowledge are theirs, never edited by staff

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # erased with the account, by the learner
