// TODO: Electron preload (being written).
export {};
