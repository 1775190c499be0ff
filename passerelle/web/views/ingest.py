"""Ingest page: paste text, give URLs or feeds, upload files; a background job runs it.

The page lists the recent runs of the run log (``passerelle.store.runs``), so jobs of
an earlier server process and command-line ingests are shown with their final status,
counts and failures; a job of this process shows its live progress.
"""

from __future__ import annotations

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import JSONResponse, RedirectResponse, Response

from passerelle.errors import PasserelleError
from passerelle.web.jobs import safe_upload_name
from passerelle.web.security import check_token
from passerelle.web.views.common import is_json, twin

router = APIRouter()
_CHUNK = 1 << 16
_RECENT = 20  # runs listed on the ingest page


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _check_urls(urls: list[str]) -> None:
    bad = [u for u in urls if not u.lower().startswith(("http://", "https://"))]
    if bad:
        raise HTTPException(400, f"not an http(s) URL: {bad[0]!r}; give one URL per line")


async def _save_upload(upload: UploadFile, path, limit: int) -> int:  # noqa: ANN001
    size = 0
    with open(path, "wb") as out:
        while chunk := await upload.read(_CHUNK):
            size += len(chunk)
            if size > limit:
                raise HTTPException(413, f"{upload.filename!r} is over the {limit} byte limit")
            out.write(chunk)
    return size


def _recent_jobs(runner) -> tuple[list[dict], str]:  # noqa: ANN001
    """The recent runs as job dicts, and why only this server's jobs are shown (or "")."""
    try:
        return runner.recent(_RECENT), ""
    except PasserelleError as exc:
        return runner.memory_jobs(), f"the run log cannot be read, so only this server's jobs are listed: {exc}"


@twin(router, "/ingest")
def ingest_page(request: Request) -> Response:
    """The ingest form and the recent ingest runs (web jobs and command-line runs)."""
    jobs, notice = _recent_jobs(request.app.state.jobs)
    if is_json(request):
        return JSONResponse({"jobs": jobs, "notice": notice})
    ctx = {"title": "Ingest", "jobs": jobs, "notice": notice,
           "needs_token": request.app.state.options.writes_need_token}
    return request.app.state.templates.TemplateResponse(request, "ingest.html", ctx)


@router.post("/ingest", status_code=303)
async def ingest_submit(request: Request, text: str = Form(""), urls: str = Form(""),
                        feeds: str = Form(""), token: str = Form(""),
                        files: list[UploadFile] = File(default=[])) -> Response:
    """Start a background ingest job; browsers are sent to its status page."""
    check_token(request, token)
    runner = request.app.state.jobs
    job_id = runner.new_id()
    sources, labels = await _collect(request, job_id, text, _lines(urls) + _lines(feeds), files)
    if not sources:
        raise HTTPException(400, "nothing to ingest: paste text, give a URL or feed, or choose files")
    runner.submit(job_id, sources, labels)
    if "application/json" in request.headers.get("accept", ""):
        return JSONResponse({"ok": True, "job": job_id, "status": f"/ingest/jobs/{job_id}.json"}, 202)
    return RedirectResponse(f"/ingest/jobs/{job_id}", status_code=303)


async def _collect(request: Request, job_id: str, text: str, urls: list[str],
                   files: list[UploadFile]) -> tuple[list[str], list[str]]:
    _check_urls(urls)
    limit = request.app.state.options.max_upload
    folder = request.app.state.jobs.job_dir(job_id)
    sources, labels = list(urls), list(urls)
    if text.strip():
        path = folder / "pasted.txt"
        path.write_text(text, encoding="utf-8")
        sources.append(str(path))
        labels.append("pasted text")
    for i, upload in enumerate(f for f in files if f.filename):
        path = folder / safe_upload_name(i, upload.filename)
        await _save_upload(upload, path, limit)
        sources.append(str(path))
        labels.append(upload.filename or path.name)
    return sources, labels


@twin(router, "/ingest/jobs/{job_id}")
def job_status(request: Request, job_id: str) -> Response:
    """Progress of one ingest job (the page polls the JSON twin), or a run of the log by number."""
    job = request.app.state.jobs.lookup(job_id)
    if job is None:
        raise HTTPException(404, f"no ingest job or run {job_id!r}; the ingest page lists the recent ones")
    if is_json(request):
        return JSONResponse(job)
    ctx = {"title": "Ingest job", "job": job}
    return request.app.state.templates.TemplateResponse(request, "job.html", ctx)
