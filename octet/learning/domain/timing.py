"""How long a timed question lasts for a learner: pure rules, no Django."""

# A learner who asks for more time gets this many times the question's timer.
EXTRA_TIME_FACTOR = 2
# Seconds granted beyond that for the page and the answer to travel on a slow connection.
GRACE_SECONDS = 5


def seconds_allowed(timer: int | None, extra_time: bool) -> int | None:
    """The seconds a learner has for a question with this timer (None: not timed)."""
    if not timer:
        return None
    return timer * EXTRA_TIME_FACTOR if extra_time else timer


def too_late(timer: int | None, extra_time: bool, spent_seconds: float) -> bool:
    """Did an answer given after `spent_seconds` come after the time allowed and its grace?"""
    allowed = seconds_allowed(timer, extra_time)
    return allowed is not None and spent_seconds > allowed + GRACE_SECONDS
