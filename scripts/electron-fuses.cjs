// electron-builder afterPack hook: flips Electron's fuses in the packaged executable, before signing, so a
// shipped Roster cannot be turned into a general Node runtime or debugged/reconfigured from outside.
// CommonJS because electron-builder require()s its hooks.
const path = require('node:path');

/** The fuse wire for every packaged Roster. All fuses are listed so an Electron upgrade that adds one fails the build. */
function rosterFuses(FuseV1Options, FuseVersion, { resetAdHocDarwinSignature = false } = {}) {
  return {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    resetAdHocDarwinSignature,
    [FuseV1Options.RunAsNode]: false, // ELECTRON_RUN_AS_NODE would make the app a plain Node
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false, // NODE_OPTIONS could inject code
    [FuseV1Options.EnableNodeCliInspectArguments]: false, // --inspect would open a debugger into main
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true, // a tampered app.asar refuses to load (macOS, Windows)
    [FuseV1Options.OnlyLoadAppFromAsar]: true, // no app folder next to app.asar can take its place
    [FuseV1Options.EnableCookieEncryption]: true, // the profile's cookies are encrypted with the OS keystore
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false, // Roster loads from app://, never file://
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  };
}

/** The Electron executable electron-builder produced for one platform. */
function packagedExecutable({ appOutDir, electronPlatformName, productFilename, executableName }) {
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${productFilename}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${productFilename}.exe`);
  return path.join(appOutDir, executableName);
}

async function afterPack(context) {
  const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');
  const { appInfo, executableName } = context.packager;
  const file = packagedExecutable({
    appOutDir: context.appOutDir,
    electronPlatformName: context.electronPlatformName,
    productFilename: appInfo.productFilename,
    executableName: executableName ?? appInfo.productFilename,
  });
  // Flipping fuses breaks an ad-hoc signature; arm64 macOS refuses unsigned code, so re-sign ad hoc there.
  const resetAdHocDarwinSignature = context.electronPlatformName === 'darwin' && context.arch === 3; // Arch.arm64
  await flipFuses(file, rosterFuses(FuseV1Options, FuseVersion, { resetAdHocDarwinSignature }));
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.rosterFuses = rosterFuses;
module.exports.packagedExecutable = packagedExecutable;
