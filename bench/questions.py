"""What a script can judge of generated questions: `make bench` runs it.

    .venv/bin/python bench/questions.py [FILE ...]

For each article (by default the seed, ../shared/articles, ../shared/articles-raw
and the parser's own real articles) it generates the bank and the default quiz
and checks:

* every key is in its cited sentences (single choice, cloze, multiple
  response and matching: each answer, as whole words; ordering: most of each
  item's words);
* options are distinct after normalisation;
* no two questions of the default quiz share a fact or a sentence, and none
  prints the key of another (stem, options, left-hand items or feedback);
* at least 15 valid questions per 1,000 words, and at least 4 question types
  from 500 words up;
* a second run gives identical output.

Prints one line per article and a summary; exits 1 when a check fails.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.rating import read_file  # noqa: E402
from quizzes.text import generate_questions  # noqa: E402
from quizzes.text.answers import normalise_answer  # noqa: E402
from quizzes.text.question import GeneratedQuestion  # noqa: E402
from quizzes.text.ranking import worth_a_quiz  # noqa: E402
from quizzes.text.selection import clash, draw_quiz  # noqa: E402

QUIZ_SIZE = 12
PER_THOUSAND_WORDS = 15
TYPES_FROM_500_WORDS = 4


def default_files() -> list[Path]:
    shared = REPO.parent / "shared"
    return [
        *sorted((REPO / "seeds").glob("*.txt")),
        *sorted((shared / "articles").glob("*.txt")),
        *sorted(p for p in (shared / "articles-raw").glob("*") if p.name != "SOURCES.md"),
        *sorted((REPO / "tests" / "briefings" / "text" / "articles" / "real").glob("*.txt")),
    ]


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", normalise_answer(text)) if len(w) > 2}


def _written_in(normalised: str, key: str) -> bool:
    pattern = rf"(?<![0-9a-z.]){re.escape(normalise_answer(key))}(?![0-9a-z]|\.\d)"
    return re.search(pattern, normalised) is not None


def key_problem(article: object, question: GeneratedQuestion) -> str | None:
    """Why a question's key is not in the sentences it cites, or None."""
    cited = " ".join(article.block(p).text[s:e] for p, s, e in question.cited())  # type: ignore[attr-defined]
    normalised = normalise_answer(cited)
    if question.kind in ("single_choice", "cloze", "multiple_response", "matching"):
        keys = question.correct[:1] if question.kind == "cloze" else question.correct
        for key in keys:
            # A person is named in full once and by surname after ("Putin said").
            forms = {key, key.split()[-1]} if question.kind != "cloze" and " " in key else {key}
            if not any(_written_in(normalised, form) for form in forms):
                return f"key {key!r} is not in the cited sentences"
    if question.kind == "ordering":
        words = _words(cited)
        for item in question.correct:
            own = _words(item)
            if own and len(own & words) < 0.6 * len(own):
                return f"item {item!r} is not in the cited sentences"
    return None


def option_problem(question: GeneratedQuestion) -> str | None:
    if question.kind in ("true_false", "cloze"):
        return None
    normalised = [normalise_answer(o) for o in question.options]
    if len(set(normalised)) != len(normalised):
        return "options repeat after normalisation"
    return None


def check(path: Path, kinds: Counter[str]) -> tuple[list[str], dict[str, float]]:
    """The checks' failures and figures for one article; ``kinds`` counts its bank's types."""
    article = read_file(path)
    words = sum(len(b.text.split()) for b in article.blocks)
    bank = generate_questions(article)
    failures: list[str] = []
    valid = 0
    for question in bank:
        problem = key_problem(article, question) or option_problem(question)
        if problem:
            failures.append(f"{question.kind}: {problem}: {question.stem[:70]}")
        else:
            valid += 1
    quiz = draw_quiz([q for q in bank if worth_a_quiz(q)], count=QUIZ_SIZE)
    for i, first in enumerate(quiz):
        for second in quiz[i + 1 :]:
            why = clash(first, second)
            if why:
                failures.append(f"quiz clash ({why}): {first.stem[:40]} / {second.stem[:40]}")
    per_thousand = 1000 * valid / max(words, 1)
    types = len({q.kind for q in bank})
    if per_thousand < PER_THOUSAND_WORDS:
        failures.append(f"{per_thousand:.1f} valid questions per 1,000 words")
    if words >= 500 and types < TYPES_FROM_500_WORDS:
        failures.append(f"only {types} question types from {words} words")
    if generate_questions(read_file(path)) != bank:
        failures.append("a second run gives different questions")
    figures = {
        "words": words,
        "bank": len(bank),
        "valid": valid,
        "per_thousand": per_thousand,
        "types": types,
        "quiz": len(quiz),
        "quiz_types": len({q.kind for q in quiz}),
    }
    kinds.update(q.kind for q in bank)
    return failures, figures


def main() -> int:
    files = [Path(a) for a in sys.argv[1:]] or default_files()
    print(f"{'article':<52} {'words':>6} {'bank':>5} {'valid':>5} {'/1000w':>7} types quiz")
    failed = 0
    kinds: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for path in files:
        failures, figures = check(path, kinds)
        failed += bool(failures)
        totals.update({k: int(v) for k, v in figures.items() if k in ("words", "bank", "valid")})
        print(
            f"{path.name[:52]:<52} {figures['words']:>6} {figures['bank']:>5} "
            f"{figures['valid']:>5} {figures['per_thousand']:>7.1f} {figures['types']:>5} "
            f"{figures['quiz']:>2}/{figures['quiz_types']} types"
        )
        for failure in failures[:8]:
            print(f"    FAIL {failure}")
    print(
        f"\n{len(files)} articles, {totals['words']} words, {totals['bank']} questions, "
        f"{totals['valid']} valid ({100 * totals['valid'] / max(totals['bank'], 1):.1f} %), "
        f"{1000 * totals['valid'] / max(totals['words'], 1):.1f} per 1,000 words"
    )
    print("by type: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print(f"articles failing a check: {failed} of {len(files)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
