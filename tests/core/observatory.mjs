// Scores a site as the MDN HTTP Observatory does, with its own code (npm package
// @mdn/mdn-http-observatory): its retriever fetches the page over http and https, and its tests
// and grader score what came back. Its `scan()` only reaches ports 80 and 443; this takes the
// ports, so a test can score a server it started.
//
//   node tests/core/observatory.mjs HOST HTTP_PORT HTTPS_PORT PATH
//
// Prints {"score", "grade", "tests": {name: {result, modifier}}} as JSON. Trusts the
// certificates named in NODE_EXTRA_CA_CERTS, like any Node program.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// The package's install script downloads Chromium's HSTS preload list, which `npm ci
// --ignore-scripts` skips (and only the package registries are reachable here). Without a list
// nothing counts as preloaded, which is true of any server a test starts.
const packageDir = path.dirname(
  createRequire(import.meta.url).resolve("@mdn/mdn-http-observatory/package.json")
);
const preloadList = path.join(packageDir, "conf", "hsts-preload.json");
if (!fs.existsSync(preloadList)) {
  fs.mkdirSync(path.dirname(preloadList), { recursive: true });
  fs.writeFileSync(preloadList, "{}");
}

import { retrieve } from "@mdn/mdn-http-observatory/src/retriever/retriever.js";
import { ALL_TESTS } from "@mdn/mdn-http-observatory/src/constants.js";
import { MINIMUM_SCORE_FOR_EXTRA_CREDIT } from "@mdn/mdn-http-observatory/src/grader/charts.js";
import {
  getGradeForScore,
  getScoreModifier,
} from "@mdn/mdn-http-observatory/src/grader/grader.js";

const [host, httpPort, httpsPort, pagePath] = process.argv.slice(2);
const requests = await retrieve(host, { httpPort, httpsPort, path: pagePath });
if (!requests.responses.auto) {
  console.log(JSON.stringify({ error: "The site did not answer." }));
  process.exit(1);
}

// As scan() does: penalties always count, bonuses only once the site has an A without them.
let withBonuses = 100;
let penaltiesOnly = 100;
const tests = {};
for (const test of ALL_TESTS) {
  const output = test(requests);
  const modifier = getScoreModifier(output.result);
  withBonuses += modifier;
  if (modifier < 0) penaltiesOnly += modifier;
  tests[output.constructor.name] = { result: output.result, modifier };
}
const { score, grade } = getGradeForScore(
  penaltiesOnly >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? withBonuses : penaltiesOnly
);
console.log(JSON.stringify({ score, grade, status: requests.responses.auto.status, tests }));
