# syntax=docker/dockerfile:1
#
# One image for every Architech service (docs/configuration.md, "Distributed topology"): the
# container runs `node services/$SERVICE/dist/main.js`, so SERVICE picks users, projects, designs,
# simulations, telemetry or gateway. Build it with `docker build -t architech .` or through
# `docker compose up --build`.
#
# Stages: `manifests` extracts what `npm ci` reads (so dependency layers are reused until a
# package.json or the lockfile changes), `build` installs everything and runs `npm run build`
# (every workspace's dist, and the web app in web/dist), `prod-deps` installs the runtime
# dependencies only, and `runtime` puts those and the built dist folders together, run by a
# non-root user.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
# The root package.json, the lockfile, and each workspace's package.json and bin files: the
# workspace list is read from package.json, so a new workspace needs no change here.
RUN node <<'EOF'
const fs = require('node:fs');
const path = require('node:path');
const out = '/manifests';
const copy = (file) => {
  fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
  fs.copyFileSync(file, path.join(out, file));
};
copy('package.json');
copy('package-lock.json');
for (const workspace of require('/src/package.json').workspaces) {
  const manifest = JSON.parse(fs.readFileSync(path.join(workspace, 'package.json'), 'utf8'));
  copy(path.join(workspace, 'package.json'));
  const bins = typeof manifest.bin === 'string' ? [manifest.bin] : Object.values(manifest.bin ?? {});
  for (const bin of bins) copy(path.join(workspace, bin));
}
EOF

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Nx runs without its daemon and never asks Nx Cloud: a build in a container is a one-shot CI run.
ENV NX_DAEMON=false NX_NO_CLOUD=true CI=true
COPY --from=manifests /manifests/ ./
# --ignore-scripts: the root `prepare` script would run the build before the sources are copied;
# no dependency needs its install script to build (their native parts are optional dependencies).
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build
# Every workspace's dist (and the web app's) under /out, laid out as in the repository.
RUN node <<'EOF'
const fs = require('node:fs');
const path = require('node:path');
for (const workspace of require('/app/package.json').workspaces) {
  const dist = path.join(workspace, 'dist');
  if (fs.existsSync(dist)) fs.cpSync(dist, path.join('/out', dist), { recursive: true });
}
if (!fs.existsSync('/out/web/dist/index.html')) throw new Error('npm run build left no web/dist/index.html');
EOF

FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
# Manifests and production node_modules (with the workspace links into /app), then the builds,
# web/dist included.
COPY --from=prod-deps /app ./
COPY --from=build /out/ ./
# The image's `node` user, by number so that Kubernetes' runAsNonRoot can check it.
USER 1000:1000
# Documentation only: each service listens on its own *_PORT (3001–3005, the gateway 8080).
EXPOSE 3001 3002 3003 3004 3005 8080
# `exec` replaces the shell with node, so SIGTERM reaches the service's shutdown hooks. The
# gateway serves the built web app when WEB_DIR=/app/web/dist (compose and k8s set it).
CMD ["sh", "-c", "exec node \"services/${SERVICE:?set SERVICE to users, projects, designs, simulations, telemetry or gateway}/dist/main.js\""]
