import { describe, expect, it } from 'vitest';
import { joinLink, splitJoinLink } from '../../../renderer/src/features/live-room/joinLink.ts';

const fingerprint = Array.from({ length: 32 }, (_, i) => (i * 7).toString(16).padStart(2, '0').toUpperCase()).join(':');

describe('the join link (address#fingerprint)', () => {
  it('round-trips, and a pasted link fills both fields', () => {
    expect(splitJoinLink(joinLink('wss://192.168.1.10:8443/', fingerprint))).toEqual({ url: 'wss://192.168.1.10:8443/', fingerprint });
    expect(splitJoinLink(`  wss://10.0.0.5:9000/#${fingerprint.toLowerCase()} `)).toEqual({ url: 'wss://10.0.0.5:9000/', fingerprint });
  });

  it('an address alone or a broken fingerprint leaves the fingerprint to be typed', () => {
    expect(splitJoinLink('wss://192.168.1.10:8443/')).toEqual({ url: 'wss://192.168.1.10:8443/', fingerprint: null });
    expect(splitJoinLink('wss://192.168.1.10:8443/#AB:CD')).toEqual({ url: 'wss://192.168.1.10:8443/', fingerprint: null });
  });
});
