#!/usr/bin/env node
// Manual static server: `node tests/e2e/lib/serve.js <dir> [port] [prefix]`
// Serves <dir> (e.g. dist) at http://127.0.0.1:<port><prefix> (prefix defaults to "/").
import path from 'node:path';
import { createStaticServer, listen } from './static.js';

const [dir = 'dist', portArg = '8080', prefixArg = '/'] = process.argv.slice(2);
let prefix = prefixArg.startsWith('/') ? prefixArg : '/' + prefixArg;
if (!prefix.endsWith('/')) prefix += '/';
const root = path.resolve(dir);
const server = createStaticServer([{ prefix, root, cors: false }]);
const port = await listen(server, Number(portArg));
console.log(`Serving ${root} at http://127.0.0.1:${port}${prefix}`);
