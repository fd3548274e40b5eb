"""Errors a user can act on, each with the exit code the CLI documents."""

from __future__ import annotations

EXIT_OK = 0
EXIT_QUARANTINED = 1  # the run finished, but some inputs were quarantined
EXIT_USAGE = 2  # bad arguments or configuration (click uses 2 for usage errors too)
EXIT_DATABASE = 3  # the database could not be reached
EXIT_BUSY = 4  # another load holds the lock
EXIT_CHECKS = 5  # `kbio check` found rows that break a rule


def one_line(exc: BaseException) -> str:
    """An unexpected error as one line (its type and the first line of its message):
    a quarantine reason, or what ``kbio extract`` prints before ``please report``."""
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {message}"[:500]


class KbioError(Exception):
    """An error whose message is one sentence telling the user what to do."""

    exit_code = EXIT_USAGE


class UsageError(KbioError):
    exit_code = EXIT_USAGE


class DatabaseUnreachable(KbioError):
    exit_code = EXIT_DATABASE


class LoadBusy(KbioError):
    exit_code = EXIT_BUSY


class LoadLockLost(KbioError):
    """The run no longer holds the load lock (its session was ended, or another run took
    over): it stops before writing more, and the next run completes the load."""

    exit_code = EXIT_DATABASE
