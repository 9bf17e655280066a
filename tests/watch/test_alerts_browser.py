"""The dashboard's alerts page in a real headless Chromium: newest first, each alert
linking to its evidence (the article of a match, the events of a spike's day)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alertdb import NOW, build_store
from webserver import dashboard

from newsgraph.ingest.alerting import scan
from newsgraph.ingest.spikes import SpikeParams

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
HAVE_BROWSER = Path(CHROMIUM).exists() and Path(DRIVER).exists()
REQUIRED = os.environ.get("NEWSGRAPH_REQUIRE_BROWSER") == "1"
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not HAVE_BROWSER and not REQUIRED,
        reason="Chromium/chromedriver not installed (run scripts/install_browser.sh)",
    ),
]


@pytest.fixture
def driver() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    if not HAVE_BROWSER:
        pytest.fail(f"NEWSGRAPH_REQUIRE_BROWSER=1 but {CHROMIUM} or {DRIVER} is missing")
    profile = tempfile.mkdtemp(prefix="ng-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-dev-shm-usage", "--window-size=1366,1000", f"--user-data-dir={profile}"]:  # fmt: skip
        options.add_argument(flag)
    browser = webdriver.Chrome(options=options, service=Service(executable_path=DRIVER))
    browser.set_page_load_timeout(30)
    try:
        yield browser
    finally:
        browser.quit()
        shutil.rmtree(profile, ignore_errors=True)


def test_alerts_page_newest_first_linking_to_the_evidence(driver: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    days = [(10, 1)] * 28 + [(10, 6)]
    with build_store(tmp_path, days) as store:
        scan(store.connection, NOW, [], SpikeParams())
        later = NOW.replace(hour=13)
        store.connection.execute("UPDATE alerts SET created_at = ? WHERE kind = 'spike'", [later])
    with dashboard(tmp_path / "spikes.duckdb") as url:
        driver.get(url + "/alerts")
        assert driver.title.startswith("Alerts")
        rows = driver.find_elements(By.CSS_SELECTOR, "#alerts-table tbody tr")
        assert len(rows) == 35  # 28 + 6 matches and one spike: under one page of 50
        assert rows[0].get_attribute("class") == "alert-spike"  # the newest
        assert "6 events in 10 articles" in rows[0].text
        assert all(r.get_attribute("class") == "alert-match" for r in rows[1:])
        SHOTS.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(SHOTS / "alerts.png"))
        evidence = rows[1].find_element(By.CSS_SELECTOR, "a.evidence")
        assert "Russia accused Turkey" in evidence.text
        evidence.click()
        assert "/articles/" in driver.current_url
        assert "Russia accused Turkey" in driver.find_element(By.TAG_NAME, "main").text
        driver.get(url + "/alerts")
        driver.find_element(By.CSS_SELECTOR, "tr.alert-spike a.evidence").click()
        assert "since=2026-03-01" in driver.current_url
        assert len(driver.find_elements(By.CSS_SELECTOR, "#events-table tbody tr")) == 6
