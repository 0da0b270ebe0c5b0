from datetime import UTC, datetime, timedelta

import pytest

from octet.accounts.domain.throttling import ThrottlePolicy, decide, reset_decision

NOW = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
POLICY = ThrottlePolicy(slow_after=3, lock_after=8, lock_minutes=15)


@pytest.mark.parametrize(
    ("failures", "seconds_ago", "allowed", "locked", "wait"),
    [
        (0, 0, True, False, 0),
        (2, 0, True, False, 0),
        (3, 0, False, False, 5),
        (3, 5, True, False, 0),
        (4, 3, False, False, 7),
        (7, 0, False, False, 80),
        (8, 0, False, True, 900),
        (8, 899, False, True, 1),
        (8, 900, True, False, 0),
        (5, 3600, True, False, 0),
    ],
)
def test_throttle_table(failures, seconds_ago, allowed, locked, wait):
    decision = decide(failures, NOW - timedelta(seconds=seconds_ago), NOW, POLICY)
    assert (decision.allowed, decision.locked, decision.wait_seconds) == (allowed, locked, wait)


HOUR = timedelta(hours=1)


def test_reset_emails_are_allowed_up_to_the_limit_in_the_window():
    start = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
    sent = [start, start + timedelta(minutes=10)]
    assert reset_decision(sent, start + timedelta(minutes=20), 3, HOUR).allowed
    sent.append(start + timedelta(minutes=20))
    refused = reset_decision(sent, start + timedelta(minutes=30), 3, HOUR)
    # the oldest of the three leaves the window at 10:00
    assert (refused.allowed, refused.retry_at) == (False, start + HOUR)
    assert reset_decision(sent, start + HOUR, 3, HOUR).allowed
    assert reset_decision([start - 2 * HOUR] * 5, start, 3, HOUR).allowed
