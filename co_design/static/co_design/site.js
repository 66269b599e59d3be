// The header's menu button on narrow screens: it shows and hides the navigation. Without
// JavaScript the button stays hidden and the navigation simply wraps.
(function () {
    "use strict";
    var narrow = window.matchMedia("(max-width: 48rem)");
    function setUp() {
        var button = document.querySelector(".menu-toggle");
        var menu = document.getElementById("site-menu");
        if (!button || !menu) return;
        function apply() {
            if (narrow.matches) {
                button.hidden = false;
                var open = button.getAttribute("aria-expanded") === "true";
                menu.hidden = !open;
            } else {
                button.hidden = true;
                menu.hidden = false;
            }
        }
        button.setAttribute("aria-expanded", "false");
        button.addEventListener("click", function () {
            var open = button.getAttribute("aria-expanded") === "true";
            button.setAttribute("aria-expanded", open ? "false" : "true");
            apply();
            if (!open) {
                var first = menu.querySelector("a, button");
                if (first) first.focus();
            }
        });
        document.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && narrow.matches && button.getAttribute("aria-expanded") === "true") {
                button.setAttribute("aria-expanded", "false");
                apply();
                button.focus();
            }
        });
        narrow.addEventListener("change", apply);
        apply();
    }
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", setUp);
    } else {
        setUp();
    }
})();
