"""Settings for the test suite: the normal settings with testing switched on."""

import os

os.environ.setdefault("OCTET_TESTING", "1")

from octet.settings import *  # noqa: E402,F403

# Still Argon2, with a small memory cost so that hashing does not dominate the suite.
PASSWORD_HASHERS = ["octet.accounts.hashers.TestArgon2PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
