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
