# syntax=docker/dockerfile:1.7
# Production image: Node 24 LTS, production dependencies and build output only,
# run as a non-root user. What it runs (npm ci, npm run build, npm start) is the
# same as .ci/run and the README, which CI exercises on every change.

FROM node:24-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:24-slim AS runtime
ENV NODE_ENV=production PORT=3000 DATA_DIR=/var/lib/kapatiran
WORKDIR /app
RUN groupadd --system kapatiran && useradd --system --gid kapatiran --home /app kapatiran \
  && mkdir -p /var/lib/kapatiran && chown kapatiran:kapatiran /var/lib/kapatiran
COPY --from=build --chown=kapatiran:kapatiran /app/package.json ./
COPY --from=build --chown=kapatiran:kapatiran /app/node_modules ./node_modules
COPY --from=build --chown=kapatiran:kapatiran /app/build ./build
COPY --from=build --chown=kapatiran:kapatiran /app/public ./public
COPY --from=build --chown=kapatiran:kapatiran /app/drizzle ./drizzle
USER kapatiran
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "build/server/index.js"]
