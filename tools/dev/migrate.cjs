#!/usr/bin/env node
// `npm run db:migrate`: runs the TypeORM migrations against DATABASE_URL or the
// embedded PostgreSQL (see services.cjs), as the owner role (DATABASE_MIGRATION_URL,
// made by services.cjs on a server it holds a superuser for). Extra arguments are
// passed through.
'use strict';
const { runOneShot, dist } = require('./one-shot.cjs');

void runOneShot({ name: 'migrate', script: dist.migrate });
