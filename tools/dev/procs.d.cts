import type { ChildProcess } from 'node:child_process';

export declare const root: string;
export declare const dataRoot: string;
export declare const runDir: string;
export declare const logDir: string;

export declare class UserError extends Error {
  constructor(message: string, exitCode?: number);
  exitCode: number;
}

export interface ExitResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: Error;
}

export interface ProcessHandle {
  name: string;
  child: ChildProcess;
  pid: number | undefined;
  exited: Promise<ExitResult>;
  recent: string[];
  done: boolean;
  stop(timeoutMs?: number): Promise<ExitResult>;
}

export interface StartOptions {
  name: string;
  command: string;
  args?: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  kind?: 'app' | 'tool';
  colorName?: string;
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  quiet?: boolean;
  logFile?: string;
  stopSignal?: NodeJS.Signals;
}

export declare function color(name: string, text: string): string;
export declare function say(message: string): void;
export declare function warn(message: string): void;
export declare function since(startedAt: number): string;
export declare function sleep(ms: number): Promise<void>;
export declare function isAlive(pid: number, startTime?: string | null): boolean;
export declare function signalGroup(pid: number, signal: NodeJS.Signals, group?: boolean): boolean;
export declare function reapOrphans(options?: { log?: (message: string) => void }): Promise<void>;
export declare function startProcess(options: StartOptions): ProcessHandle;
export declare function runStep(options: Omit<StartOptions, 'kind' | 'onLine' | 'stopSignal'>): Promise<ExitResult>;
export declare function stopSteps(): Promise<void>;
export declare function waitForHttp(url: string, options?: { timeoutMs?: number; handle?: ProcessHandle; name?: string }): Promise<void>;
export declare function waitForLine(handle: ProcessHandle, pattern: RegExp, options?: { timeoutMs?: number }): Promise<void>;
export declare function describeExit(result: ExitResult): string;
export declare function isPortFree(port: number, host?: string): Promise<boolean>;
export declare function freePort(host?: string): Promise<number>;
