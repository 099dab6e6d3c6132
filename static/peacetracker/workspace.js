// The alignment workspace, enhanced: a type-ahead over each cell's provision picker, and
// drag-and-drop from the tray into a cell. Without JavaScript every cell is a plain form.
"use strict";
(function () {
  function addTypeAhead(select) {
    if (select.dataset.typeahead) {
      return;
    }
    select.dataset.typeahead = "1";
    const input = document.createElement("input");
    input.type = "search";
    input.className = "ws-filter";
    input.placeholder = "Type to find…";
    input.setAttribute("aria-label", "Find a provision to put in");
    input.addEventListener("input", function () {
      const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      let first = null;
      Array.from(select.options).forEach(function (option) {
        if (!option.value) {
          return;
        }
        const text = option.textContent.toLowerCase();
        const match = words.every(function (w) { return text.includes(w); });
        option.hidden = !match;
        if (match && first === null) {
          first = option;
        }
      });
      select.value = words.length && first ? first.value : "";
    });
    select.parentNode.insertBefore(input, select);
  }

  function init(root) {
    root.querySelectorAll("select.ws-provision").forEach(addTypeAhead);
  }

  let dragged = null;

  document.addEventListener("dragstart", function (event) {
    const item = event.target.closest && event.target.closest(".ws-tray-item");
    if (!item) {
      return;
    }
    dragged = { provision: item.dataset.provision, draft: item.dataset.draft };
    event.dataTransfer.setData("text/plain", item.dataset.provision);
    event.dataTransfer.effectAllowed = "move";
  });

  function target(event) {
    const cell = event.target.closest && event.target.closest(".ws-cell");
    if (!cell || !dragged || cell.dataset.draft !== dragged.draft) {
      return null;
    }
    return cell.querySelector("form.ws-put") ? cell : null;
  }

  document.addEventListener("dragover", function (event) {
    const cell = target(event);
    if (cell) {
      event.preventDefault();
      cell.classList.add("ws-drop");
    }
  });

  document.addEventListener("dragleave", function (event) {
    const cell = event.target.closest && event.target.closest(".ws-cell");
    if (cell) {
      cell.classList.remove("ws-drop");
    }
  });

  document.addEventListener("drop", function (event) {
    const cell = target(event);
    if (!cell) {
      return;
    }
    event.preventDefault();
    cell.classList.remove("ws-drop");
    const form = cell.querySelector("form.ws-put");
    form.querySelector("select.ws-provision").value = dragged.provision;
    dragged = null;
    form.requestSubmit();
  });

  document.addEventListener("dragend", function () {
    dragged = null;
  });

  // One cell was swapped: a suggestion elsewhere of a provision that has left the tray
  // no longer applies.
  document.addEventListener("htmx:afterSettle", function () {
    const tray = document.getElementById("tray");
    if (!tray) {
      return;
    }
    document.querySelectorAll(".ws-suggestion[data-provision]").forEach(function (s) {
      const id = s.dataset.provision;
      if (!tray.querySelector(".ws-tray-item[data-provision='" + id + "']")) {
        s.remove();
      }
    });
  });

  document.addEventListener("DOMContentLoaded", function () {
    init(document);
  });
  document.addEventListener("htmx:load", function (event) {
    init(event.target);
  });
})();
