"""Queries whose SQL the ORM builds once, then run again with new values.

Building a query's SQL costs the ORM about a millisecond; running it on the
database costs a twentieth of that. The pages a trainee opens most run the
same few queries every time with different values (their user id, a slug, the
time now), so each is written once as a function of its values::

    visible = PreparedQuery(
        lambda user_id, slug: Briefing.objects.filter(owner_id=user_id, slug=slug),
        user_id=int,
        slug=str,
    )
    briefing = visible.first(user_id=request.user.pk, slug=slug)

Values are whole numbers, text, dates or aware datetimes. The first call on a
database connection builds the queryset with stand-in values of the declared
kinds (twice, with two different sets), lets the ORM compile it and remembers where
each stand-in landed among the SQL's parameters. Every later call puts the
real values there and runs the same SQL, and the queryset's own iterable
turns the rows into model instances, ``values()`` dicts or
``values_list()`` tuples exactly as the ORM would (``select_related``
included).

The function must build the same SQL whatever the values are: no branches
on them, no ``__in`` lists, no slicing by them. A value the compiled query
does not carry as a plain parameter (inlined, or wrapped as in
``__contains``) is refused when the query is first built, not silently
ignored. ``prefetch_related`` is refused too: it runs further queries.

Turning rows into results costs the ORM more than the query itself, on
pages that run a handful of one-row queries. So for the common shapes (model
instances, ``select_related`` and annotations included; ``values()`` dicts;
``values_list()`` tuples and flat values) the rows are read straight from the
cursor and built as the ORM builds them, with the converters and the row
layout the ORM worked out when it compiled the query. Other shapes go
through the queryset's own iterable.
"""

from __future__ import annotations

import datetime
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, cast

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.query import (
    FlatValuesListIterable,
    ModelIterable,
    ValuesIterable,
    ValuesListIterable,
    get_related_populators,
)
from django.db.models.sql.compiler import SQLCompiler
from django.utils import timezone

type Kind = type[int] | type[str] | type[datetime.datetime] | type[datetime.date]

# Two sets of stand-ins: the query is built with each, and a parameter is a
# value's place where it holds that value's stand-in both times (so a constant
# that happens to equal one stand-in is never taken for a value). The numbers
# fit every integer column, small and positive ones included: a lookup outside
# its column's range compiles to no query at all.
_INT_STAND_INS = (30_011, 31_013)
_TEXT = "\x00prepared-value:{}:{}\x00"
_MOMENTS = (
    datetime.datetime(1903, 2, 5, 7, 11, 13, tzinfo=datetime.UTC),
    datetime.datetime(1907, 6, 9, 11, 17, 19, tzinfo=datetime.UTC),
)
_DAYS = (datetime.date(1903, 3, 7), datetime.date(1907, 8, 11))
# Numbers outside this range are looked up by the ORM itself, which knows
# each column's range; the prepared SQL would hand them to the database.
_INT_MIN, _INT_MAX = -(2**31), 2**31 - 1


def _stand_in(kind: Kind, index: int, turn: int) -> Any:
    if kind is int:
        return _INT_STAND_INS[turn] + index
    if kind is str:
        return _TEXT.format(turn, index)
    if kind is datetime.datetime:
        return _MOMENTS[turn] + datetime.timedelta(microseconds=index + 1)
    if kind is datetime.date:
        return _DAYS[turn] + datetime.timedelta(days=index)
    raise TypeError(f"a prepared query takes int, str, date or datetime values, not {kind!r}")


@dataclass
class _Slot:
    position: int
    name: str
    adapt: Callable[[Any], Any] | None  # how the ORM turned the value into a parameter


@dataclass
class _Plan:
    queryset: QuerySet[Any, Any]
    compiler: SQLCompiler
    sql: str
    constants: list[Any]
    slots: list[_Slot]
    # Builds the results from the parameters, without the queryset's iterable;
    # None for a shape only that iterable knows how to build.
    read: Callable[[list[Any]], list[Any]] | None = None


class _CompiledQuery:
    """The queryset's query, answering with the compiler that holds the SQL."""

    def __init__(self, query: Any, compiler: SQLCompiler) -> None:
        self._query = query
        self._compiler = compiler

    def get_compiler(self, *args: Any, **kwargs: Any) -> SQLCompiler:
        return self._compiler

    def __getattr__(self, name: str) -> Any:
        return getattr(self._query, name)


class _CompiledQuerySet:
    """What a queryset's iterable reads from it, with the compiled query."""

    def __init__(self, queryset: QuerySet[Any], query: _CompiledQuery) -> None:
        self._queryset = queryset
        self.query = query

    def __getattr__(self, name: str) -> Any:
        return getattr(self._queryset, name)


class PreparedQuery[R]:
    """A query built once per database connection and run with new values."""

    def __init__(self, build: Callable[..., QuerySet[Any, R]], **kinds: Kind) -> None:
        self._build = build
        self._kinds = kinds
        self._local = threading.local()

    def all(self, **values: Any) -> list[R]:
        """The rows for ``values``, as the queryset would give them."""
        if set(values) != set(self._kinds):
            raise TypeError(f"expected values for {sorted(self._kinds)}, got {sorted(values)}")
        if any(isinstance(v, int) and not _INT_MIN <= v <= _INT_MAX for v in values.values()):
            # A number from a URL may not fit its column: the ORM knows each
            # column's range (and finds no row), the prepared SQL does not.
            return list(self._build(**values))
        plan = self._plan()
        params = list(plan.constants)
        for slot in plan.slots:
            value = values[slot.name]
            params[slot.position] = slot.adapt(value) if slot.adapt else value
        if plan.read is not None:
            return plan.read(params)
        sql = plan.sql
        compiler = plan.compiler
        # The plan is this thread's own, so setting its parameters here is safe.
        compiler.as_sql = lambda *args, **kwargs: (sql, tuple(params))  # type: ignore[method-assign]
        query = _CompiledQuery(plan.queryset.query, compiler)
        # The queryset's own iterable (models, values() dicts, values_list() tuples).
        iterable = plan.queryset._iterable_class(_CompiledQuerySet(plan.queryset, query))  # type: ignore[arg-type]
        return list(cast("Iterable[R]", iterable))

    def first(self, **values: Any) -> R | None:
        rows = self.all(**values)
        return rows[0] if rows else None

    def _plan(self) -> _Plan:
        # Each thread has its own connections, so each builds its own plans: one
        # per database the router sends the query to (a report may read a replica).
        plans: dict[str, _Plan] = self._local.__dict__.setdefault("plans", {})
        if plans:
            # ``QuerySet.db`` asks the router now, so a query run inside and
            # outside a report block reads where each is sent.
            alias = next(iter(plans.values())).queryset.db
            plan = plans.get(alias)
            if plan is not None and plan.compiler.connection is connections[alias]:
                return plan
        plan = self._compile()
        plans[plan.compiler.using or plan.queryset.db] = plan
        return plan

    def _compile(self) -> _Plan:
        built = [self._build_with_stand_ins(turn) for turn in (0, 1)]
        queryset, compiler, sql, params, stand_ins = built[0]
        _, _, other_sql, other_params, others = built[1]
        if sql != other_sql or len(params) != len(other_params):
            raise ValueError(f"a prepared query's SQL must not depend on its values: {sql}")
        connection = connections[queryset.db]
        adapt_moment = _datetime_adapter(connection)
        adapt_day = connection.ops.adapt_datefield_value
        slots = []
        for position, (param, other) in enumerate(zip(params, other_params, strict=True)):
            for name, kind in self._kinds.items():
                adapt: Callable[[Any], Any] | None = None
                first, second = stand_ins[name], others[name]
                if kind is datetime.datetime and type(param) is not datetime.datetime:
                    adapt = adapt_moment
                    first, second = adapt(first), adapt(second)
                elif kind is datetime.date and type(param) is not datetime.date:
                    adapt = adapt_day
                    first, second = adapt(first), adapt(second)
                elif kind is int and type(param) is not int and isinstance(param, int):
                    # A driver's sized integer (psycopg's Int2, Int4): wrapped again each time.
                    adapt = type(param)
                if param == first and other == second and isinstance(param, type(first)):
                    slots.append(_Slot(position, name, adapt))
                    break
            else:
                if param != other:
                    raise ValueError(f"a prepared value is not a plain parameter in: {sql}")
        missing = set(self._kinds) - {slot.name for slot in slots}
        if missing:
            raise ValueError(f"prepared values {sorted(missing)} are not parameters of: {sql}")
        # What turns each column's raw value into Python, worked out once too.
        converters = compiler.get_converters([s[0] for s in compiler.select[: compiler.col_count]])
        compiler.get_converters = lambda expressions: converters  # type: ignore[method-assign]
        return _Plan(queryset, compiler, sql, list(params), slots, _reader(queryset, compiler, sql))

    def _build_with_stand_ins(
        self, turn: int
    ) -> tuple[QuerySet[Any, R], SQLCompiler, str, tuple[Any, ...], dict[str, Any]]:
        stand_ins = {
            name: _stand_in(kind, index, turn)
            for index, (name, kind) in enumerate(self._kinds.items())
        }
        queryset = self._build(**stand_ins)
        if queryset._prefetch_related_lookups:  # type: ignore[attr-defined]
            raise ValueError("a prepared query cannot prefetch: it would run further queries")
        compiler = queryset.query.get_compiler(using=queryset.db)
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet as error:
            raise ValueError(
                "a prepared query must not be empty for its stand-in values; "
                "is a value outside its column's range?"
            ) from error
        return queryset, compiler, sql, tuple(params), stand_ins


def _datetime_adapter(connection: Any) -> Callable[[Any], Any]:
    def adapt(value: datetime.datetime) -> Any:
        if timezone.is_naive(value):
            raise ValueError("a prepared query takes aware datetimes")
        return connection.ops.adapt_datetimefield_value(value)

    return adapt


def _reader(
    queryset: QuerySet[Any, Any], compiler: SQLCompiler, sql: str
) -> Callable[[list[Any]], list[Any]] | None:
    """What builds the results from the rows as the queryset's iterable would.

    None when the queryset needs what only its iterable does: extra columns
    to cut off, objects it knows already, peers to track, composite fields,
    a model that builds itself from rows its own way, or another shape.
    """
    columns = [selected[0] for selected in compiler.select[: compiler.col_count]]
    if (
        compiler.has_extra_select
        or queryset._known_related_objects  # type: ignore[attr-defined]
        or queryset._fetch_mode.track_peers  # type: ignore[attr-defined]
        or compiler.has_composite_fields(columns)
    ):
        return None
    connection = compiler.connection
    converters = list(compiler.get_converters(columns).items())

    def rows(params: list[Any]) -> list[Any]:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            fetched: list[Any] = cursor.fetchall()
        if not converters:
            return fetched
        converted = []
        for row in map(list, fetched):
            for position, (functions, expression) in converters:
                value = row[position]
                for convert in functions:
                    value = convert(value, expression, connection)
                row[position] = value
            converted.append(row)
        return converted

    shape = queryset._iterable_class
    if shape is FlatValuesListIterable:
        return lambda params: [row[0] for row in rows(params)]
    if shape is ValuesListIterable:
        return lambda params: [tuple(row) for row in rows(params)]
    if shape is ValuesIterable:
        query = queryset.query
        names = (
            list(query.selected)
            if query.selected
            else [
                *query.extra_select,
                *query.values_select,
                *query.annotation_select,
            ]
        )
        return lambda params: [dict(zip(names, row, strict=True)) for row in rows(params)]
    if shape is ModelIterable:
        return _model_reader(queryset, compiler, rows)
    return None


def _model_reader(
    queryset: QuerySet[Any, Any],
    compiler: SQLCompiler,
    rows: Callable[[list[Any]], list[Any]],
) -> Callable[[list[Any]], list[Any]] | None:
    """Model instances, with what ``select_related`` and annotations add, as ModelIterable."""
    klass_info = compiler.klass_info
    assert klass_info is not None
    model: type[Model] = klass_info["model"]
    if model.from_db.__func__ is not Model.from_db.__func__:  # type: ignore[attr-defined]
        return None
    db = queryset.db
    fetch_mode = queryset._fetch_mode  # type: ignore[attr-defined]
    start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
    field_names = [selected[0].target.attname for selected in compiler.select[start:end]]
    related = get_related_populators(klass_info, compiler.select, db, fetch_mode)
    annotations = list(compiler.annotation_col_map.items())

    def read(params: list[Any]) -> list[Any]:
        built = []
        for row in rows(params):
            instance = model.from_db(db, field_names, row[start:end], fetch_mode=fetch_mode)
            for populator in related:
                populator.populate(row, instance)
            for name, position in annotations:
                setattr(instance, name, row[position])
            built.append(instance)
        return built

    return read
