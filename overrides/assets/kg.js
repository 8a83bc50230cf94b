/*
 * Keeps build-time statuses true on cached pages, and makes scrolling tables
 * reachable by keyboard. The status rules mirror generator/dates.py exactly.
 * Plain ES5-compatible code, no dependencies, no inline script (strict CSP).
 */
(function () {
  "use strict";

  /* Today's date in Europe/Helsinki as YYYY-MM-DD (the data's time zone). */
  function helsinkiToday() {
    var parts = new Intl.DateTimeFormat("en-CA", {
      timeZone: "Europe/Helsinki", year: "numeric", month: "2-digit", day: "2-digit"
    }).formatToParts(new Date());
    var get = function (type) {
      return parts.filter(function (p) { return p.type === type; })[0].value;
    };
    return get("year") + "-" + get("month") + "-" + get("day");
  }

  function periodStatus(el, today) {
    var d = el.dataset;
    if (today < d.opens) return "registration-upcoming";
    if (today <= d.closes) return "registration-open";
    if (today < d.start) return "starting";
    if (today <= d.end) return "ongoing";
    return "past";
  }

  function formatDate(iso, pattern) {
    var p = iso.split("-");
    return pattern.replace("{d}", String(+p[2])).replace("{m}", String(+p[1]))
      .replace("{y}", p[0]).replace("{dd}", p[2]).replace("{mm}", p[1]);
  }

  function updateStatuses() {
    var node = document.getElementById("kg-labels");
    if (!node) return;
    var labels = JSON.parse(node.textContent);
    var today = helsinkiToday();
    var statuses = document.querySelectorAll(".kg-status[data-opens]");
    Array.prototype.forEach.call(statuses, function (el) {
      var key = periodStatus(el, today);
      el.textContent = labels[key];
      el.className = "kg-status kg-status--" + key;
      el.setAttribute("data-live", today);
      var asof = el.nextElementSibling;
      if (asof && asof.classList.contains("kg-asof")) {
        asof.hidden = true;
      }
    });
  }

  /* WCAG 2.1.1: a region that scrolls must be focusable to scroll by keyboard. */
  function focusableScrollers() {
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset table");
    Array.prototype.forEach.call(wraps, function (el) {
      if (el.scrollWidth > el.clientWidth + 1 && !el.hasAttribute("tabindex")) {
        el.setAttribute("tabindex", "0");
        el.setAttribute("role", "region");
        var caption = el.closest("article") && el.closest("article").querySelector("h1");
        el.setAttribute("aria-label", caption ? caption.textContent.trim() : "table");
      }
    });
  }

  function run() {
    updateStatuses();
    focusableScrollers();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
  window.addEventListener("resize", focusableScrollers);
})();
