import { describe, expect, it } from 'vitest';
import { decideExternalLink, linkQuestion, OPEN_BUTTON } from '../../electron/main/external-links.ts';

describe('decideExternalLink', () => {
  it('never opens a web link directly: it asks, with the full address', () => {
    const decision = decideExternalLink('https://chinhphu.vn/van-ban?id=1#muc-2');
    expect(decision).toEqual({ action: 'ask', url: 'https://chinhphu.vn/van-ban?id=1#muc-2', scheme: 'https:' });
    expect(decideExternalLink('http://example.com/a b')).toMatchObject({ action: 'ask', url: 'http://example.com/a%20b' });
    expect(decideExternalLink('mailto:vanphong@laocai.gov.vn?subject=Hop')).toMatchObject({ action: 'ask', scheme: 'mailto:' });
  });

  it('refuses every other scheme without asking', () => {
    for (const url of [
      'file:///C:/Windows/system32/calc.exe',
      'javascript:alert(1)',
      'ms-msdt:/id PCWDiagnostic',
      'search-ms:query=x&crumb=location:\\\\attacker\\share',
      'smb://server/share',
      'data:text/html,<script>1</script>',
      'vbscript:msgbox',
      'ftp://example.com/',
      'app://nghisu/index.html',
    ]) {
      expect(decideExternalLink(url), url).toMatchObject({ action: 'deny', reason: 'scheme' });
    }
  });

  it('refuses addresses that would read differently from where they go', () => {
    expect(decideExternalLink('https://user:pw@example.com/')).toMatchObject({ action: 'deny', reason: 'credentials' });
    expect(decideExternalLink('https://example.com/\u202Efdp.exe')).toMatchObject({ action: 'deny', reason: 'hidden-characters' });
    expect(decideExternalLink('https://exa\u200Bmple.com/')).toMatchObject({ action: 'deny', reason: 'hidden-characters' });
    expect(decideExternalLink(`https://example.com/${'a'.repeat(3000)}`)).toMatchObject({ action: 'deny', reason: 'too-long' });
    expect(decideExternalLink('not a url')).toMatchObject({ action: 'deny', reason: 'unparsable' });
    expect(decideExternalLink('http:')).toMatchObject({ action: 'deny' });
  });
});

describe('linkQuestion', () => {
  it('shows the whole address in Vietnamese and makes "Không mở" the default and the cancel', () => {
    const q = linkQuestion('https://chinhphu.vn/van-ban?id=1');
    expect(q.detail).toBe('https://chinhphu.vn/van-ban?id=1');
    expect(q.message).toContain('trình duyệt');
    expect(q.buttons[OPEN_BUTTON]).toBe('Mở');
    expect(q.buttons[q.defaultId]).toBe('Không mở');
    expect(q.cancelId).toBe(q.defaultId);
    expect(linkQuestion('mailto:a@b.vn').message).toContain('thư điện tử');
  });
});
