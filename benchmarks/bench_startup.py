"""Start-up of `incas --help` and `incas plan validate` against floors measured in the same run.

Floor for start-up: a minimal typer app with the same command tree (same groups and
command names, no work) printing its ``--help``. Floor for validate: reading the same
file with ruamel.yaml's round-trip loader, which validate cannot avoid.

Run: python benchmarks/bench_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import typer.main

from incas_cli.cli import app

REPO = Path(__file__).resolve().parent.parent


def command_tree(group: object) -> dict[str, object]:
    """{name: None | subtree} from the click group typer builds."""
    tree: dict[str, object] = {}
    for name, cmd in sorted(getattr(group, "commands", {}).items()):
        tree[name] = command_tree(cmd) if hasattr(cmd, "commands") else None
    return tree


def floor_script(tree: dict[str, object]) -> str:
    lines = ["import typer", "app = typer.Typer()"]

    def emit(parent: str, sub: dict[str, object], prefix: str) -> None:
        for i, (name, child) in enumerate(sub.items()):
            ident = f"{prefix}_{i}"
            if child is None:
                lines.append(f"@{parent}.command({name!r})")
                lines.append(f"def {ident}() -> None:\n    '''Comando {name}.'''")
            else:
                lines.append(f"{ident} = typer.Typer(help='Gruppo {name}.')")
                lines.append(f"{parent}.add_typer({ident}, name={name!r})")
                assert isinstance(child, dict)
                emit(ident, child, ident)

    emit("app", tree, "c")
    lines.append("app()")
    return "\n".join(lines) + "\n"


def timed(cmd: list[str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    tree = command_tree(typer.main.get_command(app))
    largest = max((REPO / "examples").glob("*.yaml"), key=lambda p: p.stat().st_size)
    with tempfile.TemporaryDirectory() as tmp:
        floor = Path(tmp) / "floor_app.py"
        floor.write_text(floor_script(tree), encoding="utf-8")
        loader = Path(tmp) / "floor_load.py"
        loader.write_text(
            "import sys\nfrom ruamel.yaml import YAML\n"
            "YAML(typ='rt').load(open(sys.argv[1], encoding='utf-8'))\n",
            encoding="utf-8",
        )
        py = sys.executable
        rows = [
            (
                "incas --help",
                timed([py, "-m", "incas_cli", "--help"], args.runs),
                "typer app, same commands",
                timed([py, str(floor), "--help"], args.runs),
            ),
            (
                f"incas plan validate {largest.name}",
                timed([py, "-m", "incas_cli", "plan", "validate", str(largest)], args.runs),
                "ruamel round-trip load",
                timed([py, str(loader), str(largest)], args.runs),
            ),
        ]
    print(f"{'misura':<40} {'incas':>9} {'floor':>9} {'rapporto':>9}  floor")
    for name, value, floor_name, floor_value in rows:
        print(
            f"{name:<40} {value * 1000:>7.0f}ms {floor_value * 1000:>7.0f}ms "
            f"{value / floor_value:>8.2f}x  {floor_name}"
        )


if __name__ == "__main__":
    main()
