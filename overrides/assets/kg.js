/*
 * Keeps build-time statuses true on cached pages, loads Material's scripts on
 * the reader's first interaction, makes scrolling tables reachable by keyboard
 * and names the search dialog. The status rules mirror
 * generator/model/dates.py exactly (tests/browser/test_status.py checks both agree).
 * Plain ES5-compatible code, no dependencies, no inline script (strict CSP).
 */
(function () {
  "use strict";

  /*
   * Today's date in Europe/Helsinki as YYYY-MM-DD (the data's time zone).
   * Helsinki is UTC+2 in winter and UTC+3 in summer, so outside 21-22 UTC both
   * offsets give the same date and that date is exact. Only in that hour is the
   * time-zone formatter asked: building one costs a phone ~90 ms of main thread
   * (ICU's zone data), more than everything else in this file together.
   */
  function helsinkiToday() {
    var now = Date.now();
    var winter = new Date(now + 2 * 3600000).toISOString().slice(0, 10);
    var summer = new Date(now + 3 * 3600000).toISOString().slice(0, 10);
    if (winter === summer) return winter;
    var parts = new Intl.DateTimeFormat("en-CA", {
      timeZone: "Europe/Helsinki", year: "numeric", month: "2-digit", day: "2-digit"
    }).formatToParts(new Date(now));
    var get = function (type) {
      return parts.filter(function (p) { return p.type === type; })[0].value;
    };
    return get("year") + "-" + get("month") + "-" + get("day");
  }
  /* The one copy: the planner's script (planner.js, on its page only) takes it from here. */
  window.kantaGuide = { helsinkiToday: helsinkiToday };

  function periodStatus(el, today) {
    var d = el.dataset;
    if (today < d.opens) return "registration-upcoming";
    if (today <= d.closes) return "registration-open";
    if (today < d.start) return "starting";
    if (today <= d.end) return "ongoing";
    return "past";
  }

  /*
   * How sure a status is: as sure as the least sure date it was decided by
   * (dates.status_certainty). Before and during registration only the window's
   * dates decide; afterwards its closing day and the period's dates do. A status
   * from dates that are not confirmed is worded "… alustavan aikataulun mukaan …"
   * or "… esimerkkiaikataulun mukaan …" (labels "<key>-provisional", "<key>-example").
   */
  var STATES = ["example", "provisional", "confirmed"];

  function certainty(el, key) {
    var reg = el.getAttribute("data-reg-dates");
    var period = el.getAttribute("data-period-dates");
    if (STATES.indexOf(reg) < 0 || STATES.indexOf(period) < 0) return "confirmed";
    if (key === "registration-upcoming" || key === "registration-open") return reg;
    return STATES.indexOf(reg) < STATES.indexOf(period) ? reg : period;
  }

  function label(labels, key, sure) {
    return (sure !== "confirmed" && labels[key + "-" + sure]) || labels[key];
  }

  function formatDate(iso, pattern) {
    var p = iso.split("-");
    return pattern.replace("{d}", String(+p[2])).replace("{m}", String(+p[1]))
      .replace("{y}", p[0]).replace("{dd}", p[2]).replace("{mm}", p[1]);
  }

  function updateStatuses() {
    var node = document.getElementById("kg-labels");
    if (!node) return;
    /* A period Kela has not announced (dates "unannounced") has no dates, so no status to keep. */
    var statuses = document.querySelectorAll(
      '.kg-status[data-opens]:not([data-period-dates="unannounced"])');
    if (!statuses.length) return;
    var labels = JSON.parse(node.textContent);
    var today = helsinkiToday();
    Array.prototype.forEach.call(statuses, function (el) {
      var key = periodStatus(el, today);
      el.textContent = label(labels, key, certainty(el, key));
      el.className = "kg-status kg-status--" + key;
      el.setAttribute("data-live", today);
      var asof = el.nextElementSibling;
      if (asof && asof.classList.contains("kg-asof")) {
        asof.hidden = true;
      }
    });
  }

  /*
   * Labels built into the page ("Käynnissä oleva jakso", "Seuraava jakso", the last registration
   * day) hold between the days in their data (from, until: inclusive; before: exclusive). On a
   * cached page, one that no longer holds is hidden with its list item or paragraph.
   */
  function hideStaleLabels() {
    var today = helsinkiToday();
    Array.prototype.forEach.call(document.querySelectorAll(".kg-while"), function (el) {
      var d = el.dataset;
      var holds = (!d.from || today >= d.from) && (!d.until || today <= d.until) &&
        (!d.before || today < d.before);
      el.setAttribute("data-live", today);
      if (!holds) (el.classList.contains("kg-mark") ? el : el.closest("li, p") || el).hidden = true;
    });
  }

  /*
   * The timeline's "today" line (generator/model/timeline.py) moves to the reader's date, like the
   * statuses: the wrapper gives the axis (data-from, data-to: ISO dates) and the drawing's x
   * range (data-x0, data-x1). Outside the axis the line is hidden.
   */
  function days(iso) {
    var p = iso.split("-");
    return Date.UTC(+p[0], +p[1] - 1, +p[2]) / 86400000;
  }

  function moveToday() {
    var charts = document.querySelectorAll(".kg-timeline[data-from]");
    if (!charts.length) return;
    var today = helsinkiToday();
    Array.prototype.forEach.call(charts, function (chart) {
      var d = chart.dataset, group = chart.querySelector(".kg-tl-today");
      if (!group) return;
      var inside = today >= d.from && today < d.to;
      group.setAttribute("visibility", inside ? "visible" : "hidden");
      group.setAttribute("data-live", today);
      if (!inside) return;
      var x = +d.x0 + (+d.x1 - +d.x0) * (days(today) - days(d.from)) / (days(d.to) - days(d.from));
      var line = group.querySelector("line"), text = group.querySelector("text");
      line.setAttribute("x1", x.toFixed(1));
      line.setAttribute("x2", x.toFixed(1));
      var end = x > 320;
      text.setAttribute("x", (end ? x - 3 : x + 3).toFixed(1));
      if (end) text.setAttribute("text-anchor", "end"); else text.removeAttribute("text-anchor");
    });
  }

  /* The nearest heading before el (inside the article), else the page's h1: names the region. */
  function headingFor(el) {
    var node = el;
    while (node && !(node.classList && node.classList.contains("md-content__inner"))) {
      var prev = node.previousElementSibling;
      while (prev) {
        if (/^H[1-6]$/.test(prev.tagName)) return prev.textContent.trim();
        prev = prev.previousElementSibling;
      }
      node = node.parentElement;
    }
    var h1 = document.querySelector(".md-content h1");
    return h1 ? h1.textContent.trim() : document.title;
  }

  /*
   * WCAG 2.1.1 (axe scrollable-region-focusable): a region that scrolls must be
   * focusable, or keyboard users cannot scroll it. Material wraps every table in
   * .md-typeset__scrollwrap from its bundle, AFTER this file first runs, so this
   * must run again once Material is done (see start() below). Before the bundle
   * (or with JS off) the table itself is the scrolling box. Whatever scrolls now
   * gets tabindex=0 + role=region + a name; whatever stopped scrolling (wrapped,
   * or a wider window) loses what we added, so there is no stray tab stop.
   */
  function focusableScrollers() {
    var boxes = document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset table");
    Array.prototype.forEach.call(boxes, function (el) {
      var ours = el.hasAttribute("data-kg-scroll");
      var scrolls = el.scrollWidth > el.clientWidth + 1 &&
        getComputedStyle(el).overflowX !== "visible";
      if (scrolls && !ours && !el.hasAttribute("tabindex")) {
        el.setAttribute("tabindex", "0");
        /* A <table> keeps its own role (a region role would hide the table semantics). */
        if (el.tagName !== "TABLE") el.setAttribute("role", "region");
        el.setAttribute("aria-label", headingFor(el));
        el.setAttribute("data-kg-scroll", "");
      } else if (!scrolls && ours) {
        el.removeAttribute("tabindex");
        el.removeAttribute("role");
        el.removeAttribute("aria-label");
        el.removeAttribute("data-kg-scroll");
      }
    });
  }

  /*
   * Material's search overlay has role="dialog" but no name (axe best-practice
   * aria-dialog-name): screen readers announce just "dialog". Name it after
   * the search field, whose label Material already translates ("Hae", "Sök").
   */
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role='dialog']");
    var input = document.querySelector(".md-search__input");
    if (dialog && input && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", input.getAttribute("aria-label") || input.placeholder);
    }
  }

  function run() {
    updateStatuses();
    hideStaleLabels();
    moveToday();
    focusableScrollers();
    nameSearchDialog();
  }

  /*
   * Material's scripts (search, the back-to-top button, table wrappers) come as
   * <script type="text/x-kg-deferred" data-src> (see overrides/main.html) and load
   * on the reader's first interaction: a tap, a key, focus, scrolling. They load
   * in order; then DOMContentLoaded is announced again, because Material mounts
   * its components on that event (its document$ emits then), and kg.js runs once
   * more after Material, to name and fix what Material just built.
   */
  var TRIGGERS = ["pointerdown", "touchstart", "keydown", "focusin", "scroll", "wheel"];

  function loadMaterial() {
    TRIGGERS.forEach(function (type) { window.removeEventListener(type, loadMaterial, true); });
    var deferred = document.querySelectorAll("script[type='text/x-kg-deferred']");
    if (!deferred.length) return;
    var last;
    Array.prototype.forEach.call(deferred, function (old) {
      var script = document.createElement("script");
      script.src = old.getAttribute("data-src");
      script.async = false; /* run in document order */
      old.parentNode.replaceChild(script, old);
      last = script;
    });
    last.addEventListener("load", function () {
      if (window.document$ && typeof window.document$.subscribe === "function") {
        window.document$.subscribe(run);
      }
      document.dispatchEvent(new Event("DOMContentLoaded"));
      document.documentElement.setAttribute("data-kg-material", "mounted");
    });
  }

  function start() {
    TRIGGERS.forEach(function (type) {
      window.addEventListener(type, loadMaterial, { capture: true, passive: true });
    });
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", run, { once: true });
    } else {
      run();
    }
  }

  start();
  window.addEventListener("resize", focusableScrollers);
})();
