// The import preview (templates/admin/imports/preview.html): "Split" splits a row's body
// where the cursor stands in it. Without JavaScript the editor types the words the new
// row starts with instead; the server reads either.
(function () {
  "use strict";
  document.addEventListener(
    "click",
    function (event) {
      var button = event.target.closest && event.target.closest(".import-split");
      if (!button) return;
      var cell = button.closest("td");
      var offset = cell && cell.querySelector(".import-split-offset");
      var body = offset && document.getElementById(offset.dataset.body);
      if (body && body.selectionStart > 0 && body.selectionStart < body.value.length) {
        offset.value = String(body.selectionStart);
      }
    },
    true,
  );
})();
