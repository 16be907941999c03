import pytest

from storyline import extract
from storyline.stages.paragraphs import _hard_wrapped


def sentences(nlp, text):
    return [s.text.strip() for s in nlp(text).sents]


def test_paragraphs_a_blank_line_ends_a_sentence(nlp):
    text = "Update at noon.\n\n4:40 p.m.\n\nMayor Ann Lee says, win or lose, the harbour stays open."
    assert sentences(nlp, text) == ["Update at noon.", "4:40 p.m.", "Mayor Ann Lee says, win or lose, the harbour stays open."]
    (statement,) = extract(text, nlp).statements
    assert statement.source.text == "Mayor Ann Lee"


def test_paragraphs_a_headline_line_ends_before_its_story(nlp):
    text = "Lee Says The Harbour Will Reopen In May\nMayor Ann Lee said the harbour would reopen in May."
    assert sentences(nlp, text)[1] == "Mayor Ann Lee said the harbour would reopen in May."


def test_paragraphs_the_first_word_of_a_paragraph_is_no_sentence_of_its_own(nlp):
    text = ("Brightwell Foods cuts 1,200 jobs as sales slide\n\nBrightwell Foods will cut 1,200 jobs and close two "
            "bakeries in the Midlands, the company said on Thursday.")
    assert sentences(nlp, text)[1].startswith("Brightwell Foods will cut")
    (statement,) = extract(text, nlp).statements
    assert statement.content.text.startswith("Brightwell Foods will cut")


def test_paragraphs_hard_wrapped_wire_copy_keeps_its_sentences_whole(nlp):
    text = "The company said\nit would buy the unit from\nGeneral Motors for 20 mln dlrs.\n    It said the deal\nwould close in May."
    assert _hard_wrapped(text)
    assert sentences(nlp, text) == ["The company said\nit would buy the unit from\nGeneral Motors for 20 mln dlrs.",
                                    "It said the deal\nwould close in May."]
    assert not _hard_wrapped("A headline\nThe story starts here.\nAnother line follows.")


def test_paragraphs_unwrap_makes_breaks_inside_paragraphs_spaces():
    from storyline.stages.paragraphs import unwrap

    text = "The board said\nit would sell the\nmill.\n    It said the sale\nwould close soon.\n\nReuter"
    out = unwrap(text)
    assert len(out) == len(text)
    assert out == "The board said it would sell the mill.\n    It said the sale would close soon.\n\nReuter"
    plain = "A headline\nThe story starts here.\nAnother line follows."
    assert unwrap(plain) == plain


def test_paragraphs_hard_wrapped_article_reads_across_its_line_breaks(nlp):
    text = ("Harbor Feeds Inc said it has\nagreed to sell its Ohio mill to Great Lakes\nMilling Corp for 1.4\n"
            "billion dlrs.\n    The company said it expects\nthe sale to close in June.\n Reuter\n")
    record = extract(text, nlp)
    contents = [s.content.text for s in record.statements]
    assert contents[0] == "it has\nagreed to sell its Ohio mill to Great Lakes\nMilling Corp for 1.4\nbillion dlrs"
    assert "1.4\nbillion" in [a.text for a in record.amounts]
    assert "Great Lakes\nMilling Corp" in [m.text for e in record.entities for m in e.mentions]


@pytest.mark.parametrize("dateline", ["ROTTERDAM, March 4 (Reuters) - ", "WASHINGTON (AP) — ", "MANCHESTER, N.H. - ",
                                      "Lyon (AFP) – ", "DES MOINES -- ", "VANCOUVER, British Columbia (AP) — ",
                                      "STUTTGART, Germany (Reuters) - "])
def test_paragraphs_a_dateline_is_not_part_of_the_first_sentence(nlp, dateline):
    text = (f"{dateline}Dock workers at the port voted on Tuesday to end an 11-day strike, the union said, after "
            "employers raised their pay offer.")
    first = [s for s in nlp(text).sents][-1].text
    assert first.startswith("Dock workers") and first.endswith("offer.")


def test_paragraphs_no_dateline_in_a_sentence_with_a_dash():
    from storyline.stages.paragraphs import DATELINE

    for text in ["Sen. Ted Cruz (R-Texas) — who spoke first — said no.", "This dynamic - and its cost - matters.",
                 "Tim Allen Just Got Asked About Donald Trump – here is what he said"]:
        assert DATELINE.search(text) is None


@pytest.mark.parametrize("before", ["shortly after 4 a.m.", "of Harbour Freight Co.", "of Lindqvist Shipping Inc."])
def test_paragraphs_a_quote_after_an_abbreviation_starts_a_sentence(nlp, before):
    text = f'Residents said they heard three blasts {before} "The windows shook," said Ana Lee, who lives nearby.'
    assert sentences(nlp, text)[-1] == '"The windows shook," said Ana Lee, who lives nearby.'
    quote = next(s for s in extract(text, nlp).statements if s.kind == "direct")
    assert quote.content.text == '"The windows shook,"' and quote.source.text.startswith("Ana Lee")


def test_paragraphs_a_quote_after_us_does_not_start_a_sentence(nlp):
    text = 'The minister outlined a U.S. "Action Program" for the region on Monday.'
    assert len(sentences(nlp, text)) == 1
