"""Settings of the answer benchmark's server: Octet's own settings plus the floor view's URL.

Everything else (DEBUG, SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL...) is read from the environment
by octet.settings, exactly as in production. Only two things differ: the URL conf, which adds the
floor view, and where collectstatic puts its files (a temporary folder of the benchmark, so that
the run never touches var/).
"""

import os

from octet.settings import *  # noqa: F403

ROOT_URLCONF = "answer_urls"
STATIC_ROOT = os.environ.get("OCTET_BENCH_STATIC_ROOT", STATIC_ROOT)  # noqa: F405
