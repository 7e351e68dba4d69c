// TODO: Electron entry (being written).
export {};
