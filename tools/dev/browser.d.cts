export declare const DEBIAN_CHROMIUM: string;

export type BrowserChoice =
  { source: 'CHROMIUM_PATH' | 'debian'; executablePath: string } | { source: 'packaged'; executablePath: null; version: string } | { error: string };

export interface FoundBrowser {
  source: 'CHROMIUM_PATH' | 'debian' | 'packaged';
  executablePath: string;
  /** Extra environment the browser needs (merge over process.env). */
  env: Record<string, string>;
  description: string;
}

export declare function chooseBrowser(facts: {
  env: NodeJS.ProcessEnv;
  isExecutableFile(file: string): boolean;
  packagedVersion: string | null;
  arch: string;
}): BrowserChoice;
export declare function packagedBrowserEnv(dir: string, env: NodeJS.ProcessEnv): Record<string, string>;
export declare function findBrowser(options?: { env?: NodeJS.ProcessEnv }): Promise<FoundBrowser>;
export declare function unpackPackagedChromium(version: string, options?: { cacheRoot?: string }): Promise<string>;
