#!/usr/bin/env node
// Compiles the Node side of the workspace (api, worker, api/shared libs, tools)
// to CommonJS in dist/, with SWC. SWC keeps decorator metadata (Nest's DI needs
// it; esbuild drops it) and rewrites the @crm/* path aliases to relative paths,
// so `node dist/apps/api/src/main.js` runs with no loader. Nest 12 is ESM-only:
// Node >= 20.19 loads it through require(esm).
const fs = require('node:fs');
const path = require('node:path');
const swc = require('@swc/core');

const root = path.resolve(__dirname, '../..');
const outDir = path.join(root, 'dist');
const sourceRoots = ['apps/api/src', 'apps/worker/src', 'libs/api', 'libs/shared', 'tools/seed', 'tools/bench'];
const skip = /(\.spec\.ts|\.int-spec\.ts|\.d\.ts)$/;

const tsconfig = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
const paths = tsconfig.compilerOptions.paths;

function walk(dir, files = []) {
  if (!fs.existsSync(dir)) return files;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name === '__generated__') continue;
      walk(full, files);
    } else if (entry.name.endsWith('.ts') && !skip.test(entry.name)) {
      files.push(full);
    }
  }
  return files;
}

async function main() {
  const started = Date.now();
  const files = sourceRoots.flatMap((dir) => walk(path.join(root, dir)));
  await Promise.all(
    files.map(async (file) => {
      const out = await swc.transformFile(file, {
        swcrc: false,
        sourceMaps: true,
        module: { type: 'commonjs' },
        jsc: {
          target: 'es2022',
          baseUrl: root,
          paths,
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          keepClassNames: true,
        },
      });
      const target = path.join(outDir, path.relative(root, file)).replace(/\.ts$/, '.js');
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, `${out.code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
      if (out.map) fs.writeFileSync(`${target}.map`, out.map);
    }),
  );
  // Non-TS assets the runtime reads (e-mail templates, SQL files).
  for (const dir of sourceRoots) copyAssets(path.join(root, dir));
  console.log(`compiled ${files.length} files to dist/ in ${Date.now() - started} ms`);
}

function copyAssets(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) copyAssets(full);
    else if (/\.(sql|json|gql)$/.test(entry.name) && !entry.name.startsWith('tsconfig') && entry.name !== 'project.json') {
      const target = path.join(outDir, path.relative(root, full));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(full, target);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
