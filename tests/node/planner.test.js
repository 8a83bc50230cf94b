/*
 * The planner's rules (overrides/assets/planner.js) in Node's own test runner, no browser:
 * every case of tests/golden/planner-cases.json (written by tests/test_planner.py from the
 * Python reference, tests/planner_reference.py, on the full fixture site) must give the same parsed
 * query and the same answer. Run: node --test tests/node/
 */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const rules = require(path.join(__dirname, "..", "..", "overrides", "assets", "planner.js"));

const golden = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "golden", "planner-cases.json"), "utf8"));

test("the golden file has cases", () => {
  assert.ok(golden.cases.length >= 40);
});

for (const c of golden.cases) {
  test(`${c.today} ${c.search}`, () => {
    const query = rules.parseQuery(c.search);
    assert.deepEqual(JSON.parse(JSON.stringify(query)), c.query);
    assert.deepEqual(rules.plan(golden.data, query, c.today), c.answer);
  });
}
