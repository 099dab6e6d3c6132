// Next/previous change on the comparison: keys n/j and p/k, buttons, "change 3 of 12".
// Without JavaScript the change list is a plain list of links to the rows.
"use strict";
(function () {
  const NARROW = "(max-width: 760px)";

  function list() { return document.querySelector(".change-list"); }

  function links(nav) {
    return Array.prototype.slice.call(nav.querySelectorAll("ol a[href^='#']"));
  }

  function go(step) {
    const nav = list();
    if (!nav) { return; }
    const all = links(nav);
    if (!all.length) { return; }
    const current = Number(nav.dataset.current || "-1");
    let next = current + step;
    if (current < 0 && step < 0) { next = all.length - 1; }
    next = Math.max(0, Math.min(all.length - 1, next));
    nav.dataset.current = String(next);
    all.forEach(function (a) { a.removeAttribute("aria-current"); });
    all[next].setAttribute("aria-current", "true");
    const row = document.getElementById(all[next].hash.slice(1));
    document.querySelectorAll(".cmp-row.current-change").forEach(function (r) { r.classList.remove("current-change"); });
    if (row) {
      row.classList.add("current-change");
      if (!row.hasAttribute("tabindex")) { row.setAttribute("tabindex", "-1"); }
      row.focus({ preventScroll: true });
      row.scrollIntoView({ block: "start" });
      // The address names the row without adding a history entry per key press.
      history.replaceState(history.state, "", all[next].hash);
    }
    const status = nav.querySelector(".change-position");
    if (status) { status.textContent = "change " + (next + 1) + " of " + all.length; }
  }

  function setUp() {
    const nav = list();
    if (!nav || nav.dataset.ready) { return; }
    nav.dataset.ready = "1";
    const controls = nav.querySelector(".change-nav");
    if (controls) { controls.hidden = false; }
    const box = nav.querySelector(".change-list-box");
    if (box && window.matchMedia && window.matchMedia(NARROW).matches) { box.open = false; }
    nav.querySelector(".change-next").addEventListener("click", function () { go(1); });
    nav.querySelector(".change-prev").addEventListener("click", function () { go(-1); });
    const status = nav.querySelector(".change-position");
    if (status) { status.textContent = links(nav).length + " changes: press n for the next, p for the previous"; }
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) { return; }
    const target = event.target;
    if (target && target.closest && target.closest("input, select, textarea, [contenteditable]")) { return; }
    if (event.key === "n" || event.key === "j") { go(1); event.preventDefault(); }
    else if (event.key === "p" || event.key === "k") { go(-1); event.preventDefault(); }
  });
  document.addEventListener("DOMContentLoaded", setUp);
  document.addEventListener("htmx:afterSettle", setUp);
}());
