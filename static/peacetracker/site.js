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
})();
