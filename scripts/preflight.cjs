'use strict';
/*
 * Runs before `npm start`, `npm run demo` and `npm test` (their `pre` scripts) and stops them at once
 * on a Node that cannot run Vouch, with one sentence instead of a cryptic failure later (on Node 20
 * the demo dies loading `node:sqlite`). Plain CommonJS with no modern syntax, so that old Node runs it.
 *
 * The floor is where `node:sqlite` works without a flag: 22.13 on the 22 line and 23.4 on the 23 line
 * (nodejs/node#55890); 22.12 also unflagged `require()` of ES modules. Keep package.json's
 * `engines.node` in step (scripts/test/preflight.test.ts checks it).
 */

var ENGINES = '>=22.13 <23 || >=23.4';

/**
 * [major, minor, patch] of a version such as "20.11.1" or "v24.1.0", or null if it is not one.
 * @param {string} version
 * @returns {[number, number, number] | null}
 */
function parseVersion(version) {
  var m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(String(version));
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** @param {string} version */
function isSupported(version) {
  var v = parseVersion(version);
  if (!v) return false;
  if (v[0] === 22) return v[1] >= 13;
  if (v[0] === 23) return v[1] >= 4;
  return v[0] >= 24;
}

/**
 * The sentence to print for an unsupported Node, or null when `version` can run Vouch.
 * @param {string} version
 * @returns {string | null}
 */
function preflightMessage(version) {
  if (isSupported(version)) return null;
  return (
    'Vouch needs Node.js 22.13 or newer (23.4+ on the 23 line; Node 24 LTS recommended) but found Node ' +
    String(version).replace(/^v/, '') +
    ': install Node 24 from https://nodejs.org/en/download or with a version manager (nvm install 24, fnm install 24, volta install node@24), then run the command again.'
  );
}

module.exports = { ENGINES: ENGINES, isSupported: isSupported, preflightMessage: preflightMessage };

if (require.main === module) {
  var message = preflightMessage(process.versions.node);
  if (message) {
    console.error(message);
    process.exit(1);
  }
}
