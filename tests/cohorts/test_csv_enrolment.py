import codecs

import pytest

from cohorts.csv_enrolment import (
    MAX_BYTES,
    EnrolmentRow,
    RowError,
    parse_enrolment_csv,
)

HEADER = "email,first name,last name,cohort\n"
COHORTS = ("Spring 2025", "Autumn 2025")


def parse(text, cohorts=COHORTS):
    return parse_enrolment_csv(text.encode("utf-8"), known_cohorts=cohorts)


def reasons(result, line):
    return [error.reason for error in result.errors if error.line == line]


def lines_with_errors(result):
    return sorted({error.line for error in result.errors})


# A good file


def test_a_good_file_gives_one_row_per_trainee_and_no_errors():
    result = parse(
        HEADER + "ann@example.org,Ann,Lee,Spring 2025\nbo@example.org,Bo,Ng,Autumn 2025\n"
    )
    assert result.ok
    assert result.errors == ()
    assert result.rows == (
        EnrolmentRow(2, "ann@example.org", "Ann", "Lee", "Spring 2025"),
        EnrolmentRow(3, "bo@example.org", "Bo", "Ng", "Autumn 2025"),
    )


def test_a_file_without_a_final_newline_is_read_in_full():
    result = parse(HEADER + "ann@example.org,Ann,Lee,Spring 2025")
    assert result.ok
    assert len(result.rows) == 1


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_windows_and_old_mac_line_endings_count_lines_the_same(ending):
    text = HEADER + "ann@example.org,Ann,Lee,Spring 2025\n\nbad,Bo,Ng,Spring 2025\n"
    result = parse(text.replace("\n", ending))
    assert result.rows[0].line == 2
    assert lines_with_errors(result) == [4]


def test_names_in_any_script_are_kept_as_written():
    result = parse(HEADER + "zoe@example.org,Zoë,Łukasiewicz-Ó'Brien,Spring 2025\n")
    assert (result.rows[0].first_name, result.rows[0].last_name) == ("Zoë", "Łukasiewicz-Ó'Brien")


def test_a_quoted_value_may_contain_a_comma():
    result = parse(HEADER + 'jr@example.org,Sam,"Smith, Jr.",Spring 2025\n')
    assert result.rows[0].last_name == "Smith, Jr."


# Header


@pytest.mark.parametrize(
    "header",
    [
        "Email,First Name,Last Name,Cohort",
        "EMAIL,FIRST_NAME,LAST_NAME,COHORT",
        "e-mail, first_name ,Last  Name,cohort",
        "email,firstname,lastname,cohort",
    ],
)
def test_the_header_ignores_case_spaces_underscores_and_hyphens(header):
    result = parse(header + "\nann@example.org,Ann,Lee,Spring 2025\n")
    assert result.ok, result.errors


def test_columns_may_come_in_any_order():
    result = parse("cohort,last name,email,first name\nSpring 2025,Lee,ann@example.org,Ann\n")
    assert result.rows == (EnrolmentRow(2, "ann@example.org", "Ann", "Lee", "Spring 2025"),)


def test_a_missing_column_is_named_on_line_one():
    result = parse("email,first name,cohort\nann@example.org,Ann,Spring 2025\n")
    assert not result.ok
    assert result.rows == ()
    assert len(result.errors) == 1
    assert result.errors[0].line == 1
    assert "no last name column" in result.errors[0].reason


def test_several_missing_columns_are_all_named():
    result = parse("email\nann@example.org\n")
    assert "no first name, last name and cohort column" in reasons(result, 1)[0]


def test_extra_columns_are_named_and_the_rows_are_still_checked():
    result = parse(
        "email,first name,last name,cohort,Phone,notes\n"
        "ann@example.org,Ann,Lee,Spring 2025,123,\n"
        "bad,Bo,Ng,Spring 2025,456,\n"
    )
    assert not result.ok
    [header_problem] = reasons(result, 1)
    assert '"Phone", "notes"' in header_problem
    assert lines_with_errors(result) == [1, 3]


def test_an_unnamed_column_in_the_header_is_an_error():
    result = parse("email,first name,last name,cohort,\nann@example.org,Ann,Lee,Spring 2025,\n")
    assert "an unnamed column 5" in reasons(result, 1)[0]


def test_a_column_named_twice_is_an_error():
    result = parse(
        "email,first name,last name,cohort,E-mail\nann@example.org,Ann,Lee,Spring 2025,x\n"
    )
    assert reasons(result, 1) == ['The header names "email" more than once.']
    assert result.rows == ()


def test_a_file_that_starts_with_a_trainee_instead_of_the_header_says_so():
    result = parse("ann@example.org,Ann,Lee,Spring 2025\n")
    assert len(result.errors) == 1
    assert "first line must be the header" in result.errors[0].reason


def test_blank_lines_before_the_header_are_skipped_and_lines_still_counted():
    result = parse("\n\n" + HEADER + "ann@example.org,Ann,Lee,Spring 2025\n")
    assert result.ok
    assert result.rows[0].line == 4


def test_a_header_line_error_names_the_line_the_header_is_on():
    result = parse("\nemail,name\n")
    assert lines_with_errors(result) == [2]


# Separators and encodings


def test_semicolon_separated_files_from_european_excel_are_read():
    result = parse("email;first name;last name;cohort\nann@example.org;Ann;Lee, Jr.;Spring 2025\n")
    assert result.ok
    assert result.rows[0].last_name == "Lee, Jr."


def test_a_utf8_byte_order_mark_is_not_part_of_the_first_column_name():
    data = codecs.BOM_UTF8 + (HEADER + "ann@example.org,Ann,Lee,Spring 2025\n").encode()
    assert parse_enrolment_csv(data, known_cohorts=COHORTS).ok


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_read(encoding):
    bom = codecs.BOM_UTF16_LE if encoding == "utf-16-le" else codecs.BOM_UTF16_BE
    text = "email\tfirst name\tlast name\tcohort\r\nzoe@example.org\tZoë\tLee\tSpring 2025\r\n"
    result = parse_enrolment_csv(bom + text.encode(encoding), known_cohorts=COHORTS)
    assert result.ok, result.errors
    assert result.rows[0].first_name == "Zoë"


def test_utf16_without_a_byte_order_mark_is_refused_as_not_plain_text():
    data = (HEADER + "ann@example.org,Ann,Lee,Spring 2025\n").encode("utf-16-le")
    result = parse_enrolment_csv(data, known_cohorts=COHORTS)
    assert len(result.errors) == 1
    assert "NUL" in result.errors[0].reason


def test_an_undecodable_byte_is_one_error_with_its_line_and_offset():
    good = (HEADER + "ann@example.org,Ann,Lee,Spring 2025\n").encode()
    bad_line = b"jose@example.org,Jos\xe9,Ruiz,Spring 2025\n"
    data = good + bad_line + b"\xff\xfe more junk\n"
    result = parse_enrolment_csv(data, known_cohorts=COHORTS)
    assert result.rows == ()
    [error] = result.errors
    assert error.line == 3
    assert f"offset {len(good) + len(b'jose@example.org,Jos')}" in error.reason
    assert "CSV UTF-8" in error.reason


def test_the_offset_of_a_bad_byte_counts_the_byte_order_mark():
    data = codecs.BOM_UTF8 + b"email,first name\xff"
    [error] = parse_enrolment_csv(data, known_cohorts=COHORTS).errors
    assert error.line == 1
    assert f"offset {3 + len(b'email,first name')}" in error.reason


def test_an_excel_workbook_is_recognised_and_refused():
    result = parse_enrolment_csv(b"PK\x03\x04\x14\x00\x06\x00 workbook", known_cohorts=COHORTS)
    assert "workbook (.xlsx)" in result.errors[0].reason


# Blank lines and line numbers


def test_blank_and_separator_only_lines_are_skipped_without_renumbering():
    result = parse(
        HEADER + "\n   \n,,,\nann@example.org,Ann,Lee,Spring 2025\n\nbad,Bo,Ng,Spring 2025\n"
    )
    assert [row.line for row in result.rows] == [5]
    assert lines_with_errors(result) == [7]


def test_a_value_spanning_lines_is_reported_where_its_row_starts():
    result = parse(HEADER + 'ann@example.org,"Ann\nMarie",Lee,Spring 2025\nbad,Bo,Ng,Spring 2025\n')
    # The line break inside the quoted name becomes a space.
    assert result.rows[0].first_name == "Ann Marie"
    assert result.rows[0].line == 2
    assert lines_with_errors(result) == [4]


def test_every_bad_row_is_listed_with_its_own_line():
    result = parse(
        HEADER
        + "ann@example.org,Ann,Lee,Spring 2025\n"
        + "bob@,Bob,Ray,Spring 2025\n"
        + "cy@example.org,,Day,Spring 2025\n"
        + "di@example.org,Di,Eve,Winter\n"
        + "ed@example.org,Ed,Fox\n"
        + "ann@example.org,Ann,Lee,spring 2025\n"
    )
    assert not result.ok
    assert lines_with_errors(result) == [3, 4, 5, 6, 7]
    assert [row.line for row in result.rows] == [2]


def test_a_row_with_several_problems_reports_each_of_them():
    result = parse(HEADER + "@x.org,,  ,Nowhere\n")
    assert len(reasons(result, 2)) == 4


# E-mail addresses


@pytest.mark.parametrize(
    ("email", "why"),
    [
        ("", "is empty"),
        ("bob@", "nothing after the @"),
        ("@x.org", "nothing before the @"),
        ("bob smith@x.org", "contains a space"),
        ("bob@x .org", "contains a space"),
        ("bob.example.org", "has no @"),
        ("a@b@example.org", "more than one @"),
        ("bob@localhost", "needs a domain"),
        ("bob@x..org", "needs a domain"),
        ("bob@-x.org", "needs a domain"),
        ("bob@x.org.", "needs a domain"),
        ("bob@x.1", "needs a domain"),
        ("bob..smith@x.org", "not valid before the @"),
        (".bob@x.org", "not valid before the @"),
        ("bob(at)x@y.org", "not valid before the @"),
        ("b" * 65 + "@x.org", "too long"),
        ("b@" + "x" * 250 + ".org", "too long"),
    ],
)
def test_an_invalid_email_is_refused_with_the_reason(email, why):
    result = parse(HEADER + f"{email},Ann,Lee,Spring 2025\n")
    assert result.rows == ()
    [reason] = reasons(result, 2)
    assert why in reason
    assert "e-mail address" in reason


@pytest.mark.parametrize(
    "email",
    [
        "ann@example.org",
        "o'brien+tag@sub.example.co.uk",
        "first.last@example.museum",
        "x_y-z@a-b.example.io",
        "ann@xn--bcher-kva.de",
        "ann@bücher.de",
    ],
)
def test_a_valid_email_is_accepted(email):
    assert parse(HEADER + f"{email},Ann,Lee,Spring 2025\n").ok


def test_an_email_is_stripped_and_only_its_domain_lower_cased():
    result = parse(HEADER + "  Ann.Lee@Example.ORG  ,Ann,Lee,Spring 2025\n")
    assert result.rows[0].email == "Ann.Lee@example.org"


def test_an_email_echoed_in_a_reason_is_cut_short():
    result = parse(HEADER + "x" * 300 + ",Ann,Lee,Spring 2025\n")
    [reason] = reasons(result, 2)
    assert len(reason) < 120
    assert "…" in reason


# Names


@pytest.mark.parametrize(
    ("first", "last", "column"), [("", "Lee", "first"), ("Ann", "   ", "last")]
)
def test_an_empty_name_is_refused(first, last, column):
    result = parse(HEADER + f"ann@example.org,{first},{last},Spring 2025\n")
    assert reasons(result, 2) == [f"The {column} name is empty."]


def test_a_name_of_150_characters_is_accepted_and_151_refused():
    ok = parse(HEADER + f"ann@example.org,{'a' * 150},Lee,Spring 2025\n")
    too_long = parse(HEADER + f"ann@example.org,{'a' * 151},Lee,Spring 2025\n")
    assert ok.ok
    assert reasons(too_long, 2) == [
        "The first name is 151 characters long; the most allowed is 150."
    ]


def test_spaces_around_and_inside_names_are_tidied():
    result = parse(HEADER + "ann@example.org,  Mary   Ann ,\tLee ,Spring 2025\n")
    assert (result.rows[0].first_name, result.rows[0].last_name) == ("Mary Ann", "Lee")


# Cohorts


@pytest.mark.parametrize("written", ["spring 2025", "SPRING 2025", "  Spring   2025 "])
def test_a_cohort_is_matched_ignoring_case_and_spacing_and_returned_as_named(written):
    result = parse(HEADER + f"ann@example.org,Ann,Lee,{written}\n")
    assert result.rows[0].cohort == "Spring 2025"


def test_an_unknown_cohort_suggests_the_closest_name():
    result = parse(HEADER + "ann@example.org,Ann,Lee,Sprng 2025\n")
    assert reasons(result, 2) == [
        'There is no cohort called "Sprng 2025". Did you mean "Spring 2025"?'
    ]


def test_an_unknown_cohort_lists_a_short_list_of_the_real_ones():
    result = parse(HEADER + "ann@example.org,Ann,Lee,Winter\n")
    assert reasons(result, 2) == [
        'There is no cohort called "Winter". Use "Autumn 2025" or "Spring 2025".'
    ]


def test_an_unknown_cohort_among_many_just_says_so():
    cohorts = [f"Group {letter}" for letter in "ABCDEFGH"]
    result = parse(HEADER + "ann@example.org,Ann,Lee,Winter\n", cohorts=cohorts)
    assert reasons(result, 2) == ['There is no cohort called "Winter".']


def test_an_organisation_without_cohorts_is_told_to_create_them():
    result = parse(HEADER + "ann@example.org,Ann,Lee,Spring 2025\n", cohorts=[])
    assert "no cohorts yet" in reasons(result, 2)[0]


def test_an_empty_cohort_is_refused():
    result = parse(HEADER + "ann@example.org,Ann,Lee,\n")
    assert reasons(result, 2) == ["The cohort is empty."]


def test_cohorts_differing_only_in_case_need_the_exact_spelling():
    cohorts = ["Team A", "TEAM A"]
    exact = parse(HEADER + "ann@example.org,Ann,Lee,TEAM A\n", cohorts=cohorts)
    vague = parse(HEADER + "ann@example.org,Ann,Lee,team a\n", cohorts=cohorts)
    assert exact.rows[0].cohort == "TEAM A"
    assert "write it exactly" in reasons(vague, 2)[0]


# Duplicates


def test_the_same_email_twice_in_a_cohort_is_an_error_on_the_later_line_naming_the_first():
    result = parse(
        HEADER
        + "ann@example.org,Ann,Lee,Spring 2025\n"
        + "bo@example.org,Bo,Ng,Spring 2025\n"
        + "ann@EXAMPLE.org,Ann,Lee,spring 2025\n"
    )
    assert lines_with_errors(result) == [4]
    assert reasons(result, 4) == [
        'This repeats line 2: "ann@example.org" is already listed for cohort "Spring 2025".'
    ]


def test_emails_differing_only_in_case_are_the_same_trainee():
    result = parse(
        HEADER + "Ann@example.org,Ann,Lee,Spring 2025\nann@example.org,Ann,Lee,Spring 2025\n"
    )
    assert lines_with_errors(result) == [3]


def test_every_repeat_names_the_first_line():
    row = "ann@example.org,Ann,Lee,Spring 2025\n"
    result = parse(HEADER + row * 3)
    assert [error.line for error in result.errors] == [3, 4]
    assert all("repeats line 2" in error.reason for error in result.errors)


def test_the_same_email_in_two_cohorts_is_allowed():
    result = parse(
        HEADER + "ann@example.org,Ann,Lee,Spring 2025\nann@example.org,Ann,Lee,Autumn 2025\n"
    )
    assert result.ok
    assert [row.cohort for row in result.rows] == ["Spring 2025", "Autumn 2025"]


# Malformed rows


def test_a_row_with_too_few_values_is_an_error():
    result = parse(HEADER + "ann@example.org,Ann,Spring 2025\n")
    assert reasons(result, 2) == ["This line has 3 values but the header has 4 columns."]


def test_a_row_with_too_many_values_suggests_quoting():
    result = parse(HEADER + "ann@example.org,Ann,Lee, Jr.,Spring 2025\n")
    [reason] = reasons(result, 2)
    assert reason.startswith("This line has 5 values but the header has 4 columns.")
    assert "quotes" in reason


def test_an_unclosed_quote_is_reported_at_its_line():
    result = parse(
        HEADER + 'ann@example.org,"Ann,Lee,Spring 2025\nbo@example.org,Bo,Ng,Spring 2025\n'
    )
    assert lines_with_errors(result) == [2]
    assert "never closed" in reasons(result, 2)[0]


def test_text_after_a_closing_quote_is_reported_and_later_rows_still_read():
    result = parse(
        HEADER + 'ann@example.org,"Ann"ie,Lee,Spring 2025\nbo@example.org,Bo,Ng,Spring 2025\n'
    )
    assert lines_with_errors(result) == [2]
    assert [row.line for row in result.rows] == [3]


# The file as a whole


@pytest.mark.parametrize("data", [b"", b"\n\n  \n", codecs.BOM_UTF8])
def test_an_empty_file_is_one_error(data):
    result = parse_enrolment_csv(data, known_cohorts=COHORTS)
    assert not result.ok
    assert [error.line for error in result.errors] == [0]
    assert "empty" in result.errors[0].reason


def test_a_header_without_rows_is_an_error():
    result = parse(HEADER + "\n,,,\n")
    assert result.errors == (RowError(0, "The file has a header but no trainees below it."),)
    assert not result.ok


def test_a_file_over_ten_megabytes_is_refused_unread():
    data = (HEADER + "ann@example.org,Ann,Lee,Spring 2025\n").encode().ljust(MAX_BYTES + 1, b"\n")
    result = parse_enrolment_csv(data, known_cohorts=COHORTS)
    assert len(result.errors) == 1
    assert result.errors[0].line == 0
    assert "limit is 10 MB" in result.errors[0].reason


def test_a_file_of_exactly_ten_megabytes_is_read():
    # Padded with lines of spaces, which count as blank.
    data = (HEADER + "ann@example.org,Ann,Lee,Spring 2025\n").encode()
    padding = (b" " * 99 + b"\n") * ((MAX_BYTES - len(data)) // 100)
    data = (data + padding).ljust(MAX_BYTES, b" ")
    assert len(data) == MAX_BYTES
    assert parse_enrolment_csv(data, known_cohorts=COHORTS).ok


def test_an_error_reads_as_a_sentence_with_its_line():
    assert str(RowError(4, "The cohort is empty.")) == "Line 4: The cohort is empty."
    assert str(RowError(0, "The file is empty.")) == "The file is empty."


# Size and speed


def _big_file(rows, bad_every=None):
    lines = [HEADER]
    for index in range(rows):
        email = "broken" if bad_every and index % bad_every == 0 else f"t{index}@Example.org"
        lines.append(f"{email},First{index},Last{index},{COHORTS[index % 2]}\n")
    return "".join(lines).encode()


def test_ten_thousand_rows_are_all_read():
    data = _big_file(10_000)
    result = parse_enrolment_csv(data, known_cohorts=COHORTS)
    assert result.ok
    assert len(result.rows) == 10_000
    assert result.rows[-1] == EnrolmentRow(
        10_001, "t9999@example.org", "First9999", "Last9999", "Autumn 2025"
    )


def test_bad_rows_in_a_large_file_are_each_listed():
    result = parse_enrolment_csv(_big_file(10_000, bad_every=1000), known_cohorts=COHORTS)
    # Row index i sits on line i + 2, below the header.
    assert lines_with_errors(result) == [index + 2 for index in range(0, 10_000, 1000)]
    assert len(result.rows) == 10_000 - 10
