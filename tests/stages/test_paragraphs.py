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


def test_paragraphs_hard_wrapped_wire_copy_keeps_its_sentences_whole(nlp):
    text = "The company said\nit would buy the unit from\nGeneral Motors for 20 mln dlrs.\n    It said the deal\nwould close in May."
    assert _hard_wrapped(text)
    assert sentences(nlp, text) == ["The company said\nit would buy the unit from\nGeneral Motors for 20 mln dlrs.",
                                    "It said the deal\nwould close in May."]
    assert not _hard_wrapped("A headline\nThe story starts here.\nAnother line follows.")
