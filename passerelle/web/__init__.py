"""The web app: FastAPI pages over the query functions, each with a ``.json`` twin.

Import :func:`create_app` (needs the ``web`` extra: fastapi, uvicorn, jinja2,
python-multipart). The core never imports this package.
"""

from __future__ import annotations

from passerelle.web.options import WebOptions

__all__ = ["WebOptions", "create_app"]


def create_app(options: WebOptions | None = None):  # noqa: ANN201  (FastAPI is optional)
    """Build the FastAPI application (see :func:`passerelle.web.app.create_app`)."""
    from passerelle.web.app import create_app as _create

    return _create(options)
