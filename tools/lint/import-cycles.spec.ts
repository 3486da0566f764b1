import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// Within one project, files must not import each other in a circle (a module that is
// half-initialised when the other reads it is a bug waiting for its load order).
// Between projects, @nx/enforce-module-boundaries already refuses cycles. TypeORM entities
// point at each other by design, through thunks (`() => PolicyAskEntity`): left out.
const root = path.resolve(__dirname, '../..');
const sourceRoots = ['apps', 'libs'].map((dir) => path.join(root, dir));
const skip = /node_modules|__generated__|\/build\/|\/\.cache\/|\.spec\.tsx?$|\.int-spec\.ts$|\.e2e\.ts$|\.entity\.ts$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (skip.test(full)) return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

function resolve(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  // Type-only imports vanish at run time: they cannot close a circle.
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => m[1]);
  return specifiers.map((s) => resolve(file, s)).filter((f): f is string => f !== null);
}

function findCycles(files: string[]): string[][] {
  const graph = new Map(files.map((file) => [file, relativeImports(file)]));
  const cycles: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'visiting');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'visiting') cycles.push([...stack.slice(stack.indexOf(next)), next].map((f) => path.relative(root, f)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return cycles;
}

describe('import cycles inside a project', () => {
  it('finds a circle when there is one (the check bites)', () => {
    const dir = path.join(__dirname, '__fixtures__/cycle');
    expect(findCycles(sourceFiles(dir)).length).toBeGreaterThan(0);
  });

  it('has none in apps/ and libs/', () => {
    expect(findCycles(sourceRoots.flatMap(sourceFiles))).toEqual([]);
  });
});
