// Types for native-binding-path.mjs (plain JS so the launcher can run it unbuilt).
export declare const NATIVE_FOLDER: string;
export declare function electronNativeBindingPath(where: { root: string; electronVersion: string; platform: string; arch: string }): string;
