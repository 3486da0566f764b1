import path from 'node:path';
import { existsSync } from 'node:fs';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler, type IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { PodDisruptionBudget, type IPodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Secret, Service, type IContainer, type IService } from 'kubernetes-models/v1';
import type { IDeployment } from 'kubernetes-models/apps/v1';
import {
  containersOf,
  dockerfile,
  envNames,
  envReadIn,
  fieldNames,
  imageApp,
  isKustomization,
  kubernetesDir,
  kubernetesFieldNames,
  loadManifests,
  manifestFiles,
  nestRoutes,
  parseYaml,
  read,
  root,
  secretsExample,
  sourcesUnder,
  staffStaticRoutes,
  workloads,
  type Manifest,
  type Workload,
} from './manifests';

// The Kubernetes manifests (decision 068) are checked here, in `npm test`, since no
// cluster runs on our machines: against the Kubernetes API schemas, and against the
// code they deploy (routes, settings, images, ports, scripts).

// `never`: each model takes its own kind's shape; the documents are checked by validate().
const models: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1 Deployment': Deployment,
  'batch/v1 Job': Job,
  'v1 Service': Service,
  'v1 ConfigMap': ConfigMap,
  'v1 Secret': Secret,
  'policy/v1 PodDisruptionBudget': PodDisruptionBudget,
  'autoscaling/v2 HorizontalPodAutoscaler': HorizontalPodAutoscaler,
};

/** Settings that are secrets: only ever from a Secret. */
const SECRET_SETTINGS = ['DATABASE_URL', 'DATABASE_MIGRATION_URL', 'REDIS_URL', 'SESSION_SECRET', 'SMTP_URL'];

/** The settings the API and the worker read (libs/api/platform/src/config/config.schema.ts). */
function appConfigKeys(): string[] {
  const source = read('libs/api/platform/src/config/config.schema.ts');
  const body = source.slice(source.indexOf('AppConfigSchema = z.object({'));
  return [...body.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((match) => match[1]);
}

/** What the staff app and its server (apps/staff/server.js) read. */
function staffSettings(): string[] {
  const staff = sourcesUnder('apps/staff/app').flatMap((file) => envReadIn(read(path.relative(root, file))));
  const server = [...read('apps/staff/server.js').matchAll(/process\.env\.([A-Z_]+)/g)].map((match) => match[1]);
  return [...new Set([...staff, ...server])];
}

describe('Kubernetes manifests (docker/kubernetes)', () => {
  let manifests: Manifest[];
  let applied: Manifest[];
  let pods: Workload[];
  const byKind = <T>(kind: string, from = applied) => from.filter(({ doc }) => doc.kind === kind).map(({ doc }) => doc as unknown as T);
  const app = (workload: Workload) => imageApp(workload.pod.containers[0].image);

  beforeAll(() => {
    manifests = loadManifests();
    applied = manifests.filter(({ file }) => file !== secretsExample);
    pods = workloads(applied);
  });

  it('has the api, worker and staff Deployments, the migrate Job, Services, a PodDisruptionBudget and an autoscaler for the api', () => {
    const names = applied.map(({ doc }) => `${doc.kind}/${doc.metadata.name}`).sort();
    expect(names).toEqual(
      expect.arrayContaining([
        'ConfigMap/coalition-crm-config',
        'Deployment/coalition-crm-api',
        'Deployment/coalition-crm-staff',
        'Deployment/coalition-crm-worker',
        'HorizontalPodAutoscaler/coalition-crm-api',
        'Job/coalition-crm-migrate',
        'PodDisruptionBudget/coalition-crm-api',
        'Service/coalition-crm-api',
        'Service/coalition-crm-staff',
      ]),
    );
  });

  it('validates every object against the Kubernetes schema of its kind', () => {
    const problems: string[] = [];
    for (const { file, doc } of manifests) {
      const Model = models[`${doc.apiVersion} ${doc.kind}`];
      if (!Model) {
        problems.push(`${file}: ${doc.apiVersion} ${doc.kind} has no model here`);
        continue;
      }
      try {
        new Model(doc as never).validate();
      } catch (error) {
        problems.push(`${file} ${doc.kind}/${doc.metadata?.name}: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('uses only field names the Kubernetes API declares (a misspelt field would be dropped silently)', () => {
    const known = kubernetesFieldNames();
    expect(known.has('readinessProbe')).toBe(true);
    const unknown = manifests.flatMap(({ file, doc }) =>
      fieldNames(doc)
        .filter(({ name }) => !known.has(name))
        .map(({ at }) => `${file}: ${at}`),
    );
    expect(unknown).toEqual([]);
  });

  it('applies every manifest through a kustomization that lists only files that exist', () => {
    const listed = new Set<string>();
    for (const file of manifestFiles().filter(isKustomization)) {
      const [kustomization] = parseYaml(path.join(kubernetesDir, file)) as { resources: string[]; images?: { name: string }[] }[];
      for (const resource of kustomization.resources) {
        const relative = path.join(path.dirname(file), resource);
        expect(existsSync(path.join(kubernetesDir, relative))).toBe(true);
        listed.add(relative);
      }
    }
    const objects = manifestFiles().filter((file) => !isKustomization(file) && file !== secretsExample);
    expect([...listed].sort()).toEqual(objects);
  });

  it('runs every container as a non-root user, read-only, without privilege escalation or capabilities, with requests and limits', () => {
    for (const workload of pods) {
      const where = `${workload.kind}/${workload.name}`;
      expect({ where, ...workload.pod.securityContext }).toMatchObject({ where, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      expect({ where, automount: workload.pod.automountServiceAccountToken }).toEqual({ where, automount: false });
      // The image's user (`node`) is uid 1000 in the node images.
      expect({ where, user: dockerfile(app(workload)).user, uid: workload.pod.securityContext?.runAsUser }).toEqual({ where, user: 'node', uid: 1000 });
      for (const container of containersOf(workload)) {
        expect({ where, ...container.securityContext }).toMatchObject({
          where,
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
        expect({ where, ...container.resources }).toMatchObject({
          where,
          requests: { cpu: expect.any(String), memory: expect.any(String) },
          limits: { memory: expect.any(String) },
        });
      }
    }
  });

  it('probes the api and the staff app on routes they serve, by a port they name', () => {
    const routes: Record<string, string[]> = {
      api: nestRoutes(read('libs/api/platform/src/health/health.controller.ts')),
      staff: staffStaticRoutes(),
    };
    expect(routes.api).toEqual(expect.arrayContaining(['/health/ready', '/health/live']));
    expect(routes.staff).toContain('/healthz');
    for (const workload of pods.filter((w) => w.kind === 'Deployment' && app(w) !== 'worker')) {
      const container = workload.pod.containers[0];
      const probes = [container.startupProbe, container.readinessProbe, container.livenessProbe].filter(Boolean);
      expect({ app: app(workload), readiness: !!container.readinessProbe, liveness: !!container.livenessProbe }).toEqual({
        app: app(workload),
        readiness: true,
        liveness: true,
      });
      for (const probe of probes) {
        expect(routes[app(workload)]).toContain(probe!.httpGet!.path);
        expect((container.ports ?? []).map((port) => port.name)).toContain(probe!.httpGet!.port);
      }
    }
    const api = pods.find((w) => w.name === 'coalition-crm-api')!.pod.containers[0];
    expect(api.readinessProbe!.httpGet!.path).toBe('/health/ready');
    expect(api.livenessProbe!.httpGet!.path).toBe('/health/live');
  });

  it("checks the worker, which serves no HTTP, with the image's healthcheck.cjs in a mode it has", () => {
    const modes = [...read('docker/healthcheck.cjs').matchAll(/mode === '([a-z0-9]+)'/g)].map((match) => match[1]);
    const worker = pods.find((w) => w.name === 'coalition-crm-worker')!;
    expect(dockerfile('worker').copies).toContain('docker/healthcheck.cjs');
    for (const probe of [worker.pod.containers[0].readinessProbe, worker.pod.containers[0].livenessProbe]) {
      const [node, script, mode] = probe!.exec!.command!;
      expect([node, script, modes.includes(mode)]).toEqual(['node', 'healthcheck.cjs', true]);
    }
  });

  it('gives the api and the worker only settings the configuration schema knows, the staff app only what it reads', () => {
    const appKeys = appConfigKeys();
    expect(appKeys).toEqual(expect.arrayContaining(['DATABASE_URL', 'DATABASE_MIGRATION_URL', 'REDIS_URL', 'SMTP_URL']));
    const staffKeys = staffSettings();
    expect(staffKeys).toEqual(expect.arrayContaining(['SESSION_SECRET', 'API_URL', 'PORT', 'HOST']));
    for (const workload of pods) {
      const known = app(workload) === 'staff' ? staffKeys : appKeys;
      for (const container of containersOf(workload)) {
        const unknown = envNames(container, applied).filter((name) => !known.includes(name));
        expect({ workload: workload.name, unknown }).toEqual({ workload: workload.name, unknown: [] });
      }
    }
  });

  it('takes every secret from a Secret whose key secrets.example.yaml lists, and never puts one in the ConfigMap', () => {
    const secrets = byKind<{ metadata: { name: string }; stringData: Record<string, string> }>('Secret', manifests);
    for (const workload of pods) {
      for (const variable of containersOf(workload).flatMap((container) => container.env ?? [])) {
        const ref = variable.valueFrom?.secretKeyRef;
        if (SECRET_SETTINGS.includes(variable.name))
          expect({ name: variable.name, literal: variable.value, fromSecret: !!ref }).toEqual({ name: variable.name, literal: undefined, fromSecret: true });
        if (ref) {
          const secret = secrets.find((s) => s.metadata.name === ref.name);
          expect({ ref, listed: Object.keys(secret?.stringData ?? {}).includes(ref.key) }).toEqual({ ref, listed: true });
        }
      }
    }
    for (const configMap of byKind<{ data: Record<string, string> }>('ConfigMap')) {
      expect(Object.keys(configMap.data).filter((key) => SECRET_SETTINGS.includes(key))).toEqual([]);
    }
  });

  it("hands the owner's database URL to the migrate Job alone; the api and the worker get the application role's", () => {
    const secretsUsed = (workload: Workload) =>
      containersOf(workload).flatMap((container) => (container.env ?? []).map((variable) => variable.valueFrom?.secretKeyRef?.name).filter(Boolean));
    for (const workload of pods) {
      const names = containersOf(workload).flatMap((container) => envNames(container, applied));
      const isMigrate = workload.kind === 'Job';
      expect({ workload: workload.name, owner: names.includes('DATABASE_MIGRATION_URL') }).toEqual({ workload: workload.name, owner: isMigrate });
      expect({ workload: workload.name, ownerSecret: secretsUsed(workload).includes('coalition-crm-migrate') }).toEqual({
        workload: workload.name,
        ownerSecret: isMigrate,
      });
    }
    const example = byKind<{ stringData: Record<string, string> }>('Secret', manifests);
    const urlUser = (key: string) => new URL(example.find((s) => s.stringData[key])!.stringData[key]).username;
    expect([urlUser('DATABASE_URL'), urlUser('DATABASE_MIGRATION_URL')]).toEqual(['crm_app', 'crm_owner']);
  });

  it('uses the images the Dockerfiles build (as the compose file names them), the ports they expose and scripts they contain', () => {
    const compose = parseYaml(path.join(root, 'docker/compose.yml'))[0] as { services: Record<string, { image?: string }> };
    const composeImages = Object.values(compose.services).map((service) => service.image?.replace(/:.*$/, ''));
    const kustomizeImages = manifestFiles()
      .filter(isKustomization)
      .flatMap((file) => (parseYaml(path.join(kubernetesDir, file))[0] as { images: { name: string }[] }).images.map((image) => image.name));
    for (const workload of pods) {
      for (const container of containersOf(workload)) {
        const name = imageApp(container.image);
        expect(existsSync(path.join(root, `docker/${name}.Dockerfile`))).toBe(true);
        expect(composeImages).toContain(`coalition-crm/${name}`);
        expect(kustomizeImages).toContain(`coalition-crm/${name}`);
        const image = dockerfile(name);
        expect((container.ports ?? []).map((port) => port.containerPort)).toEqual(image.exposes.slice(0, (container.ports ?? []).length));
        const setting = (key: string) => container.env?.find((variable) => variable.name === key)?.value;
        const listensOn = setting('API_PORT') ?? setting('PORT');
        if (container.ports?.length) expect(Number(listensOn)).toBe(container.ports[0].containerPort);
        // Scripts named in a command (dist/x/y.js) are compiled from a source the image copies.
        for (const script of (container.command ?? []).join(' ').matchAll(/dist\/([\w/-]+)\.js/g)) {
          expect(existsSync(path.join(root, `${script[1]}.ts`))).toBe(true);
          expect(image.copies.some((copied) => script[1].startsWith(`${copied}/`))).toBe(true);
        }
      }
    }
  });

  it('points every Service, PodDisruptionBudget and autoscaler at a Deployment that exists, by its labels and named port', () => {
    const deployments = byKind<IDeployment>('Deployment');
    const matching = (selector: Record<string, string>) =>
      deployments.filter((d) => Object.entries(selector).every(([key, value]) => d.spec!.template.metadata!.labels![key] === value));
    for (const service of byKind<IService>('Service')) {
      const [target, ...others] = matching(service.spec!.selector!);
      expect({ service: service.metadata!.name, matches: others.length + (target ? 1 : 0) }).toEqual({ service: service.metadata!.name, matches: 1 });
      const portNames = target.spec!.template.spec!.containers.flatMap((c: IContainer) => (c.ports ?? []).map((port) => port.name));
      for (const port of service.spec!.ports!) expect(portNames).toContain(port.targetPort);
    }
    for (const budget of byKind<IPodDisruptionBudget>('PodDisruptionBudget')) expect(matching(budget.spec!.selector!.matchLabels!)).toHaveLength(1);
    for (const autoscaler of byKind<IHorizontalPodAutoscaler>('HorizontalPodAutoscaler')) {
      const target = deployments.find((d) => d.metadata!.name === autoscaler.spec.scaleTargetRef.name);
      expect(target).toBeDefined();
      // The autoscaler owns the count: a replicas field would reset it at every apply.
      expect(target!.spec!.replicas).toBeUndefined();
    }
  });

  it("keeps the most connections the api and workers can open under a small managed PostgreSQL's 100, with 10 to spare", () => {
    const pool = Number(byKind<{ data: Record<string, string> }>('ConfigMap')[0].data.DATABASE_POOL_SIZE);
    const apiMax = byKind<IHorizontalPodAutoscaler>('HorizontalPodAutoscaler').find((h) => h.metadata!.name === 'coalition-crm-api')!.spec.maxReplicas;
    const workers = byKind<IDeployment>('Deployment').find((d) => d.metadata!.name === 'coalition-crm-worker')!.spec!.replicas!;
    expect(pool).toBeGreaterThan(0);
    expect((apiMax + workers) * pool).toBeLessThanOrEqual(90);
  });
});

describe('compose file (docker/compose.yml)', () => {
  type Service = { environment?: Record<string, string>; image?: string; depends_on?: Record<string, { condition: string }> };
  let services: Record<string, Service>;
  beforeAll(() => {
    services = (parseYaml(path.join(root, 'docker/compose.yml'))[0] as { services: Record<string, Service> }).services;
  });
  const user = (url: string | undefined) => (url ? new URL(url.replace(/\$\{[^}]*\}/g, 'x')).username : undefined);

  it('runs the api and the worker as crm_app, without the owner or superuser URL', () => {
    for (const name of ['api', 'worker']) {
      const env = services[name].environment!;
      expect({ name, user: user(env.DATABASE_URL), owner: env.DATABASE_MIGRATION_URL, admin: env.DATABASE_ADMIN_URL }).toEqual({
        name,
        user: 'crm_app',
        owner: undefined,
        admin: undefined,
      });
    }
  });

  it('makes the roles as the superuser, then migrates as crm_owner, before the api and the worker start', () => {
    const roles = services['db-roles'].environment!;
    expect(user(roles.DATABASE_ADMIN_URL)).toBe('postgres');
    expect([user(roles.DATABASE_MIGRATION_URL), user(roles.DATABASE_URL)]).toEqual(['crm_owner', 'crm_app']);
    expect(user(services.migrate.environment!.DATABASE_MIGRATION_URL)).toBe('crm_owner');
    expect(services.migrate.environment!.DATABASE_ADMIN_URL).toBeUndefined();
    expect(services.migrate.depends_on!['db-roles'].condition).toBe('service_completed_successfully');
    for (const name of ['api', 'worker']) expect(services[name].depends_on!.migrate.condition).toBe('service_completed_successfully');
  });
});
