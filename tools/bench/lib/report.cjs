// Writing figures into docs/benchmarks.md: each script owns one section and
// replaces it whole, so a re-run never leaves stale numbers behind.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const procs = require('../../dev/procs.cjs');

const root = path.resolve(__dirname, '../../..');

const FILE_HEADER = `# Benchmarks

Figures measured on a named machine, each with the exact command that produced
it. Every section is written by a script in \`tools/bench/\`; re-run the script
rather than editing numbers by hand, and compare figures only when machine and
command match.
`;

/** The commit measured, and whether the tree had uncommitted changes. */
function gitDescription() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
    return `${commit}${dirty ? ' (with uncommitted changes)' : ''}`;
  } catch {
    return 'unknown';
  }
}

/** The command that ran this script, quoted for a shell (or, `quote: false`, joined as typed, as some sections always showed it). */
function commandLine(script, { quote = true } = {}) {
  if (!quote) {
    const typed = process.argv.slice(2).join(' ');
    return `node ${path.relative(root, script)}${typed ? ` ${typed}` : ''}`;
  }
  const args = process.argv.slice(2).map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`));
  return ['node', path.relative(root, script), ...args].join(' ');
}

/** Now, to the second: 2026-12-02T23:34:27Z. */
const timestamp = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

/** A section's opening lines: the script that wrote it and when, then `command` in a shell block. */
function writtenBy(script, command) {
  return [`Written by \`${path.relative(root, script)}\` on ${timestamp()}; re-running it replaces this section.`, '', '```sh', command, '```'];
}

const verdict = (ok) => (ok ? 'met' : '**missed**');
/** A figure rounded, with thousands separators: 12,345. */
const rounded = (value) => Math.round(value).toLocaleString('en-US');
/** Milliseconds per answer: CPU seconds over answers, or a CPU share over answers per second. */
const msPer = (seconds, answers) => (answers > 0 ? ((seconds * 1000) / answers).toFixed(2) : '–');

/**
 * Replaces a section of `file`: from `start` to `end` markers when `end` is
 * given (both kept, inside `section`), else from the `## heading` line to the
 * next `## ` heading or section marker. A missing section is appended.
 */
function writeSection(file, section, { start, end }) {
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : FILE_HEADER;
  let from = -1;
  let to = -1;
  if (end) {
    from = text.indexOf(start);
    const endAt = text.indexOf(end);
    if (from !== -1 && endAt > from) to = endAt + end.length;
  } else {
    const at = text.indexOf(`\n${start}\n`);
    if (at !== -1) {
      from = at + 1;
      const next = text.slice(from + start.length).search(/\n(## |<!-- bench:)/);
      to = next === -1 ? text.length : from + start.length + next;
    }
  }
  if (from !== -1 && to !== -1) text = `${text.slice(0, from)}${section}${end ? '' : '\n'}${text.slice(to)}`;
  else text = `${text.replace(/\n*$/, '\n\n')}${section}\n`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** writeSection, then says which file it wrote. */
function saveSection(file, section, markers) {
  writeSection(file, section, markers);
  procs.say(`wrote ${path.relative(root, file)}`);
}

module.exports = { gitDescription, commandLine, timestamp, writtenBy, verdict, rounded, msPer, writeSection, saveSection };
