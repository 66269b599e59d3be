// Progressive enhancement of the consultation room. Without JavaScript every section shows its
// whole comment form, and the passage field is there to type or paste into.
// - Each section shows a "Comment on this section" button; it opens that section's form (one open at
//   a time) and "Cancel" closes an untouched form again.
// - Selecting words in a section fills that section's passage field and offers "Comment on this
//   passage" right there, which opens the form with the quote shown.
// - After sending, the confirmation is moved to the comment it is about, which takes the focus.
(function () {
  var forms = Array.prototype.slice.call(document.querySelectorAll("[data-comment-form]"));
  var prompt = document.querySelector("[data-passage-prompt]");
  var pending = null; // the section and words of the last selection

  forms.forEach(function (form) {
    var text = form.querySelector("textarea[name=text]");
    var quote = form.querySelector(".quote-field");
    var hasErrors = form.querySelector(".field-error, .form-errors");
    var opener = document.createElement("button");
    opener.type = "button";
    opener.className = "comment-opener button--secondary";
    opener.textContent = form.getAttribute("data-open-label");
    opener.setAttribute("aria-controls", form.id);
    opener.setAttribute("aria-expanded", "true");
    form.parentNode.insertBefore(opener, form);
    opener.addEventListener("click", function () {
      open(form);
      text.focus();
    });
    var cancel = document.createElement("button");
    cancel.type = "button";
    cancel.className = "button--secondary";
    cancel.textContent = form.getAttribute("data-cancel-label");
    form.querySelector(".comment-form__buttons").appendChild(cancel);
    cancel.addEventListener("click", function () {
      text.value = "";
      quote.value = "";
      collapse(form);
      opener.focus();
    });
    if (!text.value && !quote.value && !hasErrors) collapse(form);
    else opener.hidden = true;
    quote.addEventListener("input", function () { showQuote(form); });
  });

  function openerOf(form) {
    return document.querySelector('[aria-controls="' + form.id + '"]');
  }

  function collapse(form) {
    form.hidden = true;
    openerOf(form).hidden = false;
    openerOf(form).setAttribute("aria-expanded", "false");
  }

  function open(form) {
    forms.forEach(function (other) {
      var empty = !other.querySelector("textarea[name=text]").value;
      if (other !== form && empty && !other.hidden) collapse(other);
    });
    form.hidden = false;
    openerOf(form).hidden = true;
    openerOf(form).setAttribute("aria-expanded", "true");
    showQuote(form);
  }

  function showQuote(form) {
    var preview = form.querySelector("[data-quote-preview]");
    var value = form.querySelector(".quote-field").value.trim();
    preview.textContent = value;
    preview.hidden = !value;
  }

  document.addEventListener("mouseup", function (event) {
    if (prompt && prompt.contains(event.target)) return;
    quoteSelection();
  });
  document.addEventListener("keyup", function (event) {
    if (event.shiftKey) quoteSelection();
  });

  function quoteSelection() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed) return hidePrompt();
    var text = selection.toString().replace(/\s+/g, " ").trim();
    var node = selection.anchorNode && selection.anchorNode.parentElement;
    var source = node && node.closest("[data-quotable]");
    if (!text || !source) return hidePrompt();
    var section = source.closest("[data-section]");
    var form = section && section.querySelector("[data-comment-form]");
    if (!form) return hidePrompt();
    form.querySelector(".quote-field").value = text.slice(0, 1000);
    showQuote(form);
    pending = form;
    if (prompt) {
      var box = selection.getRangeAt(0).getBoundingClientRect();
      prompt.style.top = window.scrollY + box.bottom + 6 + "px";
      prompt.style.left = Math.max(8, window.scrollX + box.left) + "px";
      prompt.hidden = false;
    }
  }

  function hidePrompt() {
    if (prompt) prompt.hidden = true;
  }

  if (prompt) {
    prompt.querySelector("button").addEventListener("click", function () {
      hidePrompt();
      if (!pending) return;
      open(pending);
      var text = pending.querySelector("textarea[name=text]");
      text.scrollIntoView({ block: "center" });
      text.focus();
    });
  }

  // The confirmation where the person is: beside the comment the address points to.
  var messages = document.querySelector(".messages");
  var target = location.hash && document.getElementById(location.hash.slice(1));
  if (messages && target && target.classList.contains("comment")) {
    messages.setAttribute("data-moved", "");
    target.querySelector("article").insertBefore(messages, target.querySelector("article").firstChild);
    target.scrollIntoView({ block: "center" });
    target.focus();
  }
})();
