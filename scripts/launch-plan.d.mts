// Types for launch-plan.mjs (plain JS so `npm start` runs before anything is built).
export type Found = { ok: true } | { ok: false; reason: string };
export type LaunchMode = { mode: 'electron' } | { mode: 'browser'; line: string };
export declare function electronExecutable(platform: string): string;
export declare function electronBinaryPath(where: { electronPackageDir: string; platform: string; env: Record<string, string | undefined> }): string;
export declare function chooseMode(found: { runtime: Found; native: Found }): LaunchMode;
export declare function fallbackLine(what: string, reason: string): string;
export declare function electronArgs(entry: string, userArgs: readonly string[]): string[];
export declare function browserArgs(entry: string, userArgs: readonly string[]): string[];
export declare function summarizeFailure(output: string): string;
