from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from octet.accounts.models import SignInThrottle, User


@admin.register(User)
class OctetUserAdmin(UserAdmin):
    fieldsets = (
        *UserAdmin.fieldsets,
        ("Octet", {"fields": ("language", "terms_version", "terms_accepted_at")}),
    )
    list_display = ("username", "email", "first_name", "last_name", "language", "is_staff")


@admin.register(SignInThrottle)
class SignInThrottleAdmin(admin.ModelAdmin):
    list_display = ("identifier", "failures", "last_failure_at")
    search_fields = ("identifier",)
