"""Per-plan records kept on disk, not in memory: a comparison of 8,000 plans keeps its
rows in a JSON-lines file (one record a line, in the order they came) in a temporary
folder of incas's own (:func:`incas_cli.scratch.temp_dir`: recognisable, swept if the
process is killed), and reads them back, as often as a writer needs them, one at a time.

:class:`Replay` is what the tables hand the writers: a sequence that knows its length
and makes its items again on every pass (from the file, or from another replay).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar, overload

T = TypeVar("T")
U = TypeVar("U")


class Replay(Sequence[T]):
    """``count`` items made again by ``make`` on every pass; indexing walks the items
    (meant for tests and short tables: the writers only iterate)."""

    def __init__(self, make: Callable[[], Iterator[T]], count: int) -> None:
        self._make = make
        self._count = count

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[T]:
        return self._make()

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...

    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        if isinstance(index, slice):
            return tuple(self)[index]
        position = index + len(self) if index < 0 else index
        if not 0 <= position < len(self):
            raise IndexError(index)
        return next(itertools.islice(iter(self), position, None))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({len(self)} items)"


def mapped(source: Sequence[T], convert: Callable[[T], U]) -> Replay[U]:
    """``convert`` of each item of ``source``, on every pass."""
    return Replay(lambda: map(convert, source), len(source))


def flattened(source: Sequence[T], convert: Callable[[T], Iterable[U]], count: int) -> Replay[U]:
    """The items ``convert`` makes of each item of ``source`` (``count`` in all)."""

    def make() -> Iterator[U]:
        for item in source:
            yield from convert(item)

    return Replay(make, count)


class Records(Replay[T]):
    """Records appended to a JSON-lines file as they come, read back in order."""

    def __init__(self, path: Path, encode: Callable[[T], Any], decode: Callable[[Any], T]) -> None:
        super().__init__(self._read, 0)
        self._path = path
        self._encode = encode
        self._decode = decode
        self._file = path.open("w", encoding="utf-8", newline="\n")

    def append(self, record: T) -> None:
        line = json.dumps(self._encode(record), ensure_ascii=False, separators=(",", ":"))
        self._file.write(line + "\n")
        self._count += 1

    def _read(self) -> Iterator[T]:
        count = self._count
        if not self._file.closed:
            self._file.flush()
        with self._path.open(encoding="utf-8", newline="\n") as lines:
            for line in itertools.islice(lines, count):
                yield self._decode(json.loads(line))

    def close(self) -> None:
        """Stop appending (the records can still be read until the file is removed)."""
        self._file.close()
