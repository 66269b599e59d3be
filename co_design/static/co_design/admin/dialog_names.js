// Wagtail's pop-ups (workflow actions that ask for a comment, choosers) open as role="dialog"
// without an accessible name. Name each one by the heading it shows, so screen readers announce
// what the pop-up is for.
(function () {
  "use strict";
  let count = 0;

  function nameDialogs() {
    document.querySelectorAll('.modal[role="dialog"]').forEach(function (dialog) {
      const heading = dialog.querySelector(".modal-body h1, .modal-body h2");
      if (!heading || dialog.getAttribute("aria-labelledby") === heading.id) {
        return;
      }
      // The page behind has its own #header-title: the pop-up's heading needs an id of its own.
      count += 1;
      heading.id = "dialog-title-" + count;
      dialog.setAttribute("aria-labelledby", heading.id);
      dialog.setAttribute("aria-modal", "true");
    });
  }

  new MutationObserver(nameDialogs).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
})();
