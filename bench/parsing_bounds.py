"""Time and memory of importing pathological articles: sizes x shapes.

Each shape is text an attacker (or a broken export) could upload: nested and
unbalanced quotes, brackets and parentheses, one huge line, thousands of short
lines, runs of dates, inline definitions and names. Every cell runs in its own
process, so a slow cell is cut off at the timeout instead of holding up the
table, and the larger sizes of that shape are skipped.

    .venv/bin/python bench/parsing_bounds.py
    .venv/bin/python bench/parsing_bounds.py --sizes 1M,5M --shapes curly-quotes,definitions

Columns: ``import`` is ``read_article`` (the upload path: reader, then every
extractor), ``parse`` is ``parse_article`` on the decoded text, ``questions``
is ``generate_questions`` on the imported article. Seconds are CPU seconds of
the cell's process, which other work on a busy machine does not inflate; the
timeout is wall-clock. MB is the growth of the process's peak resident memory
over what it held before the step.
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

HEADER = "Pathology Wire\n\nA Headline for a Pathological Article\n\n"
KB = 1024
MB = 1024 * KB

_SYLLABLES = (
    "al",
    "bor",
    "cen",
    "dra",
    "ev",
    "fal",
    "gor",
    "hin",
    "is",
    "jul",
    "kar",
    "lom",
    "mun",
)


def _pseudo_words() -> Iterator[str]:
    """Capitalised made-up words, all distinct, their initials changing fastest:
    "Alal", "Boral", "Cenal", …, "Albor", … then of three syllables."""
    for count in itertools.count(2):
        for parts in itertools.product(_SYLLABLES, repeat=count):
            yield "".join(reversed(parts)).capitalize()


def _repeat(units: Iterator[str], size: int, separator: str = " ") -> str:
    pieces: list[str] = []
    total = len(HEADER)
    for unit in units:
        if total >= size:
            break
        pieces.append(unit)
        total += len(unit.encode()) + len(separator)
    return separator.join(pieces)


def _cycle(*units: str) -> Iterator[str]:
    return itertools.cycle(units)


def straight_quotes(size: int) -> str:
    """One paragraph, one sentence: nested, empty and unclosed straight quotes and ''pairs''."""
    return _repeat(
        _cycle(
            'Ann Lee said "the "inner" words" and',
            '"" "unclosed and, according to the ministry,',
            "''doubled'' '' she stated \"",
            'he added "a "b "c according to them',
        ),
        size,
    )


def curly_quotes(size: int) -> str:
    """One paragraph, one sentence: nested and unclosed curly double and single quotes."""
    return _repeat(
        _cycle(
            "Ann Lee said “the ‘inner’ words” and",
            "“ “unclosed and, according to the ministry,",
            "‘single don’t ‘ she stated ”",
            "he added “a “b ”c ’",
        ),
        size,
    )


def parentheses(size: int) -> str:
    """One paragraph of nested and unbalanced parentheses around capitalised words."""
    return _repeat(
        _cycle(
            "the Alpha Beta Council (ABC (or (the Board) ((",
            "(see Other Things) ) ) (( Delta Echo (DE)",
            "(1) (a) (",
            "World Health (WHO)) (",
        ),
        size,
    )


def brackets(size: int) -> str:
    """One paragraph of nested and unbalanced square brackets and footnote markers."""
    return _repeat(
        _cycle(
            "the Alpha Beta Council [ABC [or [the Board] [[",
            "[see Other Things] ] ] [[ Delta Echo [DE]",
            "[1] [iv] [",
            "word[12][13] [RDT&E]] [",
        ),
        size,
    )


def long_line(size: int) -> str:
    """One line with no full stop: words, capitalised names and commas."""
    return _repeat(
        _cycle("the minister Ann Lee, who", "spoke of the Northern Council", "and then said"),
        size,
    )


def short_lines(size: int) -> str:
    """Thousands of short lines, each a sentence: thousands of one-line paragraphs."""
    return _repeat((f"Line {number} of the text." for number in itertools.count()), size, "\n")


def wrapped_lines(size: int) -> str:
    """Thousands of short hard-wrapped lines, some hyphenated: one paragraph."""
    return _repeat(
        (f"line {number} of the run-{'' if number % 3 else '-'}" for number in itertools.count()),
        size,
        "\n",
    )


def stop_runs(size: int) -> str:
    """Runs of full stops, ellipses, exclamation marks and spaces with no sentence between."""
    return _repeat(_cycle("." * 500, "!?" * 200, "… " * 100, " " * 300 + "word"), size, "")


def dates(size: int) -> str:
    """Sentences thick with dates in every written form."""
    return _repeat(
        (
            f"On {day % 28 + 1} March {1990 + day % 40}, on April {day % 28 + 1}, "
            f"{2000 + day % 30} and on {2000 + day % 30}-05-{day % 28 + 1:02d} the council met."
            for day in itertools.count()
        ),
        size,
    )


def definitions(size: int) -> str:
    """Many inline definitions "Name Name Name (NNN)", each of a different term."""

    def units() -> Iterator[str]:
        for number in itertools.count():
            length = 3 + number % 3
            letters = [chr(ord("A") + (number // 26**place) % 26) for place in range(length)]
            name = [
                letter + _SYLLABLES[(number + place) % len(_SYLLABLES)]
                for place, letter in enumerate(letters)
            ]
            ending = "." if number % 10 == 9 else ","
            yield f"the {' '.join(name)} ({''.join(letters)}){ending}"

    return _repeat(units(), size)


def names(size: int) -> str:
    """Repeated capitalised names with titles, appositives and speech verbs."""
    words = _pseudo_words()

    def units() -> Iterator[str]:
        for number in itertools.count():
            first, last = next(words), next(words)
            yield (
                f"President {first} {last} said the plan works. {last}, a reporter, "
                f"met Dr. {first} Lee and {last} resigned." + ("\n\n" if number % 50 == 49 else "")
            )

    return _repeat(units(), size)


SHAPES: dict[str, Callable[[int], str]] = {
    "straight-quotes": straight_quotes,
    "curly-quotes": curly_quotes,
    "parentheses": parentheses,
    "brackets": brackets,
    "long-line": long_line,
    "short-lines": short_lines,
    "wrapped-lines": wrapped_lines,
    "stop-runs": stop_runs,
    "dates": dates,
    "definitions": definitions,
    "names": names,
}


def article(shape: str, size: int) -> bytes:
    """An article of the shape, exactly ``size`` bytes of UTF-8."""
    data = (HEADER + SHAPES[shape](size)).encode()[:size]
    data = data.decode("utf-8", errors="ignore").encode()
    return data + b" " * (size - len(data))


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def _measure(step: Callable[[], object]) -> tuple[object, float, float]:
    before = _peak_mb()
    started = time.process_time()
    result = step()
    return result, time.process_time() - started, _peak_mb() - before


STEPS = ("import", "parse", "questions")


def measure_one(shape: str, size: int, step: str) -> tuple[float, float]:
    """CPU seconds and peak MB of one step on one article (run in a fresh process).

    An article the parser refuses raises ArticleError, as an upload would.
    """
    from briefings.text import parse_article
    from briefings.text.readers import read_article
    from quizzes.text import generate_questions

    data = article(shape, size)
    if step == "parse":
        return _measure(lambda: parse_article(data.decode()))[1:]
    if step == "import":
        return _measure(lambda: read_article(data, filename="article.txt"))[1:]
    parsed = read_article(data, filename="article.txt").article
    return _measure(lambda: generate_questions(parsed))[1:]


def parse_size(text: str) -> int:
    text = text.strip().upper()
    if text.endswith("M"):
        return int(float(text[:-1]) * MB)
    if text.endswith("K"):
        return int(float(text[:-1]) * KB)
    return int(text)


def label(size: int) -> str:
    return f"{size / MB:g}M" if size >= MB else f"{size / KB:g}K"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="12K,48K,192K,1M")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--steps", default=",".join(STEPS), help="import,parse,questions")
    parser.add_argument("--timeout", type=float, default=60.0, help="wall seconds per step")
    parser.add_argument("--one", nargs=3, metavar=("SHAPE", "SIZE", "STEP"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.one:
        shape, size, step = options.one
        print(json.dumps(measure_one(shape, parse_size(size), step)))
        return 0
    steps = [step for step in STEPS if step in options.steps.split(",")]
    print("| shape | size | " + " | ".join(f"{step} s | {step} MB" for step in steps) + " |")
    print("| --- | ---: | " + " | ".join("---: | ---:" for _ in steps) + " |")
    sizes = [parse_size(size) for size in options.sizes.split(",")]
    for shape in options.shapes.split(","):
        given_up: set[str] = set()  # steps that timed out at a smaller size
        for size in sizes:
            cells: list[str] = []
            for step in steps:
                if step in given_up:
                    cells += ["skipped", "—"]
                    continue
                cells += _run_cell(shape, size, step, options.timeout)
                if cells[-2].startswith(">"):
                    given_up.add(step)
            print(f"| {shape} | {label(size)} | " + " | ".join(cells) + " |", flush=True)
    return 0


def _run_cell(shape: str, size: int, step: str, timeout: float) -> list[str]:
    command = [sys.executable, __file__, "--one", shape, str(size), step]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return [f">{timeout:g} (wall)", "—"]
    except subprocess.CalledProcessError as error:
        last = (error.stderr.strip().splitlines() or ["failed"])[-1]
        return [last.split(": ", 1)[-1][:70], "—"]
    seconds, megabytes = json.loads(done.stdout)
    return [f"{seconds:.2f}", f"{megabytes:.0f}"]


if __name__ == "__main__":
    sys.exit(main())
