"""`dyadwatch serve`: the HTTP API and the dashboard over one database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dyadwatch.cli.app import app
from dyadwatch.cli.common import handle_errors
from dyadwatch.errors import ConfigError


def serve(
    db: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    write_token: str | None = None,
    log_level: str = "info",
) -> None:
    """Serve ``db`` until interrupted. Read-only unless ``write_token`` is given."""
    import uvicorn

    from dyadwatch.web import create_app
    from dyadwatch.web.limits import Limits

    if write_token is None and not db.is_file():
        raise ConfigError(
            f"no database at {db}: create one with 'dyadwatch ingest INPUT --db {db}', or pass "
            "--write-token to start an empty one that accepts POST /api/documents"
        )
    if write_token is not None and len(write_token) < 16:
        raise ConfigError("--write-token must be at least 16 characters")
    limits = Limits()
    application = create_app(db, write_token=write_token, limits=limits)
    mode = "read-write (POST /api/documents needs the token)" if write_token else "read-only"
    typer.echo(f"dyadwatch: serving {db} ({mode}) on http://{host}:{port}/", err=True)
    # the database is opened per request, so ingest and notebooks can use it meanwhile; on
    # SIGTERM/Ctrl-C requests still running get shutdown_grace seconds, then their queries
    # are interrupted and the server exits
    config = uvicorn.Config(
        application,
        host=host,
        port=port,
        log_level=log_level,
        timeout_graceful_shutdown=limits.shutdown_grace,
    )
    uvicorn.Server(config).run()


@app.command("serve")
@handle_errors
def serve_command(
    db: Annotated[Path, typer.Option("--db", help="The database to serve.")],
    host: Annotated[
        str, typer.Option(help="Interface to listen on; keep 127.0.0.1 unless behind a proxy.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    write_token: Annotated[
        str | None,
        typer.Option(
            envvar="DYADWATCH_WRITE_TOKEN",
            help="Accept POST /api/documents from clients sending 'Authorization: Bearer "
            "TOKEN' (at least 16 characters). Without it the server is read-only.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """HTTP API (/api, docs at /docs) and dashboard on http://HOST:PORT/."""
    serve(db, host=host, port=port, write_token=write_token)
