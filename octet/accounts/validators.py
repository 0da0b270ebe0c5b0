from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# The longest password the sign-in form takes: a longer one could be set but never used.
MAXIMUM_PASSWORD_LENGTH = 4096


class MaximumLengthValidator:
    """A password no longer than the sign-in form accepts."""

    def __init__(self, max_length: int = MAXIMUM_PASSWORD_LENGTH):
        self.max_length = max_length

    def validate(self, password, user=None):
        if len(password) > self.max_length:
            raise ValidationError(
                ngettext(
                    "Your password is too long: it must have at most %(max_length)d character.",
                    "Your password is too long: it must have at most %(max_length)d characters.",
                    self.max_length,
                ),
                code="password_too_long",
                params={"max_length": self.max_length},
            )

    def get_help_text(self):
        return ngettext(
            "At most %(max_length)d character.",
            "At most %(max_length)d characters.",
            self.max_length,
        ) % {"max_length": self.max_length}


class CharacterClassesValidator:
    """A password needs an upper-case letter, a lower-case letter and a digit."""

    def validate(self, password, user=None):
        if not (
            any(c.isupper() for c in password)
            and any(c.islower() for c in password)
            and any(c.isdigit() for c in password)
        ):
            raise ValidationError(
                _(
                    "Your password must contain an upper-case letter, a lower-case letter "
                    "and a digit."
                ),
                code="password_character_classes",
            )

    def get_help_text(self):
        return _("At least one upper-case letter, one lower-case letter and one digit.")
