"""The HTTP API and the dashboard (FastAPI): :func:`create_app` over one database."""

from __future__ import annotations

from dyadwatch.web.app import create_app

__all__ = ["create_app"]
