import { createSocket } from 'node:dgram';

/**
 * Whether multicast works on the loopback interface here, as mDNS needs to find a room on this same
 * machine. Linux's loopback carries multicast once it has the flag and a route (.ci/run sets both:
 * `ip link set lo multicast on`, `ip route add 224.0.0.0/4 dev lo`); a laptop without them cannot run
 * the discovery test, which then says why instead of failing.
 */
export function loopbackMulticast(): Promise<boolean> {
  return new Promise((resolve) => {
    const group = '224.0.0.250';
    const receiver = createSocket({ type: 'udp4', reuseAddr: true });
    const sender = createSocket({ type: 'udp4', reuseAddr: true });
    const done = (ok: boolean) => {
      clearTimeout(timer);
      receiver.close();
      sender.close();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), 1000);
    receiver.on('error', () => done(false));
    sender.on('error', () => done(false));
    receiver.on('message', (m) => m.toString() === 'nghisu-probe' && done(true));
    receiver.bind(0, () => {
      const { port } = receiver.address();
      try {
        receiver.addMembership(group, '127.0.0.1');
        sender.bind(0, () => {
          sender.setMulticastInterface('127.0.0.1');
          sender.setMulticastLoopback(true);
          sender.send('nghisu-probe', port, group);
        });
      } catch {
        done(false);
      }
    });
  });
}
