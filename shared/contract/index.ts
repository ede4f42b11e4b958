export * from './errors.ts';
export * from './settings.ts';
export * from './methods.ts';
export * from './events.ts';
export * from './envelope.ts';
export * from './bridge.ts';
