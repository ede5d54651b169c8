"""A Comune's ``--template`` read as untrusted input: limits, then only a letterhead's parts.

A Word file is a zip of XML parts joined by relationships. What a letterhead needs is
kept: styles, numbering, the headers and footers with their own (local, modest) images and
web links, the theme, the fonts, the settings, the core properties; the body is emptied,
as the document writer would empty it. Everything else is dropped, and said:

- macros (a VBA project), embedded objects and controls, custom XML, comments, glossary;
- relationships that point outside the package (a remote ``attachedTemplate``, an
  external image) and links whose scheme is not ``http``, ``https`` or ``mailto``
  (``javascript:``, ``file:``); the elements that used them lose the link, or go;
- images over :data:`MAX_IMAGE_BYTES` or :data:`MAX_IMAGE_PIXELS`, and SVG images.

Refused outright, with an Italian message: a file or a part over its size limit, a part
that unzips far beyond its compressed size (a zip bomb), too many parts, XML with a
``DOCTYPE`` (entities: a Word file never has one) or that is not well-formed.

XML is parsed with lxml without entities, DTDs or network access.
"""

from __future__ import annotations

import io
import posixpath
import struct
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from incas_cli.errors import InputError
from incas_cli.messages import render as render_msg
from incas_cli.messages import template as msg

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ENTRIES = 500
MAX_XML_BYTES = 5 * 1024 * 1024
MAX_TOTAL_BYTES = 60 * 1024 * 1024
MAX_RATIO = 100
"""Unzipped size over compressed size beyond which a part over 1 MB is a zip bomb."""
MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_FONT_BYTES = 15 * 1024 * 1024
MAX_IMAGE_PIXELS = 25_000_000
"""A letterhead's logo is a few hundred pixels wide; 25 megapixels is a large photo."""

_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PR = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_MAIN_TYPES = {
    _DOCUMENT_TYPE,
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}
_RELS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"
_SAFE_SCHEMES = ("http://", "https://", "mailto:")

#: The part a relationship leads to -> the relationship types it may have (last segment).
_ALLOWED: dict[str, frozenset[str]] = {
    "package": frozenset({"officeDocument", "core-properties", "extended-properties"}),
    "officeDocument": frozenset(
        {
            "styles",
            "stylesWithEffects",
            "numbering",
            "header",
            "footer",
            "theme",
            "fontTable",
            "settings",
            "webSettings",
            "footnotes",
            "endnotes",
        }
    ),
    "header": frozenset({"image", "hyperlink"}),
    "footer": frozenset({"image", "hyperlink"}),
    "footnotes": frozenset({"image", "hyperlink"}),
    "endnotes": frozenset({"image", "hyperlink"}),
    "fontTable": frozenset({"font"}),
}
_XML_KINDS = _ALLOWED["officeDocument"] | {
    "officeDocument",
    "core-properties",
    "extended-properties",
}
"""The parts read as XML (relationships filtered, dropped links removed); the rest (images,
fonts) are kept as bytes."""
#: settings.xml children that point outside the document (the attached template, a mail
#: merge data source, an XSLT applied on save).
_SETTINGS_DROPPED = ("attachedTemplate", "mailMerge", "saveThroughXslt", "attachedSchema")
#: Elements that hold a dropped relationship and go with it (else the nearest is unlinked).
_HOLDERS = ("drawing", "pict", "object")
#: Elements that are nothing without their relationship.
_REFERENCES = ("headerReference", "footerReference")


@dataclass
class Cleaned:
    """The template as a package python-docx may open, and what was dropped from it."""

    data: bytes
    dropped: list[str] = field(default_factory=list)


def clean_template(path: Path, data: bytes) -> Cleaned:
    """``data`` (the bytes of ``path``) without what a letterhead does not need."""
    reader = _Reader(path, data)
    return reader.clean()


class _Reader:
    def __init__(self, path: Path, data: bytes) -> None:
        self.path = path
        if len(data) > MAX_FILE_BYTES:
            self._refuse(msg.TEMPLATE_TOO_LARGE.format(megabytes=MAX_FILE_BYTES // 2**20))
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            self._unreadable()
        if len(infos) > MAX_ENTRIES:
            self._refuse(msg.TEMPLATE_TOO_MANY_PARTS.format(limit=MAX_ENTRIES))
        self.infos = {info.filename: info for info in infos}
        self.total = 0
        self.parts: dict[str, bytes] = {}
        self.types: dict[str, str] = {}
        self.dropped: list[str] = []
        self.kinds: dict[str, str] = {}
        self.raw: dict[str, bytes] = {}
        """The bytes of each XML part as read: kept as they are when nothing changed."""

    # --- reading with limits ----------------------------------------------------------

    def _refuse(self, message: str) -> Any:
        raise InputError(message, hint=msg.TEMPLATE_REFUSED_HINT, file=self.path)

    def _unreadable(self) -> Any:
        raise InputError(
            render_msg.TEMPLATE_UNREADABLE, hint=render_msg.TEMPLATE_UNREADABLE_HINT, file=self.path
        )

    def _read(self, name: str, limit: int) -> bytes:
        info = self.infos[name]
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            self._refuse(msg.TEMPLATE_BOMB.format(part=name))
        if info.file_size > limit:
            self._refuse(msg.TEMPLATE_PART_TOO_LARGE.format(part=name, megabytes=_mb(limit)))
        try:
            with self.zip.open(info) as stream:
                data = stream.read(limit + 1)  # the header's size is not trusted
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
            self._unreadable()
        if len(data) > limit:
            self._refuse(msg.TEMPLATE_PART_TOO_LARGE.format(part=name, megabytes=_mb(limit)))
        self.total += len(data)
        if self.total > MAX_TOTAL_BYTES:
            self._refuse(msg.TEMPLATE_TOO_LARGE_UNZIPPED.format(megabytes=_mb(MAX_TOTAL_BYTES)))
        return data

    def _xml(self, name: str) -> Any:
        data = self.raw[name] = self._read(name, MAX_XML_BYTES)
        if b"<!DOCTYPE" in data:  # only a DTD (entities) has it unescaped, or a comment
            self._refuse(msg.TEMPLATE_DOCTYPE.format(part=name))
        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
        )
        try:
            root = etree.fromstring(data, parser)
        except etree.XMLSyntaxError:
            self._refuse(msg.TEMPLATE_BAD_XML.format(part=name))
        if root.getroottree().docinfo.doctype:
            self._refuse(msg.TEMPLATE_DOCTYPE.format(part=name))
        return root

    # --- the walk -----------------------------------------------------------------------

    def clean(self) -> Cleaned:
        if "[Content_Types].xml" not in self.infos or "_rels/.rels" not in self.infos:
            self._unreadable()
        types = self._xml("[Content_Types].xml")
        defaults = {
            (d.get("Extension") or "").lower(): d.get("ContentType") or ""
            for d in types.findall(f"{{{_CT}}}Default")
        }
        overrides = {
            (o.get("PartName") or "").lstrip("/"): o.get("ContentType") or ""
            for o in types.findall(f"{{{_CT}}}Override")
        }
        self._walk("", "package", defaults, overrides)
        if not any(kind == "officeDocument" for kind in self.kinds.values()):
            self._unreadable()
        return Cleaned(self._package(defaults), self.dropped)

    def _walk(
        self, source: str, kind: str, defaults: dict[str, str], overrides: dict[str, str]
    ) -> None:
        pending = [(source, kind)]
        seen = {source}
        while pending:
            part, part_kind = pending.pop(0)
            rels_name = _rels_name(part)
            allowed = _ALLOWED.get(part_kind, frozenset())
            dropped_ids: set[str] = set()
            if rels_name in self.infos:
                rels = self._xml(rels_name)
                for rel in list(rels):
                    target, rel_kind, keep = self._judge(part, rel, allowed)
                    if not keep:
                        dropped_ids.add(rel.get("Id") or "")
                        rels.remove(rel)
                        continue
                    if target is not None and target not in seen:
                        seen.add(target)
                        pending.append((target, rel_kind))
                changed = bool(dropped_ids)
                self.parts[rels_name] = _serialize(rels) if changed else self.raw[rels_name]
            if not part:
                continue
            self.kinds[part] = part_kind
            self.types[part] = overrides.get(part) or defaults.get(_extension(part), "")
            if part_kind in _XML_KINDS:
                root = self._xml(part)
                changed = _unlink(root, dropped_ids)
                if part_kind == "officeDocument":
                    changed = True
                    _empty_body(root)
                    if self.types[part] in _MAIN_TYPES:
                        self.types[part] = _DOCUMENT_TYPE
                elif part_kind == "settings":
                    changed = _clean_settings(root) or changed
                self.parts[part] = _serialize(root) if changed else self.raw[part]
            else:
                self.parts[part] = self._binary(part, part_kind)

    def _judge(
        self, source: str, rel: Any, allowed: frozenset[str]
    ) -> tuple[str | None, str, bool]:
        """(internal target, kind, keep) of one relationship of ``source``."""
        rel_type = (rel.get("Type") or "").rsplit("/", 1)[-1]
        target = rel.get("Target") or ""
        if rel_type not in allowed:
            if rel_type in msg.TEMPLATE_PART_KINDS:  # the rest (thumbnail, comments) silently
                kind = msg.TEMPLATE_PART_KINDS[rel_type]
                self._note(msg.TEMPLATE_DROPPED_PART.format(kind=kind, part=_short(target)))
            return None, rel_type, False
        if rel.get("TargetMode") == "External":
            if rel_type == "hyperlink" and target.lower().startswith(_SAFE_SCHEMES):
                return None, rel_type, True
            self._note(msg.TEMPLATE_DROPPED_EXTERNAL.format(target=_short(target)))
            return None, rel_type, False
        resolved = _resolve(source, target)
        if resolved is None or resolved not in self.infos:
            self._note(msg.TEMPLATE_DROPPED_MISSING.format(part=_short(target)))
            return None, rel_type, False
        if rel_type == "image" and not self._image_ok(resolved):
            return None, rel_type, False
        return resolved, rel_type, True

    def _image_ok(self, name: str) -> bool:
        info = self.infos[name]
        if _extension(name) == "svg":
            self._note(msg.TEMPLATE_DROPPED_SVG.format(part=name))
            return False
        if info.file_size > MAX_IMAGE_BYTES:
            self._note(msg.TEMPLATE_DROPPED_IMAGE.format(part=name, megabytes=_mb(MAX_IMAGE_BYTES)))
            return False
        size = image_size(self._read(name, MAX_IMAGE_BYTES))
        self.total -= info.file_size  # read again when kept
        if size is not None and size[0] * size[1] > MAX_IMAGE_PIXELS:
            self._note(
                msg.TEMPLATE_DROPPED_PIXELS.format(
                    part=name, width=size[0], height=size[1], megapixels=MAX_IMAGE_PIXELS // 10**6
                )
            )
            return False
        return True

    def _binary(self, part: str, kind: str) -> bytes:
        limit = {"image": MAX_IMAGE_BYTES, "font": MAX_FONT_BYTES}.get(kind, MAX_XML_BYTES)
        return self._read(part, limit)

    def _note(self, text: str) -> None:
        if text not in self.dropped:
            self.dropped.append(text)

    def _package(self, defaults: dict[str, str]) -> bytes:
        types = etree.Element(f"{{{_CT}}}Types", nsmap={None: _CT})
        for extension, content_type in sorted(defaults.items()):
            if extension in ("rels", "xml") or any(_extension(p) == extension for p in self.parts):
                etree.SubElement(
                    types, f"{{{_CT}}}Default", Extension=extension, ContentType=content_type
                )
        if "rels" not in defaults:
            etree.SubElement(types, f"{{{_CT}}}Default", Extension="rels", ContentType=_RELS_TYPE)
        for part, content_type in sorted(self.types.items()):
            if content_type and content_type != defaults.get(_extension(part)):
                etree.SubElement(
                    types, f"{{{_CT}}}Override", PartName="/" + part, ContentType=content_type
                )
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
            package.writestr("[Content_Types].xml", _serialize(types))
            for name in sorted(self.parts):
                package.writestr(name, self.parts[name])
        return out.getvalue()


# --- XML surgery --------------------------------------------------------------------------


def _serialize(root: Any) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _unlink(root: Any, dropped: set[str]) -> bool:
    """Remove what used a dropped relationship: a link loses its target, a picture goes.
    Whether anything changed."""
    changed = False
    if not dropped:
        return changed
    for element in list(root.iter()):
        names = [a for a, v in element.attrib.items() if a.startswith(f"{{{_R}}}") and v in dropped]
        if not names:
            continue
        local = etree.QName(element).localname
        holder = next(
            (a for a in element.iterancestors() if etree.QName(a).localname in _HOLDERS), None
        )
        if local in _REFERENCES:
            holder = element
        changed = True
        if local == "hyperlink" or holder is None:
            for name in names:
                del element.attrib[name]
        elif holder.getparent() is not None:
            holder.getparent().remove(holder)
    return changed


def _empty_body(root: Any) -> None:
    body = root.find(f"{{{_W}}}body")
    if body is None:
        return
    for child in list(body):
        if child.tag != f"{{{_W}}}sectPr":
            body.remove(child)


def _clean_settings(root: Any) -> bool:
    changed = False
    for name in _SETTINGS_DROPPED:
        for element in root.findall(f"{{{_W}}}{name}"):
            root.remove(element)
            changed = True
    return changed


# --- names --------------------------------------------------------------------------------


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _resolve(source: str, target: str) -> str | None:
    """The package part a relationship's target names, or None if it leaves the package."""
    if "\\" in target or ":" in target:
        return None
    base = "" if target.startswith("/") else posixpath.dirname(source)
    joined = posixpath.normpath(posixpath.join("/", base, target.lstrip("/")))
    resolved = joined.lstrip("/")
    return resolved or None


def _extension(part: str) -> str:
    return part.rsplit(".", 1)[-1].lower() if "." in part else ""


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _mb(size: int) -> int:
    return size // 2**20


# --- images -------------------------------------------------------------------------------


def image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height of a PNG, GIF or JPEG from its header; None for other formats."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return int(width), int(height)
    if data[:2] == b"\xff\xd8":
        return _jpeg_size(data)
    return None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        length = struct.unpack(">H", data[i + 2 : i + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[i + 5 : i + 9])
            return int(width), int(height)
        i += 2 + length
    return None
