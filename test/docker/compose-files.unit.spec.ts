import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { ROOT } from '../support/service-process.js';

/**
 * No Docker engine runs on CI, so the deployment files are checked without one:
 * the compose files against the Compose Specification's JSON schema (vendored
 * beside this test, unchanged, from compose-spec/compose-spec at commit 170098b,
 * schema/compose-spec.json, Apache-2.0; so the test needs no network), and the
 * wiring the service needs.
 */
interface ComposeService {
  readonly image?: string;
  readonly build?: { readonly context: string; readonly dockerfile: string };
  readonly environment?: Record<string, string | number>;
  readonly volumes?: readonly string[];
  readonly depends_on?: Record<string, { readonly condition: string }>;
  readonly healthcheck?: { readonly test: readonly string[] };
}

interface ComposeFile {
  readonly services: Record<string, ComposeService>;
  readonly volumes?: Record<string, unknown>;
}

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
/** Compose files use YAML merge keys (`<<: *anchor`), which the YAML 1.2 default leaves off. */
const load = (path: string): unknown => parse(read(path), { merge: true });

let validate: ValidateFunction;

beforeAll(() => {
  const schema = JSON.parse(read('test/docker/compose-spec.json')) as Record<string, unknown>;
  // strict off: the schema uses annotations (deprecated) that draft-07 does not define; and it names
  // its meta-schema by an https address Ajv does not know, so the (published) schema is not re-checked.
  validate = new Ajv({ strict: false, allErrors: true, validateSchema: false }).compile(schema);
});

const problems = (document: unknown): string[] =>
  validate(document) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);

const servicesOf = (file: ComposeFile, kind: 'eventstoredb' | 'indicators'): ComposeService[] =>
  Object.values(file.services).filter((service) =>
    kind === 'eventstoredb' ? service.image?.includes('eventstore') === true : service.build !== undefined,
  );

describe('the compose files', () => {
  it('refuses a document that breaks the specification, so that the checks below mean something', () => {
    expect(problems({ services: { api: { image: 3, restart: 'sometimes', portz: [] } } })).not.toEqual([]);
  });

  it.each(['docker/compose.yaml', 'docker/cluster/compose.yaml'])('%s follows the Compose Specification', (path) => {
    expect(problems(load(path))).toEqual([]);
  });

  it('runs one EventStoreDB node in dev mode and the service wired to it', () => {
    const file = load('docker/compose.yaml') as ComposeFile;
    const [node] = servicesOf(file, 'eventstoredb');
    const [service] = servicesOf(file, 'indicators');

    expect(servicesOf(file, 'eventstoredb')).toHaveLength(1);
    expect(node?.environment).toMatchObject({ EVENTSTORE_INSECURE: 'true', EVENTSTORE_CLUSTER_SIZE: 1 });
    expect(service?.environment).toMatchObject({
      EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: 'esdb://eventstoredb:2113?tls=false',
      HOST: '0.0.0.0',
      DATA_DIR: '/data',
    });
    expect(service?.depends_on).toEqual({ eventstoredb: { condition: 'service_healthy' } });
    expect(service?.build).toEqual({ context: '..', dockerfile: 'docker/Dockerfile' });
  });

  it('runs a three-node cluster, gossiping with each other, and two instances each with its own read models', () => {
    const file = load('docker/cluster/compose.yaml') as ComposeFile;
    const nodes = servicesOf(file, 'eventstoredb');
    const instances = servicesOf(file, 'indicators');
    const names = Object.keys(file.services).filter((name) => file.services[name]!.image?.includes('eventstore'));

    expect(nodes).toHaveLength(3);
    for (const node of nodes) {
      const seeds = String(node.environment?.EVENTSTORE_GOSSIP_SEED).split(',');
      expect(node.environment?.EVENTSTORE_CLUSTER_SIZE).toBe(3);
      expect(seeds).toHaveLength(2);
      expect(seeds).not.toContain(`${String(node.environment?.EVENTSTORE_REPLICATION_IP)}:2113`);
    }
    expect(instances).toHaveLength(2);
    for (const instance of instances) {
      const connection = String(instance.environment?.EVENTSTORE_CONNECTION_STRING);
      expect(names.every((name) => connection.includes(`${name}:2113`))).toBe(true);
      expect(instance.environment).toMatchObject({ EVENT_STORE: 'eventstoredb', HOST: '0.0.0.0', DATA_DIR: '/data' });
      expect(Object.keys(instance.depends_on ?? {}).sort()).toEqual([...names].sort());
    }
    const dataVolumes = instances.map((instance) => instance.volumes?.find((volume) => volume.endsWith(':/data')));
    expect(new Set(dataVolumes).size).toBe(2);
    expect(
      dataVolumes.every((volume) => volume !== undefined && Object.hasOwn(file.volumes ?? {}, volume.split(':')[0]!)),
    ).toBe(true);
  });
});

describe('the service image', () => {
  const dockerfile = read('docker/Dockerfile');
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const runtime = stages[stages.length - 1] ?? '';

  it('builds in one stage and runs from Node 24 LTS slim in another, with production dependencies only', () => {
    expect(stages).toHaveLength(2);
    // Node 20 reached its end of life on 30 April 2026; 24 is the active LTS.
    expect(stages.every((stage) => stage.startsWith('node:24-trixie-slim'))).toBe(true);
    expect(dockerfile).toContain('npm prune --omit=dev');
    expect(runtime).toMatch(/COPY --from=build .*\/app\/node_modules/);
    expect(runtime).not.toMatch(/\bsrc\b|npm ci/);
  });

  it('runs as an unprivileged user, with a health check on /health', () => {
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n.*\/health/m);
  });

  it("installs Debian's Chromium and a font for PDF reports, at the path the service uses on a host", () => {
    const install = /^RUN apt-get update[^\n]*(?:\n [^\n]*)*/m.exec(runtime)?.[0] ?? '';
    expect(install).toMatch(/apt-get install -y --no-install-recommends .*\bchromium\b/);
    expect(install).toMatch(/\bfonts-dejavu-core\b/);
    expect(install).toContain('rm -rf /var/lib/apt/lists/*');
    expect(runtime).toMatch(/CHROMIUM_PATH=\/usr\/bin\/chromium\b/);
    expect(runtime.indexOf('apt-get install')).toBeLessThan(runtime.indexOf('USER node'));
  });

  it('starts the service as npm start does, with the same Node flags', () => {
    const { scripts } = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    const started = /&& (node( --[\w-]+=?\S*)* dist\/main\.js)$/.exec(scripts['start'] ?? '');
    expect(started).not.toBeNull();
    const command = /^CMD (\[.*\])$/m.exec(runtime);
    expect(command).not.toBeNull();
    expect(JSON.parse(command![1]!)).toEqual(started![1]!.split(' '));
  });
});
