# The application image; QuestDB runs in its own container (docker-compose.yml).
# Node 24 LTS (Node 20 left support in April 2026). The build stage installs exactly the lock
# file's tree (npm ci), compiles the server and bundles the dashboard; the runtime stage ships
# both and the production dependencies only.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080 OUTAGE_DATA_DIR=/var/lib/outage
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./
# The dashboard's page, styles and bundle; source maps are never served, so not shipped.
COPY --from=build /app/dashboard/public ./dashboard/public
COPY rules ./rules
COPY mappings ./mappings
RUN find dashboard/public -name '*.map' -delete && mkdir -p /var/lib/outage && chown node:node /var/lib/outage
USER node
EXPOSE 8080
CMD ["node", "dist/cli/main.js", "start"]
