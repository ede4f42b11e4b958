/** Vietnamese texts of the directory screens (namespace 'directory'); en/directory.ts must have the same keys. */
export const directory = {};
