"""report.html as a reader sees it: drawn in headless Chromium, its charts laid out, nothing fetched."""
from pathlib import Path


def test_report_page_draws_its_charts_offline(browser, built):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        url = (Path(built.out_dir) / "report.html").resolve().as_uri()
        page.goto(url)
        sizes = page.evaluate("""() => [...document.querySelectorAll('svg')].map(s => {
                                     const r = s.getBoundingClientRect(); return [r.width, r.height]; })""")
        headings = page.evaluate("() => [...document.querySelectorAll('h2')].map(h => h.textContent)")
    finally:
        context.close()
    assert len(sizes) >= 3 and all(w > 200 and h > 100 for w, h in sizes)
    assert headings[:3] == ["When", "Who is most active", "Strongest partnerships"]
    assert requests == [url] and errors == []
