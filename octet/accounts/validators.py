from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


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
