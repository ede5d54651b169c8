"""LibreOffice worker: run with the Python that has ``uno`` (Debian: ``/usr/bin/python3``).

This file is shipped inside the package but is never imported by incas itself: the
project's interpreter usually cannot import ``uno`` (python3-uno belongs to the system
Python), so ``incas_cli.publish`` runs this script as a subprocess::

    /usr/bin/python3 uno_worker.py SESSION.json

The session file (JSON) says which LibreOffice to start, with which private user profile
and on which private pipe. The worker starts that ``soffice``, connects to it and answers
``{"ready": true}`` on stdout; then it reads jobs from stdin, one JSON object a line (which
document to load, which indexes to refresh, which properties to set, where to store the
result with which filter), does each through the UNO API and answers each with one line,
``{"ok": true}`` or ``{"ok": false, "code": EXIT_*, "reason": "..."}``. On ``{"quit":
true}`` it terminates its ``soffice`` and exits (the caller starts a fresh worker on the
same profile); when it ends for any other reason (the end of stdin: the caller is done,
or died; a failure) it also removes the session's folder if the session file names one
(``cleanup``). A failure to start answers
``{"ready": false, ...}`` and exits with its ``EXIT_*`` code. The caller owns the time
limits (it kills the whole process group) and decides when to start a fresh worker.

Keep this file compatible with older system Pythons (3.8+): no ``match``, no runtime use
of ``X | Y`` types.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
from typing import IO, Any

EXIT_USAGE = 2
EXIT_NO_UNO = 3
EXIT_START = 4
EXIT_CONNECT = 5
EXIT_LOAD = 6
EXIT_STORE = 7

_CONNECT_POLL = 0.1


class WorkerError(Exception):
    def __init__(self, code: int, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def _file_url(path: str) -> str:
    import uno

    return str(uno.systemPathToFileUrl(os.path.abspath(path)))


def _prop(name: str, value: Any) -> Any:
    from com.sun.star.beans import PropertyValue

    prop = PropertyValue()
    prop.Name = name
    prop.Value = value
    return prop


def _filter_data(options: dict[str, Any]) -> Any:
    """FilterData must reach UNO as a typed ``[]com.sun.star.beans.PropertyValue``."""
    import uno

    values = tuple(_prop(k, v) for k, v in sorted(options.items()))
    return uno.Any("[]com.sun.star.beans.PropertyValue", values)


def _start_office(session: dict[str, Any]) -> subprocess.Popen[bytes]:
    profile_url = _file_url(session["profile_dir"])
    args = [
        session["soffice"],
        "-env:UserInstallation=" + profile_url,
        "--headless",
        "--invisible",
        "--norestore",
        "--nologo",
        "--nodefault",
        "--nolockcheck",
        "--nofirststartwizard",
        "--accept=pipe,name=" + session["pipe"] + ";urp;StarOffice.ComponentContext",
    ]
    log = open(session["log"], "wb")  # noqa: SIM115 - handed to the child, closed by the OS
    try:
        return subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
    except OSError as err:
        raise WorkerError(EXIT_START, f"cannot start {session['soffice']}: {err}") from err


def _connect(session: dict[str, Any], office: subprocess.Popen[bytes]) -> Any:
    import uno
    from com.sun.star.connection import NoConnectException

    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    url = "uno:pipe,name=" + session["pipe"] + ";urp;StarOffice.ComponentContext"
    deadline = time.monotonic() + float(session.get("connect_timeout", 60))
    while True:
        try:
            return resolver.resolve(url)
        except NoConnectException:
            if office.poll() is not None:
                raise WorkerError(
                    EXIT_START, f"soffice exited with code {office.returncode} before accepting"
                ) from None
            if time.monotonic() > deadline:
                raise WorkerError(EXIT_CONNECT, "soffice did not accept connections") from None
            time.sleep(_CONNECT_POLL)


def _locale(tag: str) -> Any:
    from com.sun.star.lang import Locale

    language, _, country = tag.replace("_", "-").partition("-")
    return Locale(language, country, "")


def _update_indexes(doc: Any) -> None:
    """Refresh every index (TOC) twice: the first pass can move the pages it points to."""
    indexes = doc.getDocumentIndexes()
    for _ in range(2):
        for i in range(indexes.getCount()):
            indexes.getByIndex(i).update()
        doc.getTextFields().refresh()


def _set_properties(doc: Any, props: dict[str, Any]) -> None:
    info = doc.getDocumentProperties()
    if props.get("title") is not None:
        info.Title = props["title"]
    if props.get("subject") is not None:
        info.Subject = props["subject"]
    if props.get("author") is not None:
        info.Author = props["author"]
        info.ModifiedBy = props["author"]
    if props.get("keywords") is not None:
        info.Keywords = tuple(props["keywords"])
    if props.get("language"):
        locale = _locale(props["language"])
        info.Language = locale
        # The PDF's /Lang comes from the document's default language, not from the
        # document properties.
        doc.setPropertyValue("CharLocale", locale)


def _work(job: dict[str, Any], desktop: Any) -> None:
    load_args = (
        _prop("Hidden", True),
        _prop("ReadOnly", False),
        _prop("UpdateDocMode", 0),  # never ask, never update links to other files
        _prop("MacroExecutionMode", 0),  # never run macros
    )
    try:
        doc = desktop.loadComponentFromURL(_file_url(job["input"]), "_blank", 0, load_args)
    except Exception as err:
        raise WorkerError(EXIT_LOAD, f"load failed: {err}") from err
    if doc is None:
        raise WorkerError(EXIT_LOAD, "load returned no document")
    try:
        if job.get("update_indexes", True):
            _update_indexes(doc)
        _set_properties(doc, job.get("properties") or {})
        store_args = [_prop("FilterName", job["filter"]), _prop("Overwrite", True)]
        if job.get("filter_options"):
            store_args.append(_prop("FilterOptions", job["filter_options"]))
        if job.get("filter_data"):
            store_args.append(_prop("FilterData", _filter_data(job["filter_data"])))
        try:
            doc.storeToURL(_file_url(job["output"]), tuple(store_args))
        except Exception as err:
            raise WorkerError(EXIT_STORE, f"store failed: {err}") from err
    finally:
        try:
            doc.close(True)
        except Exception:
            doc.dispose()


def _stop_office(desktop: Any, office: subprocess.Popen[bytes]) -> None:
    if desktop is not None:
        # The bridge goes down with the office: an exception here is expected.
        with contextlib.suppress(Exception):
            desktop.terminate()
    try:
        office.wait(timeout=15)
    except subprocess.TimeoutExpired:
        office.kill()
        office.wait()


def _answer(channel: IO[str], message: dict[str, Any]) -> None:
    channel.write(json.dumps(message) + "\n")
    channel.flush()


def serve(session: dict[str, Any], jobs: IO[str], channel: IO[str]) -> int:
    """Start the office, then do the jobs read from ``jobs`` until their end."""
    try:
        import uno  # noqa: F401
    except ImportError as err:
        _answer(channel, {"ready": False, "code": EXIT_NO_UNO, "reason": f"no uno: {err}"})
        return EXIT_NO_UNO
    office = None
    desktop = None
    quit_asked = False  # a quit keeps the folder: the caller starts a fresh worker on it
    try:
        try:
            office = _start_office(session)
            ctx = _connect(session, office)
            desktop = ctx.ServiceManager.createInstanceWithContext(
                "com.sun.star.frame.Desktop", ctx
            )
        except WorkerError as err:
            _answer(channel, {"ready": False, "code": err.code, "reason": err.reason})
            return err.code
        _answer(channel, {"ready": True})
        for line in jobs:
            if not line.strip():
                continue
            job = json.loads(line)
            if job.get("quit"):
                quit_asked = True
                return 0
            try:
                _work(job, desktop)
            except WorkerError as err:
                _answer(channel, {"ok": False, "code": err.code, "reason": err.reason})
            except Exception as err:  # the office went away, a bad job: the caller restarts
                _answer(channel, {"ok": False, "code": EXIT_STORE, "reason": repr(err)})
            else:
                _answer(channel, {"ok": True})
        return 0
    finally:
        if office is not None:
            _stop_office(desktop, office)
        # Anything else (the end of stdin, a caller gone while this office was starting,
        # a failure): the folder goes, or it would outlive a caller that died.
        if not quit_asked and session.get("cleanup"):
            shutil.rmtree(session["cleanup"], ignore_errors=True)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        sys.stderr.write("usage: uno_worker.py SESSION.json\n")
        return EXIT_USAGE
    try:
        with open(argv[1], encoding="utf-8") as fh:
            session = json.load(fh)
    except (OSError, ValueError) as err:
        sys.stderr.write(f"cannot read session: {err}\n")
        return EXIT_USAGE
    # Answers go to the real stdout only: whatever UNO or LibreOffice print goes to stderr.
    channel = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    try:
        return serve(session, sys.stdin, channel)
    finally:
        with contextlib.suppress(OSError):
            channel.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
