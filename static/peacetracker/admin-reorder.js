// Up/down buttons on re-orderable admin inlines (provisions of a draft).
// Moving a row renumbers the position inputs in page order; saving stores that order.
"use strict";
(function () {
  function renumber(group) {
    let n = 1;
    group.querySelectorAll("tbody tr.form-row:not(.empty-form)").forEach(function (row) {
      const input = row.querySelector("input.position-input");
      const deleted = row.querySelector("input[name$='-DELETE']");
      if (input && !(deleted && deleted.checked)) {
        input.value = n++;
      }
    });
  }

  function button(label, text, onClick) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "reorder-button";
    b.setAttribute("aria-label", label);
    b.textContent = text;
    b.addEventListener("click", onClick);
    return b;
  }

  function addButtons(group, row) {
    const cell = row.querySelector("td.field-position");
    if (!cell || cell.querySelector(".reorder-button")) {
      return;
    }
    cell.append(
      button("Move up", "↑", function () {
        const prev = row.previousElementSibling;
        if (prev && prev.classList.contains("form-row")) {
          row.parentNode.insertBefore(row, prev);
          renumber(group);
        }
      }),
      button("Move down", "↓", function () {
        const next = row.nextElementSibling;
        if (next && next.classList.contains("form-row") && !next.classList.contains("empty-form")) {
          row.parentNode.insertBefore(next, row);
          renumber(group);
        }
      })
    );
  }

  function init() {
    document.querySelectorAll(".reorderable").forEach(function (fieldset) {
      const group = fieldset.closest(".inline-group") || fieldset;
      group.querySelectorAll("tbody tr.form-row:not(.empty-form)").forEach(function (row) {
        addButtons(group, row);
      });
    });
  }

  document.addEventListener("DOMContentLoaded", init);
  document.addEventListener("formset:added", function (event) {
    const group = event.target.closest(".inline-group");
    if (group && group.querySelector(".reorderable")) {
      addButtons(group, event.target);
      renumber(group);
    }
  });
})();
