"""The HTML report in a real browser: headless Chromium (Debian's ``chromium``) driven by
Playwright's Python API. The tests click the filters, open a finding's passages, take a
screenshot, and prove that article text carrying ``<script>`` and ``onerror=`` stays inert.

They skip without a browser, except in CI: ``.ci/run`` installs Chromium and sets
``CLAIMCMP_REQUIRE_BROWSER=1``, which makes a missing browser a failure."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import claimcmp
from claimcmp.ingest import Article

from .conftest import EXAMPLES

EX = sorted(EXAMPLES.glob("*.txt"))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _need_browser() -> str:
    if CHROMIUM is None or (shutil.which("chromium") is None and not CHROMIUM):
        if os.environ.get("CLAIMCMP_REQUIRE_BROWSER") == "1":
            pytest.fail("CLAIMCMP_REQUIRE_BROWSER=1 but no chromium: apt-get install chromium")
        pytest.skip("no chromium on this machine (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        if os.environ.get("CLAIMCMP_REQUIRE_BROWSER") == "1":
            pytest.fail("CLAIMCMP_REQUIRE_BROWSER=1 but no playwright: the test extra installs it")
        pytest.skip("playwright is not installed (the test extra has it)")
    assert CHROMIUM is not None
    return CHROMIUM


@pytest.fixture(scope="module")
def page() -> Iterator[Any]:
    executable = _need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=executable, headless=True, args=["--no-sandbox"]
        )
        try:
            yield browser.new_page()
        finally:
            browser.close()


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory, hashing: Any) -> Path:
    hostile = (
        "A storm closed the harbor bridge on Monday after a cable snapped, officials said. "
        "The notice read <script>window.__pwned = 'script'</script> and "
        "<img src=x onerror=\"window.__pwned = 'onerror'\"> in full.\n"
    )
    articles = [Article.from_file(p) for p in EX] + [
        Article.from_text(hostile, source="hostile<b>")
    ]
    report = claimcmp.compare(articles, embedder=hashing)
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(report.to_html(full_page=True), encoding="utf-8")
    return path


def _visible(page: Any, selector: str) -> list[Any]:
    return [e for e in page.query_selector_all(selector) if e.is_visible()]


def test_article_markup_stays_inert(page: Any, report_file: Path) -> None:
    page.goto(report_file.as_uri())
    assert page.evaluate("window.__pwned === undefined")
    assert page.query_selector("img[src=x]") is None
    assert "<script>window.__pwned" in page.inner_text("body")  # shown as text, not run
    for li in page.query_selector_all("li.finding"):
        li.click()
    assert page.evaluate("window.__pwned === undefined")
    assert page.query_selector(".passages img") is None


def test_filters_by_verdict_and_kind(page: Any, report_file: Path) -> None:
    page.goto(report_file.as_uri())
    everything = _visible(page, "li.finding")
    assert everything
    severities = [li.get_attribute("data-severity") for li in everything]
    order = {"high": 0, "medium": 1, "low": 2}
    assert severities == sorted(severities, key=order.__getitem__), "most severe first"
    for box in page.query_selector_all("input.f-verdict"):
        if box.get_attribute("value") != "divergence":
            box.uncheck()
    only = _visible(page, "li.finding")
    assert only and {li.get_attribute("data-verdict") for li in only} == {"divergence"}
    assert page.inner_text(".shown") == str(len(only))
    rows = _visible(page, "tr.group")
    assert rows and all("divergence" in r.get_attribute("data-verdicts") for r in rows)
    page.select_option("select.f-kind", "number")
    numbers = _visible(page, "li.finding")
    assert numbers and {li.get_attribute("data-kind") for li in numbers} == {"number"}
    page.select_option("select.f-kind", "")
    for box in page.query_selector_all("input.f-verdict"):
        box.check()
    assert len(_visible(page, "li.finding")) == len(everything)


def test_a_finding_opens_both_passages_in_their_articles(
    page: Any, report_file: Path, tmp_path: Path
) -> None:
    page.goto(report_file.as_uri())
    assert not page.is_visible(".passages")
    page.select_option("select.f-kind", "number")
    finding = _visible(page, "li.finding")[0]
    finding.click()
    assert page.is_visible(".passages")
    marks = [page.inner_text(".side-a mark"), page.inner_text(".side-b mark")]
    label = finding.inner_text()
    assert all(m and m in label for m in marks), (marks, label)
    side_a = page.inner_text(".side-a")
    assert len(side_a) > 200, "the whole article, not only the claim"
    # Coverage marks are toned down until asked for.
    low = page.query_selector("mark.low")
    if low is not None:
        quiet = low.evaluate("m => getComputedStyle(m).backgroundColor")
        page.check("input.f-coverage")
        assert low.evaluate("m => getComputedStyle(m).backgroundColor") != quiet
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
