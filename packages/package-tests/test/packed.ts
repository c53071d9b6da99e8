/**
 * What an `npm install @loket/components` would give a regional web team, made without the
 * registry: `pnpm pack` of @loket/sdk and @loket/components (what `pnpm publish` uploads,
 * `workspace:*` replaced by the version), their third-party dependencies (ky, uqr…) packed again
 * from the copies pnpm installed in this workspace (same name, version and files as on the
 * registry), and a fresh project in a temporary directory that installs the two tarballs with
 * `npm install --offline`, the third-party tarballs given as `overrides` in place of the registry.
 * npm never touches the network (`--offline` fails at once on any request), so the test does not
 * depend on the registry being up.
 */
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const workspace = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/** The published packages this suite installs, by workspace folder. */
export const PUBLISHED = { '@loket/sdk': 'packages/sdk', '@loket/components': 'packages/components' };

export interface Packed {
  /** The fresh consumer project; its node_modules holds what npm installed. */
  project: string;
  /** Tarball path by package name (@loket/* and the third-party ones). */
  tarballs: Record<string, string>;
}

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
}

const manifest = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));

async function pack(cwd: string, out: string, tool: 'pnpm' | 'npm'): Promise<string> {
  const args =
    tool === 'pnpm'
      ? ['pack', '--pack-destination', out]
      : ['pack', '--ignore-scripts', '--pack-destination', out, cwd];
  const { stdout } = await run(tool, args, { cwd, maxBuffer: 16 * 1024 * 1024 });
  const file = stdout.trim().split('\n').pop()?.trim() ?? '';
  return file.startsWith('/') ? file : join(out, basename(file));
}

/** The installed copy of `name` as Node would find it from `fromDir` (in pnpm's store, through its symlinks). */
function installedDir(name: string, fromDir: string): string {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (basename(dir) !== 'node_modules' && existsSync(candidate)) return realpathSync(candidate);
    if (dirname(dir) === dir) throw new Error(`${name} is not installed (from ${fromDir})`);
  }
}

export async function packAndInstall(): Promise<Packed> {
  const root = mkdtempSync(join(tmpdir(), 'loket-pack-'));
  const out = join(root, 'tarballs');
  mkdirSync(out);
  for (const dir of Object.values(PUBLISHED)) {
    if (!statSync(join(workspace, dir, 'dist'), { throwIfNoEntry: false }))
      throw new Error(`${dir}/dist is missing: run \`pnpm build\` first`);
  }
  const tarballs: Record<string, string> = {};
  await Promise.all(
    Object.entries(PUBLISHED).map(async ([name, dir]) => {
      tarballs[name] = await pack(join(workspace, dir), out, 'pnpm');
    }),
  );
  // Third-party dependencies, walked from each published package's own node_modules.
  const queue = Object.values(PUBLISHED).map((dir) => join(workspace, dir));
  while (queue.length) {
    const from = queue.shift() as string;
    for (const dep of Object.keys(manifest(from).dependencies ?? {})) {
      if (dep in tarballs || dep in PUBLISHED) continue;
      const dir = installedDir(dep, from);
      tarballs[dep] = await pack(dir, out, 'npm');
      queue.push(dir);
    }
  }
  const project = join(root, 'consumer');
  mkdirSync(project);
  const file = (name: string) => `file:${tarballs[name]}`;
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify(
      {
        name: 'loket-consumer',
        private: true,
        type: 'module',
        dependencies: { '@loket/sdk': file('@loket/sdk'), '@loket/components': file('@loket/components') },
        overrides: Object.fromEntries(Object.keys(tarballs).map((name) => [name, file(name)])),
      },
      null,
      2,
    ),
  );
  await run(
    'npm',
    [
      'install',
      '--offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--no-package-lock',
      '--loglevel=error',
    ],
    { cwd: project, env: { ...process.env, npm_config_cache: join(root, 'npm-cache') } },
  );
  return { project, tarballs };
}
