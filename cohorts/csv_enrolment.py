"""Reading a bulk-enrolment CSV, and saying everything wrong with it at once.

Nothing is created from a file with any error, so the person uploading it
needs the whole list in one go: every bad row, by line number, in words they
can act on. The rules:

* The file is at most ``MAX_BYTES`` (10 MB) and is UTF-8, with or without a
  byte-order mark. UTF-16 with a byte-order mark (Excel's "Unicode text") is
  accepted too, since it cannot be mistaken for anything else.
* Values are separated by commas; a file whose header has more semicolons or
  tabs than commas (Excel in many European locales, or "Unicode text") is read
  with that separator instead.
* Lines are counted from 1, the header included; a quoted value spanning
  lines is reported at the line where its row starts. Blank lines, including
  ones of bare separators such as ",,,", are skipped.
* The header names exactly the columns email, first name, last name and
  cohort, in any order and case, with spaces, underscores or hyphens where
  the reader likes ("First_Name", "E-mail").
* Each row: a valid e-mail address (stored stripped, its domain lower-cased),
  a first and last name (inner runs of spaces collapsed, at most 150
  characters), and a cohort of the organisation (matched ignoring case and
  spacing, stored under its real name). The same e-mail address twice in one
  cohort is an error on the later line; addresses are compared ignoring case
  here, since two spellings of one mailbox would be two accounts. The same
  address in two cohorts is fine.

Errors about the file as a whole (too large, empty, no rows) have line 0.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import io
import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext, ngettext

__all__ = [
    "MAX_BYTES",
    "MAX_NAME_LENGTH",
    "REQUIRED_COLUMNS",
    "EnrolmentParse",
    "EnrolmentRow",
    "RowError",
    "parse_enrolment_csv",
]

MAX_BYTES = 10 * 1024 * 1024
MAX_NAME_LENGTH = 150
REQUIRED_COLUMNS = ("email", "first name", "last name", "cohort")

_COLUMN_SEPARATORS = re.compile(r"[\s_-]+")
_COLUMN_KEYS = {_COLUMN_SEPARATORS.sub("", column): column for column in REQUIRED_COLUMNS}
_EXPECTED_HEADER = ", ".join(REQUIRED_COLUMNS)

# RFC 5322 dot-atom local part and a dotted host name, as most mail systems
# accept them; quoted local parts and IP-literal domains are not for trainees.
_LOCAL_PART = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_DOMAIN = re.compile(
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+"
    r"(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})"
)
_MAX_LOCAL_PART = 64
_MAX_EMAIL = 254


@dataclass(frozen=True, slots=True)
class EnrolmentRow:
    """One trainee to enrol: a checked, normalised row of the file."""

    line: int
    email: str
    first_name: str
    last_name: str
    cohort: str


@dataclass(frozen=True, slots=True)
class RowError:
    """Something wrong at ``line`` (0 for the file as a whole), in plain words."""

    line: int
    reason: str

    def __str__(self) -> str:
        if not self.line:
            return self.reason
        return gettext("Line %(line)s: %(reason)s") % {"line": self.line, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class EnrolmentParse:
    rows: tuple[EnrolmentRow, ...] = ()
    errors: tuple[RowError, ...] = ()

    @property
    def ok(self) -> bool:
        """True when every row is good, so the whole file may be enrolled."""
        return not self.errors and bool(self.rows)


@dataclass(frozen=True, slots=True)
class _Header:
    line: int
    width: int
    positions: Mapping[str, int]


def parse_enrolment_csv(
    data: bytes, *, known_cohorts: Collection[str], default_cohort: str | None = None
) -> EnrolmentParse:
    """Check a whole enrolment file; return its good rows and every error.

    ``known_cohorts`` are the organisation's cohort names; rows name them in
    any case and come back with the name as given here. With
    ``default_cohort`` (an upload on one cohort's page) the cohort column may
    be left out, and rows that leave it empty go to that cohort.
    """
    if len(data) > MAX_BYTES:
        size = len(data) / (1024 * 1024)
        return _failure(
            0,
            gettext("The file is %(size).1f MB; the limit is 10 MB. Split it into smaller files.")
            % {"size": size},
        )
    text = _decode(data)
    if isinstance(text, RowError):
        return EnrolmentParse(errors=(text,))
    records = _records(text)
    first = next(records, None)
    if first is None:
        return _failure(
            0,
            gettext("The file is empty. Its first line must be the header: %(header)s.")
            % {"header": _EXPECTED_HEADER},
        )
    header_line, header_cells = first
    if isinstance(header_cells, RowError):
        return EnrolmentParse(errors=(header_cells,))
    header, errors = _read_header(header_line, header_cells, cohort_optional=bool(default_cohort))
    if header is None:
        return EnrolmentParse(errors=tuple(errors))
    rows, row_errors = _read_rows(
        records, header, _CohortMatcher(known_cohorts), default_cohort=default_cohort
    )
    errors.extend(row_errors)
    if not rows and not row_errors:
        errors.append(RowError(0, gettext("The file has a header but no trainees below it.")))
    return EnrolmentParse(rows=tuple(rows), errors=tuple(errors))


def _failure(line: int, reason: str) -> EnrolmentParse:
    return EnrolmentParse(errors=(RowError(line, reason),))


def _decode(data: bytes) -> str | RowError:
    """The file's text, or one error naming the line and byte of the first bad byte."""
    if data.startswith(b"PK\x03\x04"):
        return RowError(
            0,
            gettext("This is a spreadsheet workbook (.xlsx), not a CSV file. %(hint)s")
            % {"hint": _save_as_hint()},
        )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding, start, name = "utf-16", 0, "UTF-16"
    elif data.startswith(codecs.BOM_UTF8):
        encoding, start, name = "utf-8", len(codecs.BOM_UTF8), "UTF-8"
    else:
        encoding, start, name = "utf-8", 0, "UTF-8"
    try:
        text = data[start:].decode(encoding)
    except UnicodeDecodeError as error:
        offset = start + error.start
        line = _count_lines(data[start:offset].decode(encoding, errors="replace"))
        return RowError(
            line,
            gettext(
                "The file is not valid %(encoding)s text: the byte at offset %(offset)s "
                "(counting from 0) cannot be read. %(hint)s"
            )
            % {"encoding": name, "offset": offset, "hint": _save_as_hint()},
        )
    if "\x00" in text:
        # UTF-16 without a byte-order mark decodes as UTF-8 full of NULs.
        line = _count_lines(text[: text.index("\x00")])
        return RowError(
            line,
            gettext("The file contains NUL characters, so it is not plain text. %(hint)s")
            % {"hint": _save_as_hint()},
        )
    return text


def _save_as_hint() -> str:
    return gettext('In Excel, use File › Save As and choose "CSV UTF-8", then upload that file.')


def _count_lines(text: str) -> int:
    """The 1-based line on which ``text`` ends, counting \\r\\n, \\n and \\r as breaks."""
    return text.count("\n") + text.count("\r") - text.count("\r\n") + 1


def _records(text: str) -> Iterator[tuple[int, list[str] | RowError]]:
    """Non-blank CSV records with the line each starts on; unreadable ones as errors."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    ended = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield ended + 1, RowError(ended + 1, _quoting_problem(str(error)))
            ended = reader.line_num
            continue
        start, ended = ended + 1, reader.line_num
        if any(cell.strip() for cell in cells):
            yield start, cells


def _delimiter(text: str) -> str:
    first_line = next((line for line in io.StringIO(text, newline="") if line.strip()), "")
    counts = {separator: first_line.count(separator) for separator in ",;\t"}
    best = max(counts, key=lambda separator: counts[separator])
    return best if counts[best] > counts[","] else ","


def _quoting_problem(message: str) -> str:
    if "unexpected end of data" in message:
        return gettext(
            'A value on this line opens a quote (") that is never closed, so the rest of '
            "the file could not be read."
        )
    if "expected after" in message:
        return gettext(
            'A quote (") ends a value but more text follows it. Put the whole value in '
            'quotes and write any quote inside it twice ("").'
        )
    return gettext("This line could not be read as CSV (%(message)s).") % {"message": message}


def _read_header(
    line: int, cells: Sequence[str], *, cohort_optional: bool = False
) -> tuple[_Header | None, list[RowError]]:
    """Map column names to positions; None when rows cannot be read with it."""
    positions: dict[str, int] = {}
    duplicates: list[str] = []
    unexpected: list[str] = []
    for index, cell in enumerate(cells):
        column = _COLUMN_KEYS.get(_COLUMN_SEPARATORS.sub("", cell.casefold()))
        if column is None:
            unexpected.append(
                f'"{_shorten(cell.strip())}"'
                if cell.strip()
                else gettext("an unnamed column %(number)s") % {"number": index + 1}
            )
        elif column in positions:
            duplicates.append(f'"{column}"')
        else:
            positions[column] = index
    required = [c for c in REQUIRED_COLUMNS if not (cohort_optional and c == "cohort")]
    missing = [column for column in required if column not in positions]
    expected_header = ", ".join(required)
    if cohort_optional:
        expected_header = gettext("%(columns)s (cohort optional)") % {"columns": expected_header}
    if not positions and any("@" in cell for cell in cells):
        reason = gettext(
            "The first line must be the header (%(header)s), but it looks like a trainee's details."
        ) % {"header": expected_header}
        return None, [RowError(line, reason)]
    errors = []
    expected = gettext("The header must name exactly these columns: %(header)s.") % {
        "header": expected_header
    }
    if missing:
        reason = ngettext(
            "The header has no %(columns)s column. %(expected)s",
            "The header has no %(columns)s column. %(expected)s",
            len(missing),
        ) % {"columns": _join(missing), "expected": expected}
        errors.append(RowError(line, reason))
    if unexpected:
        errors.append(
            RowError(
                line,
                gettext("The header has unexpected columns: %(columns)s. %(expected)s")
                % {"columns": ", ".join(unexpected), "expected": expected},
            )
        )
    if duplicates:
        reason = gettext("The header names %(columns)s more than once.") % {
            "columns": _join(duplicates)
        }
        errors.append(RowError(line, reason))
    header = _Header(line, len(cells), positions) if not (missing or duplicates) else None
    return header, errors


def _read_rows(
    records: Iterator[tuple[int, list[str] | RowError]],
    header: _Header,
    cohorts: _CohortMatcher,
    *,
    default_cohort: str | None = None,
) -> tuple[list[EnrolmentRow], list[RowError]]:
    rows: list[EnrolmentRow] = []
    errors: list[RowError] = []
    first_seen: dict[tuple[str, str], int] = {}
    for line, cells in records:
        if isinstance(cells, RowError):
            errors.append(cells)
            continue
        if len(cells) != header.width:
            errors.append(RowError(line, _width_problem(len(cells), header.width)))
            continue
        email, email_problem = _check_email(cells[header.positions["email"]])
        first_name, first_problem = _check_name(cells[header.positions["first name"]], "first name")
        last_name, last_problem = _check_name(cells[header.positions["last name"]], "last name")
        written = cells[header.positions["cohort"]] if "cohort" in header.positions else ""
        if default_cohort and not written.strip():
            cohort, cohort_problem = default_cohort, None
        else:
            cohort, cohort_problem = cohorts.match(written)
        problems = [p for p in (email_problem, first_problem, last_problem, cohort_problem) if p]
        if not (email_problem or cohort_problem):
            key = (email.casefold(), cohort)
            if key in first_seen:
                problems.append(
                    gettext(
                        'This repeats line %(line)s: "%(email)s" is already '
                        'listed for cohort "%(cohort)s".'
                    )
                    % {"line": first_seen[key], "email": _shorten(email), "cohort": cohort}
                )
            else:
                first_seen[key] = line
        if problems:
            errors.extend(RowError(line, problem) for problem in problems)
        else:
            rows.append(EnrolmentRow(line, email, first_name, last_name, cohort))
    return rows, errors


def _width_problem(found: int, expected: int) -> str:
    values = ngettext("This line has %(found)s value", "This line has %(found)s values", found) % {
        "found": found
    }
    problem = ngettext(
        "%(values)s but the header has %(expected)s column.",
        "%(values)s but the header has %(expected)s columns.",
        expected,
    ) % {"values": values, "expected": expected}
    if found > expected:
        return gettext("%(problem)s A value containing a comma must be put in quotes.") % {
            "problem": problem
        }
    return problem


def _check_email(raw: str) -> tuple[str, str | None]:
    """The normalised address and, if it is not valid, why."""
    email = raw.strip()
    if not email:
        return email, gettext("The e-mail address is empty.")
    shown = {"email": _shorten(email)}
    if any(character.isspace() for character in email):
        return email, gettext('The e-mail address "%(email)s" contains a space.') % shown
    if "@" not in email:
        return email, gettext('The e-mail address "%(email)s" has no @.') % shown
    if email.count("@") > 1:
        return email, gettext('The e-mail address "%(email)s" has more than one @.') % shown
    local, domain = email.split("@")
    if not local:
        return email, gettext('The e-mail address "%(email)s" has nothing before the @.') % shown
    if not domain:
        return email, gettext('The e-mail address "%(email)s" has nothing after the @.') % shown
    if len(email) > _MAX_EMAIL or len(local) > _MAX_LOCAL_PART:
        return email, (
            gettext('The e-mail address "%(email)s" is too long to be an e-mail address.') % shown
        )
    if not _LOCAL_PART.fullmatch(local):
        return email, gettext(
            'The e-mail address "%(email)s" is not valid before the @ '
            "(check for stray dots or symbols)."
        ) % shown
    if not _DOMAIN.fullmatch(_ascii_domain(domain)):
        return email, gettext(
            'The e-mail address "%(email)s" needs a domain after the @, such as example.org.'
        ) % shown
    return f"{local}@{domain.lower()}", None


def _ascii_domain(domain: str) -> str:
    """An internationalised domain in its ASCII (punycode) form; "" if it has none."""
    if domain.isascii():
        return domain
    try:
        return domain.encode("idna").decode("ascii")
    except UnicodeError:
        return ""


def _check_name(raw: str, column: str) -> tuple[str, str | None]:
    name = " ".join(raw.split())
    if not name:
        if column == "first name":
            return name, gettext("The first name is empty.")
        return name, gettext("The last name is empty.")
    if len(name) > MAX_NAME_LENGTH:
        sizes = {"length": len(name), "most": MAX_NAME_LENGTH}
        if column == "first name":
            return name, gettext(
                "The first name is %(length)s characters long; the most allowed is %(most)s."
            ) % sizes
        return name, gettext(
            "The last name is %(length)s characters long; the most allowed is %(most)s."
        ) % sizes
    return name, None


class _CohortMatcher:
    """Finds the organisation's cohort a row means, ignoring case and spacing."""

    def __init__(self, known_cohorts: Collection[str]) -> None:
        self._exact = set(known_cohorts)
        self._by_key: dict[str, list[str]] = {}
        for name in sorted(known_cohorts):
            self._by_key.setdefault(_cohort_key(name), []).append(name)
        self._answers: dict[str, tuple[str, str | None]] = {}

    def match(self, raw: str) -> tuple[str, str | None]:
        """The canonical cohort name, or the reason there is none."""
        written = " ".join(raw.split())
        # Thousands of rows name a handful of cohorts; decide each spelling once.
        if written not in self._answers:
            self._answers[written] = self._decide(written)
        return self._answers[written]

    def _decide(self, written: str) -> tuple[str, str | None]:
        if not written:
            return written, gettext("The cohort is empty.")
        if written in self._exact:
            return written, None
        candidates = self._by_key.get(_cohort_key(written), [])
        if len(candidates) == 1:
            return candidates[0], None
        if candidates:
            names = _join([f'"{name}"' for name in candidates])
            return written, gettext(
                'The cohort "%(cohort)s" could be %(names)s; write it exactly.'
            ) % {"cohort": _shorten(written), "names": names}
        return written, self._unknown(written)

    def _unknown(self, written: str) -> str:
        problem = gettext('There is no cohort called "%(cohort)s".') % {"cohort": _shorten(written)}
        if not self._by_key:
            return gettext(
                "%(problem)s This organisation has no cohorts yet; create them first."
            ) % {"problem": problem}
        close = difflib.get_close_matches(_cohort_key(written), self._by_key, n=1)
        if close:
            return gettext('%(problem)s Did you mean "%(cohort)s"?') % {
                "problem": problem,
                "cohort": self._by_key[close[0]][0],
            }
        if len(self._exact) <= 5:
            names = _join([f'"{name}"' for name in sorted(self._exact)], last="or")
            return gettext("%(problem)s Use %(names)s.") % {"problem": problem, "names": names}
        return problem


def _cohort_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _join(items: Sequence[str], *, last: str = "and") -> str:
    if len(items) <= 1:
        return "".join(items)
    pieces = {"first": ", ".join(items[:-1]), "last": items[-1]}
    if last == "or":
        return gettext("%(first)s or %(last)s") % pieces
    return gettext("%(first)s and %(last)s") % pieces


def _shorten(value: str, limit: int = 60) -> str:
    """Echo a value back without pasting a whole runaway line into the message."""
    return value if len(value) <= limit else f"{value[: limit - 1]}…"
