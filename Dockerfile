# syntax=docker/dockerfile:1

# --- build: compile TypeScript with the dev dependencies -------------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Scripts off here: `prepare` would build before the sources are copied.
RUN npm ci --ignore-scripts
COPY . .
RUN npm run build

# --- runtime: production dependencies, compiled code and the shipped data ----------------------
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    DATA_DIR=/app/data
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` needs tsc, which is a dev dependency; dist/ comes from the build stage.
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
# What `serve` reads at run time: the compiled CLI (bin/dvc-bot.js → dist/cli/main.js), the web
# chat page (public/, found relative to dist/), and the shipped knowledge/ and flows/ (KNOWLEDGE_DIR
# and FLOWS_DIR default to ./knowledge and ./flows under WORKDIR).
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/knowledge ./knowledge
COPY --from=build /app/flows ./flows
COPY --from=build /app/public ./public
# DATA_DIR holds the embedded store, or the Redis-outage spool: it must be writable by `node`.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "bin/dvc-bot.js", "serve"]
