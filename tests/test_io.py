"""incas_cli.io: reading plan YAML with positions, dumping it back, writing files atomically.

Golden errors live in ``tests/golden/io``: each ``<case>.yaml`` or ``<case>.bin`` is an
input and ``<case>.expected`` holds ``str(err)`` on the first line and the hint on the
second. Cases whose input cannot live in the repository (a missing file, a folder, a 5 MB
file, an unreadable file) are built at run time and keep only their ``.expected`` file.
Run with ``INCAS_UPDATE_GOLDEN=1`` to rewrite the expected files after a deliberate change.
"""

from __future__ import annotations

import datetime
import enum
import os
import stat
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from incas_cli.errors import ExitCode, IncasError, InputError, OutputExistsError
from incas_cli.io import (
    MAX_BYTES,
    MAX_DEPTH,
    YamlDocument,
    atomic_write_bytes,
    atomic_write_text,
    atomic_writer,
    dump_yaml,
    load_yaml,
    new_document_data,
    parse_yaml,
)
from tests.strategies import examples

GOLDEN = Path(__file__).parent / "golden" / "io"
UPDATE = os.environ.get("INCAS_UPDATE_GOLDEN") == "1"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


# --- golden errors ----------------------------------------------------------------------


def _missing_file(tmp: Path) -> tuple[Path, str]:
    return tmp / "piano-mancante.yaml", "piano-mancante.yaml"


def _directory(tmp: Path) -> tuple[Path, str]:
    folder = tmp / "piani"
    folder.mkdir()
    return folder, "piani"


def _too_large(tmp: Path) -> tuple[Path, str]:
    path = tmp / "enorme.yaml"
    with path.open("wb") as handle:
        handle.write(b"schema_version: 1\nnote: ")
        handle.write(b"x" * MAX_BYTES)
        handle.write(b"\n")
    return path, "enorme.yaml"


def _permission_denied(tmp: Path) -> tuple[Path, str]:
    if IS_ROOT:
        pytest.skip("running as root: file permissions do not stop root from reading")
    path = tmp / "riservato.yaml"
    path.write_text("schema_version: 1\n", encoding="utf-8")
    path.chmod(0)
    return path, "riservato.yaml"


BUILT_CASES: dict[str, Callable[[Path], tuple[Path, str]]] = {
    "missing-file": _missing_file,
    "directory": _directory,
    "too-large": _too_large,
    "permission-denied": _permission_denied,
}


def _file_cases() -> list[str]:
    return sorted(p.name for p in GOLDEN.iterdir() if p.suffix in {".yaml", ".bin"})


def _render(err: IncasError) -> str:
    return f"{err}\nhint: {err.hint}\n"


def _check_golden(name: str, err: IncasError) -> None:
    expected = GOLDEN / f"{name}.expected"
    actual = _render(err)
    if UPDATE:
        expected.write_text(actual, encoding="utf-8")
        return
    assert expected.exists(), f"missing {expected.name}: run with INCAS_UPDATE_GOLDEN=1"
    assert actual == expected.read_text(encoding="utf-8")


@pytest.mark.parametrize("filename", _file_cases())
def test_golden_file_errors(filename: str) -> None:
    path = GOLDEN / filename
    with pytest.raises(InputError) as info:
        load_yaml(path, display_name=filename)
    err = info.value
    assert err.file == filename
    assert err.exit_code is ExitCode.INPUT_ERROR
    assert err.hint
    _check_golden(path.stem, err)


@pytest.mark.parametrize("case", sorted(BUILT_CASES))
def test_golden_built_errors(case: str, tmp_path: Path) -> None:
    path, display = BUILT_CASES[case](tmp_path)
    with pytest.raises(InputError) as info:
        load_yaml(path, display_name=display)
    assert info.value.file == display
    _check_golden(case, info.value)


def test_every_expected_file_has_a_case() -> None:
    inputs = {Path(name).stem for name in _file_cases()} | set(BUILT_CASES)
    expected = {p.stem for p in GOLDEN.glob("*.expected")}
    assert expected == inputs


def test_golden_messages_never_leak_ruamel_english() -> None:
    for expected in GOLDEN.glob("*.expected"):
        text = expected.read_text(encoding="utf-8").lower()
        for english in ("while ", "found ", "expected ", "could not", "mapping values"):
            assert english not in text, f"{expected.name}: {english!r}"


def test_permission_denied_without_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same mapping as the golden case, reachable also when the tests run as root."""
    path = tmp_path / "riservato.yaml"
    path.write_text("schema_version: 1\n", encoding="utf-8")
    expected = (GOLDEN / "permission-denied.expected").read_text("utf-8")

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputError) as info:
        load_yaml(path, display_name="riservato.yaml")
    assert _render(info.value) == expected


def test_display_name_defaults_to_the_path_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "piani").mkdir()
    (tmp_path / "piani" / "vuoto.yaml").write_text("", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_yaml(Path("piani/vuoto.yaml"))
    assert str(info.value).startswith("piani/vuoto.yaml: ")
    (tmp_path / "piani" / "ok.yaml").write_text("schema_version: 1\n", encoding="utf-8")
    assert load_yaml(Path("piani/ok.yaml")).name == "piani/ok.yaml"


# --- what loads fine --------------------------------------------------------------------


def test_bom_and_crlf_load_with_right_positions() -> None:
    raw = "\ufeffschema_version: 1\r\nplan:\r\n  title: Piano\r\n  status: bozza\r\n"
    doc = parse_yaml(raw.encode("utf-8"), "piano.yaml")
    assert doc.text == raw[1:]  # BOM gone, CRLF kept
    assert doc.plain() == {"schema_version": 1, "plan": {"title": "Piano", "status": "bozza"}}
    assert doc.position(("plan", "status")) == (4, 11)
    assert doc.position(("plan", "status"), key=True) == (4, 3)
    # the same from text
    assert parse_yaml(raw, "piano.yaml").position(("plan", "title")) == (3, 10)


def test_yaml_12_scalars() -> None:
    doc = parse_yaml(
        "a: no\nb: yes\nc: 2024-01\nd: 2024-05-10\ne: 004203\nf: '004203'\ng: on\n"
        "h: 1693747.15\ni: 150000.00\nj: true\nk: ~\nl: 0.1\nm: 1e3\n",
        "x.yaml",
    )
    plain = doc.plain()
    assert plain == {
        "a": "no",
        "b": "yes",
        "c": "2024-01",
        "d": datetime.date(2024, 5, 10),
        "e": 4203,
        "f": "004203",
        "g": "on",
        "h": Decimal("1693747.15"),
        "i": Decimal("150000.0"),
        "j": True,
        "k": None,
        "l": Decimal("0.1"),
        "m": Decimal("1000.0"),
    }
    assert str(plain["h"]) == "1693747.15"


def _assert_plain_types(value: Any) -> None:
    allowed = (str, int, bool, Decimal, datetime.date, datetime.datetime, type(None))
    if isinstance(value, dict):
        assert type(value) is dict
        for key, item in value.items():
            _assert_plain_types(key)
            _assert_plain_types(item)
    elif isinstance(value, list):
        assert type(value) is list
        for item in value:
            _assert_plain_types(item)
    else:
        assert type(value) in allowed, type(value)


def test_plain_is_made_of_base_types_only_and_cached() -> None:
    doc = parse_yaml(
        "schema_version: 1  # formato\n"
        "comune: {name: 'Saluzzo', istat_code: \"004203\"}\n"
        "context:\n  description: |\n    Primo paragrafo.\n\n    Secondo.\n"
        "  note: >\n    piegato\n    su due righe\n"
        "measures:\n  - budget:\n      - {amount: 0x10, other: 0o17, n: 1_000}\n"
        "meetings: [{date: 2024-10-15 09:30:00}]\n",
        "p.yaml",
    )
    plain = doc.plain()
    _assert_plain_types(plain)
    assert plain["comune"]["istat_code"] == "004203"
    assert plain["context"]["description"] == "Primo paragrafo.\n\nSecondo.\n"
    assert plain["context"]["note"] == "piegato su due righe\n"
    assert plain["measures"][0]["budget"][0] == {"amount": 16, "other": 15, "n": 1000}
    assert plain["meetings"][0]["date"] == datetime.datetime(2024, 10, 15, 9, 30)
    assert doc.plain() is plain


def test_many_keys_are_fine() -> None:
    text = "schema_version: 1\n" + "".join(f"k{i}: {i}\n" for i in range(5000))
    plain = parse_yaml(text, "many.yaml").plain()
    assert len(plain) == 5001
    assert plain["k4999"] == 4999


def test_nesting_up_to_the_limit_is_fine() -> None:
    depth = MAX_DEPTH - 1  # the top-level mapping is the first level
    doc = parse_yaml("a: " + "[" * depth + "]" * depth + "\n", "deep.yaml")
    node = doc.plain()["a"]
    for _ in range(depth - 1):
        node = node[0]
    assert node == []
    with pytest.raises(InputError):
        parse_yaml("a: " + "[" * (depth + 1) + "]" * (depth + 1) + "\n", "deep.yaml")


# --- positions --------------------------------------------------------------------------

POSITIONS_YAML = """\
schema_version: 1
plan:
  title: Piano locale
  period: {start: 2024-01, end: 2026-12}
  office:
  authors: [Ufficio di piano, Servizi sociali]
  adoption: {}
measures:
  - id: M1
    budget:
      - {amount: 150000.00, source: fnpm}
      - amount: 1693747.15
        note: >
          testo
  -   id: M2
"""


@pytest.fixture(scope="module")
def positions_doc() -> YamlDocument:
    return parse_yaml(POSITIONS_YAML, "piano.yaml")


@pytest.mark.parametrize(
    ("loc", "key", "expected"),
    [
        ((), False, (1, 1)),
        (("schema_version",), False, (1, 17)),
        (("plan",), True, (2, 1)),
        (("plan",), False, (3, 3)),  # a block mapping starts at its first key
        (("plan", "title"), False, (3, 10)),
        (("plan", "title"), True, (3, 3)),
        (("plan", "period", "end"), False, (4, 33)),
        (("plan", "period", "end"), True, (4, 28)),
        (("plan", "authors", 1), False, (6, 31)),
        (("measures",), False, (9, 3)),
        (("measures", 0), False, (9, 5)),
        (("measures", 1), False, (15, 7)),
        (("measures", 1, "id"), False, (15, 11)),
        (("measures", 0, "budget", 0, "amount"), False, (11, 18)),
        (("measures", 0, "budget", 0, "amount"), True, (11, 10)),
        (("measures", 0, "budget", 1, "amount"), False, (12, 17)),
        (("measures", 0, "budget", 1, "note"), False, (13, 15)),
        # an empty value has no text of its own: its key
        (("plan", "office"), False, (5, 3)),
        # missing keys: the first key of the mapping that should hold them
        (("plan", "status"), False, (3, 3)),
        (("plan", "status"), True, (3, 3)),
        (("plan", "period", "middle"), False, (4, 12)),
        (("measures", 1, "title"), False, (15, 7)),
        (("comune",), False, (1, 1)),
        (("comune", "name"), False, (1, 1)),
        # an empty mapping: where it starts
        (("plan", "adoption", "organ"), False, (7, 13)),
        # below an empty value or a scalar: the deepest existing node
        (("plan", "office", "name"), False, (5, 3)),
        (("plan", "title", "x", 3), False, (3, 10)),
        # missing list items and wrong kinds of step: the list itself
        (("measures", 7), False, (9, 3)),
        (("measures", 7, "id"), False, (9, 3)),
        (("measures", "M1"), False, (9, 3)),
        (("measures", True), False, (9, 3)),
        (("measures", -1), False, (9, 3)),
        (("measures", 0, "budget", 9, "amount"), False, (11, 7)),
    ],
)
def test_position(
    positions_doc: YamlDocument, loc: tuple[str | int, ...], key: bool, expected: tuple[int, int]
) -> None:
    assert positions_doc.position(loc, key=key) == expected


def test_position_of_int_keys_given_as_text() -> None:
    doc = parse_yaml("schema_version: 1\ncrops:\n  2024: mirtilli\n", "p.yaml")
    assert doc.position(("crops", 2024)) == (3, 9)
    assert doc.position(("crops", "2024")) == (3, 9)


def test_position_never_raises_on_trees_built_in_code() -> None:
    data = new_document_data({"schema_version": 1, "plan": {"title": "x"}, "list": [1, {}]})
    doc = YamlDocument(name="nuovo.yaml", text="", data=data)
    for loc in [(), ("plan",), ("plan", "title"), ("list", 1, "x"), ("nope", 3)]:
        line, column = doc.position(loc)
        assert line >= 1 and column >= 1
    assert YamlDocument(name="x", text="", data=None).position(("a",)) == (1, 1)


# --- dumping ----------------------------------------------------------------------------

ROUND_TRIP_YAML = """\
# Piano Locale Multisettoriale di Saluzzo
schema_version: 1  # formato del file
plan:
  national_plan: piano-triennale-2020-2022
  title: TITLE
  period: {start: 2024-01, end: 2026-12}
  version: '0.3'
  adoption: {organ: giunta, number: "45", date: 2024-05-10}
comune:
  name: Saluzzo
  istat_code: '004203'
# la sezione delle misure
measures:
  - id: M1   # alloggio
    actions: [5, 9]
    budget:
      - amount: 150000.00
        source: pnrr-m5c2-i2.2
      - amount: 1693747.15
  - id: M2
    description: |
      Primo paragrafo.

      Secondo paragrafo, con «virgolette» e accenti: perché.
""".replace(
    "TITLE",
    "Piano Locale Multisettoriale contro lo sfruttamento lavorativo in agricoltura "
    "e il caporalato nel territorio del Saluzzese",  # longer than any line width: never wrapped
)


def test_dump_round_trips_comments_order_and_formatting() -> None:
    doc = parse_yaml(ROUND_TRIP_YAML, "piano.yaml")
    assert dump_yaml(doc.data) == ROUND_TRIP_YAML


def test_dump_after_an_edit_keeps_comments() -> None:
    doc = parse_yaml(ROUND_TRIP_YAML, "piano.yaml")
    doc.data["plan"]["status"] = "adottato"
    doc.data["measures"][0]["budget"][0]["amount"] = Decimal("160000.50")
    out = dump_yaml(doc.data)
    assert "schema_version: 1  # formato del file\n" in out
    assert "  - id: M1   # alloggio\n" in out
    assert "# la sezione delle misure\nmeasures:\n" in out
    assert "date: 2024-05-10}\n  status: adottato\n" in out
    assert "      - amount: 160000.50\n" in out
    again = parse_yaml(out, "piano.yaml").plain()
    assert again["plan"]["status"] == "adottato"
    assert again["measures"][0]["budget"][0]["amount"] == Decimal("160000.5")


class _Status(enum.Enum):
    DRAFT = "bozza"


def test_new_document_data_dumps_in_house_style() -> None:
    plain = {
        "schema_version": 1,
        "plan": {
            "title": "Piano Locale Multisettoriale" + " molto lungo" * 12,
            "status": _Status.DRAFT,
            "version": "0.3",
            "authors": ("Ufficio di piano",),
            "adoption": {"date": datetime.date(2024, 5, 10), "number": "45"},
            "office": None,
        },
        "comune": {"istat_code": "004203", "name": "Saluzzo", "flag": "no"},
        "context": {"description": "Primo paragrafo.\n\nSecondo: città.\n"},
        "measures": [
            {"id": "M1", "budget": [{"amount": Decimal("150000.00")}, {"amount": Decimal("7")}]}
        ],
        "monitoring": {"reviews": []},
    }
    out = dump_yaml(new_document_data(plain))
    title = "Piano Locale Multisettoriale" + " molto lungo" * 12
    assert out == (
        "schema_version: 1\n"
        "plan:\n"
        f"  title: {title}\n"
        "  status: bozza\n"
        "  version: '0.3'\n"
        "  authors:\n"
        "    - Ufficio di piano\n"
        "  adoption:\n"
        "    date: 2024-05-10\n"
        "    number: '45'\n"
        "  office:\n"
        "comune:\n"
        "  istat_code: '004203'\n"
        "  name: Saluzzo\n"
        "  flag: 'no'\n"  # quoted for YAML 1.1 readers
        "context:\n"
        "  description: |\n"
        "    Primo paragrafo.\n"
        "\n"
        "    Secondo: città.\n"
        "measures:\n"
        "  - id: M1\n"
        "    budget:\n"
        "      - amount: 150000.00\n"
        "      - amount: 7\n"
        "monitoring:\n"
        "  reviews: []\n"
    )
    back = parse_yaml(out, "nuovo.yaml").plain()
    assert back["plan"]["title"] == title
    assert back["plan"]["status"] == "bozza"
    assert back["comune"]["istat_code"] == "004203"
    assert back["context"]["description"] == "Primo paragrafo.\n\nSecondo: città.\n"
    assert back["measures"][0]["budget"][0]["amount"] == Decimal("150000.00")


def test_new_document_data_refuses_unknown_types() -> None:
    with pytest.raises(TypeError):
        new_document_data({"a": object()})


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.recursive(
        st.none()
        | st.booleans()
        | st.integers(min_value=-(10**12), max_value=10**12)
        | st.text(st.characters(codec="utf-8"), max_size=30)
        | st.dates()
        | st.decimals(
            allow_nan=False, allow_infinity=False, places=2, min_value=-(10**9), max_value=10**9
        ),
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(st.from_regex(r"[a-z_]{1,8}", fullmatch=True), children, max_size=4)
        ),
        max_leaves=20,
    )
)
def test_new_document_data_round_trips_any_plain_value(value: Any) -> None:
    """Whatever a model dump holds comes back equal after dump and load."""
    out = dump_yaml(new_document_data({"value": value}))
    assert parse_yaml(out, "x.yaml").plain() == {"value": value}


@pytest.mark.parametrize(
    "text", ["a\x85b", "\x85", "fine riga\x85", "a\x85\nb", "\u2028\x85\u2029"]
)
def test_next_line_character_survives_dump_and_load(text: str) -> None:
    """U+0085 (NEL) is text in YAML 1.2, but ruamel reads a raw one as a line break."""
    out = dump_yaml(new_document_data({"v": text}))
    assert parse_yaml(out, "x.yaml").plain() == {"v": text}
    doc = parse_yaml('v: "a\\Nb"\nw: x\n', "x.yaml")  # already in a file, escaped
    doc.data["w"] = text  # a value set on a loaded document, as the wizard does
    again = parse_yaml(dump_yaml(doc.data), "x.yaml").plain()
    assert again == {"v": "a\x85b", "w": text}


@settings(max_examples=examples(200), deadline=None)
@example("a\x85b")
@given(st.text(st.characters(codec="utf-8")))
def test_any_text_survives_dump_and_load(text: str) -> None:
    out = dump_yaml(new_document_data({"v": text}))
    assert parse_yaml(out, "x.yaml").plain() == {"v": text}


# --- robustness: any input gives a document or an InputError ------------------------------

YAMLISH = st.lists(
    st.sampled_from(
        [
            "a",
            "plan",
            ":",
            ": ",
            " ",
            "  ",
            "\n",
            "\r\n",
            "\t",
            "- ",
            "[",
            "]",
            "{",
            "}",
            ",",
            "&x ",
            "*x",
            "!t ",
            "!!str ",
            "'",
            '"',
            "\\",
            "#",
            "|",
            ">",
            "? ",
            "<<",
            "2024-02-30",
            "2024-05-10",
            "1.5",
            "99999",
            "---",
            "...",
            "%YAML 1.1",
            "%TAG",
            "\x00",
            "\x07",
            "\ufeff",
            "é",
            "@",
            "`",
            "~",
            "null",
        ]
    ),
    max_size=40,
).map("".join)


def _parses_or_input_error(source: str | bytes) -> None:
    try:
        doc = parse_yaml(source, "x.yaml")
    except InputError as err:
        assert err.file == "x.yaml"
        assert err.message and err.hint
        if err.line is not None:
            assert err.line >= 1 and (err.column is None or err.column >= 1)
        return
    assert isinstance(doc.plain(), dict)
    doc.position(("a", 0, "b"))


@settings(max_examples=examples(300), deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_parse_or_fail_cleanly(data: bytes) -> None:
    _parses_or_input_error(data)


@settings(max_examples=examples(300), deadline=None)
@given(st.text(max_size=200))
def test_any_text_parses_or_fails_cleanly(text: str) -> None:
    _parses_or_input_error(text)


@settings(max_examples=examples(400), deadline=None)
@given(YAMLISH)
@example("%YAML 1.199999")
def test_yaml_like_text_parses_or_fails_cleanly(text: str) -> None:
    _parses_or_input_error(text)


def test_lone_surrogates_in_text_fail_cleanly() -> None:
    with pytest.raises(InputError) as info:
        parse_yaml("a: \ud800\n", "x.yaml")
    assert (info.value.line, info.value.column) == (1, 4)


def test_too_large_text_from_memory() -> None:
    with pytest.raises(InputError) as info:
        parse_yaml("a: " + "x" * MAX_BYTES, "x.yaml")
    assert "file troppo grande" in info.value.message


# --- atomic writes ----------------------------------------------------------------------


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def umask() -> Iterator[int]:
    old = os.umask(0o022)
    yield 0o022
    os.umask(old)


def test_atomic_write_creates_with_default_permissions(tmp_path: Path, umask: int) -> None:
    target = tmp_path / "piano.docx"
    atomic_write_bytes(target, b"contenuto")
    assert target.read_bytes() == b"contenuto"
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert _leftovers(tmp_path) == []


def test_atomic_write_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "piano.yaml"
    target.write_text("originale\n", encoding="utf-8")
    with pytest.raises(OutputExistsError) as info:
        atomic_write_text(target, "nuovo\n")
    assert str(info.value) == f"{target}: il file esiste già"
    assert info.value.hint is not None and "--force" in info.value.hint
    assert info.value.exit_code is ExitCode.USAGE
    assert target.read_text(encoding="utf-8") == "originale\n"
    assert _leftovers(tmp_path) == []


def test_atomic_write_with_force_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "piano.yaml"
    target.write_text("originale\n", encoding="utf-8")
    target.chmod(0o640)
    atomic_write_text(target, "nuovo\r\ncon CRLF e città\n", force=True)
    assert target.read_bytes() == "nuovo\r\ncon CRLF e città\n".encode()
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert _leftovers(tmp_path) == []


def test_atomic_writer_leaves_original_intact_when_the_writer_fails(tmp_path: Path) -> None:
    target = tmp_path / "piano.docx"
    target.write_bytes(b"documento buono")
    with pytest.raises(RuntimeError, match="rotto"), atomic_writer(target, force=True) as handle:
        handle.write(b"mezzo documento")
        raise RuntimeError("rotto")
    assert target.read_bytes() == b"documento buono"
    assert _leftovers(tmp_path) == []


def test_atomic_writer_streams_into_a_temp_file_in_the_same_folder(tmp_path: Path) -> None:
    target = tmp_path / "piano.docx"
    with atomic_writer(target) as handle:
        handle.write(b"PK")
        temps = _leftovers(tmp_path)
        assert len(temps) == 1 and temps[0].startswith(f".incas-{os.getpid()}-")
        assert not target.exists()
    assert target.read_bytes() == b"PK"
    assert _leftovers(tmp_path) == []


def test_atomic_writer_does_not_clobber_a_file_that_appeared_meanwhile(tmp_path: Path) -> None:
    target = tmp_path / "piano.yaml"
    with pytest.raises(OutputExistsError), atomic_writer(target) as handle:
        handle.write(b"mio")
        target.write_bytes(b"di un altro")
    assert target.read_bytes() == b"di un altro"
    assert _leftovers(tmp_path) == []


def test_atomic_write_into_a_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "manca" / "piano.docx"
    with pytest.raises(InputError) as info:
        atomic_write_bytes(target, b"x")
    assert str(info.value) == f"{target}: la cartella «{tmp_path / 'manca'}» non esiste"
    assert info.value.hint


def test_atomic_write_onto_a_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        atomic_write_bytes(tmp_path, b"x", force=True)
    assert "è una cartella" in info.value.message


@pytest.mark.skipif(IS_ROOT, reason="running as root: folder permissions do not stop root")
def test_atomic_write_into_a_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "sola-lettura"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(InputError) as info:
            atomic_write_bytes(folder / "piano.docx", b"x")
        assert "permesso negato" in info.value.message
    finally:
        folder.chmod(0o700)


def test_atomic_write_permission_problem_is_an_input_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def refuse(path: Any, flags: int, *args: Any, **kwargs: Any) -> Any:
        if flags & os.O_CREAT:  # the temporary file (root may write anywhere: simulate)
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(InputError) as info:
        atomic_write_bytes(tmp_path / "piano.docx", b"x")
    assert str(info.value) == (
        f"{tmp_path / 'piano.docx'}: permesso negato: non è possibile scrivere il file"
    )
