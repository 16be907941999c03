from storyline.report import render_text


def test_report_lists_people_with_titles(seed_record):
    text = render_text(seed_record)
    assert "Steve Witkoff — special envoy to the Middle East" in text
    assert text.splitlines()[1].startswith("2025-07-09")
