"""The production password hasher (the test suite runs with a cheaper one)."""

from django.contrib.auth.hashers import Argon2PasswordHasher

from octet.accounts.hashers import Argon2Hasher


def test_passwords_are_hashed_with_argon2id_at_owasps_46_mib_setting():
    hasher = Argon2Hasher()
    encoded = hasher.encode("Learner-2026", hasher.salt())
    assert encoded.startswith("argon2$argon2id$v=19$m=47104,t=1,p=1$")
    assert hasher.verify("Learner-2026", encoded)
    assert not hasher.verify("learner-2026", encoded)
    assert not hasher.must_update(encoded)


def test_a_hash_made_with_djangos_default_setting_still_verifies_and_is_made_again():
    old = Argon2PasswordHasher().encode("Learner-2026", Argon2PasswordHasher().salt())
    hasher = Argon2Hasher()
    assert hasher.verify("Learner-2026", old)
    assert hasher.must_update(old)  # Django hashes it again at the next sign-in
