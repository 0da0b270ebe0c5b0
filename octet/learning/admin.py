from django.contrib import admin

from octet.learning.models import Answer, Assessment, ProblemReport


@admin.register(ProblemReport)
class ProblemReportAdmin(admin.ModelAdmin):
    list_display = ("created_at", "challenge_id", "locale", "category", "comment")
    list_filter = ("category", "locale")
    search_fields = ("challenge_id", "comment")
    readonly_fields = (
        "user",
        "assessment",
        "challenge_id",
        "locale",
        "category",
        "comment",
        "created_at",
    )


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0
    can_delete = False
    fields = (
        "challenge_id",
        "outcome",
        "value",
        "time_spent",
        "release",
        "engine_version",
        "difficulty",
        "discrimination",
    )
    readonly_fields = fields


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ("id", "user", "competence_id", "state", "answer_count", "created_at")
    list_filter = ("state", "competence_id")
    inlines = [AnswerInline]
    readonly_fields = ("user", "seed", "release")
