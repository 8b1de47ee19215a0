import pytest
from playwright.sync_api import expect

from tests.conftest import SEED
from tests.e2e.conftest import SCREENSHOTS, axe_violations, screenshot
from tests.factories import enrol_in_briefing

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def reader(trainee):
    return trainee


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_the_seed_briefing_shows_cstos_expansion(
    context_factory, seed_briefing, reader, javascript
):
    page = context_factory(user=reader, javascript=javascript).new_page()
    page.goto(seed_briefing.get_absolute_url())
    term = page.locator("a.term", has_text="CSTO").first
    assert term.get_attribute("href") == "#term-csto"
    if javascript:
        term.focus()
        tip = page.get_by_role("tooltip")
        assert tip.inner_text() == "Collective Security Treaty Organisation"
    else:
        term.click()
        entry = page.locator("#term-csto")
        assert "Collective Security Treaty Organisation" in entry.inner_text()
        assert page.url.endswith("#term-csto")


def test_the_term_is_reachable_by_keyboard(context_factory, seed_briefing, reader):
    page = context_factory(user=reader).new_page()
    page.goto(seed_briefing.get_absolute_url())
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent")
        if focused == "CSTO":
            break
    else:
        pytest.fail("Tabbing never reached the CSTO term")
    page.keyboard.press("Enter")
    assert page.url.endswith("#term-csto")


@pytest.mark.parametrize("mobile", [False, True], ids=["desktop", "phone"])
def test_list_and_briefing_pages_have_no_axe_violations(
    context_factory, seed_briefing, reader, mobile
):
    page = context_factory(user=reader, mobile=mobile).new_page()
    page.goto("/briefings/")
    assert axe_violations(page) == []
    page.goto(seed_briefing.get_absolute_url())
    assert axe_violations(page) == []
    screenshot(page, f"briefing-{'phone' if mobile else 'desktop'}")


def test_the_briefing_fits_a_phone_screen_without_sideways_scrolling(
    context_factory, seed_briefing, reader
):
    page = context_factory(user=reader, mobile=True).new_page()
    page.goto(seed_briefing.get_absolute_url())
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_the_sign_in_page_has_no_axe_violations_and_signs_in(context_factory, trainee):
    page = context_factory().new_page()
    page.goto("/briefings/")
    assert "/accounts/login/" in page.url
    assert axe_violations(page) == []
    page.get_by_label("E-mail or username").fill(trainee.username)
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/briefings/")
    assert page.get_by_role("heading", name="Briefings").is_visible()


def test_a_trainee_signs_in_on_a_phone_with_their_email_address_in_capitals(
    context_factory, trainee
):
    page = context_factory(mobile=True).new_page()
    page.goto("/accounts/login/")
    assert axe_violations(page) == []
    screenshot(page, "sign-in-phone")
    page.get_by_label("E-mail or username").fill(trainee.email.upper())
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/briefings/")
    assert page.get_by_role("heading", name="Briefings").is_visible()


def viewport_screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def lines_of(page, selector: str) -> float:
    """How many lines of text the element takes, from its height and line height."""
    return float(
        page.eval_on_selector(
            selector,
            "el => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)",
        )
    )


@pytest.mark.parametrize("where", ["list", "briefing"])
def test_the_seed_title_takes_at_most_four_lines_on_a_phone(
    context_factory, seed_briefing, reader, where
):
    page = context_factory(user=reader, mobile=True).new_page()
    if where == "list":
        page.goto("/briefings/")
        selector = ".card-title"
    else:
        page.goto(seed_briefing.get_absolute_url())
        selector = "h1"
    assert page.locator(selector).inner_text() == seed_briefing.title
    assert page.evaluate("window.innerWidth") == 390
    assert lines_of(page, selector) <= 4
    viewport_screenshot(page, f"title-{where}-phone")


def test_a_title_with_a_very_long_word_wraps_inside_a_phone_screen(context_factory, reader):
    from briefings.services import import_article

    title = "Antidisestablishmentarianism Returns to Dushanbe's Parliamentary Debates"
    data = SEED.read_bytes().replace(
        b"For Tajikistan, Kunduz Battles Too Close for Comfort", title.encode(), 1
    )
    briefing = import_article(data=data, source_name="long-title.txt").briefing
    enrol_in_briefing(reader, briefing)
    page = context_factory(user=reader, mobile=True).new_page()
    for url, selector in (("/briefings/", ".card-title"), (briefing.get_absolute_url(), "h1")):
        page.goto(url)
        heading = page.locator(selector, has_text="Dushanbe")
        assert heading.count() == 1
        assert heading.evaluate("el => el.scrollWidth <= el.clientWidth")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390


# True once the open tooltip lies inside a 390 px screen, below or above its term.
TIP_CLEAR_OF_TERM = """(index) => {
  const tip = document.getElementById("term-tip");
  const term = document.querySelectorAll("a.term")[index];
  if (!tip || !term) { return false; }
  const a = tip.getBoundingClientRect();
  const rects = term.getClientRects();
  const b = rects.length ? rects[rects.length - 1] : term.getBoundingClientRect();
  return a.left >= 0 && a.right <= 390 && (a.top >= b.bottom || a.bottom <= b.top);
}"""


def tip_box(page):
    return page.get_by_role("tooltip").bounding_box()


def test_every_glossary_tooltip_stays_inside_a_phone_screen(context_factory, seed_briefing, reader):
    page = context_factory(user=reader, mobile=True).new_page()
    page.goto(seed_briefing.get_absolute_url())
    terms = page.locator("a.term")
    assert terms.count() >= 2
    rightmost, rightmost_left = None, -1.0
    for index in range(terms.count()):
        term = terms.nth(index)
        term.focus()
        # Wholly on screen once focus has scrolled the term into view
        # (smoothly: the tip follows the term frame by frame until it rests).
        expect(page.get_by_role("tooltip")).to_be_in_viewport(ratio=1)
        # Inside the screen and below or above the term, never over it: measured
        # in one frame, since both move while the page scrolls.
        page.wait_for_function(TIP_CLEAR_OF_TERM, arg=index, timeout=5_000)
        term_box = term.bounding_box()
        if term_box["x"] > rightmost_left:
            rightmost, rightmost_left = term, term_box["x"]
    # The case that matters: a term so near the right edge that a tooltip
    # starting where the term starts would run off the screen.
    rightmost.focus()
    expect(page.get_by_role("tooltip")).to_be_in_viewport(ratio=1)
    assert rightmost_left + tip_box(page)["width"] > 390
    viewport_screenshot(page, "tooltip-right-edge-phone")
    assert axe_violations(page) == []


def test_a_tooltip_for_a_term_at_the_bottom_of_the_screen_opens_above_it(
    context_factory, seed_briefing, reader
):
    page = context_factory(user=reader, mobile=True).new_page()
    page.goto(seed_briefing.get_absolute_url())
    term = page.locator("a.term").first
    term.scroll_into_view_if_needed()
    # Scroll so the term's line sits at the very bottom of the viewport.
    page.evaluate(
        "el => window.scrollBy(0, el.getBoundingClientRect().bottom - window.innerHeight + 2)",
        term.element_handle(),
    )
    box = term.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    tip = tip_box(page)
    assert tip["y"] >= 0
    assert tip["y"] + tip["height"] <= page.evaluate("window.innerHeight")
    assert tip["y"] + tip["height"] <= box["y"]
