/*
 * The onboarding planner (/fi/suunnittele/, /sv/planera/). The rules live here;
 * tests/planner_reference.py states them again in Python, and the browser and Node
 * tests run tables of scenarios through both and require identical answers. Every rule
 * value and every text comes from /api/planner.json (the form's data-api), never
 * from this file. The form's state lives in the query string under the controls'
 * names, so a plan is shared by copying the address. No framework, no inline
 * script, no eval (strict CSP); the answer is also written to #plan-result as
 * data-plan (JSON) for the tests.
 */
(function () {
  "use strict";

  var CHANGES = ["first", "new", "expansion", "minor"];

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function iso(y, m, d) { return y + "-" + pad(m) + "-" + pad(d); }

  /* planner.add_months: calendar months, the day clamped to the month's end. */
  function addMonths(day, months) {
    var p = day.split("-");
    var index = +p[0] * 12 + (+p[1] - 1) + months;
    var year = Math.floor(index / 12), month = index % 12 + 1;
    var last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return iso(year, month, Math.min(+p[2], last));
  }

  function has(list, item) { return list.indexOf(item) >= 0; }
  /* planner.normalise: ASCII whitespace trimmed, nothing else (not String.prototype.trim's set). */
  function normalise(value) { return value.replace(/^[ \t\n\f\r]+|[ \t\n\f\r]+$/g, ""); }
  function first(query, name) { return normalise((query[name] || [])[0] || ""); }

  /* planner.parse_query: a prototype-free map (no "__proto__" or "toString" of its own), and a
     pair that does not decode is left out instead of stopping the page. */
  function decode(part) {
    try { return decodeURIComponent(part.replace(/\+/g, " ")); } catch (e) { return null; }
  }
  function parseQuery(search) {
    var query = Object.create(null);
    search.replace(/^\?/, "").split("&").forEach(function (pair) {
      if (!pair) return;
      var i = pair.indexOf("=");
      var key = decode(i < 0 ? pair : pair.slice(0, i));
      var value = i < 0 ? "" : decode(pair.slice(i + 1));
      if (key === null || value === null) return;
      (query[key] = query[key] || []).push(value);
    });
    return query;
  }

  function registersInPeriods(s) { return s.registration_required && s.uses_periods; }

  /* planner.plan: the same answer, key for key. */
  function plan(data, query, today) {
    var rules = data.rules, errors = {}, n = 0;
    var sector = first(query, "sector");
    if (!has(rules.sectors, sector)) { errors.sector = "planner-error-sector"; n++; sector = ""; }
    var chosen = (query.service || []).map(normalise);
    var picked = data.services.filter(function (s) {
      return sector && has(s.sectors, sector) && has(chosen, s.id);
    });
    if (sector && !picked.length) { errors.service = "planner-error-service"; n++; }
    var certified = first(query, "certified");
    if (!has(["yes", "no", "unknown"], certified)) { errors.certified = "planner-error-certified"; n++; }
    var askVendor = picked.some(function (s) { return registersInPeriods(s) && s.vendor_exception; });
    var askChange = !!sector && has(rules.change_sectors, sector);
    var vendor = first(query, "vendor_support"), change = first(query, "change");
    if (askVendor && !has(["yes", "no"], vendor)) { errors.vendor_support = "planner-error-vendor-support"; n++; }
    if (askChange && !has(CHANGES, change)) { errors.change = "planner-error-change"; n++; }
    var targetText = first(query, "target"), target = null;
    if (targetText) {
      var m = /^([1-9][0-9]{3})-(0[1-9]|1[0-2])$/.exec(targetText);
      if (m) target = m[1] + "-" + m[2] + "-01";
      else { errors.target = "planner-error-target"; n++; }
    }
    if (n) return { errors: errors };

    var vendorRule = askVendor && vendor === "yes";
    var minorRule = askChange && has(rules.no_registration_changes, change);
    var needing = [], covered = {};
    picked.forEach(function (s) {
      if (!registersInPeriods(s)) return;
      if (vendorRule && s.vendor_exception) covered.vendor = true;
      else if (minorRule && s.kind === "service") covered.minor = true;
      else needing.push(s.id);
    });
    var rule = needing.length ? "required" : covered.vendor ? "vendor-support" :
      covered.minor ? "minor-change" : "not-required";
    var lead = "certified", leadMonths = rules.lead_months_certified;
    if (certified !== "yes") { lead = "uncertified"; leadMonths = rules.lead_months_uncertified; }
    else if (picked.every(function (s) { return s.kind === "functionality"; })) {
      lead = "functionality"; leadMonths = rules.lead_months_functionality;
    }
    var earliest = addMonths(today, leadMonths);
    var earliestMonth = earliest.slice(0, 8) + "01";
    var wanted = target && target > earliest ? target : earliest;
    var register = needing.length > 0;
    var ids = picked.map(function (s) { return s.id; });
    var steps = {};
    picked.forEach(function (s) {
      steps[s.id] = [];
      s.steps.forEach(function (step, i) { if (register || !step.registers) steps[s.id].push(i); });
    });
    var answer = {
      errors: {}, register: register, rule: rule, lead: lead, lead_months: leadMonths,
      earliest: earliest, earliest_month: earliestMonth.slice(0, 7),
      wanted: wanted, too_early: !!target && target < earliestMonth,
      period: null, none_published: false, certainty: null,
      services: ids, steps: steps,
      requirements: data.requirements.filter(function (r) {
        return picked.some(function (s) { return has(s.requires, r.id); });
      }).map(function (r) { return r.id; }),
      prerequisite_services: data.services.filter(function (x) {
        return !has(ids, x.id) && picked.some(function (s) { return has(s.requires_services, x.id); });
      }).map(function (x) { return x.id; })
    };
    if (register) {
      var best = null;
      data.periods.forEach(function (p) {
        var fits = needing.every(function (id) { return has(p.accepts, id); }) &&
          p.registration.closes >= today && p.end >= wanted;
        if (fits && (!best || p.start < best.start)) best = p;
      });
      if (best) { answer.period = best.id; answer.certainty = best.certainty; }
      else answer.none_published = true;
    }
    return answer;
  }

  /* Node loads the rules alone (tests/node/): no page, no fetch. */
  if (typeof module === "object" && module && module.exports) {
    module.exports = { plan: plan, parseQuery: parseQuery, normalise: normalise, addMonths: addMonths };
  }
  if (typeof document === "undefined") return;

  var form = document.getElementById("kg-planner");
  var result = document.getElementById("plan-result");
  if (!form || !result || !window.fetch || !window.kantaGuide) return;
  var lang = form.getAttribute("data-lang");
  var DATA = null;
  var submitted = false;

  /* Today's date in Europe/Helsinki: kg.js's function (it runs first: both scripts are deferred,
     and deferred scripts run in document order). */
  var helsinkiToday = window.kantaGuide.helsinkiToday;

  /* -- reading and writing the form ------------------------------------------- */

  function readForm() {
    var query = Object.create(null);
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled) return;
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) return;
      if (el.type !== "radio" && el.type !== "checkbox" && el.type !== "text") return;
      if (el.type === "text" && !normalise(el.value)) return;
      (query[el.name] = query[el.name] || []).push(el.value);
    });
    return query;
  }

  /* The address's values as the rules read them (normalise); a text field would drop a line
     break inside the value, so it gets a space there (the value stays as wrong as it was). */
  function fillForm(query) {
    Array.prototype.forEach.call(form.elements, function (el) {
      var values = query[el.name];
      if (!values) return;
      if (el.type === "radio" || el.type === "checkbox") el.checked = has(values.map(normalise), el.value);
      else if (el.type === "text") el.value = values[0].replace(/[\r\n]/g, " ");
    });
    /* A service page links here with its service alone: its sector, when it has only one. */
    if (!query.sector && query.service && DATA) {
      var sectors = [];
      DATA.services.forEach(function (s) {
        if (has(query.service, s.id)) s.sectors.forEach(function (x) {
          if (has(DATA.rules.sectors, x) && !has(sectors, x)) sectors.push(x);
        });
      });
      var radio = sectors.length === 1 && document.getElementById("sector-" + sectors[0]);
      if (radio) radio.checked = true;
    }
  }

  /* Only the questions of the chosen sector and services are shown (hidden controls are not sent). */
  function showQuestions() {
    var sector = first(readForm(), "sector");
    var choices = form.querySelectorAll("[data-sectors]");
    Array.prototype.forEach.call(choices, function (el) {
      var on = !!sector && has(el.getAttribute("data-sectors").split(" "), sector);
      if (!el.hasAttribute("data-ask") && !sector) on = true; /* services: all until a sector */
      el.hidden = !on;
      Array.prototype.forEach.call(el.querySelectorAll("input"), function (input) {
        input.disabled = !on;
      });
    });
    /* The vendor-support question: when a chosen service's source states the exception. */
    var chosen = readForm().service || [];
    Array.prototype.forEach.call(form.querySelectorAll("[data-services]"), function (el) {
      var on = !!sector && el.getAttribute("data-services").split(" ").some(function (id) {
        return has(chosen, id);
      });
      el.hidden = !on;
      Array.prototype.forEach.call(el.querySelectorAll("input"), function (input) {
        input.disabled = !on;
      });
    });
  }

  /* -- words --------------------------------------------------------------------- */

  function t(key) { return DATA.strings[key][lang]; }
  function fill(text, values) {
    return text.replace(/\{([A-Za-z]+)\}/g, function (all, k) { return k in values ? values[k] : all; });
  }
  function date(day) {
    var p = day.split("-");
    return fill(t("format-date"), { d: +p[2], m: +p[1], y: p[0], dd: p[2], mm: p[1] });
  }
  /* A month in words ("huhtikuu 2027"): a period's id is also number/year. */
  function month(day) {
    var p = day.split("-");
    return fill(t("format-month"), { month: t("month-names").split(" ")[+p[1] - 1], y: p[0] });
  }
  function time(hhmm) {
    var p = hhmm.split(":");
    return fill(t("format-time"), { H: +p[0], HH: p[0], MM: p[1] });
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  /* The word after a date that is not confirmed: the same badge as the pages' (_macros.md.j2). */
  function mark(state) {
    if (state === "example") return el("span", { "class": "kg-prov kg-prov--example", "data-dates": state }, [t("date-example")]);
    if (state === "provisional") return el("span", { "class": "kg-prov", "data-dates": state }, [t("provisional")]);
    return null;
  }

  /* A sentence with {placeholders} replaced by nodes (dates with their badges). */
  function sentence(tag, text, nodes, attrs) {
    var parts = text.split(/\{([a-z]+)\}/), kids = [];
    parts.forEach(function (part, i) {
      if (i % 2 === 0) { if (part) kids.push(part); }
      else kids.push(nodes[part] !== undefined ? nodes[part] : "{" + part + "}");
    });
    return el(tag, attrs, kids);
  }
  function dated(day, state, strong) {
    var span = el(strong ? "strong" : "span", {}, [date(day)]);
    var badge = mark(state);
    return badge ? el("span", {}, [span, " ", badge]) : span;
  }

  function byId(list, id) { return list.filter(function (x) { return x.id === id; })[0]; }

  /* -- the result ------------------------------------------------------------------- */

  function renderErrors(answer) {
    var summary = document.getElementById("plan-errors");
    var names = ["sector", "service", "certified", "vendor_support", "change", "target"];
    var items = [];
    names.forEach(function (name) {
      var box = document.getElementById("error-" + name);
      var field = document.getElementById("field-" + name);
      var key = submitted && answer.errors[name];
      if (box) { box.textContent = key ? t(key) : ""; box.hidden = !key; }
      if (field) field.classList.toggle("kg-field--error", !!key);
      var target = name === "target" ? document.getElementById("target") : null;
      if (target) {
        if (key) target.setAttribute("aria-invalid", "true"); else target.removeAttribute("aria-invalid");
        target.setAttribute("aria-describedby", key ? "hint-target error-target" : "hint-target");
      } else if (field) {
        var described = ((field.getAttribute("data-hint") || "") + (key ? " error-" + name : "")).trim();
        if (described) field.setAttribute("aria-describedby", described);
        else field.removeAttribute("aria-describedby");
      }
      if (key) {
        var input = field && field.querySelector("input:not([disabled])");
        items.push(el("li", {}, [el("a", { href: "#" + (input ? input.id : "field-" + name) }, [t(key)])]));
      }
    });
    summary.textContent = "";
    summary.hidden = !items.length;
    if (items.length) {
      summary.appendChild(el("h2", {}, [t("planner-errors-title")]));
      summary.appendChild(el("ul", {}, items));
    }
    return items.length;
  }

  function renderPlan(answer, today) {
    var body = document.getElementById("plan-body");
    body.textContent = "";
    result.setAttribute("data-plan", JSON.stringify(answer));
    if (Object.keys(answer.errors).length) {
      body.appendChild(el("p", {}, [t("planner-empty")]));
      return;
    }
    body.appendChild(el("p", { "class": "kg-plan-meta" }, [
      DATA.site_name[lang], " · ", fill(t("planner-plan-date"), { date: date(today) }), " · ",
      t("planner-address") + ": ", el("span", { "class": "kg-plan-url" }, [location.href])
    ]));
    var one = answer.services.length === 1 ? "-one" : "";
    var rules = { "required": "planner-rule-required", "minor-change": "planner-rule-minor-change",
                  "vendor-support": "planner-rule-vendor-support", "not-required": "planner-rule-not-required" + one };
    body.appendChild(el("h3", {}, [t("planner-register-title")]));
    body.appendChild(el("p", {}, [el("strong", {}, [t(answer.register ? "planner-register-yes" : "planner-register-no")])]));
    body.appendChild(el("p", {}, [t(rules[answer.rule])]));
    if (answer.rule === "vendor-support") body.appendChild(el("p", {}, [t("planner-events-optional")]));

    if (answer.register) {
      body.appendChild(el("h3", {}, [t("planner-period-title")]));
      var earliest = date(answer.earliest);
      body.appendChild(el("p", {}, [answer.lead === "functionality" ? t("planner-lead-functionality") :
        answer.lead_months === 1 ? fill(t("planner-lead-months-one"), { date: earliest }) :
        fill(t("planner-lead-months"), { months: answer.lead_months, date: earliest })]));
      if (answer.too_early) {
        var wanted = first(readForm(), "target") + "-01";
        body.appendChild(el("p", { "class": "kg-plan-warning" }, [
          fill(t("planner-too-early"), { target: month(wanted), month: month(answer.earliest_month + "-01") })]));
      }
      var period = answer.period && byId(DATA.periods, answer.period);
      if (!period) {
        body.appendChild(el("p", { "class": "kg-plan-warning" }, [t("planner-none-published")]));
      } else {
        if (period.certainty !== "confirmed") {
          body.appendChild(el("p", { "class": "kg-plan-warning", "data-certainty": period.certainty },
            [el("strong", {}, [t("planner-according-" + period.certainty)])]));
        }
        var title = fill(t("planner-period-name"), { id: period.id });
        body.appendChild(sentence("p", t("planner-period"), {
          period: el("a", { href: period.url[lang] }, [title]),
          start: date(period.start), end: el("span", {}, [date(period.end), mark(period.dates) ? " " : "", mark(period.dates)])
        }));
        body.appendChild(el("h3", {}, [t("planner-by-when")]));
        var reg = period.registration;
        body.appendChild(sentence("p", t("planner-last-day"), { date: dated(reg.closes, reg.dates, true) }));
        var closes = mark(reg.dates);
        body.appendChild(el("p", {}, [fill(t("planner-window"), { opens: date(reg.opens), closes: date(reg.closes) }),
          closes ? " " : "", closes]));
        if (period.events.length) {
          body.appendChild(el("h4", {}, [t("planner-events-title")]));
          body.appendChild(el("ul", {}, period.events.map(function (e) {
            var where = e.online ? t("online") : "";
            if (e.place) where = where ? fill(t("online-and-place"), { place: e.place[lang] }) : e.place[lang];
            var when = date(e.date) + " " + time(e.start) + "–" + time(e.end).split(" ").pop();
            var badge = mark(e.dates);
            return el("li", {}, [el("strong", {}, [e.title[lang]]), ": " + when, badge ? " " : "", badge, where ? " (" + where + ")" : ""]);
          })));
        }
        body.appendChild(el("p", {}, [el("a", { href: period.calendar[lang], "class": "kg-plan-calendar" },
          [fill(t("planner-add-calendar"), { period: period.id })])]));
      }
    }

    var before = answer.prerequisite_services.map(function (id) { return byId(DATA.services, id); })
      .filter(function (s) { return s; });
    if (answer.requirements.length || before.length) {
      body.appendChild(el("h3", {}, [t("planner-ready-title")]));
      if (before.length) {
        body.appendChild(el("h4", {}, [t("planner-ready-services")]));
        body.appendChild(el("ul", {}, before.map(function (s) {
          return el("li", {}, [el("a", { href: s.url[lang] }, [s.name[lang]])]);
        })));
      }
      DATA.roles.forEach(function (role) {
        var mine = answer.requirements.map(function (id) { return byId(DATA.requirements, id); })
          .filter(function (r) { return r.who === role.id; });
        if (!mine.length) return;
        body.appendChild(el("h4", {}, [role.name[lang]]));
        body.appendChild(el("ul", {}, mine.map(function (r) {
          return el("li", {}, [el("a", { href: r.url[lang] }, [r.name[lang]])]);
        })));
      });
    }
    body.appendChild(el("h3", {}, [t("planner-steps-title")]));
    answer.services.forEach(function (id) {
      var s = byId(DATA.services, id);
      body.appendChild(el("h4", {}, [el("a", { href: s.url[lang] }, [s.name[lang]])]));
      body.appendChild(el("ol", {}, answer.steps[id].map(function (i) {
        var step = s.steps[i], role = byId(DATA.roles, step.who);
        return el("li", {}, [step.title[lang] + (role ? " (" + role.name[lang] + ")" : "")]);
      })));
    });
    var status = el("span", { "class": "kg-plan-copied", role: "status" }, []);
    var print = el("button", { type: "button", "class": "md-button" }, [t("planner-print")]);
    var copy = el("button", { type: "button", "class": "md-button" }, [t("planner-copy")]);
    print.addEventListener("click", function () { window.print(); });
    copy.addEventListener("click", function () {
      var done = function () { status.textContent = t("planner-copied"); };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(location.href).then(done, function () { status.textContent = location.href; });
      } else {
        status.textContent = location.href;
      }
    });
    body.appendChild(el("p", { "class": "kg-plan-actions" }, [print, " ", copy, " ", status]));
  }

  function update(focus) {
    showQuestions();
    var query = readForm();
    var today = helsinkiToday();
    var answer = plan(DATA, query, today);
    var search = Object.keys(query).map(function (k) {
      return query[k].map(function (v) { return encodeURIComponent(k) + "=" + encodeURIComponent(v); }).join("&");
    }).join("&");
    if (window.history && history.replaceState) {
      history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
    }
    var errors = renderErrors(answer);
    renderPlan(answer, today);
    if (focus) {
      (errors ? document.getElementById("plan-errors") : document.getElementById("plan-result-title")).focus();
    }
  }

  function start(data) {
    DATA = data;
    var query = parseQuery(location.search);
    fillForm(query);
    /* A shared plan (it has every answer) shows its mistakes at once; a service page's link
       (?service=…) only starts the form. */
    submitted = !!query.certified;
    Array.prototype.forEach.call(form.querySelectorAll("fieldset[aria-describedby]"), function (f) {
      f.setAttribute("data-hint", f.getAttribute("aria-describedby"));
    });
    document.getElementById("plan-result-title").setAttribute("tabindex", "-1");
    result.hidden = false;
    update(false);
    form.addEventListener("change", function () { update(false); });
    form.addEventListener("input", function (e) { if (e.target.type === "text") update(false); });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      submitted = true;
      update(true);
    });
    form.setAttribute("data-ready", "");
  }

  fetch(form.getAttribute("data-api"), { credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(start);
})();
