// The file system calls the commands await, as node's callback API through util.promisify. Loading node's
// fs/promises costs about 2 ms of CPU, a percent of a whole `dflint Dockerfile`, and these calls need none of
// what it adds (write-atomic.ts, which needs its file handles, loads it only when a file is written).
import { readdir as readdirCallback, readFile as readFileCallback, stat as statCallback, writeFile as writeFileCallback } from "node:fs";
import { promisify } from "node:util";

export const readFile = promisify(readFileCallback);
export const readdir = promisify(readdirCallback);
export const stat = promisify(statCallback);
export const writeFile = promisify(writeFileCallback);
