/** Vietnamese texts of the documents screens (namespace 'documents'); en/documents.ts must have the same keys. */
export const documents = {};
