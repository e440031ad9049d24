// Kesher's own small script. Every page works without it; it only adds conveniences.
"use strict";

// Forms that delete ask once more before they are sent, when a script can ask.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm) {
    if (!window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  }
});

// Moves focus to the error summary after a refused form, so keyboard and screen-reader
// users hear what to fix before anything else.
window.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector(".error-summary");
  if (summary instanceof HTMLElement) {
    summary.focus();
  }
});

// Dragging a result onto another makes it that result's last child. The drop sends the same
// form the move page takes, so the server checks it exactly as it checks the keyboard's
// arrow buttons (a result cannot go under its own descendant).
window.addEventListener("DOMContentLoaded", () => {
  const tree = document.getElementById("results-tree");
  if (!(tree instanceof HTMLElement) || !tree.dataset.moveUrl) {
    return;
  }
  let dragged = null;
  const itemOf = (target) => (target instanceof Element ? target.closest("li[data-id]") : null);
  const clearTargets = () => tree.querySelectorAll(".drop-target").forEach((li) => li.classList.remove("drop-target"));

  tree.addEventListener("dragstart", (event) => {
    dragged = itemOf(event.target);
    if (dragged && event.dataTransfer) {
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", dragged.dataset.id);
    }
  });
  tree.addEventListener("dragover", (event) => {
    const over = itemOf(event.target);
    if (dragged && over && over !== dragged) {
      event.preventDefault();
      clearTargets();
      over.classList.add("drop-target");
    }
  });
  tree.addEventListener("dragleave", (event) => {
    const left = itemOf(event.target);
    if (left) {
      left.classList.remove("drop-target");
    }
  });
  tree.addEventListener("dragend", () => {
    dragged = null;
    clearTargets();
  });
  tree.addEventListener("drop", (event) => {
    const target = itemOf(event.target);
    if (!dragged || !target || target === dragged) {
      return;
    }
    event.preventDefault();
    const form = document.createElement("form");
    form.method = "post";
    form.action = `${tree.dataset.moveUrl}/${dragged.dataset.id}/move`;
    for (const [name, value] of [["csrf", tree.dataset.csrf], ["parent_id", target.dataset.id]]) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = value;
      form.append(input);
    }
    document.body.append(form);
    form.submit();
  });
});

// A running import's page asks how far it has come every second and moves its bar; once the
// import has ended the page is opened again, to show the outcome. Without a script, the page
// refreshes itself every few seconds instead.
window.addEventListener("DOMContentLoaded", () => {
  const box = document.getElementById("import-progress");
  if (!(box instanceof HTMLElement) || !box.dataset.statusUrl) {
    return;
  }
  const bar = document.getElementById("import-bar");
  const status = document.getElementById("import-status");
  const poll = async () => {
    try {
      const response = await fetch(box.dataset.statusUrl, { headers: { Accept: "application/json" } });
      if (!response.ok) {
        window.location.reload();
        return;
      }
      const job = await response.json();
      if (job.finished) {
        window.location.reload();
        return;
      }
      if (bar instanceof HTMLProgressElement && job.total > 0) {
        bar.max = job.total;
        bar.value = job.done;
      }
      if (status && status.textContent !== job.text) {
        status.textContent = job.text;
      }
    } catch (_) {
      // The server may be busy; the next tick tries again.
    }
    window.setTimeout(poll, 1000);
  };
  window.setTimeout(poll, 1000);
});
