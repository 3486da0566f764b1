export declare const dist: { migrate: string; seed: string; api: string; worker: string };
export declare const staffDir: string;
export declare const staffServerEntry: string;
export declare function compileNode(options?: { quiet?: boolean; logFile?: string }): Promise<unknown>;
export declare function buildStaff(options?: { force?: boolean; quiet?: boolean; logFile?: string }): Promise<boolean>;
export declare function staffBuildIsFresh(): boolean;
export declare function requireDist(file: string): string;
export declare function staffServeCommand(): { command: string; args: string[]; cwd: string };
