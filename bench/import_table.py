"""Print, as a Markdown table, what the importer reads from every sample article.

Covers ../shared/articles-raw (checked against the titles its SOURCES.md
gives), the seed and ../shared/articles. Pure parsing: nothing is stored.

    .venv/bin/python bench/import_table.py
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from briefings.text.readers import ArticleError, TitleNeeded, read_article  # noqa: E402

SHARED = REPO.parent / "shared"


def expected_titles(sources: Path) -> dict[str, str]:
    """File name -> title, from the table in a SOURCES.md (title is the third column)."""
    titles: dict[str, str] = {}
    if not sources.exists():
        return titles
    for line in sources.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.split(" | ")]
        if len(cells) > 3 and "." in cells[0] and not cells[0].startswith("---"):
            titles[cells[0]] = cells[2].replace("\\|", "|")
    return titles


def normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u2060", "")
    return " ".join(text.split())


def cell(items: tuple[str, ...] | str, limit: int = 400) -> str:
    text = ", ".join(items) if isinstance(items, tuple) else items
    text = text or "—"
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text.replace("|", "\\|")


def main() -> int:
    raw = SHARED / "articles-raw"
    titles = expected_titles(raw / "SOURCES.md")
    paths = sorted(p for p in raw.glob("*") if p.name != "SOURCES.md" and p.is_file())
    paths += [REPO / "seeds" / "000_1ac0a032031a176d.txt"]
    paths += sorted((SHARED / "articles").glob("*.txt"))
    print(
        "| file | format | title as read | title as SOURCES.md | paragraphs (headings, list items) "
        "| glossary | undefined abbreviations | warnings |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    wrong = 0
    for path in paths:
        expected = titles.get(path.name, "")
        asked = ""
        try:
            report = read_article(path.read_bytes(), filename=path.name).report
        except TitleNeeded as error:
            ok = not expected or path.name.startswith("08_")
            wrong += not ok
            asked = cell(f"(asks for a title: “{error}”; read with --title) ")
            if not expected:
                print(f"| {path.name} | — | {cell(asked)} | — | — | — | — | — |")
                continue
            report = read_article(path.read_bytes(), filename=path.name, title=expected).report
        except ArticleError as error:
            wrong += 1
            row = f"| {path.name} | — | (refused) | {cell(expected)} | — | — | — "
            print(f"{row}| {cell(str(error))} |")
            continue
        mark = ""
        if expected and not asked and normal(report.title) != normal(expected):
            wrong += 1
            mark = " ✗"
        print(
            f"| {path.name} | {report.format} | {asked}{cell(report.title)}{mark} "
            f"| {cell(expected)} "
            f"| {report.paragraphs} ({report.headings}, {report.list_items}) "
            f"| {cell(report.glossary)} | {cell(report.undefined_abbreviations)} "
            f"| {cell(report.warnings)} |"
        )
    print(f"\n{len(paths)} files; {wrong} read with a title other than expected.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
