"""Print pip constraints that pin every runtime dependency to its declared floor.

Usage (from a checkout; the package need not be installed)::

    python scripts/lowest_constraints.py > lowest.txt
    pip install --only-binary :all: -c lowest.txt -e ".[dev]"

Each entry of ``[project] dependencies`` in pyproject.toml must read ``name>=X`` (an upper
bound or an environment marker may follow); the output has one ``name==X`` line per entry,
so CI tests the versions the project claims to support and the floors cannot drift from
what is tested. A dependency without a ``>=`` floor is an error.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from collections.abc import Sequence
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"
_FLOOR = re.compile(
    r"^\s*(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*"
    r"(?P<specs>[^;]*?)\s*(?:;\s*(?P<marker>.+?))?\s*$"
)
_LOWER = re.compile(r"^>=\s*(?P<version>[0-9][0-9A-Za-z.+!-]*)$")


def lowest_constraints(dependencies: Sequence[str]) -> list[str]:
    """``name==floor`` (with the entry's marker) for each ``name>=floor`` requirement."""
    lines = []
    for requirement in dependencies:
        match = _FLOOR.match(requirement)
        floors = []
        if match is not None:
            specs = [s.strip() for s in match["specs"].split(",") if s.strip()]
            floors = [m["version"] for s in specs if (m := _LOWER.match(s))]
        if match is None or len(floors) != 1:
            raise ValueError(f"no single '>=' floor in dependency {requirement!r}")
        marker = f" ; {match['marker']}" if match["marker"] else ""
        lines.append(f"{match['name']}=={floors[0]}{marker}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("pyproject", nargs="?", type=Path, default=PYPROJECT)
    args = parser.parse_args(argv)
    project = tomllib.loads(args.pyproject.read_text(encoding="utf-8"))["project"]
    try:
        lines = lowest_constraints(project.get("dependencies", []))
    except ValueError as exc:
        print(f"lowest_constraints: {exc}", file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
