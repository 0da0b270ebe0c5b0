from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import ReadOnlyPasswordHashWidget, UserChangeForm
from django.utils.translation import gettext

from octet.accounts.models import SignInThrottle, User


class PasswordStateWidget(ReadOnlyPasswordHashWidget):
    """Whether the account has a password, with the link to set a new one: never the hasher's
    settings nor the first characters of the salt and hash that Django's own widget shows."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        has_one = context["summary"] and "value" in context["summary"][0]
        context["summary"] = [
            {"label": gettext("Password set.") if has_one else gettext("No password set.")}
        ]
        return context


class OctetUserChangeForm(UserChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "password" in self.fields:
            self.fields["password"].widget = PasswordStateWidget()


@admin.register(User)
class OctetUserAdmin(UserAdmin):
    form = OctetUserChangeForm
    fieldsets = (
        *UserAdmin.fieldsets,
        ("Octet", {"fields": ("language", "terms_version", "terms_accepted_at")}),
    )
    list_display = ("username", "email", "first_name", "last_name", "language", "is_staff")


@admin.register(SignInThrottle)
class SignInThrottleAdmin(admin.ModelAdmin):
    """Counted by the sign-in form alone: staff may look, or delete a count to lift a lock-out,
    but never make one up or change it."""

    list_display = ("identifier", "failures", "last_failure_at")
    search_fields = ("identifier",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
