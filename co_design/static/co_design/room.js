// Progressive enhancement of the consultation room: selecting words in a section fills that
// section's "passage" field, so quoting needs no copy and paste. Without JavaScript the field
// is still there to type or paste into.
(function () {
  document.addEventListener("mouseup", quoteSelection);
  document.addEventListener("keyup", function (event) {
    if (event.shiftKey) quoteSelection();
  });

  function quoteSelection() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed) return;
    var text = selection.toString().replace(/\s+/g, " ").trim();
    var node = selection.anchorNode && selection.anchorNode.parentElement;
    var source = node && node.closest("[data-quotable]");
    if (!text || !source) return;
    var section = source.closest("[data-section]");
    var field = section && section.querySelector(".quote-field");
    if (field) field.value = text.slice(0, 1000);
  }
})();
