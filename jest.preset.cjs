// Shared jest settings. Nest 12 and a few other packages ship ESM only, and jest
// runs CommonJS: @swc/jest compiles our TypeScript and those packages alike.
const fs = require('node:fs');
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias.replace(/[/]/g, '\\/')}$`] = path.join(__dirname, target);
}

const swcOptions = {
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true, tsx: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false, react: { runtime: 'automatic' } },
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
};

// Packages that ship ESM only (Nest 12, parts of Fastify/Mercurius): jest runs
// CommonJS, so these are compiled by @swc/jest; all others are left alone.
function esmPackages(dir = path.join(__dirname, 'node_modules'), found = new Set()) {
  if (!fs.existsSync(dir)) return found;
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (name.startsWith('@')) {
      esmPackages(full, found);
      continue;
    }
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(full, 'package.json'), 'utf8'));
      if (pkg.type === 'module') found.add(pkg.name ?? name);
    } catch {
      // not a package
    }
    const nested = path.join(full, 'node_modules');
    if (fs.existsSync(nested)) esmPackages(nested, found);
  }
  return found;
}
// mercurius is CommonJS but loads quick-lru with import(), which jest's CommonJS runtime cannot do.
const esmOnly = [...esmPackages(), 'mercurius'].map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)sx?$': ['@swc/jest', swcOptions] },
  // Ignored unless the innermost node_modules folder in the path holds an ESM package.
  transformIgnorePatterns: [`^(?!.*/node_modules/(?:${esmOnly})/(?!.*/node_modules/)).*/node_modules/`],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper,
  clearMocks: true,
};
