# syntax=docker/dockerfile:1
# Samverkan: compiled with every dependency, run with the production ones only.
#
# Node.js 22 LTS, slim Debian, pinned by digest so every build starts from the same bytes.
# To move to a newer node:22-slim: `docker buildx imagetools inspect node:22-slim` prints the
# index digest to paste here (test/operations/docker-image.test.ts checks the pin's form).
ARG NODE_IMAGE=node:22-slim@sha256:83f487e0a63425e5b4d146fb5e5be574bcbe1b7b843d3ebafdd95eaf7767a7e5

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Compilers only for the case where better-sqlite3 has no prebuilt binary for this platform.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# The service only (tsconfig.build.json: src/, no specs); then drop the development dependencies.
RUN npm run build && npm prune --omit=dev && mkdir -p data

FROM ${NODE_IMAGE} AS service
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 DATA_DIR=/app/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/src ./dist/src
# The data directory belongs to the unprivileged user the service runs as; mount a volume here.
COPY --from=build --chown=node:node /app/data ./data
USER node
EXPOSE 3000
# Liveness (/health/live): the process answers HTTP. Not readiness: orchestrators that act on HEALTHCHECK
# (Swarm) restart an unhealthy container, and a restart cures nothing /health/ready reports (a stopped
# projection, a full disk, catching up) — it would only interrupt the catching up. Load balancers should
# probe /health/ready themselves. (Node 22 has fetch; the slim image has no curl.)
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM starts the graceful shutdown (readiness fails, then the listener closes: SHUTDOWN_DELAY_MS).
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/main.js"]
