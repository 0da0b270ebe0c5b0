from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import (
    AdminPasswordChangeForm,
    ReadOnlyPasswordHashWidget,
    SetUnusablePasswordMixin,
    UserChangeForm,
)
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

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


class OctetAdminPasswordChangeForm(AdminPasswordChangeForm):
    """Django joins its translated help text to an English warning when it is imported: the page
    showed the one in the language active then (French) and the other in English, whatever the
    reader's language. Both are translated when the page is shown here."""

    usable_password_help_text = format_lazy(
        '{}<ul id="id_unusable_warning" class="messagelist"><li class="warning">{}</li></ul>',
        SetUnusablePasswordMixin.usable_password_help_text,
        _("If disabled, the current password for this user will be lost."),
    )


@admin.register(User)
class OctetUserAdmin(UserAdmin):
    form = OctetUserChangeForm
    change_password_form = OctetAdminPasswordChangeForm
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
