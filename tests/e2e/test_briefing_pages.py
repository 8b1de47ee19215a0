import pytest

from tests.e2e.conftest import axe_violations, screenshot

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
    page.get_by_label("Username").fill(trainee.username)
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/briefings/")
    assert page.get_by_role("heading", name="Briefings").is_visible()
