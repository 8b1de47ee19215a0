"""The apps depend on each other one way: organisations < briefings < quizzes < cohorts.

An app may import only from apps below it, in any module (migrations, admin
and management commands included) and at any depth (inside a function or an
``if TYPE_CHECKING`` block too); its models may point only at models of apps
below it, and its migrations may depend only on migrations of apps below it.
Apps above reach down through signals and registries filled in their
``AppConfig.ready`` (``briefings.signals``, ``briefings.access``,
``briefings.page_parts``, ``quizzes.assignments``, ``quizzes.page_parts``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db.migrations.loader import MigrationLoader

#: Each project app's level. An app may use apps of a lower level only, so two
#: apps of one level use neither (accounts, sign-in, needs no organisation).
LEVELS = {
    "accounts": 0,
    "organisations": 0,
    "briefings": 1,
    "quizzes": 2,
    "cohorts": 3,
    "reviews": 4,
}

#: Migrations written while Organisation lived in cohorts, that point at it
#: there. They are applied on every existing database, so they stay as they
#: are: changing their dependencies would make Django see that history as
#: applied out of order. Every migration since depends only downwards.
HISTORY = {
    ("briefings", "0002_initial"): {("cohorts", "0001_initial")},
    ("quizzes", "0002_attempt_organisation_tries_allowance"): {("cohorts", "0001_initial")},
}


def project_apps() -> list[str]:
    """The installed apps that are packages at the top of this repository."""
    base = Path(settings.BASE_DIR).resolve()
    return [
        config.label
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == base
    ]


def imported_apps(source: str, *, package: str) -> set[str]:
    """The top-level packages a module imports, anywhere in it.

    ``package`` is the module's own package, against which relative imports
    are read (they stay inside the app unless they climb out of it).
    """
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name.partition(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = parts[: len(parts) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.add(target.partition(".")[0])
    return found - {""}


def upward(app: str, used: set[str]) -> list[str]:
    """The apps among ``used`` that ``app`` may not use."""
    level = LEVELS[app]
    return sorted(
        other for other in used if other in LEVELS and other != app and LEVELS[other] >= level
    )


def app_modules(app: str) -> list[Path]:
    return sorted(Path(apps.get_app_config(app).path).rglob("*.py"))


def test_every_project_app_has_a_level() -> None:
    unranked = [app for app in project_apps() if app not in LEVELS]
    assert unranked == [], f"give these apps a level in LEVELS: {unranked}"


@pytest.mark.parametrize("app", sorted(LEVELS))
def test_an_app_imports_only_apps_below_it(app: str) -> None:
    if app not in project_apps():
        pytest.skip(f"{app} is not installed")
    root = Path(apps.get_app_config(app).path).parent
    problems = []
    for module in app_modules(app):
        package = ".".join(module.relative_to(root).with_suffix("").parts[:-1])
        bad = upward(app, imported_apps(module.read_text(), package=package))
        if bad:
            problems.append(f"{module.relative_to(root)} imports {', '.join(bad)}")
    assert problems == []


@pytest.mark.parametrize("app", sorted(LEVELS))
def test_an_app_s_models_point_only_at_apps_below_it(app: str) -> None:
    if app not in project_apps():
        pytest.skip(f"{app} is not installed")
    problems = [
        f"{model._meta.label}.{field.name} -> {field.related_model._meta.label}"
        for model in apps.get_app_config(app).get_models()
        for field in model._meta.get_fields()
        if field.concrete
        and field.is_relation
        and upward(app, {field.related_model._meta.app_label})
    ]
    assert problems == []


def test_migrations_depend_only_on_apps_below_their_own() -> None:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    problems = []
    for (app, name), migration in loader.disk_migrations.items():
        if app not in LEVELS:
            continue
        for other, other_name in migration.dependencies:
            exempt = (other, other_name) in HISTORY.get((app, name), set())
            if upward(app, {other}) and not exempt:
                problems.append(f"{app}.{name} depends on {other}.{other_name}")
    assert problems == []


def test_the_exempt_history_still_exists_as_described() -> None:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    for key, dependencies in HISTORY.items():
        assert dependencies <= {tuple(d) for d in loader.disk_migrations[key].dependencies}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from cohorts.models import Cohort", ["cohorts"]),
        ("import quizzes.selectors", ["quizzes"]),
        ("def f():\n    from cohorts import selectors\n", ["cohorts"]),
        ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import cohorts\n", ["cohorts"]),
        ("from organisations.selectors import teaches", []),
        ("from . import services\nfrom .models import Briefing", []),
        ("from briefings.text import parsing", []),
        ("import accounts", []),
    ],
)
def test_the_check_finds_an_import_of_an_app_above_however_it_is_written(
    source: str, expected: list[str]
) -> None:
    assert upward("briefings", imported_apps(source, package="briefings.text")) == expected


def test_two_apps_of_one_level_may_not_use_each_other() -> None:
    assert upward("organisations", {"accounts"}) == ["accounts"]
    assert upward("accounts", {"organisations"}) == ["organisations"]
