export * from './common.js';
export * from './errors.js';
export * from './frames.js';
export * from './parse.js';
export * from './http.js';
export * from './settings.js';
export * from './vouchError.js';
export * from './voices.js';
