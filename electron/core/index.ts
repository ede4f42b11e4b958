export { createCore, type Core, type CoreOptions } from './core.ts';
export { CoreError } from './errors.ts';
export { createLogger, type Logger } from './logger.ts';
export { assertSupportedRuntime } from './runtime.ts';
export { defaultDataDir } from './default-data-dir.ts';
