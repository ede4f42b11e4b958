/** Text is stored NFC, but anything pasted in NFD would draw its marks apart: normalise on the way out. */
export const nfc = (text: string) => text.normalize('NFC');
