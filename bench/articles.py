"""What the parser and the question generator make of articles.

    .venv/bin/python bench/articles.py [--examples N] [FILE ...]

With no files: the seed, the shared test articles beside the repository and
the parser's own test articles. For each: words, time, glossary, undefined
abbreviations, facts and questions by kind; ``--examples N`` also prints N
questions of each kind as a trainee sees them, with the source sentence.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.rating import read_file  # noqa: E402
from quizzes.text import extract_facts, generate_questions  # noqa: E402
from quizzes.text.question import GeneratedQuestion  # noqa: E402


def default_files() -> list[Path]:
    return [
        *sorted((REPO / "seeds").glob("*.txt")),
        *sorted((REPO.parent / "shared" / "articles").glob("*.txt")),
        *sorted((REPO / "tests" / "briefings" / "text" / "articles").glob("*.txt")),
    ]


def describe(path: Path, examples: int) -> None:
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    started = time.perf_counter()
    article = read_file(path)
    facts = extract_facts(article)
    questions = generate_questions(article, facts)
    elapsed = (time.perf_counter() - started) * 1000
    print(f"## {path.name}: {len(text.split())} words, {elapsed:.0f} ms")
    glossary = "; ".join(
        f"{d.term} = {d.expansion}" + (f" ({d.description})" if d.description else "")
        for d in article.glossary
    )
    print(f"  glossary: {glossary or 'none'}")
    undefined = ", ".join(a.term for a in article.undefined_abbreviations)
    print(f"  undefined abbreviations: {undefined or 'none'}")
    print(f"  facts: {dict(Counter(f.kind for f in facts))}")
    print(f"  questions ({len(questions)}): {dict(Counter(q.kind for q in questions))}")
    if examples:
        by_kind: dict[str, list[GeneratedQuestion]] = defaultdict(list)
        for question in questions:
            by_kind[question.kind].append(question)
        for kind, items in by_kind.items():
            print(f"  ### {kind}")
            for question in items[:examples]:
                source = article.block(question.paragraph).text[question.start : question.end]
                print(f"  - {question.stem}")
                if question.prompts:
                    print(f"    items: {' | '.join(question.prompts)}")
                if question.options:
                    print(f"    options: {' | '.join(question.options)}")
                print(f"    answer: {' | '.join(question.correct)}")
                print(f"    source (p{question.paragraph}): {source}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--examples", type=int, default=0)
    options = parser.parse_args()
    for path in options.files or default_files():
        describe(path, options.examples)


if __name__ == "__main__":
    main()
