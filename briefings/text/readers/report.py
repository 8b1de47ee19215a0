"""What a reader hands back: the parsed article and a report of what it understood."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from briefings.text.article import ArticleError, Notice, ParsedArticle, gettext_noop

Format = Literal["text", "markdown", "html", "docx"]

#: The names of the formats, marked for translation (the web side translates them).
FORMAT_NAMES: dict[str, str] = {
    "text": gettext_noop("plain text"),
    "markdown": gettext_noop("Markdown"),
    "html": gettext_noop("HTML page"),
    "docx": gettext_noop("Word document (.docx)"),
}


class TitleNeeded(ArticleError):
    """The article has no title line; the caller must supply one (``title=``)."""


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What the importer understood of one article, fit to show the person importing it.

    ``leading_lines`` are the first lines of the text that the reader weighed as
    header; the first ``chrome_count`` of them were taken as page chrome or the
    publisher line (``read_article(chrome_lines=...)`` overrides that number).
    ``questions`` is filled in once questions have been generated.
    """

    format: Format
    title: str
    standfirst: str = ""
    byline: str = ""
    dateline: str = ""
    publisher: str = ""
    date: str = ""
    paragraphs: int = 0
    headings: int = 0
    list_items: int = 0
    glossary: tuple[str, ...] = ()
    undefined_abbreviations: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    quotations: int = 0
    leading_lines: tuple[str, ...] = ()
    chrome_count: int = 0
    warnings: tuple[Notice, ...] = ()
    questions: int | None = None

    def with_questions(self, count: int) -> ImportReport:
        return replace(self, questions=count)

    def lines(self) -> list[str]:
        """The report as short text lines, for the command line."""

        def listed(items: tuple[str, ...]) -> str:
            return ", ".join(items) if items else "none"

        rows = [
            f"format: {FORMAT_NAMES[self.format]}",
            f"title: {self.title}",
        ]
        for label, value in (
            ("standfirst", self.standfirst),
            ("byline", self.byline),
            ("dateline", self.dateline),
            ("publisher", self.publisher),
            ("date", self.date),
        ):
            if value:
                rows.append(f"{label}: {value}")
        rows.append(
            f"blocks: {self.paragraphs} paragraphs, {self.headings} headings, "
            f"{self.list_items} list items"
        )
        rows.append(f"glossary: {listed(self.glossary)}")
        rows.append(f"undefined abbreviations: {listed(self.undefined_abbreviations)}")
        rows.append(f"people: {listed(self.people)}")
        rows.append(f"quotations: {self.quotations}")
        if self.questions is not None:
            rows.append(f"questions generated: {self.questions}")
        rows.extend(f"warning: {warning}" for warning in self.warnings)
        return rows


@dataclass(frozen=True, slots=True)
class Reading:
    """The result of reading one article file."""

    article: ParsedArticle
    report: ImportReport
