# syntax=docker/dockerfile:1
#
# Aura IDE for self-hosting. `docker compose up -d --build` runs it with PostgreSQL and Redis
# (docker-compose.yml); see the README's Deploy section.
#
#   deps       every dependency; argon2 and node-pty compile here (the full image has the toolchain)
#   build      `next build` (it type-checks every .ts file, so it needs the whole source)
#   prod-deps  runtime dependencies only, compiled against the same Debian as the runtime
#   runtime    node:20-bookworm-slim + bubblewrap, as the unprivileged `node` user

FROM node:20-bookworm AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
RUN npm run build

FROM node:20-bookworm AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim AS runtime
# bubblewrap isolates local sandboxes (not needed with E2B_API_KEY, harmless then); tini reaps the
# processes that terminals and dev servers leave behind and passes signals on.
RUN apt-get update \
  && apt-get install -y --no-install-recommends bubblewrap tini ca-certificates \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOST=0.0.0.0 \
    AURA_DATA_DIR=/data \
    PATH=/app/node_modules/.bin:$PATH
# `next start` needs .next, public and next.config.mjs; the launcher (which applies migrations
# first) runs src/cli/launch.ts through tsx, which needs src, tsconfig.json (for `@/`) and drizzle/.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/.next ./.next
COPY package.json package-lock.json next.config.mjs tsconfig.json ./
COPY public ./public
COPY drizzle ./drizzle
COPY src ./src
# Sandboxes (one folder per project) and, without AUTH_SECRET, the generated secret live in /data.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
# The launcher applies pending migrations (under an advisory lock, so replicas take turns), then
# runs `next start`, and stops it cleanly on SIGTERM.
CMD ["node", "--import", "tsx", "src/cli/launch.ts", "next", "start"]
