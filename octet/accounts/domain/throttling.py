"""When may someone try to sign in again after failed attempts? Pure rules, no database.

The first few failures cost nothing (typos happen). From `slow_after` failures on, each new try
must wait a delay that doubles with every failure; from `lock_after` failures the identifier is
locked for `lock_minutes`. Failures older than `forget_after` are forgotten.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

BASE_DELAY_SECONDS = 5
FORGET_AFTER = timedelta(hours=1)


@dataclass(frozen=True)
class ThrottlePolicy:
    slow_after: int = 3
    lock_after: int = 8
    lock_minutes: int = 15


@dataclass(frozen=True)
class ThrottleDecision:
    allowed: bool
    locked: bool = False
    wait_seconds: int = 0
    retry_at: datetime | None = None


def effective_failures(
    failures: int, last_failure_at: datetime | None, now: datetime, policy: ThrottlePolicy
) -> int:
    """Failures still counting at `now` (a lock that has expired starts a clean slate)."""
    if not failures or last_failure_at is None:
        return 0
    elapsed = now - last_failure_at
    if elapsed >= FORGET_AFTER:
        return 0
    if failures >= policy.lock_after and elapsed >= timedelta(minutes=policy.lock_minutes):
        return 0
    return failures


def decide(
    failures: int, last_failure_at: datetime | None, now: datetime, policy: ThrottlePolicy
) -> ThrottleDecision:
    """May a sign-in be attempted now?"""
    failures = effective_failures(failures, last_failure_at, now, policy)
    if failures < policy.slow_after:
        return ThrottleDecision(allowed=True)
    if failures >= policy.lock_after:
        retry_at = last_failure_at + timedelta(minutes=policy.lock_minutes)
        return ThrottleDecision(
            allowed=False,
            locked=True,
            wait_seconds=_ceil_seconds(retry_at - now),
            retry_at=retry_at,
        )
    delay = timedelta(seconds=BASE_DELAY_SECONDS * 2 ** (failures - policy.slow_after))
    retry_at = last_failure_at + delay
    if now >= retry_at:
        return ThrottleDecision(allowed=True)
    return ThrottleDecision(
        allowed=False, wait_seconds=_ceil_seconds(retry_at - now), retry_at=retry_at
    )


def _ceil_seconds(delta: timedelta) -> int:
    seconds = delta.total_seconds()
    return max(1, int(seconds) + (0 if seconds == int(seconds) else 1))


@dataclass(frozen=True)
class ResetDecision:
    allowed: bool
    retry_at: datetime | None = None


def reset_decision(
    sent: list[datetime], now: datetime, limit: int, window: timedelta
) -> ResetDecision:
    """May one more password-reset e-mail go to an account that was sent these ones?

    At most `limit` in any `window`: enough for a lost or late message, not enough to flood
    someone's inbox by asking again and again. Then the next one is possible when the oldest
    of the window leaves it.
    """
    recent = sorted(t for t in sent if now - t < window)
    if len(recent) < limit:
        return ResetDecision(allowed=True)
    return ResetDecision(allowed=False, retry_at=recent[-limit] + window)
