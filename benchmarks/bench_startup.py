"""Start-up of `incas --help` and `incas plan validate` against floors measured in the same run.

Floor for start-up: a bare typer app with the same command tree (same groups and command
names, no work) printing its ``--help``. Floor for validate: the same app, whose ``plan
validate`` only composes the file with libyaml (PyYAML's ``CSafeLoader``: the parse that
validate cannot avoid). Each figure is the median of ``--runs`` runs; incas and its floor
run alternately, so that a busy machine slows both alike.

Targets: ``incas --help`` within 1.15x of its floor (issue 10), ``plan validate`` within 2x,
of the largest example and of a generated plan with 400 measures (issue 16).

Both are measured with their bytecode compiled, as ``pip install`` leaves them: the
package is compiled first (``compileall``), so that a checkout edited since its last run,
or an environment with ``PYTHONDONTWRITEBYTECODE`` set, does not time the compilation of
the modules changed (28 modules, about 40 ms, seen once).

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
from incas_cli.io import dump_yaml, new_document_data

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from bench_render import generated_data  # noqa: E402

LARGE = 400
VALIDATE = ("plan", "validate")
VALIDATE_BODY = """\
def {ident}(files: list[str]) -> None:
    '''Comando {name}.'''
    import yaml

    for file in files:
        with open(file, encoding="utf-8") as stream:
            yaml.compose(stream, Loader=yaml.CSafeLoader)
"""


def command_tree(group: object) -> dict[str, object]:
    """{name: None | subtree} from the click group typer builds."""
    tree: dict[str, object] = {}
    for name, cmd in sorted(getattr(group, "commands", {}).items()):
        tree[name] = command_tree(cmd) if hasattr(cmd, "commands") else None
    return tree


def floor_script(tree: dict[str, object]) -> str:
    """The bare app: every command does nothing, except ``plan validate`` loading YAML."""
    lines = ["import typer", "app = typer.Typer()"]

    def emit(parent: str, sub: dict[str, object], path: tuple[str, ...]) -> None:
        for i, (name, child) in enumerate(sub.items()):
            ident = f"{parent}_{i}"
            if child is None:
                lines.append(f"@{parent}.command({name!r})")
                if (*path, name) == VALIDATE:
                    lines.append(VALIDATE_BODY.format(ident=ident, name=name))
                else:
                    lines.append(f"def {ident}() -> None:\n    '''Comando {name}.'''")
            else:
                lines.append(f"{ident} = typer.Typer(help='Gruppo {name}.')")
                lines.append(f"{parent}.add_typer({ident}, name={name!r})")
                assert isinstance(child, dict)
                emit(ident, child, (*path, name))

    emit("app", tree, ())
    lines.append("app()")
    return "\n".join(lines) + "\n"


def _once(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def timed_pair(cmd: list[str], floor: list[str], runs: int) -> tuple[float, float]:
    """Medians of ``cmd`` and ``floor`` run alternately, after one warm-up run of each."""
    _once(cmd)
    _once(floor)
    samples: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        samples[0].append(_once(cmd))
        samples[1].append(_once(floor))
    return statistics.median(samples[0]), statistics.median(samples[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    import compileall

    compileall.compile_dir(REPO / "incas_cli", quiet=1)  # as pip install does
    tree = command_tree(typer.main.get_command(app))
    largest = max((REPO / "examples").glob("*.yaml"), key=lambda p: p.stat().st_size)
    with tempfile.TemporaryDirectory() as tmp:
        floor = Path(tmp) / "floor_app.py"
        floor.write_text(floor_script(tree), encoding="utf-8")
        data = generated_data(LARGE)
        data["plan"]["status"] = "bozza"  # a draft: validate reads, checks and passes it
        del data["plan"]["adoption"]
        large = Path(tmp) / f"piano-{LARGE}-misure.yaml"
        large.write_text(dump_yaml(new_document_data(data)), encoding="utf-8")
        py = sys.executable
        incas = [py, "-m", "incas_cli"]
        bare = [py, str(floor)]
        validate = [*VALIDATE, str(largest)]
        rows = [
            ("incas --help", "typer app, same commands", ["--help"], 1.15),
            (f"incas plan validate {largest.name}", "same app + libyaml compose", validate, 2.0),
            (
                f"incas plan validate ({LARGE} misure)",
                "same app + libyaml compose",
                [*VALIDATE, str(large)],
                2.0,
            ),
        ]
        results = [
            (name, floor_name, *timed_pair([*incas, *argv], [*bare, *argv], args.runs), target)
            for name, floor_name, argv, target in rows
        ]
    print(f"{'misura':<40} {'incas':>9} {'floor':>9} {'rapporto':>9} {'obiettivo':>9}  floor")
    for name, floor_name, value, floor_value, target in results:
        print(
            f"{name:<40} {value * 1000:>7.0f}ms {floor_value * 1000:>7.0f}ms "
            f"{value / floor_value:>8.2f}x {target:>8.2f}x  {floor_name}"
        )


if __name__ == "__main__":
    main()
