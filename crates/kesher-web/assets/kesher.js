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
