from storyline.report import render_text


def test_report_lists_people_with_titles(seed_record):
    text = render_text(seed_record)
    assert "Steve Witkoff — special envoy to the Middle East" in text
    assert text.splitlines()[1].startswith("2025-07-09")


def test_report_writes_large_and_fractional_amounts_in_full(nlp):
    from storyline.pipeline import extract

    record = extract("The fund lent 800 million dollars over 2.5 years.", nlp, date="2025-03-04")
    text = render_text(record)
    assert "800,000,000" in text and "e+" not in text


def test_report_names_the_report_a_statement_is_known_through(nlp):
    from storyline.pipeline import extract

    text = render_text(extract("“We will not protest,” Sanders said, according to CNN.", nlp))
    [line] = [line for line in text.splitlines() if line.strip().startswith("Sanders — said (direct)")]
    assert line.endswith("[via CNN]: “We will not protest,”")
