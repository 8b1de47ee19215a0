"""Python hands a user no English that bypasses translation.

A string literal passed where Django shows it to a person (a form error, a
message, a refusal, a field's label or help) must come through gettext: a
plain literal or f-string there stays English in every language. Messages of
``Http404`` are not shown (the 404 page says the same for every missing
page), and management commands speak to the operator, so neither is read.
"""

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

APPS = ["accounts", "organisations", "briefings", "quizzes", "cohorts", "reviews", "config"]

# Calls whose positional string arguments a user reads.
SHOWN_CALLS = {
    "ValidationError",
    "add_error",
    "PermissionDenied",
    "SuspiciousOperation",
    "HttpResponseBadRequest",
    "HttpResponseForbidden",
    "debug",
    "info",
    "success",
    "warning",
    "error",
}
# Keyword arguments and class attributes a user reads.
SHOWN_NAMES = {
    "label",
    "help_text",
    "verbose_name",
    "verbose_name_plural",
    "empty_label",
    "description",
}
# Positional arguments that name a form field, not a message: add_error("email", …).
FIELD_NAME_POSITIONS = {"add_error": {0}}


def is_text(node: ast.AST) -> bool:
    if isinstance(node, ast.JoinedStr):
        return True
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value != ""


def unmarked(path: Path, root: Path = REPO) -> list[str]:
    """Where ``path`` gives a user a string literal that is not marked for translation."""
    found: list[str] = []
    tree = ast.parse(path.read_text(), filename=str(path))

    def report(node: ast.AST, what: str) -> None:
        found.append(f"{path.relative_to(root)}:{node.lineno}: {what} {ast.unparse(node)[:70]}")

    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in SHOWN_CALLS:
                skipped = FIELD_NAME_POSITIONS.get(name, set())
                if name in {"debug", "info", "success", "warning", "error"}:
                    # messages.info(request, "…"); loggers take no request first.
                    if not node.args or ast.unparse(node.args[0]) != "request":
                        continue
                    skipped = {0}
                for position, argument in enumerate(node.args):
                    if position not in skipped and is_text(argument):
                        report(argument, name)
            for keyword in node.keywords:
                if keyword.arg in SHOWN_NAMES and is_text(keyword.value):
                    report(keyword.value, f"{keyword.arg}=")
        elif isinstance(node, ast.Assign) and is_text(node.value):
            # field.help_text = "…"; a local variable named label is not a field's.
            for target in node.targets:
                if isinstance(target, ast.Attribute) and target.attr in SHOWN_NAMES:
                    report(node.value, f"{target.attr} =")
        elif isinstance(node, ast.ClassDef):
            # class Meta: verbose_name = "…"
            for statement in node.body:
                if isinstance(statement, ast.Assign) and is_text(statement.value):
                    for target in statement.targets:
                        if isinstance(target, ast.Name) and target.id in SHOWN_NAMES:
                            report(statement.value, f"{target.id} =")
    return found


def python_modules() -> list[Path]:
    return sorted(
        path
        for app in APPS
        for path in (REPO / app).rglob("*.py")
        if "migrations" not in path.parts and "commands" not in path.parts
    )


def test_no_module_hands_a_user_a_string_that_is_not_marked_for_translation():
    problems = [line for path in python_modules() for line in unmarked(path)]
    assert problems == []


@pytest.mark.parametrize(
    "source",
    [
        'form.add_error("email", "That address is taken.")',
        'messages.success(request, f"Saved {count} rows.")',
        'raise ValidationError("The file is empty.")',
        'name = forms.CharField(help_text="Your full name.")',
        'class Meta:\n    verbose_name = "cohort"',
    ],
)
def test_the_check_finds_an_english_literal_where_a_user_reads_it(source, tmp_path):
    module = tmp_path / "module.py"
    module.write_text(source + "\n")
    assert len(unmarked(module, root=tmp_path)) == 1


@pytest.mark.parametrize(
    "source",
    [
        'form.add_error("email", gettext("That address is taken."))',
        'logger.info("Sent %s e-mails", count)',
        'raise Http404("No such card.")',
        "label = f\"<span>{gettext('Related article:')}</span>\"",
        'name = forms.CharField(help_text=_("Your full name."))',
    ],
)
def test_the_check_passes_what_is_translated_or_never_shown(source, tmp_path):
    module = tmp_path / "module.py"
    module.write_text(source + "\n")
    assert unmarked(module, root=tmp_path) == []
