// Wagtail's rich text editor (Draftail) renders its editable area without an accessible name.
// Name each one by the label of its field, so screen readers announce which text it is.
(function () {
  "use strict";

  function labelFor(box) {
    for (let node = box.parentElement; node; node = node.parentElement) {
      const input = node.querySelector("input[data-draftail-input]");
      if (input) {
        return (
          document.getElementById(input.id + "-label") ||
          document.querySelector('label[for="' + input.id + '"]')
        );
      }
    }
    return null;
  }

  function nameEditors() {
    document
      .querySelectorAll('.public-DraftEditor-content[role="textbox"]')
      .forEach(function (box) {
        if (box.hasAttribute("aria-label") || box.hasAttribute("aria-labelledby")) {
          return;
        }
        const label = labelFor(box);
        if (label && label.id) {
          box.setAttribute("aria-labelledby", label.id);
        } else if (label) {
          box.setAttribute("aria-label", label.textContent.replace(/\*/g, "").trim());
        }
      });
  }

  let pending = false;
  new MutationObserver(function () {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        nameEditors();
      });
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", nameEditors);
})();
