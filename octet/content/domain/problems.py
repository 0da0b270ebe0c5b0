"""Content problems: what is wrong, in which file, on which line."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class ContentError(Exception):
    """The content cannot make a release; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems = tuple(sorted(set(problems), key=_order))
        super().__init__(f"{len(self.problems)} content problem(s)\n" + self.report())

    def report(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)


def _order(problem: Problem) -> tuple[str, int, str]:
    return (problem.path, problem.line, problem.message)
