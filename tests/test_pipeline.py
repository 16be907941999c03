import pytest

from storyline import errors
from storyline.model import Article, Failure, Record
from storyline.pipeline import extract_many, load_model

TEXT = "The mayor of Springfield said on Monday that the bridge would reopen in May."


def test_pipeline_missing_model_names_the_install_command():
    with pytest.raises(errors.ModelNotFound) as info:
        load_model("no_such_model_xyz")
    assert "pip install" in str(info.value) and str(info.value).startswith("[E201]")


def test_pipeline_one_broken_article_does_not_stop_the_batch(nlp, monkeypatch):
    from storyline import record as record_module

    real = record_module.to_record

    def fragile(doc):
        if "explode" in doc.text:
            raise RuntimeError("stage failed")
        return real(doc)

    monkeypatch.setattr(record_module, "to_record", fragile)
    items = [Article(id="a", text=TEXT), Article(id="b", text="This will explode. " + TEXT), Article(id="c", text=TEXT)]
    out = list(extract_many(items, nlp, batch_size=8))
    assert [type(o).__name__ for o in out] == ["Record", "Failure", "Record"]
    assert isinstance(out[1], Failure) and out[1].where == "b" and "stage failed" in out[1].reason
    assert isinstance(out[2], Record) and out[2].article.id == "c"


def test_pipeline_failures_pass_through_in_order(nlp):
    failure = Failure(where="x.jsonl:2", code="E106", reason="not JSON")
    out = list(extract_many([Article(id="a", text=TEXT), failure], nlp))
    assert out[1] is failure


def test_pipeline_reads_no_break_spaces_as_spaces_and_keeps_them_in_the_output(nlp):
    text = "“Not here. Not now,”\u00a0Ann Lee said.\u00a0“The crime numbers are worse.”\nThe\u202fcouncil met on Monday."
    record = extract_many([Article(id="a", text=text, date="2025-07-09")], nlp)
    record = next(iter(record))
    (statement,) = record.statements
    assert (statement.cue.text, statement.source.text) == ("said", "Ann Lee")
    assert statement.content.text == text[: text.index("\n")]  # the no-break spaces are kept
    assert [e.name for e in record.entities if e.type == "PERSON"] == ["Ann Lee"]
    spans = [statement.cue, statement.source, statement.content, *record.times]
    spans += [m for e in record.entities for m in e.mentions]
    for span in spans:
        assert text[span.start : span.end] == span.text


def test_pipeline_splits_a_quote_mark_glued_to_the_next_word(nlp):
    words = [t.text for t in nlp.make_doc("“It is bad,”Tom Berry said. He said,\"We go.\"Then 3.5 percent of U.S. voters left.")]
    assert words[3:7] == ["bad", ",", "”", "Tom"]
    assert words[11:15] == ["said", ",", '"', "We"]
    assert words[16:19] == [".", '"', "Then"] and "3.5" in words and "U.S." in words


def test_pipeline_multiplies_with_one_thread_of_numpy_and_parses_as_spacy_does(nlp):
    import spacy
    from threadpoolctl import threadpool_info

    # the shared tok2vec and NER's own; the parse's steps keep BLIS
    layers = [*nlp.get_pipe("tok2vec").model.walk(), *nlp.get_pipe("ner").model.get_ref("tok2vec").walk()]
    assert layers and all(node.ops.use_blis is False for node in layers)
    assert all(pool["num_threads"] == 1 for pool in threadpool_info() if pool["user_api"] == "blas")
    stock = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"])  # the same model with BLIS, as spaCy loads it
    assert stock.get_pipe("tok2vec").model.ops.use_blis is True
    text = ("Talks to end a nine-day strike at Rotterdam broke down on Friday, the union's chair, Marieke van Dijk, "
            "told reporters. The employers' association said its offer of 4.5 percent was final.")

    def parse(doc):
        return [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]

    assert parse(nlp(text)) == parse(stock(text))
