"""The robot simulator's programs, run on the server exactly as content/simulators/robot.html
runs them, so that a robot challenge is judged from the learner's program, not from a word the
browser sends.

Pure Python, no Django. `judge(scenario, text)` reads a program written in the canonical text
form the simulator reports (its `program` quantity), runs it on the scenario's board and says
how the run ends; it never raises, whatever the text.

The text form (content/simulators/README.md, "robot"): blocks separated by commas, a repeat
written `repeat 3 (forward, right)`, in English or in French (`répéter 3 (avancer, droite)`).
A person typing it may also use `;`, `.` (a phone's keyboard ends a sentence with it), "and",
"then", "et", "puis" or new lines between blocks, `[ ]` for the brackets, the long names of the
buttons ("turn left", "tourner à gauche", "move forward", "pick up"), and "times" / "fois" and a
colon after the number; case, accents and spaces do not matter.

The simulator's rules, mirrored here:
- a block is `forward`, `left`, `right`, `pick` or a repeat; a repeat counts as one block and
  its end as none; a run is refused above the scenario's `max_blocks` (0 or none: no limit);
- a run of 2000 moves or more is refused ("takes too long"), so the work is bounded;
- the board is the scenario's `map`: `#` is a wall, a cell beyond its row's end or outside the
  board is out; moving into either is a crash and ends the run;
- stars (`*`) are picked up by walking on them, or only with `pick` when `pick` is a block of
  the palette; the run succeeds if it ends on a flag (`G`) with no star left, or, on a board
  without a flag, with every star picked up.
The server adds one rule the simulator's palette enforces: a program may only use the blocks
of the scenario's `blocks`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

MOVES = ("forward", "left", "right", "pick")
BLOCKS = (*MOVES, "repeat")
DEFAULT_BLOCKS = ("forward", "left", "right", "repeat")
MAX_TEXT = 2000  # characters: a program of a challenge is a few dozen
MAX_DEPTH = 10  # repeats inside repeats
MIN_TIMES, MAX_TIMES = 1, 99  # what the simulator's repeat accepts
MAX_STEPS = 2000  # the simulator refuses a run of this many moves or more
MAX_SIDE = 50  # rows or columns of a judged board

# The words the simulator writes in its `program` quantity, per locale (its T.said table).
WORDS = {
    "fr": {
        "forward": "avancer",
        "left": "gauche",
        "right": "droite",
        "pick": "ramasser",
        "repeat": "répéter",
    },
    "en": {b: b for b in BLOCKS},
}
# Everything a learner may type for a block, once folded (lower case, no accents): the words of
# both locales and the names of the simulator's buttons. Matched longest first.
_NAMES = {
    "forward": ("forward", "move forward", "go forward", "avancer", "avance"),
    "left": ("left", "turn left", "gauche", "tourner a gauche", "tourne a gauche"),
    "right": ("right", "turn right", "droite", "tourner a droite", "tourne a droite"),
    "pick": ("pick", "pick up", "ramasser", "ramasse"),
    "repeat": ("repeat", "repeter", "repete"),
}
_PHRASES = sorted(
    ((tuple(name.split()), block) for block, names in _NAMES.items() for name in names),
    key=lambda item: -len(item[0]),
)
_TIMES = ("times", "time", "fois", "x")
# Between blocks: commas, semicolons, the full stop a phone's keyboard adds, and "and", "then".
_BETWEEN = frozenset({",", ";", "."})
_JOINING = frozenset({"and", "then", "et", "puis"})
_OPEN, _CLOSE = {"(": ")", "[": "]"}, {")", "]"}
_TOKEN = re.compile(
    r"\s*(?:(?P<word>[a-z]+)|(?P<number>[0-9]+)|(?P<mark>[()\[\],;.:])|(?P<other>\S))"
)
# Typographic marks a phone or a word processor may put in the text.
_FOLD = str.maketrans({"\u2019": "'", "\u00a0": " ", "\u202f": " ", "\uff08": "(", "\uff09": ")"})


class ProgramError(ValueError):
    """A program text that cannot be read; the message says why, for a person."""


@dataclass(frozen=True)
class Repeat:
    times: int
    body: tuple[Block, ...]


Block = str | Repeat  # a move ("forward", "left", "right", "pick") or a repeat
Program = tuple[Block, ...]


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_FOLD).casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


def _tokens(text: str) -> list[tuple[str, str]]:
    tokens = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or ""
        value = match.group(kind)
        if kind == "other":
            raise ProgramError(f"unexpected character {value!r}")
        tokens.append((kind, value))
    return tokens


def parse_program(text: object) -> Program:
    """Read a program text (see the module's docstring); raise ProgramError if it is not one."""
    if not isinstance(text, str):
        raise ProgramError("a program is a text")
    if len(text) > MAX_TEXT:
        raise ProgramError(f"a program is at most {MAX_TEXT} characters long")
    tokens = _tokens(_fold(text))
    position = 0

    def sequence(depth: int, closer: str | None) -> Program:
        nonlocal position
        blocks: list[Block] = []
        while position < len(tokens):
            kind, value = tokens[position]
            if (kind == "mark" and value in _BETWEEN) or (kind == "word" and value in _JOINING):
                position += 1
                continue
            if kind == "mark" and value in _CLOSE:
                if value != closer:
                    raise ProgramError(f"{value!r} closes no repeat")
                position += 1
                return tuple(blocks)
            if kind != "word":
                raise ProgramError(f"expected a block, not {value!r}")
            block = phrase()
            if block != "repeat":
                blocks.append(block)
                continue
            blocks.append(repeat(depth))
        if closer is not None:
            raise ProgramError(f"a repeat is not closed: {closer!r} is missing")
        return tuple(blocks)

    def phrase() -> str:
        nonlocal position
        for words, block in _PHRASES:
            end = position + len(words)
            if tokens[position:end] == [("word", w) for w in words]:
                position = end
                return block
        raise ProgramError(f"unknown block {tokens[position][1]!r}")

    def repeat(depth: int) -> Repeat:
        nonlocal position
        if depth >= MAX_DEPTH:
            raise ProgramError(f"at most {MAX_DEPTH} repeats inside one another")
        kind, value = tokens[position] if position < len(tokens) else ("", "")
        if kind != "number":
            raise ProgramError("a repeat needs its number of times: repeat 3 (forward)")
        times = int(value) if len(value) <= 4 else MAX_TIMES + 1
        if not MIN_TIMES <= times <= MAX_TIMES:
            raise ProgramError(f"a repeat runs {MIN_TIMES} to {MAX_TIMES} times, not {value}")
        position += 1
        if position < len(tokens) and tokens[position] in {("word", w) for w in _TIMES}:
            position += 1
        if position < len(tokens) and tokens[position] == ("mark", ":"):
            position += 1  # "repeat 3 times: (forward)"
        kind, value = tokens[position] if position < len(tokens) else ("", "")
        if kind != "mark" or value not in _OPEN:
            raise ProgramError("a repeat needs its blocks between brackets: repeat 3 (forward)")
        position += 1
        return Repeat(times, sequence(depth + 1, _OPEN[value]))

    return sequence(0, None)


def count_blocks(program: Program) -> int:
    """Blocks as the simulator counts them: each move and each repeat, never a repeat's end."""
    return sum(1 + count_blocks(b.body) if isinstance(b, Repeat) else 1 for b in program)


def used_blocks(program: Program) -> set[str]:
    used: set[str] = set()
    for block in program:
        if isinstance(block, Repeat):
            used |= {"repeat", *used_blocks(block.body)}
        else:
            used.add(block)
    return used


def count_steps(program: Program, cap: int = MAX_STEPS) -> int:
    """Moves a run makes, or `cap` if it makes at least that many (the work stays bounded)."""
    total = 0
    for block in program:
        total += block.times * count_steps(block.body, cap) if isinstance(block, Repeat) else 1
        if total >= cap:
            return cap
    return total


def program_text(program: Program, locale: str = "en") -> str:
    """The canonical text, as the simulator reports it: `forward, repeat 3 (forward, right)`."""
    words = WORDS.get(locale, WORDS["en"])
    return ", ".join(
        f"{words['repeat']} {b.times} ({program_text(b.body, locale)})"
        if isinstance(b, Repeat)
        else words[b]
        for b in program
    )


# --- the board -----------------------------------------------------------------------------

DIRECTIONS = ("N", "E", "S", "W")
_ARROWS = {"^": "N", ">": "E", "v": "S", "<": "W", "N": "N", "E": "E", "S": "S", "W": "W"}
_STEP = {"N": (-1, 0), "E": (0, 1), "S": (1, 0), "W": (0, -1)}


@dataclass(frozen=True)
class Board:
    rows: tuple[str, ...]
    width: int
    start: tuple[int, int, str]  # row, column (from 0), direction
    stars: frozenset[tuple[int, int]]
    goals: frozenset[tuple[int, int]]
    blocks: tuple[str, ...]  # the palette
    max_blocks: float  # 0: no limit

    def inside(self, row: int, column: int) -> bool:
        return 0 <= row < len(self.rows) and 0 <= column < len(self.rows[row])

    def wall(self, row: int, column: int) -> bool:
        return self.rows[row][column] == "#"


def _js_text(value: object) -> str:
    return "" if value is None else str(value)


def _js_number(value: object) -> float:
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip() or 0)
        except ValueError:
            return 0.0
    else:
        return 0.0
    return number if math.isfinite(number) else 0.0


def board_of(scenario: Mapping) -> Board:
    """The board as the simulator reads a scenario (leniently: checks are in scenario_problems)."""
    raw = scenario.get("map")
    rows = tuple(_js_text(r) for r in raw) if isinstance(raw, (list, tuple)) else ()
    start, stars, goals = (0, 0, "E"), set(), set()
    for r, row in enumerate(rows):
        for c, char in enumerate(row):
            if char in _ARROWS:
                start = (r, c, _ARROWS[char])
            elif char == "*":
                stars.add((r, c))
            elif char == "G":
                goals.add((r, c))
    palette = scenario.get("blocks")
    blocks = tuple(palette) if isinstance(palette, (list, tuple)) and palette else DEFAULT_BLOCKS
    return Board(
        rows=rows,
        width=max((len(r) for r in rows), default=0),
        start=start,
        stars=frozenset(stars),
        goals=frozenset(goals),
        blocks=tuple(_js_text(b) for b in blocks),
        max_blocks=_js_number(scenario.get("max_blocks")),
    )


@dataclass(frozen=True)
class Run:
    """How a program ends: `success`, `crash`, `incomplete` or `refused` (never run)."""

    outcome: str
    reason: str = ""  # why it was refused or crashed, for a person
    blocks: int = 0
    position: tuple[int, int] | None = None  # where the robot stops (row, column from 0)

    @property
    def success(self) -> bool:
        return self.outcome == "success"


def _moves(program: Program) -> Iterator[str]:
    for block in program:
        if isinstance(block, Repeat):
            for _ in range(block.times):
                yield from _moves(block.body)
        else:
            yield block


def run(board: Board, program: Program) -> Run:
    """Run a parsed program on the board, as the simulator's Run button does."""
    blocks = count_blocks(program)
    if not program:
        return Run("refused", "the program is empty")
    unavailable = sorted(used_blocks(program) - set(board.blocks))
    if unavailable:
        return Run("refused", f"not a block of this board: {', '.join(unavailable)}", blocks)
    if board.max_blocks and blocks > board.max_blocks:
        return Run("refused", f"too many blocks: {blocks}, at most {board.max_blocks:g}", blocks)
    if count_steps(program) >= MAX_STEPS:
        return Run("refused", "the program takes too long to run", blocks)
    row, column, facing = board.start
    stars = set(board.stars)
    walk_picks = "pick" not in board.blocks
    for move in _moves(program):
        if move == "left":
            facing = DIRECTIONS[(DIRECTIONS.index(facing) + 3) % 4]
        elif move == "right":
            facing = DIRECTIONS[(DIRECTIONS.index(facing) + 1) % 4]
        elif move == "pick":
            stars.discard((row, column))
        else:
            dr, dc = _STEP[facing]
            if not board.inside(row + dr, column + dc):
                return Run("crash", "the robot left the board", blocks, (row, column))
            if board.wall(row + dr, column + dc):
                return Run("crash", "the robot hit a wall", blocks, (row, column))
            row, column = row + dr, column + dc
            if walk_picks:
                stars.discard((row, column))
    won = not stars and ((row, column) in board.goals or (not board.goals and board.stars))
    return Run("success" if won else "incomplete", "", blocks, (row, column))


def judge(scenario: object, text: object) -> Run:
    """Read and run a learner's program on a scenario; never raises."""
    if not isinstance(scenario, Mapping):
        return Run("refused", "no board to run the program on")
    try:
        program = parse_program(text)
    except ProgramError as error:
        return Run("refused", str(error))
    try:
        return run(board_of(scenario), program)
    except (RecursionError, MemoryError, ValueError, TypeError) as error:  # pragma: no cover
        return Run("refused", f"the program cannot be run ({type(error).__name__})")


# --- what a judged scenario must hold --------------------------------------------------------

MAP_CHARACTERS = frozenset("#.G*^>v<")


def _starting_program_problems(items: object, palette: set[str], depth: int = 0) -> list[str]:
    if not isinstance(items, (list, tuple)):
        return ["'program' must be a list of blocks"]
    problems = []
    for item in items:
        if isinstance(item, Mapping):
            times = item.get("repeat")
            if set(item) != {"repeat", "do"} or isinstance(times, bool):
                problems.append("a repeat of 'program' is {repeat: <times>, do: [blocks]}")
            elif not isinstance(times, int) or not MIN_TIMES <= times <= MAX_TIMES:
                problems.append(f"a repeat of 'program' runs {MIN_TIMES} to {MAX_TIMES} times")
            elif depth >= MAX_DEPTH:
                problems.append(f"'program' nests more than {MAX_DEPTH} repeats")
            else:
                if "repeat" not in palette:
                    problems.append("'program' uses 'repeat', which 'blocks' does not offer")
                problems += _starting_program_problems(item.get("do"), palette, depth + 1)
        elif item not in MOVES:
            problems.append(f"'program' holds {item!r}, which is not a block")
        elif item not in palette:
            problems.append(f"'program' uses {item!r}, which 'blocks' does not offer")
    return problems


def scenario_problems(scenario: object) -> list[str]:
    """Why a scenario cannot judge programs (empty if it can): a board the author meant."""
    if not isinstance(scenario, Mapping):
        return ["the scenario must be a mapping"]
    problems = []
    rows = scenario.get("map")
    if (
        not isinstance(rows, (list, tuple))
        or not rows
        or not all(isinstance(r, str) and r for r in rows)
    ):
        return ["'map' must be a non-empty list of non-empty rows"]
    if len(rows) > MAX_SIDE or max(len(r) for r in rows) > MAX_SIDE:
        problems.append(f"'map' has more than {MAX_SIDE} rows or columns")
    odd = sorted({c for r in rows for c in r} - MAP_CHARACTERS)
    if odd:
        problems.append(f"'map' holds {''.join(odd)!r}: use only {''.join(sorted(MAP_CHARACTERS))}")
    robots = sum(r.count(a) for r in rows for a in "^>v<")
    if robots != 1:
        problems.append(f"'map' must hold one robot (^ > v <), not {robots}")
    if not any("G" in r or "*" in r for r in rows):
        problems.append("'map' has neither a flag (G) nor a star (*): no run can succeed")
    palette = scenario.get("blocks", list(DEFAULT_BLOCKS))
    if (
        not isinstance(palette, (list, tuple))
        or not palette
        or any(b not in BLOCKS for b in palette)
        or len(set(palette)) != len(palette)
    ):
        problems.append(f"'blocks' must list some of {', '.join(BLOCKS)}, each once")
        palette = []
    limit = scenario.get("max_blocks")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        problems.append("'max_blocks' must be a whole number of at least 1")
    if "program" in scenario:
        problems += _starting_program_problems(scenario.get("program"), set(palette))
    if scenario.get("editable") is False:
        problems.append("'editable: false' leaves the learner no program to write")
    return problems


# --- the board in words, for a page without the simulator ------------------------------------


@dataclass(frozen=True)
class RowText:
    number: int  # from 1
    runs: tuple[tuple[int, int], ...]  # open columns (from 1), as first..last runs
    flags: tuple[int, ...]
    stars: tuple[int, ...]


def board_rows(board: Board) -> tuple[RowText, ...]:
    """The open cells row by row, with the flags and stars: what the simulator's board text
    tells a screen reader (`drawBoardText`), for a page to say it in its own words."""
    told = []
    for r, row in enumerate(board.rows):
        open_columns = [c + 1 for c in range(len(row)) if row[c] != "#"]
        if not open_columns:
            continue
        runs: list[list[int]] = []
        for c in open_columns:
            if runs and c == runs[-1][1] + 1:
                runs[-1][1] = c
            else:
                runs.append([c, c])
        told.append(
            RowText(
                r + 1,
                tuple((a, b) for a, b in runs),
                tuple(c + 1 for c in range(len(row)) if (r, c) in board.goals),
                tuple(c + 1 for c in range(len(row)) if (r, c) in board.stars),
            )
        )
    return tuple(told)


def starting_program(scenario: Mapping) -> Program:
    """The scenario's starting program (`program:`), as parsed blocks; () if it has none."""

    def blocks(items: object) -> Program:
        out: list[Block] = []
        for item in items if isinstance(items, (list, tuple)) else ():
            if isinstance(item, Mapping) and item.get("repeat") is not None:
                times = int(_js_number(item.get("repeat"))) or 1
                out.append(Repeat(max(1, min(MAX_TIMES, times)), blocks(item.get("do"))))
            elif item in MOVES:
                out.append(item)
        return tuple(out)

    return blocks(scenario.get("program"))
