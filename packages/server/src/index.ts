export { buildApp, type AppOptions } from './app.js';
export { loadConfig, type Config } from './config.js';
export { openDatabase, migrate, type Db } from './db/index.js';
export { seed } from './catalogue/seed.js';
export { startServer } from './server.js';
