# syntax=docker/dockerfile:1.7
# Production image: Node 24 LTS, production dependencies and build output only,
# run as a non-root user. What it runs (npm ci, npm run build, npm start) is the
# same as .ci/run and the README, which CI exercises on every change.
#
# Build (CI passes the commit; without them /healthz says "unknown" and "dev"):
#   docker build --build-arg KAPATIRAN_COMMIT=$(git rev-parse HEAD) \
#     --build-arg KAPATIRAN_RELEASE=$(git rev-parse HEAD) \
#     --build-arg KAPATIRAN_BUILT_AT=$(date -u +%Y-%m-%dT%H:%M:%SZ) -t kapatiran .
# Run with a read-only root file system: the app writes only to DATA_DIR (a volume:
# the EMF metrics file, and in development the embedded database and uploads) and /tmp:
#   docker run --read-only --tmpfs /tmp -v kapatiran-data:/var/lib/kapatiran \
#     --env-file /etc/kapatiran/env -e RELEASE=<tag> -p 127.0.0.1:3001:3000 kapatiran

FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# Production dependencies in a stage of their own, cached until package-lock.json
# changes: a new commit then ships a few MB of new layers, not node_modules again.
# Source maps in node_modules are never loaded at run time: 36 MB of the image.
FROM deps AS production-deps
RUN npm prune --omit=dev && find node_modules -name "*.map" -delete

FROM deps AS build
# Which commit this is and when it was built: `npm run build` writes them to
# build/build-info.json (scripts/build-info.ts), since the build context has no .git.
ARG KAPATIRAN_COMMIT
ARG KAPATIRAN_BUILT_AT
ARG KAPATIRAN_RELEASE
COPY . .
RUN npm run build

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000 DATA_DIR=/var/lib/kapatiran
WORKDIR /app
# pg_dump/pg_restore for scripts/backup and scripts/restore, which run inside this image
# (Debian bookworm's client is PostgreSQL 15, the box's server: hence bookworm, not the
# image's default Debian, named in every FROM).
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-client \
  && rm -rf /var/lib/apt/lists/*
RUN groupadd --system kapatiran && useradd --system --gid kapatiran --home /app kapatiran \
  && mkdir -p /var/lib/kapatiran && chown kapatiran:kapatiran /var/lib/kapatiran
# The app's files belong to root and are read-only to the app's user: it never writes there.
COPY --from=production-deps /app/package.json ./
COPY --from=production-deps /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY --from=build /app/public ./public
COPY --from=build /app/drizzle ./drizzle
# The operators' commands (deploy, rollback, smoke, backup, restore): bash shims over build/scripts.
# .github/scripts/deploy-on-box copies them out of each new image onto the box before deploying it.
COPY --from=build /app/scripts/deploy /app/scripts/rollback /app/scripts/smoke /app/scripts/backup /app/scripts/restore ./scripts/
# Writable even when the operator forgets -v: an anonymous volume rather than a failed write.
VOLUME ["/var/lib/kapatiran"]
# Last, so a new commit does not invalidate the layers above.
ARG KAPATIRAN_COMMIT
ARG KAPATIRAN_BUILT_AT
LABEL org.opencontainers.image.title="Kapatiran" \
  org.opencontainers.image.revision="${KAPATIRAN_COMMIT}" \
  org.opencontainers.image.created="${KAPATIRAN_BUILT_AT}"
USER kapatiran
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "build/server/index.js"]
