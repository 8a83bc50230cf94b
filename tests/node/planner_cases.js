/*
 * Runs overrides/assets/planner.js's rules in Node for tests/test_planner.py: reads
 * {"data": <api/planner.json>, "cases": [{"search": "...", "today": "YYYY-MM-DD"}, ...]} on stdin
 * and writes, for each case, {"query": parseQuery(search), "answer": plan(data, query, today)}.
 */
"use strict";
const path = require("path");
const rules = require(path.join(__dirname, "..", "..", "overrides", "assets", "planner.js"));

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const { data, cases } = JSON.parse(input);
  const out = cases.map(({ search, today }) => {
    const query = rules.parseQuery(search);
    return { query, answer: rules.plan(data, query, today) };
  });
  process.stdout.write(JSON.stringify(out));
});
