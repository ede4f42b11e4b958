/** Points per millimetre. */
export const MM = 72 / 25.4;

/** Nghị định 30/2020 paper: A4 portrait. */
export const OFFICIAL_PAPER = 'A4';

/** Nghị định 30/2020 margins: top and bottom 20 mm, left 30 mm, right 15 mm. */
export const OFFICIAL_MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
