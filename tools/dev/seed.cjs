#!/usr/bin/env node
// `npm run db:seed [-- --scale large]`: seeds DATABASE_URL or the embedded
// PostgreSQL (see services.cjs) as the owner role (DATABASE_MIGRATION_URL).
// Arguments are passed through to the seed script.
'use strict';
const { runOneShot, dist } = require('./one-shot.cjs');

void runOneShot({ name: 'seed', script: dist.seed });
