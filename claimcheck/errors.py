"""User-facing errors with stable codes, and the exit codes of the command line."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Every exit code claimcheck uses, in one place."""

    OK = 0
    NEW_CONTRADICTIONS = 1
    USAGE = 2


class ClaimcheckError(Exception):
    """A problem with the user's input, shown as one line and exit code 2.

    ``code`` is stable (``E012``) and listed in README's error catalog; ``fix``
    says what to do about it.
    """

    def __init__(
        self,
        code: str,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        fix: str = "",
    ) -> None:
        self.code = code
        self.message = message
        self.path = path
        self.line = line
        self.fix = fix
        super().__init__(self.one_line())

    def one_line(self) -> str:
        """``[E012] claims.yaml line 14: <message> (<fix>)``."""
        where = ""
        if self.path is not None:
            where = self.path
            if self.line is not None:
                where += f" line {self.line}"
            where += ": "
        fix = f"; {self.fix}" if self.fix else ""
        return f"[{self.code}] {where}{self.message}{fix}"
