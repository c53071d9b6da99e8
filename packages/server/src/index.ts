export { type AppOptions, buildApp } from './app.js';
export { seed } from './catalogue/seed.js';
export { type Config, loadConfig } from './config.js';
export { type Db, migrate, openDatabase } from './db/index.js';
export { startServer } from './server.js';
