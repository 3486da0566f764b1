#!/usr/bin/env node
// `npm run db:migrate`: runs the TypeORM migrations against DATABASE_URL or the
// embedded PostgreSQL (see services.cjs). Extra arguments are passed through.
'use strict';
const { runOneShot, dist } = require('./one-shot.cjs');

void runOneShot({ name: 'migrate', script: dist.migrate });
