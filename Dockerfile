# The application image; QuestDB runs in its own container (docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./
COPY rules ./rules
COPY mappings ./mappings
RUN mkdir -p /var/lib/outage && chown node:node /var/lib/outage
USER node
EXPOSE 8080
CMD ["node", "dist/cli/main.js", "start"]
