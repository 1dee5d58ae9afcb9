// Bazaar's only script of its own: CSRF for htmx requests, keyboard navigation of the search suggestions, and
// confirmation prompts. The pages work without it; htmx adds partial updates on top.
(function () {
    "use strict";

    function meta(name) {
        var element = document.querySelector('meta[name="' + name + '"]');
        return element ? element.getAttribute("content") : null;
    }

    // htmx requests carry the CSRF token as a header, as forms carry it as a field.
    document.addEventListener("htmx:configRequest", function (event) {
        var header = meta("csrf-header");
        var token = meta("csrf-token");
        if (header && token) {
            event.detail.headers[header] = token;
        }
    });

    // A swapped fragment may carry a new cart count for the header.
    document.addEventListener("htmx:afterSwap", function () {
        var update = document.querySelector("[data-cart-count]");
        var badge = document.getElementById("cart-count");
        if (update && badge) {
            badge.textContent = update.getAttribute("data-cart-count");
        }
    });

    // Search suggestions: a combobox, navigable with the arrow keys, Enter and Escape.
    document.addEventListener("DOMContentLoaded", function () {
        var input = document.getElementById("site-search");
        var list = document.getElementById("search-suggestions");
        if (!input || !list) {
            return;
        }
        var active = -1;

        function options() {
            return Array.prototype.slice.call(list.querySelectorAll('[role="option"]'));
        }

        function highlight(index) {
            var all = options();
            all.forEach(function (option, i) {
                option.setAttribute("aria-selected", i === index ? "true" : "false");
            });
            active = index;
            if (index >= 0 && all[index]) {
                input.setAttribute("aria-activedescendant", all[index].id);
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function close() {
            list.innerHTML = "";
            input.setAttribute("aria-expanded", "false");
            highlight(-1);
        }

        document.body.addEventListener("htmx:afterSwap", function (event) {
            if (event.detail.target === list) {
                input.setAttribute("aria-expanded", options().length > 0 ? "true" : "false");
                highlight(-1);
            }
        });

        input.addEventListener("keydown", function (event) {
            var all = options();
            if (event.key === "ArrowDown" && all.length) {
                event.preventDefault();
                highlight((active + 1) % all.length);
            } else if (event.key === "ArrowUp" && all.length) {
                event.preventDefault();
                highlight(active <= 0 ? all.length - 1 : active - 1);
            } else if (event.key === "Enter" && active >= 0 && all[active]) {
                event.preventDefault();
                var link = all[active].querySelector("a");
                if (link) {
                    window.location.href = link.href;
                }
            } else if (event.key === "Escape") {
                close();
            }
        });

        document.addEventListener("click", function (event) {
            if (!list.contains(event.target) && event.target !== input) {
                close();
            }
        });
    });

    // Forms that change something for good ask first: data-confirm="message".
    document.addEventListener("submit", function (event) {
        var message = event.target.getAttribute("data-confirm");
        if (message && !window.confirm(message)) {
            event.preventDefault();
        }
    });

    // A form submitted once is not submitted again by a second click (the server also makes one order per key).
    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (event.defaultPrevented || !form.hasAttribute("data-submit-once")) {
            return;
        }
        if (form.getAttribute("data-submitted") === "true") {
            event.preventDefault();
            return;
        }
        form.setAttribute("data-submitted", "true");
        Array.prototype.forEach.call(form.querySelectorAll('button[type="submit"]'), function (button) {
            button.setAttribute("aria-disabled", "true");
        });
    });
})();
