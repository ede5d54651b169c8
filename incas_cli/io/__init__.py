"""The only home of YAML: load plan files with positions, dump them, write files atomically.

Reading follows YAML 1.2, so ``no``/``yes`` stay text and ``2024-01`` stays text: through
ruamel.yaml's round-trip loader where a file is edited (:func:`load_yaml`), so comments and
key order survive an edit; through libyaml where it is only read (:func:`read_yaml`, same
data, positions and errors). A plan file is untrusted input: anchors and aliases (unbounded
expansion), explicit tags (object construction), merge keys, complex keys and deep nesting
are refused with a position, and every failure becomes an
:class:`~incas_cli.errors.InputError` with an Italian message.
"""

from incas_cli.io.atomic import (
    atomic_write_bytes,
    atomic_write_text,
    atomic_writer,
    stdout_writer,
    write_stdout,
)
from incas_cli.io.document import YamlDocument
from incas_cli.io.dump import dump_yaml, new_document_data
from incas_cli.io.limits import MAX_DEPTH
from incas_cli.io.load import (
    MAX_BYTES,
    input_name,
    load_yaml,
    parse_yaml,
    read_yaml,
    read_yaml_text,
)
from incas_cli.io.output import InputFiles, output_file

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "InputFiles",
    "YamlDocument",
    "atomic_write_bytes",
    "atomic_write_text",
    "atomic_writer",
    "dump_yaml",
    "input_name",
    "load_yaml",
    "new_document_data",
    "output_file",
    "parse_yaml",
    "read_yaml",
    "read_yaml_text",
    "stdout_writer",
    "write_stdout",
]
