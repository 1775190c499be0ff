"""Build the FastAPI application: templates, static files, routes, error handler.

Routes and their JSON twins are listed in ``docs/web.md``; every page calls one query
function through :class:`passerelle.web.backend.Backend`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from passerelle.version import __version__
from passerelle.web import errors, filters_jinja
from passerelle.web.backend import Backend
from passerelle.web.jobs import JobRunner
from passerelle.web.options import WebOptions
from passerelle.web.security import SecurityMiddleware

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(TEMPLATES))
    templates.env.autoescape = True  # article text is hostile: never trust it as markup
    filters_jinja.register(templates.env)
    return templates


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    app.state.backend.close()


def create_app(options: WebOptions | None = None) -> FastAPI:
    """Build the app.

    Args:
        options: how to run (database URL, token, limits, the settings ingest jobs
            use); defaults when None.

    Returns:
        The FastAPI application, with ``state.backend`` (the data seam),
        ``state.jobs`` (background ingest) and ``state.options``.
    """
    from passerelle.web.views import act, corrections, docs, export, ingest, pages

    options = options or WebOptions()
    app = FastAPI(title="passerelle", version=__version__, docs_url=None, redoc_url=None,
                  lifespan=_lifespan,
                  description="Who met whom, where, when, about what, and what they promised.")
    app.state.options = options
    app.state.backend = Backend(options.db_url)
    app.state.jobs = JobRunner(app.state.backend, settings=options.settings,
                               ingest_options=options.ingest_options)
    app.state.templates = _templates()
    app.add_middleware(SecurityMiddleware, options=options)
    errors.install(app)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    for module in (docs, export, ingest, corrections, act, pages):
        app.include_router(module.router)
    return app
