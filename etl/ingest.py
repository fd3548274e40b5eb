"""Ingest: find files, read their bytes, decode them to text.

Every problem with an input becomes a :class:`Rejected` with a one-line reason; the
caller quarantines it and goes on with the next file.
"""

from __future__ import annotations

import codecs
import glob
import hashlib
import html.parser
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from etl.records import Document, SourceFile

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_HANGUL = re.compile(r"[\uac00-\ud7a3]")

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a media file"),
)


class Rejected(Exception):
    """An input that cannot become an article, with the stage and a one-line reason."""

    def __init__(self, stage: str, reason: str, data: bytes | None = None) -> None:
        super().__init__(reason)
        self.stage = stage
        self.reason = reason
        self.data = data


def max_bytes() -> int:
    configured = os.environ.get("KBIO_MAX_FILE_MB")
    if configured:
        return int(float(configured) * 1024 * 1024)
    return DEFAULT_MAX_BYTES


def _walk(folder: str) -> list[str]:
    """Everything but folders under ``folder``, hidden names (and hidden folders) left out."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(os.path.join(root, f) for f in files if not f.startswith("."))
    return sorted(found)


def expand_paths(arguments: Iterable[str]) -> Iterator[Path]:
    """Files named directly, everything but folders under a folder (hidden names
    excepted), and glob matches. A name that matches nothing, a broken link or a pipe
    is yielded as it is, so reading it reports it in the quarantine."""
    seen: set[str] = set()
    for argument in arguments:
        expanded = os.path.expanduser(argument)
        if os.path.isdir(expanded):
            candidates = _walk(expanded)
        elif glob.has_magic(argument):
            candidates = sorted(
                p for p in glob.glob(expanded, recursive=True) if not os.path.isdir(p)
            )
        else:
            candidates = [expanded]
        for candidate in candidates:
            key = os.path.abspath(candidate)
            if key not in seen:
                seen.add(key)
                yield Path(candidate)


def missing_arguments(arguments: Iterable[str]) -> list[str]:
    """Arguments that name nothing at all: a path that does not exist, a glob that
    matches no file. (A broken link or a pipe exists, and goes to the quarantine.)"""
    missing = []
    for argument in arguments:
        expanded = os.path.expanduser(argument)
        if glob.has_magic(argument):
            if not any(not os.path.isdir(p) for p in glob.iglob(expanded, recursive=True)):
                missing.append(argument)
        elif not os.path.lexists(expanded):
            missing.append(argument)
    return missing


def stat_source(path: Path) -> SourceFile:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise Rejected("read", "file not found (it may have been moved or deleted)") from None
    except OSError as exc:
        raise Rejected("read", f"cannot read the file: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise Rejected("read", "not a regular file (a pipe, socket or device)")
    return SourceFile(
        path=path, source_name=path.name, size_bytes=info.st_size, mtime_ns=info.st_mtime_ns
    )


def read_bytes(source: SourceFile) -> bytes:
    limit = max_bytes()
    if source.size_bytes > limit:
        raise Rejected(
            "read",
            f"file is {source.size_bytes / 1048576:.1f} MB, over the {limit / 1048576:.0f} MB "
            "limit (set KBIO_MAX_FILE_MB to raise it)",
        )
    try:
        with source.path.open("rb") as handle:
            # Read one byte past the limit: a file that grew since stat() is still refused.
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise Rejected("read", "file disappeared before it could be read") from None
    except OSError as exc:
        raise Rejected("read", f"cannot read the file: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise Rejected("read", f"file is over the {limit / 1048576:.0f} MB limit")
    return data


def decode(data: bytes) -> tuple[str, str]:
    """Bytes to text and the name of the encoding used."""
    if not data.strip():
        raise Rejected("decode", "empty file", data)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise Rejected("decode", f"binary file ({what}), not article text", data)
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise Rejected("decode", f"invalid {name} text at byte {exc.start}", data) from None
    head = data[:8192]
    if head.count(b"\x00") > len(head) // 20:
        # Text has no NUL bytes, or a stray few (they are dropped); binaries have many.
        raise Rejected("decode", "binary file (many NUL bytes), not article text", data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            # A page cut off in the middle of its last character: keep everything before it.
            return data[: exc.start].decode("utf-8"), "utf-8 (truncated)"
        utf8_error = exc
    try:
        # Pages labelled EUC-KR are CP949 in practice (WHATWG): it is a superset that
        # also covers syllables such as 똠 and 햏.
        return data.decode("cp949"), "cp949"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding not in ("utf_8", "cp949", "euc_kr"):
        text = str(best)
        if not _HANGUL.search(text):
            raise Rejected(
                "decode",
                f"not UTF-8 or CP949 text (best guess {best.encoding}) and no Korean in it",
                data,
            )
        return text, best.encoding
    raise Rejected(
        "decode",
        f"not valid UTF-8 (byte {utf8_error.start}) nor CP949/EUC-KR text",
        data,
    )


class _TextFromHtml(html.parser.HTMLParser):
    _SKIP = {"script", "style", "noscript", "template", "svg", "head"}
    _BLOCK = {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "figure",
        "figcaption",
        "blockquote",
        "title",
        "dd",
        "dt",
        "nav",
        "aside",
        "main",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<meta|<div|<p[ >])", re.I)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:2048])) or len(re.findall(r"</(p|div|span|a)>", text)) > 5


def html_to_text(text: str) -> str:
    parser = _TextFromHtml()
    parser.feed(text)
    parser.close()
    lines = (
        re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in "".join(parser.parts).split("\n")
    )
    return "\n".join(line for line in lines if line)


def to_document(source: SourceFile, data: bytes) -> Document:
    text, encoding = decode(data)
    text = text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    if looks_like_html(text):
        text = html_to_text(text)
        encoding = f"{encoding}, html"
    if not _HANGUL.search(text):
        raise Rejected("decode", "no Korean text in the file", data)
    return Document(
        source=source,
        text=text,
        encoding=encoding,
        bytes_sha256=hashlib.sha256(data).hexdigest(),
        content_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )
