from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from octet.accounts.selectors import user_by_identifier


class EmailOrUsernameBackend(ModelBackend):
    """Sign in with an e-mail address or a username, both case-insensitive."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        user = user_by_identifier(username)
        if user is None:
            # Spend the same time as a real check so that timing does not reveal accounts.
            get_user_model()().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
