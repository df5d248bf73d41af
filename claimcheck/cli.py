"""The ``claimcheck`` command line: parse options, call the pipeline, pick the exit code."""

from __future__ import annotations

import os
import sys
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from claimcheck import __version__
from claimcheck.config import Config, find_config, load_config
from claimcheck.errors import ClaimcheckError, ExitCode
from claimcheck.model import Report
from claimcheck.pipeline import Progress, ScanOptions, run
from claimcheck.report import Format, render
from claimcheck.report.text import summary_line

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Find where news articles about the same events contradict each other.",
)

DirArg = Annotated[
    Path, typer.Argument(help="Folder (or file) of articles to read.", show_default=True)
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option("--config", help="claims.yaml to use (default: found from DIR upwards)."),
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")]
IncludeOpt = Annotated[
    list[str] | None, typer.Option("--include", help="Only read files matching this glob.")
]
ExcludeOpt = Annotated[
    list[str] | None, typer.Option("--exclude", help="Skip files matching this glob.")
]
JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs", "-j", min=1, help="Processes that read and extract (default: all cores)."
    ),
]
NoCacheOpt = Annotated[
    bool,
    typer.Option("--no-cache", help="Extract every file again; don't read or write the cache."),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Find where news articles about the same events contradict each other."""


@contextmanager
def user_errors(debug: bool) -> Iterator[None]:
    """Turn a user error into one red line on stderr and exit code 2."""
    try:
        yield
    except ClaimcheckError as exc:
        if debug:
            traceback.print_exc()
        _fail(exc.one_line())
    except OSError as exc:
        if debug:
            traceback.print_exc()
        where = f"{exc.filename}: " if exc.filename else ""
        _fail(f"[E090] {where}{exc.strerror or exc}; check the path and permissions")
    except (typer.Exit, KeyboardInterrupt):
        raise
    except Exception as exc:  # a bug, not bad input: still one line unless --debug
        if debug:
            traceback.print_exc()
        _fail(
            f"[E099] internal error ({type(exc).__name__}: {exc}); "
            "please report it with the output of --debug"
        )


def _fail(message: str) -> NoReturn:
    from rich.console import Console

    Console(stderr=True, highlight=False, soft_wrap=True).print(message, style="red", markup=False)
    raise typer.Exit(ExitCode.USAGE)


def _config(scan_path: Path, config_path: Path | None) -> Config:
    if config_path is not None:
        if not config_path.is_file():
            raise ClaimcheckError(
                "E012", "config file not found", path=str(config_path), fix="check --config"
            )
        return load_config(config_path)
    found = find_config(scan_path)
    return load_config(found) if found is not None else Config()


def _scan(scan_path: Path, config: Config, options: ScanOptions, quiet: bool = False) -> Report:
    if not scan_path.exists():
        raise ClaimcheckError(
            "E020", "no such file or folder", path=str(scan_path), fix="give a folder of articles"
        )
    with progress_bar(enabled=not quiet) as progress:
        return run(scan_path, config, options, progress=progress, warn=_warn)


def _options(
    include: list[str] | None, exclude: list[str] | None, jobs: int | None, no_cache: bool
) -> ScanOptions:
    return ScanOptions(tuple(include or ()), tuple(exclude or ()), jobs=jobs, cache=not no_cache)


def _warn(message: str) -> None:
    typer.echo(f"warning: {message}", err=True)


@contextmanager
def progress_bar(enabled: bool) -> Iterator[Progress]:
    """A rich progress bar on stderr that appears once a run has taken a second.

    Nothing is drawn when stderr is not a terminal or the bar is not ``enabled``.
    """
    if not enabled or not sys.stderr.isatty():
        yield lambda _stage, _done, _total: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as Bar

    bar = Bar(
        TextColumn("{task.description:>8}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
        auto_refresh=False,  # no drawing thread: the pool forks worker processes
    )
    task = bar.add_task("", total=None)
    shown = ""
    began = last = time.monotonic()

    def show(stage: str, done: int, total: int) -> None:
        nonlocal last, shown, task
        now = time.monotonic()
        if now - began < 1.0 or (stage == shown and now - last < 0.1 and done != total):
            return
        if not bar.live.is_started:
            bar.start()
        if stage != shown:  # a new bar, so a stage that cannot count shows no count
            bar.remove_task(task)
            task = bar.add_task(stage, total=total or None)
            shown = stage
        bar.update(task, completed=done)
        bar.refresh()
        last = now

    try:
        yield show
    finally:
        bar.stop()


def _emit(report: Report, fmt: Format, output: Path | None, quiet: bool) -> None:
    """Report on stdout (or --output), warnings and the summary on stderr."""
    color = output is None and fmt is Format.TEXT and sys.stdout.isatty()
    text = render(report, fmt, color=color, width=_width())
    if output is not None:
        _write_atomic(output, text)
    else:
        sys.stdout.write(text)
    if not quiet:
        for skipped in report.skipped:
            typer.echo(f"skipped {skipped.path}: {skipped.reason}", err=True)
        typer.echo(summary_line(report), err=True)


def _width() -> int:
    try:
        return max(60, min(120, os.get_terminal_size().columns))
    except OSError:
        return 100


def _write_atomic(path: Path, text: str) -> None:
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


@app.command()
def scan(
    directory: DirArg = Path("."),
    config: ConfigOpt = None,
    fmt: FormatOpt = Format.TEXT,
    output: OutputOpt = None,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    quiet: QuietOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Report every conflict between the articles in DIR (exit 0)."""
    with user_errors(debug):
        settings = _config(directory, config)
        report = _scan(directory, settings, _options(include, exclude, jobs, no_cache), quiet)
        _emit(report, fmt, output, quiet)


StrictOpt = Annotated[
    bool, typer.Option("--strict", help="Also fail when baseline entries are stale.")
]


@app.command()
def check(
    directory: DirArg = Path("."),
    config: ConfigOpt = None,
    fmt: FormatOpt = Format.TEXT,
    output: OutputOpt = None,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    strict: StrictOpt = False,
    fail_on: Annotated[
        str, typer.Option("--fail-on", help="contradiction (default) or variation.")
    ] = "contradiction",
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    quiet: QuietOpt = False,
    debug: DebugOpt = False,
) -> None:
    """CI gate: exit 1 when a contradiction is not acknowledged in claims.yaml."""
    from claimcheck.baseline import FailOn, GateResult, apply_baseline, new_first

    with user_errors(debug):
        try:
            threshold = FailOn(fail_on)
        except ValueError:
            raise ClaimcheckError(
                "E015", f"unknown --fail-on {fail_on!r}", fix="use contradiction or variation"
            ) from None
        settings = _config(directory, config)
        options = _options(include, exclude, jobs, no_cache)
        report = new_first(apply_baseline(_scan(directory, settings, options, quiet), settings))
        gate = GateResult.from_report(report, strict=strict, fail_on=threshold)
        _emit(report, fmt, output, quiet)
        if not quiet:
            for fingerprint in gate.stale:
                typer.echo(f"stale baseline entry {fingerprint}: no longer found", err=True)
            typer.echo(gate.summary, err=True)
    raise typer.Exit(gate.exit_code)


@app.command()
def baseline(
    directory: DirArg = Path("."),
    config: ConfigOpt = None,
    prune: Annotated[
        bool, typer.Option("--prune", help="Remove entries that are no longer found.")
    ] = False,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    quiet: QuietOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Acknowledge current contradictions in claims.yaml, keeping every note."""
    from claimcheck.baseline import update_baseline
    from claimcheck.config import CONFIG_NAME

    with user_errors(debug):
        settings = _config(directory, config)
        report = _scan(directory, settings, _options(include, exclude, jobs, no_cache), quiet)
        target = (
            settings.path or (directory if directory.is_dir() else directory.parent) / CONFIG_NAME
        )
        change = update_baseline(target, report, prune=prune)
        if not quiet:
            for conflict in change.added:
                typer.echo(
                    f"added {conflict.fingerprint} {conflict.kind.value}: {conflict.summary}",
                    err=True,
                )
            for entry in change.pruned:
                typer.echo(f"pruned {entry.fingerprint} {entry.kind}: {entry.summary}", err=True)
            typer.echo(
                f"{target}: {len(change.added)} added, {len(change.kept)} kept, "
                f"{len(change.pruned)} pruned",
                err=True,
            )


@app.command()
def claims(
    file: Annotated[Path, typer.Argument(help="One article.")],
    config: ConfigOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    debug: DebugOpt = False,
) -> None:
    """Show the atomic claims of one article, with their mentions and values."""
    from claimcheck.extract import extract_claims
    from claimcheck.pipeline import project_root_for
    from claimcheck.report import claims as claims_report
    from claimcheck.sources import read_source

    with user_errors(debug):
        if fmt not in ("text", "json"):
            raise ClaimcheckError("E013", f"unknown format {fmt!r}", fix="use text or json")
        if not file.is_file():
            raise ClaimcheckError("E020", "no such file", path=str(file), fix="give one article")
        settings = _config(file, config)
        sources, skipped, _warnings = read_source(
            file, project_root=project_root_for(file, settings), config=settings
        )
        if not sources:
            reason = skipped[0].reason if skipped else "nothing to read"
            raise ClaimcheckError("E021", reason, path=str(file), fix="give a text article")
        for source in sources:
            found = extract_claims(source)
            sys.stdout.write(claims_report.render(source, found, as_json=fmt == "json"))


@app.command()
def explain(
    fingerprint: Annotated[str, typer.Argument(help="The conflict's fingerprint.")],
    directory: DirArg = Path("."),
    config: ConfigOpt = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Show one conflict in full: every side, sentence, rule and cluster member."""
    from claimcheck.report import explain as explain_report

    with user_errors(debug):
        settings = _config(directory, config)
        report = _scan(directory, settings, _options(None, None, jobs, no_cache))
        matches = [c for c in report.conflicts if c.fingerprint.startswith(fingerprint)]
        if not matches:
            raise ClaimcheckError(
                "E014",
                f"no conflict with fingerprint {fingerprint!r}",
                path=str(directory),
                fix="copy a fingerprint from `claimcheck scan`",
            )
        sys.stdout.write(explain_report.render(report, matches[0]))


def main() -> None:
    """Console-script entry point."""
    app()
