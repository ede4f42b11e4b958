/** Vietnamese texts of the packs screens (namespace 'packs'); en/packs.ts must have the same keys. */
export const packs = {};
