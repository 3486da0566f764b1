import { execFileSync } from 'node:child_process';
import path from 'node:path';

// The floors hold only if lint refuses a wrong arrow: each case lints one line as if it were a
// file of the named library, with the repository's own ESLint configuration (lint-probes.mjs).
// [what, file, import, the refusal expected]. An upward arrow between libraries that already
// depend the other way is first a cycle; between others it is the floors' own rule.
const floorRule = /layer:\w+" can only depend on libs tagged with/;
const refused: [string, string, string, RegExp][] = [
  ['a small service may not use the records floor', 'libs/api/geography/src/probe.ts', "import { RecordWriter } from '@crm/records';", floorRule],
  ['a small service may not use a domain', 'libs/api/geography/src/probe.ts', "import { PeopleService } from '@crm/people';", floorRule],
  ['the records floor may not use a domain', 'libs/api/records/src/probe.ts', "import { PeopleModule } from '@crm/people';", /Circular dependency/],
  [
    'a domain may not use a reader above it',
    'libs/api/organizations/src/probe.ts',
    "import { DataTransferModule } from '@crm/data-transfer';",
    /Circular dependency/,
  ],
  [
    'shared code may not use the platform',
    'libs/shared/i18n/src/probe.ts',
    "import { SqlParams } from '@crm/platform';",
    /Circular dependency|"scope:shared" can only depend/,
  ],
  [
    'the staff app may not use the API',
    'apps/staff/app/probe.ts',
    "import { OrganizationsService } from '@crm/organizations';",
    /"scope:staff" can only depend/,
  ],
  ['an app may not use another app', 'apps/worker/src/probe.ts', "import { createApi } from '../../api/src/bootstrap';", /cannot be imported by a relative/],
  [
    "a domain may not reach into another domain's files",
    'libs/api/people/src/probe.ts',
    "import { organizationKind } from '../../organizations/src/organization.kind';",
    /cannot be imported by a relative/,
  ],
];
const allowed: [string, string, string][] = [
  ['a domain uses another domain through its index', 'libs/api/people/src/probe.ts', "import { OrganizationsService } from '@crm/organizations';"],
  ['a domain uses the records floor', 'libs/api/organizations/src/probe.ts', "import { RecordWriter } from '@crm/records';"],
  ['a reader uses domains', 'libs/api/data-transfer/src/probe.ts', "import { PeopleService } from '@crm/people';"],
  ['the staff app uses shared code', 'apps/staff/app/probe.ts', "import { defineAbilityFor } from '@crm/authz';"],
];

const root = path.resolve(__dirname, '../..');
let messages: string[][] = [];

beforeAll(() => {
  const probes = [...refused, ...allowed].map(([, file, code]) => ({ file, code }));
  const output = execFileSync(process.execPath, [path.join(__dirname, 'lint-probes.mjs')], {
    cwd: root,
    input: JSON.stringify(probes),
    env: { ...process.env, NX_DAEMON: 'false' },
    maxBuffer: 16 * 1024 * 1024,
  });
  messages = JSON.parse(output.toString('utf8'));
});

describe('library floors (decision 056)', () => {
  it.each(refused.map((c, i) => [c[0], i] as const))('lint refuses: %s', (_what, index) => {
    expect(messages[index].some((message) => refused[index][3].test(message))).toBe(true);
  });

  it.each(allowed.map((c, i) => [c[0], refused.length + i] as const))('lint allows: %s', (_what, index) => {
    expect(messages[index]).toEqual([]);
  });
});
