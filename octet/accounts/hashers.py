from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2Hasher(Argon2PasswordHasher):
    """Argon2id with one of OWASP's recommended settings: 46 MiB of memory, 1 pass, 1 lane.

    Django's default (100 MiB, 2 passes, 8 lanes) costs about 250 ms of CPU per sign-in, spread
    over 8 threads: on the small two-core server of a school, a class signing in at once holds
    both cores for seconds and stalls every learner's answers. This setting costs about 55 ms on
    one core (measured on such a machine) and stays memory-hard, as OWASP's Password Storage
    Cheat Sheet asks. A hash made with other settings still verifies and is made again with
    these at the person's next sign-in.
    """

    time_cost = 1
    memory_cost = 47104  # KiB
    parallelism = 1


class TestArgon2PasswordHasher(Argon2PasswordHasher):
    """Argon2 with a small memory cost, for the test suite only."""

    time_cost = 1
    memory_cost = 1024
    parallelism = 1
