"""Regenerate the golden files (`make golden`); review `git diff tests/golden` before committing."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from click.testing import CliRunner  # noqa: E402

from consolidate.cli import main  # noqa: E402
from tests.golden.cases import CASES, args, path  # noqa: E402


def regenerate() -> int:
    runner = CliRunner()
    for name, law, lang, as_of, extra in CASES:
        result = runner.invoke(main, args(law, lang, as_of, extra))
        if result.exit_code != 0:
            print(f"{name}: exit {result.exit_code}: {result.output}", file=sys.stderr)
            return 1
        path(name).write_text(result.output, encoding="utf-8")
        print(f"wrote {path(name)}")
    return 0


if __name__ == "__main__":
    sys.exit(regenerate())
