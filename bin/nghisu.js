#!/usr/bin/env node
// The CLI is TypeScript run by Node's built-in type stripping (Node >= 22.18), so there is no build
// step between the source and what administrators run. Older Node gets a clear message instead.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `Lỗi: nghisu cần Node.js 22.18 trở lên (đang là ${process.versions.node}). Chạy qua "npm run cli -- …" để dùng Node.js của dự án.\n` +
      `Error: nghisu needs Node.js 22.18+ (this is ${process.versions.node}). Use "npm run cli -- …".`,
  );
  process.exit(1);
}
await import('../electron/cli/nghisu.ts');
