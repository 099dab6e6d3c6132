// Small enhancements; every page works without them.
"use strict";
(function () {
  function setUp(root) {
    root.querySelectorAll(".js-hide").forEach(function (el) { el.hidden = true; });
    root.querySelectorAll(".copy-link").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        const input = document.getElementById(button.dataset.copyTarget);
        const status = button.parentElement.querySelector(".copy-status");
        const done = function () { if (status) { status.textContent = "Link copied"; } };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(input.value).then(done, function () { input.select(); });
        } else {
          input.select();
          document.execCommand("copy");
          done();
        }
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { setUp(document); });
  document.addEventListener("htmx:load", function (event) { setUp(event.detail.elt); });
  // A swapped region is not itself a live region (it would be read out whole); its one-line
  // summary is copied into the page's status line instead.
  document.addEventListener("htmx:afterSettle", function (event) {
    const status = document.getElementById("live-status");
    const target = event.target;
    if (!status || !target || !target.querySelector) { return; }
    const summary = target.matches("[data-announce]") ? target : target.querySelector("[data-announce]");
    if (summary) { status.textContent = summary.textContent.replace(/\s+/g, " ").trim(); }
  });
})();
