// Length counters for long admin inputs (quotations, excerpts, notes) marked data-limit.
// The browser does not cut pasted text; the counter shows the length against the limit,
// and the server refuses what is too long with its own message.
"use strict";
(function () {
  function counterFor(input) {
    let counter = input.nextElementSibling;
    if (!counter || !counter.classList.contains("length-counter")) {
      counter = document.createElement("span");
      counter.className = "length-counter";
      counter.setAttribute("aria-live", "polite");
      input.insertAdjacentElement("afterend", counter);
    }
    return counter;
  }

  function update(input) {
    if (input.closest(".empty-form")) {
      return;
    }
    const limit = Number(input.dataset.limit);
    const length = input.value.length;
    const counter = counterFor(input);
    counter.textContent = length + " / " + limit + " characters";
    counter.classList.toggle("over-limit", length > limit);
  }

  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("[data-limit]")) {
      update(event.target);
    }
  });
  document.addEventListener("formset:added", function (event) {
    event.target.querySelectorAll("[data-limit]").forEach(update);
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-limit]").forEach(update);
  });
})();
