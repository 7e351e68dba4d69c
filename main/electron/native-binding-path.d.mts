// Types for native-binding-path.mjs (plain JS so the launcher can run it unbuilt).
export interface CheckoutBinding {
  root: string;
  electronVersion: string;
  platform: string;
  arch: string;
}
export declare const NATIVE_FOLDER: string;
export declare const PACKAGING_FOLDER: string;
export declare const BINDING_FILE: string;
export declare function electronNativeBindingPath(where: CheckoutBinding): string;
export declare function nativeBindingFor(where: CheckoutBinding & { isPackaged: boolean; resourcesPath: string }): string;
