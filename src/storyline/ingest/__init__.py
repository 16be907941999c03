"""Readers: each turns a file into Article records, or Failures for the parts it cannot read."""

from storyline.ingest.checks import check_text
from storyline.ingest.readers import read_path, read_stream

__all__ = ["check_text", "read_path", "read_stream"]
