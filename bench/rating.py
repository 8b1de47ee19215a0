"""Packets for rating generated questions by hand, and the raters' figures.

    .venv/bin/python bench/rating.py packet OUT_DIR FILE ... [--quiz 12] [--sample 6]
    .venv/bin/python bench/rating.py score PACKET_DIR RATINGS_A.jsonl RATINGS_B.jsonl
    .venv/bin/python bench/rating.py carry OLD_PACKET_DIR NEW_PACKET_DIR RATINGS.jsonl ...

``packet`` writes, for each article, the numbered paragraphs, the default quiz
(as :func:`quizzes.text.draw_quiz` draws it) and a sample of the rest of the
bank, with every question's key, explanation and cited sentences, as
``packet.md`` for raters and ``questions.json`` for scoring. Raters apply
``../shared/quality/RUBRIC.md`` and write one JSON line per question.

``score`` reports, per rater and over both: the acceptable share (items 1-9)
per question type, for quizzes and for bank samples; plausible distractors;
wrong keys; Cohen's kappa on "acceptable"; and the questions both raters
rejected, with their comments.

``carry`` takes the ratings of an earlier packet (say, before a change to the
generator) to a later packet of the same articles: each question the later
packet repeats word for word keeps its rating (``carried_<name>.jsonl``), and
the others go to ``to_rate.md`` for the raters.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from briefings.text.readers import read_article  # noqa: E402
from briefings.text.readers.report import TitleNeeded  # noqa: E402
from quizzes.text import generate_questions  # noqa: E402
from quizzes.text.question import GeneratedQuestion  # noqa: E402
from quizzes.text.ranking import worth_a_quiz  # noqa: E402
from quizzes.text.selection import draw_quiz  # noqa: E402

SOURCES = REPO.parent / "shared" / "articles-raw" / "SOURCES.md"


def _known_title(path: Path) -> str | None:
    """The title SOURCES.md records for a file that has no title line."""
    if not SOURCES.exists():
        return None
    for line in SOURCES.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.split(" | ")]
        if len(cells) > 2 and cells[0] == path.name:
            return cells[2]
    return None


def read_file(path: Path) -> Any:
    data = path.read_bytes()
    try:
        return read_article(data, filename=path.name).article
    except TitleNeeded:
        return read_article(data, filename=path.name, title=_known_title(path)).article


def _describe(article: Any, qid: int, question: GeneratedQuestion) -> tuple[str, dict[str, Any]]:
    lines = [f"#### Q{qid} ({question.kind})", "", f"Stem: {question.stem}"]
    if question.prompts:
        lines.append("Left column: " + " | ".join(question.prompts))
    if question.kind not in ("true_false", "cloze"):
        label = "Items (correct order below)" if question.kind == "ordering" else "Options"
        lines.append(f"{label}: " + " | ".join(question.options))
    lines.append("Key: " + " | ".join(question.correct))
    lines.append(f"Feedback shown after answering: {question.explanation}")
    for paragraph, start, end in question.cited():
        sentence = article.block(paragraph).text[start:end]
        lines.append(f"Cites p{paragraph} [{start}:{end}]: {sentence}")
    record = {
        "qid": qid,
        "kind": question.kind,
        "stem": question.stem,
        "options": list(question.options),
        "prompts": list(question.prompts),
        "correct": list(question.correct),
        "explanation": question.explanation,
        "citations": [list(c) for c in question.cited()],
    }
    return "\n".join(lines) + "\n", record


def packet(out: Path, files: list[Path], quiz_size: int, sample: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    text: list[str] = []
    records: list[dict[str, Any]] = []
    qid = 0
    for path in files:
        article = read_file(path)
        bank = generate_questions(article)
        # The default quiz is drawn from what generating with approval approves.
        quiz = draw_quiz([q for q in bank if worth_a_quiz(q)], count=quiz_size, seed=0)
        rest = [q for q in bank if q not in quiz]
        extra = random.Random(path.name).sample(rest, min(sample, len(rest)))
        text += [f"# Article {path.name}: {article.title}", ""]
        text += [f"p{b.number}. {b.text}" for b in article.blocks]
        text += ["", f"## Default quiz of {path.name} ({len(quiz)} questions)", ""]
        for group, items in (("quiz", quiz), ("bank", extra)):
            if group == "bank":
                text += ["", f"## Bank sample of {path.name} (judge each on its own)", ""]
            for question in items:
                qid += 1
                shown, record = _describe(article, qid, question)
                text.append(shown)
                records.append({**record, "article": path.name, "group": group})
        text.append("")
    (out / "packet.md").write_text("\n".join(text), encoding="utf-8")
    (out / "questions.json").write_text(json.dumps(records, indent=1), encoding="utf-8")
    print(f"{len(records)} questions from {len(files)} articles in {out}")


def _ratings(path: Path) -> dict[int, dict[str, Any]]:
    rated: dict[int, dict[str, Any]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("{"):
            item = json.loads(line)
            rated[int(item["qid"])] = item
    return rated


def _acceptable(item: dict[str, Any]) -> bool:
    items = item.get("items") or {}
    values = [items.get(str(n)) for n in range(1, 10)]
    if any(v is not None for v in values):
        return all(v in (1, None) for v in values)
    return bool(item.get("acceptable"))


def _kappa(first: list[bool], second: list[bool]) -> float:
    n = len(first)
    if not n:
        return float("nan")
    agree = sum(a == b for a, b in zip(first, second, strict=True)) / n
    p1, p2 = sum(first) / n, sum(second) / n
    chance = p1 * p2 + (1 - p1) * (1 - p2)
    return 1.0 if chance == 1 else (agree - chance) / (1 - chance)


def _share(values: list[bool]) -> str:
    return f"{100 * sum(values) / len(values):5.1f} % of {len(values):3d}" if values else "   -"


def score(packet_dir: Path, paths: list[Path]) -> None:
    questions = {q["qid"]: q for q in json.loads((packet_dir / "questions.json").read_text())}
    raters = [_ratings(p) for p in paths]
    both = [qid for qid in questions if all(qid in r for r in raters)]
    print(f"{len(both)} of {len(questions)} questions rated by all {len(raters)} raters")
    for name, rated in zip((p.stem for p in paths), raters, strict=True):
        print(f"\n## {name}")
        for group in ("quiz", "bank", None):
            subset = [q for q in both if group is None or questions[q]["group"] == group]
            label = group or "all"
            print(f"  acceptable, {label:<5} {_share([_acceptable(rated[q]) for q in subset])}")
        by_kind: dict[str, list[bool]] = defaultdict(list)
        for qid in both:
            by_kind[questions[qid]["kind"]].append(_acceptable(rated[qid]))
        for kind, values in sorted(by_kind.items()):
            print(f"    {kind:<18} {_share(values)}")
        plausible = sum(int(rated[q].get("plausible_distractors") or 0) for q in both)
        total = sum(int(rated[q].get("total_distractors") or 0) for q in both)
        with_distractors = [q for q in both if rated[q].get("total_distractors")]
        all_plausible = [
            rated[q]["plausible_distractors"] == rated[q]["total_distractors"]
            for q in with_distractors
        ]
        if total:
            print(f"  distractors plausible {100 * plausible / total:5.1f} % of {total}")
            print(f"  items with every distractor plausible {_share(all_plausible)}")
        wrong = [q for q in both if (rated[q].get("items") or {}).get("2") == 0]
        print(f"  wrong keys: {len(wrong)} {wrong}")
    if len(raters) == 2:
        first = [_acceptable(raters[0][q]) for q in both]
        second = [_acceptable(raters[1][q]) for q in both]
        print(f"\nCohen's kappa on acceptable: {_kappa(first, second):.2f}")
        print(f"agreement: {_share([a == b for a, b in zip(first, second, strict=True)])}")
        rejected = [q for q in both if not any(_acceptable(r[q]) for r in raters)]
        print(f"\n## rejected by both ({len(rejected)})")
        for qid in rejected:
            comments = " / ".join(str(r[qid].get("comment", "")) for r in raters)
            print(f"  Q{qid} {questions[qid]['kind']}: {questions[qid]['stem'][:90]}")
            print(f"      {comments[:200]}")


def _same(question: dict[str, Any]) -> tuple[Any, ...]:
    """What a rater saw of a question: the same in two packets means the same rating."""
    fields = ("article", "kind", "stem", "options", "prompts", "correct", "explanation")
    return tuple(json.dumps(question[f]) for f in fields)


def _blocks(packet_md: str) -> dict[str, Any]:
    """The packet's text: each article's header and paragraphs, and each question's block."""
    articles: dict[str, list[str]] = {}
    questions: dict[int, str] = {}
    article, current = "", None
    for line in packet_md.splitlines():
        if line.startswith("# Article "):
            article, current = line, None
            articles[article] = [line]
        elif line.startswith("#### Q"):
            current = int(line.split()[1].removeprefix("Q"))
            questions[current] = line
        elif line.startswith("## "):
            current = None
        elif current is not None:
            questions[current] += "\n" + line
        elif article and line.startswith("p"):
            articles[article].append(line)
    return {"articles": articles, "questions": questions}


def carry(old: Path, new: Path, paths: list[Path]) -> None:
    """Carry ratings to a later packet's questions that repeat the old ones word for word,
    and write the rest to ``to_rate.md`` for the raters, with each article's text and the
    rated questions of its quiz beside them (a new one may print their keys, or they its)."""
    before = json.loads((old / "questions.json").read_text())
    after = json.loads((new / "questions.json").read_text())
    by_text = {_same(q): q["qid"] for q in before}
    mapping = {q["qid"]: by_text[_same(q)] for q in after if _same(q) in by_text}
    for path in paths:
        rated = _ratings(path)
        lines = [
            json.dumps({**rated[old_qid], "qid": new_qid})
            for new_qid, old_qid in mapping.items()
            if old_qid in rated
        ]
        out = new / f"carried_{path.stem}.jsonl"
        out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        print(f"{len(lines)} ratings carried from {path} to {out}")
    text = _blocks((new / "packet.md").read_text(encoding="utf-8"))
    shown: list[str] = []
    for header, paragraphs in text["articles"].items():
        name = header.removeprefix("# Article ").split(":")[0]
        mine = [q for q in after if q["article"] == name]
        unrated = [q for q in mine if q["qid"] not in mapping]
        if not unrated:
            continue
        shown += [*paragraphs, ""]
        quiz = [q for q in mine if q["group"] == "quiz" and q["qid"] in mapping]
        if quiz:
            shown += ["## Already rated questions of this default quiz (for item 6 only)", ""]
            shown += [
                text["questions"][q["qid"]].replace("#### Q", "#### rated, Q", 1) for q in quiz
            ]
        shown += ["", "## Questions to rate", ""]
        for q in unrated:
            group = "default quiz" if q["group"] == "quiz" else "bank sample"
            shown.append(text["questions"][q["qid"]].replace(")", f", {group})", 1))
        shown.append("")
    (new / "to_rate.md").write_text("\n".join(shown), encoding="utf-8")
    print(f"{len(after) - len(mapping)} of {len(after)} questions to rate in {new / 'to_rate.md'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("packet")
    make.add_argument("out", type=Path)
    make.add_argument("files", type=Path, nargs="+")
    make.add_argument("--quiz", type=int, default=12)
    make.add_argument("--sample", type=int, default=6)
    judge = commands.add_parser("score")
    judge.add_argument("packet", type=Path)
    judge.add_argument("ratings", type=Path, nargs="+")
    later = commands.add_parser("carry")
    later.add_argument("old", type=Path)
    later.add_argument("new", type=Path)
    later.add_argument("ratings", type=Path, nargs="+")
    args = parser.parse_args()
    if args.command == "packet":
        packet(args.out, args.files, args.quiz, args.sample)
    elif args.command == "carry":
        carry(args.old, args.new, args.ratings)
    else:
        score(args.packet, args.ratings)


if __name__ == "__main__":
    main()
