"""Where the project's bundled files (migrations, SQL, seeds) live.

An editable install reads them from the source tree next to the package; a wheel
carries them in ``etl/_bundled``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resource(name: str) -> Path:
    """Return the directory holding ``name`` (``migrations``, ``sql`` or ``seeds``)."""
    for base in (_PACKAGE / "_bundled", _PACKAGE.parent):
        candidate = base / name
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"kbio is missing its bundled '{name}' directory; reinstall the package"
    )


def migrations_dir() -> Path:
    return resource("migrations")


def seeds_dir() -> Path:
    return resource("seeds")
