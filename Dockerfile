# Handoff: the Probot server (`npm start`) with SQLite in /app/data, or PostgreSQL through DATABASE_URL.
# Written without a Docker engine at hand: it has not been built on the machine it was written on.
#
#   docker build -t handoff .
#   docker run --init -p 3000:3000 --env-file .env -v handoff-data:/app/data handoff

# Build stage: production dependencies, with the toolchain better-sqlite3 needs when no prebuilt
# binary matches this Node and glibc. The toolchain stays behind in this stage.
FROM node:20-bookworm-slim AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# tsx, which `npm start` runs the TypeScript sources with, is a runtime dependency: dev dependencies are not needed.
RUN npm ci --omit=dev && npm cache clean --force

# Runtime stage.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json app.yml ./
COPY src ./src
COPY schema ./schema
# The default SQLite database and the webhook inbox live in data/ (DATABASE_URL and HANDOFF_INBOX_DIR unset): keep it on a volume.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 3000
# /healthz answers 200 when the store answers.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["npm", "start"]
