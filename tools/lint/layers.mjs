// The floors of the API (decision 056): each may use its own floor and those below, never one above.
// `@nx/enforce-module-boundaries` reads these; layers.spec.ts proves a wrong arrow fails lint.
export const apiFloors = ['shared', 'platform', 'services', 'records', 'domain', 'reader', 'app'];

const tag = (floor) => `layer:${floor}`;

export const layerConstraints = [
  ...apiFloors.map((floor, index) => ({
    sourceTag: tag(floor),
    // Apps stand side by side and never import each other; every other floor may use its own.
    onlyDependOnLibsWithTags: [...apiFloors.slice(0, floor === 'app' ? index : index + 1).map(tag), ...(floor === 'app' ? ['layer:client'] : [])],
  })),
  // The staff app's own libraries (GraphQL documents): shared code only.
  { sourceTag: 'layer:client', onlyDependOnLibsWithTags: ['layer:shared', 'layer:client'] },
  { sourceTag: 'layer:e2e', onlyDependOnLibsWithTags: ['layer:shared'] },
  { sourceTag: 'layer:tools', onlyDependOnLibsWithTags: [] },
];

// API, staff app and shared code never meet but through shared.
export const scopeConstraints = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
  { sourceTag: 'scope:staff', onlyDependOnLibsWithTags: ['scope:staff', 'scope:shared'] },
];
