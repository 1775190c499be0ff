// passerelle web app: small progressive enhancements. Every page works without it.
"use strict";

(function () {
  // Article view: clicking a fact in the list flashes and focuses its evidence.
  function flashFact(id) {
    const target = document.getElementById(id);
    if (!target) return;
    document.querySelectorAll("mark.flash").forEach((m) => m.classList.remove("flash"));
    document.querySelectorAll('mark[data-fact="' + CSS.escape(id) + '"]').forEach((m) => m.classList.add("flash"));
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  function initFacts() {
    document.querySelectorAll("a.jump[data-fact]").forEach((a) => {
      a.addEventListener("click", (ev) => {
        ev.preventDefault();
        history.replaceState(null, "", "#" + a.dataset.fact);
        flashFact(a.dataset.fact);
      });
    });
    if (location.hash.length > 1) flashFact(decodeURIComponent(location.hash.slice(1)));
  }

  // Ingest job page: poll the status endpoint until the job ends.
  function setList(id, items, render) {
    const list = document.getElementById(id);
    list.replaceChildren(...items.map(render));
  }

  function docItem(doc) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = "/documents/" + encodeURIComponent(doc.id);
    a.textContent = doc.title || doc.id;
    li.append(a);
    if (doc.status === "near-duplicate") {
      const note = document.createElement("span");
      note.className = "muted";
      note.textContent = " (near-duplicate)";
      li.append(note);
    }
    return li;
  }

  function setText(id, value) {
    document.getElementById(id).textContent = String(value);
  }

  function failureItem(f) {
    const li = document.createElement("li");
    const strong = document.createElement("strong");
    strong.textContent = f.source;
    li.append(strong, ": " + f.reason);
    return li;
  }

  function showJob(job) {
    setText("job-state", job.state);
    setText("job-done", job.done);
    setText("job-total", job.total);
    setText("job-approx", job.total_exact ? "" : " (or more)");
    setText("job-current", job.current ? " · reading " + job.current : "");
    const bar = document.getElementById("job-progress");
    bar.max = Math.max(job.total, 1); bar.value = job.done;
    setText("job-message", job.message);
    setText("job-stored", job.stored);
    setText("job-near", job.near_duplicates);
    setText("job-dups", job.duplicates);
    setText("job-failed", job.failed);
    setList("job-docs", job.documents, docItem);
    setList("job-failures", job.failures, failureItem);
  }

  function pollJob() {
    const box = document.getElementById("job");
    if (!box) return;
    const tick = () => fetch(box.dataset.status, { headers: { Accept: "application/json" } })
      .then((r) => r.json())
      .then((job) => {
        showJob(job);
        if (job.state === "queued" || job.state === "running") setTimeout(tick, 700);
      })
      .catch(() => setTimeout(tick, 2000));
    tick();
  }

  document.addEventListener("DOMContentLoaded", () => { initFacts(); pollJob(); });
})();
