import math
import xml.etree.ElementTree as ET

import pytest

from cohorts.charts import (
    HistogramRow,
    LinePointRow,
    histogram_svg,
    histogram_table_rows,
    line_chart_svg,
    line_chart_table_rows,
    score_bins,
)

SVG = "{http://www.w3.org/2000/svg}"
BINS = [("0–9%", 0), ("10–19%", 2), ("20–29%", 4), ("30–39%", 1)]
POINTS = [("1 Mar", 10.0), ("2 Mar", 25.0), ("3 Mar", 40.0), ("4 Mar", 72.5)]


def _histogram(**overrides):
    arguments = {
        "title": "Scores on the first attempt",
        "description": "How many trainees scored in each band.",
        "bins": BINS,
        "id_prefix": "scores",
    }
    return histogram_svg(**(arguments | overrides))


def _line_chart(**overrides):
    arguments = {
        "title": "Completion",
        "description": "Share of the cohort that has completed, by day.",
        "points": POINTS,
        "y_label": "Completed (%)",
        "id_prefix": "completion",
    }
    return line_chart_svg(**(arguments | overrides))


def _texts(root):
    return [element.text for element in root.iter(f"{SVG}text")]


def _relative_luminance(colour):
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast_with_white(colour):
    return 1.05 / (_relative_luminance(colour) + 0.05)


ALL_CHARTS = {
    "histogram": lambda: _histogram(),
    "empty histogram": lambda: _histogram(bins=[]),
    "line chart": lambda: _line_chart(),
    "empty line chart": lambda: _line_chart(points=[]),
}


@pytest.mark.parametrize("make", ALL_CHARTS.values(), ids=ALL_CHARTS.keys())
def test_every_chart_is_an_image_labelled_by_its_own_title_and_description(make):
    root = ET.fromstring(make())
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title, desc = root[0], root[1]
    assert title.tag == f"{SVG}title"
    assert desc.tag == f"{SVG}desc"
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    ids = [element.get("id") for element in root.iter() if element.get("id")]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("make", ALL_CHARTS.values(), ids=ALL_CHARTS.keys())
def test_no_chart_has_scripts_inline_styles_or_event_handlers(make):
    root = ET.fromstring(make())
    for element in root.iter():
        assert element.tag not in (f"{SVG}script", f"{SVG}style", f"{SVG}foreignObject")
        assert "style" not in element.attrib
        assert not [name for name in element.attrib if name.lower().startswith("on")]


@pytest.mark.parametrize("make", ALL_CHARTS.values(), ids=ALL_CHARTS.keys())
def test_all_text_is_at_least_twelve_units_and_dark_enough_on_white(make):
    root = ET.fromstring(make())
    texts = list(root.iter(f"{SVG}text"))
    assert texts
    for text in texts:
        assert float(text.get("font-size")) >= 12
        assert _contrast_with_white(text.get("fill")) >= 4.5


@pytest.mark.parametrize("make", ALL_CHARTS.values(), ids=ALL_CHARTS.keys())
def test_every_bar_line_and_axis_has_three_to_one_contrast_on_white(make):
    root = ET.fromstring(make())
    background = root.find(f"{SVG}rect")
    assert background.get("fill") == "#ffffff"
    for element in root.iter():
        if element is background or element.tag == f"{SVG}text":
            continue
        for attribute in ("fill", "stroke"):
            colour = element.get(attribute)
            if colour not in (None, "none"):
                assert _contrast_with_white(colour) >= 3, (element.tag, attribute, colour)


def test_two_charts_with_different_prefixes_have_different_ids():
    first = ET.fromstring(_histogram(id_prefix="cohort-1"))
    second = ET.fromstring(_histogram(id_prefix="cohort-2"))
    assert first[0].get("id") != second[0].get("id")
    assert first[0].get("id").startswith("cohort-1")


def test_title_and_description_are_the_callers_words():
    root = ET.fromstring(_histogram())
    assert root[0].text == "Scores on the first attempt"
    assert root[1].text == "How many trainees scored in each band."


def test_markup_in_titles_and_labels_is_escaped_not_injected():
    title = '<script>alert("x")</script> & "friends"'
    svg = _histogram(title=title, bins=[("<b>low</b>", 3)], x_label="A & B")
    assert "<script" not in svg
    assert "<b>" not in svg
    root = ET.fromstring(svg)
    assert root[0].text == title
    assert "<b>low</b>" in _texts(root)
    assert "A & B" in _texts(root)


def test_characters_that_xml_forbids_are_dropped_so_the_chart_still_parses():
    root = ET.fromstring(_line_chart(title="Bad\x00 \x1bbytes", points=[("day\x0c 1", 5.0)]))
    assert root[0].text == "Bad bytes"
    assert "day 1" in _texts(root)


def test_the_histogram_draws_one_bar_per_band_with_heights_in_proportion():
    root = ET.fromstring(_histogram())
    bars = list(root.iter(f"{SVG}rect"))[1:]
    assert len(bars) == len(BINS)
    heights = [float(bar.get("height")) for bar in bars]
    assert heights[0] == 0
    assert heights[2] == pytest.approx(2 * heights[1], abs=0.2)
    assert heights[1] == pytest.approx(2 * heights[3], abs=0.2)


def test_the_histogram_prints_counts_band_labels_and_axis_labels():
    texts = _texts(ET.fromstring(_histogram(x_label="Score band", y_label="Trainees")))
    for label, count in BINS:
        assert label in texts
        assert str(count) in texts
    assert "Score band" in texts
    assert "Trainees" in texts


def test_the_histogram_count_axis_uses_whole_numbers_up_to_the_largest_count():
    texts = _texts(ET.fromstring(_histogram(bins=[("a", 3), ("b", 7)])))
    ticks = [int(t) for t in texts if t.isdigit()]
    assert max(ticks) >= 7
    assert 0 in ticks


def test_a_histogram_with_no_bands_says_no_data_yet():
    root = ET.fromstring(_histogram(bins=[]))
    assert "No data yet" in _texts(root)
    assert root[1].text.startswith("No data yet.")
    assert len(list(root.iter(f"{SVG}rect"))) == 1


def test_a_histogram_whose_counts_are_all_zero_says_no_data_yet():
    root = ET.fromstring(_histogram(bins=[("0–49%", 0), ("50–100%", 0)]))
    assert _texts(root) == ["No data yet"]


def test_crowded_band_labels_are_thinned_keeping_the_first_and_last():
    bins = score_bins([50.0], width=2)
    texts = _texts(ET.fromstring(_histogram(bins=bins)))
    shown = [label for label, _ in bins if label in texts]
    assert shown[0] == "0–1%"
    assert shown[-1] == "98–100%"
    assert len(shown) < len(bins)


def test_ten_percent_bands_are_all_labelled_at_the_default_size():
    bins = score_bins([5.0, 55.0, 100.0])
    texts = _texts(ET.fromstring(_histogram(bins=bins)))
    assert all(label in texts for label, _ in bins)


def test_the_line_runs_left_to_right_through_every_point():
    root = ET.fromstring(_line_chart())
    line = root.find(f"{SVG}polyline")
    coordinates = [tuple(map(float, pair.split(","))) for pair in line.get("points").split()]
    assert len(coordinates) == len(POINTS)
    xs = [x for x, _ in coordinates]
    ys = [y for _, y in coordinates]
    assert xs == sorted(xs)
    # SVG's y grows downwards, so rising values have falling y.
    assert ys == sorted(ys, reverse=True)
    assert line.get("fill") == "none"
    assert len(list(root.iter(f"{SVG}circle"))) == len(POINTS)


def test_the_line_chart_shows_a_percentage_axis_and_labels_the_latest_value():
    texts = _texts(ET.fromstring(_line_chart(x_label="Day")))
    assert "0%" in texts
    assert "100%" in texts
    assert "72.5%" in texts
    assert "Completed (%)" in texts
    assert "Day" in texts
    assert "1 Mar" in texts
    assert "4 Mar" in texts


def test_a_line_chart_without_a_fixed_maximum_scales_to_its_data():
    texts = _texts(
        ET.fromstring(_line_chart(points=[("a", 1.0), ("b", 7.0)], y_max=None, y_suffix=""))
    )
    ticks = [float(t) for t in texts if t.replace(".", "", 1).isdigit()]
    assert 7 <= max(ticks) < 20


def test_a_value_above_the_maximum_stretches_the_axis_instead_of_leaving_the_plot():
    root = ET.fromstring(_line_chart(points=[("a", 50.0), ("b", 130.0)]))
    ticks = [int(t[:-1]) for t in _texts(root) if t.endswith("%") and t[:-1].isdigit()]
    assert max(ticks) >= 130
    top_of_plot = min(float(line.get("y1")) for line in root.iter(f"{SVG}line"))
    ys = [float(c.get("cy")) for c in root.iter(f"{SVG}circle")]
    assert min(ys) >= top_of_plot


def test_a_single_point_is_a_marker_without_a_line():
    root = ET.fromstring(_line_chart(points=[("1 Mar", 12.5)]))
    assert root.find(f"{SVG}polyline") is None
    assert len(list(root.iter(f"{SVG}circle"))) == 1
    assert "12.5%" in _texts(root)


def test_many_dates_show_a_thinned_set_of_labels_including_both_ends():
    points = [(f"2025-03-{day:02d}", float(day)) for day in range(1, 32)]
    texts = _texts(ET.fromstring(_line_chart(points=points)))
    shown = [label for label, _ in points if label in texts]
    assert shown[0] == "2025-03-01"
    assert shown[-1] == "2025-03-31"
    assert 3 <= len(shown) < len(points)


def test_a_line_chart_with_no_points_says_no_data_yet():
    root = ET.fromstring(_line_chart(points=[]))
    assert _texts(root) == ["No data yet"]
    assert root.find(f"{SVG}polyline") is None


@pytest.mark.parametrize("prefix", ["", "1chart", 'x" onload="alert(1)', "has space"])
def test_an_id_prefix_that_is_not_a_plain_name_is_refused(prefix):
    with pytest.raises(ValueError, match="id_prefix"):
        _histogram(id_prefix=prefix)


@pytest.mark.parametrize("field", ["title", "description"])
def test_a_chart_without_a_title_or_description_is_refused(field):
    with pytest.raises(ValueError, match="title and a description"):
        _line_chart(**{field: "  "})


def test_a_negative_count_is_refused():
    with pytest.raises(ValueError, match="negative"):
        _histogram(bins=[("a", -1)])


@pytest.mark.parametrize("value", [math.nan, math.inf])
def test_a_value_that_is_not_a_number_is_refused(value):
    with pytest.raises(ValueError, match="not a number"):
        _line_chart(points=[("a", value)])


def test_a_chart_too_small_to_read_is_refused():
    with pytest.raises(ValueError, match="at least"):
        _histogram(width=100)


def test_scores_are_counted_into_ten_percent_bands_with_100_in_the_top_band():
    bins = score_bins([0, 9.99, 10, 55, 90, 99.5, 100])
    assert [label for label, _ in bins] == [
        "0–9%",
        "10–19%",
        "20–29%",
        "30–39%",
        "40–49%",
        "50–59%",
        "60–69%",
        "70–79%",
        "80–89%",
        "90–100%",
    ]
    assert [count for _, count in bins] == [2, 1, 0, 0, 0, 1, 0, 0, 0, 3]


def test_no_scores_give_every_band_a_zero():
    bins = score_bins([], width=25)
    assert bins == [("0–24%", 0), ("25–49%", 0), ("50–74%", 0), ("75–100%", 0)]


@pytest.mark.parametrize("score", [-1, 100.5, math.nan])
def test_a_score_outside_zero_to_a_hundred_is_refused(score):
    with pytest.raises(ValueError, match="percentage"):
        score_bins([score])


@pytest.mark.parametrize("width", [0, 3, 7])
def test_a_band_width_that_does_not_divide_a_hundred_is_refused(width):
    with pytest.raises(ValueError, match="divide 100"):
        score_bins([], width=width)


def test_table_rows_give_each_bands_count_and_share():
    rows = histogram_table_rows([("low", 1), ("mid", 3), ("high", 0)])
    assert rows == (
        HistogramRow("low", 1, "25%"),
        HistogramRow("mid", 3, "75%"),
        HistogramRow("high", 0, "0%"),
    )


def test_a_tiny_share_reads_as_under_one_percent_not_zero():
    rows = histogram_table_rows([("rare", 1), ("common", 999)])
    assert rows[0].share == "<1%"
    assert rows[1].share == "100%"


def test_table_rows_of_an_empty_histogram_have_zero_shares():
    assert histogram_table_rows([("a", 0)]) == (HistogramRow("a", 0, "0%"),)


def test_line_table_rows_format_values_as_the_axis_does():
    rows = line_chart_table_rows([("1 Mar", 40.0), ("2 Mar", 12.5), ("3 Mar", 100 / 3)])
    assert rows == (
        LinePointRow("1 Mar", 40.0, "40%"),
        LinePointRow("2 Mar", 12.5, "12.5%"),
        LinePointRow("3 Mar", 100 / 3, "33.33%"),
    )


def test_line_table_rows_take_the_callers_suffix():
    assert line_chart_table_rows([("w1", 3.0)], y_suffix=" trainees")[0].display == "3 trainees"
