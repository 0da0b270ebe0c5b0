"""The robot's programs on the server: read, counted and run as content/simulators/robot.html
runs them (tests/simulators/test_simulators.py checks the two agree in a real browser)."""

import re
import time

import pytest

from octet.content.domain import robot
from octet.content.domain.robot import ProgramError, Repeat, judge, parse_program

CORRIDOR = {
    "map": ["##########", "#>......G#", "##########"],
    "blocks": ["forward", "left", "right", "repeat"],
    "max_blocks": 3,
}
STARS = {
    "map": ["#####", "#>*.#", "#.*G#", "#####"],
    "blocks": ["forward", "left", "right", "repeat"],
}


# --- reading ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "forward, repeat 3 (forward, right), left",
        "avancer, répéter 3 (avancer, droite), gauche",
        "Forward; REPEAT 3 [forward; right]; left",
        "move forward\nrepeat 3 times (forward, turn right)\nturn left",
        "avancer ; répéter 3 fois [ avancer ; tourner à droite ] ; tourner à gauche",
        "AVANCER, REPETER 3 (AVANCER, DROITE), GAUCHE",
        "forward repeat 3 (forward right) left",
        "  forward ,, repeat 3 ( forward , right , ) , left ,  ",
        # a phone's keyboard ends a sentence with a full stop (two spaces typed); a person
        # writes "and" before the last block, or a colon after the number of times
        "Forward. Repeat 3 (forward, right). Left.",
        "avancer, répéter 3 fois : (avancer puis droite) et gauche",
        "forward then repeat 3 times: [forward and turn right], then turn left",
    ],
)
def test_the_simulators_text_and_what_a_person_types_read_the_same(text):
    assert parse_program(text) == ("forward", Repeat(3, ("forward", "right")), "left")


def test_the_canonical_text_is_what_the_simulator_writes_in_each_locale():
    program = ("forward", Repeat(3, ("forward", Repeat(2, ("pick",)))), "left", Repeat(2, ()))
    assert robot.program_text(program, "en") == (
        "forward, repeat 3 (forward, repeat 2 (pick)), left, repeat 2 ()"
    )
    assert robot.program_text(program, "fr") == (
        "avancer, répéter 3 (avancer, répéter 2 (ramasser)), gauche, répéter 2 ()"
    )
    for locale in ("fr", "en"):
        assert parse_program(robot.program_text(program, locale)) == program


def test_repeats_nest():
    assert parse_program("repeat 2 (repeat 3 (left), forward)") == (
        Repeat(2, (Repeat(3, ("left",)), "forward")),
    )
    assert parse_program("repeat 2 ()") == (Repeat(2, ()),)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("success", "unknown block 'success'"),
        ("réussite", "unknown block 'reussite'"),
        ("forward, jump", "unknown block 'jump'"),
        ("repeat (forward)", "a repeat needs its number of times"),
        ("repeat 3 forward", "a repeat needs its blocks between brackets"),
        ("repeat 3 (forward", "a repeat is not closed: ')' is missing"),
        ("repeat 3 (forward]", "']' closes no repeat"),
        ("forward)", "')' closes no repeat"),
        ("repeat 0 (forward)", "a repeat runs 1 to 99 times, not 0"),
        ("repeat 100 (forward)", "a repeat runs 1 to 99 times, not 100"),
        ("repeat 99999999999999999999 (forward)", "a repeat runs 1 to 99 times"),
        ("3", "expected a block, not '3'"),
        ("forward; <script>", "unexpected character '<'"),
        ("forward + left", "unexpected character '+'"),
        ("forward: left", "expected a block, not ':'"),
        ("repeat : 3 (forward)", "a repeat needs its number of times"),
        ("turn", "unknown block 'turn'"),
        ("repeat 2 (" * 11 + "forward" + ")" * 11, "at most 10 repeats inside one another"),
        ("f" * 2001, "a program is at most 2000 characters long"),
    ],
)
def test_a_text_that_is_no_program_is_refused_with_its_reason(text, why):
    with pytest.raises(ProgramError, match="^" + re.escape(why)):
        parse_program(text)
    refused = judge(CORRIDOR, text)
    assert (refused.outcome, refused.success) == ("refused", False)
    assert refused.reason.startswith(why)


@pytest.mark.parametrize("answer", [None, 7, ["forward"], {"program": "forward"}, b"forward"])
def test_an_answer_that_is_not_text_is_refused_never_raised(answer):
    assert judge(CORRIDOR, answer).outcome == "refused"


@pytest.mark.parametrize("scenario", [None, "map", [], {}, {"map": None}, {"map": [None, 3]}])
def test_a_missing_or_odd_board_never_raises(scenario):
    assert not judge(scenario, "forward").success


# --- counting --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "blocks"),
    [
        ("forward", 1),
        ("repeat 7 (forward)", 2),  # the repeat is a block, its end is not
        ("repeat 2 ()", 1),
        ("repeat 4 (forward, left, forward, right)", 5),
        ("repeat 2 (repeat 3 (forward), left), right", 5),
    ],
)
def test_blocks_are_counted_as_the_simulator_counts_them(text, blocks):
    assert robot.count_blocks(parse_program(text)) == blocks


def test_the_block_limit_is_the_scenarios_max_blocks():
    assert judge(CORRIDOR, "repeat 7 (forward)").success
    assert judge(CORRIDOR, "repeat 2 (repeat 7 (left), forward), repeat 5 (forward)").outcome == (
        "refused"
    )
    too_many = judge(CORRIDOR, "forward, forward, forward, forward, forward, forward, forward")
    assert (too_many.outcome, too_many.reason) == ("refused", "too many blocks: 7, at most 3")
    assert judge(dict(CORRIDOR, max_blocks=None), "forward, " * 6 + "forward").success
    assert judge(dict(CORRIDOR, max_blocks=0), "forward, " * 6 + "forward").success


def test_only_the_blocks_of_the_palette_may_be_used():
    no_repeat = dict(CORRIDOR, blocks=["forward", "left", "right"], max_blocks=None)
    refused = judge(no_repeat, "repeat 7 (forward)")
    assert (refused.outcome, refused.reason) == ("refused", "not a block of this board: repeat")
    assert judge(no_repeat, ", ".join(["forward"] * 7)).success
    assert judge(CORRIDOR, "repeat 7 (forward, pick)").reason == "not a block of this board: pick"
    # without `blocks`, the simulator offers its first four
    assert judge({"map": CORRIDOR["map"]}, "repeat 7 (forward)").success


# --- running ---------------------------------------------------------------------------------


def test_a_run_ends_on_the_flag_or_not():
    assert judge(CORRIDOR, "repeat 7 (forward)").position == (1, 8)
    short = judge(CORRIDOR, "repeat 6 (forward)")
    assert (short.outcome, short.position) == ("incomplete", (1, 7))
    # passing over the flag is not enough: the run must end on it
    back = judge(CORRIDOR | {"max_blocks": 5}, "repeat 7 (forward), left, left, forward")
    assert (back.outcome, back.position) == ("incomplete", (1, 7))
    assert judge(CORRIDOR, "repeat 2 ()").outcome == "incomplete"


def test_a_wall_or_the_edge_of_the_board_is_a_crash():
    wall = judge(CORRIDOR, "repeat 8 (forward)")
    assert (wall.outcome, wall.reason, wall.position) == ("crash", "the robot hit a wall", (1, 8))
    assert judge(CORRIDOR, "left, forward").outcome == "crash"
    # the crash ends the run, even when later blocks would have reached the flag
    late = judge(CORRIDOR | {"max_blocks": 5}, "left, forward, right, repeat 7 (forward)")
    assert (late.outcome, late.position) == ("crash", (1, 1))
    open_edge = {"map": ["..G", ">.."], "blocks": ["forward", "left", "right", "repeat"]}
    out = judge(open_edge, "right, forward")
    assert (out.outcome, out.reason) == ("crash", "the robot left the board")
    # a cell beyond the end of a shorter row is out of the board too
    ragged = {"map": ["#####", "#>.", "#..G#", "#####"]}
    assert judge(ragged, "forward, forward").reason == "the robot left the board"
    assert judge(ragged, "forward, right, forward, left, forward").success


def test_turns_follow_the_robots_direction():
    up = {"map": ["#G#", "#.#", "#^#"]}
    assert judge(up, "forward, forward").success
    down = {"map": ["#v#", "#.#", "#G#"]}
    assert judge(down, "repeat 2 (forward)").success
    assert judge(down, "right, right, forward").outcome == "crash"
    west = {"map": ["G.<"]}
    assert judge(west, "left, left, left, left, forward, forward").success


def test_every_star_must_be_picked_up_by_walking_on_it():
    missing = judge(STARS, "forward, forward, right, forward")
    assert (missing.outcome, missing.position) == ("incomplete", (2, 3))
    assert judge(STARS, "forward, right, forward, left, forward").success
    assert judge(STARS, "right, forward, left, repeat 2 (forward)").outcome == "incomplete"


def test_with_pick_in_the_palette_stars_are_picked_up_only_with_it():
    picking = dict(STARS, blocks=["forward", "left", "right", "pick"])
    assert judge(picking, "forward, right, forward, left, forward").outcome == "incomplete"
    assert judge(picking, "forward, pick, right, forward, pick, left, forward").success
    # pick where there is nothing does no harm
    assert judge(picking, "pick, forward, pick, pick, right, forward, pick, left, forward").success


def test_a_board_without_a_flag_is_won_with_every_star():
    stars_only = {"map": ["#####", "#>**#", "#####"]}
    assert judge(stars_only, "forward").outcome == "incomplete"
    assert judge(stars_only, "forward, forward").success
    nothing = {"map": ["#####", "#>..#", "#####"]}
    assert judge(nothing, "forward, forward").outcome == "incomplete"


def test_nested_repeats_run_their_blocks_in_order():
    spiral = {
        "map": ["#######", "#>....#", "#.###.#", "#.#G#.#", "#.#.#.#", "#.....#", "#######"],
        "blocks": ["forward", "left", "right", "repeat"],
        "max_blocks": 6,
    }
    loop = "repeat 4 (repeat 4 (forward), right)"  # around the board, back at the start
    assert judge(spiral, loop).position == (1, 1)
    assert judge(spiral, loop + ", repeat 2 (forward)").outcome == "incomplete"


def test_a_huge_program_is_refused_quickly():
    started = time.perf_counter()
    huge = "repeat 99 (" * 10 + "left" + ")" * 10  # 99**10 moves if it were run
    refused = judge(CORRIDOR | {"max_blocks": None}, huge)
    assert (refused.outcome, refused.reason) == ("refused", "the program takes too long to run")
    assert robot.count_steps(parse_program(huge)) == robot.MAX_STEPS
    # as many moves as the simulator runs: 1999 are run, 2000 are refused
    unlimited = CORRIDOR | {"max_blocks": None}
    most = judge(unlimited, "repeat 20 (repeat 99 (left)), repeat 19 (left)")  # 1980 + 19
    assert (most.outcome, most.position) == ("incomplete", (1, 1))
    too_long = judge(unlimited, "repeat 20 (repeat 99 (left)), repeat 20 (left)")  # 1980 + 20
    assert (too_long.outcome, too_long.reason) == ("refused", "the program takes too long to run")
    for hostile in ("(" * 1999, "forward," * 249, "[" * 1000 + "]" * 1000, "9" * 2000):
        judge(CORRIDOR, hostile)
    assert time.perf_counter() - started < 2


# --- the scenarios a challenge may judge with -----------------------------------------------


def test_a_scenario_that_can_judge_has_no_problem():
    assert robot.scenario_problems(CORRIDOR | {"report": {"program": "program"}}) == []
    assert robot.scenario_problems(STARS | {"program": [{"repeat": 2, "do": ["forward"]}]}) == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"map": []}, "'map' must be a non-empty list of non-empty rows"),
        ({"map": ["#>.G#", 5]}, "'map' must be a non-empty list of non-empty rows"),
        ({"map": ["#>.G#", "#.x.#"]}, "'map' holds 'x': use only"),
        ({"map": ["#..G#"]}, "'map' must hold one robot (^ > v <), not 0"),
        ({"map": ["#>.<G"]}, "'map' must hold one robot (^ > v <), not 2"),
        ({"map": ["#>..#"]}, "'map' has neither a flag (G) nor a star (*)"),
        ({"blocks": ["forward", "jump"]}, "'blocks' must list some of"),
        ({"blocks": []}, "'blocks' must list some of"),
        ({"max_blocks": 0}, "'max_blocks' must be a whole number of at least 1"),
        ({"max_blocks": "3"}, "'max_blocks' must be a whole number of at least 1"),
        ({"program": ["forward", "pick"]}, "'program' uses 'pick', which 'blocks' does not"),
        ({"program": ["jump"]}, "'program' holds 'jump', which is not a block"),
        ({"program": [{"repeat": 0, "do": []}]}, "a repeat of 'program' runs 1 to 99 times"),
        ({"program": [{"repeat": 2}]}, "a repeat of 'program' is {repeat: <times>, do: [blocks]}"),
        ({"editable": False}, "'editable: false' leaves the learner no program to write"),
    ],
)
def test_a_scenario_that_cannot_judge_says_why(change, problem):
    problems = robot.scenario_problems(CORRIDOR | change)
    assert len(problems) == 1 and problems[0].startswith(problem), problems


def test_the_board_in_words_says_what_the_simulator_tells_a_screen_reader():
    board = robot.board_of(STARS)
    assert [(r.number, r.runs, r.flags, r.stars) for r in robot.board_rows(board)] == [
        (2, ((2, 4),), (), (3,)),
        (3, ((2, 4),), (4,), (3,)),
    ]
    assert board.start == (1, 1, "E")
    gaps = robot.board_of({"map": ["#.#..G#"]})
    assert robot.board_rows(gaps)[0].runs == ((2, 2), (4, 6))


def test_a_starting_program_is_read_as_the_simulator_reads_it():
    scenario = {"program": [{"repeat": 6, "do": ["forward"]}, "right", {"repeat": 3, "do": []}]}
    assert robot.starting_program(scenario) == (Repeat(6, ("forward",)), "right", Repeat(3, ()))
    assert robot.starting_program({}) == ()


# --- the bank's robot challenges -------------------------------------------------------------

BANK = {
    "algorithmSteps2-robot-corridor": {
        "right": [
            "repeat 7 (forward)",
            "répéter 7 (avancer)",
            "Répéter 7 fois [ Avancer ]",
            "repeat 1 (repeat 7 (forward))",  # 3 blocks: at the limit
            "repeat 7 (forward), left",  # on the flag, whichever way it faces
        ],
        "too_many": [
            "forward, forward, forward, forward, forward, forward, forward",
            "left, right, repeat 7 (forward)",
        ],
        "crash": ["repeat 8 (forward)", "left, repeat 7 (forward)"],
        "short": ["repeat 6 (forward)"],
    },
    "algorithmSteps4-robot-stairs": {
        "right": [
            "repeat 4 (forward, left, forward, right)",
            "répéter 4 (avancer, gauche, avancer, droite)",
            "repeat 4 (move forward; turn left; move forward; turn right)",
            "Répéter 4 fois [avancer ; tourner à gauche ; avancer ; tourner à droite]",
        ],
        "too_many": ["forward, left, forward, right, repeat 3 (forward, left, forward, right)"],
        "crash": ["repeat 4 (forward, forward, left)", "repeat 5 (forward, left, forward, right)"],
        "short": ["repeat 3 (forward, left, forward, right)"],
    },
    "codeDebugging4-robot-short-loop": {
        "right": [
            "repeat 6 (forward), right, repeat 3 (forward), right, repeat 5 (forward)",
            "répéter 6 (avancer), droite, répéter 3 (avancer), droite, répéter 5 (avancer)",
            "Repeat 6 [move forward]; turn right; repeat 3 [move forward]; turn right;"
            " repeat 5 [move forward]",
        ],
        "too_many": [  # 8 blocks at most: one more turn is too many
            "repeat 6 (forward), right, forward, forward, forward, right, repeat 5 (forward)",
            "repeat 6 (forward), right, repeat 3 (forward), right, repeat 5 (forward), left",
        ],
        "crash": ["repeat 7 (forward)", "repeat 6 (forward), right, repeat 4 (forward)"],
        # the program as it comes, with its bug: one cell short of the flag
        "short": ["repeat 6 (forward), right, repeat 3 (forward), right, repeat 4 (forward)"],
    },
}


def bank_challenge(challenge_id):
    from octet.content.domain.release import current_release

    return current_release().challenges[challenge_id]


@pytest.mark.parametrize("challenge_id", sorted(BANK))
@pytest.mark.parametrize("locale", ["fr", "en"])
def test_the_banks_robot_challenges_judge_the_program_not_a_word(challenge_id, locale):
    from octet.content.domain.checking import check_answer, solution_answer

    challenge = bank_challenge(challenge_id)
    (field,) = challenge.fields
    assert field.judge == "robot"
    scenario = challenge.embed.scenario[locale]
    assert scenario["report"] == {field.key: "program"}
    assert check_answer(challenge, locale, solution_answer(challenge, locale)).ok
    cases = BANK[challenge_id]
    for program in cases["right"]:
        assert check_answer(challenge, locale, {field.key: program}).ok, program
    for word in ("success", "réussite", "réussi", "succès", "Success!", ""):
        assert not check_answer(challenge, locale, {field.key: word}).ok, word
    expected = {"too_many": "refused", "crash": "crash", "short": "incomplete"}
    for kind, outcome in expected.items():
        for program in cases[kind]:
            assert judge(scenario, program).outcome == outcome, program
            assert not check_answer(challenge, locale, {field.key: program}).ok, program


def test_the_shortest_programs_of_the_bank_use_the_blocks_the_instruction_allows():
    # the instructions promise 3, 5 and 8 blocks at most: the first solution fits
    for challenge_id, limit in (
        ("algorithmSteps2-robot-corridor", 3),
        ("algorithmSteps4-robot-stairs", 5),
        ("codeDebugging4-robot-short-loop", 8),
    ):
        challenge = bank_challenge(challenge_id)
        for locale in ("fr", "en"):
            assert challenge.embed.scenario[locale]["max_blocks"] == limit
            assert f"{limit} bl" in challenge.instruction[locale]
            run = judge(challenge.embed.scenario[locale], challenge.fields[0].solutions[locale][0])
            assert run.success and run.blocks <= limit
