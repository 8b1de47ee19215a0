"""Accessible SVG charts drawn on the server: no JavaScript, no inline styles.

Each chart is one ``<svg role="img">`` whose accessible name and description
come from its own ``<title>`` and ``<desc>`` (``aria-labelledby`` names both,
by ids built from ``id_prefix`` so two charts on a page never clash). A
screen reader announces only those two, so pages should also render the
numbers as a table: ``histogram_table_rows`` and ``line_chart_table_rows``
give the rows.

The site's Content-Security-Policy forbids inline styles, so every colour and
size is a presentation attribute (``fill=``, ``font-size=``). Colours are
checked against the white background the chart paints for itself: text
#1a1a1a (17.4:1), axes #4d4d4d (8.5:1), grid #767676 (4.5:1), bars and the
line #1f5fa8 (6.4:1). Text is at least 12 user units at the default size.
Every piece of caller text is XML-escaped, and characters XML forbids are
dropped, so the result always parses as XML.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.utils.translation import gettext_lazy

__all__ = [
    "HistogramRow",
    "LinePointRow",
    "histogram_svg",
    "histogram_table_rows",
    "line_chart_svg",
    "line_chart_table_rows",
    "score_bins",
]

BACKGROUND = "#ffffff"
TEXT_COLOUR = "#1a1a1a"
AXIS_COLOUR = "#4d4d4d"
GRID_COLOUR = "#767676"
MARK_COLOUR = "#1f5fa8"
FONT_FAMILY = "system-ui, sans-serif"
TICK_FONT_SIZE = 13
LABEL_FONT_SIZE = 14
MESSAGE_FONT_SIZE = 18
NO_DATA = gettext_lazy("No data yet")

_ID_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
# XML 1.0 forbids these; a browser would refuse the whole image over one.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ATTRIBUTE_ENTITIES: Mapping[str, str] = {'"': "&quot;"}
_MIN_WIDTH = 240
_MIN_HEIGHT = 160


@dataclass(frozen=True, slots=True)
class HistogramRow:
    """One band of a histogram for the data table beside the chart."""

    label: str
    count: int
    share: str


@dataclass(frozen=True, slots=True)
class LinePointRow:
    """One point of a line chart for the data table beside the chart."""

    label: str
    value: float
    display: str


@dataclass(frozen=True, slots=True)
class _Frame:
    """The drawing area: the whole image and the plot inside its margins."""

    width: int
    height: int
    left: float = 72
    right: float = 40
    top: float = 24
    bottom: float = 72

    @property
    def plot_left(self) -> float:
        return self.left

    @property
    def plot_right(self) -> float:
        return self.width - self.right

    @property
    def plot_top(self) -> float:
        return self.top

    @property
    def plot_bottom(self) -> float:
        return self.height - self.bottom

    @property
    def plot_width(self) -> float:
        return self.plot_right - self.plot_left

    @property
    def plot_height(self) -> float:
        return self.plot_bottom - self.plot_top


def score_bins(percentages: Iterable[float], *, width: int = 10) -> list[tuple[str, int]]:
    """Count scores (0-100) into bands "0–9%", "10–19%" … "90–100%".

    A score falls in the band of its value rounded down, so 9.5 counts in
    "0–9%"; 100 joins the top band. ``width`` must divide 100.
    """
    if width <= 0 or 100 % width:
        raise ValueError(f"band width must divide 100, got {width}")
    bands = 100 // width
    counts = [0] * bands
    for score in percentages:
        if not (math.isfinite(score) and 0 <= score <= 100):
            raise ValueError(f"a score must be a percentage from 0 to 100, got {score!r}")
        counts[min(int(score // width), bands - 1)] += 1
    labels = [f"{i * width}–{i * width + width - 1}%" for i in range(bands)]
    labels[-1] = f"{(bands - 1) * width}–100%"
    return list(zip(labels, counts, strict=True))


def histogram_table_rows(bins: Sequence[tuple[str, int]]) -> tuple[HistogramRow, ...]:
    """The histogram's numbers as table rows, with each band's share of the total."""
    _check_counts(bins)
    total = sum(count for _, count in bins)
    return tuple(
        HistogramRow(label=label, count=count, share=_share(count, total)) for label, count in bins
    )


def line_chart_table_rows(
    points: Sequence[tuple[str, float]], *, y_suffix: str = "%"
) -> tuple[LinePointRow, ...]:
    """The line chart's points as table rows, values formatted as on the axis."""
    _check_values(points)
    return tuple(
        LinePointRow(label=label, value=value, display=_format_number(value) + y_suffix)
        for label, value in points
    )


def histogram_svg(
    *,
    title: str,
    description: str,
    bins: Sequence[tuple[str, int]],
    id_prefix: str,
    x_label: str = "Score",
    y_label: str = "Trainees",
    width: int = 640,
    height: int = 320,
) -> str:
    """A bar per band, its count printed above it; "No data yet" when all counts are 0."""
    _check_chart_arguments(title, description, id_prefix, width, height)
    _check_counts(bins)
    frame = _Frame(width, height)
    if sum(count for _, count in bins) == 0:
        return _no_data_svg(frame, title, description, id_prefix, kind="histogram")
    ticks = _nice_ticks(0, max(count for _, count in bins), integer=True)
    parts = [*_y_axis(frame, ticks, suffix="", label=y_label), *_x_axis(frame, x_label)]
    band = frame.plot_width / len(bins)
    centres = [frame.plot_left + band * (index + 0.5) for index in range(len(bins))]
    parts.extend(_category_labels(frame, [label for label, _ in bins], centres))
    for centre, (_, count) in zip(centres, bins, strict=True):
        top = _y_position(frame, ticks, count)
        parts.append(
            _element(
                "rect",
                x=centre - band * 0.4,
                y=top,
                width=band * 0.8,
                height=frame.plot_bottom - top,
                fill=MARK_COLOUR,
            )
        )
        # Counts go above the bars only where there is room to read them.
        if band >= 24:
            parts.append(_text(str(count), x=centre, y=top - 6, anchor="middle"))
    return _svg(frame, title, description, id_prefix, kind="histogram", body=parts)


def line_chart_svg(
    *,
    title: str,
    description: str,
    points: Sequence[tuple[str, float]],
    y_label: str,
    id_prefix: str,
    x_label: str = "Date",
    y_max: float | None = 100.0,
    y_suffix: str = "%",
    width: int = 640,
    height: int = 320,
) -> str:
    """Points joined left to right, evenly spaced, the last value labelled.

    The defaults suit a percentage (axis 0–100, ticks "20%"); pass
    ``y_max=None, y_suffix=""`` to scale the axis to other data.
    """
    _check_chart_arguments(title, description, id_prefix, width, height)
    _check_values(points)
    frame = _Frame(width, height)
    if not points:
        return _no_data_svg(frame, title, description, id_prefix, kind="line")
    values = [value for _, value in points]
    ticks = _nice_ticks(min(0.0, *values), max(y_max or 0.0, *values))
    parts = [*_y_axis(frame, ticks, suffix=y_suffix, label=y_label), *_x_axis(frame, x_label)]
    xs = _x_positions(frame, len(points))
    ys = [_y_position(frame, ticks, value) for value in values]
    if len(points) > 1:
        parts.append(
            _element(
                "polyline",
                points=" ".join(f"{_n(x)},{_n(y)}" for x, y in zip(xs, ys, strict=True)),
                fill="none",
                stroke=MARK_COLOUR,
                stroke_width=3,
                stroke_linejoin="round",
                stroke_linecap="round",
            )
        )
    # Markers show where the measurements are; past ~40 they merge into the line.
    if len(points) <= 40:
        parts.extend(
            _element("circle", cx=x, cy=y, r=4, fill=MARK_COLOUR)
            for x, y in zip(xs, ys, strict=True)
        )
    last = _format_number(values[-1]) + y_suffix
    parts.append(_text(last, x=xs[-1], y=ys[-1] - 10, anchor="middle"))
    parts.extend(_category_labels(frame, [label for label, _ in points], xs))
    return _svg(frame, title, description, id_prefix, kind="line", body=parts)


def _check_chart_arguments(
    title: str, description: str, id_prefix: str, width: int, height: int
) -> None:
    if not title.strip() or not description.strip():
        raise ValueError("a chart needs a title and a description for screen readers")
    if not _ID_PREFIX.fullmatch(id_prefix):
        raise ValueError(
            f"id_prefix must start with a letter and hold only letters, digits, - and _; "
            f"got {id_prefix!r}"
        )
    if width < _MIN_WIDTH or height < _MIN_HEIGHT:
        raise ValueError(f"a chart must be at least {_MIN_WIDTH}×{_MIN_HEIGHT}")


def _check_counts(bins: Sequence[tuple[str, int]]) -> None:
    for label, count in bins:
        if count < 0:
            raise ValueError(f"the count for {label!r} is negative: {count}")


def _check_values(points: Sequence[tuple[str, float]]) -> None:
    for label, value in points:
        if not math.isfinite(value):
            raise ValueError(f"the value for {label!r} is not a number: {value!r}")


def _share(count: int, total: int) -> str:
    if total == 0 or count == 0:
        return "0%"
    percent = 100 * count / total
    # A handful out of many must not read as none at all.
    return "<1%" if percent < 0.5 else f"{round(percent)}%"


def _nice_ticks(low: float, high: float, *, integer: bool = False) -> list[float]:
    """About five round-numbered ticks (steps of 1, 2, 2.5 or 5 × 10ⁿ) covering low–high."""
    if high <= low:
        high = low + 1
    raw_step = (high - low) / 5
    magnitude = 10 ** math.floor(math.log10(raw_step))
    multiples = (1, 2, 5, 10) if integer else (1, 2, 2.5, 5, 10)
    step = next(m * magnitude for m in multiples if m * magnitude >= raw_step)
    if integer:
        step = max(1, round(step))
    first = math.floor(low / step + 1e-9)
    last = math.ceil(high / step - 1e-9)
    return [i * step for i in range(first, last + 1)]


def _y_position(frame: _Frame, ticks: Sequence[float], value: float) -> float:
    low, high = ticks[0], ticks[-1]
    return frame.plot_bottom - (value - low) / (high - low) * frame.plot_height


def _x_positions(frame: _Frame, count: int) -> list[float]:
    # An inset keeps the first and last markers off the axis line.
    inset = 12.0
    if count == 1:
        return [frame.plot_left + frame.plot_width / 2]
    span = frame.plot_width - 2 * inset
    return [frame.plot_left + inset + span * i / (count - 1) for i in range(count)]


def _category_labels(frame: _Frame, labels: Sequence[str], centres: Sequence[float]) -> list[str]:
    """Labels under the x axis, staggered over two rows or thinned out so none overlap."""
    spacing = centres[1] - centres[0] if len(centres) > 1 else frame.plot_width
    # A rough width: sans-serif digits and letters average about 0.6 em.
    widest = max(len(label) for label in labels) * TICK_FONT_SIZE * 0.6 + 8
    first_row = frame.plot_bottom + 20
    if widest <= spacing:
        rows = [first_row] * len(labels)
        shown = set(range(len(labels)))
    elif widest <= 2 * spacing:
        rows = [first_row + 16 * (index % 2) for index in range(len(labels))]
        shown = set(range(len(labels)))
    else:
        rows = [first_row] * len(labels)
        shown = set(_label_indices(len(labels), step=math.ceil(widest / spacing)))
    return [
        _text(labels[index], x=centres[index], y=rows[index], anchor="middle")
        for index in sorted(shown)
    ]


def _label_indices(count: int, *, step: int) -> list[int]:
    """Every ``step``-th label from the first, ending on the last one."""
    shown = list(range(0, count, step))
    if shown[-1] != count - 1:
        # The last label replaces its neighbour when the two would touch.
        if count - 1 - shown[-1] < step and len(shown) > 1:
            shown[-1] = count - 1
        else:
            shown.append(count - 1)
    return shown


def _y_axis(frame: _Frame, ticks: Sequence[float], *, suffix: str, label: str) -> list[str]:
    parts: list[str] = []
    for tick in ticks:
        y = _y_position(frame, ticks, tick)
        if tick != ticks[0]:
            parts.append(
                _element(
                    "line",
                    x1=frame.plot_left,
                    y1=y,
                    x2=frame.plot_right,
                    y2=y,
                    stroke=GRID_COLOUR,
                    stroke_width=1,
                    stroke_dasharray="2 4",
                )
            )
        parts.append(
            _text(_format_number(tick) + suffix, x=frame.plot_left - 8, y=y + 4, anchor="end")
        )
    parts.append(
        _element(
            "line",
            x1=frame.plot_left,
            y1=frame.plot_top,
            x2=frame.plot_left,
            y2=frame.plot_bottom,
            stroke=AXIS_COLOUR,
            stroke_width=1.5,
        )
    )
    middle = frame.plot_top + frame.plot_height / 2
    parts.append(
        _text(
            label,
            x=18,
            y=middle,
            anchor="middle",
            size=LABEL_FONT_SIZE,
            transform=f"rotate(-90 18 {_n(middle)})",
        )
    )
    return parts


def _x_axis(frame: _Frame, label: str) -> list[str]:
    return [
        _element(
            "line",
            x1=frame.plot_left,
            y1=frame.plot_bottom,
            x2=frame.plot_right,
            y2=frame.plot_bottom,
            stroke=AXIS_COLOUR,
            stroke_width=1.5,
        ),
        _text(
            label,
            x=frame.plot_left + frame.plot_width / 2,
            y=frame.height - 14,
            anchor="middle",
            size=LABEL_FONT_SIZE,
        ),
    ]


def _no_data_svg(frame: _Frame, title: str, description: str, id_prefix: str, *, kind: str) -> str:
    # Translated here, when the chart is drawn, so the page's language applies.
    no_data = str(NO_DATA)
    message = _text(
        no_data,
        x=frame.width / 2,
        y=frame.height / 2,
        anchor="middle",
        size=MESSAGE_FONT_SIZE,
    )
    # role="img" hides the drawn text, so the description must say it too.
    return _svg(frame, title, f"{no_data}. {description}", id_prefix, kind=kind, body=[message])


def _svg(
    frame: _Frame,
    title: str,
    description: str,
    id_prefix: str,
    *,
    kind: str,
    body: Sequence[str],
) -> str:
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    opening = _start_tag(
        "svg",
        xmlns="http://www.w3.org/2000/svg",
        viewBox=f"0 0 {frame.width} {frame.height}",
        width=frame.width,
        height=frame.height,
        role="img",
        aria_labelledby=f"{title_id} {desc_id}",
        class_=f"chart chart-{kind}",
        font_family=FONT_FAMILY,
    )
    return "\n".join(
        [
            opening,
            f'<title id="{title_id}">{_escape(title)}</title>',
            f'<desc id="{desc_id}">{_escape(description)}</desc>',
            _element("rect", x=0, y=0, width=frame.width, height=frame.height, fill=BACKGROUND),
            *body,
            "</svg>",
        ]
    )


def _text(
    content: str,
    *,
    x: float,
    y: float,
    anchor: str,
    size: int = TICK_FONT_SIZE,
    transform: str | None = None,
) -> str:
    attributes: dict[str, str | float] = {
        "x": x,
        "y": y,
        "fill": TEXT_COLOUR,
        "font-size": size,
        "text-anchor": anchor,
    }
    if transform is not None:
        attributes["transform"] = transform
    return f"{_start_tag('text', **attributes)}{_escape(content)}</text>"


def _element(name: str, **attributes: str | float) -> str:
    return _start_tag(name, **attributes)[:-1] + "/>"


def _start_tag(name: str, **attributes: str | float) -> str:
    """``stroke_width=2`` becomes ``stroke-width="2"``; ``class_`` becomes ``class``."""
    rendered = " ".join(
        f'{key.rstrip("_").replace("_", "-")}="{_escape_attribute(value)}"'
        for key, value in attributes.items()
    )
    return f"<{name} {rendered}>"


def _escape(text: str) -> str:
    return escape(_NOT_XML.sub("", text))


def _escape_attribute(value: str | float) -> str:
    text = value if isinstance(value, str) else _n(value)
    return escape(_NOT_XML.sub("", text), _ATTRIBUTE_ENTITIES)


def _n(value: float) -> str:
    """A coordinate to one decimal place, without a trailing ".0"."""
    text = f"{value:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def _format_number(value: float) -> str:
    """1, 2.5, 33.33: whole numbers without decimals, others to two places."""
    if abs(value - round(value)) < 1e-9:
        return str(int(round(value)))
    return f"{value:.2f}".rstrip("0").rstrip(".")
