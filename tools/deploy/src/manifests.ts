import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { IJob } from 'kubernetes-models/batch/v1';
import type { IDeployment } from 'kubernetes-models/apps/v1';
import type { IContainer, IPodSpec } from 'kubernetes-models/v1';
import { parseAllDocuments } from 'yaml';

// Reading the Kubernetes manifests (docker/kubernetes) and the sources they must
// agree with, for manifests.spec.ts.

export const root = path.resolve(__dirname, '../../..');
export const kubernetesDir = path.join(root, 'docker/kubernetes');
/** Lists the Secrets' keys; not applied (secrets are created from a secret store). */
export const secretsExample = 'secrets.example.yaml';

export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

export interface Manifest {
  /** Relative to docker/kubernetes. */
  file: string;
  doc: KubernetesObject;
}

export function read(relativeToRoot: string): string {
  return readFileSync(path.join(root, relativeToRoot), 'utf8');
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(entry.name) ? [full] : [];
  });
}

/** Every YAML document of a file; a syntax error fails loudly, with the file. */
export function parseYaml(file: string): unknown[] {
  const documents = parseAllDocuments(readFileSync(file, 'utf8'), { merge: true });
  return documents.map((document) => {
    if (document.errors.length) throw new Error(`${path.relative(root, file)}: ${document.errors[0].message}`);
    return document.toJS();
  });
}

/** The files under docker/kubernetes, by path relative to it. */
export function manifestFiles(): string[] {
  return yamlFiles(kubernetesDir)
    .map((file) => path.relative(kubernetesDir, file))
    .sort();
}

export const isKustomization = (file: string) => path.basename(file) === 'kustomization.yaml';

/** Every Kubernetes object in the manifests (kustomization files aside), the example Secrets included. */
export function loadManifests(): Manifest[] {
  return manifestFiles()
    .filter((file) => !isKustomization(file))
    .flatMap((file) => parseYaml(path.join(kubernetesDir, file)).map((doc) => ({ file, doc: doc as KubernetesObject })));
}

export interface Workload {
  file: string;
  kind: string;
  name: string;
  podLabels: Record<string, string>;
  pod: IPodSpec;
}

/** Deployments and Jobs with their pod template. */
export function workloads(manifests: Manifest[]): Workload[] {
  return manifests
    .filter(({ doc }) => doc.kind === 'Deployment' || doc.kind === 'Job')
    .map(({ file, doc }) => {
      const spec = (doc as unknown as IDeployment | IJob).spec!;
      return { file, kind: doc.kind, name: doc.metadata.name, podLabels: spec.template.metadata?.labels ?? {}, pod: spec.template.spec! };
    });
}

export const containersOf = (workload: Workload): IContainer[] => [...(workload.pod.initContainers ?? []), ...workload.pod.containers];

/** coalition-crm/api:tag -> api */
export function imageApp(image: string | undefined): string {
  const match = /^coalition-crm\/([a-z-]+)(:[\w.-]+)?$/.exec(image ?? '');
  if (!match) throw new Error(`image ${image} is not coalition-crm/<app>`);
  return match[1];
}

/** The settings a container is given: its env names and the keys of the ConfigMaps it takes whole. */
export function envNames(container: IContainer, manifests: Manifest[]): string[] {
  const fromConfigMaps = (container.envFrom ?? []).flatMap((source) => {
    const name = source.configMapRef?.name;
    const configMap = manifests.find(({ doc }) => doc.kind === 'ConfigMap' && doc.metadata.name === name);
    if (!configMap) throw new Error(`ConfigMap ${name} is not in the manifests`);
    return Object.keys((configMap.doc.data as Record<string, string>) ?? {});
  });
  return [...(container.env ?? []).map((variable) => variable.name), ...fromConfigMaps];
}

/**
 * Every property name the Kubernetes API types declare (kubernetes-models' type
 * declarations): the schemas accept unknown fields, so a misspelt `readinesProbe`
 * would validate and be dropped by the API server. Checked against this list.
 */
export function kubernetesFieldNames(): Set<string> {
  const names = new Set<string>();
  const dirs = ['node_modules/kubernetes-models', 'node_modules/@kubernetes-models/apimachinery'].map((dir) => path.join(root, dir));
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.d.ts')) {
        for (const match of readFileSync(full, 'utf8').matchAll(/^\s+"?([A-Za-z_$][\w$]*)"?\??:/gm)) names.add(match[1]);
      }
    }
  };
  for (const dir of dirs) if (existsSync(dir)) walk(dir);
  return names;
}

/** Maps whose keys are data, not field names. */
const FREE_FORM = new Set(['labels', 'annotations', 'matchLabels', 'data', 'stringData', 'nodeSelector', 'requests', 'limits']);

/** Field names used in a document, with where: free-form maps (labels, ConfigMap data, resources…) skipped. */
export function fieldNames(doc: KubernetesObject): { name: string; at: string }[] {
  const found: { name: string; at: string }[] = [];
  const walk = (value: unknown, at: string[]) => {
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...at, String(index)]));
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        found.push({ name: key, at: [...at, key].join('.') });
        // A Service's selector is a label map (a Deployment's is a LabelSelector).
        const serviceSelector = doc.kind === 'Service' && at.join('.') === 'spec' && key === 'selector';
        if (!FREE_FORM.has(key) && !serviceSelector) walk(child, [...at, key]);
      }
    }
  };
  walk(doc, []);
  return found;
}

/** Routes of a Nest controller source: @Controller('health') + @Get('ready') -> /health/ready. */
export function nestRoutes(source: string): string[] {
  const base = /@Controller\('([^']*)'\)/.exec(source)?.[1] ?? '';
  return [...source.matchAll(/@Get\('([^']*)'\)/g)].map((match) => `/${[base, match[1]].filter(Boolean).join('/')}`);
}

/** Static routes of the staff app (Remix flat routes): healthz.ts -> /healthz; routes with parameters left out. */
export function staffStaticRoutes(): string[] {
  return readdirSync(path.join(root, 'apps/staff/app/routes'))
    .map((file) => file.replace(/\.tsx?$/, ''))
    .filter((name) => !name.includes('$'))
    .map((name) => `/${name.replace(/(^|\.)_index$/, '').replace(/\./g, '/')}`);
}

/** Environment variables a source reads as `env.NAME` or `process.env.NAME`. */
export function envReadIn(source: string): string[] {
  return [...source.matchAll(/\benv\.([A-Z][A-Z0-9_]*)/g)].map((match) => match[1]);
}

export function sourcesUnder(relativeDir: string, pattern = /\.(ts|tsx)$/): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(full);
      return pattern.test(entry.name) && !/\.(spec|int-spec)\.tsx?$/.test(entry.name) ? [full] : [];
    });
  return walk(path.join(root, relativeDir));
}

/** What a Dockerfile's runtime stage says: ports it exposes, its user, its working directory, what it copies. */
export function dockerfile(app: string): { exposes: number[]; user: string | undefined; workdir: string; copies: string[] } {
  const text = read(`docker/${app}.Dockerfile`);
  const runtime = text.slice(text.lastIndexOf('FROM '));
  return {
    exposes: [...runtime.matchAll(/^EXPOSE\s+(\d+)/gm)].map((match) => Number(match[1])),
    user: /^USER\s+(\S+)/m.exec(runtime)?.[1],
    workdir: [...runtime.matchAll(/^WORKDIR\s+(\S+)/gm)].pop()?.[1] ?? '/',
    copies: [...text.matchAll(/^COPY\s+(?:--\S+\s+)*(\S+)\s+\S+/gm)].map((match) => match[1]),
  };
}
