from __future__ import annotations

import json
from importlib.resources import files

import jsonschema

from storyline import extract
from storyline.model import json_schema


def published_schema() -> dict:
    return json.loads(files("storyline").joinpath("schema/record.schema.json").read_text(encoding="utf-8"))


def test_model_published_schema_is_current():
    assert published_schema() == json_schema(), "run `make schema` after changing model.py"


def test_model_record_validates_against_schema(nlp):
    record = extract("Officials in Paris said on Monday that talks with Germany would resume.", nlp, date="2024-01-08")
    jsonschema.validate(record.to_dict(), published_schema())


def test_model_seed_record_validates(seed_record):
    jsonschema.validate(seed_record.to_dict(), published_schema())
