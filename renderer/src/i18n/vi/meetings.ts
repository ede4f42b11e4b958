/** Vietnamese texts of the meetings screens (namespace 'meetings'); en/meetings.ts must have the same keys. */
export const meetings = {};
