// Lints one-line probe files (given as JSON on stdin: [{ file, code }]) with the repository's ESLint
// configuration, in memory, and prints the module-boundary messages of each. ESLint's flat config is ESM,
// which jest's CommonJS runtime cannot load: layers.spec.ts runs this as a child process.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { createProjectGraphAsync } from '@nx/devkit';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const probes = JSON.parse(
  await new Promise((resolve) => {
    let text = '';
    process.stdin.on('data', (chunk) => (text += chunk));
    process.stdin.on('end', () => resolve(text));
  }),
);
// The boundary rule reads Nx's cached project graph (and skips itself without one): make it current first.
process.chdir(root);
await createProjectGraphAsync({ exitOnError: true });
const eslint = new ESLint({ cwd: root });
const results = [];
for (const { file, code } of probes) {
  const [result] = await eslint.lintText(`${code}\nexport const probe = 1;\n`, { filePath: path.join(root, file) });
  results.push(result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message));
}
process.stdout.write(JSON.stringify(results));
