import { describe, expect, it } from 'vitest';
import { defaultStyles, keyCommand, parseStoredStyles } from '../../../renderer/src/features/reader/annotations/model/tools.ts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('annotation keys', () => {
  it('maps the tool letters, either case', () => {
    expect(keyCommand(key('h'))).toEqual({ type: 'tool', tool: 'highlight' });
    expect(keyCommand(key('P'))).toEqual({ type: 'tool', tool: 'ink' });
    expect(keyCommand(key('x'))).toEqual({ type: 'tool', tool: 'eraser' });
    expect(keyCommand(key('v'))).toEqual({ type: 'tool', tool: 'select' });
  });

  it('undo with Ctrl+Z, redo with Ctrl+Y or Ctrl+Shift+Z (and ⌘ on a Mac)', () => {
    expect(keyCommand(key('z', { ctrlKey: true }))).toEqual({ type: 'undo' });
    expect(keyCommand(key('Z', { ctrlKey: true, shiftKey: true }))).toEqual({ type: 'redo' });
    expect(keyCommand(key('y', { ctrlKey: true }))).toEqual({ type: 'redo' });
    expect(keyCommand(key('z', { metaKey: true }))).toEqual({ type: 'undo' });
  });

  it('leaves other shortcuts alone (Ctrl+F, Ctrl+H, Alt+letters, Shift+letters)', () => {
    expect(keyCommand(key('f', { ctrlKey: true }))).toBeNull();
    expect(keyCommand(key('h', { ctrlKey: true }))).toBeNull();
    expect(keyCommand(key('h', { altKey: true }))).toBeNull();
    expect(keyCommand(key('H', { shiftKey: true }))).toBeNull();
    expect(keyCommand(key('q'))).toBeNull();
  });

  it('Delete and Backspace delete, Escape escapes', () => {
    expect(keyCommand(key('Delete'))).toEqual({ type: 'delete' });
    expect(keyCommand(key('Backspace'))).toEqual({ type: 'delete' });
    expect(keyCommand(key('Escape'))).toEqual({ type: 'escape' });
  });
});

describe('remembered tool styles', () => {
  it('starts from the defaults', () => {
    expect(parseStoredStyles(null)).toEqual(defaultStyles);
    expect(parseStoredStyles('not json')).toEqual(defaultStyles);
  });

  it('keeps valid remembered values and drops broken ones', () => {
    const styles = parseStoredStyles(
      JSON.stringify({ ink: { color: '#1565c0', thickness: 4 }, highlight: { color: 'yellow', opacity: 7 }, arrow: 'x' }),
    );
    expect(styles.ink).toEqual({ ...defaultStyles.ink, color: '#1565C0', thickness: 4 });
    expect(styles.highlight).toEqual(defaultStyles.highlight);
    expect(styles.arrow).toEqual(defaultStyles.arrow);
  });
});
