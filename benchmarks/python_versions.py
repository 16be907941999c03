"""storyline's speed on each Python it supports, the same sample and measures as ``storyline bench``.

    .venv/bin/python benchmarks/python_versions.py [--articles 400] [--pythons 3.11 3.12 3.13]

Each interpreter found (``python3.X`` on PATH, or installed by pyenv) gets its own virtual environment under
``.venv-bench/`` with storyline installed from this checkout (again when pyproject.toml changes); an interpreter that is not there is
reported and passed over. Single-process measures only: the worker speed-up does not depend on the
interpreter version.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def interpreter(version: str) -> str | None:
    """``python3.X`` on PATH if it runs (a pyenv shim may not), else a pyenv-installed one."""
    candidates = [shutil.which(f"python{version}")]
    candidates += sorted(str(p) for p in Path.home().glob(f".pyenv/versions/{version}*/bin/python{version}"))
    for python in filter(None, candidates):
        if subprocess.run([python, "-c", "pass"], capture_output=True).returncode == 0:
            return python
    return None


def venv_for(version: str) -> Path | None:
    python = interpreter(version)
    if python is None:
        return None
    venv = ROOT / ".venv-bench" / f"py{version}"
    installed = venv / ".installed"
    if not (venv / "bin" / "python").exists():
        subprocess.run([python, "-m", "venv", str(venv)], check=True)
    # installed again whenever pyproject.toml changed since, so that a new dependency reaches it
    if not installed.exists() or installed.stat().st_mtime < (ROOT / "pyproject.toml").stat().st_mtime:
        subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "-e", str(ROOT)], check=True)
        installed.touch()
    return venv


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--pythons", nargs="+", default=["3.11", "3.12", "3.13"])
    args = parser.parse_args()
    rows = []
    for version in args.pythons:
        venv = venv_for(version)
        if venv is None:
            print(f"python{version}: not found, passed over", file=sys.stderr)
            continue
        out = subprocess.run(
            [str(venv / "bin" / "storyline"), "bench", "--workers", "1", "--no-ingest", "--format", "json",
             "--articles", str(args.articles)],
            check=True, capture_output=True, text=True,
        ).stdout
        rows.append(json.loads(out))
    print(f"{'Python':<8} {'bare spaCy words/s':>19} {'storyline words/s':>18} {'ratio':>6}")
    for r in rows:
        print(f"{r['python']:<8} {r['spacy_words_per_s']:>19,.0f} {r['storyline_words_per_s']:>18,.0f} {r['ratio']:>6.2f}")
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
